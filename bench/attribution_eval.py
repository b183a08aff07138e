"""Score claims.attribution.suggest_attributions on tests/data/attribution_eval.json, and time it.

Run: .venv/bin/python bench/attribution_eval.py [--verbose]

Passages carry a split: "dev" (written before any rule), then "heldout", "fresh" and
"fresh2", each written and scored once before the rules were tuned on it (docs/attribution.md
keeps those first-run figures); the figures are printed overall and per split.

A suggestion matches a gold claim when their character spans overlap by at least
half of their union (character Jaccard >= 0.5); each gold claim matches at most
one suggestion, best overlap first. Exact matches have the same start and end.
Speaker and channel accuracy are counted on matched pairs, comparing names
with claims.names.normalise_name (so "the group" must have been resolved
to "Freedom of Russia Legion" to count). tests/attribution/test_pipeline.py calls
score() from here; docs/attribution.md records the figures.
"""

import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.attribution import suggest_attributions  # noqa: E402
from claims.names import normalise_name  # noqa: E402
from claims.segmentation import split_sentences  # noqa: E402

EVAL_PATH = ROOT / "tests" / "data" / "attribution_eval.json"
MIN_OVERLAP = 0.5
SPEED_SENTENCES = 5000


def load_passages(path=EVAL_PATH):
    """The passages, each gold claim given its (start, end) offsets into the passage text."""
    passages = json.loads(Path(path).read_text(encoding="utf-8"))["passages"]
    for passage in passages:
        for gold in passage["gold"]:
            start = passage["text"].find(gold["content"])
            if start < 0:
                raise ValueError(f"{passage['id']}: gold content not in text: {gold['content']!r}")
            gold["start"], gold["end"] = start, start + len(gold["content"])
    return passages


def overlap(a_start, a_end, b_start, b_end):
    """Characters shared by two spans, as a share of their union."""
    inter = min(a_end, b_end) - max(a_start, b_start)
    if inter <= 0:
        return 0.0
    return inter / (max(a_end, b_end) - min(a_start, b_start))


def same_name(a, b):
    if a is None or b is None:
        return a is None and b is None
    return normalise_name(a) == normalise_name(b)


def match_passage(gold_items, suggestions):
    """Pairs (gold, suggestion) matched one to one, best overlap first."""
    candidates = []
    for gi, gold in enumerate(gold_items):
        for si, sug in enumerate(suggestions):
            score = overlap(gold["start"], gold["end"], sug.content_start, sug.content_end)
            if score >= MIN_OVERLAP:
                candidates.append((score, gi, si))
    candidates.sort(reverse=True)
    used_g, used_s, pairs = set(), set(), []
    for _, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold_items[gi], suggestions[si]))
    return pairs


def score(passages=None, suggest=suggest_attributions):
    """Precision, recall, F1 (overlap and exact), speaker, channel and cue accuracy, with per-passage misses."""
    if passages is None:
        passages = load_passages()
    n_gold = n_pred = n_match = n_exact = n_speaker = n_channel = n_cue = 0
    negative_fp = 0
    misses = []
    by_kind = {}  # gold kind (split fresh3 names each): [gold, matched, speaker right]
    for passage in passages:
        text = passage["text"]
        suggestions = suggest(text, passage.get("language", "en"))
        pairs = match_passage(passage["gold"], suggestions)
        n_gold += len(passage["gold"])
        n_pred += len(suggestions)
        n_match += len(pairs)
        if not passage["gold"]:
            negative_fp += len(suggestions)
        for gold in passage["gold"]:
            by_kind.setdefault(gold.get("kind", "-"), [0, 0, 0])[0] += 1
        for gold, sug in pairs:
            tally = by_kind[gold.get("kind", "-")]
            tally[1] += 1
            tally[2] += same_name(sug.source_text, gold["source"])
        matched_gold = {id(g) for g, _ in pairs}
        matched_sug = {id(s) for _, s in pairs}
        problems = []
        for gold, sug in pairs:
            exact = (gold["start"], gold["end"]) == (sug.content_start, sug.content_end)
            n_exact += exact
            speaker_ok = same_name(sug.source_text, gold["source"])
            channel_ok = same_name(sug.channel_text, gold["channel"])
            cue_ok = normalise_name(gold["cue"]) in normalise_name(sug.cue_text)
            n_speaker += speaker_ok
            n_channel += channel_ok
            n_cue += cue_ok
            if not exact:
                problems.append(
                    f"  span     gold {gold['content']!r}\n"
                    f"           got  {text[sug.content_start : sug.content_end]!r}"
                )
            if not speaker_ok:
                problems.append(
                    f"  speaker  gold {gold['source']!r} got {sug.source_text!r} (mention {sug.mention_text!r})"
                )
            if not channel_ok:
                problems.append(
                    f"  channel  gold {gold['channel']!r} got {sug.channel_text!r}  [{gold['content'][:50]!r}]"
                )
            if not cue_ok:
                problems.append(f"  cue      gold {gold['cue']!r} got {sug.cue_text!r}")
        for gold in passage["gold"]:
            if id(gold) not in matched_gold:
                problems.append(f"  MISSED   {gold['content']!r} ({gold['source']}, {gold['cue']})")
        for sug in suggestions:
            if id(sug) not in matched_sug:
                problems.append(
                    f"  EXTRA    {text[sug.content_start : sug.content_end]!r} ({sug.source_text}, {sug.cue_text})"
                )
        if problems:
            misses.append((passage["id"], problems))
    precision = n_match / n_pred if n_pred else 1.0
    recall = n_match / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact_p = n_exact / n_pred if n_pred else 1.0
    exact_r = n_exact / n_gold if n_gold else 1.0
    exact_f1 = 2 * exact_p * exact_r / (exact_p + exact_r) if exact_p + exact_r else 0.0
    return {
        "passages": len(passages),
        "gold": n_gold,
        "suggested": n_pred,
        "matched": n_match,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact_f1": exact_f1,
        "speaker_accuracy": n_speaker / n_match if n_match else 0.0,
        "channel_accuracy": n_channel / n_match if n_match else 0.0,
        "cue_accuracy": n_cue / n_match if n_match else 0.0,
        "negative_false_positives": negative_fp,
        "misses": misses,
        "by_kind": by_kind,
    }


