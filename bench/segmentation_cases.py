"""The segmentation case sets and the one scoring rule, shared by the bench and the tests.

A case is {"id", "name", "text", "expected": [sentence, ...]}. It is exactly right when
[text[s:e] for s, e in split(text)] == expected. Cases flagged "normalize_whitespace"
(Golden Rules 40 and 41, whose source output replaces a line break with a space) are
compared after collapsing whitespace inside each sentence.
"""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
GOLDEN_RULES = DATA_DIR / "golden_rules_en.json"
NEWS_CASES = DATA_DIR / "news_segmentation_cases.json"


def load_cases(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _normalize(sentences):
    return [" ".join(s.split()) for s in sentences]


def case_result(split, case):
    """Return (exactly_right, got_sentences) for one case."""
    text = case["text"]
    got = [text[s:e] for s, e in split(text)]
    expected = case["expected"]
    if case.get("normalize_whitespace"):
        return _normalize(got) == _normalize(expected), got
    return got == expected, got


def score_cases(split, cases):
    """Return (number exactly right, list of failures as (case, got))."""
    right = 0
    failures = []
    for case in cases:
        ok, got = case_result(split, case)
        if ok:
            right += 1
        else:
            failures.append((case, got))
    return right, failures
