"""claims.attribution.channels: outlets, platforms and intermediaries, else the medium."""

import pytest

from claims.attribution import suggest_attributions
from tests.attribution.helpers import claim_text, find


def test_seed_channels_are_the_outlets_and_platforms(seed):
    text, suggestions = seed
    assert find(text, suggestions, "Armed Russian anti-government groups").channel_text == "Suspilne"
    assert find(text, suggestions, "Russian shelling of Ukrainian border oblasts").channel_text == "Hromadske"
    assert find(text, suggestions, "returning home").channel_text == "Telegram"
    assert find(text, suggestions, "Vladimir Putin had already been informed").channel_text == "TASS"
    assert find(text, suggestions, "to liberate these territories").channel_text is None


def test_according_to_and_intermediary_channels():
    text = (
        "According to police, the driver lost control. "
        "Lavrov said talks were possible, according to the RIA Novosti news agency."
    )
    police, lavrov = suggest_attributions(text)
    assert (police.source_text, police.cue_text, claim_text(text, police)) == (
        "police",
        "According to",
        "the driver lost control",
    )
    assert lavrov.channel_text == "RIA Novosti"
    assert claim_text(text, lavrov) == "talks were possible"


def test_a_news_conference_and_an_outlet_named_after_what_it_covers():
    text = (
        "The authority missed its target. Director Heng Ratana told a news conference that the country would "
        "miss its deadline. Driver Anna Kowalska told the sports channel Polsport that she wanted to race."
    )
    assert [s.channel_text for s in suggest_attributions(text)] == ["news conference", "Polsport"]


def test_a_broadcaster_s_adjective_and_an_open_letter_belong_to_the_channel():
    text = (
        "The health minister said on national radio that most cases were in children. Pharmacists said in "
        "an open letter that patients were skipping their medicines."
    )
    assert [s.channel_text for s in suggest_attributions(text)] == ["national radio", "open letter"]


def test_a_number_inside_an_outlet_s_name_and_a_court_filing():
    text = (
        "An executive told the newspaper Il Sole 24 Ore that a bidder had dropped out. The company said in a "
        "court filing that the land had been sold lawfully."
    )
    assert [s.channel_text for s in suggest_attributions(text)] == ["Il Sole 24 Ore", "court filing"]


def test_an_inner_claim_does_not_take_the_outer_claim_s_channel():
    text = (
        "The prosecution service said in a statement that a former employee had told inspectors that the "
        "company relabelled rejected bulbs."
    )
    assert [(s.source_text, s.channel_text) for s in suggest_attributions(text)] == [
        ("The prosecution service", "statement"),
        ("a former employee", None),
    ]


def test_a_medium_posted_before_the_speaker_is_still_the_channel():
    text = "In a video posted on YouTube on Monday, Emre Aydın said the exchange had been the victim of a hack."
    (said,) = suggest_attributions(text)
    assert said.channel_text == "YouTube"


@pytest.mark.parametrize(
    ("sentence", "claim", "channel"),
    [
        ("Exports would not be limited, the minister told TV 2.", "Exports would not be limited", "TV 2"),
        ("The mayor told 24 Horas that the dam held.", "the dam held", "24 Horas"),
        ("Amber sold for 2 euros a gram, a trader told 15min.", "Amber sold for 2 euros a gram", "15min"),
        ("Prices would rise, Al-Habsi told the Times of Oman.", "Prices would rise", "Times of Oman"),
        ("The harvest was poor, a grower told the Tamil-language daily Virakesari.", "The harvest was poor",
         "Virakesari"),
        # a number after the outlet opens the claim
        ("The mayor told AFP 12 people were hurt.", "12 people were hurt", "AFP"),
    ],
)  # fmt: skip
def test_numbers_and_of_in_an_outlet_s_name(sentence, claim, channel):
    (found,) = suggest_attributions(sentence)
    assert (claim_text(sentence, found), found.channel_text) == (claim, channel)


def test_a_medium_to_its_recipients_before_that():
    text = "Analyst Mary Abernathy wrote in a note to clients that start-up problems were common."
    (claim,) = suggest_attributions(text)
    assert (claim_text(text, claim), claim.channel_text) == ("start-up problems were common", "note")


@pytest.mark.parametrize(
    "text, claim, channel",
    [
        ("According to the Seoul Air Quality Bureau, the city had 41 such days.", "the city had 41 such days", None),
        ("The council said in an opinion last month that the law might breach EU rules.",
         "the law might breach EU rules", "opinion"),
        ("Aibek Sadyrov told the 24.kg news agency that the count would be checked.", "the count would be checked",
         "24.kg"),
        ("The surgeon said the infections came from a unit that staff had reported in January.",
         "the infections came from a unit that staff had reported in January", None),
    ],
)  # fmt: skip
def test_round_twenty_seven_channels(text, claim, channel):
    (found,) = suggest_attributions(text)
    assert (text[found.content_start : found.content_end], found.channel_text) == (claim, channel)
