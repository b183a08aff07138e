"""What the workspace reads (claims/workspace.py): sentences with their claims and suggestions, and the filters."""

import pytest

from claims.models import Claim, Suggestion
from claims.workspace import claim_in, keeps, load_sentence, load_sentences
from tests.factories import create_article, create_claim, create_label, create_source


@pytest.fixture
def article(db):
    return create_article(sentences=4)


def test_load_sentences_attaches_active_claims_and_pending_suggestions(article, editor, django_assert_num_queries):
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
    with django_assert_num_queries(4):
        sentences = load_sentences(article)
        assert [claim.pk for claim in sentences[1].active_claims] == [kept.pk]
        assert sentences[1].active_claims[0].current_label is None and sentences[1].active_claims[0].text
        assert [s.quote for s in sentences[1].pending_suggestions] == [article.text[second.start : second.start + 8]]
        assert sentences[0].active_claims == [] and sentences[0].pending_suggestions == []


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
    with django_assert_num_queries(4):
        rows = load_sentences(article)
        assert [row.pending_suggestions[0].for_claim for row in rows] == [empty, same, None, None]
    assert load_sentence(article, sentence_id=second.pk).pending_suggestions[0].for_claim == same


def test_load_sentence_by_claim_else_sentence_else_the_first(article, editor):
    third = article.sentences.get(number=3)
    claim = create_claim(sentence=third, by=editor)
    assert load_sentence(article, claim_id=claim.pk, sentence_id=article.sentences.first().pk) == third
    assert claim_in(load_sentence(article, claim_id=claim.pk), claim.pk).sentence == third
    assert load_sentence(article, sentence_id=third.pk).active_claims == [claim]
    assert load_sentence(article).number == 1


def test_load_sentence_is_none_for_what_is_not_in_the_article(article, editor):
    other = create_article(sentences=2)
    foreign = create_claim(sentence=other.sentences.first(), by=editor)
    assert load_sentence(article, claim_id=foreign.pk) is None
    assert load_sentence(article, sentence_id=other.sentences.first().pk) is None
    removed = create_claim(sentence=article.sentences.first())
    Claim.objects.filter(pk=removed.pk).update(removed_at=removed.created_at)
    assert load_sentence(article, claim_id=removed.pk) is None


def test_claim_in_finds_only_the_sentences_own_claims(article, editor):
    claim = create_claim(sentence=article.sentences.first(), by=editor)
    sentence = load_sentence(article)
    assert claim_in(sentence, claim.pk) == claim
    assert claim_in(sentence, None) is None and claim_in(sentence, 999) is None


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
    return load_sentences(article)[:3]
