"""Uploaded or pasted bytes -> canonical article text, title and publication date.

Pure functions, no Django. extract() is the one entry point; every refusal is a ConversionError whose
message is one line written for an editor.

The order of work: the size limit; the format, from magic bytes and the file name (sniff.py; content
wins: a PNG called .html is refused as a PNG, and a whole HTML document called .txt or .md is read as
HTML); decoding (decode.py); then per format:
- HTML (html.py) is sanitised by bleach before anything else reads it; only the magic bytes, a
  <meta charset> and a pre-scan that bounds html5lib's work (html_cost.py: depth, entity-dense
  text...) look at the raw text.
- Markdown (markdown.py) is rendered by markdown-it-py with raw HTML off and takes the same HTML path.
- DOCX (docx.py) is checked as a zip before python-docx opens it.
Last, the text is made canonical (importing/canonical.py) and a scraped header is removed
(importing/scraped_headers.py).
"""

import datetime
from dataclasses import dataclass

from ..canonical import canonicalise
from ..scraped_headers import strip_scraped_header
from .common import ConversionError, collapse, size
from .decode import decode
from .docx import MAX_DOCX_UNPACKED, from_docx
from .html import from_html
from .markdown import from_markdown
from .sniff import DESCRIPTIONS, binary_kind, detect_text_format, is_zip, named_format, zip_kind

FORMATS = ("text", "md", "html", "docx")
MAX_BYTES = 10 * 1024 * 1024
NO_TEXT = "The file contains no text."


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str
    title: str = ""
    published: datetime.date | None = None


def extract(
    data: bytes,
    *,
    filename: str = "",
    fmt: str = "auto",
    max_bytes: int = MAX_BYTES,
    max_docx_unpacked: int = MAX_DOCX_UNPACKED,
) -> Extracted:
    """Convert an uploaded or pasted file; raise ConversionError for anything that cannot be."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ConversionError(f"Unknown format {fmt[:40]!r}: choose auto, text, md, html or docx.")
    if len(data) > max_bytes:
        raise ConversionError(f"The file is {size(len(data))}; the limit is {size(max_bytes)}.")
    if not data:
        raise ConversionError("The file is empty.")

    named = named_format(filename)
    expected = named if fmt == "auto" else fmt
    if kind := binary_kind(data):
        raise ConversionError(f"The file is {kind}, not {DESCRIPTIONS[expected]}.")
    if is_zip(data) or expected == "docx":
        if expected not in (None, "docx"):
            raise ConversionError(f"The file is {zip_kind(data)}, not {DESCRIPTIONS[expected]}.")
        return _finish("docx", *from_docx(data, max_docx_unpacked))

    text = decode(data, expected)
    if fmt == "auto":
        fmt = detect_text_format(text, named)
    if fmt == "html":
        return _finish(fmt, *from_html(text))
    if fmt == "md":
        return _finish(fmt, *from_markdown(text))
    return _finish(fmt, text)


def _finish(fmt: str, text: str, title: str = "", published: datetime.date | None = None) -> Extracted:
    text, header_date = strip_scraped_header(canonicalise(text))
    title = collapse(canonicalise(title))
    first, _, rest = text.partition("\n\n")
    if title and collapse(first).casefold() == title.casefold():
        text = rest  # the headline is the title, not the first body paragraph
    if not text:
        raise ConversionError(NO_TEXT)
    return Extracted(text=text, format=fmt, title=title, published=published or header_date)
