"""Integrity rules the database itself enforces, on SQLite and PostgreSQL alike; then the QuerySet methods
and decisions the views call."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from claims.models import (
    AlreadyDecided, Article, Claim, EditRefused, HistoryEntry, HistoryIsAppendOnly, Label, Sentence, Source, StaleEdit,
    Suggestion,
)
from tests.factories import create_article, create_claim, create_label, create_source, create_user


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
    with django_assert_max_num_queries(2 * 3):  # two per 100 surnames (sources, their aliases)
        matches = Source.objects.best_matches(names)
    assert all(source is not None for source in matches.values())


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
        fine.pk: "approved", own.pk: "proposed", stale.pk: "proposed", decided.pk: "withdrawn"}
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


def suggestion_on(sentence, **fields):
    defaults = {"source_text": "Andrii Yusov", "source_start": sentence.start, "source_end": sentence.start + 5,
                "cue": "said", "start": sentence.start, "end": sentence.end}
    return Suggestion.objects.create(article=sentence.article, sentence=sentence, **{**defaults, **fields})


def test_accepting_suggestions_makes_one_claim_each_with_one_new_source(article, editor):
    first, second, third = article.sentences.all()
    accepted = [suggestion_on(first, role="spokesperson", channel="Suspilne"), suggestion_on(second)]
    decided = suggestion_on(third)
    decided.dismiss(by=editor)
    claims, refused = Suggestion.objects.filter(article=article).accept(by=editor)
    assert refused == [] and len(claims) == 2
    source = Source.objects.get()
    assert (source.name, source.role) == ("Andrii Yusov", "spokesperson")
    assert [(c.sentence_id, c.source, c.origin, c.channel) for c in Claim.objects.order_by("start")] == [
        (first.pk, source, "suggestion", "Suspilne"), (second.pk, source, "suggestion", "")]
    assert [s.claim for s in Suggestion.objects.filter(pk__in=[a.pk for a in accepted])] == claims
    assert HistoryEntry.objects.filter(action="created", object_type="claim").count() == 2
    assert Suggestion.objects.get(pk=decided.pk).status == "dismissed"


def test_a_suggestion_whose_sentence_was_cut_stays_pending(article, editor):
    first = article.sentences.first()
    suggestion = suggestion_on(first)
    Sentence.objects.filter(pk=first.pk).update(end=first.end - 3)
    with pytest.raises(EditRefused, match="must lie inside sentence 1"):
        Suggestion.objects.get(pk=suggestion.pk).accept(by=editor)
    assert Suggestion.objects.get(pk=suggestion.pk).status == "pending" and Claim.objects.count() == 0


def test_a_suggestion_is_decided_once(article, editor):
    suggestion = suggestion_on(article.sentences.first())
    suggestion.accept(by=editor)
    with pytest.raises(AlreadyDecided):
        Suggestion.objects.get(pk=suggestion.pk).accept(by=editor)
    with pytest.raises(AlreadyDecided):
        Suggestion.objects.get(pk=suggestion.pk).dismiss(by=editor)
    assert Claim.objects.count() == 1


def test_same_speaker_means_the_same_name_in_the_same_article(article):
    first, second, third = article.sentences.all()
    suggestion = suggestion_on(first)
    same = suggestion_on(second)
    suggestion_on(third, source_text="Dmitry Peskov")
    other = create_article(sentences=1).sentences.get()
    suggestion_on(other)
    assert set(suggestion.same_speaker()) == {suggestion, same}


def test_a_sources_history_is_newest_first(db, editor):
    source = create_source(name="Mayor")
    source.update_record(by=editor, version=1, role="mayor")
    source.update_record(by=editor, version=2, role="former mayor")
    create_source(name="Other").update_record(by=editor, version=1, role="x")
    assert [entry.after["role"] for entry in HistoryEntry.objects.for_source(source.pk)] == ["former mayor", "mayor"]
