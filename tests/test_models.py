"""Integrity rules the database itself enforces, on SQLite and PostgreSQL alike."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from claims.models import Article, Claim, HistoryEntry, HistoryIsAppendOnly, Label, Sentence, Source
from tests.factories import create_article, create_claim, create_label, create_source


def assert_refused(write):
    """The write fails with IntegrityError, whether the database checks at once or at commit."""
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            write()
            # PostgreSQL checks deferred constraints at commit; force them inside this block.
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@pytest.fixture
def article(db):
    return create_article(sentences=3)


def test_sentence_must_end_after_it_starts(article):
    assert_refused(lambda: Sentence.objects.create(article=article, number=9, paragraph=1, start=5, end=5))


def test_sentence_numbers_are_unique_within_an_article(article):
    first = article.sentences.first()
    assert_refused(lambda: Sentence.objects.filter(pk=article.sentences.last().pk).update(number=first.number))


def test_sentence_cannot_end_beyond_the_article_text(article):
    assert_refused(
        lambda: Sentence.objects.create(
            article=article, number=9, paragraph=1, start=article.text_length, end=article.text_length + 3
        )
    )


def test_sentences_cannot_overlap(article):
    first, second = article.sentences.all()[:2]
    assert_refused(
        lambda: Sentence.objects.create(article=article, number=9, paragraph=1, start=first.end - 2, end=first.end + 1)
    )
    assert_refused(lambda: Sentence.objects.filter(pk=first.pk).update(end=second.start + 1))


def test_adjacent_sentences_are_accepted(db):
    article = Article.objects.create(title="Two", text="One. Two.")
    Sentence.objects.create(article=article, number=1, paragraph=1, start=0, end=4)
    Sentence.objects.create(article=article, number=2, paragraph=1, start=5, end=9)
    assert article.sentences.count() == 2


def test_article_text_length_must_match_its_text(article):
    assert_refused(lambda: Article.objects.filter(pk=article.pk).update(text_length=1))


def test_claim_must_lie_inside_its_sentence(article):
    first, second = article.sentences.all()[:2]
    assert_refused(lambda: create_claim(sentence=first, start=first.start, end=second.end))
    claim = create_claim(sentence=first)
    assert_refused(lambda: Claim.objects.filter(pk=claim.pk).update(end=first.end + 2))


def test_claim_span_must_not_be_empty(article):
    sentence = article.sentences.first()
    assert_refused(lambda: create_claim(sentence=sentence, start=sentence.start + 3, end=sentence.start + 3))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite checks claims on claim writes only")
def test_sentence_cannot_shrink_away_from_its_claims(article):
    sentence = article.sentences.first()
    create_claim(sentence=sentence)
    assert_refused(lambda: Sentence.objects.filter(pk=sentence.pk).update(end=sentence.end - 1))


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


def test_source_kind_and_name_are_enforced(db):
    source = create_source()
    assert_refused(lambda: Source.objects.filter(pk=source.pk).update(kind="robot"))
    assert_refused(lambda: Source.objects.filter(pk=source.pk).update(name=""))
    assert_refused(lambda: Source.objects.filter(pk=source.pk).update(merged_into=source))


def test_history_rows_cannot_be_changed_or_deleted_through_the_orm(article):
    entry = HistoryEntry.objects.get(article=article)
    entry.action = HistoryEntry.Action.REMOVED
    with pytest.raises(HistoryIsAppendOnly):
        entry.save()
    with pytest.raises(HistoryIsAppendOnly):
        entry.delete()
    with pytest.raises(HistoryIsAppendOnly):
        HistoryEntry.objects.filter(pk=entry.pk).update(action="removed")
    with pytest.raises(HistoryIsAppendOnly):
        HistoryEntry.objects.all().delete()
    assert HistoryEntry.objects.get(pk=entry.pk).action == HistoryEntry.Action.IMPORTED



# --- The source registry's lookups ---------------------------------------------------------------


def test_registry_search_finds_letters_that_unicode_does_not_decompose(db):
    # fold() and the name matcher once disagreed on "ł": suggestions matched "Radoslaw", search missed it.
    sikorski = create_source(name="Radosław Sikorski")
    assert list(Source.objects.search("Radoslaw")) == [sikorski]
    assert list(Source.objects.named("radoslaw sikorski")) == [sikorski]
    assert Source.objects.best_match("Radoslaw Sikorski") == sikorski


def test_by_folded_names_finds_names_and_aliases_in_id_order(db):
    first = create_source(name="Andrii Yusov")
    second = create_source(name="Andriy Yusov")
    first.aliases.create(name="Andriy Yusov")
    found = Source.objects.by_folded_names(["ANDRIY yusov", "Nobody"])
    assert found == {"andriy yusov": [first, second], "nobody": []}


def test_best_matches_prefers_exact_names_then_an_unambiguous_surname(db):
    yusov = create_source(name="Andrii Yusov")
    create_source(name="Oleh Petrenko")
    create_source(name="Iryna Petrenko")
    assert Source.objects.best_matches(["A. Yusov", "Petrenko", "andrii yusov", "Nobody"]) == {
        "A. Yusov": yusov, "Petrenko": None, "andrii yusov": yusov, "Nobody": None,
    }


@pytest.mark.parametrize("count", [3, 300])
def test_best_matches_needs_the_same_queries_for_few_or_many_names(db, django_assert_max_num_queries, count):
    for n in range(count):
        create_source(name=f"Speaker{n} Surname{n}")
    names = [f"S. Surname{n}" for n in range(count)] + [f"Speaker{n} Surname{n}" for n in range(count)]
    with django_assert_max_num_queries(2 + 2 * 3):  # exact: 2; surnames: 2 per 100 (sources, aliases)
        matches = Source.objects.best_matches(names)
    assert all(source is not None for source in matches.values())
