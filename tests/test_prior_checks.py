"""Checked before: a claim marked in one article finds the same claim, reworded, approved in another (in the
background), and its editor reuses that verdict; a look-alike with another number finds nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import HistoryEntry, Label, PriorCheck
from claims.prior_checks import find_prior_checks
from tests.factories import create_article, create_claim, create_label, create_source
from tests.worker import run_queued_tasks

EARLIER = "The Veltrania Health Ministry said 1.2 million children were vaccinated against measles in March."
REWORDED = "Veltrania's health ministry says 1,200,000 kids got measles shots in March."
LOOK_ALIKE = "The Veltrania Health Ministry said 1.4 million children were vaccinated against measles in March."


@pytest.fixture
def approved(editor, reviewer):
    """The earlier check: article A's claim, approved as denied."""
    article = create_article(text=EARLIER, title="Measles drive")
    claim = create_claim(sentence=article.sentences.get(), source=create_source(name="Veltrania Health Ministry"))
    return create_label(
        claim=claim, by=editor, verdict="denied", rationale="The ministry's own data show 800,000.",
        evidence=["https://example.org/data"], status="approved", reviewed_by=reviewer, reviewed_at=timezone.now(),
    )  # fmt: skip


def mark(client, text, title):
    article = create_article(text=text, title=title)
    sentence = article.sentences.get()
    response = client.post(reverse("claims:claim_mark", args=[article.pk, sentence.pk]), headers={"HX-Request": "true"})
    return sentence.claims.get(), response


def test_marking_a_reworded_claim_finds_the_earlier_check_in_the_background(client, editor, approved):
    client.force_login(editor)
    claim, _ = mark(client, REWORDED, "Vaccination figures")
    assert not PriorCheck.objects.exists()  # not at page time
    run_queued_tasks()
    (prior,) = PriorCheck.objects.filter(claim=claim)
    assert (prior.earlier, prior.label, prior.text) == (approved.claim, approved, EARLIER)
    panel = client.get(reverse("claims:workspace_panel", args=[claim.article_id]), {"claim": claim.pk},
                       headers={"HX-Request": "true"}).content.decode()  # fmt: skip
    assert "Checked before" in panel and "Measles drive" in panel and ">Reuse this verdict</button>" in panel


def test_a_look_alike_with_another_number_finds_nothing(client, editor, approved):
    client.force_login(editor)
    claim, _ = mark(client, LOOK_ALIKE, "Other figures")
    run_queued_tasks()
    assert not PriorCheck.objects.filter(claim=claim).exists()
    find_prior_checks.call(claim.pk)  # and again, on demand: still nothing
    assert not PriorCheck.objects.exists()


def test_reuse_proposes_the_verdict_with_a_link_the_reviewer_sees(client, editor, second_editor, reviewer, approved):
    client.force_login(editor)
    claim, _ = mark(client, REWORDED, "Vaccination figures")
    run_queued_tasks()
    prior = PriorCheck.objects.get(claim=claim)
    client.force_login(second_editor)
    response = client.post(reverse("claims:claim_reuse", args=[claim.pk, prior.pk]), {"version": claim.version},
                           headers={"HX-Request": "true"})  # fmt: skip
    assert "reusing the check in “Measles drive”" in response.content.decode()
    label = Label.objects.get(claim=claim, status="proposed")
    assert (label.verdict, label.rationale, label.evidence) == ("denied", approved.rationale, approved.evidence)
    assert (label.reused_from, label.proposed_by) == (approved, second_editor)
    entry = HistoryEntry.objects.get(action="proposed", object_id=label.pk)
    assert entry.after["reused_from"] == approved.pk and entry.actor == second_editor
    client.force_login(reviewer)
    queue = client.get(reverse("claims:review_queue")).content.decode()
    assert "Reuses the verdict approved for the same claim in" in queue
    assert f'?claim={approved.claim_id}#claim-{approved.claim_id}">Measles drive</a>' in queue
    assert Label.objects.get(pk=label.pk).status == "proposed"  # reuse never approves


def test_reuse_of_a_stale_version_changes_nothing(client, editor, approved):
    client.force_login(editor)
    claim, _ = mark(client, REWORDED, "Vaccination figures")
    run_queued_tasks()
    prior = PriorCheck.objects.get(claim=claim)
    client.post(reverse("claims:claim_reuse", args=[claim.pk, prior.pk]), {"version": claim.version + 5})
    assert not Label.objects.filter(claim=claim).exists()
