"""Export speed: every format for a 5,000-sentence article with 1,000 claims (half approved), then all of
them in one ZIP (one read of the article for every format).

Run: .venv/bin/python bench/export_bench.py   (a throwaway SQLite file unless DATABASE_URL is set)
"""

import os
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from import_bench import article_text  # noqa: E402

from claims.exporting import FORMATS, export_article, export_zip  # noqa: E402
from claims.importing.metadata import Metadata  # noqa: E402
from claims.importing.pipeline import import_article  # noqa: E402
from claims.models import Claim, Label, Source  # noqa: E402


def annotated_article():
    User = get_user_model()
    editor = User.objects.create(username="bench-editor")
    reviewer = User.objects.create(username="bench-reviewer")
    article = import_article(article_text(5000).encode(), fmt="text", meta=Metadata(title="Bench"), by=editor)
    sources = [Source.objects.create(name=f"Speaker {n}", role="spokesperson") for n in range(50)]
    sentences = list(article.sentences.all()[::5])[:1000]
    claims = Claim.objects.bulk_create(
        [
            Claim(article=article, sentence=s, start=s.start, end=s.end, source=sources[i % 50], channel="Telegram")
            for i, s in enumerate(sentences)
        ]
    )
    now = timezone.now()
    Label.objects.bulk_create(
        [
            Label(
                claim=c,
                verdict=["confirmed", "denied", "unverified"][i % 3],
                proposed_by=editor,
                claim_version=1,
                rationale="Checked against the ministry's statement.",
                evidence=["https://example.org/a"],
                **({"status": "approved", "reviewed_by": reviewer, "reviewed_at": now} if i % 2 == 0 else {}),
            )
            for i, c in enumerate(claims)
        ]
    )
    return article


def row(name, scope, export):
    """One table row: the export's size, time and queries."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        content = export()
        elapsed = time.perf_counter() - started
    print(f"| {name} | {scope} | {len(content) / 1024:,.0f} KB | {elapsed:.3f} s | {len(queries)} |")


def main():
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        article = annotated_article()
        print(f"Database: {connection.vendor}; 5,000 sentences, 1,000 claims (500 approved)\n")
        print("| format | labels | size | time | queries |")
        print("| --- | --- | ---: | ---: | ---: |")
        for name in FORMATS:
            for approved_only in (None, False) if name in ("html", "md") else (None,):
                scope = "all" if approved_only is False else "default"
                row(name, scope, partial(export_article, article.pk, name, approved_only=approved_only))
        row("zip, all formats", "default", partial(export_zip, [article], list(FORMATS)))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
