"""Marking page chrome: every segment gets a kind, so only the article reaches the summary.

`mark_kinds(article, glossary)` sets `Segment.kind` to one of `model.KINDS`. It runs before
language detection, so its rules look at what any language shows:

1. Each segment is measured (length in words, or characters/2 for scripts written without
   spaces; sentence punctuation; script) and checked against patterns that hold across
   languages: photo credits and copyright lines, counters, dates and bylines, comment
   widgets, newsletter boxes, "Read also:" lines, link texts ("Read more ›"), headings such
   as "Related stories", the page title repeated with the site name, and the UI strings of
   the curated glossaries (`Glossary.ui_entry`). Runs of headline + one-paragraph pairs
   after an article are lists of other stories (teasers with their blurbs); runs of citation
   lines ending with a year are a source list; author biographies, "X contributed reporting"
   notes, calls to join or follow, disclaimers, comment rules, spelled-out share buttons and
   lines that are mostly spelled-out links are chrome. The paragraph just above a "Reply"
   button is a reader's comment. A line ending with a colon followed by plain list items
   carries the article on in a list (unless the items look like headlines or repeat the
   label: a menu); a dump's table, one cell a line, is found by its cells' repeating shapes
   (label, numbers, note) and neither makes nor breaks the article.
2. The article is the densest run of prose: each segment scores its length when it reads
   as prose and a penalty when it is short or chrome, and the run with the highest total (a
   maximum-sum subarray) is the article. For HTML the structure counts too (see
   `htmltext.py`): blocks in an article-body container score more, and when that container
   holds most of the prose, blocks outside it are chrome; navigation, footers, share bars,
   comment and related-story widgets score as chrome. List items and short paragraphs left
   in the article container after its last paragraph stay in the article.
3. The title is the `h1`, or the headline-shaped line that repeats the page title or stands
   just before the article; exactly one segment gets it when the page has one. The article
   then runs from the title to where its prose ends (a comment widget, a "Related" heading
   or a time stamp after a paragraph are strong breaks).
4. Inside the article, prose is `body`, credits are `caption`, a single headline-shaped line
   between paragraphs is a `teaser` when it reads like a headline (title case, or six words
   or more in a plain-text dump) and a subheading (`body`) otherwise; lists followed by more
   paragraphs stay in the article. Outside it, short lines are `ui` (menus, buttons) and the
   rest `boilerplate`. Short lines in another script than the article's are `ui` anywhere.
   A picture's description just above its bare credit, or closed by its sources in
   parentheses, is a `caption`. The standfirst (an HTML subheading right under the headline,
   the paragraph between the headline and the byline or date, perhaps with share buttons
   between, or an HTML block under the headline whose markup and a widget set it apart from
   the paragraphs) is a `teaser`: a summary of the article written for it, not its text; so
   are the points under a "Key points" heading above the text and the short lines above a
   dateline ("CITY (Agency) — ..."), where the article starts. Headlines under a "Related"
   heading are teasers; in an article cut into sections by several lone lines, those lines
   are its subheadings.

The weights were tuned on the dev pages of `../shared/data/dev/pages/aeb` (see
`bench/clean.py`); every rule is a general one, none names a site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .glossary import Glossary
from .model import BODY, BOILERPLATE, CAPTION, TEASER, TITLE, UI, Article, Segment
from .pagetitle import headline_forms, split_page_title

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?…。！？؟]['\"”’»)\]]*$")
# a smiley closes a sentence in informal prose ("... 🙂")
_EMOJI_END = re.compile(r"([\U0001F300-\U0001FAFF\u2600-\u27BF]|[:;]-?[)D(])\uFE0F?\s*$")
_URL = re.compile(r"\b(https?://|www\.)\S+")
_INNER_PUNCT = re.compile(r"[,;.:!?，、。；：]\s")
_COUNTER = re.compile(r"^[\d\s.,:/+()\-–%]*\d[\d\s.,:/+()\-–%]*$")

# photo credits in the languages we support; matched at a line's start, or anywhere in a short line
_CREDIT = re.compile(
    r"©|\(c\)\s|\b(photo|photos|foto|fotos|bild|image|picture|credit|credits|zdjęcie|fot\.|imagen|immagine)\s*(:|by\b|credit|©)"
    r"|(фото|фотография|світлина|знімок|kuva|φωτογραφία|صورة|写真|사진|图片)\s*[:©/]"
    r"|getty\s*images|shutterstock|istock|\bAFP\b|\bAP\s*Photo|\bEPA\b|picture[- ]alliance|imago\b|\bdpa\b"
    r"|^(bildunterschrift|caption|подпись( к фото)?|légende|pie de foto|didascalia|podpis|legenda)\s*:|^(image|photo|picture|media) caption\b"
    r"|(из )?личн(ый|ого) архив(а)?|пресс-служб[аы]|ТАСС|РИА\s*Новости|\bREUTERS\b|Reuters\s*/|/\s*Reuters|УНИАН|УНІАН|Sputnik\s*/|Wikimedia\s*Commons",
    re.I,
)
# a credit tail in parentheses or after a slash at the end of a caption-like line
_CREDIT_TAIL = re.compile(
    r"[(\[|/]\s*[^()\[\]]{0,60}(photo|foto|фото|getty|afp|reuters|\bap\b|epa|dpa|shutterstock|istock|тасс|риа|imago|image|credit|source|bild|quelle|источник|джерело|fuente|fonte|źródło)\s*[:/©)\]][^()\[\]]{0,40}[)\]]?\s*$",
    re.I,
)
# "... of Titan. (NASA/JPL-Caltech/ASU)": the image's sources, slash-separated names in parentheses after a caption
# "... back to the Moon [Agency via Agency]": a picture's source in brackets at the end of its caption
_CREDIT_VIA = re.compile(r"[\[(][^\[\]()]{1,40}\bvia\b[^\[\]()]{1,40}[\])]\s*$", re.I)
_CREDIT_SOURCES = re.compile(r"[.!?][\"”’]?\s+\(\s?(?:[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}\s?/\s?)+[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}\s?\)\s*$")
# "... a far broader movement.’ Photograph: Agency via Agency": the credit after a caption's last sentence
_CREDIT_AFTER = re.compile(r"[.!?…][\"”’']?\s+(photograph|photo|picture|image|illustration|foto|bild|фото)\s*(:|by\b)\s*[^.!?]{2,60}$", re.I)
_COPYRIGHT = re.compile(r"(©|\(c\)|copyright|all rights reserved|may not be (reproduced|republished|published, broadcast)|alle rechte vorbehalten|все права защищены|всі права захищені|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone|저작권|무단 ?전재|著作権|無断転載|版权所有|未经授权)", re.I)
_COMMENTS = re.compile(
    r"^(\d+\s+)?(comments?|kommentare?|комментари[йи]|коментар(і|ів)|komentarz[ey]?|commentaires?|comentarios?|commenti|reacties)(\s*\(?\d+\)?)?$"
    r"|^\d+ (responses|replies|comments) (to|on)\b|^(\d+ )?comments? (feed|on)\b|^[\w .'-]{1,30} (says|said|wrote|пишет|schreibt):$"
    r"|^(new, )?\d+ (comments?|kommentare?|комментари\w*|коментар\w*)$"
    r"|next time i comment|notify me (of|via|when)|akismet|your email address will not be published|required fields are marked"
    r"|community (standards|guidelines)|comment data is processed"
    r"|to participate in the discussion|log in or register|leave a (comment|reply)|post a comment|add (a )?comment|sign in to comment"
    r"|join the (conversation|discussion)|be the first to comment|чтобы (оставить|участвовать|принять участие)|войдите или зарегистрируйтесь"
    r"|щоб (залишити|долучитися)|kommentar (schreiben|verfassen)|zum kommentieren|laisser un commentaire|deja un comentario",
    re.I,
)
_LINK_TEXT = re.compile(
    r"^([»›→▶►>]|\.\.\.)|([»›→▶►]|\.\.\.|…)$"
    r"|^(read|see|show|load|view) (more|all|also|next|the full)|^continue reading|^related( (articles?|stories|news))?:?$|^read also\b|^see also\b"
    r"|^(читайте|смотрите) (также|еще|ещё)|^(читайте|дивіться) також|^подробнее|^читать (далее|дальше|полностью)|^детальніше|^більше\b"
    r"|^(mehr|weiterlesen|lesen sie auch|auch interessant)\b|^(lire aussi|voir aussi|lire la suite)|^(leer más|ver más|lea también)"
    r"|^(czytaj (też|także|więcej)|zobacz też)|^(leggi anche|continua a leggere)",
    re.I,
)
_UI_WORDS = re.compile(
    r"^(subscribe|sign up|sign in|log ?in|log ?out|register|newsletter|share|share this|tweet|e-?mail|print|follow us|follow|"
    r"advertisement|advertising|sponsored|ad|ads|anzeige|werbung|реклама|publicité|publicidad|pubblicità|reklama|"
    r"cookies?|accept|accept all|close|menu|search|home|top|back to top|skip to (main )?content|next|previous|prev|more|"
    r"loading|loader|back to gallery|share all sharing options|подписаться|поделиться|войти|поиск|главная|меню|закрыть|далее|назад|"
    r"підписатися|поширити|увійти|пошук|головна|abonnieren|teilen|anmelden|suche|startseite|schließen|weiter|zurück|"
    r"s'abonner|partager|rechercher|accueil|suscribirse|compartir|buscar|inicio|iscriviti|condividi|cerca|"
    r"subskrybuj|udostępnij|szukaj|facebook|twitter|linkedin|whatsapp|telegram|vk|вконтакте|instagram|youtube|pinterest|reddit)$",
    re.I,
)
_BYLINE = re.compile(
    r"^(by|von|par|por|di|door|av|af|od|от|автор[ы]?:?|від|written by|posted by|text:?|texte:?|текст:?)\s+[\w\"'“«]",
    re.I,
)
_MONTHS = (
    r"jan(uary|uar)?|feb(ruary|ruar)?|mar(ch)?|märz|apr(il)?|may|mai|june?|juni|july?|juli|aug(ust)?|sep(t|tember)?|oct(ober)?|okt(ober)?"
    r"|nov(ember)?|dec(ember)?|dez(ember)?|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]"
    r"|січ(ня|ень)|лют(ого|ий)|берез(ня|ень)|квіт(ня|ень)|трав(ня|ень)|черв(ня|ень)|лип(ня|ень)|серп(ня|ень)|верес(ня|ень)|жовт(ня|ень)|листопада?|груд(ня|ень)"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
)
_DATE_TOKEN = re.compile(
    rf"\b(\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|\d{{1,2}}:\d{{2}}(:\d{{2}})?|\d{{1,2}}(st|nd|rd|th)?|\d{{4}}|{_MONTHS}|am|pm|a\.m\.|p\.m\.|[a-z]{{2,4}}t|utc|gmt|мск|г\.?|года?|року|uhr|updated|published|aktualisiert|обновлено|опубликовано|оновлено|опубліковано|mis à jour|publié|actualizado|publicado|aggiornato|today|yesterday|сегодня|вчера|сьогодні|вчора|heute|gestern|at|um|в|о|à|a las|alle|ago|vor|назад|тому|il y a|hace|fa"
    rf"|(sec|secs|seconds?|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|минут[аы]?|час(а|ов)?|дн(я|ей)|день|годин[аи]?|хвилин[аи]?|stunden?|minuten|tagen?)"
    rf"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    rf"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\b\.?",
    re.I,
)
_COOKIES = re.compile(r"\bcookies?\b|файл(ы|ов|ами)? cookie|\bcookie-", re.I)
# share buttons spelled out: "Share on Facebook", "Click to share on X (Opens in new window)", "Share all sharing options for: <title>"
_SHARE_LINE = re.compile(
    r"^(click to )?(share|tweet|pin|email|e-mail|print)( this( story| article| post)?| it)?( (on|to|via|with) [\w.+ ]{1,20}| all sharing options( for:.*)?)?"
    r"( \(opens in (a )?new window\))?$|^click to (share|print|email|e-mail)\b.{0,40}\(opens in (a )?new window\)$",
    re.I,
)
# "Opinions expressed by contributors are their own": a disclaimer
_DISCLAIMER = re.compile(r"\b(opinions|views) expressed\b.{0,80}\b(are|is) (their|his|her|my|the author'?s?|solely)\b", re.I)
# "... Follow her on Mastodon @janeroe.": the last sentence of an author's note
_FOLLOW_END = re.compile(r"(^|[.!?]\s)follow (him|her|them|me|us|@\w+) (on|at|via)\b[^.!?]{0,60}[.!?]?\s*$", re.I)
# "... She has been reporting on farming since 2015.": the career line of an author's note
_BIO_SINCE = re.compile(r"(^|[.!?]\s)(he|she|they) (has|have) been (reporting|writing) (on|about)\b.{0,80}\bsince (19|20)\d\d\b", re.I)
# the house rules printed above a comment thread
_COMMENT_RULES = re.compile(r"^(as|when|before) you (comment|post)\b|\b(comment(ing|s)?|community) (policy|guidelines|rules)\b|\bour goal with (article |reader )?comments\b", re.I)
# "Read also: <headline>" lines point at another story
_READ_ALSO = re.compile(
    r"^(read also|also read|see also|related( posts?| articles?| stories| story| reading)?|read more|more on this( story)?|more from|"
    r"читайте также|смотрите также|по теме|читайте також|дивіться також|"
    r"lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|voir aussi|"
    r"lea también|leer también|vea también|leia também|veja também|leggi anche|czytaj (też|także)|zobacz (też|także))\s*[:\-–—»]\s*\S",
    re.I,
)
_TAGS = re.compile(r"^(filed under|tags?|topics?|categories|category|themen|schlagworte|rubrik|теги|метки|темы|рубрика|теми|tematy|sujets|temas|argomenti)\s*:", re.I)
# roles a block can carry without being chrome for sure, and roles that may cover most of a page
_WRAPPER_ROLES = {"aside", "header", "footer", "byline"}
_NEVER_IGNORED = {"comment", "related", "link", "outside"}
# newsletter and subscription boxes, in a line of their own
_PROMO = re.compile(
    r"newsletter|unsubscribe|\bjoin our\b|\bfollow (us|him|her|me) (on|at)\b|^follow [\w@.-]+( [\w@.-]+)? on (facebook|twitter|instagram|x|youtube|tiktok|linkedin)\b|\bemail \w+( \w+)? at \S+@|\bsign(ing)? up\b|\btak(e|ing) (our|this|the|a short) survey\b|\bsubscri(be|ption)|подпи(с|ш)|передплат|abonnier|abonnez|s'abonner|suscr[ií]b|iscriviti|zapisz się|prenumerat",
    re.I,
)
# a box that starts by telling the reader to act ("Join our forums...", "Follow us...")
_CALL_TO_ACTION = re.compile(r"^(join|follow|subscribe|sign up|listen to|tretet|folgen sie|abonnieren sie|rejoignez|suivez|únete|síguenos|присоединяйтесь|подписывайтесь|приєднуйтесь|підписуйтесь)\b", re.I)
# "Jane Roe contributed reporting from Paris.": the staff note that closes an article
_CONTRIBUTED = re.compile(r"\bcontributed (reporting|research|to this (report|article|story))\b", re.I)
_GALLERY = re.compile(r"^(image|photo|picture|slide|foto|bild|фото|изображение|imagen|immagine|zdjęcie)\s*\d+\s*(of|/|von|из|з|de|di|z|sur)\s*\d+", re.I)
# headings of the blocks that follow an article: related stories, most read, partner news...
_SECTION_END = re.compile(
    r"^(related( links| stories| articles| posts| news| content| coverage)?|more (stories|news|from \w+( \w+){0,3}|on this( topic| story)?)"
    r"|recommended( for you| stories)?|we recommend|you (may|might) also like|most (popular|read|viewed|shared)|top stories|trending( now| stories)?"
    r"|popular( now| stories| posts)?|latest( news| stories| posts)?|read (next|more)|up next|what to read next|further reading"
    r"|around the web|from the web|partner news|sponsored (content|stories)|promoted (content|stories)|editor'?s picks|don'?t miss"
    r"|in case you missed it|also on \w+|see also|more in \w+|читайте также|по теме|материалы по теме|еще по теме|ещё по теме"
    r"|популярное|самое (читаемое|популярное)|новости партн[её]ров|похожие (новости|статьи|материалы)|другие новости|рекомендуем"
    r"|лента новостей|последние новости|главное|читайте також|за темою|популярне|останні новини|новини партнерів|схожі (новини|статті)"
    r"|das könnte sie auch interessieren|mehr zum thema|weitere (artikel|nachrichten|themen)|ähnliche artikel|meistgelesen|am meisten gelesen"
    r"|empfehlungen|auch interessant|neueste artikel|à lire aussi|articles (similaires|liés)|les plus lus|sur le même sujet"
    r"|te puede interesar|noticias relacionadas|lo más leído|más noticias|potrebbe interessarti|articoli correlati|i più letti"
    r"|czytaj (także|też)|zobacz (także|też)|najpopularniejsze|polecane|powiązane artykuły|leia também|veja também|mais lidas"
    r"|about the authors?|über (den autor|die autorin|die autoren)|об авторе|про автора|à propos de l'auteur|sobre el autor|o autorze"
    r"|sources|quellen|источники|джерела|fuentes|fonti|źródła|about this statement)\s*:?$",
    re.I,
)
# "Jane Roe, Associated Press": an author line that names the agency instead of starting with "By"
_AGENCY_BYLINE = re.compile(r",\s*(the )?(associated press|ap|reuters|afp|dpa|bloomberg|tass|ria novosti|ap [\w ]*writer|staff writer|correspondent)$", re.I)
# "By" alone on its line, the author's name on the next one
_BYLINE_WORD = re.compile(r"^(by|von|par|por|di|door|av|af|od|от|від|автор[ы]?):?$", re.I)
_CONTENT_TAGS = {"li", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt", "td", "blockquote"}
# "About Jane Roe": the heading of an author's biography after the article
_ABOUT_NAME = re.compile(r"^(?i:about|über|об|про|à propos de|sobre|o)\s+[A-ZА-ЯЁІЇЄ][\w'-]+(\s+[A-ZА-ЯЁІЇЄ][\w'-]+){0,2}$")
# an embedded post's attribution ("— Jane Roe (@janeroe) May 3, 2026"): part of the article it is quoted in
_EMBED_ATTRIBUTION = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w+\)\s+\S+.{0,20}\d{4}$")
# "Jane Roe is a freelance writer based in...": an author's biography after the article
_BIO = re.compile(
    r"^[A-ZА-ЯЁІЇЄ][\w'.-]+(\s+[A-ZА-ЯЁІЇЄ][\w'.-]+){1,3},?\s+(is|was|ist|est|es|è|jest|—|–)\s+(a|an|the|ein|eine|un|une|una|uno)?\s*"
    r"([\w'’-]+\s+){0,6}(writer|journalist|reporter|editor|correspondent|author|columnist|contributor|freelancer|curator|blogger|critic|photographer|Journalist(in)?|Autor(in)?|Redakteur(in)?|journaliste|periodista|giornalista|dziennikarz(ką)?)\b"
)
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "is", "vs", "de", "la", "le", "el", "der", "die", "das", "und", "von"}
# roles that make an HTML block chrome, and the kind they give it
_CHROME_ROLES = {"outside": BOILERPLATE, "nav": UI, "link": UI, "form": UI, "share": UI, "ad": UI, "comment": BOILERPLATE, "related": TEASER, "footer": BOILERPLATE, "aside": BOILERPLATE, "header": BOILERPLATE, "byline": BOILERPLATE, "caption": CAPTION}


# Weights of the article search (tuned on the aeb dev pages with bench/clean.py). Prose scores its length in words.
PROSE_MIN_WORDS = 10  # a punctuated line this long reads as running text
ARTICLE_SHARE = 0.5  # an article container holding this share of the prose is the article
FORCED_PENALTY = -6.0  # a line a pattern marked as chrome (captions and ads sit inside articles too)
SHORT_PENALTY = -5.0  # a short line no pattern explains
CONTENT_TAG_PENALTY = -1.0  # a short HTML list item, subheading or code block that is not a link
SECTION_PENALTY = -25.0  # a heading such as "Most read" or "Related stories" after a paragraph
DATE_AFTER_PROSE_PENALTY = -15.0  # a time stamp after a paragraph starts a comment, not more article
COMMENT_WIDGET_PENALTY = -40.0  # "Leave a comment", "12 comments": the article is over
DEK_MAX_WORDS = 60  # a standfirst is a sentence or two
DEK_BYLINE_DISTANCE = 8  # pattern lines (share buttons, labels) that may stand between a standfirst and its byline


@dataclass
class _Facts:
    """What the rules need to know about one segment."""

    seg: Segment
    units: float  # words, or characters/2 for scripts written without spaces
    prose: bool  # reads as running text: long enough and punctuated
    ends: bool  # ends with sentence punctuation
    script: str
    tag: str
    roles: frozenset[str]
    forced: str | None = None  # a kind a pattern decided
    weight: float = 0.0
    listed: bool = False  # an item of a list that a line ending with a colon introduces, or that line
    cell: bool = False  # a cell of a table that a dump spells out one cell a line


def script_of(text: str) -> str:
    """The main script of `text`: latin, cyrillic, greek, arabic, hebrew, cjk, other, or '' (no letters)."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250:
            s = "latin"
        elif 0x400 <= o < 0x530:
            s = "cyrillic"
        elif 0x370 <= o < 0x400:
            s = "greek"
        elif 0x590 <= o < 0x600:
            s = "hebrew"
        elif 0x600 <= o < 0x780:
            s = "arabic"
        elif 0x1E00 <= o < 0x1F00:
            s = "latin"
        elif 0x3040 <= o < 0xA000 or 0xAC00 <= o < 0xD7B0 or 0xF900 <= o < 0xFB00:
            s = "cjk"
        else:
            s = "other"
        counts[s] = counts.get(s, 0) + 1
    if not counts:
        return ""
    return max(counts.items(), key=lambda kv: kv[1])[0]


