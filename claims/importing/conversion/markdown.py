"""Markdown: rendered by markdown-it-py with raw HTML off (raw HTML stays literal text), then read like
any HTML page. Front matter may give the title and date."""

import datetime
import re

from markdown_it import MarkdownIt

from .common import ConversionError, parse_date
from .html import from_html

# markdown-it-py spends up to 10 µs on each mark, so 200,000 marks take about 2 s.
MAX_MARKDOWN_MARKS = 200_000

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_MARKDOWN_MARKS = "*_[]()`<>!&\\"
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.{0,4000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)")


def from_markdown(text: str) -> tuple[str, str, datetime.date | None]:
    """(body, title, publication date) of a Markdown document."""
    marks = sum(text.count(mark) for mark in _MARKDOWN_MARKS)
    if marks > MAX_MARKDOWN_MARKS:
        raise ConversionError(
            f"The Markdown has {marks:,} formatting marks (* _ [ ] and the like); the limit is {MAX_MARKDOWN_MARKS:,}."
        )
    fields, text = _split_front_matter(text)
    body, title, published = from_html(_MARKDOWN.render(text))
    return body, fields.get("title") or title, parse_date(fields.get("date")) or published


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Leading "---" lines around "key: value" lines; anything else is left to Markdown."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in filter(str.strip, match[1].splitlines()):
        field = _FRONT_MATTER_FIELD.fullmatch(line.strip())
        if not field:
            return {}, text
        fields[field[1].lower()] = field[2].strip().strip("\"'")
    return fields, text[match.end() :]
