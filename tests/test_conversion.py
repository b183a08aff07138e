"""extract(): the bytes of an uploaded or pasted file -> canonical article text, title and date.

No database: run with `pytest tests/test_conversion.py`.
"""

import datetime
import io
import random
import time
import zipfile
from pathlib import Path

import docx
import pytest

from claims.canonical import canonicalise
from claims.conversion import MAX_HTML_DEPTH, ConversionError, extract

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_3ebd80acff131b37.txt"


def refusal(data: bytes, **options) -> str:
    with pytest.raises(ConversionError) as raised:
        extract(data, **options)
    message = str(raised.value)
    assert "\n" not in message and message.endswith(".")
    return message


def timed(data: bytes, **options):
    start = time.perf_counter()
    try:
        outcome = extract(data, **options)
    except ConversionError as error:
        outcome = error
    return outcome, time.perf_counter() - start


def docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return buffer.getvalue()


# --- The seed article ---------------------------------------------------------------------------


def test_seed_article_loses_its_scraped_header_and_keeps_every_paragraph():
    raw = SEED.read_bytes()
    extracted = extract(raw, filename=SEED.name)
    assert extracted.format == "text"
    assert extracted.published == datetime.date(2023, 5, 22)
    assert extracted.text.startswith("Armed Russian anti-government groups")
    paragraphs = raw.decode().strip().split("\n\n")
    assert extracted.text.split("\n\n") == paragraphs[1:]


# --- Parameters and sizes -----------------------------------------------------------------------


def test_unknown_format_is_refused():
    assert refusal(b"text", fmt="xyz") == "Unknown format 'xyz': choose auto, text, md, html or docx."


def test_empty_file_is_refused():
    assert refusal(b"") == "The file is empty."


@pytest.mark.parametrize("data", [b" \n\t \r\n ", "\u00a0\u200b\n".encode()])
def test_whitespace_only_file_is_refused(data):
    assert refusal(data) == "The file contains no text."


def test_file_over_the_limit_is_refused_before_anything_is_decoded():
    # NUL bytes would be refused as binary: the size must be checked first.
    data = bytes(20 * 1024 * 1024)
    assert refusal(data, filename="big.txt") == "The file is 20.0 MB; the limit is 10.0 MB."


def test_two_megabyte_line_without_punctuation_converts():
    data = b"word " * 400_000
    extracted, seconds = timed(data)
    assert extracted.format == "text"
    assert len(extracted.text) == len(data) - 1
    assert seconds < 5


# --- Binary content and format sniffing ---------------------------------------------------------


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
    assert refusal(magic + b"rest of file") == (
        f"The file is {kind}, not a text, Markdown, HTML or Word (.docx) file."
    )


def test_binary_bytes_are_refused():
    data = random.Random(1).randbytes(5000)
    assert "binary data" in refusal(data, filename="notes.txt")


def test_text_full_of_control_characters_is_refused_as_binary():
    assert "binary data" in refusal(b"abc\x01\x02\x03def\x04" * 100)


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


# --- Decoding -----------------------------------------------------------------------------------

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
        "café ".encode("utf-8") + b"and caf\xe9",  # UTF-8 mixed with Latin-1: broken UTF-8
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


# --- HTML ---------------------------------------------------------------------------------------

SAVED_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Guerrillas cross the border | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2023-05-22T14:03:00+03:00">
<style>body { color: red } p::after { content: "STYLE-TEXT" }</style>
<script>var leak = "SCRIPT-TEXT"; if (a < b && c) { document.write("<p>x</p>") }</script>
</head><body>
<!-- COMMENT-TEXT -->
<header><a href="/">The Daily Planet</a><nav><ul><li><a href="/world">World</a></li></ul></nav></header>
<aside>Most read: ASIDE-TEXT</aside>
<main>
<article>
<header><h1>Guerrillas cross the border</h1><p class="byline">By A. Writer</p>
<time datetime="2020-01-01">a wrong date</time></header>
<p>First paragraph with <b>bold</b>, an <a href="https://example.com">inline link</a> and &amp; entities&nbsp;here.</p>
<figure><img src="x.jpg" alt="ALT-TEXT"><figcaption>CAPTION-TEXT</figcaption></figure>
<p>Second
   paragraph,    spread over
   lines.<br>After a line break.</p>
