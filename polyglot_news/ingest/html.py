"""HTML to text blocks: every visible block on its own line, with the structure it came from.

`page_blocks(html)` returns a `Page`: the page title and site name from the metadata, and a
list of `Block`s in document order. A block is the text of one block-level element (as a
browser's "copy all text" or a scraper's dump would give it) plus what the markup says
about it, so the cleaner can use the structure as well as the text:

- `tag`: the innermost block element (`p`, `h1`, `li`, `figcaption`, `td`...), or `title`
  for the page's `<title>`, which comes first as it does in a page dump;
- `roles`: what the enclosing elements say the block is part of, from their tag names and
  their `class`/`id`/`role`/`itemprop` attributes: `nav`, `header`, `footer`, `aside`,
  `comment`, `related`, `share`, `ad`, `form`, `caption`, `byline`, `article`, `main`, and
  `link` when nearly all of the block's text is link text;
- `link_share`: the share of the block's characters inside links (menus are all links);
- `boxes`: the numbers of the block-level elements that enclose it, outermost first (each element
  of the page has its own number), so the cleaner can tell which blocks share a container.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)
from dataclasses import dataclass, field

SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head", "select", "math", "video", "audio"}
BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section",
    "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption", "blockquote", "pre",
    "table", "form", "button", "label", "option", "dd", "dt", "dl", "hr", "address", "details", "summary",
    "caption", "fieldset", "legend", "menu", "body", "center", "tbody", "thead", "tfoot",
}
# block tags worth naming in a hint; text in a plain container keeps its named ancestor's tag
NAMED_BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption", "blockquote", "pre", "dt", "dd",
    "caption", "button", "label", "option", "legend", "summary", "address",
}
TAG_ROLES = {
    "nav": "nav", "footer": "footer", "aside": "aside", "header": "header", "form": "form",
    "button": "form", "label": "form", "figcaption": "caption", "article": "article", "main": "main",
    "address": "byline", "time": "byline",
}
ARIA_ROLES = {
    "navigation": "nav", "contentinfo": "footer", "complementary": "aside", "banner": "header",
    "main": "main", "article": "article", "menu": "nav", "menubar": "nav", "search": "form",
    "dialog": "form", "alertdialog": "form",
}
# class/id words, matched as whole tokens (after splitting on - _ and spaces) ...
_TOKEN_ROLES = {
    "nav": "nav", "navbar": "nav", "navigation": "nav", "menu": "nav", "breadcrumb": "nav",
    "breadcrumbs": "nav", "pagination": "nav", "pager": "nav", "topbar": "nav", "tags": "nav", "tag": "nav",
    "footer": "footer", "copyright": "footer", "colophon": "footer",
    "sidebar": "aside", "aside": "aside", "rail": "aside", "widget": "aside", "sidebar1": "aside",
    "comment": "comment", "comments": "comment", "disqus": "comment", "discussion": "comment", "respond": "comment",
    "related": "related", "recommended": "related", "recommendations": "related", "trending": "related",
    "popular": "related", "outbrain": "related", "taboola": "related", "promo": "related", "teaser": "related",
    "teasers": "related", "morestories": "related", "readmore": "related", "mostread": "related",
    "share": "share", "sharing": "share", "social": "share", "sharebar": "share", "sns": "share",
    "ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "sponsored": "ad", "sponsor": "ad",
    "banner": "ad", "dfp": "ad", "adslot": "ad",
    "newsletter": "form", "subscribe": "form", "subscription": "form", "cookie": "form", "cookies": "form",
    "consent": "form", "gdpr": "form", "modal": "form", "popup": "form", "paywall": "form", "login": "form",
    "signup": "form", "search": "form",
    "caption": "caption", "credit": "caption", "credits": "caption", "photocredit": "caption",
    "byline": "byline", "author": "byline", "dateline": "byline", "timestamp": "byline", "date": "byline",
    "masthead": "header", "header": "header",
}
# ... and substrings that name an article body container
_ARTICLE_MARKS = re.compile(
    r"article[-_]?(body|content|text)|articlebody|story[-_]?(body|content|text)|post[-_]?(body|content|text)"
    r"|entry[-_]?content|content[-_]?body|main[-_]?text|news[-_]?(body|text|content)|body[-_]?text"
    r"|text[-_]?content|rich[-_]?text|article__body|article-copy"
)
_SPLIT = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


@dataclass
class Block:
    """The text of one block-level element and what the markup says about it."""

    text: str
    tag: str
    roles: frozenset[str] = frozenset()
    link_share: float = 0.0
    boxes: tuple[int, ...] = ()

    @property
    def hint(self) -> str:
        """The tag, the roles, then the enclosing elements, space-separated (e.g. `li nav @1.4.9`, `p article @1.7.8`)."""
        return " ".join([self.tag, *sorted(self.roles), *(["@" + ".".join(map(str, self.boxes))] if self.boxes else [])])


@dataclass
class Page:
    """The blocks of an HTML page with its title and site name."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    site: str | None = None