def units_of(text: str) -> float:
    """Length in words; a run of CJK/Thai characters counts one word per two characters."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return float(len(text.split()))
    spaced = sum(1 for w in text.split() if not _CJK.search(w))
    return spaced + cjk / 2


def _is_date_line(text: str) -> bool:
    """True when a line is a date or time stamp, perhaps with a label ("Updated 12:30 GMT")."""
    if not re.search(r"\d", text):
        return False
    text = re.sub(r"\b([ap])\.m\.", r"\1m", text, flags=re.I)
    text = re.sub(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", " ", text)
    rest = _DATE_TOKEN.sub(" ", text)
    rest = re.sub(r"[\W\d_]+", " ", rest)
    words = len(rest.split())
    # "Jane Roe March 3, 2019 - 2:19 pm": a comment's or author's stamp with a name in front
    full_date = re.search(r"\d{4}", text) and re.search(rf"\d{{1,2}}:\d{{2}}|\b({_MONTHS})\b", text, re.I)
    return words <= 1 or (words <= 3 and bool(full_date))


def _is_title_case(text: str) -> bool:
    """True when most words of a Latin, Cyrillic or Greek line start with a capital (a headline)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _facts(seg: Segment) -> _Facts:
    text = seg.text
    units = units_of(text)
    ends = bool(_SENTENCE_END.search(text) or _EMOJI_END.search(text))
    inner = len(_INNER_PUNCT.findall(text + " "))
    prose = (units >= PROSE_MIN_WORDS and (ends or inner >= 2)) or units >= 25
    parts = (seg.hint or "").split()
    tag = parts[0] if parts else ""
    return _Facts(seg, units, prose, ends, script_of(text), tag, frozenset(parts[1:]))


