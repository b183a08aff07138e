"""HTML: sanitised by bleach, then the article body, title and date of a saved page."""

import datetime

from claims.importing.conversion import extract
from tests.importing.conversion_fixtures import SAVED_PAGE, timed


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
    for leak in (
        "STYLE",
        "SCRIPT",
        "COMMENT",
        "ASIDE",
        "ALT",
        "CAPTION",
        "NOSCRIPT",
        "BUTTON",
        "OPTION",
        "FOOTER",
        "IFRAME",
        "World",
        "teaser",
        "By A. Writer",
    ):
        assert leak not in text


def test_script_event_handlers_and_javascript_links_never_reach_the_text():
    page = (
        b"<p>Before<script>alert(1)</script> after.</p>"
        b"<p><img src=x onerror=alert(2)>Image gone.</p>"
        b'<p><a href="javascript:alert(3)" onclick="alert(4)">Link text</a> stays.</p>'
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


def test_wide_html_stays_linear():
    # bleach's own tree walker is quadratic in the number of siblings: 13 s for this page.
    data = b"<p>Words and a <a href='https://example.com'>link</a>.</p>\n" * 20_000
    extracted, seconds = timed(data, filename="wide.html")
    assert extracted.text.count("\n\n") == 19_999
    assert seconds < 8
