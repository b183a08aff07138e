"""HTML: sanitised by bleach before anything else reads it, then parsed into the article's paragraphs,
title and publication date.

Only the magic bytes, a <meta charset> and the cost guard (html_cost.py) look at the raw text. The
stdlib html.parser then turns bleach's well-formed output into paragraphs without recursion.

The article body of a saved web page is found by a few rules (itemprop=articleBody, else <article>,
else <main>, else everything; nav, header, footer, aside, forms and figures dropped). We considered
trafilatura for this and chose rules by hand: trafilatura parses the raw page with lxml, which would
put hostile input in front of a C parser before bleach, and it needs that raw page, so it cannot run
on bleach's output."""

import datetime
import itertools
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import bleach
from bleach import html5lib_shim

from .common import collapse, parse_date
from .html_cost import check_html_cost

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


def from_html(html: str) -> tuple[str, str, datetime.date | None]:
    """(body, title, publication date) of an HTML page or fragment."""
    check_html_cost(html)
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
    cleaner = bleach.Cleaner(tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, strip=True, strip_comments=True)
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
            self.title = collapse("".join(self._title_parts))
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
        self._lines.append(collapse("".join(self._pieces)))
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
    """ "Headline | Site name" -> "Headline"."""
    cut = max(title.rfind(separator) for separator in _SITE_NAME_SEPARATORS)
    return title[:cut].strip() if cut > 0 else title


def _published(page: _PageParser, kind: int | None, region: int | None) -> datetime.date | None:
    """Publication metadata first, then a <time> marked as the publication date, then any in the body."""
    metas = (page.meta.get(key) for key in _PUBLISHED_META)
    marked = (value for value, published, _ in page.times if published)
    in_body = (value for value, _, regions in page.times if kind is None or regions[kind] == region)
    return next(filter(None, map(parse_date, itertools.chain(metas, marked, in_body))), None)
