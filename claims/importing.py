"""Importing an article: file bytes -> sanitised canonical text -> article and sentences, in one
transaction. The web form and the import_article command both call import_article(). A Workbench
JSON export (fmt "json", or a .json file) is restored whole by claims.restoring instead."""

import bisect
import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from .conversion import FORMATS as CONVERTED_FORMATS
from .conversion import ConversionError, extract
from .models import Article, HistoryEntry, Sentence
from .segmentation import split_sentences

LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# What --format and fmt accept besides "auto": the converted formats, and a Workbench JSON export.
FORMATS = (*CONVERTED_FORMATS, "json")
TITLE_FROM_TEXT_CHARS = 120


class ImportRefused(ValueError):
    """Bad input; str() is one line for the person importing."""


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    language: str = "en"


def import_article(data: bytes, *, filename="", fmt="auto", meta=Metadata(), by=None, allow_restore=True) -> Article:
    """The new article. allow_restore=False refuses workbench JSON, which carries approvals and
    people: the web form allows it to admins only; the command line is trusted."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ImportRefused(f"Unknown format {fmt[:40]!r}: choose auto, {', '.join(FORMATS)}.")
    _check_metadata(meta)
    if fmt == "json" or (fmt == "auto" and PurePath(filename).suffix.lower() == ".json"):
        if not allow_restore:
            raise ImportRefused("A workbench JSON file brings its approvals with it; only an admin may restore one.")
        from .restoring import restore  # imported here: restoring imports ImportRefused from this module

        return restore(data, by=by, meta=meta)
    try:
        extracted = extract(data, filename=filename, fmt=fmt, max_bytes=settings.IMPORT_MAX_BYTES)
    except ConversionError as error:
        raise ImportRefused(str(error)) from error
    text = extracted.text
    if not text:
        raise ImportRefused("No article text was found in the file.")
    rows = _sentence_rows(text, meta.language)
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
        HistoryEntry.record(
            actor=by,
            action=HistoryEntry.Action.IMPORTED,
            obj=article,
            article=article,
            after={"title": article.title, "format": article.source_format, "sentences": len(rows)},
        )
    return article


def _check_metadata(meta):
    if not LANGUAGE_RE.match(meta.language or ""):
        raise ImportRefused(f"Language must be a code such as 'en' or 'uk', not {meta.language!r}.")
    if meta.url:
        try:
            URLValidator(schemes=["http", "https"])(meta.url.strip())
        except ValidationError:
            raise ImportRefused(f"URL must be an http or https address, not {meta.url!r}.") from None


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
        rows.append(Sentence(number=number, paragraph=paragraph, start=start, end=end))
    if not rows:
        raise ImportRefused("No article text was found in the file.")
    return rows


def _title_from_text(text, rows):
    first = text[rows[0].start : rows[0].end]
    if len(first) <= TITLE_FROM_TEXT_CHARS:
        return first
    return first[:TITLE_FROM_TEXT_CHARS].rsplit(" ", 1)[0] + "…"

