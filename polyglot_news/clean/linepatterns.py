"""What one line of a page shows, wherever it stands: its measures and the patterns of chrome.

`facts_of(segment)` measures a segment (length in words, or characters/2 for scripts written
without spaces; sentence punctuation; script; its HTML tag and roles) and `pattern_kind` checks
it against patterns that hold across the languages we support: photo credits and copyright
lines, counters, dates and bylines, comment widgets and their rules, newsletter boxes, share
buttons spelled out, "Read also:" lines, link texts ("Read more ›"), headings such as
"Related stories", author biographies, disclaimers, the page title repeated with the site name,
and the UI strings of the curated glossaries (`Glossary.ui_entry`). `article.py` decides what a
line is from these facts and from its place on the page.

Most lines match none of the patterns, so the costly ones are tried only on a line that holds
one of the strings each of their matches holds (`literals.Prefilter`, read from the patterns
themselves): the same answers, without walking every line with every pattern.
"""

from __future__ import annotations

from ..text import regexes as re  # patterns kept compiled between runs (text/regexes.py)
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..curated import Glossary
from ..ingest.pagetitle import split_page_title
from ..model import BOILERPLATE, CAPTION, TEASER, UI, Segment
from .literals import FirstChars, Prefilter, stored_letter_runs

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]")
SENTENCE_END = re.compile(r"[.!?…。！？؟]['\"”’»)\]]*$")
# a smiley closes a sentence in informal prose ("... 🙂")
EMOJI_END = re.compile(r"([\U0001F300-\U0001FAFF\u2600-\u27BF]|[:;]-?[)D(])\uFE0F?\s*$")
URL = re.compile(r"\b(https?://|www\.)\S+")
INNER_PUNCT = re.compile(r"[,;.:!?，、。；：]\s")
COUNTER = re.compile(r"^[\d\s.,:/+()\-–%]*\d[\d\s.,:/+()\-–%]*$")

