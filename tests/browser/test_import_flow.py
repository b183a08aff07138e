import pytest

from claims.models import Article
from tests.browser.conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASTED = (
    "Officials said the bridge would reopen on Monday. Critics disagreed.\n\n"
    "\u201cWe will see,\u201d the mayor told the Gazette."
)


def test_editor_signs_in_pastes_an_article_and_sees_its_sentences(page, editor):
    page.goto("/")
    assert "/login/" in page.url
    assert_accessible(page)
    screenshot(page, "login")

    sign_in(page, "alice")
    assert_accessible(page)
    page.get_by_label("Article text").fill(PASTED)
    page.get_by_text("Title, outlet, URL, date and language").click()
    page.get_by_label("Title").fill("Bridge row")
    page.get_by_label("Outlet").fill("Gazette")
    page.get_by_role("button", name="Import article").click()

    page.wait_for_url("**/articles/*/")
    assert page.get_by_role("heading", name="Bridge row").is_visible()
    sentences = page.locator(".sentences > li p")
    assert sentences.count() == 3
    assert sentences.nth(2).inner_text() == ("\u201cWe will see,\u201d the mayor told the Gazette.")
    assert page.locator('.paragraph[data-number="2"]').is_visible()
    assert_accessible(page)
    screenshot(page, "article")

    page.get_by_role("link", name="Articles").first.click()
    assert page.get_by_role("link", name="Bridge row").is_visible()
    screenshot(page, "article_list")
    assert Article.objects.get().imported_by == editor
    assert page.console_errors == []


def test_import_errors_appear_next_to_the_field(page, editor):
    sign_in(page, "alice")
    page.get_by_role("button", name="Import article").click()
    error = page.locator("#id_text_errors")
    assert "Paste the article text" in error.inner_text()
    assert_accessible(page)
    screenshot(page, "import_error")
    assert Article.objects.count() == 0
