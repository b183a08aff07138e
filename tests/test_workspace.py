"""What the workspace reads (claims/workspace.py): rows of sentences with their claims and suggestions, the
panel's sentence, and the filters."""

import pytest
from django.utils.timezone import now

from claims.models import Claim, Suggestion
from claims.workspace import keeps, load_panel, load_row, load_rows
from tests.factories import create_article, create_claim, create_label, create_source


@pytest.fixture
def article(db):
    return create_article(sentences=4)


def test_load_rows_attaches_active_claims_and_pending_suggestions(article, editor, django_assert_num_queries):
    second = article.sentences.get(number=2)
    kept = create_claim(sentence=second, by=editor)
    Claim.objects.filter(pk=create_claim(sentence=second).pk).update(removed_at=kept.created_at)
    Suggestion.objects.create(
        article=article,
        sentence=second,
        start=second.start,
        end=second.start + 8,
        source_text="The mayor",
        source_start=0,
        source_end=3,
    )
    with django_assert_num_queries(3):
        sentences = load_rows(article)
        assert [claim.pk for claim in sentences[1].active_claims] == [kept.pk]
        assert sentences[1].active_claims[0].verdict == "" and sentences[1].active_claims[0].text == kept.text
        assert [s.quote for s in sentences[1].pending_suggestions] == [article.text[second.start : second.start + 8]]
        assert sentences[0].active_claims == [] and sentences[0].pending_suggestions == []


def test_a_rows_claim_shows_its_current_label_and_speaker(article, editor, reviewer):
    claim = create_claim(sentence=article.sentences.get(number=2), by=editor, source=create_source(name="Mayor"))
    create_label(claim=claim, by=editor, verdict="denied", status="withdrawn")
    create_label(
        claim=claim,
        by=editor,
        verdict="confirmed",
        status="rejected",
        reviewed_by=reviewer,
        reviewed_at=now(),
        review_comment="No source.",
    )
    newest = create_label(claim=claim, by=editor, verdict="unverified", status="withdrawn")
    row = load_row(claim.sentence)
    (shown,) = row.active_claims
    assert newest.status == "withdrawn"  # withdrawn proposals never count, however new
    assert (shown.verdict, shown.status) == (claim.current_label.verdict, "rejected") == ("confirmed", "rejected")
    assert (shown.source_id, shown.speaker) == (claim.source_id, "Mayor")


def test_load_row_reads_only_that_sentence(article, editor, django_assert_num_queries):
    first, second = article.sentences.all()[:2]
    create_claim(sentence=first, by=editor)
    mine = create_claim(sentence=second, by=editor)
    second.article = article
    with django_assert_num_queries(2):
        row = load_row(second)
    assert (row.pk, row.number, row.text) == (second.pk, 2, article.text[second.start : second.end])
    assert [claim.pk for claim in row.active_claims] == [mine.pk]


def test_a_suggestion_belongs_to_the_claim_accepting_it_would_fill(article, editor, django_assert_num_queries):
    # The claim it overlaps without a speaker, or with the speaker the registry matched; not one of
    # another speaker, nor one it does not overlap. Worked out from what the four queries loaded.
    yusov, peskov = create_source(name="Andrii Yusov"), create_source(name="Dmitry Peskov")
    first, second, third, fourth = article.sentences.all()
    empty = create_claim(sentence=first, by=editor)
    same = create_claim(sentence=second, end=second.start + 9, source=yusov)
    create_claim(sentence=third, source=peskov)
    create_claim(sentence=fourth, end=fourth.start + 9)
    for sentence, offset in ((first, 5), (second, 5), (third, 5), (fourth, 9)):
        Suggestion.objects.create(
            article=article,
            sentence=sentence,
            start=sentence.start + offset,
            end=sentence.end,
            source_text="Andrii Yusov",
            source_start=0,
            source_end=3,
            source=yusov,
        )
    with django_assert_num_queries(3):
        rows = load_rows(article)
    assert [getattr(row.pending_suggestions[0].for_claim, "pk", None) for row in rows] == [
        empty.pk,
        same.pk,
        None,
        None,
    ]
    second.article = article
    assert load_row(second).pending_suggestions[0].for_claim.pk == same.pk


def test_the_panel_loads_the_claim_else_the_sentence_else_the_first(article, editor, django_assert_max_num_queries):
    third = article.sentences.get(number=3)
    claim = create_claim(sentence=third, by=editor)
    first = article.sentences.first()
    with django_assert_max_num_queries(5):
        row, loaded = load_panel(article, claim_id=claim.pk, sentence_id=first.pk)
    assert (row.pk, loaded) == (third.pk, claim) and loaded.current_label is None and loaded.article == article
    row, loaded = load_panel(article, sentence_id=third.pk)
    assert loaded is None and [c.pk for c in row.active_claims] == [claim.pk]
    assert load_panel(article)[0].number == 1


def test_the_panel_loads_nothing_that_is_not_in_the_article(article, editor):
    other = create_article(sentences=2)
    foreign = create_claim(sentence=other.sentences.first(), by=editor)
    assert load_panel(article, claim_id=foreign.pk) == (None, None)
    assert load_panel(article, sentence_id=other.sentences.first().pk) == (None, None)
    removed = create_claim(sentence=article.sentences.first())
    Claim.objects.filter(pk=removed.pk).update(removed_at=removed.created_at)
    assert load_panel(article, claim_id=removed.pk) == (None, None)


def test_filters_keep_sentences_by_claims_speaker_and_label(article, editor):
    first, second, third = load_sentences_with(article, editor)
    assert [keeps(s) for s in (first, second, third)] == [True, True, True]
    assert [keeps(s, show="claims") for s in (first, second, third)] == [False, True, True]
    assert [keeps(s, show="unlabelled") for s in (first, second, third)] == [False, False, True]
    speaker = second.active_claims[0].source_id
    assert [keeps(s, speaker=speaker) for s in (first, second, third)] == [False, True, False]
    assert [keeps(s, label="denied") for s in (first, second, third)] == [False, True, False]
    assert [keeps(s, label="none") for s in (first, second, third)] == [False, False, True]


def load_sentences_with(article, editor):
    """Sentence 1 without claims, 2 with a claim by a speaker labelled denied, 3 with an unlabelled claim."""
    sentences = list(article.sentences.all()[:3])
    labelled = create_claim(sentence=sentences[1], by=editor, source=create_source(name="Mayor"))
    create_label(claim=labelled, by=editor, verdict="denied")
    create_claim(sentence=sentences[2], by=editor)
    return load_rows(article)[:3]
