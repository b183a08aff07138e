"""The dashboard and the history views, as people see them."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from claims.importing.pipeline import import_article
from claims.models import Claim, HistoryEntry, Label
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.factories import create_article, create_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(settings.BASE_DIR) / "seeds" / "000_3ebd80acff131b37.txt"


def label(claim, *, by, verdict, rationale="", **changes):
    claim = Claim.objects.with_labels().select_related("article", "sentence").get(pk=claim.pk)
    claim.annotate(
        by=by,
        version=claim.version,
        changes=changes,
        label={"verdict": verdict, "rationale": rationale, "evidence": []},
    )
    return Claim.objects.with_labels().get(pk=claim.pk).current_label


@pytest.fixture
def newsroom(editor, second_editor, reviewer):
    """The seed article half annotated by alice and bob, with charlie's decisions, and a second
    article; some earlier activity spread over the past weeks."""
    article = import_article(SEED.read_bytes(), filename=SEED.name, by=editor)
    sentences = list(article.sentences.all()[:12])
    yusov = create_source(name="Andrii Yusov", role="spokesperson")
    for sentence in sentences[:4]:
        sentence.set_reviewed(True, by=editor)
    claims = [Claim.mark(sentence, by=editor if n % 3 else second_editor) for n, sentence in enumerate(sentences[2:10])]
    label(
        claims[0],
        by=editor,
        verdict="unverified",
        rationale="Only the spokesperson's word so far.",
        source=yusov,
        channel="Telegram",
    )
    first = label(
        claims[0], by=editor, verdict="unverified", rationale="Only the spokesperson's word so far.", channel="Suspilne"
    )
    first.approve(by=reviewer, comment="Checked with the ministry")
    label(claims[1], by=second_editor, verdict="denied").reject(by=reviewer, comment="Which source says so?")
    label(claims[2], by=editor, verdict="confirmed").approve(by=reviewer)
    for claim in claims[3:6]:
        label(claim, by=editor, verdict="unverified")
    other = create_article(sentences=30, title="Kremlin briefing, 23 May", outlet="TASS", by=second_editor)
    label(Claim.mark(other.sentences.first(), by=second_editor), by=second_editor, verdict="denied")
    now = timezone.now()
    for hours, proposal in zip([75, 30, 6, 2], Label.objects.open().order_by("pk")):
        Label.objects.filter(pk=proposal.pk).update(proposed_at=now - timedelta(hours=hours))
    HistoryEntry.objects.bulk_create(
        [
            HistoryEntry(
                at=now - timedelta(days=days, hours=hours),
                actor=actor,
                action="created",
                object_type="claim",
                object_id=claims[6].pk,
                article=article,
                claim=claims[6],
            )
            for days, count, actor in [
                (3, 6, editor),
                (5, 11, second_editor),
                (8, 4, editor),
                (12, 9, editor),
                (13, 3, second_editor),
                (19, 7, editor),
                (24, 2, second_editor),
                (27, 5, editor),
            ]
            for hours in range(count)
        ]
    )
    return article, claims


def test_dashboard_reads_well_wide_and_narrow(page, reviewer, newsroom):
    sign_in(page, "charlie")
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("heading", name="Dashboard").wait_for()
    assert page.get_by_role("link", name="Dashboard").get_attribute("aria-current") == "page"
    assert page.get_by_role("img", name="Recorded changes per day").is_visible()
    assert page.locator(".dash-stat--main dd").inner_text() == "4"
    assert page.locator(".dash-stat dd time").inner_text() == "3\xa0days"
    assert_accessible(page)
    screenshot(page, "dashboard")
    page.set_viewport_size({"width": 420, "height": 900})
    screenshot(page, "dashboard_narrow")
    assert_accessible(page)
    page.get_by_role("link", name="Open the review queue").click()
    page.wait_for_url("**/review/")
    assert not page.console_errors


def test_workspace_timeline_tells_the_claims_story(page, editor, newsroom):
    article, claims = newsroom
    sign_in(page, "alice")
    page.set_viewport_size({"width": 1280, "height": 1700})  # the sticky panel shows the open timeline whole
    page.goto(f"/articles/{article.pk}/?claim={claims[0].pk}")
    panel = page.locator("#panel")
    panel.get_by_text("Timeline").click()
    timeline = panel.locator(".timeline")
    assert "charlie approved the Unverified label: “Checked with the ministry”" in timeline.inner_text()
    assert "alice changed channel from “Telegram” to “Suspilne”" in timeline.inner_text()
    assert page.get_by_role("heading", name="Recent activity").is_visible()
    assert_accessible(page)
    timeline.scroll_into_view_if_needed()
    screenshot(page, "workspace_timeline")
    assert not page.console_errors
