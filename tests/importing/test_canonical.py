"""canonicalise(): the one text form every offset points into."""

import random
import unicodedata

import pytest

from claims.importing.canonical import canonicalise


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"])
def test_every_newline_style_becomes_a_line_feed(newline):
    assert canonicalise(f"one{newline}two") == "one\ntwo"


def test_paragraphs_are_separated_by_exactly_one_blank_line():
    assert canonicalise("one\n\n\n\n\ntwo\r\n\r\n\r\nthree") == "one\n\ntwo\n\nthree"


def test_lines_holding_only_spaces_count_as_blank():
    assert canonicalise("one\n \t \n\u00a0\n\ntwo") == "one\n\ntwo"


def test_no_line_starts_or_ends_with_a_space():
    assert canonicalise("  one  \n\t two\t") == "one\ntwo"


def test_tabs_nbsp_and_odd_spaces_become_one_plain_space():
    assert canonicalise("a\tb\u00a0c\u2009d\u202fe\u3000f  \t g") == "a b c d e f g"


def test_zero_width_and_invisible_characters_are_removed():
    assert canonicalise("in\u200bvis\u2060ible\ufeff hy\u00adphen \u202eflip\u202c") == "invisible hyphen flip"


def test_joiners_that_spell_words_are_kept():
    persian = "می\u200cخواهم"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert canonicalise(f"{persian} {family}") == f"{persian} {family}"


def test_control_characters_are_removed():
    assert canonicalise("a\x00b\x07c\x1bd\x7fe\x9ff") == "abcdef"


def test_text_is_nfc():
    assert canonicalise("cafe\u0301") == "caf\u00e9"


def test_removing_an_invisible_character_lets_an_accent_compose():
    assert canonicalise("e\u200b\u0301") == "\u00e9"


def test_leading_and_trailing_whitespace_is_stripped():
    assert canonicalise("\n\n  \u2029 text \n\n ") == "text"


# Characters chosen to meet every rule: letters, accents, spaces, newlines, invisibles, controls.
ALPHABET = (
    "ab é e\u0301\u0301\u0327 \t\n\r\x0b\x0c\x85\u2028\u2029\u00a0\u2009\u3000"
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\x00\x07\x1b\x7f\x9f\u212b\u1e9b\u0323"
)


def test_canonicalise_is_idempotent_over_random_strings():
    rng = random.Random(20230522)
    for _ in range(5000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(40)))
        once = canonicalise(text)
        assert canonicalise(once) == once, repr(text)
        assert unicodedata.is_normalized("NFC", once)
        assert "\n\n\n" not in once and once == once.strip(" \n")
        assert all(line == line.strip(" ") for line in once.split("\n"))