def roles_of(tag: str, attrs: dict[str, str | None]) -> set[str]:
    """The roles an element gives its content, from its tag and attributes."""
    roles: set[str] = set()
    if tag in TAG_ROLES:
        roles.add(TAG_ROLES[tag])
    aria = (attrs.get("role") or "").lower()
    if aria in ARIA_ROLES:
        roles.add(ARIA_ROLES[aria])
    itemprop = (attrs.get("itemprop") or "").lower()
    if "articlebody" in itemprop:
        roles.add("article")
    if tag in ("html", "body"):
        return roles
    names = " ".join(filter(None, (attrs.get("class"), attrs.get("id")))).lower()
    if names:
        if _ARTICLE_MARKS.search(names):
            roles.add("article")
        for token in _SPLIT.split(names):
            if token in _TOKEN_ROLES:
                roles.add(_TOKEN_ROLES[token])
    return roles


def _hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style.lower()))


class _Collector:
    """Gathers text into blocks while the tree is walked."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.linked = 0
        self.tag = "div"
        self.roles: frozenset[str] = frozenset()
        self.boxes: tuple[int, ...] = ()

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            total = len(text)
            share = min(1.0, self.linked / total)
            roles = self.roles | {"link"} if share > 0.8 else self.roles
            self.blocks.append(Block(text, self.tag, frozenset(roles), share, self.boxes))
        self.parts, self.linked = [], 0

    def add(self, text: str, in_link: bool) -> None:
        self.parts.append(text)
        if in_link:
            self.linked += len(text.strip())


def _meta(tree, *names: str) -> str | None:
    """The first non-empty `content` of a meta tag with one of the given property/name values."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{name}"]')
            if node is not None:
                value = (node.attributes.get("content") or "").strip()
                if value:
                    return " ".join(value.split())
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (`<meta charset>` or http-equiv)."""
    head = data[:4096].decode("ascii", "ignore").lower()
    m = re.search(r"<meta[^>]+charset\s*=\s*[\"']?\s*([a-z0-9_\-:.]+)", head)
    return m.group(1) if m else None


# The HTML parser's time grows with the square of one element's attributes and of the nesting
# depth (16k of either: 0.5 s; 100k: half a minute; 1M: hours). No real page comes near these
# caps, so a page beyond them is refused as too complex before it reaches the parser.
MAX_ATTRIBUTES = 2000  # on one element
MAX_DEPTH = 4000  # nested container elements

# containers the parser never closes by itself, so their depth is what the parser builds
_CONTAINERS = ("div", "span", "section", "article", "aside", "main", "header", "footer", "nav", "table", "tbody",
               "tr", "td", "th", "ul", "ol", "dl", "blockquote", "form", "figure", "fieldset", "details", "object")
_CONTAINER_OPEN = re.compile(r"<(?:" + "|".join(_CONTAINERS) + r")[\s/>]", re.I)
_RAW_TEXT = re.compile(r"<(script|style|textarea|xmp|noembed|noframes)\b.*?</\1\s*>", re.I | re.S)
# a tag as the HTML tokenizer reads it: a quote opens a value only after "=", and a quoted
# value may hold anything, > and < included; elsewhere a quote is just a character of a name
_TAG = re.compile(r"""<(/?)([a-zA-Z][^\s/>]*+)((?:[^=>]++|=\s*+(?:"[^"]*+"|'[^']*+')|=)*+)""")
_ATTRIBUTE = re.compile(r"""[^\s=>/]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?""")


class TooComplex(ValueError):
    """An HTML page whose markup would keep the parser busy for minutes (see MAX_ATTRIBUTES, MAX_DEPTH)."""


# a tag with at least 2 * MAX_ATTRIBUTES tokens (characters, or whole quoted values): every tag with
# more than MAX_ATTRIBUTES attributes is one, and ordinary pages have none, so the count is rarely run
_LONG_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*+(?>[^=>]|=\s*+(?:"[^"]*+"|'[^']*+')|=){%d}""" % (2 * MAX_ATTRIBUTES))


def check_complexity(html: str) -> None:
    """Raise TooComplex for markup beyond the caps; two C-speed regex passes on ordinary pages.

    Counts are taken the way the tokenizer reads tags (quoted values may hold `>`), outside
    script and style, so the caps cannot be dodged by quoting and are not tripped by code.
    """
    long_tags = _LONG_TAG.search(html) is not None
    deep = html.count("<") > MAX_DEPTH and len(_CONTAINER_OPEN.findall(html)) > MAX_DEPTH
    if not (long_tags or deep):
        return
    markup = _RAW_TEXT.sub("", html)
    depth = 0
    containers = set(_CONTAINERS)
    for m in _TAG.finditer(markup):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if long_tags and len(rest) > 2 * MAX_ATTRIBUTES:  # each attribute takes at least two characters
            n = 0
            for _ in _ATTRIBUTE.finditer(rest):
                n += 1
                if n > MAX_ATTRIBUTES:
                    raise TooComplex(f"too complex to parse: a <{name[:20]}> element with more than {MAX_ATTRIBUTES} attributes")
        if deep and name in containers:
            if closing:
                depth = max(0, depth - 1)
            elif not rest.rstrip().endswith("/"):
                depth += 1
                if depth > MAX_DEPTH:
                    raise TooComplex(f"too complex to parse: elements nested more than {MAX_DEPTH} deep")


def page_blocks(html: str) -> Page:
    """Parse `html` and return its blocks, title and site name (see the module docstring).

    Raises TooComplex for markup the parser would take minutes over (see `check_complexity`).
    """
    from selectolax.lexbor import LexborHTMLParser

    check_complexity(html)
    tree = LexborHTMLParser(html)
    page = Page()
    title_node = tree.css_first("title")
    page_title = " ".join(title_node.text().split()) if title_node is not None else ""
    page.title = _meta(tree, "og:title", "twitter:title") or page_title or None
    site = _meta(tree, "og:site_name", "application-name", "publisher", "twitter:site")
    if site and site.startswith("@"):
        site = site[1:]
    page.site = site
    out = _Collector()
    if page_title:
        page.blocks.append(Block(page_title, "title"))
    root = tree.body
    if root is None:
        return page
    # iterative walk: (node, entering) pairs; context is a stack of (roles, in_link, tag, enclosing block elements)
    stack: list[tuple[object, bool]] = [(root, True)]
    context: list[tuple[frozenset[str], bool, str, tuple[int, ...]]] = [(frozenset(), False, "div", ())]
    numbered = 0
    while stack:
        node, entering = stack.pop()
        tag = node.tag or "-"
        if not entering:
            context.pop()
            if tag in BLOCK:
                out.flush()
                out.tag, out.roles, out.boxes = context[-1][2], context[-1][0], context[-1][3]
            continue
        if tag == "-text":
            text = node.text_content or ""
            if text:
                out.add(text, context[-1][1])
            continue
        if tag.startswith("-") or tag in SKIP:
            continue
        attrs = node.attributes
        if _hidden(attrs):
            continue
        roles, in_link, block_tag, boxes = context[-1]
        new_roles = roles_of(tag, attrs)
        if "article" in new_roles and "article" not in roles:
            # chrome names above the article container belong to page wrappers, not widgets
            roles = roles & {"main"}
            new_roles &= {"article", "main"}
        if "article" in roles:
            # inside the article, its own header holds its title, not site chrome
            new_roles.discard("header")
        roles = roles | frozenset(new_roles)
        if tag in BLOCK:
            out.flush()
            if tag in NAMED_BLOCKS:
                block_tag = tag
            numbered += 1
            boxes = (*boxes, numbered)
            out.tag, out.roles, out.boxes = block_tag, roles, boxes
        context.append((roles, in_link or tag == "a", block_tag, boxes))
        stack.append((node, False))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        for c in reversed(children):
            stack.append((c, True))
    out.flush()
    page.blocks.extend(out.blocks)
    return page
