"""Suggestions for a long article, end to end: claims.suggesting.suggest_claims on an imported article of
5,000 sentences of wire-news style (the attribution evaluation's passages, repeated), finding the
attributions and saving them as Suggestion rows; best of three, on the database of the environment
(DATABASE_URL; SQLite by default), in a test database of its own, DEBUG off. Issue 15 asks for < 2 s.

Run: .venv/bin/python bench/suggestions_bench.py
"""

import time

from django_setup import run_in_test_database

SENTENCES = 5000


def main():
    run_in_test_database(measure, name="suggestions-bench")


def measure():
    from attribution_eval import speed_text
    from django.db import connection

    from claims.importing.metadata import Metadata
    from claims.importing.pipeline import import_article
    from claims.suggesting import suggest_claims

    text, sentences = speed_text(min_sentences=SENTENCES)
    times = []
    for run in range(3):
        article = import_article(text.encode(), fmt="text", meta=Metadata(title=f"Suggestions bench {run}"))
        started = time.perf_counter()
        made = suggest_claims(article)
        times.append(time.perf_counter() - started)
    print(
        f"\nSuggestions for one article ({connection.vendor}): {article.sentences.count():,} sentences, "
        f"{made:,} suggestions saved, best of 3 {min(times):.2f} s (median {sorted(times)[1]:.2f} s)"
    )


if __name__ == "__main__":
    main()
