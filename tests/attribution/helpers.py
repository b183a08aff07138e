"""Shared by the attribution tests: the seed article and finding a candidate by the words of its claim."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "000_3ebd80acff131b37.txt").read_text(encoding="utf-8")


def claim_text(text, s):
    return text[s.content_start : s.content_end]


def find(text, suggestions, words):
    """The one suggestion whose claim contains words."""
    found = [s for s in suggestions if words in claim_text(text, s)]
    assert len(found) == 1, (words, [claim_text(text, s) for s in found])
    return found[0]
