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


def test_a_quotation_resumed_after_an_inverted_speaker_is_a_second_claim():
    text = (
        "“We ride 14 hours a day in the heat,” said delivery riders' union leader Naushad Momin-Kureshi, "
        "“and our pay per order has not gone up in three years.”"
    )
    assert [(claim_text(text, s), s.source_text) for s in suggest_attributions(text)] == [
        ("We ride 14 hours a day in the heat", "Naushad Momin-Kureshi"),
        ("and our pay per order has not gone up in three years", "Naushad Momin-Kureshi"),
    ]
    # a speaker's apposition between the two parts
    text = "“My trees are old,” said Lindita Bregasi, a grower in Vlorë, “but they still give more oil.”"
    claims = [claim_text(text, s) for s in suggest_attributions(text)]
    assert claims == ["My trees are old", "but they still give more oil"]


def test_a_quotation_resumed_after_the_speaker_s_age_and_relative_clause():
    text = (
        "“My grandfather planted these palms,” said Zohra Mabrouki-Hamdi, 63, who owns an oasis garden near "
        "Nefta, “and now there is not enough water to keep them alive.”"
    )
    claims = [claim_text(text, s) for s in suggest_attributions(text)]
    assert claims == ["My grandfather planted these palms", "and now there is not enough water to keep them alive"]
