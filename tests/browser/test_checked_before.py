"""Checked before, in the browser: a claim approved in article A; an editor marks the same claim reworded in
article B and the panel shows A's verdict; Reuse this verdict proposes it with the link; the reviewer sees
the link and approves. A look-alike with another number in article C shows nothing."""

import time

import pytest
from django.utils import timezone

from claims.models import Label, PriorCheck
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.browser.test_workspace import mark, row
from tests.factories import create_article, create_claim, create_label
from tests.worker import WorkerThread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EARLIER = "The Veltrania Health Ministry said 1.2 million children were vaccinated against measles in March."
REWORDED = "Veltrania's health ministry says 1,200,000 kids got measles shots in March."
LOOK_ALIKE = "The Veltrania Health Ministry said 1.4 million children were vaccinated against measles in March."


@pytest.fixture
def worker():
    thread = WorkerThread()
    thread.start()
    yield thread
    thread.stop()


def test_an_editor_reuses_a_verdict_checked_before_and_the_reviewer_approves_it(page, editor, reviewer, worker):
    earlier = create_article(text=EARLIER, title="Measles drive")
    claim = create_claim(sentence=earlier.sentences.get(), by=editor)
    create_label(claim=claim, by=editor, verdict="denied", rationale="Ministry data show 800,000.",
                 status="approved", reviewed_by=reviewer, reviewed_at=timezone.now())  # fmt: skip
    reworded, look_alike = create_article(text=REWORDED, title="Shots"), create_article(text=LOOK_ALIKE, title="Other")

    sign_in(page, "alice")
    page.goto(f"/articles/{look_alike.pk}/")
    mark(row(page, "1.4 million"))
    page.goto(f"/articles/{reworded.pk}/")
    mark(row(page, "kids got measles shots"))
    _wait_until(lambda: PriorCheck.objects.filter(claim__article=reworded).exists())  # the worker looks meanwhile
    page.goto(f"/articles/{reworded.pk}/?claim={reworded.claims.get().pk}")
    panel = page.locator("#panel")
    prior = panel.get_by_role("region", name="Checked before")
    assert "Measles drive" in prior.inner_text() and "Denied" in prior.inner_text()
    assert_accessible(page)
    screenshot(page, "checked_before", of=panel)
    prior.get_by_role("button", name="Reuse this verdict").click()
    panel.get_by_text("reusing the check in “Measles drive”").wait_for()
    label = Label.objects.get(claim=reworded.claims.get(), status="proposed")
    assert label.verdict == "denied" and label.reused_from.claim == claim

    page.goto(f"/articles/{look_alike.pk}/?claim={look_alike.claims.get().pk}")
    assert page.locator("#panel").get_by_role("region", name="Checked before").count() == 0

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "charlie")
    page.goto("/review/")
    item = page.locator("[data-review-item]", has_text="Reuses the verdict approved")
    assert item.get_by_role("link", name="Measles drive").is_visible()
    item.get_by_role("button", name="Approve").click()
    page.locator("[data-review-item]", has_text="Approved by you").wait_for()
    assert Label.objects.get(pk=label.pk).status == "approved"


def _wait_until(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the worker did not find the earlier check"
        time.sleep(0.1)
