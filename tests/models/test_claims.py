"""Claims: the integrity rules the database itself enforces, on SQLite and PostgreSQL alike."""

import pytest

from claims.models import Claim, HistoryEntry, Label, StaleEdit
from tests.factories import create_claim
from tests.models.helpers import assert_refused


def test_claim_must_lie_inside_its_sentence(article):
    first, second = article.sentences.all()[:2]
    assert_refused(lambda: create_claim(sentence=first, start=first.start, end=second.end))
    claim = create_claim(sentence=first)
    assert_refused(lambda: Claim.objects.filter(pk=claim.pk).update(end=first.end + 2))


def test_claim_span_must_not_be_empty(article):
    sentence = article.sentences.first()
    assert_refused(lambda: create_claim(sentence=sentence, start=sentence.start + 3, end=sentence.start + 3))


def test_changing_an_open_proposal_writes_one_history_entry(article, editor):
    claim = create_claim(sentence=article.sentences.first(), by=editor)
    label = {"verdict": "confirmed", "rationale": "", "evidence": []}
    claim.annotate(by=editor, version=claim.version, changes={}, label=label)
    first = claim.current_label
    written = HistoryEntry.objects.count()
    claim.annotate(by=editor, version=claim.version, changes={}, label={**label, "verdict": "denied"})
    (entry,) = HistoryEntry.objects.order_by("-pk")[: HistoryEntry.objects.count() - written]
    first.refresh_from_db()
    assert first.status == Label.Status.WITHDRAWN and claim.current_label.verdict == "denied"
    assert (entry.action, entry.object_id, entry.before) == ("proposed", claim.current_label.pk,
                                                            {"verdict": "confirmed", "replaced": first.pk})  # fmt: skip
    assert Claim.objects.get(pk=claim.pk).version == 1  # the claim itself is not written


def test_clearing_an_open_proposal_records_its_withdrawal(article, editor):
    claim = create_claim(sentence=article.sentences.first(), by=editor)
    claim.annotate(by=editor, version=claim.version, changes={}, label={"verdict": "confirmed"})
    claim.annotate(by=editor, version=claim.version, changes={}, label={})
    assert HistoryEntry.objects.order_by("-pk").first().action == "withdrawn"
    assert claim.current_label is None


def _loaded(claim):
    """The claim as an edit loads it: with its labels, as of now."""
    return Claim.objects.with_labels(people=False).get(pk=claim.pk)


@pytest.mark.parametrize("first_verdict", [None, "unverified"])
def test_two_editors_labelling_at_once_leave_one_proposal_and_a_stale_edit(
    article, editor, second_editor, first_verdict
):
    claim = create_claim(sentence=article.sentences.first(), by=editor)
    if first_verdict:
        claim.annotate(by=editor, version=claim.version, changes={}, label={"verdict": first_verdict})
    theirs, mine = _loaded(claim), _loaded(claim)  # both opened the claim before either saved
    theirs.annotate(by=second_editor, version=theirs.version, changes={}, label={"verdict": "denied"})
    written = (Label.objects.count(), HistoryEntry.objects.count())
    with pytest.raises(StaleEdit):
        mine.annotate(by=editor, version=mine.version, changes={}, label={"verdict": "confirmed"})
    assert (Label.objects.count(), HistoryEntry.objects.count()) == written
    assert list(claim.labels.filter(status="proposed").values_list("verdict", flat=True)) == ["denied"]


def test_a_label_for_an_older_version_of_the_claim_is_refused(article, editor):
    claim = create_claim(sentence=article.sentences.first(), by=editor)
    claim.annotate(by=editor, version=claim.version, changes={"channel": "Telegram"})
    with pytest.raises(StaleEdit):
        claim.annotate(by=editor, version=claim.version - 1, changes={}, label={"verdict": "confirmed"})
    assert not claim.labels.exists()
