"""claims.attribution.candidates: the hedged and nested flags of a candidate."""

from tests.attribution.helpers import find


def test_seed_hedges_and_the_nested_claim(seed):
    text, suggestions = seed
    assert find(text, suggestions, "Armed Russian anti-government groups").hedged  # allegedly
    assert find(text, suggestions, "to have conducted attacks on Bryansk").hedged  # claimed to
    soldiers = find(text, suggestions, "to have switched sides")
    assert soldiers.nested and soldiers.hedged
    assert soldiers.source_kind == "anonymous"
    assert soldiers.source_text == "a unit of Russian soldiers"
    assert not any(s.nested for s in suggestions if s is not soldiers)
