"""Every response carries the security headers: a Content-Security-Policy that allows nothing inline and
nothing from another host, Referrer-Policy, Cross-Origin-Opener-Policy, and the framing and sniffing
refusals."""

import pytest
from django.urls import reverse

from tests.factories import create_article


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_response_carries_the_security_headers(client, editor, signed_in):
    article = create_article(sentences=3)
    if signed_in:
        client.force_login(editor)
    urls = [
        "/login/",
        "/healthz",
        "/no-such-page/",
        reverse("claims:article_list"),
        reverse("claims:article_detail", args=[article.pk]),
    ]
    for url in urls:
        response = client.get(url)
        policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
        assert policy["default-src"] == policy["script-src"] == policy["style-src"] == "'self'", url
        assert policy["object-src"] == policy["frame-ancestors"] == "'none'"
        assert "unsafe" not in response["Content-Security-Policy"]
        assert response["Referrer-Policy"] == "same-origin" and response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"


def test_no_page_carries_an_inline_script_or_style(client, editor):
    article = create_article(sentences=3)
    client.force_login(editor)
    for name, args in [("article_list", []), ("article_detail", [article.pk]), ("dashboard", []), ("source_list", [])]:
        body = client.get(reverse(f"claims:{name}", args=args)).content.decode()
        assert " style=" not in body and "<style" not in body, name
        assert body.count("<script") == body.count("<script src="), name
