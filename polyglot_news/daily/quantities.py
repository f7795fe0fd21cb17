"""Times of day and numbers written as words, as keys a story and its translation share.

A message says "о 17:00" or "після 17 години" where its translation says "at 5 pm", and
"два комплекти" where the other says "2 sets". Digits alone miss both. A time of day is
keyed by its hour on the twelve-hour clock (17:00, 17 години, 5 pm and 5 o'clock all give
"5"), so a day's clock hours meet whichever way they were written; a number word is keyed
like the digits it stands for. The word lists are ours, from the grammar of each language.
"""

from __future__ import annotations

import re

# an hour (0-23) written with minutes (17:00; a dot only before :00 or :30, as 9.50 is more often a price than a
# time), or followed by am/pm, o'clock or a word for "hour" (17 години, 5 часов, 17 ч.); one pattern, one scan
_HOUR = re.compile(
    r"(?<![\d.,:])([01]?\d|2[0-3])(?:(?::[0-5]\d|\.[03]0)(?![\d.,])|\s?(?:[aApP]\.?\s?[mM]\b\.?|o['’]clock\b|"
    r"(?:годин[аиіу]?|годині|час(?:а|ов|ам)?|ч\.)(?![^\W\d_])))")

# number words, their inflected forms written out (a stem would take п'ятниця, Friday, for п'ять)
_NUMBER_WORDS = {
    1: "one один одна одне одного одної одному одній одним одну одно",
    2: "two два дві двох двом двома две двух двум двумя",
    3: "three три трьох трьом трьома трех трем тремя",
    4: "four чотири чотирьох чотирьом четыре четырех четырем",
    5: "five п'ять п'яти п'ятьма пять пяти пятью",
    6: "six шість шести шістьма шесть шестью",
    7: "seven сім семи сьома семь семью",
    8: "eight вісім восьми вісьмома восемь восьмью",
    9: "nine дев'ять дев'яти дев'ятьма девять девяти девятью",
    10: "ten десять десяти десятьма десятью",
    11: "eleven одинадцять одинадцяти одиннадцать одиннадцати",
    12: "twelve дванадцять дванадцяти двенадцать двенадцати",
    15: "fifteen п'ятнадцять п'ятнадцяти пятнадцать пятнадцати",
    20: "twenty двадцять двадцяти двадцать двадцати",
    30: "thirty тридцять тридцяти тридцать тридцати",
    40: "forty сорок сорока",
    50: "fifty п'ятдесят п'ятдесяти пятьдесят пятидесяти",
    100: "hundred сто ста сотні сотня сотни сотен",
    1000: "thousand тисяча тисячі тисяч тисячу тысяча тысячи тысяч тысячу",
}
_NUMBER_OF = {form: str(n) for n, forms in _NUMBER_WORDS.items() for form in forms.split()}
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def number_word(word: str) -> str | None:
    """The digits a number word stands for ("двох" -> "2", "ten" -> "10"), else None."""
    return _NUMBER_OF.get(word.casefold().translate(_APOSTROPHES))


def clock_hours(text: str) -> list[tuple[str, str]]:
    """The times of day written in `text`, as (hour on the twelve-hour clock, as written): "о 17:00" -> ("5", "17:00")."""
    return [(str(int(m.group(1)) % 12 or 12), m.group(0)) for m in _HOUR.finditer(text)]