# photo credits in the languages we support; matched at a line's start, or anywhere in a short line
CREDIT_MARK = re.compile(
    r"©|\(c\)\s|\b(photo|photos|foto|fotos|bild|image|picture|credit|credits|zdjęcie|fot\.|imagen|immagine)\s*(:|by\b|credit|©)"
    r"|(фото|фотография|світлина|знімок|kuva|φωτογραφία|صورة|写真|사진|图片)\s*[:©/]"
    r"|getty\s*images|shutterstock|istock|\bAP\s*Photo|picture[- ]alliance|Wikimedia\s*Commons"
    # "dpa/Jan Roe", "Jane Roe / ТАСС": an agency and a photographer's name on either side of a slash
    r"|\b(afp|epa|dpa|reuters|imago|sputnik|тасс|риа\s*новости|униан|уніан)\s*/|/\s*(afp|epa|dpa|reuters|imago|sputnik|тасс|риа\s*новости|униан|уніан)\b"
    r"|^(bildunterschrift|caption|подпись( к фото)?|légende|pie de foto|didascalia|podpis|legenda)\s*:|^(image|photo|picture|media) caption\b",
    re.I,
)
# the agencies and sources a credit names; a sentence names them too ("Об этом сообщает ТАСС."), so alone
# they make a credit only of a line that does not read as a sentence (see `pattern_kind`)
CREDIT_SOURCE = re.compile(
    r"\bAFP\b|\bEPA\b|imago\b|\bdpa\b|(из )?личн(ый|ого) архив(а)?|пресс-служб[аы]|ТАСС|РИА\s*Новости|\bREUTERS\b|УНИАН|УНІАН",
    re.I,
)
# a credit tail in parentheses or after a slash at the end of a caption-like line
CREDIT_TAIL = re.compile(
    r"[(\[|/]\s*[^()\[\]]{0,60}(photo|foto|фото|getty|afp|reuters|\bap\b|epa|dpa|shutterstock|istock|тасс|риа|imago|image|credit|source|bild|quelle|источник|джерело|fuente|fonte|źródło)\s*[:/©)\]][^()\[\]]{0,40}[)\]]?\s*$",
    re.I,
)
# "... of Titan. (NASA/JPL-Caltech/ASU)": the image's sources, slash-separated names in parentheses after a caption
# "... back to the Moon [Agency via Agency]": a picture's source in brackets at the end of its caption
CREDIT_VIA = re.compile(r"[\[(][^\[\]()]{1,40}\bvia\b[^\[\]()]{1,40}[\])]\s*$", re.I)
CREDIT_SOURCES = re.compile(r"[.!?][\"”’]?\s+\(\s?(?:[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}\s?/\s?)+[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}\s?\)\s*$")
# "... a far broader movement.’ Photograph: Agency via Agency": the credit after a caption's last sentence
CREDIT_AFTER = re.compile(r"[.!?…][\"”’']?\s+(photograph|photo|picture|image|illustration|foto|bild|фото)\s*(:|by\b)\s*[^.!?]{2,60}$", re.I)
COPYRIGHT = re.compile(r"(©|\(c\)|copyright|all rights reserved|may not be (reproduced|republished|published, broadcast)|alle rechte vorbehalten|все права защищены|всі права захищені|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone|저작권|무단 ?전재|著作権|無断転載|版权所有|未经授权)", re.I)
COMMENTS = re.compile(
    r"^(\d+\s+)?(comments?|kommentare?|комментари[йи]|коментар(і|ів)|komentarz[ey]?|commentaires?|comentarios?|commenti|reacties)(\s*\(?\d+\)?)?$"
    r"|^\d+ (responses|replies|comments) (to|on)\b|^(\d+ )?comments? (feed|on)\b|^[\w .'-]{1,30} (says|said|wrote|пишет|schreibt):$"
    r"|^(new, )?\d+ (comments?|kommentare?|комментари\w*|коментар\w*)$"
    # (the phrases that may stand anywhere, behind a look at the place's first letter: the search tries them at every place)
    r"|(?=[nayrctlpsjbчвщkzd])(?:next time i comment|notify me (of|via|when)|akismet|your email address will not be published|required fields are marked"
    r"|community (standards|guidelines)|comment data is processed"
    r"|to participate in the discussion|log in or register|leave a (comment|reply)|post a comment|add (a )?comment|sign in to comment"
    r"|join the (conversation|discussion)|be the first to comment|чтобы (оставить|участвовать|принять участие)|войдите или зарегистрируйтесь"
    r"|щоб (залишити|долучитися)|kommentar (schreiben|verfassen)|zum kommentieren|laisser un commentaire|deja un comentario)",
    re.I,
)
LINK_TEXT = re.compile(
    r"^([»›→▶►>]|\.\.\.)|([»›→▶►]|\.\.\.|…)$"
    r"|^(read|see|show|load|view) (more|all|also|next|the full)|^continue reading|^related( (articles?|stories|news))?:?$|^read also\b|^see also\b"
    r"|^(читайте|смотрите) (также|еще|ещё)|^(читайте|дивіться) також|^подробнее|^читать (далее|дальше|полностью)|^детальніше|^більше\b"
    r"|^(mehr|weiterlesen|lesen sie auch|auch interessant)\b|^(lire aussi|voir aussi|lire la suite)|^(leer más|ver más|lea también)"
    r"|^(czytaj (też|także|więcej)|zobacz też)|^(leggi anche|continua a leggere)",
    re.I,
)
UI_WORDS = re.compile(
    r"^(subscribe|sign up|sign in|log ?in|log ?out|register|newsletter|share|share this|tweet|e-?mail|print|follow us|follow|"
    r"advertisement|advertising|sponsored|ad|ads|anzeige|werbung|реклама|publicité|publicidad|pubblicità|reklama|"
    r"cookies?|accept|accept all|close|menu|search|home|top|back to top|skip to (main )?content|next|previous|prev|more|"
    r"loading|loader|back to gallery|share all sharing options|подписаться|поделиться|войти|поиск|главная|меню|закрыть|далее|назад|"
    r"підписатися|поширити|увійти|пошук|головна|abonnieren|teilen|anmelden|suche|startseite|schließen|weiter|zurück|"
    r"s'abonner|partager|rechercher|accueil|suscribirse|compartir|buscar|inicio|iscriviti|condividi|cerca|"
    r"subskrybuj|udostępnij|szukaj|facebook|twitter|linkedin|whatsapp|telegram|vk|вконтакте|instagram|youtube|pinterest|reddit)$",
    re.I,
)
BYLINE = re.compile(
    r"^(by|von|par|por|di|door|av|af|od|от|автор[ы]?:?|від|written by|posted by|text:?|texte:?|текст:?)\s+[\w\"'“«]",
    re.I,
)
MONTHS = (
    r"jan(uary|uar)?|feb(ruary|ruar)?|mar(ch)?|märz|apr(il)?|may|mai|june?|juni|july?|juli|aug(ust)?|sep(t|tember)?|oct(ober)?|okt(ober)?"
    r"|nov(ember)?|dec(ember)?|dez(ember)?|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]"
    r"|січ(ня|ень)|лют(ого|ий)|берез(ня|ень)|квіт(ня|ень)|трав(ня|ень)|черв(ня|ень)|лип(ня|ень)|серп(ня|ень)|верес(ня|ень)|жовт(ня|ень)|листопада?|груд(ня|ень)"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
    # Portuguese, Italian, Dutch, Indonesian and Malay, Scandinavian, Turkish, Finnish (a stamp in any of them is a date)
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januari|februari|maart|maret|mei|augustus|agustus|desember|december|januar|februar|marts|augusti|maj"
    r"|ocak|şubat|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
    r"|(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuuta"
)
# (the stamps' words all start with a word character: `\b(?=\w)` leaves out at once the boundaries where a word ends,
# which would try every word of the alternations)
# time zones as stamps spell them ("EST", "CEST", "GMT"); not any short word ending in t ("fett", "best")
ZONES = r"(a|c|e|p|m|b|i|h|ak|ha|ae|ac|aw|nz|ce|ee|we)[sd]t|utc|gmt|cet|eet|wet|msk|jst|kst|hkt|sgt|ict"
DATE_TOKEN = re.compile(
    rf"\b(?=\w)(\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|\d{{1,2}}:\d{{2}}(:\d{{2}})?|\d{{1,2}}(st|nd|rd|th)?|\d{{4}}|{MONTHS}|am|pm|a\.m\.|p\.m\.|{ZONES}|мск|г\.?|года?|року|uhr|updated|published|aktualisiert|обновлено|опубликовано|оновлено|опубліковано|mis à jour|publié|actualizado|publicado|aggiornato|today|yesterday|сегодня|вчера|сьогодні|вчора|heute|gestern|at|um|в|о|à|a las|alle|ago|vor|назад|тому|il y a|hace|fa"
    rf"|(sec|secs|seconds?|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|минут[аы]?|час(а|ов)?|дн(я|ей)|день|годин[аи]?|хвилин[аи]?|stunden?|minuten|tagen?)"
    rf"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    rf"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\b\.?",
    re.I,
)
COOKIES = re.compile(r"\bcookies?\b|файл(ы|ов|ами)? cookie|\bcookie-", re.I)
# share buttons spelled out: "Share on Facebook", "Click to share on X (Opens in new window)", "Share all sharing options for: <title>"
SHARE_LINE = re.compile(
    r"^(click to )?(share|tweet|pin|email|e-mail|print)( this( story| article| post)?| it)?( (on|to|via|with) [\w.+ ]{1,20}| all sharing options( for:.*)?)?"
    r"( \(opens in (a )?new window\))?$|^click to (share|print|email|e-mail)\b.{0,40}\(opens in (a )?new window\)$",
    re.I,
)
# "Opinions expressed by contributors are their own": a disclaimer
DISCLAIMER = re.compile(r"\b(opinions|views) expressed\b.{0,80}\b(are|is) (their|his|her|my|the author'?s?|solely)\b", re.I)
# "... Follow her on Mastodon @janeroe.": the last sentence of an author's note
FOLLOW_END = re.compile(r"(^|[.!?]\s)follow (him|her|them|me|us|@\w+) (on|at|via)\b[^.!?]{0,60}[.!?]?\s*$", re.I)
# "... She has been reporting on farming since 2015.": the career line of an author's note
BIO_SINCE = re.compile(r"(^|[.!?]\s)(he|she|they) (has|have) been (reporting|writing) (on|about)\b.{0,80}\bsince (19|20)\d\d\b", re.I)
# the house rules printed above a comment thread
COMMENT_RULES = re.compile(r"^(as|when|before) you (comment|post)\b|\b(comment(ing|s)?|community) (policy|guidelines|rules)\b|\bour goal with (article |reader )?comments\b"
                           r"|\bcomments are (moderated|reviewed)\b|\bwe welcome (reader |your )?comments\b", re.I)
