"""Claims: the integrity rules the database itself enforces, on SQLite and PostgreSQL alike."""

from claims.models import Claim, HistoryEntry, Label
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
