"""Romanising Cyrillic names the way English-language newsrooms write them.

Russian (and, as a fallback, Belarusian, Bulgarian and other Cyrillic languages):
BGN/PCGN simplified as news agencies use it: no apostrophes for ь/ъ, "-sky" not
"-skiy", "ye" only at the start of a word and after vowels, final "-ей"/"-ай" as
"-ei"/"-ai" (Sergei, Nikolai), "-ия" at the end as "-ia" (Maria). Common given names
use their established English spelling (Alexander, Yuri, Pyotr).
Ukrainian: the national system (Cabinet of Ministers resolution 55 of 2010): г→h,
и→y, і→i, and є/ї/й/ю/я as ye/yi/y/yu/ya at the start of a word, ie/i/i/iu/ia elsewhere.
Chinese names, which Russian writes in the Palladius system (Фэн Яосян), come back in
Pinyin (Feng Yaoxiang; see `palladius.py`).
Established English names of places, people and organisations (Moscow, Kyiv,
Zelensky) live in the curated glossaries, which win over romanisation.
"""

from __future__ import annotations

import re

from .palladius import chinese, pinyin

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # letters of other Cyrillic alphabets, so a Ukrainian or Serbian letter in Russian text is not lost
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ә": "a", "ғ": "gh", "қ": "q",
    "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
    "ы": "y", "э": "e", "ё": "io", "ъ": "",
}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_BG = {"ъ": "a", "щ": "sht", "ю": "yu", "я": "ya", "ж": "zh", "й": "y"}

_VOWELS = set("аеёиоуыэюяіїєaeiouy")
_SIBILANTS = set("жчшщ")

# Given names whose English spelling in the news is not what the letter rules give.
GIVEN_NAMES = {
    "ru": {
        "александр": "Alexander", "алексей": "Alexei", "александра": "Alexandra", "юрий": "Yuri",
        "пётр": "Pyotr", "петр": "Pyotr", "фёдор": "Fyodor", "федор": "Fyodor", "артём": "Artyom",
        "артем": "Artyom", "семён": "Semyon", "семен": "Semyon", "наталья": "Natalya",
        "татьяна": "Tatiana", "ксения": "Ksenia", "юлия": "Yulia", "мария": "Maria",
        "анастасия": "Anastasia", "евгения": "Yevgenia", "максим": "Maxim", "лев": "Lev",
        "михаил": "Mikhail", "аркадий": "Arkady", "виталий": "Vitaly", "дмитрий": "Dmitry",
        "валерий": "Valery", "анатолий": "Anatoly", "григорий": "Grigory", "василий": "Vasily",
        "геннадий": "Gennady", "иннокентий": "Innokenty", "кирилл": "Kirill",
        # foreign given names as Russian writes them, back to their own spelling
        "джо": "Joe", "джон": "John", "джордж": "George", "джеймс": "James", "джозеф": "Joseph",
        "джек": "Jack", "джейк": "Jake", "джастин": "Justin", "джессика": "Jessica", "дженнифер": "Jennifer",
        "дэвид": "David", "дэниел": "Daniel", "дэниэл": "Daniel", "даниэль": "Daniel", "уильям": "William",
        "майкл": "Michael", "ричард": "Richard", "томас": "Thomas", "чарльз": "Charles", "стивен": "Stephen",
        "пол": "Paul", "питер": "Peter", "эндрю": "Andrew", "энтони": "Anthony", "мэри": "Mary",
        "кэтрин": "Catherine", "сара": "Sarah", "элизабет": "Elizabeth", "эмма": "Emma", "эмили": "Emily",
        "хиллари": "Hillary", "барак": "Barack", "дональд": "Donald", "ульрих": "Ulrich", "вольфганг": "Wolfgang",
        "эммануэль": "Emmanuel", "жан": "Jean", "пьер": "Pierre", "франсуа": "Francois", "мишель": "Michel",
        "хосе": "Jose", "хуан": "Juan", "луис": "Luis", "мухаммед": "Mohammed", "мохаммед": "Mohammed",
        "ахмед": "Ahmed", "абдулла": "Abdullah", "хасан": "Hassan", "хамад": "Hamad", "реджеп": "Recep",
        "биньямин": "Benjamin", "льюис": "Lewis", "нэнси": "Nancy", "кевин": "Kevin", "роберт": "Robert",
    },
    "uk": {
        "олександр": "Oleksandr", "олексій": "Oleksii", "юрій": "Yurii", "сергій": "Serhii",
        "андрій": "Andrii", "дмитро": "Dmytro", "володимир": "Volodymyr", "віталій": "Vitalii",
    },
}