def _pattern_kind(f: _Facts, glossary: Glossary, site: str | None, titles: set[str]) -> str | None:
    """The kind a pattern gives a segment regardless of its place, or None."""
    text = f.seg.text.strip()
    short = f.units <= 15
    if _EMBED_ATTRIBUTION.match(text):
        return None
    if sum(len(m.group()) for m in _URL.finditer(text)) > len(text) / 2:
        return BOILERPLATE  # links spelled out: image lists, share widgets
    if f.units <= 8 and glossary.ui_entry(text) is not None:
        return UI
    if _COUNTER.match(text):
        return UI
    if f.units <= 4 and _UI_WORDS.match(text.strip(" :.!|•·-–—»›→")) or f.units <= 30 and _SHARE_LINE.match(text):
        return UI
    if f.units <= 40 and _DISCLAIMER.search(text) or f.units <= 80 and _COMMENT_RULES.search(text):
        return BOILERPLATE
    if f.units <= 60 and _FOLLOW_END.search(text) or f.units <= 30 and _BIO_SINCE.search(text):
        return BOILERPLATE  # an author's note: it asks readers to follow them, or tells how long they have been writing
    if f.units <= 25 and _COMMENTS.search(text):
        return UI
    if _CREDIT.match(text) or (short and _CREDIT.search(text)) or (not f.ends and (_CREDIT_TAIL.search(text) or _CREDIT_SOURCES.search(text) or _CREDIT_VIA.search(text) or _CREDIT_AFTER.search(text))):
        if _COPYRIGHT.search(text) and not re.search(r"photo|foto|фото|bild|image", text, re.I) and re.search(r"\d{4}", text):
            return BOILERPLATE
        return CAPTION
    if f.units <= 40 and _COPYRIGHT.search(text) and not f.prose or (short and _COPYRIGHT.search(text)):
        return BOILERPLATE
    if f.units <= 15 and re.search(r"(\.\.+|…)$", text):
        return TEASER  # a headline cut short to fit a link box
    if site and f.seg.hint != "title":
        head, tail = split_page_title(text)
        if tail and _norm(tail) == _norm(site):
            # "Headline - Site" repeats the page title; any other "X - Site" is an image's alt text
            return CAPTION if head and f.seg.line > 1 and _norm(head) not in titles else BOILERPLATE
    if f.units <= 7 and (_SECTION_END.match(text) or _ABOUT_NAME.match(text)):
        return UI
    if f.units <= 20 and _READ_ALSO.match(text):
        return TEASER
    if f.units <= 8 and _LINK_TEXT.search(text):
        return UI
    if _GALLERY.match(text):
        return CAPTION
    if (f.units <= 30 or f.units <= 45 and _CALL_TO_ACTION.match(text)) and _PROMO.search(text) or f.units <= 15 and _CONTRIBUTED.search(text):
        return BOILERPLATE
    if f.units <= 10 and _AGENCY_BYLINE.search(text) and not f.ends:
        return BOILERPLATE
    if f.units <= 80 and _BIO.match(text):
        return BOILERPLATE
    if f.units <= 30 and _TAGS.match(text):
        return BOILERPLATE
    if f.units <= 40 and _COOKIES.search(text):
        return BOILERPLATE
    if _is_byline(f):
        return BOILERPLATE
    if f.units <= 25 and _is_date_line(text):
        return BOILERPLATE
    return None


