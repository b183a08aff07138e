"""Markdown: rendered without raw HTML, front matter read, then read like any HTML page."""

import datetime

from claims.importing.conversion import extract
from tests.importing.conversion_fixtures import MARKDOWN, timed


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
