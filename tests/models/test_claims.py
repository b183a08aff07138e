"""Claims: the integrity rules the database itself enforces, on SQLite and PostgreSQL alike."""

from claims.models import Claim
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