def _is_byline(f: _Facts) -> bool:
    """True for "By Jane Roe" lines: short, or carrying a date or a separator ("By Jane Roe | 3 May 2026")."""
    text = f.seg.text.strip()
    return bool(_BYLINE.match(text)) and ((f.units <= 12 and not f.ends) or (f.units <= 25 and ("|" in text or bool(re.search(r"\d{4}", text)))))


def _ignored_roles(facts: list[_Facts]) -> set[str]:
    """Chrome roles that cover most of the page's prose: they name a page wrapper, not a widget."""
    total = sum(len(f.seg.text) for f in facts if f.prose) or 1
    ignored = set()
    for role in _CHROME_ROLES.keys() - _NEVER_IGNORED:
        covered = sum(len(f.seg.text) for f in facts if f.prose and role in f.roles)
        if covered / total > 0.5:
            ignored.add(role)
    return ignored


def _strong_chrome(f: _Facts, role: str | None) -> bool:
    """True when a chrome role surely marks chrome: a widget, or anything inside the article container.

    Wrapper names (aside, header, footer) above the article are weak evidence: pages without
    an article container often wrap the article itself in them.
    """
    return role is not None and (role not in _WRAPPER_ROLES or "article" in f.roles)


def _is_heading_tag(tag: str) -> bool:
    """True for h1 to h6."""
    return len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()


