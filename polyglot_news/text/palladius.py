"""Chinese names written in Russian (the Palladius system) back to Hanyu Pinyin, as English news writes them.

Russian news spells Chinese names syllable by syllable in Palladius (Чжанцзякоу, Хуэйчжоу,
Фэн Яосян); a letter-by-letter romanisation gives "Chzhantszyakou", English writes
"Zhangjiakou". A word is read as Chinese only when all of it splits into Palladius
syllables and at least one syllable has a spelling Russian words do not (чж, цз, эй, оу,
юй, ...), so "Иван" stays Russian.
"""

from __future__ import annotations

from functools import lru_cache

# initials: Palladius -> (pinyin before i/ü, pinyin elsewhere)
_INITIALS = {
    "": ("", ""), "б": ("b", "b"), "п": ("p", "p"), "м": ("m", "m"), "ф": ("f", "f"), "д": ("d", "d"),
    "т": ("t", "t"), "н": ("n", "n"), "л": ("l", "l"), "г": ("g", "g"), "к": ("k", "k"), "х": ("h", "h"),
    "цз": ("j", "z"), "ц": ("q", "c"), "с": ("x", "s"), "чж": ("zh", "zh"), "ч": ("ch", "ch"),
    "ш": ("sh", "sh"), "ж": ("r", "r"),
}
# finals after an initial: Palladius -> (pinyin, starts with i/ü so j/q/x apply)
_FINALS = {
    "а": ("a", False), "о": ("o", False), "э": ("e", False), "ай": ("ai", False), "эй": ("ei", False),
    "ао": ("ao", False), "оу": ("ou", False), "ань": ("an", False), "энь": ("en", False), "ан": ("ang", False),
    "эн": ("eng", False), "ун": ("ong", False), "и": ("i", True), "я": ("ia", True), "е": ("ie", True),
    "яо": ("iao", True), "ю": ("iu", True), "янь": ("ian", True), "инь": ("in", True), "ян": ("iang", True),
    "ин": ("ing", True), "юн": ("iong", True), "у": ("u", False), "уа": ("ua", False), "уай": ("uai", False),
    "уй": ("ui", False), "уэй": ("ui", False), "уань": ("uan", False), "унь": ("un", False),
    "уан": ("uang", False), "юй": ("u", True), "юэ": ("ue", True), "юань": ("uan", True), "юнь": ("un", True),
    "ы": ("i", False), "эр": ("er", False),
}
# syllables without an initial
_ZERO = {
    "а": "a", "о": "o", "э": "e", "ай": "ai", "эй": "ei", "ао": "ao", "оу": "ou", "ань": "an", "энь": "en",
    "ан": "ang", "эн": "eng", "эр": "er", "и": "yi", "я": "ya", "е": "ye", "яо": "yao", "ю": "you",
    "янь": "yan", "инь": "yin", "ян": "yang", "ин": "ying", "юн": "yong", "у": "wu", "ва": "wa", "во": "wo",
    "вай": "wai", "вэй": "wei", "вань": "wan", "вэнь": "wen", "ван": "wang", "вэн": "weng", "юй": "yu",
    "юэ": "yue", "юань": "yuan", "юнь": "yun",
}
# spellings that mark a syllable as Chinese rather than Russian
_MARKERS = ("чж", "цз", "эй", "оу", "ао", "юй", "юэ", "энь", "эн", "ы", "уэй", "сю", "ся", "сян", "цзя")
_UO = set("дтнлгкхчжшц") | {"чж", "цз"}  # "о" after these is pinyin "uo" (го -> guo)


def _syllables() -> dict[str, str]:
    out = dict(_ZERO)
    for ini, (soft, hard) in _INITIALS.items():
        if not ini:
            continue
        for fin, (py, front) in _FINALS.items():
            if fin == "ы" and ini not in ("цз", "ц", "с"):
                continue
            if front and ini in ("чж", "ч", "ш", "ж"):
                continue
            if fin == "и" and ini in ("чж", "ч", "ш", "ж"):
                out[ini + fin] = hard + "i"  # чжи -> zhi
                continue
            head = soft if front else hard
            if fin == "о" and ini in _UO:
                py = "uo"
            out[ini + fin] = head + py
    return out


_SYLLABLES = _syllables()
_LONGEST = max(len(s) for s in _SYLLABLES)


@lru_cache(maxsize=4096)
def _split(word: str) -> tuple[str, ...] | None:
    """The word as Palladius syllables (longest first, with backtracking), or None."""
    if not word:
        return ()
    for n in range(min(_LONGEST, len(word)), 0, -1):
        head = word[:n]
        if head in _SYLLABLES:
            rest = _split(word[n:])
            if rest is not None:
                return (head, *rest)
    return None


def chinese(words: list[str]) -> bool:
    """True when every word splits into Palladius syllables and one of them is marked Chinese."""
    splits = [_split(w.lower()) for w in words]
    return bool(words) and all(splits) and any(m in p for parts in splits for p in parts for m in _MARKERS)


def pinyin(word: str, marked: bool = True) -> str | None:
    """The Pinyin spelling of a Palladius-transcribed Chinese word (case kept on the first letter), or None
    when the word is not recognisably Chinese (`marked=False`: when it does not split into syllables)."""
    low = word.lower()
    parts = _split(low)
    if not parts or (marked and not any(m in p for p in parts for m in _MARKERS)):
        return None
    out = ""
    for p in parts:
        py = _SYLLABLES[p]
        if out and py[:1] in "aoe":
            out += "'"  # Xi'an: a syllable starting with a vowel is marked off
        out += py
    return out[:1].upper() + out[1:] if word[:1].isupper() else out