# the article's own widgets: its reading time ("5 min read", "Lesezeit: 4 Minuten") and its audio player ("Listen to this article")
READ_OR_LISTEN = re.compile(
    r"^\W*\d+\s*(min|mins|minutes?|minuten|minutos|minuti|минут[аы]?)\.?\s*(read|de lecture|de lectura|di lettura|lesezeit|чтения)\b"
    r"|^\W*(reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|время чтения|czas czytania)\s*:?\s*(\d|ca\.|≈|~)"
    r"|^ten tekst przeczytasz w\b|^(listen to (this|the) (article|story)|escucha esta nota|escuchar (esta )?(nota|noticia)|artikel (anhören|vorlesen)"
    r"|écouter (cet|l')\s?article|ascolta (l'articolo|questo articolo)|posłuchaj( artykułu)?|слушать (статью|новость))\b",
)
# "Read also: <headline>" lines point at another story
READ_ALSO = re.compile(
    r"^(read also|also read|see also|related( posts?| articles?| stories| story| reading)?|read more|more on this( story)?|more from|"
    r"читайте также|смотрите также|по теме|читайте також|дивіться також|"
    r"lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|voir aussi|"
    r"lea también|leer también|vea también|leia também|veja também|leggi anche|czytaj (też|także)|zobacz (też|także))\s*[:\-–—»]\s*\S",
    re.I,
)
TAGS = re.compile(r"^(filed under|tags?|topics?|categories|category|themen|schlagworte|rubrik|теги|метки|темы|рубрика|теми|tematy|sujets|temas|argomenti)\s*:", re.I)
# newsletter and subscription boxes, in a line of their own
PROMO = re.compile(
    r"newsletter|unsubscribe|\bjoin our\b|\bfollow (us|him|her|me) (on|at)\b|^follow [\w@.-]+( [\w@.-]+)? on (facebook|twitter|instagram|x|youtube|tiktok|linkedin)\b|\bemail \w+( \w+)? at \S+@|\bsign(ing)? up\b|\btak(e|ing) (our|this|the|a short) survey\b|\bsubscri(be|ption)|подпи(с|ш)|передплат|abonnier|abonnez|s'abonner|suscr[ií]b|iscriviti|zapisz się|prenumerat",
    re.I,
)
# a box that starts by telling the reader to act ("Join our forums...", "Follow us...")
CALL_TO_ACTION = re.compile(r"^(join|follow|subscribe|sign up|listen to|tretet|folgen sie|abonnieren sie|rejoignez|suivez|únete|síguenos|присоединяйтесь|подписывайтесь|приєднуйтесь|підписуйтесь)\b", re.I)
# "Jane Roe contributed reporting from Paris.": the staff note that closes an article
CONTRIBUTED = re.compile(r"\bcontributed (reporting|research|to this (report|article|story))\b", re.I)
GALLERY = re.compile(r"^(image|photo|picture|slide|foto|bild|фото|изображение|imagen|immagine|zdjęcie)\s*\d+\s*(of|/|von|из|з|de|di|z|sur)\s*\d+", re.I)
# headings of the blocks that follow an article: related stories, most read, partner news...
SECTION_END = re.compile(
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
AGENCY_BYLINE = re.compile(r",\s*(the )?(associated press|ap|reuters|afp|dpa|bloomberg|tass|ria novosti|ap [\w ]*writer|staff writer|correspondent)$", re.I)
# "By" alone on its line, the author's name on the next one
BYLINE_WORD = re.compile(r"^(by|von|par|por|di|door|av|af|od|от|від|автор[ы]?):?$", re.I)
# "About Jane Roe": the heading of an author's biography after the article
ABOUT_NAME = re.compile(r"^(?i:about|über|об|про|à propos de|sobre|o)\s+[A-ZА-ЯЁІЇЄ][\w'-]+(\s+[A-ZА-ЯЁІЇЄ][\w'-]+){0,2}$")
# an embedded post's attribution ("— Jane Roe (@janeroe) May 3, 2026"): part of the article it is quoted in
EMBED_ATTRIBUTION = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w+\)\s+\S+.{0,20}\d{4}$")
# "Jane Roe is a freelance writer based in...": an author's biography after the article
BIO = re.compile(
    r"^[A-ZА-ЯЁІЇЄ][\w'.-]+(\s+[A-ZА-ЯЁІЇЄ][\w'.-]+){1,3},?\s+(is|was|ist|est|es|è|jest|—|–)\s+(a|an|the|ein|eine|un|une|una|uno)?\s*"
    r"([\w'’-]+\s+){0,6}(writer|journalist|reporter|editor|correspondent|author|columnist|contributor|freelancer|curator|blogger|critic|photographer|Journalist(in)?|Autor(in)?|Redakteur(in)?|journaliste|periodista|giornalista|dziennikarz(ką)?)\b"
)
SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "is", "vs", "de", "la", "le", "el", "der", "die", "das", "und", "von"}

