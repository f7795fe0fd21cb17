"""Page titles of the form "Headline - Site Name": splitting them and finding the site name.

Shared by ingest (to fill `Article.site` for page dumps) and clean (to spot the title
repeated as chrome, and captions that carry the site name as a suffix).
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)

# separators sites put between the headline and their name, spaced on both sides
_SEPARATOR = re.compile(r"\s+[-|–—:·•»/]{1,2}\s+|\s+::\s+")
_LEADING = re.compile(r"^[-|–—:·•»]{1,2}\s+")


def split_page_title(text: str) -> tuple[str, str | None]:
    """Split "Headline | Site" into ("Headline", "Site"); ("text", None) when there is no short suffix.

    A leading separator ("- Site Name", a title tag whose headline is empty) gives ("", "Site Name").
    The site part must be short (at most 5 words) to count.
    """
    text = text.strip()
    lead = _LEADING.match(text)
    if lead:
        rest = text[lead.end():].strip()
        return ("", rest) if 0 < len(rest.split()) <= 5 else (text, None)
    matches = list(_SEPARATOR.finditer(text))
    if not matches:
        return text, None
    last = matches[-1]
    headline, site = text[: last.start()].strip(), text[last.end():].strip()
    if not site or len(site.split()) > 5 or not headline:
        return text, None
    return headline, site


def site_from_dump(lines: list[str]) -> str | None:
    """The site name of a page dump, from its first line when the rest of the page confirms it.

    Confirmed when the headline part reappears as its own line, the site part reappears in
    another line, or the first line is only "- Site Name".
    """
    if not lines:
        return None
    headline, site = split_page_title(lines[0])
    if not site:
        return None
    if not headline:
        return site
    rest = lines[1:200]
    if any(line.strip() == headline for line in rest):
        return site
    if any(line.strip().endswith(site) for line in rest):
        return site
    return None


def headline_forms(text: str) -> list[str]:
    """Every "Headline" a page title may stand for: the text cut at each site separator, longest first.

    "A - Breaking News - Site" gives ["A - Breaking News", "A"]; a title without separators gives [].
    """
    forms = []
    for m in reversed(list(_SEPARATOR.finditer(text))):
        head = text[: m.start()].strip()
        if len(head.split()) >= 2:
            forms.append(head)
    return forms
