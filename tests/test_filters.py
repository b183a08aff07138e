"""Filters over the query string: what does not parse is ignored, the rest still applies."""

import pytest
from django.http import QueryDict

from claims.filters import QueueFilterForm, SelectionForm, SourceSearchForm, WorkspaceFilterForm


def query(text):
    return QueryDict(text)


def test_queue_filters_read_ids_verdict_and_age():
    filters = QueueFilterForm(query("article=3&speaker=4&verdict=denied&proposer=5&age=7"))
    assert filters.cleaned_data == {"article": 3, "speaker": 4, "verdict": "denied", "proposer": 5, "age": 7}
    assert filters.active


@pytest.mark.parametrize("text", ["", "article=x&speaker=-1&verdict=mostly-true&proposer=0&age=2", "age=&verdict="])
def test_queue_filters_ignore_what_does_not_parse(text):
    filters = QueueFilterForm(query(text))
    assert filters.cleaned_data == {"article": None, "speaker": None, "verdict": "", "proposer": None, "age": ""}
    assert not filters.active


def test_one_bad_queue_filter_leaves_the_others_on():
    assert QueueFilterForm(query("article=abc&verdict=confirmed")).cleaned_data["verdict"] == "confirmed"


def test_workspace_filters_default_to_every_sentence():
    filters = WorkspaceFilterForm(query("show=everything&speaker=me&label=maybe"))
    assert filters.cleaned_data == {"show": "all", "speaker": None, "label": ""}
    assert not filters.active


def test_workspace_filters_read_show_speaker_and_label():
    filters = WorkspaceFilterForm(query("show=unlabelled&speaker=12&label=none"))
    assert filters.cleaned_data == {"show": "unlabelled", "speaker": 12, "label": "none"}
    assert filters.active


def test_selection_reads_a_claim_or_sentence_id():
    assert SelectionForm(query("claim=7&sentence=x")).cleaned_data == {"claim": 7, "sentence": None}


def test_source_search_strips_the_words():
    assert SourceSearchForm(query("q=%20%20Yusov%20")).cleaned_data["q"] == "Yusov"
    assert SourceSearchForm(query("")).cleaned_data["q"] == ""