# compiled once: the module-level `re` functions look each pattern up in a cache on every call
_PHOTO_WORD = re.compile(r"photo|foto|фото|bild|image", re.I)
_YEAR = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
_AM_PM = re.compile(r"\b([ap])\.m\.", re.I)
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_LETTER_BESIDE_DIGIT = re.compile(r"\d(?<=[^\W\d_]\d)|\d(?=[^\W\d_])")  # found where `_LETTER_DIGIT` has a place to split
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_CLOCK_OR_MONTH = re.compile(rf"\d{{1,2}}:\d{{2}}|\b(?=\w)({MONTHS})\b", re.I)
# what only a date or time stamp shows: a year, a clock, a numeric date, a month or weekday, "today", "ago"
_STAMP = re.compile(
    rf"^\d{{1,2}} ?h$|\d{{4}}|\d{{1,2}}:\d{{2}}|\d{{1,2}}[./-]\d{{1,2}}([./-]\d{{2,4}})?\b|\b(?=\w)({MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
    r"|today|yesterday|сегодня|вчера|сьогодні|вчора|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|ago|vor|назад|тому|il y a|hace|fa"
    r"|updated|published|aktualisiert|обновлено|опубликовано|оновлено|опубліковано|mis à jour|publié|actualizado|publicado|aggiornato)\b",
    re.I,
)
_NOT_WORD = re.compile(r"[^\w\s]")