<ul><li>Item one</li><li>Item two</li></ul>
<blockquote>A quotation.</blockquote>
<noscript>NOSCRIPT-TEXT</noscript>
<form><button>BUTTON-TEXT</button><select><option>OPTION-TEXT</option></select></form>
<footer>Tags: FOOTER-TEXT</footer>
</article>
<section><h2>Related</h2><article><p>A teaser for another story.</p></article></section>
</main>
<footer>Copyright FOOTER-TEXT</footer>
<iframe src="https://ads.example">IFRAME-TEXT</iframe>
</body></html>
"""


def test_saved_web_page_comes_in_as_its_article_body():
    extracted = extract(SAVED_PAGE, filename="page.html")
    assert extracted.format == "html"
    assert extracted.title == "Guerrillas cross the border"
    assert extracted.published == datetime.date(2023, 5, 22)
    assert extracted.text == (
        "First paragraph with bold, an inline link and & entities here.\n\n"
        "Second paragraph, spread over lines.\nAfter a line break.\n\n"
        "Item one\n\n"
        "Item two\n\n"
        "A quotation."
    )


def test_page_chrome_scripts_and_comments_never_reach_the_text():
    text = extract(SAVED_PAGE, filename="page.html").text
    for leak in ("STYLE", "SCRIPT", "COMMENT", "ASIDE", "ALT", "CAPTION", "NOSCRIPT", "BUTTON",
                 "OPTION", "FOOTER", "IFRAME", "World", "teaser", "By A. Writer"):
        assert leak not in text


def test_script_event_handlers_and_javascript_links_never_reach_the_text():
    page = (
        b"<p>Before<script>alert(1)</script> after.</p>"
        b"<p><img src=x onerror=alert(2)>Image gone.</p>"
        b"<p><a href=\"javascript:alert(3)\" onclick=\"alert(4)\">Link text</a> stays.</p>"
        b"<svg><script>alert(5)</script><text>SVG</text></svg>"
        b"<style>@import 'javascript:alert(6)';</style>"
    )
    extracted = extract(page, filename="x.html")
    assert extracted.text == "Before after.\n\nImage gone.\n\nLink text stays."
    for leak in ("alert", "javascript", "onerror", "onclick", "SVG"):
        assert leak not in extracted.text


def test_articlebody_is_preferred_over_the_rest_of_the_article():
    page = b"""<article><p>Kicker outside the body.</p>
    <div itemprop="articleBody"><p>The body.</p></div></article>"""
    assert extract(page, filename="x.html").text == "The body."


def test_largest_article_wins_over_teasers():
    page = b"""<article><p>Short teaser.</p></article>
    <article><p>The real story, which is much longer than any teaser on the page.</p></article>"""
    assert extract(page, filename="x.html").text.startswith("The real story")


def test_main_is_used_when_there_is_no_article():
    page = b"<div>Site menu</div><main><p>Main text.</p></main><div>Site footer</div>"
    assert extract(page, filename="x.html").text == "Main text."


def test_title_falls_back_to_the_first_h1_which_is_not_repeated():
    page = b"<body><h1>The headline</h1><p>Body.</p></body>"
    extracted = extract(page, filename="x.html")
    assert (extracted.title, extracted.text) == ("The headline", "Body.")


def test_title_tag_keeps_the_headline_when_there_is_no_site_name():
    page = b"<html><head><title>Plain headline</title></head><body><p>Body.</p></body></html>"
    assert extract(page, filename="x.html").title == "Plain headline"


def test_time_element_in_the_article_gives_the_date():
    page = b'<article><p>Posted <time datetime="2023-02-28T09:00">Tuesday</time>.</p></article>'
    assert extract(page, filename="x.html").published == datetime.date(2023, 2, 28)


def test_impossible_meta_date_is_ignored():
    page = b'<meta name="date" content="2023-02-30"><p>Body.</p>'
    assert extract(page, filename="x.html").published is None


def test_html_nested_ten_thousand_deep_is_refused_quickly():
    data = b"<div>" * 10_000 + b"deep text" + b"</div>" * 10_000
    outcome, seconds = timed(data, filename="deep.html")
    assert str(outcome) == f"The HTML is nested 10,000 levels deep; the limit is {MAX_HTML_DEPTH}."
    assert seconds < 2


def test_html_nested_within_the_limit_converts():
    depth = MAX_HTML_DEPTH - 12
    data = b"<div>" * depth + b"deep text" + b"</div>" * depth
    assert extract(data, filename="deep.html").text == "deep text"


@pytest.mark.parametrize(
    "data",
    [
        b"&amp;</zz>" * 300_000,  # one text node grown from 300,000 pieces
        b"<p " + b"a=1 " * 300_000 + b">x",  # one tag with 300,000 attributes
        b"<!--" + b"-x" * 500_000 + b"-->",  # a comment grown a dash at a time
        b"<a" + b"1" * 500_000 + b">x",  # a tag name grown a character at a time
        b"<script>" + b"a<b;" * 300_000 + b"</script>",
    ],
    ids=["entities", "attributes", "comment", "tag-name", "script"],
)
def test_html_that_would_take_html5lib_quadratic_time_is_refused_quickly(data):
    outcome, seconds = timed(data, filename="x.html")
    assert "too dense" in str(outcome)
    assert seconds < 3


def test_wide_html_stays_linear():
    # bleach's own tree walker is quadratic in the number of siblings: 13 s for this page.
    data = b"<p>Words and a <a href='https://example.com'>link</a>.</p>\n" * 20_000
    extracted, seconds = timed(data, filename="wide.html")
    assert extracted.text.count("\n\n") == 19_999
    assert seconds < 8


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = b"""---
title: "From the front matter"
date: 2023-05-22
---
# The headline

