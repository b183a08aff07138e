"""What is not a claim: a call joined to it by "and" (urged, called on, asked), and, after a quotation, an
apposition or a place on the right of the cue."""

import pytest

from claims.attribution import suggest_attributions


@pytest.mark.parametrize(
    "text, claim",
    [
        ('The Freedom of Russia Legion claimed on Telegram that it was "returning home" to Russia and urged '
         "Russian citizens not to resist their arrival.", 'it was "returning home" to Russia'),
        ("The union said the talks had failed and called on members to strike on Monday.", "the talks had failed"),
        ("The mayor said the water was safe and asked residents to stay calm.", "the water was safe"),
    ],
)  # fmt: skip
def test_the_claim_stops_before_a_call(text, claim):
    (found,) = suggest_attributions(text)
    assert text[found.content_start : found.content_end] == claim


def test_a_call_inside_the_claim_stays_in_it():
    text = "A party source said several MPs had urged her to run."
    (found,) = suggest_attributions(text)
    assert text[found.content_start : found.content_end] == "several MPs had urged her to run"


@pytest.mark.parametrize(
    "text, claim, speaker",
    [
        ('"The port will reopen on Friday," Daniel Okafor claimed, the police commissioner.',
         "The port will reopen on Friday", "Daniel Okafor"),
        ('"We will rebuild the harbour," Marta Olenko said at the quayside.',
         "We will rebuild the harbour", "Marta Olenko"),
    ],
)  # fmt: skip
def test_after_a_quotation_an_apposition_or_a_place_is_not_the_claim(text, claim, speaker):
    (found,) = suggest_attributions(text)
    assert (text[found.content_start : found.content_end], found.source_text) == (claim, speaker)