# a pattern's source in pieces: an escape (kept as written) or a run of anything else (lowered)
_SOURCE_PIECES = re.compile(r"\\.|\\|[^\\]+", re.S)


def lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` for text already lowercased: its letters lowered (escapes such as \\W kept), without re.I.

    Python's case-insensitive matching is several times slower on long alternations; a line
    is lowercased once and the twins below match it as the originals match the line.
    """
    pieces = _SOURCE_PIECES.findall(pattern.pattern)
    return re.compile("".join(p if p[0] == "\\" else p.lower() for p in pieces), pattern.flags & ~re.I)


# the case-insensitive patterns every line meets, for its lowercased text (same matches on every dev line)
CREDIT_MARK_LOW, CREDIT_SOURCE_LOW, CREDIT_TAIL_LOW, COPYRIGHT_LOW, COMMENTS_LOW, PROMO_LOW = map(
    lowered, (CREDIT_MARK, CREDIT_SOURCE, CREDIT_TAIL, COPYRIGHT, COMMENTS, PROMO))
# either kind of credit in one search: most lines have none, and then neither needs a look of its own
CREDIT_LOW = re.compile(f"{CREDIT_MARK_LOW.pattern}|{CREDIT_SOURCE_LOW.pattern}")
DISCLAIMER_LOW, COMMENT_RULES_LOW, LINK_TEXT_LOW, COOKIES_LOW = map(lowered, (DISCLAIMER, COMMENT_RULES, LINK_TEXT, COOKIES))
UI_WORDS_LOW, SECTION_END_LOW, READ_ALSO_LOW, TAGS_LOW, BYLINE_LOW = map(lowered, (UI_WORDS, SECTION_END, READ_ALSO, TAGS, BYLINE))
_PHOTO_WORD_LOW, _AM_PM_LOW, _CLOCK_OR_MONTH_LOW, DATE_TOKEN_LOW, _STAMP_LOW = map(lowered, (_PHOTO_WORD, _AM_PM, _CLOCK_OR_MONTH, DATE_TOKEN, _STAMP))
# the runs of letters a date token can hold (its matches stand between word boundaries, so a line's other words
# are never touched by its replacement in `is_date_line`)
_DATE_WORDS = stored_letter_runs(DATE_TOKEN_LOW)
_LETTERS = re.compile(r"[^\W\d_]+")  # the runs `_NOT_LETTERS` leaves
# the patterns `pattern_kind` searches a line for, the case-insensitive ones in its text and the others in its
# lowercased text: most lines hold none of the strings every match of one of them holds, and looking for
# those (`Prefilter`) is cheaper than the patterns
_PREFILTER = Prefilter((DISCLAIMER_LOW, COMMENT_RULES_LOW, COMMENTS_LOW, READ_OR_LISTEN, CREDIT_LOW, CREDIT_MARK_LOW, CREDIT_TAIL_LOW,
                        COPYRIGHT_LOW, _PHOTO_WORD_LOW, LINK_TEXT_LOW, PROMO_LOW, COOKIES_LOW,
                        FOLLOW_END, BIO_SINCE, CREDIT_AFTER, CONTRIBUTED, AGENCY_BYLINE))
# the patterns `pattern_kind` tries at a line's start (`match`): most can start with a few characters only,
# and one look-up of the line's first one (`FirstChars`) rules out those that cannot start it
_STARTS = FirstChars((EMBED_ATTRIBUTION, COUNTER, SHARE_LINE, SECTION_END_LOW, ABOUT_NAME, READ_ALSO_LOW, GALLERY,
                      CALL_TO_ACTION, BIO, TAGS_LOW, BYLINE_LOW))


PROSE_MIN_WORDS = 10  # a punctuated line this long reads as running text


@dataclass
class LineFacts:
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
    repeated_nearby: bool = False  # a paragraph whose text stands again within a few lines (`inside.mark_repeated_nearby`)
    chance: float = -1.0  # the line model's chance that this is article text (-1: not scored); read it as `p`
    pending: Callable[[], float] | None = None  # works `chance` out when first read (see `classifier.search_weights`)
    ends_article: bool = False  # a heading, comment widget or time stamp after prose: what follows is not the article
    key: str | None = None  # `norm_text` of the line, once computed
    shape: tuple[float, ...] | None = None  # the line models' text measures, once computed (see `classifier.py`)
    boxes: tuple[int, ...] = ()  # for HTML: the numbers of the elements that enclose the block, outermost first
    box: tuple[float, ...] = ()  # for HTML: how much of the page's prose its containers hold (see `regions.py`)

    @property
    def p(self) -> float:
        """The line model's chance that this is article text (-1: not scored), worked out on first read when pending."""
        if self.pending is not None:
            self.chance, self.pending = self.pending(), None
        return self.chance

    @p.setter
    def p(self, value: float) -> None:
        self.chance, self.pending = value, None

    def norm(self) -> str:
        """`norm_text` of the line's text (computed once)."""
        if self.key is None:
            self.key = norm_text(self.seg.text)
        return self.key


def script_of(text: str) -> str:
    """The main script of `text`: latin, cyrillic, greek, arabic, hebrew, cjk, other, or '' (no letters)."""
    if text.isascii():  # the common case, without a look at each character
        return "latin" if _ASCII_LETTER.search(text) else ""
    for script, other_letter, own_letter in _ONE_SCRIPT:
        if not other_letter(text):  # every letter of the line is this script's: no need to count them
            return script if own_letter(text) else ""
    counts: dict[str, int] = {}
    # each distinct character once, in order of first appearance, so ties go as they did letter by letter
    for ch, n in Counter(text).items():
        try:
            s = _CHAR_SCRIPTS[ch]
        except KeyError:
            s = _CHAR_SCRIPTS[ch] = _char_script(ch)
        if s:
            counts[s] = counts.get(s, 0) + n
    if not counts:
        return ""
    return max(counts.items(), key=lambda kv: kv[1])[0]


_ASCII_LETTER = re.compile(r"[A-Za-z]")  # the ASCII characters `str.isalpha` holds letters
_CHAR_SCRIPTS: dict[str, str] = {}  # every character met, with its `_char_script`


def _one_script_tests(script: str, spans: tuple[tuple[int, int], ...]):
    """(script, other_letter, own_letter) for a script `_char_script` gives the code points of `spans` ([lo, hi)).

    `other_letter(text)` finds a character outside the spans that may be a letter (any word character
    but a digit or "_": every `str.isalpha` one, and a few numerals that send the line to the count);
    `own_letter(text)` finds a letter (`str.isalpha`) inside them.
    """
    ranges = "".join(f"\\u{lo:04x}-\\u{hi - 1:04x}" for lo, hi in spans)
    letters = "".join(f"\\u{o:04x}" for lo, hi in spans for o in range(lo, hi) if chr(o).isalpha())
    return script, re.compile(rf"[^\W\d_{ranges}]").search, re.compile(f"[{letters}]").search


# the code points ([lo, hi)) of each script a letter may be counted in; a letter outside them is "other"
_SCRIPT_SPANS = (
    (0, 0x250, "latin"), (0x1E00, 0x1F00, "latin"), (0x400, 0x530, "cyrillic"), (0x370, 0x400, "greek"),
    (0x590, 0x600, "hebrew"), (0x600, 0x780, "arabic"), (0x3040, 0xA000, "cjk"), (0xAC00, 0xD7B0, "cjk"),
    (0xF900, 0xFB00, "cjk"),
)
# the scripts whose lines most often hold letters of theirs alone (a German line with its umlauts, a Russian one)
_ONE_SCRIPT = tuple(_one_script_tests(script, tuple((lo, hi) for lo, hi, name in _SCRIPT_SPANS if name == script))
                    for script in ("latin", "cyrillic"))


def _char_script(ch: str) -> str:
    if not ch.isalpha():
        return ""
    o = ord(ch)
    for lo, hi, script in _SCRIPT_SPANS:  # (no two overlap; each character is asked once, see _CHAR_SCRIPTS)
        if lo <= o < hi:
            return script
    return "other"


def units_of(text: str) -> float:
    """Length in words; a run of CJK/Thai characters counts one word per two characters."""
    cjk = 0 if text.isascii() else len(CJK.findall(text))
    if not cjk:
        return float(len(text.split()))
    spaced = sum(1 for w in text.split() if not CJK.search(w))
    return spaced + cjk / 2


def is_date_line(text: str) -> bool:
    """True when a line is a date or time stamp, perhaps with a label ("Updated 12:30 GMT")."""
    if not _DIGIT.search(text):
        return False
    text = text.lower()
    if ".m." in text:  # what every match of _AM_PM holds
        text = _AM_PM_LOW.sub(r"\1m", text)
    # the words no stamp's token holds all stay below, so at least this many are left (the runs of letters
    # are the same before the split of letters from digits)
    if _DATE_WORDS is None:
        odd = 0
    else:
        words = _LETTERS.findall(text)
        odd = len(words) - sum(map(_DATE_WORDS.__contains__, words))
    if odd > 3:
        return False
    if _LETTER_BESIDE_DIGIT.search(text):  # (most lines have none: the split tries every place, this one the digits)
        text = _LETTER_DIGIT.sub(" ", text)
    # "Jane Roe March 3, 2019 - 2:19 pm": a comment's or author's stamp with a name in front
    full_date = bool(_YEAR.search(text) and _CLOCK_OR_MONTH_LOW.search(text))
    if not full_date and (odd >= 2 or odd == 1 and not _STAMP_LOW.search(text)):
        return False  # the answer below whatever more words the tokens leave (the stamp's tokens need not be read)
    rest = DATE_TOKEN_LOW.sub(" ", text)
    rest = _NOT_LETTERS.sub(" ", rest)
    words = len(rest.split())
    # one word left beside numbers is a quantity ("80 g", "390 kcal", "3 EL") unless a stamp's token stands there too
    return words == 0 or (words == 1 and bool(_STAMP_LOW.search(text))) or (words <= 3 and full_date)


def is_title_case(text: str) -> bool:
    """True when most words of a Latin, Cyrillic or Greek line start with a capital (a headline)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in SMALL_WORDS]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def norm_text(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


@lru_cache(maxsize=64)
def _site_norm(site: str) -> str:
    """`norm_text` of a site's name: asked of every line of its pages, worked out once."""
    return norm_text(site)


_STOPS, _CLOSERS = ".!?…。！？؟", "'\"”’»)]"  # the characters of SENTENCE_END: a stop, then any closers


def _ends_sentence(text: str) -> bool:
    """`bool(SENTENCE_END.search(text))`, read from the line's end instead of tried at every place."""
    head = text.rstrip(_CLOSERS)
    if head and head[-1] in _STOPS:
        return True
    if text.endswith("\n"):  # `$` also matches before one final newline
        head = text[:-1].rstrip(_CLOSERS)
        return bool(head) and head[-1] in _STOPS
    return False


def _ends_with_smiley(text: str) -> bool:
    """`bool(EMOJI_END.search(text))`, tried only when the line's last character (before spaces and an emoji
    variation selector) is one a match can end with: the search would otherwise try every place of the line."""
    head = text.rstrip()
    if head.endswith("\uFE0F"):
        head = head[:-1]
    last = head[-1:]
    if not (last in ")D(" or "\u2600" <= last <= "\u27BF" or "\U0001F300" <= last <= "\U0001FAFF"):
        return False
    return EMOJI_END.search(text) is not None


def measures_of(text: str) -> tuple[float, bool, bool, str]:
    """(units, prose, ends, script) of a line's text (see `LineFacts`)."""
    units = units_of(text)
    ends = _ends_sentence(text) or _ends_with_smiley(text)
    # inner punctuation counts only for a line long enough that does not end a sentence
    prose = units >= 25 or (units >= PROSE_MIN_WORDS and (ends or len(INNER_PUNCT.findall(text + " ")) >= 2))
    return units, prose, ends, script_of(text)


_NO_ROLES: frozenset[str] = frozenset()


def facts_of(seg: Segment, measured: dict[str, tuple[float, bool, bool, str]] | None = None) -> LineFacts:
    """The facts of one segment; `measured` keeps the measures of the texts met before (a page repeats its menus)."""
    text = seg.text
    if measured is None:
        units, prose, ends, script = measures_of(text)
    else:
        if text not in measured:
            measured[text] = measures_of(text)
        units, prose, ends, script = measured[text]
    if not seg.hint:  # a dump's line: no tag, roles or containers
        return LineFacts(seg, units, prose, ends, script, "", _NO_ROLES)
    parts = seg.hint.split()
    tag = parts[0] if parts else ""
    boxes: tuple[int, ...] = ()
    if parts and parts[-1].startswith("@"):
        boxes = tuple(map(int, parts.pop()[1:].split(".")))
    return LineFacts(seg, units, prose, ends, script, tag, frozenset(parts[1:]), boxes=boxes)


def pattern_kind(f: LineFacts, glossary: Glossary, site: str | None, titles: set[str]) -> str | None:
    """The kind a pattern gives a segment regardless of its place, or None."""
    text = f.seg.text.strip()
    low = text.lower()
    short = f.units <= 15
    starts = _STARTS.possible(low)  # the ids of the anchored patterns that may match at the line's start
    if id(EMBED_ATTRIBUTION) in starts and EMBED_ATTRIBUTION.match(text):
        return None
    if ("http" in text or "www." in text) and sum(len(m.group()) for m in URL.finditer(text)) > len(text) / 2:
        return BOILERPLATE  # links spelled out: image lists, share widgets (every link holds "http" or "www.")
    if f.units <= 8 and glossary.ui_entry(text) is not None:
        return UI
    if id(COUNTER) in starts and COUNTER.match(text):
        return UI
    if f.units <= 4 and UI_WORDS_LOW.match(low.strip(" :.!|•·-–—»›→")) or f.units <= 30 and id(SHARE_LINE) in starts and SHARE_LINE.match(text):
        return UI
    maybe = _PREFILTER.possible(low)  # the ids of the prefiltered patterns that may match `low`
    if f.units <= 40 and id(DISCLAIMER_LOW) in maybe and DISCLAIMER_LOW.search(low) or f.units <= 80 and id(COMMENT_RULES_LOW) in maybe and COMMENT_RULES_LOW.search(low):
        return BOILERPLATE
    if f.units <= 60 and id(FOLLOW_END) in maybe and FOLLOW_END.search(text) or f.units <= 30 and id(BIO_SINCE) in maybe and BIO_SINCE.search(text):
        return BOILERPLATE  # an author's note: it asks readers to follow them, or tells how long they have been writing
    if f.units <= 25 and id(COMMENTS_LOW) in maybe and COMMENTS_LOW.search(low) or f.units <= 10 and id(READ_OR_LISTEN) in maybe and READ_OR_LISTEN.search(low):
        return UI
    # the image's sources in brackets (CREDIT_SOURCES, CREDIT_VIA) close the line: `text` is stripped
    closed = text[-1:] in ")]"
    # a short line may carry its credit anywhere, a longer one only at its start; an agency's name alone
    # makes a credit only of a line that is not a sentence ("Jane Roe/AFP", not "... reports AFP.")
    # (a longer line's credit is tried at its start alone: that costs less than asking for its literals)
    credit = (id(CREDIT_LOW) in maybe and CREDIT_LOW.search(low)) if short else CREDIT_LOW.match(low)
    if credit and (not f.ends or f.units <= 3 or (id(CREDIT_MARK_LOW) in maybe and CREDIT_MARK_LOW.search(low) if short else CREDIT_MARK_LOW.match(low))) or (not f.ends and (id(CREDIT_TAIL_LOW) in maybe and CREDIT_TAIL_LOW.search(low) or closed and (CREDIT_SOURCES.search(text) or CREDIT_VIA.search(text)) or id(CREDIT_AFTER) in maybe and CREDIT_AFTER.search(text))):
        if id(COPYRIGHT_LOW) in maybe and COPYRIGHT_LOW.search(low) and not (id(_PHOTO_WORD_LOW) in maybe and _PHOTO_WORD_LOW.search(low)) and _YEAR.search(text):
            return BOILERPLATE
        return CAPTION
    if (f.units <= 40 and not f.prose or short) and id(COPYRIGHT_LOW) in maybe and COPYRIGHT_LOW.search(low):
        return BOILERPLATE
    if f.units <= 15 and text.endswith(("..", "…")):
        return TEASER  # a headline cut short to fit a link box ("...", "…")
    # (the line's words end with the site's when its tail names it: a cheap test before the split)
    if site and f.seg.hint != "title" and f.norm().endswith(_site_norm(site)):
        head, tail = split_page_title(text)
        if tail and norm_text(tail) == _site_norm(site):
            # "Headline - Site" repeats the page title; any other "X - Site" is an image's alt text
            return CAPTION if head and f.seg.line > 1 and norm_text(head) not in titles else BOILERPLATE
    if f.units <= 7 and (id(SECTION_END_LOW) in starts and SECTION_END_LOW.match(low) or id(ABOUT_NAME) in starts and ABOUT_NAME.match(text)):
        return UI
    if f.units <= 20 and id(READ_ALSO_LOW) in starts and READ_ALSO_LOW.match(low):
        return TEASER
    if f.units <= 8 and id(LINK_TEXT_LOW) in maybe and LINK_TEXT_LOW.search(low):
        return UI
    if id(GALLERY) in starts and GALLERY.match(text):
        return CAPTION
    if (f.units <= 30 or f.units <= 45 and id(CALL_TO_ACTION) in starts and CALL_TO_ACTION.match(text)) and id(PROMO_LOW) in maybe and PROMO_LOW.search(low) or f.units <= 15 and id(CONTRIBUTED) in maybe and CONTRIBUTED.search(text):
        return BOILERPLATE
    if f.units <= 10 and id(AGENCY_BYLINE) in maybe and AGENCY_BYLINE.search(text) and not f.ends:
        return BOILERPLATE
    if f.units <= 80 and id(BIO) in starts and BIO.match(text):
        return BOILERPLATE
    if f.units <= 30 and id(TAGS_LOW) in starts and TAGS_LOW.match(low):
        return BOILERPLATE
    if f.units <= 40 and id(COOKIES_LOW) in maybe and COOKIES_LOW.search(low):
        return BOILERPLATE
    if id(BYLINE_LOW) in starts and is_byline(f):
        return BOILERPLATE
    if f.units <= 25 and is_date_line(text):
        return BOILERPLATE
    return None


def is_byline(f: LineFacts) -> bool:
    """True for "By Jane Roe" lines: short, or carrying a date or a separator ("By Jane Roe | 3 May 2026")."""
    text = f.seg.text.strip()
    return bool(BYLINE_LOW.match(text.lower())) and ((f.units <= 12 and not f.ends) or (f.units <= 25 and ("|" in text or bool(_YEAR.search(text)))))