A paragraph with a [link](https://example.com "title"), *emphasis*, __strong__ and `code`.

- first item
- second item with **bold**

1. numbered

> A quotation.

<script>alert(1)</script> stays as typed, as does <b>this</b>.
"""


def test_markdown_becomes_plain_paragraphs():
    extracted = extract(MARKDOWN, filename="story.md")
    assert extracted.format == "md"
    assert extracted.title == "From the front matter"
    assert extracted.published == datetime.date(2023, 5, 22)
    assert extracted.text == (
        "The headline\n\n"
        "A paragraph with a link, emphasis, strong and code.\n\n"
        "first item\n\n"
        "second item with bold\n\n"
        "numbered\n\n"
        "A quotation.\n\n"
        "<script>alert(1)</script> stays as typed, as does <b>this</b>."
    )


def test_leading_markdown_heading_becomes_the_title():
    extracted = extract(b"# The headline\n\nBody text.", filename="story.md")
    assert (extracted.title, extracted.text) == ("The headline", "Body text.")


def test_markdown_dense_with_marks_is_refused_quickly():
    outcome, seconds = timed(b"[a](" * 300_000, filename="x.md")
    assert str(outcome).startswith("The Markdown has 900,000 formatting marks")
    assert seconds < 2


# --- DOCX ---------------------------------------------------------------------------------------


def test_docx_gives_paragraphs_tables_and_title():
    def build(document):
        document.add_paragraph("The headline", style="Title")
        document.add_paragraph("First paragraph.")
        document.add_paragraph("")
        document.add_paragraph("Second paragraph.")
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Cell one."
        table.cell(0, 1).text = "Cell two."
        document.add_paragraph("After the table.")

    extracted = extract(docx_bytes(build), filename="story.docx")
    assert (extracted.format, extracted.title) == ("docx", "The headline")
    assert extracted.text == (
        "First paragraph.\n\nSecond paragraph.\n\nCell one.\n\nCell two.\n\nAfter the table."
    )


def test_docx_first_heading_is_the_title_when_nothing_is_styled_title():
    def build(document):
        document.add_heading("A heading", level=1)
        document.add_paragraph("Body.")

    extracted = extract(docx_bytes(build))
    assert (extracted.format, extracted.title, extracted.text) == ("docx", "A heading", "Body.")


def test_docx_core_title_is_the_last_resort():
    def build(document):
        document.core_properties.title = "From the properties"
        document.add_paragraph("Body.")

    assert extract(docx_bytes(build)).title == "From the properties"


def test_file_called_docx_that_is_not_a_zip_is_refused():
    message = refusal(b"Just some text, renamed.", filename="story.docx")
    assert message == "The Word file is damaged or is not a .docx file."


def test_truncated_docx_is_refused():
    data = docx_bytes(lambda document: document.add_paragraph("Body."))
    assert refusal(data[: len(data) // 2], filename="story.docx") == (
        "The Word file is damaged or is not a .docx file."
    )


def test_zip_with_garbage_document_xml_is_refused_as_damaged():
    data = zip_bytes({"[Content_Types].xml": b"<nonsense", "word/document.xml": b"<w:document"})
    assert refusal(data) == "The Word file is damaged or is not a .docx file."


def test_zip_without_a_word_document_is_refused():
    data = zip_bytes({"notes.txt": b"hello"})
    assert refusal(data, filename="story.docx") == "The file is a zip archive, not a Word (.docx) file."


def test_docx_given_as_html_is_refused_with_what_it_is():
    data = docx_bytes(lambda document: document.add_paragraph("Body."))
    assert refusal(data, fmt="html") == "The file is a Word (.docx) file, not an HTML page."


def test_zip_bomb_docx_is_refused_by_its_unpacked_size():
    data = zip_bytes({"word/document.xml": b"<w:document/>", "word/media/bomb.bin": bytes(100 * 1024 * 1024)})
    assert len(data) < 200_000
    assert refusal(data, filename="bomb.docx") == (
        "The Word file would expand to 100.0 MB; the limit is 50.0 MB."
    )


def test_zip_bomb_docx_under_the_size_limit_is_refused_by_its_ratio():
    data = zip_bytes({"word/document.xml": b"<w:document/>", "word/media/bomb.bin": bytes(20 * 1024 * 1024)})
    assert refusal(data, filename="bomb.docx").startswith("The Word file looks like a zip bomb")


# --- Output invariants --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, filename",
    [
        (SEED.read_bytes(), "seed.txt"),
        (SAVED_PAGE, "page.html"),
        (MARKDOWN, "story.md"),
        ("  Tabs\tand\u00a0spaces \r\n\r\n\r\n\u2028Next\u200b line ".encode(), "x.txt"),
    ],
)
def test_output_text_is_canonical(data, filename):
    text = extract(data, filename=filename).text
    assert text == canonicalise(text)


SOUP = [
    "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<!--", "-->", "<svg>",
    "</svg>", "<math>", "<select>", "<table>", "<td>", "<article>", "</article>", "<title>",
    "</title>", "&amp;", "&", "<", ">", '"', "=", "word ", "\n", "<br/>", "<![CDATA[", "]]>",
    "<!DOCTYPE html>", "<plaintext>", "<textarea>", "<h1>", "<time datetime='2023-01-02'>",
    "<a href='javascript:x'>", "<pre>", "<template>", "<noscript>", "\u2028", "é", "# ", "*", "[x](y)",
]


def test_random_tag_soup_is_converted_or_refused_but_never_crashes():
    rng = random.Random(7)
    for _ in range(300):
        soup = "".join(rng.choice(SOUP) for _ in range(rng.randrange(50))).encode()
        for fmt in ("auto", "html", "md"):
            try:
                extracted = extract(soup, fmt=fmt)
            except ConversionError as error:
                assert "\n" not in str(error)
            else:
                assert extracted.text and extracted.text == canonicalise(extracted.text)
