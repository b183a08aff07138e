"""The reader page opened as a local file, the way a reader gets it: nothing runs, nothing is fetched."""

import shutil
from pathlib import Path

import pytest

from claims.exporting import export_article
from tests.browser.conftest import SCREENSHOTS, assert_accessible, screenshot
from tests.export_fixtures import annotated_seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def export_page(browser, editor, reviewer, tmp_path):
    article, claims = annotated_seed(editor, reviewer)
    path = tmp_path / "article.html"
    path.write_bytes(export_article(article.pk, "html"))
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.console_errors, page.requests = [], []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(path.as_uri())
    page.claims = claims
    yield page
    context.close()


def test_reader_page_makes_no_request_and_shows_the_claims(export_page):
    page = export_page
    # Self-contained: the file itself is the only request, and nothing complains (CSP or otherwise).
    assert page.requests == [page.url]
    assert page.console_errors == []
    for name in ("yusov", "corps", "peskov"):
        claim = page.claims[name]
        mark = page.locator(f'mark.claim[data-claims="{claim.pk}"]')
        assert mark.is_visible()
        assert mark.inner_text() == claim.article.text[claim.start : claim.end]
    assert page.locator("mark.claim").count() == 3  # the proposed and rejected labels stay out
    page.get_by_role("link", name="✗ Denied: note 3").click()
    assert page.url.endswith("#note-3")
    assert page.locator("#note-3").is_visible()
    page.goto(page.url.split("#")[0])
    screenshot(page, "export_html")
    shutil.copyfile(SCREENSHOTS / "export_html.png", DOCS / "export-html.png")
    assert_accessible(page)


def test_reader_page_prints_with_its_notes(export_page):
    page = export_page
    page.emulate_media(media="print")
    assert page.locator("#note-1").is_visible()
    assert page.locator(".note__back").first.is_hidden()  # in-page links mean nothing on paper
    # Printers drop backgrounds, so the verdict must survive as the rule under the claim.
    styles = page.locator("mark.claim").evaluate_all(
        "marks => marks.map(m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).borderBottomStyle])"
    )
    assert styles == [["rgba(0, 0, 0, 0)", "dotted"], ["rgba(0, 0, 0, 0)", "solid"], ["rgba(0, 0, 0, 0)", "dashed"]]
    screenshot(page, "export_html_print")