def _match_case(src: str, out: str) -> str:
    """Carry the capitalisation of a source word over to its romanisation."""
    if not out:
        return out
    if src.isupper() and len(src) > 1:
        return out.upper()
    if src[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def _russian_word(word: str) -> str:
    low = word.lower()
    if low in GIVEN_NAMES["ru"]:
        return GIVEN_NAMES["ru"][low]
    out = []
    n = len(low)
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < n else ""
        at_start = i == 0
        if ch == "е":
            out.append("ye" if at_start or prev in _VOWELS or prev in "ьъ" else "e")
        elif ch == "ё":
            out.append("e" if prev in _SIBILANTS else "yo")
        elif ch == "ь":
            # Ilyin, Ilyich: a soft sign before и/о is heard as "y"
            out.append("y" if nxt in ("и", "о") else "")
        elif ch in "ыи" and nxt == "й" and i + 2 == n:
            out.append("y")  # -ский, -ый: Volkonsky, Gorky
        elif ch == "й" and i + 1 == n and prev in "ыи":
            continue
        elif ch == "й" and i + 1 == n and prev in "еа":
            out.append("i")  # Sergei, Nikolai
        elif ch == "и" and nxt == "я" and i + 2 == n and i > 0:
            out.append("ia")  # Maria, Latakia
            break
        else:
            out.append(_RU.get(ch, ch))
    return "".join(out)


def _ukrainian_word(word: str) -> str:
    low = word.lower()
    if low in GIVEN_NAMES["uk"]:
        return GIVEN_NAMES["uk"][low]
    out = []
    for i, ch in enumerate(low):
        if i == 0 and ch in _UK_INITIAL:
            out.append(_UK_INITIAL[ch])
        elif ch == "г" and i and low[i - 1] == "з":
            out.append("gh")  # зг -> zgh, so it is not read as "zh"
        else:
            out.append(_UK.get(ch, ch))
    return "".join(out)


def _bulgarian_word(word: str) -> str:
    return "".join(_BG.get(ch, _RU.get(ch, ch)) for ch in word.lower())


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def romanise(text: str, lang: str) -> str:
    """The Latin form of `text` (any length), keeping case, spaces, hyphens and punctuation.

    Latin-script text comes back unchanged. `lang` picks the system: "uk" the Ukrainian
    national one, "bg" Bulgarian, any other Cyrillic the Russian newsroom one.
    """
    word_rule = {"uk": _ukrainian_word, "bg": _bulgarian_word}.get(lang, _russian_word)

    def one(m: re.Match) -> str:
        w = m.group(0)
        if not any("\u0400" <= c <= "\u04ff" for c in w):
            return w
        return _match_case(w, word_rule(w))

    text = text.replace("ʼ", "").replace("’", "'") if lang == "uk" else text
    if lang == "uk":
        text = re.sub(r"(?<=[\u0400-\u04ff])'(?=[\u0400-\u04ff])", "", text)
    elif lang == "ru":
        words = [w for w in _WORD.findall(text) if is_cyrillic(w)]
        if chinese(words):
            # Фэн Яосян is Chinese in Palladius: English writes it in Pinyin (Feng Yaoxiang)
            return _WORD.sub(lambda m: pinyin(m.group(0), marked=False) or m.group(0), text)
    return _WORD.sub(one, text)


# the letters (str.isalpha) of the Cyrillic block U+0400-U+04FF; its signs and combining marks are not
_CYRILLIC_LETTER = re.compile("[" + "".join(chr(i) for i in range(0x400, 0x500) if chr(i).isalpha()) + "]")


def is_cyrillic(text: str) -> bool:
    """True when most letters of `text` are Cyrillic (letters of the block U+0400-U+04FF)."""
    if _CYRILLIC_LETTER.search(text) is None:  # most segments the glossary asks about: no count needed
        return False
    letters = sum(map(str.isalpha, text))  # counted in C: the glossary asks this of whole segments
    return bool(letters) and len(_CYRILLIC_LETTER.findall(text)) * 2 > letters
