"""claims.attribution: the seed article, offsets, the evaluation set, speed.

No database: cd /work/main && .venv/bin/python -m pytest -q tests/test_attribution.py -p no:django --noconftest
"""

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from attribution_eval import load_passages, score, speed_text  # noqa: E402

from claims.attribution import Suggestion, suggest_attributions  # noqa: E402

SEED = (ROOT / "seeds" / "000_3ebd80acff131b37.txt").read_text(encoding="utf-8")
PASSAGES = load_passages()


@pytest.fixture(scope="module")
def seed():
    return SEED, suggest_attributions(SEED)


def claim_text(text, s):
    return text[s.content_start : s.content_end]


def find(text, suggestions, words):
    """The one suggestion whose claim contains words."""
    found = [s for s in suggestions if words in claim_text(text, s)]
    assert len(found) == 1, (words, [claim_text(text, s) for s in found])
    return found[0]


# --- The seed article ---------------------------------------------------------


def test_every_yusov_statement_resolves_to_the_full_name_in_sentence_one(seed):
    text, suggestions = seed
    first = text.index("Andrii Yusov")
    yusov = [s for s in suggestions if s.source_text == "Andrii Yusov"]
    assert [s.mention_text for s in yusov] == [
        "spokesperson for Ukraine's military intelligence Andrii Yusov",
        "Yusov",
        "the intelligence official",
    ]
    for s in yusov:
        assert (s.source_start, s.source_end) == (first, first + len("Andrii Yusov"))
        assert s.source_kind == "person"
        assert s.role_text == "spokesperson for Ukraine's military intelligence"


def test_seed_channels_are_the_outlets_and_platforms(seed):
    text, suggestions = seed
    assert find(text, suggestions, "Armed Russian anti-government groups").channel_text == "Suspilne"
    assert find(text, suggestions, "Russian shelling of Ukrainian border oblasts").channel_text == "Hromadske"
    assert find(text, suggestions, "returning home").channel_text == "Telegram"
    assert find(text, suggestions, "Vladimir Putin had already been informed").channel_text == "TASS"
    assert find(text, suggestions, "to liberate these territories").channel_text is None


def test_the_group_resolves_to_the_most_recent_group(seed):
    text, suggestions = seed
    video = find(text, suggestions, "their group's activities")
    assert video.source_text == "Russian Volunteer Corps"
    assert video.mention_text == "The group"
    assert video.cue_text == "purporting to show"
    assert video.channel_text == "video"
    assert video.hedged
    reported = find(text, suggestions, "capturing the settlements")
    assert reported.source_text == "Freedom of Russia Legion"
    assert reported.mention_text == "the group"


def test_seed_organisations_governor_and_kremlin(seed):
    text, suggestions = seed
    assert find(text, suggestions, "its members conducted combat").source_text == "Russian Volunteer Corps"
    gladkov = [s for s in suggestions if s.source_text == "Vyacheslav Gladkov"]
    assert [s.cue_text for s in gladkov] == ["claimed", "saying"]
    assert gladkov[0].role_text == "Belgorod Oblast Governor"
    assert claim_text(text, gladkov[0]) == "attacks on several settlements in his region"
    assert gladkov[1].hedged  # "had allegedly entered"
    peskov = [s for s in suggestions if s.source_text == "Dmitry Peskov"]
    assert [s.mention_text for s in peskov] == ["The Kremlin spokesperson Dmitry Peskov", "Peskov"]
    assert peskov[0].role_text == "Kremlin spokesperson"
    kyiv = find(text, suggestions, "any connection to the group's operations")
    assert (kyiv.source_text, kyiv.source_kind, kyiv.cue_text) == ("Kyiv", "organisation", "denied")


def test_seed_hedges_and_the_nested_claim(seed):
    text, suggestions = seed
    assert find(text, suggestions, "Armed Russian anti-government groups").hedged  # allegedly
    assert find(text, suggestions, "to have conducted attacks on Bryansk").hedged  # claimed to
    soldiers = find(text, suggestions, "to have switched sides")
    assert soldiers.nested and soldiers.hedged
    assert soldiers.source_kind == "anonymous"
    assert soldiers.source_text == "a unit of Russian soldiers"
    assert not any(s.nested for s in suggestions if s is not soldiers)


