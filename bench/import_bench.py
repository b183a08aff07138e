"""Import speed: a 1 MB article and a 5,000-sentence article, end to end through import_article().

Also prints the segmenter comparison table (bench/segmentation_bench.py).

Run: .venv/bin/python bench/import_bench.py   (uses a throwaway SQLite file unless DATABASE_URL is set;
on PostgreSQL it creates and drops its own database.)
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from claims.importing.metadata import Metadata  # noqa: E402
from claims.importing.pipeline import import_article  # noqa: E402
from claims.segmentation import split_sentences  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import segmentation_bench  # noqa: E402

SENTENCES = [
    "Spokesperson for the ministry Anna Kovalenko told Suspilne on May 22 that the operation had begun.",
    "The group claimed on Telegram that it was \u201creturning home\u201d and urged citizens not to resist.",
    "Officials in Washington, D.C., said the U.S. would send $3.5 billion in aid by Jan. 5.",
    "\u201cWe are not involved,\u201d Dr. Peskov said, as cited by TASS.",
    "Lt. Col. Smith added that 2.5% of the budget was spent at 9 a.m. on Monday.",
    "Kyiv has denied any connection to the group's operations.",
]


def article_text(sentence_count):
    paragraphs, sentences = [], 0
    while sentences < sentence_count:
        paragraph = [SENTENCES[(sentences + i) % len(SENTENCES)] for i in range(min(5, sentence_count - sentences))]
        paragraphs.append(" ".join(paragraph))
        sentences += len(paragraph)
    return "\n\n".join(paragraphs)


def text_of_size(size):
    text = article_text(size // 80)
    while len(text.encode()) < size:
        text += "\n\n" + article_text(50)
    return text


def timed(label, data):
    started = time.perf_counter()
    article = import_article(data, fmt="text", meta=Metadata(title=label))
    elapsed = time.perf_counter() - started
    count = article.sentences.count()
    print(f"| {label} | {len(data) / 2**20:.2f} MB | {count:,} | {elapsed:.3f} s |")


def main():
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Database: {connection.vendor} ({test_name})\n")
        print("| article | size | sentences | import time |")
        print("| --- | ---: | ---: | ---: |")
        timed("1 MB article", text_of_size(2**20).encode())
        timed("5,000-sentence article", article_text(5000).encode())
        text = article_text(5000)
        started = time.perf_counter()
        for _ in range(10):
            spans = split_sentences(text)
        rate = 10 * len(spans) / (time.perf_counter() - started)
        print(f"\nsplit_sentences alone: {rate:,.0f} sentences/s\n")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    segmentation_bench.main()


if __name__ == "__main__":
    main()
