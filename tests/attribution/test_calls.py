"""A call joined to a claim by "and" (urged, called on, asked) is not part of what was claimed."""

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
