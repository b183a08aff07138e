"""extract(): the bytes of an uploaded or pasted file -> canonical article text, title and date.

No database.
"""

import datetime
import random

import pytest

from claims.importing.canonical import canonicalise
from claims.importing.conversion import ConversionError, extract
from tests.importing.conversion_fixtures import MARKDOWN, SAVED_PAGE, SEED, refusal, timed

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
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<svg>",
    "</svg>",
    "<math>",
    "<select>",
    "<table>",
    "<td>",
    "<article>",
    "</article>",
    "<title>",
    "</title>",
    "&amp;",
    "&",
    "<",
    ">",
    '"',
    "=",
    "word ",
    "\n",
    "<br/>",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<plaintext>",
    "<textarea>",
    "<h1>",
    "<time datetime='2023-01-02'>",
    "<a href='javascript:x'>",
    "<pre>",
    "<template>",
    "<noscript>",
    "\u2028",
    "é",
    "# ",
    "*",
    "[x](y)",
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
