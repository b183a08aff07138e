"""claims.attribution.quotes: a quotation over several sentences belongs to one speaker."""

from claims.attribution import suggest_attributions
from tests.attribution.helpers import claim_text


def test_quote_over_several_sentences_belongs_to_one_speaker():
    text = (
        '"We have found no evidence of wrongdoing. The accounts were in order," said Hanna Virtanen, '
        "the lead auditor. The club welcomed the findings."
    )
    suggestions = suggest_attributions(text)
    assert [claim_text(text, s) for s in suggestions] == [
        "We have found no evidence of wrongdoing",
        "The accounts were in order",
    ]
    assert {s.source_text for s in suggestions} == {"Hanna Virtanen"}
    assert suggestions[1].role_text == "the lead auditor"
