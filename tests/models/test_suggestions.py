"""Suggestions: accepted or dismissed once, each accepted one a claim."""

import pytest

from claims.models import AlreadyDecided, Claim, EditRefused, HistoryEntry, Sentence, Source, StaleEdit, Suggestion
from tests.factories import create_article


def suggestion_on(sentence, **fields):
    defaults = {
        "source_text": "Andrii Yusov",
        "source_start": sentence.start,
        "source_end": sentence.start + 5,
        "cue": "said",
        "start": sentence.start,
        "end": sentence.end,
    }
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
        (first.pk, source, "suggestion", "Suspilne"),
        (second.pk, source, "suggestion", ""),
    ]
    assert [s.claim for s in Suggestion.objects.filter(pk__in=[a.pk for a in accepted])] == claims
    assert HistoryEntry.objects.filter(action="created", object_type="claim").count() == 2
    assert Suggestion.objects.get(pk=decided.pk).status == "dismissed"


def test_a_suggestion_whose_sentence_was_cut_stays_pending(article, editor):
    first = article.sentences.first()
    suggestion = suggestion_on(first)
    Sentence.objects.filter(pk=first.pk).update(end=first.end - 3, text=first.text[:-3])
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


# A suggestion over a claim already marked belongs to that claim: accepting it fills the claim's empty
# fields, never what an editor set, and never makes a second claim for the same speaker.


def test_a_suggestion_over_a_claim_without_speaker_fills_it_instead_of_making_a_second(article, editor):
    first = article.sentences.first()
    marked = Claim.mark(first, by=editor)
    suggestion = suggestion_on(first, start=first.start + 9, channel="Suspilne")
    assert Suggestion.objects.get(pk=suggestion.pk).accept(by=editor) == marked
    claim = Claim.objects.get()
    assert (claim.pk, claim.source.name, claim.channel, claim.cue) == (marked.pk, "Andrii Yusov", "Suspilne", "said")
    assert (claim.start, claim.end, claim.origin, claim.version) == (first.start, first.end, "manual", 2)
    filled = HistoryEntry.objects.get(claim=claim, action="updated")
    assert (filled.actor, filled.object_type, filled.before) == (
        editor,
        "claim",
        {"source_id": None, "channel": "", "cue": ""},
    )
    assert filled.after == {
        "source_id": claim.source_id,
        "channel": "Suspilne",
        "cue": "said",
        "suggestion": suggestion.pk,
    }
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.claim, suggestion.decided_by) == ("accepted", claim, editor)


def test_filling_a_claim_never_overwrites_what_the_editor_set(article, editor):
    first = article.sentences.first()
    marked = Claim.mark(first, by=editor, channel="Telegram")
    suggestion_on(first, channel="Suspilne", cue="told").accept(by=editor)
    claim = Claim.objects.get()
    assert (claim.pk, claim.source.name, claim.channel, claim.cue) == (marked.pk, "Andrii Yusov", "Telegram", "told")
    filled = HistoryEntry.objects.get(claim=claim, action="updated")
    assert filled.before == {"source_id": None, "cue": ""} and set(filled.after) == {"source_id", "cue", "suggestion"}


def test_a_claim_of_the_same_speaker_gets_only_its_empty_fields(article, editor):
    yusov = Source.objects.create(name="Andrii Yusov")
    first = article.sentences.first()
    marked = Claim.mark(first, by=editor, source=yusov, cue="claimed")
    suggestion_on(first, channel="Suspilne").accept(by=editor)
    claim = Claim.objects.get()
    assert (claim.pk, claim.source, claim.channel, claim.cue, claim.version) == (
        marked.pk,
        yusov,
        "Suspilne",
        "claimed",
        2,
    )
    assert Source.objects.count() == 1