def speed_text(passages=None, min_sentences=SPEED_SENTENCES):
    """The passages as paragraphs, in order and again from the first, until they hold min_sentences sentences."""
    if passages is None:
        passages = load_passages()
    paragraphs, chosen, count = itertools.cycle([p["text"] for p in passages]), [], 0
    while count < min_sentences:  # counted on the joined text: a paragraph's last sentence may join the next
        chosen.append(next(paragraphs))
        if len(chosen) % 50 == 0 or count + 50 >= min_sentences:
            count = len(split_sentences("\n\n".join(chosen)))
    text = "\n\n".join(chosen)
    return text, count


def measure_speed(repeats=3):
    text, sentences = speed_text()
    best = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        suggest_attributions(text)
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    return sentences, len(text), best


def main(argv):
    verbose = "--verbose" in argv or "-v" in argv
    result = score()
    print(
        f"passages {result['passages']}, gold claims {result['gold']}, suggestions {result['suggested']}, "
        f"matched {result['matched']} (character overlap >= {MIN_OVERLAP:.0%} of the union)"
    )
    print(f"span precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}")
    print(f"exact-span F1 {result['exact_f1']:.3f}")
    print(
        f"speaker accuracy on matched {result['speaker_accuracy']:.3f}  "
        f"channel accuracy {result['channel_accuracy']:.3f}  cue accuracy {result['cue_accuracy']:.3f}"
    )
    print(f"suggestions on negative passages: {result['negative_false_positives']}")
    by_split = {}
    for passage in load_passages():
        by_split.setdefault(passage.get("split", "dev"), []).append(passage)
    print("\nby split   passages  gold  precision  recall     F1  exact F1  speaker  channel")
    for name, passages in by_split.items():
        r = score(passages)
        print(
            f"{name:9} {r['passages']:9} {r['gold']:5} {r['precision']:10.3f} {r['recall']:7.3f} {r['f1']:6.3f} "
            f"{r['exact_f1']:9.3f} {r['speaker_accuracy']:8.3f} {r['channel_accuracy']:8.3f}"
        )
    kinds = {kind: tally for kind, tally in result["by_kind"].items() if kind != "-"}
    if kinds:
        print("\nby kind of claim (fresh3 on)        gold  recall  speaker")
        for kind, (gold, matched, speaker) in sorted(kinds.items()):
            print(f"{kind:32} {gold:5} {matched / gold:7.2f} {speaker / matched if matched else 0:8.2f}")
    sentences, chars, seconds = measure_speed()
    print(
        f"speed: {sentences} sentences ({chars} characters) in {seconds:.3f} s = {sentences / seconds:,.0f} sentences/s"
    )
    if verbose:
        for pid, problems in result["misses"]:
            print(f"\n[{pid}]")
            print("\n".join(problems))


if __name__ == "__main__":
    main(sys.argv[1:])
