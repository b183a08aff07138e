"""Labels: the integrity rules the database itself enforces; then the QuerySet methods and decisions
the review queue calls."""

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import AlreadyDecided, EditRefused, HistoryEntry, Label, StaleEdit
from tests.factories import create_article, create_claim, create_label, create_source, create_user
from tests.models.helpers import assert_refused


def test_one_open_proposal_per_claim(article, editor):
    claim = create_claim(sentence=article.sentences.first())
    create_label(claim=claim, by=editor)
    assert_refused(lambda: create_label(claim=claim, by=editor, verdict="denied"))


def test_reviewer_cannot_be_the_proposer(article, editor):
    claim = create_claim(sentence=article.sentences.first())
    label = create_label(claim=claim, by=editor)
    assert_refused(
        lambda: Label.objects.filter(pk=label.pk).update(
            status=Label.Status.APPROVED, reviewed_by=editor, reviewed_at=timezone.now()
        )
    )


def test_decided_label_needs_a_reviewer(article, editor):
    claim = create_claim(sentence=article.sentences.first())
    label = create_label(claim=claim, by=editor)
    assert_refused(lambda: Label.objects.filter(pk=label.pk).update(status=Label.Status.APPROVED))


def test_rejection_needs_a_comment(article, editor, reviewer):
    claim = create_claim(sentence=article.sentences.first())
    label = create_label(claim=claim, by=editor)
    assert_refused(
        lambda: Label.objects.filter(pk=label.pk).update(
            status=Label.Status.REJECTED, reviewed_by=reviewer, reviewed_at=timezone.now()
        )
    )


@pytest.mark.parametrize("field, value", [("verdict", "probably"), ("status", "maybe")])
def test_label_choices_are_enforced_by_the_database(article, editor, field, value):
    claim = create_claim(sentence=article.sentences.first())
    label = create_label(claim=claim, by=editor)
    assert_refused(lambda: Label.objects.filter(pk=label.pk).update(**{field: value}))


# QuerySet methods and decisions the views call


@pytest.fixture
def proposals(article, editor, second_editor):
    """Two open proposals: a denied one by alice on a speaker's claim, 10 days old, and a confirmed one by bob."""
    first, second = article.sentences.all()[:2]
    mayor = create_source(name="Mayor")
    old = create_label(claim=create_claim(sentence=first, source=mayor), by=editor, verdict="denied")
    Label.objects.filter(pk=old.pk).update(proposed_at=timezone.now() - timedelta(days=10))
    new = create_label(claim=create_claim(sentence=second), by=second_editor, verdict="confirmed")
    return old, new


def test_labels_match_the_queue_filters(proposals, article, editor):
    old, new = proposals
    labels = Label.objects.open()
    assert set(labels.matching()) == {old, new}
    assert list(labels.matching(article=article.pk, verdict="denied", proposer=editor.pk, age=7)) == [old]
    assert list(labels.matching(speaker=old.claim.source_id)) == [old]
    assert list(labels.matching(age=30)) == [] and list(labels.matching(article=999)) == []


def test_open_labels_name_their_articles_speakers_and_proposers(proposals, article, editor, second_editor, db):
    old, new = proposals
    create_article(sentences=1, title="Nothing open here")
    Label.objects.filter(pk=new.pk).update(status=Label.Status.WITHDRAWN)
    open_labels = Label.objects.open()
    assert list(open_labels.articles()) == [article]
    assert list(open_labels.speakers()) == [old.claim.source]
    assert list(open_labels.proposers()) == [editor]


def test_deciding_several_labels_decides_each_on_its_own_rule(article, editor, reviewer, admin_user):
    sentences = list(article.sentences.all())
    fine, own, stale, decided = (
        create_label(claim=create_claim(sentence=s), by=editor) for s in [*sentences, sentences[0]]
    )
    Label.objects.filter(pk=own.pk).update(proposed_by=reviewer)
    stale.claim.annotate(by=editor, version=stale.claim.version, changes={"cue": "said"}, label=None)
    Label.objects.filter(pk=decided.pk).update(status=Label.Status.WITHDRAWN)

    approved, refused = Label.objects.filter(pk__in=[fine.pk, own.pk, stale.pk, decided.pk]).decide(
        Label.Status.APPROVED, by=reviewer, comment=" Checked. "
    )
    assert approved == [fine] and (approved[0].status, approved[0].review_comment) == ("approved", "Checked.")
    reasons = {label.pk: refusal for label, refusal in refused}
    assert "four-eyes" in str(reasons[own.pk])
    assert isinstance(reasons[stale.pk], StaleEdit) and "(cue)" in str(reasons[stale.pk])
    assert isinstance(reasons[decided.pk], AlreadyDecided) and "withdrawn" in str(reasons[decided.pk])
    assert dict(Label.objects.values_list("pk", "status")) == {
        fine.pk: "approved",
        own.pk: "proposed",
        stale.pk: "proposed",
        decided.pk: "withdrawn",
    }
    entry = HistoryEntry.objects.get(action="approved")
    assert (entry.actor, entry.object_id, entry.claim_id) == (reviewer, fine.pk, fine.claim_id)
    assert entry.article_id == article.pk
    assert entry.after == {"status": "approved", "verdict": "unverified", "comment": "Checked."}


def test_a_stale_label_may_still_be_rejected_but_never_without_a_comment(article, editor, reviewer):
    label = create_label(claim=create_claim(sentence=article.sentences.first()), by=editor)
    label.claim.annotate(by=editor, version=label.claim.version, changes={"cue": "said"}, label=None)
    with pytest.raises(EditRefused, match="Say why"):
        label.reject(by=reviewer, comment="  ")
    assert label.reject(by=reviewer, comment="Stale.").status == "rejected"
    with pytest.raises(AlreadyDecided, match="charlie already rejected this label"):
        Label.objects.get(pk=label.pk).approve(by=create_user(username="zed", role="reviewer"))
