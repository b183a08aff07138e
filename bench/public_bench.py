"""The public fact-check page of a long article: 5,000 sentences with 1,000 approved claims, published.
Prints the first render (nothing cached), the page from the cache (median, p95), its size and query
count, on the database of the environment (DATABASE_URL; SQLite by default), in a test database of its
own. DEBUG is off, as in production.

Run: .venv/bin/python bench/public_bench.py
"""

import gc
import statistics
import time

from django_setup import run_in_test_database

SENTENCES, CLAIMS = 5000, 1000


def main():
    run_in_test_database(measure, name="public-bench")


def measure():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from workspace_bench import build_article

    from claims.models import Label, Publication

    users = get_user_model().objects
    editor, reviewer = users.create_user("bench-editor"), users.create_user("bench-reviewer")
    article = build_article(SENTENCES, by=editor)
    claims = list(article.claims.order_by("start")[:CLAIMS])
    now = timezone.now()
    Label.objects.bulk_create(
        Label(claim=claim, verdict=("confirmed", "denied", "unverified")[n % 3], rationale="Checked.",
              status="approved", claim_version=claim.version, claim_snapshot=claim.snapshot(),
              proposed_by=editor, reviewed_by=reviewer, reviewed_at=now)
        for n, claim in enumerate(claims)
    )  # fmt: skip
    url = f"/fact-checks/{Publication.publish(article, by=reviewer).slug}/"
    client = Client()
    gc.collect()
    gc.freeze()
    started = time.perf_counter()
    first = client.get(url)
    render = time.perf_counter() - started
    assert first.status_code == 200, first.status_code
    times = []
    for _ in range(31):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    print(f"\nPublic page, {SENTENCES:,} sentences, {CLAIMS:,} approved claims ({connection.vendor}, DEBUG off)\n")
    print("| first render | from the cache: median | p95 | HTML | queries | ClaimReview documents |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    median, p95 = 1000 * statistics.median(times), 1000 * times[int(len(times) * 0.95)]
    documents = response.content.count(b"application/ld+json")
    print(
        f"| {1000 * render:.0f} ms | {median:.1f} ms | {p95:.1f} ms | {len(response.content) / 1024:,.0f} KiB "
        f"| {len(queries)} | {documents} |"
    )


if __name__ == "__main__":
    main()
