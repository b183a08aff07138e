"""Suggestions: accepted or dismissed once, each accepted one a claim."""

import pytest

from claims.models import AlreadyDecided, Claim, EditRefused, HistoryEntry, Sentence, Source, Suggestion
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
