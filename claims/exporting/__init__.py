"""Exports: one snapshot of the article, one writer per format (a module of this package each).

export_article() and export_zip() are the calls the export views, the export_article command and, later,
a task queue use. A writer is `render(snapshot, options) -> bytes`, pure: no database, no settings;
FORMATS names each format's writer."""

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from . import claimreview, csv_writer, docx, html, markdown, webannotation
from .snapshot import ArticleSnapshot, snapshot, snapshots
from .workbench_json import writer as workbench_json


@dataclass(frozen=True)
class ExportOptions:
    organisation_name: str
    organisation_url: str
    site_url: str
    generated_at: datetime
    page_size: str = "A4"  # Word's paper: "A4" or "Letter"


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    extension: str
    content_type: str
    render: Callable[[ArticleSnapshot, ExportOptions], bytes]  # the writer
    binary: bool = False
    reader_facing: bool = False  # reader-facing formats show approved labels only unless asked otherwise
    approved_only_always: bool = False
    with_history: bool = False


FORMATS = {
    fmt.name: fmt
    for fmt in [
        Format("html", "Reader page (HTML)", "html", "text/html; charset=utf-8", html.render, reader_facing=True),
        Format("md", "Markdown", "md", "text/markdown; charset=utf-8", markdown.render, reader_facing=True),
        Format("csv", "CSV", "csv", "text/csv; charset=utf-8", csv_writer.render),
        Format("json", "Workbench JSON (full)", "json", "application/json", workbench_json.render, with_history=True),
        Format("webannotation", "W3C Web Annotation", "jsonld", "application/ld+json", webannotation.render),
        Format(
            "claimreview",
            "schema.org ClaimReview",
            "jsonld",
            "application/ld+json",
            claimreview.render,
            approved_only_always=True,
        ),
        Format(
            "docx",
            "Word with comments",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx.render,
            binary=True,
        ),
    ]
}


# Articles read per pass by export_zip: the queries stay few, the plain data held at once stays bounded.
SNAPSHOT_BATCH = 20


def default_options():
    return ExportOptions(
        organisation_name=settings.REVIEWING_ORGANISATION_NAME,
        organisation_url=settings.REVIEWING_ORGANISATION_URL,
        site_url=settings.SITE_URL,
        generated_at=timezone.now(),
        page_size=settings.EXPORT_PAGE_SIZE,
    )


def approved_only_for(fmt, approved_only=None):
    """The label scope a format exports: its default unless the caller chose."""
    if fmt.approved_only_always:
        return True
    if fmt.name == "json":
        return False  # full fidelity
    return fmt.reader_facing if approved_only is None else approved_only


def export_article(article_id, fmt_name, *, approved_only=None, options=None) -> bytes:
    """The article in the named format, as bytes."""
    fmt = FORMATS[fmt_name]
    data = snapshot(article_id, approved_only=approved_only_for(fmt, approved_only), with_history=fmt.with_history)
    return fmt.render(data, options or default_options())


def filename(article, fmt_name):
    """ "belgorod-12.html"; with the format's name too ("belgorod-12.claimreview.jsonld") when another format
    shares its extension, so that no download or ZIP entry can be taken for, or overwrite, the other."""
    fmt = FORMATS[fmt_name]
    shared = sum(other.extension == fmt.extension for other in FORMATS.values()) > 1
    return f"{slugify(article.title)[:60] or 'article'}-{article.pk}.{f'{fmt.name}.' if shared else ''}{fmt.extension}"


def export_zip(articles, fmt_names, *, approved_only=None, options=None, progress=None) -> bytes:
    """A ZIP holding one file per article per format. Each batch of articles is read once, whatever the
    formats; each format renders the scope of that snapshot it asks for. progress(phase, done, total)
    hears each article written (a background job's bar)."""
    options = options or default_options()
    formats = [FORMATS[name] for name in fmt_names]
    with_history = any(fmt.with_history for fmt in formats)
    articles = list(articles)
    written = 0
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for batch in _batches(articles, SNAPSHOT_BATCH):
            read = snapshots([article.pk for article in batch], with_history=with_history)
            for article in batch:
                for fmt in formats:
                    data = read[article.pk].scoped(
                        approved_only=approved_only_for(fmt, approved_only), with_history=fmt.with_history
                    )
                    name = filename(article, fmt.name)
                    archive.writestr(name, fmt.render(data, options))
                written += 1
                if progress:
                    progress("Writing the files", written, len(articles))
    return buffer.getvalue()


def _batches(items, size):
    return [items[start : start + size] for start in range(0, len(items), size)]
