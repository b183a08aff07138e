"""The HTML cost guard: pages that html5lib would take too long on are refused quickly."""

import pytest

from claims.importing.conversion import extract
from claims.importing.conversion.html_cost import MAX_HTML_DEPTH
from tests.importing.conversion_fixtures import timed


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
