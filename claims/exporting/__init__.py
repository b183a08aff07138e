"""Exports: one snapshot of the article, one writer per format (a module of this package each).

export_article() is the single call the export view, the export_article command and, later, a task
queue use. A writer is `render(snapshot, options) -> bytes`, pure: no database, no settings."""

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from .snapshot import snapshot


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    extension: str
    content_type: str
    module: str
    binary: bool = False
    reader_facing: bool = False  # reader-facing formats show approved labels only unless asked otherwise
    approved_only_always: bool = False
    with_history: bool = False

    def render(self, data, options):
        return import_module(f"claims.exporting.{self.module}").render(data, options)


FORMATS = {
    fmt.name: fmt
    for fmt in [
        Format("html", "Reader page (HTML)", "html", "text/html; charset=utf-8", "html", reader_facing=True),
        Format("md", "Markdown", "md", "text/markdown; charset=utf-8", "markdown", reader_facing=True),
        Format("csv", "CSV", "csv", "text/csv; charset=utf-8", "csv_writer"),
        Format("json", "Workbench JSON (full)", "json", "application/json", "workbench_json.writer", with_history=True),
        Format("webannotation", "W3C Web Annotation", "jsonld", "application/ld+json", "webannotation"),
        Format("claimreview", "schema.org ClaimReview", "jsonld", "application/ld+json", "claimreview",
               approved_only_always=True),
        Format("docx", "Word with comments", "docx",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", binary=True),
    ]
}


@dataclass(frozen=True)
class ExportOptions:
    organisation_name: str
    organisation_url: str
    site_url: str
    generated_at: datetime


def default_options():
    return ExportOptions(
        organisation_name=settings.REVIEWING_ORGANISATION_NAME,
        organisation_url=settings.REVIEWING_ORGANISATION_URL,
        site_url=settings.SITE_URL,
        generated_at=timezone.now(),
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
    return f"{slugify(article.title)[:60] or 'article'}-{article.pk}.{FORMATS[fmt_name].extension}"


def export_zip(articles, fmt_names, *, approved_only=None, options=None) -> bytes:
    """A ZIP holding one file per article per format."""
    options = options or default_options()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for article in articles:
            for fmt_name in fmt_names:
                content = export_article(article.pk, fmt_name, approved_only=approved_only, options=options)
                archive.writestr(filename(article, fmt_name), content)
    return buffer.getvalue()
