"""Uploaded or pasted bytes -> canonical article text, title and publication date.

Pure functions, no Django. extract() is the one entry point; every refusal is a ConversionError whose
message is one line written for an editor.

The order of work: the size limit; the format, from magic bytes and the file name (content wins: a
PNG called .html is refused as a PNG, and a whole HTML document called .txt or .md is read as HTML);
decoding; then per format:
- HTML is sanitised by bleach before anything else reads it; only the magic bytes, a <meta charset>
  and a pre-scan that bounds html5lib's work (depth, entity-dense text...) look at the raw text. The
  stdlib html.parser then turns bleach's well-formed output into paragraphs without recursion.
- Markdown is rendered by markdown-it-py with raw HTML off (raw HTML stays literal text) and takes
  the same HTML path.
- DOCX is checked as a zip (word/document.xml present, total unpacked size, compression ratio)
  before python-docx opens it.

The article body of a saved web page is found by a few rules (itemprop=articleBody, else <article>,
else <main>, else everything; nav, header, footer, aside, forms and figures dropped). We considered
trafilatura for this and chose rules by hand: trafilatura parses the raw page with lxml, which would
put hostile input in front of a C parser before bleach, and it needs that raw page, so it cannot run
on bleach's output.
"""

import codecs
import datetime
import io
import itertools
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath

import bleach
import docx
from bleach import html5lib_shim
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from .canonical import canonicalise
from .scraped_headers import strip_scraped_header

FORMATS = ("text", "md", "html", "docx")

MAX_BYTES = 10 * 1024 * 1024
MAX_DOCX_UNPACKED = 50 * 1024 * 1024
# Deflate tops out near 1,000:1; real Word parts stay far below 200:1. Parts under 1 MB are
# harmless whatever their ratio.
MAX_DOCX_RATIO = 200
DOCX_RATIO_FLOOR = 1024 * 1024
# Blink and WebKit stop nesting elements at 512 too; html5lib slows down with depth.
MAX_HTML_DEPTH = 512
# Extra html5lib work allowed per character of HTML (see _HtmlCost); a unit is 0.02-0.08 µs, so
# this costs at most about 4 s per MB on top of bleach's usual 2-3 s per MB.
MAX_HTML_WORK_PER_CHAR = 50_000
# Comparing two attributes of one tag costs html5lib about 20 units.
ATTRIBUTE_PAIR_WORK = 20
# markdown-it-py spends up to 10 µs on each mark, so 200,000 marks take about 2 s.
MAX_MARKDOWN_MARKS = 200_000
SNIFF_CHARS = 64 * 1024
# More control characters than this share of the text means binary data, not text.
MAX_CONTROL_SHARE = 0.01

DAMAGED_DOCX = "The Word file is damaged or is not a .docx file."
NOT_TEXT = "This is not valid UTF-8 text and no other encoding fits it."
NO_TEXT = "The file contains no text."


class ConversionError(ValueError):
    """A refused input; str() is one line for an editor."""


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
        raise ConversionError(f"The file is {_size(len(data))}; the limit is {_size(max_bytes)}.")
    if not data:
        raise ConversionError("The file is empty.")

    named = _EXTENSIONS.get(PurePath(filename).suffix.lower())
    expected = named if fmt == "auto" else fmt
    if kind := _binary_kind(data):
        raise ConversionError(f"The file is {kind}, not {_DESCRIPTIONS[expected]}.")
    if data.startswith(_ZIP_MAGIC) or expected == "docx":
        if expected not in (None, "docx"):
            raise ConversionError(f"The file is {_zip_kind(data)}, not {_DESCRIPTIONS[expected]}.")
        return _finish("docx", *_from_docx(data, max_docx_unpacked))

    text = _decode(data, expected)
    if fmt == "auto":
        fmt = _detect_text_format(text, named)
    if fmt == "html":
        return _finish(fmt, *_from_html(text))
    if fmt == "md":
        return _finish(fmt, *_from_markdown(text))
    return _finish(fmt, text)


def _finish(fmt: str, text: str, title: str = "", published: datetime.date | None = None) -> Extracted:
    text, header_date = strip_scraped_header(canonicalise(text))
    title = _collapse(canonicalise(title))
    first, _, rest = text.partition("\n\n")
    if title and _collapse(first).casefold() == title.casefold():
        text = rest  # the headline is the title, not the first body paragraph
    if not text:
        raise ConversionError(NO_TEXT)
    return Extracted(text=text, format=fmt, title=title, published=published or header_date)


