"""Format detection: which of text, Markdown, HTML or Word a file is, from its magic bytes, its name
and its first characters. Content wins over the name: a PNG called .html is refused as a PNG, and a
whole HTML document called .txt or .md is read as HTML."""

import io
import itertools
import re
import zipfile
from pathlib import PurePath

SNIFF_CHARS = 64 * 1024

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "md",
    ".markdown": "md",
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
    ".docx": "docx",
}
DESCRIPTIONS = {
    "text": "a text file",
    "md": "a Markdown file",
    "html": "an HTML page",
    "docx": "a Word (.docx) file",
    None: "a text, Markdown, HTML or Word (.docx) file",
}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a media file (WebP, WAV or AVI)"),
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls or .ppt)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an XZ archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# A whole HTML document: an optional XML declaration and comments, then doctype, html, head or body.
_HTML_DOCUMENT = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,1000}?-->\s*)*<(?:!doctype\s+html|html|head|body)(?![\w-])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"<(/?)(?:p|div|br|span|a|h[1-6]|ul|ol|li|table|tr|td|article|section|blockquote|em|strong|b|i)"
    r"(?:\s[^<>]{0,300})?/?>",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_MD_LINK = re.compile(r"\[[^\[\]\n]{1,300}\]\([^()\s]{1,1000}\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)\S[^*_\n]{0,300}?\1|(?<![\w*])\*\S[^*\n]{0,300}?\*(?![\w*])")


def named_format(filename: str) -> str | None:
    """The format a file name promises, if its extension is one we know."""
    return _EXTENSIONS.get(PurePath(filename).suffix.lower())


def is_zip(data: bytes) -> bool:
    return data.startswith(_ZIP_MAGIC)


def binary_kind(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            is_word = "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "a damaged zip archive"
    return "a Word (.docx) file" if is_word else "a zip archive"


def detect_text_format(text: str, named: str | None) -> str:
    """A whole HTML document wins over the file name; otherwise the name decides, then the content."""
    head = text[:SNIFF_CHARS]
    if _HTML_DOCUMENT.match(head):
        return "html"
    if named:
        return named
    if _looks_like_html(head):
        return "html"
    if _MD_HEADING.search(head) and (_MD_LINK.search(head) or _MD_EMPHASIS.search(head)):
        return "md"
    return "text"


def _looks_like_html(text: str) -> bool:
    """At least two common tags, one of them a closing tag."""
    closings = openings = 0
    for match in itertools.islice(_HTML_TAG.finditer(text), 100):
        if match[1]:
            closings += 1
        else:
            openings += 1
        if closings and closings + openings >= 2:
            return True
    return False
