"""Compare sentence segmenters on the Golden Rules, the newsroom cases, and speed.

Run: .venv/bin/python bench/segmentation_bench.py

Candidates: claims.segmentation.split_sentences (ours), pySBD and sentencex (the
"bench" extras in pyproject.toml; skipped when not installed), and a naive regex
baseline showing what plain "split after . ! ? before a capital" gets.
Prints a Markdown table; docs/segmentation.md holds the figures we measured.
"""

import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from segmentation_cases import GOLDEN_RULES, NEWS_CASES, load_cases, score_cases  # noqa: E402

from claims.segmentation import split_sentences  # noqa: E402

MIN_SENTENCES = 5000


def spans_from_strings(text, sentences):
    """Map a library's sentence strings back to stripped [start, end) spans of text."""
    spans = []
    cursor = 0
    for sentence in sentences:
        stripped = sentence.strip()
        if not stripped:
            continue
        start = text.find(stripped, cursor)
        if start == -1:
            continue  # the library changed the text; the case will score as wrong
        spans.append((start, start + len(stripped)))
        cursor = start + len(stripped)
    return spans


def stripped_spans(text, spans):
    """Trim whitespace off (start, end) spans, dropping empty ones."""
    result = []
    for start, end in spans:
        piece = text[start:end]
        inner = piece.strip()
        if inner:
            s = start + piece.find(inner[0])
            result.append((s, s + len(inner)))
    return result


_NAIVE_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")


def naive_regex(text):
    """Baseline: split after . ! ? before a capital or digit, and at blank lines."""
    spans = []
    start = 0
    for m in _NAIVE_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return stripped_spans(text, spans)


def candidates():
    found = [("claims.segmentation.split_sentences (ours)", split_sentences)]
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed: skipped", file=sys.stderr)
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

        def pysbd_split(text):
            return stripped_spans(text, [(s.start, s.end) for s in segmenter.segment(text)])

        found.append((f"pySBD {pysbd.__version__ if hasattr(pysbd, '__version__') else ''}".strip(), pysbd_split))
    try:
        import sentencex
    except ImportError:
        print("sentencex not installed: skipped", file=sys.stderr)
    else:

        def sentencex_split(text):
            return spans_from_strings(text, sentencex.segment("en", text))

        found.append(("sentencex", sentencex_split))
    found.append(("naive regex baseline", naive_regex))
    return found


def speed_text(cases):
    """Realistic prose: every case as a paragraph, repeated to MIN_SENTENCES+."""
    one_pass = "\n\n".join(case["text"].strip() for case in cases)
    per_pass = sum(len(case["expected"]) for case in cases)
    repeats = -(-MIN_SENTENCES // per_pass)
    return "\n\n".join([one_pass] * repeats), per_pass * repeats


def sentences_per_second(split, text, sentences, budget=3.0):
    """Best of several runs, stopping once the time budget is spent."""
    best = None
    spent = 0.0
    while spent < budget or best is None:
        t0 = time.perf_counter()
        split(text)
        elapsed = time.perf_counter() - t0
        spent += elapsed
        best = elapsed if best is None else min(best, elapsed)
        if spent > budget / 3 and elapsed > budget / 3:
            break
    return sentences / best


def main():
    golden = load_cases(GOLDEN_RULES)
    news = load_cases(NEWS_CASES)
    text, sentences = speed_text(news + golden)
    rows = []
    misses = {}
    for name, split in candidates():
        g_right, g_fail = score_cases(split, golden)
        n_right, n_fail = score_cases(split, news)
        speed = sentences_per_second(split, text, sentences)
        rows.append((name, g_right, n_right, speed))
        misses[name] = (g_fail, n_fail)

    print(
        f"Speed text: {sentences:,} sentences, {len(text):,} characters "
        f"(news cases + Golden Rules as paragraphs, repeated); "
        f"Python {platform.python_version()}, best of several runs.\n"
    )
    print(
        f"| segmenter | Golden Rules exactly right (of {len(golden)}) "
        f"| news cases exactly right (of {len(news)}) | sentences/s |"
    )
    print("| --- | ---: | ---: | ---: |")
    for name, g_right, n_right, speed in rows:
        print(
            f"| {name} | {g_right} ({100 * g_right / len(golden):.1f}%) "
            f"| {n_right} ({100 * n_right / len(news):.1f}%) | {speed:,.0f} |"
        )

    print()
    for name, (g_fail, n_fail) in misses.items():
        golden_ids = ", ".join(str(case["id"]) for case, _ in g_fail) or "none"
        news_ids = ", ".join(str(case["id"]) for case, _ in n_fail) or "none"
        print(f"- {name}: missed Golden Rules {golden_ids}; missed news cases {news_ids}")

    ours_g, ours_n = misses[rows[0][0]]
    missed = {case["id"] for case, _ in ours_n}
    for split in sorted({case.get("split", "dev") for case in news}):
        cases = [case for case in news if case.get("split", "dev") == split]
        right = sum(case["id"] not in missed for case in cases)
        print(f"- ours on news split {split!r}: {right} of {len(cases)} ({100 * right / len(cases):.1f}%)")
    for case, got in ours_g + ours_n:
        print(f"\nours missed #{case['id']} {case['name']}\n  expected {case['expected']}\n  got      {got}")


if __name__ == "__main__":
    main()
