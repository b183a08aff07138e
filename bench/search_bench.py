"""Search at a newsroom's size: 20 articles of 5,000 sentences with a claim on every sentence (100,000
claims), some with a rationale; the time of a search for a rare word, a common one and a speaker's alias
(median of 11), with its query count. On the database of the environment (DATABASE_URL; SQLite by
default), in a test database of its own, DEBUG off.

Run: .venv/bin/python bench/search_bench.py
"""

import statistics
import time

from django_setup import run_in_test_database

ARTICLES, SENTENCES = 20, 5000


def main():
    run_in_test_database(measure, name="search-bench")


def measure():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from workspace_bench import article_text

    from claims.importing.metadata import Metadata
    from claims.importing.pipeline import import_article
    from claims.models import Claim, Label, Source, SourceAlias
    from claims.search import search

    editor = get_user_model().objects.create_user("bench-editor")
    speakers = [Source.objects.create(name=f"Speaker {k}") for k in range(50)]
    SourceAlias.objects.create(source=speakers[7], name="the harbour master")
    for n in range(ARTICLES):
        article = import_article(article_text(SENTENCES).encode(), fmt="text", meta=Metadata(title=f"Hearing {n}"))
        claims = Claim.objects.bulk_create(
            Claim(article=article, sentence=sentence, start=sentence.start, end=sentence.end, created_by=editor,
                  source=speakers[sentence.number % len(speakers)])
            for sentence in article.sentences.all()
        )  # fmt: skip
        Label.objects.bulk_create(
            Label(claim=claim, verdict="denied", rationale=f"Checked against the registry, file {k}.",
                  claim_version=1, claim_snapshot={}, proposed_by=editor)
            for k, claim in enumerate(claims[::10])
        )  # fmt: skip
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would after a load this size: the planner's statistics
    total = Claim.objects.count()
    print(f"\nSearch over {total:,} claims in {ARTICLES} articles ({connection.vendor}, DEBUG off)\n")
    print("| words | claims found | articles | sources | median | p95 | queries |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for q in ("ferry", "bridge closed", "harbour master", "file 4321"):
        times = []
        for _ in range(11):
            started = time.perf_counter()
            results = search(q)
            times.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as queries:
            search(q)
        times.sort()
        print(f"| {q} | {len(results.claims)} | {len(results.articles)} | {len(results.sources)} "
              f"| {1000 * statistics.median(times):.0f} ms | {1000 * times[-1]:.0f} ms | {len(queries)} |")  # fmt: skip


if __name__ == "__main__":
    main()
