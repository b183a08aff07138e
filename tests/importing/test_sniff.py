"""Format detection: magic bytes, the file name and the first characters decide how a file is read."""

import pytest

from claims.importing.conversion import extract
from tests.importing.conversion_fixtures import docx_bytes, refusal


def test_png_called_html_is_refused_as_a_png():
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert refusal(data, filename="article.html") == "The file is a PNG image, not an HTML page."


@pytest.mark.parametrize(
    "magic, kind",
    [
        (b"%PDF-1.7\n", "a PDF document"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"GIF89a", "a GIF image"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls or .ppt)"),
    ],
)
def test_known_binary_formats_are_named_in_the_refusal(magic, kind):
    assert refusal(magic + b"rest of file") == (f"The file is {kind}, not a text, Markdown, HTML or Word (.docx) file.")


def test_html_document_called_txt_is_read_as_html():
    data = b"<!DOCTYPE html><html><head><title>Headline</title></head><body><p>Body text.</p></body></html>"
    extracted = extract(data, filename="saved.txt")
    assert (extracted.format, extracted.title, extracted.text) == ("html", "Headline", "Body text.")


def test_explicit_format_is_obeyed_for_text():
    extracted = extract(b"<p>Shown as typed.</p>", fmt="text")
    assert extracted.text == "<p>Shown as typed.</p>"


def test_extensionless_html_fragment_is_detected():
    assert extract(b"<p>One.</p><p>Two.</p>").format == "html"


def test_plain_text_with_a_hash_is_not_markdown():
    text = b"# 1 priority for the government, officials said.\n\nNo links or emphasis here."
    assert extract(text).format == "text"


def test_extensionless_markdown_needs_a_heading_and_a_link_or_emphasis():
    extracted = extract(b"# Headline\n\nA [link](https://example.com) and **bold** words.")
    assert (extracted.format, extracted.title) == ("md", "Headline")


def test_docx_given_as_html_is_refused_with_what_it_is():
    data = docx_bytes(lambda document: document.add_paragraph("Body."))
    assert refusal(data, fmt="html") == "The file is a Word (.docx) file, not an HTML page."
