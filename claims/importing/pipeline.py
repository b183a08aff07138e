"""Importing an article: file bytes -> sanitised canonical text -> article and sentences, in one
transaction. The web form, the import_article command and seed_demo all call import_and_suggest().
A Workbench JSON export (fmt "json", or a .json file) is restored whole by
claims.exporting.workbench_json instead."""

import bisect
import re
from pathlib import PurePath

from django.conf import settings
from django.db import transaction

from ..exporting.workbench_json.save import restore
from ..models import Article, HistoryEntry, Sentence
from ..segmentation import split_sentences
from ..suggesting import suggest_claims
from .conversion import FORMATS as CONVERTED_FORMATS
from .conversion import ConversionError, extract
from .metadata import ImportRefused, Metadata, check_metadata

# What --format and fmt accept besides "auto": the converted formats, and a Workbench JSON export.
FORMATS = (*CONVERTED_FORMATS, "json")
TITLE_FROM_TEXT_CHARS = 120


def import_and_suggest(data: bytes, **options) -> tuple[Article | None, int]:
    """import_article(), then the article's attribution suggestions: (the article, how many were
    suggested). The import form calls this for a small file and the commands always; a big upload runs
    the two steps as a background job instead (claims/jobs.py)."""
    article = import_article(data, **options)
    return article, (suggest_claims(article) if article else 0)


def import_article(
    data: bytes,
    *,
    filename="",
    fmt="auto",
    meta=Metadata(),
    by=None,
    allow_restore=True,
    skip_known_text=False,
    progress=None,
    inside=None,
) -> Article | None:
    """The new article. allow_restore=False refuses workbench JSON, which carries approvals and
    people: the web form allows it to admins only; the command line is trusted. With
    skip_known_text, a converted file whose text an article holds already is not imported again:
    the answer is None (seed_demo loads each seed once). The file is read and split before the one
    transaction that writes; progress(phase, done, total) hears each step, and inside(article) is
    called in that transaction once the article exists (a background job records it there)."""
    report = progress or (lambda *args: None)
    inside = inside or (lambda article: None)
    if fmt != "auto" and fmt not in FORMATS:
        raise ImportRefused(f"Unknown format {fmt[:40]!r}: choose auto, {', '.join(FORMATS)}.")
    check_metadata(meta)
    if fmt == "json" or (fmt == "auto" and PurePath(filename).suffix.lower() == ".json"):
        if not allow_restore:
            raise ImportRefused("A workbench JSON file brings its approvals with it; only an admin may restore one.")
        report("Restoring the export", 0, 0)
        with transaction.atomic():
            article = restore(data, by=by, meta=meta)
            inside(article)
        return article
    report("Reading the file", 0, 0)
    try:
        extracted = extract(data, filename=filename, fmt=fmt, max_bytes=settings.IMPORT_MAX_BYTES)
    except ConversionError as error:
        raise ImportRefused(str(error)) from error
    text = extracted.text
    if not text:
        raise ImportRefused("No article text was found in the file.")
    if skip_known_text and Article.objects.with_text(text).exists():
        return None
    report("Splitting into sentences", 0, 0)
    rows = _sentence_rows(text, meta.language)
    report(f"Saving {len(rows):,} sentences", 0, 0)
    title = meta.title.strip() or extracted.title or _title_from_text(text, rows)
    with transaction.atomic():
        article = Article.objects.create(
            title=title[:500],
            outlet=meta.outlet.strip(),
            url=meta.url.strip(),
            published=meta.published or extracted.published,
            language=meta.language,
            text=text,
            source_format=extracted.format,
            imported_by=by,
        )
        for row in rows:
            row.article = article
        Sentence.objects.bulk_create(rows, batch_size=2000)
        after = {"title": article.title, "format": article.source_format, "sentences": len(rows)}
        HistoryEntry.record(actor=by, action=HistoryEntry.Action.IMPORTED, obj=article, after=after)
        inside(article)
    return article


def _sentence_rows(text, language):
    """Unsaved Sentence rows with 1-based numbers and paragraph numbers."""
    paragraph_starts = [0] + [match.end() for match in re.finditer(r"\n\n+", text)]
    rows = []
    limit = settings.IMPORT_MAX_SENTENCE_CHARS
    for number, (start, end) in enumerate(split_sentences(text, language), start=1):
        if end - start > limit:
            raise ImportRefused(
                f"Sentence {number} is {end - start:,} characters long with no sentence break "
                f"(the limit is {limit:,}); this does not look like article prose."
            )
        paragraph = bisect.bisect_right(paragraph_starts, start)
        rows.append(Sentence(number=number, paragraph=paragraph, start=start, end=end, text=text[start:end]))
    if not rows:
        raise ImportRefused("No article text was found in the file.")
    return rows


def _title_from_text(text, rows):
    first = text[rows[0].start : rows[0].end]
    if len(first) <= TITLE_FROM_TEXT_CHARS:
        return first
    return first[:TITLE_FROM_TEXT_CHARS].rsplit(" ", 1)[0] + "…"
