"""A label goes from proposal to approval under the four-eyes rule, in the browser."""

from pathlib import Path

import pytest
from django.conf import settings

from claims.importing.pipeline import import_article
from claims.models import Label
from tests.browser.conftest import assert_accessible, new_speaker, screenshot, sign_in
from tests.factories import create_claim, create_label, create_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(settings.BASE_DIR) / "seeds" / "000_3ebd80acff131b37.txt"


def test_editor_proposes_reviewer_approves_from_the_queue(page, editor, reviewer):
    article = import_article(SEED.read_bytes(), filename=SEED.name, by=editor)
    sign_in(page, "alice")
    page.goto(f"/articles/{article.pk}/")
    row = page.locator(".sentences > li", has_text="Kyiv has denied")
    row.locator("p").click()  # the current row carries "Mark as claim"
    row.get_by_role("button", name="Mark as claim").click()
    panel = page.locator("#panel")
    panel.get_by_text("Claim marked.").wait_for()
    new_speaker(panel, "Kyiv", kind="organisation")
    panel.get_by_label("Label").select_option("confirmed")
    panel.get_by_label("Rationale").fill("Statement on the ministry's site.")
    panel.get_by_role("button", name="Save").click()
    panel.get_by_text("Saved.").wait_for()

    # The proposer cannot approve: no Approve button for her, and the server refuses her too.
    page.goto("/review/")
    assert page.get_by_text("Statement on the ministry's site.").is_visible()
    assert page.get_by_role("button", name="Approve").count() == 0
    label = Label.objects.get()
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(f"/review/{label.pk}/approve/", headers={"X-CSRFToken": token, "HX-Request": "true"})
    assert response.status == 403  # editors hold no review permission
    assert Label.objects.get().status == "proposed"
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "charlie")
    page.goto("/review/")
    assert_accessible(page)
    screenshot(page, "review_queue")
    assert page.get_by_role("button", name="Approve").count() == 1  # one per proposal, nothing else
    assert page.get_by_role("button", name="Reject").count() == 1
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.get_by_text("Approved by you").wait_for()
    assert Label.objects.get().status == "approved"

    page.goto(f"/articles/{article.pk}/")
    row = page.locator(".sentences > li", has_text="Kyiv has denied")
    assert row.get_by_text("Confirmed · approved").is_visible()
    row.locator(".claim-chips a").click()
    panel = page.locator("#panel")
    panel.get_by_text("Approved by charlie").wait_for()
    panel.get_by_text("Timeline").click()
    timeline = panel.locator("details", has_text="Timeline").inner_text()
    assert "alice proposed Confirmed" in timeline
    assert "charlie approved" in timeline
    assert timeline.index("charlie approved") < timeline.index("alice proposed")  # newest first
    screenshot(page, "workspace_approved")


def test_reviewer_approves_with_a_note_and_rejects_with_a_reason(page, editor, reviewer):
    article = import_article(SEED.read_bytes(), filename=SEED.name, by=editor)
    kyiv = create_claim(sentence=article.sentences.get(number=3), source=create_source(name="Kyiv"), by=editor)
    corps = create_claim(
        sentence=article.sentences.get(number=4), source=create_source(name="Russian Volunteer Corps"), by=editor
    )
    approved = create_label(claim=kyiv, by=editor, verdict="denied", rationale="Denied on the record.")
    rejected = create_label(claim=corps, by=editor, verdict="confirmed", rationale="Their own video.")
    sign_in(page, "charlie")
    page.goto("/review/")

    # Approve takes an optional note, saved with the decision.
    item = page.locator("[data-review-item]", has_text="Denied on the record.")
    item.get_by_label("Note for the editor (optional)").fill("Checked against the ministry's site.")
    item.get_by_role("button", name="Approve").click()
    page.get_by_text("Approved by you").wait_for()
    approved.refresh_from_db()
    assert (approved.status, approved.review_comment) == ("approved", "Checked against the ministry's site.")

    # The reason box is found by its visible label.
    item = page.locator("[data-review-item]", has_text="Their own video.")
    assert item.locator("label", has_text="Reason for rejecting").is_visible()
    item.get_by_label("Reason for rejecting").fill("The video is from 2022.")
    item.get_by_role("button", name="Reject").click()
    page.get_by_text("Rejected by you").wait_for()
    rejected.refresh_from_db()
    assert (rejected.status, rejected.review_comment) == ("rejected", "The video is from 2022.")
    page.get_by_role("button", name="Sign out").click()

    # The editor sees the rejected proposal as rejected, not as a confirmed verdict, and the reviewer's words.
    sign_in(page, "alice")
    page.goto(f"/articles/{article.pk}/")
    chip = page.locator(".sentences > li .claim-chips a", has_text="Russian Volunteer Corps")
    badge = chip.locator(".badge")
    assert badge.inner_text() == "Rejected proposal: Confirmed"
    assert "verdict-confirmed" not in badge.get_attribute("class")
    assert badge.evaluate("(el) => getComputedStyle(el).textDecorationLine") == "none"
    chip.click()
    panel = page.locator("#panel")
    panel.get_by_text("Rejected by charlie:").wait_for()
    assert "The video is from 2022." in panel.get_by_role("note").inner_text()
    screenshot(page, "workspace_rejected")
    page.locator(".sentences > li .claim-chips a", has_text="Kyiv").click()
    panel.get_by_text("Approved by charlie").wait_for()
    assert "Checked against the ministry's site." in panel.get_by_role("note").inner_text()
    assert_accessible(page)