def test_no_suggestion_on_unsourced_narration(seed):
    text, suggestions = seed
    # The scraped header line and the narration around the nested claim carry no claim.
    header_end = text.index("\n")
    assert all(s.content_start > header_end for s in suggestions)
    assert not any("was founded by" in claim_text(text, s) for s in suggestions)
    for narration in (
        "The Freedom of Russia Legion was founded by a unit of Russian soldiers.",
        "Russian shelling of Ukrainian border oblasts has recently increased.",
        "Heavy rain flooded parts of the old town overnight. All told, 200 homes were damaged.",
        "Liverpool claimed the title on Sunday. Substitute Oscar Bobb added a third late on.",
        "The company posted a net loss of €41 million. The reported figures were revised.",
        "The company did not say how much it would invest. Volkswagen declined to comment.",
    ):
        assert suggest_attributions(narration) == [], narration


def test_seed_suggestions_are_sorted_and_complete(seed):
    text, suggestions = seed
    assert [s.content_start for s in suggestions] == sorted(s.content_start for s in suggestions)
    assert len(suggestions) == 15


# --- Shapes beyond the seed -----------------------------------------------------


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


def test_anonymous_sources_and_their_back_reference():
    text = (
        "The talks have stalled, people familiar with the matter said. "
        "A deal is unlikely this year, the people said."
    )
    first, second = suggest_attributions(text)
    assert first.source_kind == second.source_kind == "anonymous"
    assert first.source_text == second.source_text == "people familiar with the matter"
    assert second.mention_text == "the people"


def test_according_to_and_intermediary_channels():
    text = "According to police, the driver lost control. Lavrov said talks were possible, according to the RIA Novosti news agency."
    police, lavrov = suggest_attributions(text)
    assert (police.source_text, police.cue_text, claim_text(text, police)) == (
        "police", "According to", "the driver lost control"
    )
    assert lavrov.channel_text == "RIA Novosti"
    assert claim_text(text, lavrov) == "talks were possible"


def test_pronoun_resolves_to_the_last_speaker():
    text = "Health Minister Mónica García told Cadena SER radio that rates had fallen. “We have to act now,” she added."
    told, added = suggest_attributions(text)
    assert told.channel_text == "Cadena SER"
    assert added.source_text == "Mónica García" and added.mention_text == "she"


def test_names_introduced_in_apposition_are_remembered():
    text = (
        "The supplier, Halvorsen Kitchens, cancelled the festival order. "
        "\"Our ovens failed the safety check,\" the firm said on Friday. "
        "Ines Duarte, the festival director, blamed the heatwave. The director said tickets would be refunded."
    )
    firm, director = suggest_attributions(text)
    assert firm.mention_text == "the firm" and firm.source_text == "Halvorsen Kitchens"
    assert firm.source_kind == "organisation"
    assert text[firm.source_start : firm.source_end] == "Halvorsen Kitchens"
    assert text.index("Halvorsen Kitchens") == firm.source_start
    assert director.mention_text == "The director" and director.source_text == "Ines Duarte"
    assert director.source_kind == "person"


# --- Invariants over the whole evaluation set -------------------------------------


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_offsets_index_the_text_exactly(passage):
    text = passage["text"]
    suggestions = suggest_attributions(text)
    assert all(isinstance(s, Suggestion) for s in suggestions)
    assert [(s.content_start, s.content_end) for s in suggestions] == sorted(
        (s.content_start, s.content_end) for s in suggestions
    )
    for s in suggestions:
        assert s.sentence_start <= s.content_start < s.content_end <= s.sentence_end
        content = text[s.content_start : s.content_end]
        assert content == content.strip() and content
        assert text[s.source_start : s.source_end] == s.source_text
        assert text[s.mention_start : s.mention_end] == s.mention_text
        assert text[s.cue_start : s.cue_end] == s.cue_text
        if s.channel_text is None:
            assert s.channel_start is None and s.channel_end is None
        else:
            assert text[s.channel_start : s.channel_end] == s.channel_text
        assert s.source_kind in ("person", "organisation", "anonymous")
        assert 0.0 < s.confidence <= 1.0


def test_evaluation_set_meets_the_targets():
    result = score(PASSAGES)
    assert result["passages"] >= 40
    assert result["f1"] >= 0.85
    assert result["speaker_accuracy"] >= 0.90
    assert result["negative_false_positives"] == 0


def test_evaluation_set_has_enough_negatives_and_the_seed():
    assert sum(1 for p in PASSAGES if not p["gold"]) >= 8
    assert any(p["text"] == SEED for p in PASSAGES)


# --- Speed ------------------------------------------------------------------------


def test_five_thousand_sentences_take_well_under_two_seconds():
    text, sentences = speed_text()
    assert sentences >= 5000
    t0 = time.perf_counter()
    suggest_attributions(text)
    assert time.perf_counter() - t0 < 2.0


def test_degenerate_input_stays_linear():
    t0 = time.perf_counter()
    suggest_attributions("Yusov said, " * 2000 + '"' * 3000 + "Officials said that " * 1000)
    assert time.perf_counter() - t0 < 1.0