def _chrome_role(f: _Facts, ignored: set[str]) -> str | None:
    """The chrome role of an HTML block that counts, or None."""
    roles = f.roles - ignored
    for role in ("comment", "outside", "nav", "share", "ad", "form", "related", "footer", "aside", "header", "caption", "byline", "link"):
        if role in roles:
            if role == "link" and f.prose and "article" in roles and f.tag != "li" and not _is_heading_tag(f.tag):
                continue  # a linked paragraph is the article's; linked list items and headings lead to other pages
            return role
    return None


def _weights(facts: list[_Facts], ignored: set[str]) -> None:
    """Score each segment: prose scores its length, chrome and short lines a penalty."""
    has_article = any("article" in f.roles for f in facts if f.prose)
    after_prose = False
    for f in facts:
        chrome = _chrome_role(f, ignored)
        if f.forced in (UI, BOILERPLATE) and f.units <= 25 and after_prose and _COMMENTS.search(f.seg.text):
            # a comment link before any prose sits in the byline; after prose the article is over
            f.weight = COMMENT_WIDGET_PENALTY
        elif f.forced == UI and after_prose and (_SECTION_END.match(f.seg.text) or _ABOUT_NAME.match(f.seg.text)):
            # "Most read", "About the author", "Sources": the article is over, unless much more follows
            # (sidebars and "Related" boxes also stand between an article's paragraphs in a dump)
            f.weight = SECTION_PENALTY
        elif f.forced == BOILERPLATE and after_prose and _is_date_line(f.seg.text):
            f.weight = DATE_AFTER_PROSE_PENALTY
        elif f.cell:
            f.weight = 0.0  # a table neither makes nor breaks an article
        elif f.forced:
            f.weight = FORCED_PENALTY
        elif chrome and _strong_chrome(f, chrome):
            f.weight = -8.0 if not f.prose else -f.units / 2
        elif chrome and f.prose:
            f.weight = f.units / 2
        elif f.prose:
            f.weight = f.units
        elif (f.units >= 5 and f.ends) or f.listed:
            f.weight = f.units / 2
        else:
            f.weight = SHORT_PENALTY
        if f.tag in _CONTENT_TAGS and not chrome and not f.forced and f.weight < 0:
            f.weight = CONTENT_TAG_PENALTY  # list items, subheadings and code that are not links: content more often than chrome
        if has_article and "article" in f.roles and not chrome:
            f.weight = f.weight * 1.5 if f.weight > 0 else f.weight / 3
        if f.prose:
            after_prose = True


# "Source: ...", "Tagged:", "Image : ...": a label, which starts the notes under an article
_LABEL = re.compile(r"^[^\W\d_][\w' -]{0,30}\s?:(\s|$)")


def _container_end(facts: list[_Facts], end: int, ignored: set[str]) -> int:
    """Move the article's end to the end of its HTML container when only short blocks and pattern lines are left in it.

    The run of prose stops at the last paragraph, but list items and notes after it are the
    article's as long as the markup keeps them in its container; chrome widgets stop it.
    """
    if end == 0 or "article" not in facts[end - 1].roles:
        return end
    while end < len(facts) and "article" in facts[end].roles and _chrome_role(facts[end], ignored) is None and not facts[end].prose and (
            facts[end].forced or facts[end].tag in ("li", "p") and not _LABEL.match(facts[end].seg.text) and not facts[end].seg.text.isupper()):
        end += 1
    return end


def _mark_outside_article(facts: list[_Facts], share: float = ARTICLE_SHARE) -> None:
    """When an article container holds most of the page's prose, give the blocks outside it the role `outside`."""
    total = sum(len(f.seg.text) for f in facts if f.prose)
    inside = sum(len(f.seg.text) for f in facts if f.prose and "article" in f.roles)
    if total and inside / total >= share:
        lead = _lead_paragraphs(facts)
        for i, f in enumerate(facts):
            if "article" not in f.roles and f.tag not in ("title", "h1") and i not in lead:
                f.roles = f.roles | {"outside"}


def _lead_paragraphs(facts: list[_Facts]) -> set[int]:
    """Indexes of the plain paragraphs just above the article container: its lead, set apart by the layout."""
    first = next((i for i, f in enumerate(facts) if "article" in f.roles and f.prose), None)
    lead: set[int] = set()
    if first is None:
        return lead
    i = first - 1
    while i >= 0 and facts[i].prose and facts[i].tag == "p" and not (facts[i].roles & _CHROME_ROLES.keys()) and not facts[i].forced:
        lead.add(i)
        i -= 1
    return lead


def _headline_shaped(f: _Facts) -> bool:
    """A line that could be a headline: three to 25 words, no sentence end, no pattern matched."""
    return not f.forced and not f.prose and not f.ends and 3 <= f.units <= 25


_ENDS_WITH_YEAR = re.compile(r"\b(1[89]|20)\d{2}\)?$")


def _mark_reference_lists(facts: list[_Facts], min_run: int = 3) -> None:
    """Mark runs of citation lines (no sentence end, ending with a year) as boilerplate: a source list.

    Article sentences end with punctuation; entries of a "Sources" list name a document
    and end with its date, one after another.
    """
    run: list[_Facts] = []
    for f in facts + [None]:  # type: ignore[list-item]
        if f is not None and not f.ends and f.units >= 5 and _ENDS_WITH_YEAR.search(f.seg.text) and f.forced in (None, TEASER):
            run.append(f)
            continue
        if f is not None and f.forced in (UI, BOILERPLATE, CAPTION) and run:
            continue  # a label between entries does not end the list
        if len(run) >= min_run:
            for g in run:
                g.forced = BOILERPLATE
        run = []


# the button under each comment of a thread
_REPLY = re.compile(r"^(reply|antworten|ответить|відповісти|répondre|responder|rispondi|odpowiedz|beantwoorden|svara)\s*[↓↵]?$", re.I)


def _mark_replied_comments(facts: list[_Facts], reach: int = 3) -> None:
    """Mark the paragraph just above a "Reply" button as boilerplate: it is a reader's comment.

    A comment can be as long and as well written as the article, but each one ends with its
    own reply button; only pattern lines or a short line stand between.
    """
    for r, f in enumerate(facts):
        if not _REPLY.match(f.seg.text.strip()):
            continue
        for g in reversed(facts[max(0, r - reach):r]):
            if g.prose and not g.forced:
                g.forced = BOILERPLATE
                break
            if not g.forced and g.units > 3:
                break


# "Topic – what happened", "[Section] Headline": the two-part shapes of a link to another story
_HEADLINE_PARTS = re.compile(r"\s[–—]\s|^\[[^\]]{1,30}\]")


def _cell_shape(f: _Facts) -> str:
    """A table cell's shape: N for a number, w for a short label, x for anything longer."""
    if _COUNTER.match(f.seg.text.strip()):
        return "N"
    return "w" if f.units <= 3 and not f.ends else "x"