def _size(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def _collapse(text: str) -> str:
    return " ".join(text.split())


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def _parse_date(value: str | None) -> datetime.date | None:
    """The date part of an ISO date or timestamp ("2023-05-22T10:00:00+03:00"), if it is a real date."""
    match = _ISO_DATE.match(value or "")
    try:
        return datetime.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


# --- Format detection -------------------------------------------------------------------------

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
_DESCRIPTIONS = {
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


def _binary_kind(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            is_word = "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "a damaged zip archive"
    return "a Word (.docx) file" if is_word else "a zip archive"


def _detect_text_format(text: str, named: str | None) -> str:
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


# --- Decoding ---------------------------------------------------------------------------------

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# cp1252 text has no control characters but tab, newline, carriage return and form feed.
_CP1252_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A valid multi-byte UTF-8 sequence inside non-UTF-8 bytes means broken UTF-8, not cp1252.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([a-z0-9_-]{1,40})", re.IGNORECASE)
# Legacy charsets a <meta charset> may select. An allow-list: some Python codecs are slow on
# hostile input (punycode) or are not charsets at all (unicode_escape).
_META_CHARSETS = frozenset(
    codecs.lookup(name).name
    for name in (
        *(f"cp{n}" for n in range(1250, 1259)),
        *(f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16)),
        "koi8_r",
        "koi8_u",
        "shift_jis",
        "euc_jp",
        "euc_kr",
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
    )
)


def _decode(data: bytes, expected: str | None) -> str:
    if bom := next(((encoding, label) for mark, encoding, label in _BOMS if data.startswith(mark)), None):
        encoding, label = bom
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ConversionError(f"The file is marked as {label} but is not valid {label}.") from None
    elif encoding := _utf16_without_bom(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ConversionError(NOT_TEXT) from None
    elif b"\x00" in data:
        raise _binary(expected)
    else:
        text = _decode_8bit(data)
    # No NUL goes further: html5lib would split text at each one.
    if "\x00" in text or len(_CONTROLS.findall(text)) > len(text) * MAX_CONTROL_SHARE:
        raise _binary(expected)
    return text


def _binary(expected: str | None) -> ConversionError:
    return ConversionError(f"The file contains binary data, not {_DESCRIPTIONS[expected]}.")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 2:
        return None
    half = len(sample) // 2
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= half * 0.3 and even_nuls <= half * 0.05:
        return "utf-16-le"
    if even_nuls >= half * 0.3 and odd_nuls <= half * 0.05:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset := _declared_charset(data):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass
    if not _UTF8_SEQUENCE.search(data):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:  # bytes cp1252 leaves undefined
            raise ConversionError(NOT_TEXT) from None
        if not _CP1252_FORBIDDEN.search(text):
            return text
    raise ConversionError(NOT_TEXT)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None
    return name if name in _META_CHARSETS else None


# --- HTML -------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
# Let through bleach only to be dropped here with their content: bleach's strip=True removes the
# tags but keeps their text, which would put scripts, menus and captions into the article.
_DROPPED_TAGS = frozenset(
    "script style noscript template iframe noembed noframes object canvas video audio svg math "
    "select textarea button form nav header footer aside figure figcaption dialog".split()
)
_ALLOWED_TAGS = _BLOCK_TAGS | _DROPPED_TAGS | {"a", "br", "meta", "time", "title"}
_ALLOWED_ATTRIBUTES = {
    "*": ["itemprop"],
    "a": ["href"],
    "meta": ["name", "property", "content", "itemprop"],
    "time": ["datetime", "pubdate", "itemprop"],
}
_PUBLISHED_META = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
)
_SITE_NAME_SEPARATORS = (" | ", " - ", " – ", " — ", " · ")


def _from_html(html: str) -> tuple[str, str, datetime.date | None]:
    _check_html_cost(html)
    page = _PageParser()
    page.feed(_sanitise(html))
    page.close()
    return _article(page)


class _LinearTreeWalker(html5lib_shim.getTreeWalker("etree")):
    """bleach's tree walker minus its quadratic step.

    The stock walker finds an element's position among its siblings with list.index (and checks it
    with list.count) each time it climbs back up, so a page of 40,000 paragraphs with a link in each
    takes a minute. Here the position comes from a table built in one pass.
    """

    def __init__(self, tree):
        super().__init__(tree)
        self._position = {id(child): i for element in tree.iter() for i, child in enumerate(element)}

    def getParentNode(self, node):
        if isinstance(node, tuple):
            element, key, parents, flag = node
            if flag != "text" and len(parents) > 1:
                parent = parents.pop()
                return parent, self._position[id(parent)], parents, None
        return super().getParentNode(node)


def _sanitise(html: str) -> str:
    # A Cleaner per call: bleach's parser keeps state and is not thread-safe.
    cleaner = bleach.Cleaner(
        tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, strip=True, strip_comments=True
    )
    cleaner.walker = _LinearTreeWalker
    return cleaner.clean(html)


@dataclass(frozen=True)
class _Paragraph:
    text: str
    regions: tuple[int | None, ...]  # ids of the outermost open element of each region kind
    is_h1: bool


# Where the article body may sit, in order of preference.
_REGION_KINDS = ("articlebody", "article", "main")


class _PageParser(HTMLParser):
    """Turns bleach's output into paragraphs, noting the regions (article, main) each one sits in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.paragraphs: list[_Paragraph] = []
        self.times: list[tuple[str, bool, tuple[int | None, ...]]] = []
        self._open: list[tuple[str, int | None]] = []  # (tag, index of the region kind it opened)
        self._open_counts: Counter[str] = Counter()
        self._dropped = 0
        self._regions: list[int | None] = [None] * len(_REGION_KINDS)
        self._region_count = 0
        self._title_parts: list[str] = []
        self._pieces: list[str] = []  # text of the current line
        self._lines: list[str] = []  # finished lines of the current paragraph

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._add_meta(attrs)
            return
        if tag == "br":
            self._end_line()
            return
        if tag in _BLOCK_TAGS:
            self._end_paragraph()
        if tag == "hr":
            return
        if tag == "time" and attrs.get("datetime"):
            published = "pubdate" in attrs or attrs.get("itemprop", "").lower() == "datepublished"
            self.times.append((attrs["datetime"], published, tuple(self._regions)))
        kind = self._region_kind(tag, attrs)
        if kind is not None and self._regions[kind] is None:
            self._regions[kind] = self._region_count
            self._region_count += 1
        else:
            kind = None
        self._open.append((tag, kind))
        self._open_counts[tag] += 1
        self._dropped += tag in _DROPPED_TAGS

    def handle_endtag(self, tag):
        # bleach's output is balanced; only a void element written as <x/> closes what is not open.
        if not self._open or self._open[-1][0] != tag:
            return
        if tag in _BLOCK_TAGS:
            self._end_paragraph()
        if tag == "title" and not self._dropped and not self.title:
            self.title = _collapse("".join(self._title_parts))
        _, kind = self._open.pop()
        self._open_counts[tag] -= 1
        self._dropped -= tag in _DROPPED_TAGS
        if kind is not None:
            self._regions[kind] = None

    def handle_data(self, data):
        if self._dropped:
            return
        if self._open_counts["title"]:
            self._title_parts.append(data)
        elif self._open_counts["pre"]:
            first, *rest = data.split("\n")
            self._pieces.append(first)
            for line in rest:
                self._end_line()
                self._pieces.append(line)
        else:
            self._pieces.append(data)

    def close(self):
        super().close()
        self._end_paragraph()

    def _add_meta(self, attrs):
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content"):
            self.meta.setdefault(key, attrs["content"])

    @staticmethod
    def _region_kind(tag, attrs):
        if "articlebody" in attrs.get("itemprop", "").lower().split():
            return _REGION_KINDS.index("articlebody")
        if tag in _REGION_KINDS:
            return _REGION_KINDS.index(tag)
        return None

    def _end_line(self):
        self._lines.append(_collapse("".join(self._pieces)))
        self._pieces = []

    def _end_paragraph(self):
        self._end_line()
        text = "\n".join(self._lines).strip("\n")
        self._lines = []
        if text:
            self.paragraphs.append(_Paragraph(text, tuple(self._regions), self._open_counts["h1"] > 0))


def _article(page: _PageParser) -> tuple[str, str, datetime.date | None]:
    kind, region = _body_region(page)
    paragraphs = [p for p in page.paragraphs if kind is None or p.regions[kind] == region]
    first_h1 = next((p.text for p in paragraphs if p.is_h1), "")
    title = page.meta.get("og:title") or _without_site_name(page.title) or first_h1
    body = "\n\n".join(p.text for p in paragraphs)
    return body, title, _published(page, kind, region)


def _body_region(page: _PageParser) -> tuple[int | None, int | None]:
    """The region holding the article: the largest of the most preferred kind present."""
    for kind in range(len(_REGION_KINDS)):
        sizes: Counter[int] = Counter()
        for paragraph in page.paragraphs:
            if (region := paragraph.regions[kind]) is not None:
                sizes[region] += len(paragraph.text)
        if sizes:
            return kind, sizes.most_common(1)[0][0]
    return None, None


def _without_site_name(title: str) -> str:
    """"Headline | Site name" -> "Headline"."""
    cut = max(title.rfind(separator) for separator in _SITE_NAME_SEPARATORS)
    return title[:cut].strip() if cut > 0 else title


def _published(page: _PageParser, kind: int | None, region: int | None) -> datetime.date | None:
    """Publication metadata first, then a <time> marked as the publication date, then any in the body."""
    metas = (page.meta.get(key) for key in _PUBLISHED_META)
    marked = (value for value, published, _ in page.times if published)
    in_body = (value for value, _, regions in page.times if kind is None or regions[kind] == region)
    return next(filter(None, map(_parse_date, itertools.chain(metas, marked, in_body))), None)


# --- HTML pre-scan ----------------------------------------------------------------------------
# html5lib, inside bleach, slows down with nesting depth, and it builds texts, comments, attribute
# values, scripts and tag names with "+=": one that arrives in many pieces (entities, stray tags,
# dashes) costs time quadratic in its length, and so does comparing a tag's attributes with each
# other. _HtmlCost reads the raw HTML once, builds nothing, and estimates that work the way
# html5lib will meet it, erring on the high side. It follows html5lib's tokenizer closely but its
# tree builder only roughly (text in <select>, tables, <svg> and <math>), so contrived mixes of
# those may still get through: run imports under a time limit all the same.

_CONSTRUCT = re.compile(r"<(?:(!--)|(!\[CDATA\[)|([!?]|/(?![a-zA-Z]))|(/?)([a-zA-Z][^\s/>]*))")
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")
_UNQUOTED_VALUE_BREAKS = "&\"'=<`"
_COMMENT_END = re.compile(r"--!?>")
_RAW_TEXT_END = {
    tag: re.compile(rf"</{tag}(?=[\s/>])", re.IGNORECASE)
    for tag in "style textarea title xmp iframe noembed noframes noscript".split()
}
# html5lib's script states: "<!--" escapes, and inside it a <script> hides the next </script>.
_SCRIPT_MARK = re.compile(r"<!--(?:-*>)?|-->|<(/?)script(?=[\s/>])", re.IGNORECASE)
# Elements that never deepen the tree: void ones and those whose end tag is implied (<p>, <li>).
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "html head body p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp".split()
)
# Start tags after which html5lib may go on appending text to the same string: those it ignores
# outside tables, those it inserts in place inside tables, raw-text ones and <select>.
_NOT_TEXT_BOUNDARY = frozenset(
    "html head body frameset frame table caption colgroup col tbody thead tfoot tr td th form input "
    "select script style template title textarea xmp iframe noembed noframes noscript plaintext".split()
)


def _check_html_cost(html: str) -> None:
    cost = _HtmlCost(html)
    if cost.deepest > MAX_HTML_DEPTH:
        raise ConversionError(
            f"The HTML is nested {cost.deepest:,} levels deep; the limit is {MAX_HTML_DEPTH}."
        )
    if cost.work > MAX_HTML_WORK_PER_CHAR * len(html):
        raise ConversionError(
            "The HTML is too dense with entities, stray tags or attributes to clean in reasonable time."
        )


class _HtmlCost:
    def __init__(self, html: str):
        self.html = html
        self.work = self.depth = self.deepest = 0
        self._run = 0  # length of the text html5lib may still be appending to
        self._in_select = False
        self._svg = self._math = 0  # open <svg>/<math>: their <script>, <style>... hold markup
        pos = 0
        while match := _CONSTRUCT.search(html, pos):
            self._text(pos, match.start())
            if match[1]:
                pos = self._comment(match)
            elif match[2] and (self._svg or self._math):
                pos = self._skip_to(match.end(), "]]>")  # CDATA: one piece of text
            elif match[2] or match[3]:
                pos = self._bogus(match)
            else:
                pos = self._tag(match)
        self._text(pos, len(html))

    def _text(self, start, end):
        if end > start:
            pieces = self.html.count("&", start, end) + self.html.count("<", start, end) + 1
            self.work += pieces * (self._run + end - start)
            self._run += end - start

    def _pieces(self, start, end, breaks):
        """Work to build html[start:end] from pieces split at any of the breaks characters."""
        pieces = sum(self.html.count(char, start, end) for char in breaks) + 1
        self.work += pieces * (end - start)
        return end

    def _skip_to(self, pos, marker):
        end = self.html.find(marker, pos)
        return len(self.html) if end < 0 else end + len(marker)

    def _comment(self, match):
        end = _COMMENT_END.search(self.html, match.start() + 2)  # "<!-->" is a whole comment
        stop = end.start() if end else len(self.html)
        self._pieces(match.end(), max(stop, match.end()), "-")
        return end.end() if end else len(self.html)

    def _bogus(self, match):
        # Doctypes and bogus comments run to the next ">"; doctype names grow a character at a time.
        end = self._skip_to(match.end(), ">")
        self.work += (end - match.start()) ** 2
        return end

    def _tag(self, match):
        closing, name = match[4], match[5].lower()
        pos, attributes = self._attributes(match.end())
        self.work += len(name) ** 2 + attributes**2 * ATTRIBUTE_PAIR_WORK
        foreign = self._svg or self._math or name in ("svg", "math")
        if closing:
            self._close(name)
        elif not (foreign and self.html.endswith("/>", 0, pos)):  # <path/> closes itself in SVG
            pos = self._open(name, pos)
        return pos

    def _attributes(self, pos):
        count = 0
        while attribute := _ATTRIBUTE.match(self.html, pos):
            count += 1
            pos = attribute.end()
            self.work += len(attribute[1]) ** 2
            for group, breaks in ((2, "&"), (3, "&"), (4, _UNQUOTED_VALUE_BREAKS)):
                if attribute[group]:
                    self._pieces(*attribute.span(group), breaks)
        return self._skip_to(pos, ">"), count

    def _open(self, name, pos):
        if name not in _NOT_NESTING:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
        self._svg += name == "svg"
        self._math += name == "math"
        self._in_select = self._in_select or name == "select"
        if name in ("option", "optgroup") or not (self._in_select or name in _NOT_TEXT_BOUNDARY):
            self._run = 0
        if self._svg or self._math:
            return pos
        if name == "plaintext":  # the rest is one piece of text
            return len(self.html)
        if name == "script":
            end = self._script_end(pos)
            escapable = self.html.find("<!--", pos, end) >= 0  # only then do dashes split the text
            return self._pieces(pos, end, "<-" if escapable else "<")
        if name in _RAW_TEXT_END:
            end = _RAW_TEXT_END[name].search(self.html, pos)
            return self._pieces(pos, end.start() if end else len(self.html), "<&")
        return pos

    def _close(self, name):
        if name not in _NOT_NESTING:
            self.depth = max(self.depth - 1, 0)
        if name == "select":
            self._in_select = False
        self._svg -= name == "svg" and self._svg > 0
        self._math -= name == "math" and self._math > 0

    def _script_end(self, pos):
        escaped = double_escaped = False
        for mark in _SCRIPT_MARK.finditer(self.html, pos):
            if mark[0] == "<!--":
                escaped = True
            elif mark[0].endswith(">"):  # "-->" or "<!-->": back to plain script
                escaped = double_escaped = False
            elif mark[1]:  # </script
                if not double_escaped:
                    return mark.start()
                double_escaped = False
            elif escaped:  # <script inside "<!--"
                double_escaped = True
        return len(self.html)


# --- Markdown ---------------------------------------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_MARKDOWN_MARKS = "*_[]()`<>!&\\"
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.{0,4000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)")


def _from_markdown(text: str) -> tuple[str, str, datetime.date | None]:
    marks = sum(text.count(mark) for mark in _MARKDOWN_MARKS)
    if marks > MAX_MARKDOWN_MARKS:
        raise ConversionError(
            f"The Markdown has {marks:,} formatting marks (* _ [ ] and the like); "
            f"the limit is {MAX_MARKDOWN_MARKS:,}."
        )
    fields, text = _split_front_matter(text)
    body, title, published = _from_html(_MARKDOWN.render(text))
    return body, fields.get("title") or title, _parse_date(fields.get("date")) or published


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


# --- DOCX -------------------------------------------------------------------------------------

_W_P = qn("w:p")
# Elements whose paragraphs belong to the text: tables, rows, cells, content controls.
_DOCX_CONTAINERS = frozenset(qn(tag) for tag in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))


def _from_docx(data: bytes, max_unpacked: int) -> tuple[str, str, None]:
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
        raise ConversionError(
            f"The Word file would expand to {_size(unpacked)}; the limit is {_size(max_unpacked)}."
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > DOCX_RATIO_FLOOR and ratio > MAX_DOCX_RATIO:
            raise ConversionError(
                f"The Word file looks like a zip bomb: one part expands {ratio:,.0f} times."
            )


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
