"""Helpers shared by two or more writers. Plain functions over plain data: no database, no settings
(public_url reads the URLconf)."""

import json
from dataclasses import dataclass
from datetime import timezone
from urllib.parse import urlsplit

from django.urls import reverse

from .. import wording


def safe_links(evidence):
    """The evidence links an export may emit as links: absolute http(s) URLs only, in their order.

    Evidence is free text typed by editors; a `javascript:` or `data:` URL (or anything that is not an
    absolute http/https URL with a host) must never become a clickable link or a linked-data `id` in an
    export, so every writer drops it rather than escaping it."""
    kept = []
    for link in evidence or ():
        link = (link or "").strip()
        try:
            parts = urlsplit(link)
        except ValueError:  # e.g. a malformed IPv6 host
            continue
        if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in link):
            kept.append(link)
    return kept


def isoformat(value):
    """A date or datetime as ISO 8601 text, or None."""
    return value.isoformat() if value is not None else None


def utc_z(value):
    """A datetime in UTC "expressed as Z" (2026-12-01T16:29:00Z), as the Web Annotation model asks; or None."""
    if value is None:
        return None
    return value.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def spreadsheet_time(value):
    """A datetime in UTC as spreadsheets read a date and time (2026-12-01 16:29:00); "" for none."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S") if value is not None else ""


def verdict_key(label):
    return wording.verdict_key(label.verdict if label else None)


def verdict_text(label, approved_only):
    """ "✗ Denied", with the label's state when the export shows more than approved labels:
    "✗ Denied (proposed)"."""
    symbol, word, _ = wording.VERDICTS[verdict_key(label)]
    text = f"{symbol} {word}"
    if label and not approved_only:
        text += f" ({label.status})"
    return text


def speaker_text(claim):
    """ "Dmitry Peskov, Kremlin spokesperson": the claim's speaker line, or "Unattributed"."""
    return wording.speaker_line(claim.source) if claim.source else "Unattributed"


def reader_date(value):
    """ "22 May 2023", in English whatever the locale."""
    months = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    return f"{value.day} {months[value.month - 1]} {value.year}" if value else ""


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph inside which the set of claims covering it does not change.
    `ending` holds the claims whose span ends with this piece, for note references."""

    text: str
    covering: tuple  # ClaimData, outermost (earliest start) first
    ending: tuple


def note_numbers(data):
    """Claim id -> note number, in reading order (the snapshot's claim order)."""
    return {claim.id: number for number, claim in enumerate(data.claims, 1)}


def paragraph_pieces(data):
    """The article as [[Piece, ...] per paragraph]: the text cut at every claim boundary, so that
    overlapping and nested claims each cover a whole number of pieces."""
    paragraphs = []
    for _, sentences in data.paragraphs():
        start, end = sentences[0].start, sentences[-1].end
        claims = [c for c in data.claims if start <= c.start and c.end <= end]
        cuts = sorted({start, end} | {c.start for c in claims} | {c.end for c in claims})
        pieces = []
        for left, right in zip(cuts, cuts[1:]):
            covering = tuple(c for c in claims if c.start <= left and right <= c.end)
            ending = tuple(c for c in claims if c.end == right)
            pieces.append(Piece(data.text[left:right], covering, ending))
        paragraphs.append(pieces)
    return paragraphs


def article_url(site_url, article_id):
    """The article's page on this workbench, absolute. site_url may or may not end in a slash."""
    return f"{site_url.rstrip('/')}/articles/{article_id}/"


def claim_url(site_url, article_id, claim_id):
    return f"{article_url(site_url, article_id)}#claim-{claim_id}"


def public_url(site_url, slug):
    """The public fact-check page of the article with this slug (views/public.py), absolute."""
    return f"{site_url.rstrip('/')}{reverse('claims:public_page', args=[slug])}"


def shortened(text, limit=75):
    """`text` cut at a word boundary to at most `limit` characters (an ellipsis marks the cut), with its
    quotation marks balanced: Google's guide for ClaimReview's claimReviewed."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[: limit - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:—–- ") + "…"
    for opening, closing in (("“", "”"), ("‘", "’"), ("«", "»")):
        if text.count(opening) > text.count(closing):
            text += closing
        elif text.count(closing) > text.count(opening):
            text = opening + text
    if text.count('"') % 2:
        text += '"'
    return text


# Characters escaped inside JSON strings, so a document can be pasted into a <script> element (as
# JSON-LD usually is) without "</script>" or "<!--" in an editor's text ending it early. The JSON
# stays equal: json.loads gives back the same strings. U+2028/9 break older JavaScript parsers.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_json(document):
    """UTF-8 JSON, indented, keys sorted (stable whatever order a database returned them in)."""
    # Outside strings JSON has no < > & or line separators, so translating the whole text is safe.
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).translate(_SCRIPT_SAFE)
    return (text + "\n").encode("utf-8")
