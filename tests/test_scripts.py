"""Unicode script analysis: letters per script, the dominant script, look-alike letters."""

from __future__ import annotations

from polyglot_news.text.scripts import dominant_script, letter_scripts, script_of, unconfuse


def test_script_of_letters_and_non_letters() -> None:
    assert script_of("a") == "latin" and script_of("é") == "latin"
    assert script_of("ж") == "cyrillic" and script_of("ў") == "cyrillic"
    assert script_of("ع") == "arabic" and script_of("中") == "han" and script_of("か") == "kana"
    assert script_of("한") == "hangul" and script_of("λ") == "greek"
    assert script_of("1") is None and script_of("©") is None and script_of(" ") is None


def test_letter_scripts_counts_only_letters() -> None:
    assert letter_scripts("Фото: Reuters, 2024") == {"cyrillic": 4, "latin": 7}
    assert letter_scripts("12:45 — ©") == {}


def test_dominant_script_prefers_kana_and_hangul_over_han() -> None:
    assert dominant_script("東京の天気") == "kana"  # Japanese mixes kanji with kana
    assert dominant_script("韓國 뉴스") == "hangul"
    assert dominant_script("新闻") == "han"
    assert dominant_script("...") is None


def test_unconfuse_rewrites_look_alikes_into_the_majority_script() -> None:
    assert unconfuse("Сolumn") == "Column"
    assert unconfuse("Mоscow") == "Moscow"  # Cyrillic о
    assert unconfuse("Москвa") == "Москва"  # Latin a
    assert unconfuse("Москва") == "Москва" and unconfuse("Moscow") == "Moscow"


def test_not_of_script_matches_every_character_script_of_puts_elsewhere() -> None:
    from polyglot_news.text.scripts import _script_of, not_of_script

    for script in ("latin", "cyrillic", "arabic", "devanagari", "greek"):
        pattern = not_of_script(script)
        for cp in range(0x3000):
            ch = chr(cp)
            assert (pattern.match(ch) is None) == (ch == "'" or _script_of(ch) == script), (script, hex(cp))


def test_of_script_matches_exactly_the_letters_script_of_puts_there() -> None:
    from polyglot_news.text.scripts import _script_of, of_script

    for script in ("latin", "cyrillic"):
        pattern = of_script(script)
        for cp in range(0x3000):
            ch = chr(cp)
            assert (pattern.match(ch) is not None) == (_script_of(ch) == script), (script, hex(cp))
