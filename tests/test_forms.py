"""Forms over values people edit by hand: what does not parse is ignored, the rest still applies."""

import pytest
from django.http import QueryDict

from claims.forms import LabelSelectionForm, MarkForm, RemoveForm
from claims.models import EditRefused
from tests.factories import create_article


def query(text):
    return QueryDict(text)


def test_an_unreadable_version_never_matches_a_claim():
    assert RemoveForm(query("version=3")).cleaned_data["version"] == 3
    assert RemoveForm(query("version=three")).cleaned_data["version"] == 0


def test_label_selection_keeps_the_ids_and_drops_the_rest():
    assert LabelSelectionForm(query("labels=4&labels=x&labels=-2&labels=9")).cleaned_data["labels"] == [4, 9]
    assert LabelSelectionForm(query("")).cleaned_data["labels"] == []


@pytest.fixture
def sentence(db):
    article = create_article(text="The mayor said the bridge would reopen. Critics disagreed.")
    sentence = article.sentences.get(number=1)
    sentence.article = article
    return sentence


def test_mark_reads_exact_words_a_selection_or_nothing(sentence):
    assert MarkForm(query("quote=the+bridge")).span(sentence) == (15, 25)
    assert MarkForm(query("start=4&end=9")).span(sentence) == (4, 9)
    assert MarkForm(query("start=&end=")).span(sentence) == (None, None)
    assert MarkForm(query("quote=the+bridge&start=x")).span(sentence) == (15, 25)


def test_a_selection_counts_from_the_start_of_its_sentence(sentence):
    second = sentence.article.sentences.get(number=2)
    assert second.start == 40
    assert MarkForm(query("start=0&end=7")).span(second) == (40, 47)


@pytest.mark.parametrize("text", ["start=x&end=3", "start=3", "start=-1&end=4"])
def test_mark_refuses_a_selection_it_cannot_read(sentence, text):
    with pytest.raises(EditRefused, match="could not be read"):
        MarkForm(query(text)).span(sentence)


def test_mark_refuses_words_that_are_not_in_the_sentence(sentence):
    with pytest.raises(EditRefused, match="does not occur in sentence 1"):
        MarkForm(query("quote=Critics")).span(sentence)
