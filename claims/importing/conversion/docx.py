"""Word (.docx): checked as a zip (word/document.xml present, total unpacked size, compression ratio)
before python-docx opens it; paragraphs of the body, tables and content controls in reading order."""

import io
import zipfile

import docx
from docx.oxml.ns import qn

from .common import ConversionError, size

MAX_DOCX_UNPACKED = 50 * 1024 * 1024
# Deflate tops out near 1,000:1; real Word parts stay far below 200:1. Parts under 1 MB are
# harmless whatever their ratio.
MAX_DOCX_RATIO = 200
DOCX_RATIO_FLOOR = 1024 * 1024
DAMAGED_DOCX = "The Word file is damaged or is not a .docx file."

_W_P = qn("w:p")
# Elements whose paragraphs belong to the text: tables, rows, cells, content controls.
_DOCX_CONTAINERS = frozenset(qn(tag) for tag in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))


def from_docx(data: bytes, max_unpacked: int) -> tuple[str, str, None]:
    """(body, title, None) of a Word file: a .docx carries no publication date we can trust."""
    _check_docx_package(data, max_unpacked)
    try:
        document = docx.Document(io.BytesIO(data))
        styles = {style.style_id: style.name for style in document.styles}
        paragraphs = [(styles.get(p.style), p.text) for p in _docx_paragraphs(document.element.body)]
        core_title = document.core_properties.title
    except Exception as error:  # zipfile, zlib, lxml and python-docx each raise their own on damage
        raise ConversionError(DAMAGED_DOCX) from error

    def first_styled(name):
        return next((text for style, text in paragraphs if style == name and text.strip()), "")

    title = first_styled("Title") or first_styled("Heading 1") or core_title
    body = "\n\n".join(text for _, text in paragraphs if text.strip())
    # Core properties' created date is when the file was made (python-docx's template says 2013),
    # not when the article was published, so it is not used.
    return body, title, None


def _check_docx_package(data: bytes, max_unpacked: int) -> None:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ConversionError(DAMAGED_DOCX)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ConversionError(DAMAGED_DOCX) from error
    if "word/document.xml" not in {member.filename for member in members}:
        raise ConversionError("The file is a zip archive, not a Word (.docx) file.")
    # zipfile never unpacks more than a member's declared size, so the declared sizes are a bound.
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked:
        raise ConversionError(f"The Word file would expand to {size(unpacked)}; the limit is {size(max_unpacked)}.")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > DOCX_RATIO_FLOOR and ratio > MAX_DOCX_RATIO:
            raise ConversionError(f"The Word file looks like a zip bomb: one part expands {ratio:,.0f} times.")


def _docx_paragraphs(body):
    """Paragraph elements in reading order, with those in tables and content controls; no recursion."""
    stack = [iter(body)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == _W_P:
            yield element
        elif element.tag in _DOCX_CONTAINERS:
            stack.append(iter(element))