def _mark_table_cells(facts: list[_Facts], min_rows: int = 2, max_period: int = 8) -> None:
    """Flag the cells of tables that a dump spells out one cell a line, and unmark their numbers.

    A row's cells come in the same order of shapes (a name, two numbers, a note), so the
    shapes repeat with the row's length as their period; a period mixing numbers and short
    labels repeated over at least `min_rows` rows (three for rows of two cells) is a table, which
    the article's text goes through. The short header cells just above it belong to it.
    """
    shapes = [_cell_shape(f) for f in facts]
    n = len(facts)
    i = 0
    while i < n:
        found = 0
        for period in range(2, max_period + 1):
            row = shapes[i:i + period]
            if len(row) < period or "N" not in row or "w" not in row:
                continue
            length = period
            while i + length < n and shapes[i + length] == shapes[i + length - period]:
                length += 1
            rows = length // period
            if rows >= (3 if period == 2 else min_rows) and length > found:
                found = length
        if not found:
            i += 1
            continue
        head = i
        while head > 0 and i - head < max_period and shapes[head - 1] == "w" and not facts[head - 1].forced:
            head -= 1
        for f in facts[head:i + found]:
            f.cell = not f.prose  # a paragraph in a row (a numbered step, a long note) scores as one
            if f.forced == UI and _COUNTER.match(f.seg.text.strip()):
                f.forced = None
        i += found


def _mark_colon_lists(facts: list[_Facts], min_items: int = 2) -> None:
    """Flag a line ending with a colon and the list items right after it: the article goes on in a list.

    Items are lines no pattern marked, of two to 30 words; a pattern line or a paragraph ends
    the list. Lists of links are not the article's: items shaped like headlines (title case,
    "Topic – what happened", "[Section] Headline") are other stories, and items that repeat
    the label ("Share:", "Share on X") are a menu.
    """
    for i, f in enumerate(facts):
        label = f.seg.text.rstrip()
        if f.forced or not label.endswith(":") or f.units > 30:
            continue
        label = _norm(label)
        items = []
        for g in facts[i + 1:]:
            text = g.seg.text.strip()
            if (g.forced or g.prose or not 2 <= g.units <= 30 or text.endswith(":") or _is_title_case(text)
                    or _HEADLINE_PARTS.search(text) or label in _norm(text)):
                break
            items.append(g)
        if len(items) >= min_items:
            for g in [f, *items]:
                g.listed = True


def _mark_blurb_runs(facts: list[_Facts], min_pairs: int = 3) -> None:
    """Mark runs of (headline, one paragraph) pairs as teasers: lists of other stories with their blurbs.

    An article's subheadings are followed by several paragraphs, or come irregularly; a
    list of related stories repeats headline-blurb, headline-blurb. Pattern lines (bylines,
    dates) between them do not break a run.
    """
    pairs: list[tuple[int, int]] = []
    i, n = 0, len(facts)

    # a list of other stories follows an article: two paragraphs in a row before the run
    follows_article = [False] * n
    seen_two = False
    for idx in range(1, n):
        seen_two = seen_two or (facts[idx].prose and facts[idx - 1].prose)
        follows_article[idx] = seen_two

    def flush() -> None:
        if len(pairs) >= min_pairs and follows_article[pairs[0][0]]:
            for h, p in pairs:
                facts[h].forced = TEASER
                facts[p].forced = TEASER
        pairs.clear()

    while i < n:
        f = facts[i]
        subheading = f.tag[:1] == "h" and f.tag[1:].isdigit() and "article" in f.roles and "link" not in f.roles
        if (_headline_shaped(f) or f.forced == TEASER) and not subheading:
            j = i + 1
            while j < n and facts[j].forced in (BOILERPLATE, UI, CAPTION):
                j += 1
            k = j + 1
            while k < n and facts[k].forced in (BOILERPLATE, UI, CAPTION):
                k += 1
            if j < n and facts[j].prose and not facts[j].forced and (k >= n or not facts[k].prose):
                pairs.append((i, j))
                i = j + 1
                continue
        elif f.forced in (BOILERPLATE, UI, CAPTION):
            i += 1
            continue
        flush()
        i += 1
    flush()


def _best_run(weights: list[float]) -> tuple[int, int]:
    """The [start, end) run with the highest total weight (Kadane's algorithm); (0, 0) if none is positive."""
    best, best_run = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_run = total, (start, i + 1)
    return best_run


def _page_titles(facts: list[_Facts], article: Article) -> set[str]:
    """The headline as the page's metadata gives it: the <title> tag or a dump's "Headline - Site" first line."""
    titles = set()
    first = _norm(facts[0].seg.text)
    if facts[0].seg.line == 1 and any(_norm(f.seg.text) == first for f in facts[1:200]):
        titles.add(first)  # a dump's first line is the <title>, repeated by the page's own headline
    for f in facts[:3]:
        forms = headline_forms(f.seg.text)
        if f.tag == "title":
            titles.add(_norm(f.seg.text))
        if f.tag == "title" or (f.seg.line == 1 and forms):
            titles.update(_norm(h) for h in forms)
    if article.title:
        titles.add(_norm(article.title))
        titles.update(_norm(h) for h in headline_forms(article.title))
    titles.discard("")
    return titles


def _title_index(facts: list[_Facts], start: int, page_titles: set[str]) -> tuple[int | None, bool]:
    """Index of the title segment (None when the page shows no headline), and whether the evidence is strong."""
    best, best_score = None, 0.0
    h1s = [i for i, f in enumerate(facts) if f.tag == "h1"]
    longest = max(page_titles, key=len) if page_titles else None
    for i, f in enumerate(facts):
        if f.forced or f.tag == "title" or (i == 0 and (headline_forms(f.seg.text) or _norm(f.seg.text) in page_titles)):
            continue
        text = f.seg.text
        if not (2 <= f.units <= 30) or (f.ends and not text.endswith(("?", "!"))) and f.units > 12:
            continue
        score = 0.0
        if f.tag == "h1":
            score += 6 if len(h1s) == 1 else 3
        elif f.tag.startswith("h") and f.tag[1:].isdigit():
            score += 1
        norm = _norm(text)
        if norm and norm == longest:
            score += 7
        elif norm and norm in page_titles:
            score += 5
        elif any(norm and len(norm) > 10 and (norm in p or p in norm) for p in page_titles if p):
            score += 3
        distance = start - i
        if 0 < distance <= 12:
            score += 3 - distance * 0.2
        elif -2 <= distance <= 0:
            score += 1.5
        if f.ends and not text.endswith(("?", "!")):
            score -= 1.5
        if _chrome_role(f, set()) in ("nav", "link", "related", "footer", "aside") and f.tag != "h1":
            score -= 3
        if 4 <= f.units <= 20:
            score += 1
        if score > best_score:
            best, best_score = i, score
    return (best, best_score >= 6) if best_score >= 2.5 else (None, False)


def _run_after_title(facts: list[_Facts], title: int, strong: bool, start: int, end: int) -> tuple[int, int]:
    """The article run once the title is known: it starts at the title and ends where its prose does.

    Keeps the best run found without the title when the title's evidence is weak (no page
    title or h1 confirms it) and the run after it is much weaker (a headline far from its article).
    """
    best_total = sum(f.weight for f in facts[start:end])
    total, best, best_end = 0.0, 0.0, title + 1
    for k in range(title + 1, len(facts)):
        total += facts[k].weight
        if total > best:
            best, best_end = total, k + 1
    if best > 0 and (strong or best >= 0.5 * best_total):
        return title + 1, best_end
    if start <= title < end and sum(f.prose for f in facts[start:title]) <= 2:
        return title + 1, end
    return start, end