def test_a_claim_with_nothing_empty_is_left_as_it_was(article, editor):
    yusov = Source.objects.create(name="Andrii Yusov")
    first = article.sentences.first()
    marked = Claim.mark(first, by=editor, source=yusov, channel="Telegram", cue="claimed")
    suggestion = suggestion_on(first, channel="Suspilne")
    assert suggestion.accept(by=editor) == marked
    claim = Claim.objects.get()
    assert (claim.channel, claim.cue, claim.version) == ("Telegram", "claimed", 1)
    assert not HistoryEntry.objects.filter(claim=claim, action="updated").exists()
    assert Suggestion.objects.get(pk=suggestion.pk).claim == marked


def test_an_editor_who_opened_the_claim_before_it_was_filled_gets_a_stale_edit(article, editor, second_editor):
    first = article.sentences.first()
    opened = Claim.mark(first, by=editor)
    suggestion_on(first).accept(by=second_editor)
    with pytest.raises(StaleEdit):
        opened.annotate(by=editor, version=1, changes={"channel": "Telegram"})
    assert Claim.objects.get().channel == ""


def test_a_claim_of_another_speaker_gets_a_claim_of_its_own_beside_it(article, editor):
    first = article.sentences.first()
    peskov = Claim.mark(first, by=editor, source=Source.objects.create(name="Dmitry Peskov"))
    made = suggestion_on(first).accept(by=editor)
    assert made != peskov and (made.origin, made.source.name) == ("suggestion", "Andrii Yusov")
    peskov.refresh_from_db()
    assert (peskov.source.name, peskov.cue, peskov.version) == ("Dmitry Peskov", "", 1)
    assert Claim.objects.count() == 2


def test_only_an_overlapping_active_claim_is_filled(article, editor):
    first = article.sentences.first()
    earlier = Claim.mark(first, by=editor, end=first.start + 9)
    removed = Claim.mark(first, by=editor)
    removed.remove(by=editor, version=removed.version)
    # Spans are half-open: a claim ending where the suggestion starts does not overlap it.
    made = suggestion_on(first, start=first.start + 9).accept(by=editor)
    assert made not in (earlier, removed) and made.origin == "suggestion"
    assert Claim.objects.filter(pk__in=[earlier.pk, removed.pk], source__isnull=True).count() == 2


def test_accepting_many_follows_the_same_rule(article, editor):
    first, second, third = article.sentences.all()
    marked = Claim.mark(first, by=editor)
    peskov = Claim.mark(third, by=editor, source=Source.objects.create(name="Dmitry Peskov"))
    for sentence in (first, second, third):
        suggestion_on(sentence, channel="Suspilne")
    claims, refused = Suggestion.objects.filter(article=article).accept(by=editor)
    assert refused == [] and claims[0] == marked and len(claims) == 3
    yusov = Source.objects.get(name="Andrii Yusov")
    assert sorted(Claim.objects.values_list("sentence__number", "source", "origin", "channel", "version")) == [
        (1, yusov.pk, "manual", "Suspilne", 2),
        (2, yusov.pk, "suggestion", "Suspilne", 1),
        (3, peskov.source_id, "manual", "", 1),
        (3, yusov.pk, "suggestion", "Suspilne", 1),
    ]
    created = HistoryEntry.objects.filter(action="created", object_type="claim", after__origin="suggestion")
    assert (HistoryEntry.objects.filter(action="updated", claim=marked).count(), created.count()) == (1, 2)


def test_two_overlapping_suggestions_of_one_speaker_accepted_together_make_one_claim(article, editor):
    first = article.sentences.first()
    suggestion_on(first, cue="")
    suggestion_on(first, start=first.start + 9, channel="Suspilne")
    claims, _ = Suggestion.objects.filter(article=article).accept(by=editor)
    claim = Claim.objects.get()
    assert claims == [claim, claim]
    assert (claim.start, claim.end, claim.channel, claim.cue) == (first.start, first.end, "Suspilne", "said")
    assert HistoryEntry.objects.get(claim=claim).action == "created"
