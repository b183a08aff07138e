"""Publishing in a real browser: a reviewer publishes the seed article, signs out, and a reader opens the
public page (no cookie), follows a ClaimReview url to its anchor, sees a correction once a verdict
changes, and finds the page gone after it is unpublished."""

import json
import shutil
from pathlib import Path

import pytest

from claims.models import Label
from tests.browser.conftest import SCREENSHOTS, assert_accessible, screenshot, sign_in
from tests.export_fixtures import annotated_seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_a_reviewer_publishes_and_a_reader_follows_the_claimreview_to_its_claim(page, editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    sign_in(page, "charlie")
    page.goto(f"/articles/{article.pk}/")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Published: readers see the approved verdicts").wait_for()
    public = page.get_by_role("link", name="Public page").get_attribute("href")
    page.get_by_role("button", name="Sign out").click()
    page.context.clear_cookies()

    response = page.goto(public)
    assert response.status == 200 and "set-cookie" not in response.headers
    assert page.context.cookies() == []
    reviews = [json.loads(text) for text in page.locator("script[type='application/ld+json']").all_inner_texts()]
    assert len(reviews) == 3
    peskov = next(review for review in reviews if review["url"].endswith(f"#claim-{claims['peskov'].pk}"))
    page.goto("/" + peskov["url"].split("/", 3)[3])  # the same page, at the anchor the markup names
    target = page.locator(f"#claim-{claims['peskov'].pk}")
    assert target.is_visible() and target.inner_text().startswith("✗ Denied")
    assert page.evaluate("() => location.hash") == f"#claim-{claims['peskov'].pk}"
    page.goto(public)
    assert_accessible(page)
    screenshot(page, "public_page")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    screenshot(page, "public_page_phone")
    for name in ("public_page", "public_page_phone"):
        shutil.copyfile(SCREENSHOTS / f"{name}.png", DOCS / f"{name.replace('_', '-')}.png")

    # A verdict changes after publication: the page says so, with the date.
    claim = claims["corps"]
    label = {"verdict": "unverified", "rationale": "Disputed.", "evidence": []}
    claim.annotate(by=editor, version=claim.version, changes={}, label=label)
    Label.objects.get(claim=claim, status="proposed").approve(by=reviewer)
    page.reload()
    assert page.get_by_role("heading", name="Corrections").is_visible()
    assert page.get_by_text("the verdict changed from Confirmed to Unverified.").first.is_visible()

    sign_in(page, "charlie")
    page.goto(f"/articles/{article.pk}/")
    page.get_by_role("button", name="Unpublish").click()
    page.get_by_text("Unpublished").first.wait_for()
    assert page.goto(public).status == 404