def mark_kinds(article: Article, glossary: Glossary) -> Article:
    """Set `kind` on every segment of `article` (mutated and returned); see the module docstring."""
    facts = [_facts(s) for s in article.segments]
    if not facts:
        return article
    page_titles = _page_titles(facts, article)
    for f in facts:
        f.forced = _pattern_kind(f, glossary, article.site, page_titles)
        if f.tag == "title" and f.forced is None:
            f.forced = BOILERPLATE  # the <title> repeats the headline; the page's own copy is kept
    # a short line repeated on the page is chrome (menus, repeated labels)
    seen: dict[str, int] = {}
    for f in facts:
        key = _norm(f.seg.text)
        seen[key] = seen.get(key, 0) + 1
    _mark_outside_article(facts)
    _mark_reference_lists(facts)
    _mark_blurb_runs(facts)
    _mark_replied_comments(facts)
    _mark_colon_lists(facts)
    _mark_table_cells(facts)
    ignored = _ignored_roles(facts)
    _weights(facts, ignored)
    start, end = _best_run([f.weight for f in facts])
    title, strong = _title_index(facts, start, page_titles)
    if title is not None:
        start, end = _run_after_title(facts, title, strong, start, end)
    end = _container_end(facts, end, ignored)
    # the article's script, and how many paragraphs each script has in it
    prose_chars: dict[str, int] = {}
    prose_by_script: dict[str, int] = {}
    for f in facts[start:end]:
        if f.prose and f.script:
            prose_chars[f.script] = prose_chars.get(f.script, 0) + len(f.seg.text)
            prose_by_script[f.script] = prose_by_script.get(f.script, 0) + 1
    main_script = max(prose_chars.items(), key=lambda kv: kv[1])[0] if prose_chars else None

    for i, f in enumerate(facts):
        seg = f.seg
        chrome = _chrome_role(f, ignored)
        inside = start <= i < end
        foreign = bool(main_script and f.script and f.script != main_script)
        # another script is part of the article (a mixed page, quotes) only when it has more than one paragraph
        stray = foreign and (f.units <= 8 or prose_by_script.get(f.script, 0) < 2)
        repeated = seen[_norm(seg.text)] > 1 and f.units <= 12 and not f.ends
        if i == title:
            seg.kind = TITLE
        elif title is not None and _is_dek(facts, i, title):
            seg.kind = TEASER  # the standfirst under the headline sums the article up; it is not its text
        elif f.forced:
            seg.kind = f.forced
        elif stray:
            seg.kind = UI if f.units <= 8 else BOILERPLATE
        elif f.prose and f.units <= 60 and _repeated_nearby(facts, i):
            seg.kind = CAPTION  # an image's caption and its alt text, or a gallery's captions, shown twice
        elif (f.prose or f.ends and f.units >= 5) and f.units <= 60 and _DESCRIBES_IMAGE.search(seg.text) and _credit_follows(facts, i):
            seg.kind = CAPTION  # a line describing a picture just above its bare photo credit is the photo's caption
        elif inside and f.prose and (not _strong_chrome(f, chrome) or chrome == "byline"):
            seg.kind = BODY
        elif inside and chrome is None and (not repeated or f.cell):
            seg.kind = _short_in_article(facts, i, start, end, title)
        elif chrome:
            seg.kind = _CHROME_ROLES[chrome]
        elif f.units <= 5:
            seg.kind = UI
        else:
            seg.kind = BOILERPLATE
    _demote_before_dateline(facts, start, end, title)
    _demote_summary_box(facts, title)
    if title is None:
        # a page dump whose first line is "Headline - Site" still names its article
        first = facts[0]
        if first.seg.kind == BOILERPLATE and first.tag == "title" and not any(f.seg.kind == TITLE for f in facts):
            first.seg.kind = TITLE
    return article


# "BUFFALO, N.Y. — ...", "WASHINGTON (Reuters) - ...": the dateline that opens an agency-style article
_DATELINE = re.compile(r"^[A-ZÀ-ÞА-ЯЁІЇЄ][A-ZÀ-ÞА-ЯЁІЇЄ .'-]{2,30}(,\s+[A-Z][\w.]*( [A-Z][\w.]*)?)?\s*(\([^()]{2,30}\))?\s*[—–-]\s+\S")


def _demote_before_dateline(facts: list[_Facts], start: int, end: int, title: int | None, short: int = 20) -> None:
    """Turn short body lines between the title and a dateline paragraph into teasers: the article starts at its dateline.

    Lines above it are headlines of other stories or a summary; a long lead paragraph stays.
    """
    dateline = next((i for i in range(start, min(end, start + 40)) if facts[i].prose and _DATELINE.match(facts[i].seg.text)), None)
    if dateline is None:
        return
    for g in facts[max(start, -1 if title is None else title + 1):dateline]:
        if g.seg.kind == BODY and g.units <= short:
            g.seg.kind = TEASER


# the heading of a summary box set above an article
_SUMMARY_LABEL = re.compile(
    r"^(key (points|takeaways|facts)|highlights|in brief|at a glance|the big picture|tl;? ?dr|das wichtigste( in kürze)?|auf einen blick"
    r"|en bref|l'essentiel|en resumen|lo más importante|in sintesi|w skrócie|коротко|кратко|коротко про головне)\s*:?$",
    re.I,
)


def _demote_summary_box(facts: list[_Facts], title: int | None, most: int = 5) -> None:
    """Turn the paragraphs under a "Key points" heading between the headline and the text into teasers: a summary, not the text.

    The box must visibly end (a picture, a byline, a label) after a few points; with no
    break the heading may as well open the article itself, which is left as it is.
    """
    for i, f in enumerate(facts):
        if f.units > 6 or not _SUMMARY_LABEL.match(f.seg.text.strip()) or not _before_first_paragraph(facts, i, title):
            continue
        points = []
        for g in facts[i + 1:i + 2 + most]:
            if not g.prose or g.seg.kind != BODY:
                break
            points.append(g)
        if points and len(points) <= most and i + 1 + len(points) < len(facts):
            for g in points:
                g.seg.kind = TEASER


# words a caption uses to point at its picture ("left", "pictured", "an artist's illustration")
_DESCRIBES_IMAGE = re.compile(
    r"\b(left|right|center|centre|pictured|illustration|photograph|concept|rendering|seen here|is shown|are shown"
    r"|links|rechts|mitte|im bild|слева|справа|в центре|на фото|зліва|справа|на фото|à gauche|à droite|au centre"
    r"|a la izquierda|a la derecha|en la imagen|a sinistra|a destra|z lewej|z prawej|na zdjęciu)\b",
    re.I,
)


