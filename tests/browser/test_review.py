"""A label goes from proposal to approval under the four-eyes rule, in the browser."""

from pathlib import Path

import pytest
from django.conf import settings

from claims.importing.pipeline import import_article
from claims.models import Label
from tests.browser.conftest import assert_accessible, new_speaker, screenshot, sign_in

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
