"""Articles and sentences: the integrity rules the database itself enforces, on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection
from django.utils.timezone import now

from claims.models import Article, Claim, Sentence
from tests.factories import create_claim, create_label
from tests.models.helpers import assert_refused


def test_sentence_must_end_after_it_starts(article):
    assert_refused(lambda: Sentence.objects.create(article=article, number=9, paragraph=1, start=5, end=5))


def test_sentence_numbers_are_unique_within_an_article(article):
    first = article.sentences.first()
    assert_refused(lambda: Sentence.objects.filter(pk=article.sentences.last().pk).update(number=first.number))


def test_sentence_cannot_end_beyond_the_article_text(article):
    assert_refused(
        lambda: Sentence.objects.create(
            article=article, number=9, paragraph=1, start=article.text_length, end=article.text_length + 3, text="..."
        )
    )


def test_sentences_cannot_overlap(article):
    first, second = article.sentences.all()[:2]
    assert_refused(
        lambda: Sentence.objects.create(article=article, number=9, paragraph=1, start=first.end - 2, end=first.end + 1)
    )
    longer = article.text[first.start : second.start + 1]
    assert_refused(lambda: Sentence.objects.filter(pk=first.pk).update(end=second.start + 1, text=longer))


def test_a_sentence_keeps_the_words_of_its_span(article):
    first = article.sentences.first()
    assert_refused(lambda: Sentence.objects.filter(pk=first.pk).update(end=first.end - 1))
    assert_refused(lambda: Sentence.objects.filter(pk=first.pk).update(text=first.text + "!"))
    assert all(sentence.text == article.text[sentence.start : sentence.end] for sentence in article.sentences.all())


def test_adjacent_sentences_are_accepted(db):
    article = Article.objects.create(title="Two", text="One. Two.")
    Sentence.objects.create(article=article, number=1, paragraph=1, start=0, end=4)
    Sentence.objects.create(article=article, number=2, paragraph=1, start=5, end=9)
    assert article.sentences.count() == 2


def test_article_text_length_must_match_its_text(article):
    assert_refused(lambda: Article.objects.filter(pk=article.pk).update(text_length=1))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite checks claims on claim writes only")
def test_sentence_cannot_shrink_away_from_its_claims(article):
    sentence = article.sentences.first()
    create_claim(sentence=sentence)
    assert_refused(
        lambda: Sentence.objects.filter(pk=sentence.pk).update(end=sentence.end - 1, text=sentence.text[:-1])
    )


def test_progress_counts_what_the_dashboard_counts(article, editor, reviewer, django_assert_num_queries):
    first, second, third = article.sentences.all()
    Sentence.objects.filter(pk=first.pk).update(reviewed=True)
    approved = create_claim(sentence=first, by=editor)
    create_label(claim=approved, by=editor, status="approved", reviewed_by=reviewer, reviewed_at=now())
    withdrawn_only = create_claim(sentence=second, by=editor)
    create_label(claim=withdrawn_only, by=editor, status="withdrawn")
    twice = create_claim(sentence=third, by=editor)
    create_label(claim=twice, by=editor, status="withdrawn")
    create_label(claim=twice, by=editor, verdict="denied")
    relabelled = create_claim(sentence=second, by=editor)  # approved, then a new proposal: still approved
    create_label(claim=relabelled, by=editor, status="approved", reviewed_by=reviewer, reviewed_at=now())
    create_label(claim=relabelled, by=editor, verdict="confirmed")
    removed = create_claim(sentence=third, by=editor)
    create_label(claim=removed, by=editor)
    Claim.objects.filter(pk=removed.pk).update(removed_at=now())
    with django_assert_num_queries(1):
        progress = article.progress()
    counted = Article.objects.with_review_counts().get(pk=article.pk)
    assert (progress.sentences, progress.reviewed, progress.claims, progress.labelled, progress.approved) == (
        counted.sentence_count, counted.reviewed_count, counted.claim_count, counted.labelled_count,
        counted.approved_count,
    ) == (3, 1, 4, 3, 2)  # fmt: skip


def test_an_article_reads_a_known_passage_without_its_text(article, django_assert_num_queries):
    sentence = article.sentences.get(number=2)
    loaded = Article.objects.defer("text").get(pk=article.pk)
    loaded.passage = (sentence.start, article.text[sentence.start : sentence.end])
    with django_assert_num_queries(0):
        assert loaded.excerpt(sentence.start + 1, sentence.end) == article.text[sentence.start + 1 : sentence.end]
    with django_assert_num_queries(1):  # outside the passage: the text is read
        assert loaded.excerpt(0, 5) == article.text[:5]
