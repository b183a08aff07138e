"""Charset decoding: byte-order marks, UTF-16 without one, legacy charsets, and binary data refused."""

import random

import pytest

from claims.importing.conversion import extract
from tests.importing.conversion_fixtures import refusal

SAMPLE = "Zażółć gęślą jaźń – “quoted”, he said.\n\nSecond paragraph."


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-16"),  # with BOM
        b"\xff\xfe" + SAMPLE.encode("utf-16-le"),
        b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),  # without BOM
        SAMPLE.encode("utf-16-be"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-32"),
    ],
    ids=["utf16-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf8-bom", "utf32-bom"],
)
def test_unicode_encodings_are_decoded(data):
    assert extract(data).text == SAMPLE


def test_utf8_bom_does_not_reach_the_text():
    assert extract(b"\xef\xbb\xbfHello.").text == "Hello."


def test_cp1252_text_with_smart_quotes_is_decoded():
    text = "“Hello,” she said – it’s £5 … café."
    assert extract(text.encode("cp1252"), filename="quote.txt").text == text


@pytest.mark.parametrize(
    "data",
    [
        "café ".encode() + b"and caf\xe9",  # UTF-8 mixed with Latin-1: broken UTF-8
        b"\xe2\x80\x9cQuoted\xe2\x80\x9d, caf\xe9",  # UTF-8 quotes beside a Latin-1 letter
        b"undefined in cp1252: \x81\x8d",
        b"cp1252 with a control char \xe9 \x01",
    ],
)
def test_invalid_utf8_that_is_not_cp1252_is_refused(data):
    assert refusal(data) == "This is not valid UTF-8 text and no other encoding fits it."


def test_utf16_bom_with_broken_content_is_refused():
    assert refusal(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8") == (
        "The file is marked as UTF-16 but is not valid UTF-16."
    )


def test_meta_charset_is_honoured_for_legacy_pages():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привіт, світ.</p></body></html>'
    assert extract(page.encode("cp1251"), filename="page.html").text == "Привіт, світ."


def test_binary_bytes_are_refused():
    data = random.Random(1).randbytes(5000)
    assert "binary data" in refusal(data, filename="notes.txt")


def test_text_full_of_control_characters_is_refused_as_binary():
    assert "binary data" in refusal(b"abc\x01\x02\x03def\x04" * 100)
