"""Import the seed, accept a suggestion with one key, dismiss another, reload."""

import pytest

from claims.importing.pipeline import import_and_suggest
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


def test_a_suggestion_over_a_claim_marked_by_hand_fills_that_claim(page, editor):
    article, _ = import_and_suggest(SEED.read_bytes(), filename=SEED.name, by=editor)
    sign_in(page, "alice")
    page.goto(f"/articles/{article.pk}/")
    first = page.locator(".sentences > li").nth(0)
    panel = page.locator("#panel")
    first.get_by_role("button", name="Mark as claim").click()
    panel.get_by_text("Claim marked.").wait_for()
    sentence = article.sentences.get(number=1)
    marked = Claim.objects.get(sentence=sentence)
    assert marked.source is None

    # The row's chip and the claim's panel say the suggestion belongs to the claim just marked.
    assert "for the claim “Armed Russian" in first.locator("[data-suggestion]").inner_text()
    assert "Suggested speaker: Andrii Yusov (told, via Suspilne) — Accept fills the empty fields" in panel.inner_text()
    assert_accessible(page)
    screenshot(page, "workspace_suggestion_for_claim")

    panel.get_by_role("button", name="Accept: Andrii Yusov told").click()
    panel.get_by_text("Suggestion accepted.").wait_for()
    assert first.locator(".claim-chips b").all_inner_texts() == ["Andrii Yusov"]
    assert first.locator("[data-suggestion]").count() == 0
    claim = Claim.objects.get(sentence=sentence)
    assert (claim.pk, claim.origin, claim.source.name, claim.channel, claim.cue, claim.version) == (
        marked.pk,
        "manual",
        "Andrii Yusov",
        "Suspilne",
        "told",
        2,
    )
    assert Suggestion.objects.get(sentence=sentence).claim == claim
