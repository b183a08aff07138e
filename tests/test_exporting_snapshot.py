"""The snapshot every writer works on: an article's claims, speakers, labels and history as plain data."""

import pytest

from claims.exporting.snapshot import snapshot, snapshots
from claims.models import Article
from tests.export_fixtures import annotated_seed
from tests.factories import create_article, create_claim, create_label, create_source


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed(editor, reviewer)


def test_all_claims_come_with_their_newest_label_and_approved_only_keeps_the_approved(seed):
    article, claims = seed
    everything = snapshot(article.pk)
    approved = snapshot(article.pk, approved_only=True)
    in_text_order = sorted(claims.values(), key=lambda claim: (claim.start, claim.end, claim.pk))
    assert [claim.id for claim in everything.claims] == [claim.pk for claim in in_text_order]
    assert {claim.label.status for claim in everything.claims} == {"approved", "proposed", "rejected"}
    assert [claim.id for claim in approved.claims] == [
        claim.id for claim in everything.claims if claim.label.status == "approved"
    ]
    assert approved.approved_only and not everything.approved_only


def test_approved_only_shows_the_approved_label_under_a_newer_proposal(seed, editor):
    article, claims = seed
    create_label(claim=claims["yusov"], by=editor, verdict="denied")
    [everything] = [c for c in snapshot(article.pk).claims if c.id == claims["yusov"].pk]
    [approved] = [c for c in snapshot(article.pk, approved_only=True).claims if c.id == claims["yusov"].pk]
    assert (everything.label.verdict, everything.label.status) == ("denied", "proposed")
    assert (approved.label.verdict, approved.label.status) == ("unverified", "approved")
    assert approved.labels == everything.labels and len(approved.labels) == 2


def test_speakers_carry_their_aliases(seed):
    article, _ = seed
    [yusov] = [source for source in snapshot(article.pk).sources if source.name == "Andrii Yusov"]
    assert yusov.aliases == ("Yusov",) and yusov.role == "spokesperson"


def test_history_only_when_asked(seed):
    article, _ = seed
    assert snapshot(article.pk).history == ()
    assert snapshot(article.pk, with_history=True).history  # the import, at least


def test_several_articles_read_in_one_pass_equal_one_at_a_time(seed, editor, django_assert_max_num_queries):
    article, _ = seed
    other = create_article(title="Second story")
    create_claim(sentence=other.sentences.first(), source=create_source(name="Kyiv"), by=editor)
    empty = create_article(title="Nothing marked")
    ids = [article.pk, other.pk, empty.pk]
    with django_assert_max_num_queries(6):
        read = snapshots([*ids, 999], with_history=True)
    assert sorted(read) == sorted(ids)  # 999 does not exist
    for pk in ids:
        assert read[pk] == snapshot(pk, with_history=True)
        assert read[pk].scoped(approved_only=True, with_history=False) == snapshot(pk, approved_only=True)


def test_a_missing_article_is_refused(db):
    with pytest.raises(Article.DoesNotExist):
        snapshot(999)