def _is_dek(facts: list[_Facts], i: int, title: int) -> bool:
    """True when segment `i` is a subheading set right under the headline (only pattern lines between)."""
    f = facts[i]
    if i <= title or f.forced or not all(g.forced for g in facts[title + 1:i]):
        return False
    if f.tag in ("h2", "h3") and 8 <= f.units <= 30:
        return True
    # the paragraph between the headline and the byline or date ("Text: Jane Roe · 24 May 2026"); share
    # buttons may stand between it and the byline, which may be a bare "By" above the author's name
    if f.tag not in ("", "p", "div") or not 8 <= f.units <= DEK_MAX_WORDS:
        return False
    if f.tag == "div" and _set_apart(facts, i):
        return True
    for after in facts[i + 1:i + 1 + DEK_BYLINE_DISTANCE]:
        text = after.seg.text
        if _BYLINE_WORD.match(text) or after.forced == BOILERPLATE and (_is_byline(after) or _is_date_line(text)):
            return True
        if not after.forced:
            return False
    return False


def _next_paragraphs(facts: list[_Facts], i: int, look: int = 5) -> list[_Facts]:
    """Up to `look` paragraphs after segment `i` (captions and pattern lines skipped)."""
    return [g for g in facts[i + 1:] if g.prose and not g.forced and "caption" not in g.roles][:look]


def _unlike_paragraphs(facts: list[_Facts], i: int) -> bool:
    """True when the paragraphs after HTML block `i` are all `p` elements and `i` is not one: its markup sets it apart."""
    following = _next_paragraphs(facts, i)
    return facts[i].tag != "p" and len(following) >= 3 and all(g.tag == "p" for g in following)


def _set_apart(facts: list[_Facts], i: int) -> bool:
    """True when HTML block `i` is set apart from the paragraphs after it, by its markup and by chrome between.

    A widget (share buttons, a picture) stands between them: a lead paragraph sits right
    above the next one.
    """
    return _unlike_paragraphs(facts, i) and facts[i + 1] is not _next_paragraphs(facts, i)[0]


def _credit_follows(facts: list[_Facts], i: int) -> bool:
    """True when the segment after `i` is a bare photo credit ("Photo: Jane Roe, Agency"), which follows its caption.

    A credit that leads with "Image copyright" or "©" stands above its image instead, so the
    paragraph before it is the article's.
    """
    if i + 1 >= len(facts):
        return False
    credit = facts[i + 1]
    words = len(re.findall(r"\w+", credit.seg.text))  # "Jane Roe | Agency | Getty Images": separators are not words
    return credit.forced == CAPTION and words <= 8 and not re.match(r"\W*(image )?(copyright|©)", credit.seg.text, re.I)


def _repeated_nearby(facts: list[_Facts], i: int, distance: int = 10) -> bool:
    """True when the same text stands again within `distance` segments of segment `i`."""
    key = facts[i].seg.text
    return any(g.seg.text == key for g in facts[max(0, i - distance):i] + facts[i + 1:i + 1 + distance])


def _neighbour(facts: list[_Facts], i: int, step: int) -> _Facts | None:
    """The nearest segment before (step -1) or after (step 1) `i` that no pattern marked."""
    j = i + step
    while 0 <= j < len(facts) and facts[j].forced:
        j += step
    return facts[j] if 0 <= j < len(facts) else None


def _under_section_heading(facts: list[_Facts], i: int) -> bool:
    """True when segment `i` is in the run of headline-shaped lines right under a "Related stories"-style heading."""
    j = i - 1
    while j >= 0 and not facts[j].prose and not facts[j].forced and facts[j].units >= 3 and not facts[j].ends:
        j -= 1
    return j >= 0 and facts[j].forced == UI and bool(_SECTION_END.match(facts[j].seg.text))


def _sectioned(facts: list[_Facts], start: int, end: int, min_sections: int = 3) -> bool:
    """True when the article alternates headings and paragraphs: at least `min_sections` lone lines between paragraphs.

    One headline between two paragraphs of a dump is a link to another story; an article
    cut into sections by several of them (a list of offers, a guide) has subheadings.
    """
    count = 0
    for k in range(max(start, 1), min(end, len(facts) - 1)):
        f = facts[k]
        if not f.prose and not f.forced and not f.ends and f.units >= 3 and facts[k - 1].prose and facts[k + 1].prose:
            count += 1
    return count >= min_sections


def _before_first_paragraph(facts: list[_Facts], i: int, title: int | None) -> bool:
    """True when segment `i` stands after the title and before the article's first paragraph (a standfirst does not count)."""
    if title is None or i <= title:
        return False
    return not any(g.prose and not g.forced and not _is_dek(facts, j, title) for j, g in enumerate(facts[title + 1:i], title + 1))


def _short_in_article(facts: list[_Facts], i: int, start: int, end: int, title: int | None) -> str:
    """The kind of a non-prose line inside the article: subheading, list item, teaser, or label.

    A single headline-shaped line between two paragraphs is a teaser when it reads like a
    headline (title case, or six words or more in a plain-text dump), else a subheading.
    A run of short lines is a list: part of the article when more paragraphs follow it,
    a list of other stories or a menu when the article ends there.
    """
    f = facts[i]
    text = f.seg.text
    if f.units <= 4 and text.rstrip().endswith(":") and i + 1 < len(facts) and facts[i + 1].forced in (BOILERPLATE, UI):
        return UI  # "Published:" above its date: the label of a pattern line
    if f.units >= 3 and not f.ends and _under_section_heading(facts, i):
        return TEASER  # "Related articles" inside the article: the headlines under it are other stories
    if f.tag[:1] == "h" and f.tag[1:].isdigit() and "article" in f.roles:
        return BODY
    if f.tag not in ("", "li") and _before_first_paragraph(facts, i, title) and _unlike_paragraphs(facts, i):
        return TEASER if f.units >= 5 else UI  # between the headline and the text: author boxes, a video's title
    if _EMBED_ATTRIBUTION.match(text):
        return BODY
    if (f.tag == "li" or f.tag == "p" and f.units >= 3) and "article" in f.roles:
        return BODY  # the article container's own paragraphs and list items: the markup says they are its text
    if f.tag in _CONTENT_TAGS and f.units >= 2:
        return BODY
    if f.listed or f.cell:
        return BODY
    before, after = _neighbour(facts, i, -1), _neighbour(facts, i, 1)
    isolated = before is not None and after is not None and before.prose and after.prose
    if f.units <= 2 and not f.ends:
        # two words alone between paragraphs head a section ("Private homes:"); one is a label
        return BODY if isolated and f.units == 2 and facts[i - 1] is before and facts[i + 1] is after else UI
    if isolated and not f.ends:
        if text.isupper():
            return BODY  # an all-capitals subheading
        if f.units >= 4 and _is_title_case(text):
            return TEASER
        if f.units >= 6 and not f.tag and not _sectioned(facts, start, end):
            return TEASER
        return BODY
    if not f.ends and f.units >= 4 and _is_title_case(text) and any(
        0 <= j < len(facts) and not facts[j].prose and not facts[j].ends and facts[j].units >= 4 and _is_title_case(facts[j].seg.text)
        for j in (i - 1, i + 1)
    ):
        return TEASER  # a run of title-case headlines: other stories
    more_prose = sum(g.prose for g in facts[i + 1:min(end, i + 8)]) >= 2
    prose_before = any(g.prose for g in facts[max(0, i - 8):i]) or (title is not None and 0 < i - title <= 8)
    if more_prose and prose_before:
        return BODY
    if f.ends and f.units >= 4:
        return BODY
    return TEASER if f.units >= 5 else UI
