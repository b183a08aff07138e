"""claims.attribution.suggest_attributions as a whole: order, offsets, the evaluation set, speed."""

import pytest
from attribution_eval import load_passages, score, speed_text  # bench/, on the path from conftest.py

from claims.attribution import AttributionCandidate, suggest_attributions
from tests.attribution.helpers import SEED
from tests.growth import growth

PASSAGES = load_passages()


def test_seed_suggestions_are_sorted_and_complete(seed):
    _, suggestions = seed
    assert [s.content_start for s in suggestions] == sorted(s.content_start for s in suggestions)
    assert len(suggestions) == 15


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_offsets_index_the_text_exactly(passage):
    text = passage["text"]
    suggestions = suggest_attributions(text)
    assert all(isinstance(s, AttributionCandidate) for s in suggestions)
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


def test_five_thousand_sentences_cost_about_four_times_what_a_quarter_of_them_does():
    # Their speed is bench/suggestions_bench.py's figure; here, that the work grows with the text alone.
    text, sentences = speed_text()
    assert sentences >= 5000
    quarter = text[: text.index("\n\n", len(text) // 4)]
    assert len(suggest_attributions(text)) > 3 * len(suggest_attributions(quarter))
    assert growth(suggest_attributions, quarter, text) < 8  # 4 when linear; 16 when quadratic


def test_degenerate_input_stays_linear():
    def degenerate(n):
        return "Yusov said, " * 2 * n + '"' * 3 * n + "Officials said that " * n

    assert growth(lambda n: suggest_attributions(degenerate(n)), 250, 1000) < 8
