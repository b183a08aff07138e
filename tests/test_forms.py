"""Forms over values people edit by hand: what does not parse is ignored, the rest still applies; the
claim form's speaker: an existing source, or a new one only when asked for."""

import pytest
from django.http import QueryDict

from claims.forms import ClaimForm, LabelSelectionForm, MarkForm, VersionForm
from claims.models import EditRefused, Source
from tests.factories import create_article, create_claim, create_source


def query(text):
    return QueryDict(text)


def test_an_unreadable_version_never_matches_a_claim():
    assert VersionForm(query("version=3")).cleaned_data["version"] == 3
    assert VersionForm(query("version=three")).cleaned_data["version"] == 0


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


# The claim form's speaker


@pytest.fixture
def claim(sentence):
    return create_claim(sentence=sentence)


def claim_form(claim, **speaker):
    data = {"version": claim.version, "speaker_is": "existing"}
    data.update(speaker)
    form = ClaimForm(data, claim=claim)
    form.is_valid()
    return form


def test_an_unknown_name_is_refused_and_the_choice_of_a_new_source_offered(claim):
    form = claim_form(claim, speaker="Olena  Petrenko")
    assert form.errors["speaker"] == [
        "No source is called “Olena Petrenko” yet. Check the spelling, or choose below what kind of source to add."
    ]
    assert form.offers_new_source


def test_a_new_source_has_the_kind_chosen_and_waits_for_save(claim):
    form = claim_form(
        claim,
        speaker=" Russian Volunteer Corps ",
        speaker_is="organisation",
        new_role="armed group",
        new_affiliation="",
    )
    source = form.cleaned_data["source"]
    assert (source.pk, source.name, source.kind, source.role) == (
        None,
        "Russian Volunteer Corps",
        "organisation",
        "armed group",
    )
    assert form.offers_new_source and Source.objects.count() == 0


def test_a_namesake_of_an_existing_source_is_created_when_asked_for(claim):
    existing = create_source(name="Andrii Yusov")
    assert claim_form(claim, speaker="Andrii Yusov").cleaned_data["source"] == existing
    assert claim_form(claim, speaker="Andrii Yusov", speaker_is="person").cleaned_data["source"].pk is None


def test_an_existing_source_ignores_the_new_source_fields(claim):
    existing = create_source(name="Andrii Yusov", role="spokesperson")
    form = claim_form(claim, speaker="andrii yusov", new_role="minister")
    assert form.cleaned_data["source"] == existing and not form.offers_new_source


def test_several_sources_of_the_name_are_refused_and_a_namesake_offered(claim):
    create_source(name="Kyiv")
    create_source(name="Kyiv", kind=Source.Kind.ORGANISATION)
    form = claim_form(claim, speaker="Kyiv")
    assert "Several sources are called “Kyiv”" in form.errors["speaker"][0] and form.offers_new_source


def test_a_new_source_needs_a_name(claim):
    form = claim_form(claim, speaker=" ", speaker_is="organisation")
    assert form.errors["speaker"] == ["Type the name of the new organisation."]


def test_a_name_typed_over_the_picked_source_is_looked_up(claim):
    # Without JavaScript the hidden id keeps the claim's source while the editor types another name.
    yusov, peskov = create_source(name="Andrii Yusov"), create_source(name="Dmitry Peskov")
    assert claim_form(claim, speaker="Andrii Yusov", speaker_id=yusov.pk).cleaned_data["source"] == yusov
    assert claim_form(claim, speaker="Dmitry Peskov", speaker_id=yusov.pk).cleaned_data["source"] == peskov
    form = claim_form(claim, speaker="Olena Petrenko", speaker_id=yusov.pk)
    assert "No source is called “Olena Petrenko” yet" in form.errors["speaker"][0]


def test_the_choice_is_offered_only_when_it_matters(claim):
    assert not ClaimForm.for_claim(claim).offers_new_source
    assert not claim_form(claim, speaker="").offers_new_source
    form = claim_form(claim, speaker="Andrii Yusov", speaker_is="sometimes")
    assert form.has_error("speaker_is") and form.offers_new_source
