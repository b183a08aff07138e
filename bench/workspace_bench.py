"""The workspace at every length: for articles of N = 200, 1,000, 2,000 and 5,000 sentences (a claim on
every fifth sentence, pending suggestions as the importer makes them) it prints

- the page: server time (median, p95), HTML bytes and query count;
- the time until the page is usable in Chromium: the last sentence rendered and `j` moving the highlight;
- a one-verdict change (the htmx Save): server time (median, p95) and response bytes;
- the felt Save -> row updated time in Chromium.

On SQLite (a throwaway file) and, when one answers at 127.0.0.1:5432, on PostgreSQL (a database of its
own, dropped afterwards). DEBUG is off, as in production.

Run: .venv/bin/python bench/workspace_bench.py [--sizes 200,5000] [--no-browser]
"""

import argparse
import gc
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,2000,5000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--one", action="store_true", help="run on the DATABASE_URL of the environment only")
    args = parser.parse_args()
    if args.one:
        return run_here([int(n) for n in args.sizes.split(",")], browser=not args.no_browser)
    databases = [f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"]
    if _answers("127.0.0.1", 5432):
        databases.append(POSTGRES_URL)
    for url in databases:
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run([sys.executable, __file__, "--one", *sys.argv[1:]], env=env, check=True)


def _answers(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def run_here(sizes, *, browser):
    os.environ.update(DEBUG="0", SECRET_KEY="workspace-bench", ALLOWED_HOSTS="127.0.0.1,localhost,testserver")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("collectstatic", interactive=False, verbosity=0)  # as make serve does: hashed, compressed

    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"\nDatabase: {connection.vendor} ({test_name}); DEBUG off\n")
        rows = [measure(n, browser=browser) for n in sizes]
        print_table(rows)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(n, *, browser):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.urls import reverse

    from claims.permissions import EDITOR, ensure_roles

    ensure_roles()
    editor, _ = get_user_model().objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name=EDITOR))
    article = build_article(n, by=editor)
    client = Client()
    client.force_login(editor)
    url = reverse("claims:article_detail", args=[article.pk])
    # As gunicorn's workers start (workbench/gunicorn.conf.py): what is loaded so far is left out of
    # garbage collections, which would otherwise walk the articles this process built.
    gc.collect()
    gc.freeze()
    page_times, size, queries = time_page(client, url, repeats=21 if n <= 1000 else 11)
    claim = article.claims.order_by("start")[len(article.claims.all()) // 2]
    save_times, save_bytes = time_saves(client, claim, repeats=40)
    row = {
        "n": n,
        "claims": article.claims.count(),
        "suggestions": article.suggestions.pending().count(),
        "page": page_times,
        "bytes": size,
        "queries": queries,
        "save": save_times,
        "save_bytes": save_bytes,
        "usable": None,
        "felt": None,
    }
    if browser and os.path.exists(CHROMIUM):
        row["usable"], row["felt"] = time_in_browser(client, url, claim)
    return row


# Wire news alternates attributed statements with narration: about half the sentences get a suggestion,
# as in the measurements of issue 11 (three suggestion forms for every two sentences, 7,500 in 5,000).
NARRATION = [
    "The bridge has been closed to traffic since the flood in March.",
    "Repairs were expected to take at least six weeks.",
    "Traffic on the ring road doubled during the closure.",
    "The council meets again on Thursday.",
    "Local shops reported fewer customers over the period.",
    "A temporary ferry service ran every half hour.",
]


def article_text(n):
    from import_bench import SENTENCES

    sentences = [(SENTENCES if k % 2 == 0 else NARRATION)[(k // 2) % 6] for k in range(n)]
    return "\n\n".join(" ".join(sentences[k : k + 5]) for k in range(0, n, 5))


def build_article(n, *, by):
    from claims.importing.metadata import Metadata
    from claims.importing.pipeline import import_and_suggest
    from claims.models import Claim, HistoryEntry, Source

    article, _ = import_and_suggest(article_text(n).encode(), fmt="text", meta=Metadata(title=f"Bench {n}"), by=by)
    speakers = [Source.objects.create(name=f"Speaker {k}") for k in range(20)]
    claims = [
        Claim(article=article, sentence=sentence, start=sentence.start, end=sentence.end, created_by=by,
              source=speakers[number % len(speakers)] if number % 2 else None)
        for number, sentence in enumerate(article.sentences.all()[::5])
    ]  # fmt: skip
    Claim.objects.bulk_create(claims)
    HistoryEntry.objects.bulk_create(
        HistoryEntry.entry(actor=by, action=HistoryEntry.Action.CREATED, obj=claim) for claim in claims
    )
    return article


def time_page(client, url, *, repeats):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: templates compiled, caches filled
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert response.status_code == 200, response.status_code
    return times, len(response.content), len(queries)


def time_saves(client, claim, *, repeats):
    """An editor changes one verdict with htmx, again and again (confirmed, denied, ...)."""
    from django.urls import reverse

    url = reverse("claims:claim_save", args=[claim.pk])
    times, size = [], 0
    for k in range(repeats + 1):
        claim.refresh_from_db()
        data = {"version": claim.version, "verdict": ("confirmed", "denied")[k % 2], "rationale": "bench"}
        started = time.perf_counter()
        response = client.post(url, data, headers={"HX-Request": "true"})
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        if k:  # the first one proposes; the rest change a proposal
            times.append(elapsed)
            size = len(response.content)
    return times, size


def time_in_browser(client, url, claim):
    """(ms until usable, median ms of Save -> row updated) in Chromium against a live server."""
    from django.db import connections
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    from claims.models import Sentence

    # SQLite's test database is a file, so the server thread shares it; its connections are its own. No
    # static files handler of the test runner's: WhiteNoise serves them, as in production.
    server = LiveServerThread("127.0.0.1", lambda handler: handler, connections_override={})
    server.daemon = True
    server.start()
    server.is_ready.wait()
    base = f"http://127.0.0.1:{server.port}"
    last = Sentence.objects.filter(article_id=claim.article_id).order_by("-number").first()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
            page = context.new_page()
            usable = []
            for _ in range(3):
                page.goto(base + url, wait_until="commit")
                page.wait_for_selector(f"#sentence-{last.pk}", state="attached")
                page.wait_for_function("() => document.readyState !== 'loading'")
                first = page.evaluate("document.querySelector('.sentences > li.is-current')?.id")
                page.keyboard.press("j")
                page.wait_for_function(f"() => document.querySelector('.sentences > li.is-current')?.id !== {first!r}")
                usable.append(page.evaluate("performance.now()"))
            felt = felt_saves(page, base + url, claim)
            browser.close()
    finally:
        server.terminate()
        for connection in connections.all():
            connection.close()
    return statistics.median(usable), felt


def felt_saves(page, url, claim, repeats=12):
    """Median ms from clicking Save with a new verdict to the sentence row showing it. Each Save starts
    from a quiet page, as an editor's do: the last one's answer and the timeline and recent activity it
    reloads have all arrived."""
    page.goto(f"{url}?claim={claim.pk}#sentence-{claim.sentence_id}")
    page.evaluate(
        """() => { window.benchInFlight = 0;
        document.addEventListener("htmx:beforeRequest", () => window.benchInFlight++);
        document.addEventListener("htmx:afterRequest", () => window.benchInFlight--); }"""
    )
    times = []
    for k in range(repeats):
        page.wait_for_selector("#panel select[name=verdict]")
        page.wait_for_timeout(150)  # the reloads a Save triggers start a moment after its answer
        page.wait_for_function(
            "() => !window.benchInFlight && !document.querySelector('.htmx-swapping, .htmx-settling')"
        )
        # time_saves() left the verdict at "confirmed": every Save here changes it.
        verdict = ("denied", "unverified", "confirmed")[k % 3]
        times.append(
            page.evaluate(
                """([sentence, verdict]) => new Promise((done) => {
                    document.querySelector("#panel select[name=verdict]").value = verdict;
                    const started = performance.now();
                    document.querySelector("#panel [data-claim-form] button[type=submit]").click();
                    (function check() {
                        const row = document.getElementById("sentence-" + sentence);
                        const elapsed = performance.now() - started;
                        if (row && row.querySelector("mark.verdict-" + verdict)) done(elapsed);
                        else if (elapsed > 10000) done(NaN);
                        else requestAnimationFrame(check);
                    })();
                })""",
                [claim.sentence_id, verdict],
            )
        )
    return statistics.median(times)


def _ms(values, q):
    ordered = sorted(values)
    if q == 50:
        return 1000 * statistics.median(ordered)
    return 1000 * ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def print_table(rows):
    print(
        "| sentences | claims | pending suggestions | page median | page p95 | page HTML | queries "
        "| usable in Chromium | save median | save p95 | save response | Save → row updated |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        browser = (f"{row['usable']:,.0f} ms", f"{row['felt']:,.0f} ms") if row["usable"] is not None else ("—", "—")
        print(
            f"| {row['n']:,} | {row['claims']:,} | {row['suggestions']:,} | {_ms(row['page'], 50):,.0f} ms "
            f"| {_ms(row['page'], 95):,.0f} ms | {row['bytes'] / 1024:,.0f} KiB | {row['queries']} | {browser[0]} "
            f"| {_ms(row['save'], 50):.1f} ms | {_ms(row['save'], 95):.1f} ms | {row['save_bytes'] / 1024:.1f} KiB "
            f"| {browser[1]} |"
        )


if __name__ == "__main__":
    main()
