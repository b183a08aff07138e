"""The one language-code check and the one http(s) address check, shared by the import form, the
import pipeline, the Workbench JSON check and the evidence field. No database."""

import pytest

from claims.importing.metadata import is_http_url, is_language_code


@pytest.mark.parametrize("code", ["en", "uk", "fil", "pt-BR", "zh-Hant-TW"])
def test_language_codes_are_accepted(code):
    assert is_language_code(code)


@pytest.mark.parametrize("value", ["", "EN", "english", "e", "en_GB", "en-", None, 7])
def test_anything_else_is_not_a_language_code(value):
    assert not is_language_code(value)


@pytest.mark.parametrize("url", ["https://example.org/a?b=c", "http://localhost:8000/x", "https://kyivindependent.com"])
def test_http_and_https_addresses_are_accepted(url):
    assert is_http_url(url)


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "ftp://example.org/f",
        "example.org",
        "https://",
        " https://example.org",
        "https://exa mple.org",
        "",
        None,
    ],
)
def test_other_schemes_and_malformed_addresses_are_refused(value):
    assert not is_http_url(value)
