"""Import the seed, accept a suggestion with one key, dismiss another, reload."""

import pytest

from claims.models import Claim, Suggestion
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.export_fixtures import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_accept_with_a_key_dismiss_with_another_and_reload(page, editor):
    sign_in(page, "alice")
    page.get_by_label("File").set_input_files(str(SEED))
    page.get_by_role("button", name="Import article").click()
    page.wait_for_url("**/articles/*/")
    first = page.locator(".sentences > li").nth(0)
    second = page.locator(".sentences > li").nth(1)
    assert first.locator("[data-suggestion]").count() == 1
    assert "Andrii Yusov" in first.locator("[data-suggestion]").inner_text()
    assert_accessible(page)
    screenshot(page, "workspace_suggestions")

    page.keyboard.press("a")
    page.locator("#panel").get_by_text("Suggestion accepted.").wait_for()
    page.keyboard.press("j")
    assert second.locator("[data-suggestion]").count() >= 1
    page.keyboard.press("x")
    page.locator("#panel").get_by_text("Suggestion dismissed.").wait_for()

    page.reload()
    assert first.locator(".claim-chips b").all_inner_texts() == ["Andrii Yusov"]
    assert first.locator("[data-suggestion]").count() == 0
    assert (
        second.locator("[data-suggestion]").count()
        == Suggestion.objects.filter(sentence__number=2, status="pending").count()
    )
    claim = Claim.objects.get()
    assert (claim.origin, claim.source.name, claim.channel) == ("suggestion", "Andrii Yusov", "Suspilne")
    assert Suggestion.objects.filter(status="dismissed", sentence__number=2).count() == 1
