"""claims.matching.rank_similar on tests/data/matching_eval.json: restated claims among look-alikes (another
number, date, negation, place, party, object or direction), and queries nothing should match. Prints
recall@1 and MRR (queries with a restatement), the share of no-match queries that surface anything, the
share of queries whose top result is a look-alike, the time per query over its pool, and one query against
10,000 stored claims.

Run: .venv/bin/python bench/matching_eval.py
"""

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.matching import rank_similar  # noqa: E402

DATA = ROOT / "tests" / "data" / "matching_eval.json"


def evaluate(items):
    """The figures, and each query's outcome ("hit", "missed", "look-alike first", "quiet", "surfaced")."""
    hits, reciprocal, lookalike_first, surfaced, times, outcomes = 0, [], 0, 0, [], []
    shuffle = random.Random(20261201)
    matched_queries = [item for item in items if any(c["kind"] == "restatement" for c in item["candidates"])]
    for item in items:
        candidates = list(item["candidates"])
        shuffle.shuffle(candidates)  # the data lists restatements first; the ranking must not know
        started = time.perf_counter()
        ranked = rank_similar(item["query"], [candidate["text"] for candidate in candidates])
        times.append(time.perf_counter() - started)
        kinds = [candidates[index]["kind"] for index, _ in ranked]
        if kinds and kinds[0] == "lookalike":
            lookalike_first += 1
        if item in matched_queries:
            rank = next((position for position, kind in enumerate(kinds, 1) if kind == "restatement"), None)
            hits += rank == 1
            reciprocal.append(1 / rank if rank else 0.0)
            outcome = "hit" if rank == 1 else "look-alike first" if kinds else "missed"
        else:
            surfaced += bool(ranked)
            outcome = "surfaced" if ranked else "quiet"
        outcomes.append((outcome, item["query"], [candidates[index]["text"] for index, _ in ranked[:1]]))
    no_match = len(items) - len(matched_queries)
    figures = {
        "queries": len(items),
        "recall@1": hits / len(matched_queries),
        "MRR": statistics.mean(reciprocal),
        "no-match surfacing anything": surfaced / no_match if no_match else 0.0,
        "look-alike first": lookalike_first / len(items),
        "ms per query (pool)": 1000 * statistics.median(times),
    }
    return figures, outcomes


def stored_claims_latency(items, count=10_000):
    """One query against `count` stored claims (the set's texts, each a few times with its own detail)."""
    texts = [candidate["text"] for item in items for candidate in item["candidates"]]
    stored = [f"{texts[k % len(texts)]} (report {k})" for k in range(count)]
    rank_similar(items[0]["query"], stored)  # the stored claims are read once, as the workbench keeps them
    times = []
    for item in items[:20]:
        started = time.perf_counter()
        rank_similar(item["query"], stored)
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main():
    items = json.loads(DATA.read_text())["items"]
    figures, outcomes = evaluate(items)
    figures["ms per query (10,000 stored claims)"] = stored_claims_latency(items)
    print(f"\nclaims.matching.rank_similar on {DATA.relative_to(ROOT)}\n")
    print("| " + " | ".join(figures) + " |")
    print("|" + " ---: |" * len(figures))
    print(
        "| "
        + " | ".join(f"{value:.2f}" if isinstance(value, float) else str(value) for value in figures.values())
        + " |"
    )
    for split in sorted({item.get("split", "dev") for item in items}):
        part, _ = evaluate([item for item in items if item.get("split", "dev") == split])
        shown = ", ".join(f"{name} {value:.2f}" for name, value in part.items() if name != "ms per query (pool)")
        print(f"- split {split}: {shown}")
    misses = [outcome for outcome in outcomes if outcome[0] not in ("hit", "quiet")]
    for outcome, query, top in misses[: int(sys.argv[1]) if len(sys.argv) > 1 else 8]:
        print(f"  {outcome}: {query!r} -> {top}")


if __name__ == "__main__":
    main()
