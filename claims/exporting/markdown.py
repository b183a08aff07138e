"""Markdown: the article with each claim in bold, followed by a footnote reference, and footnotes
holding the verdict, speaker, rationale and evidence. CommonMark-safe: user text is escaped, so a
claim or rationale can never turn into a link, an image or raw HTML."""

import re
from urllib.parse import quote

from .common import note_numbers, paragraph_pieces, reader_date, safe_links, speaker_text, verdict_text

# Characters that start inline markup anywhere in a line (emphasis, code, links, raw HTML, entities,
# footnote references, tables, strike-through) and "#", which may close an ATX heading.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~^#!])")
# A line that starts like a list item, a setext underline or an ordered list would become a block.
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]~_"


def escape(text):
    """User text as literal Markdown on one line: whitespace runs become one space."""
    return _INLINE.sub(r"\\\1", re.sub(r"\s+", " ", text or ""))


def block_safe(text):
    """A whole line whose start must not be read as a block marker."""
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def _autolink(url):
    # Inside <...> nothing can be escaped: percent-encode whatever could end or break the autolink.
    return f"<{quote(url, safe=_URL_SAFE)}>"


def _paragraph(pieces, numbers):
    """One line: claims in bold, each followed by its note reference. Nested and crossing claims
    share one bold run; the reference of a claim that ends inside it sits where that claim ends."""
    parts, bold = [], False
    for index, piece in enumerate(pieces):
        text = escape(piece.text)
        refs = "".join(f"[^{numbers[claim.id]}]" for claim in piece.ending)
        if piece.covering and not bold:  # emphasis must not open before a space
            stripped = text.lstrip()
            parts += [text[: len(text) - len(stripped)], "**"]
            text = stripped
        closes = piece.covering and (index + 1 == len(pieces) or not pieces[index + 1].covering)
        if closes:  # nor close after one
            stripped = text.rstrip()
            parts += [stripped, "**", refs, text[len(stripped) :]]
        else:
            parts += [text, refs]
        bold = bool(piece.covering) and not closes
    return block_safe("".join(parts))


def _sentence(text):
    return text if text.endswith((".", "!", "?", "…", "”", '"')) else f"{text}."


def _note(claim, number, approved_only):
    label = claim.label
    words = [
        f"[^{number}]: **{escape(verdict_text(label, approved_only))}** —",
        escape(speaker_text(claim)) + (f", via {escape(claim.channel)}." if claim.channel else "."),
    ]
    if label and label.rationale.strip():
        words.append(_sentence(escape(label.rationale.strip())))
    links = safe_links(label.evidence if label else ())
    if links:
        words.append("Evidence: " + ", ".join(_autolink(link) for link in links) + ".")
    if label and not approved_only:
        review = f"Proposed by {escape(label.proposed_by or 'unknown')}"
        if label.reviewed_by:
            review += f"; {label.status} by {escape(label.reviewed_by)}"
            if label.review_comment.strip():
                review += f": “{escape(label.review_comment.strip())}”"
        words.append(_sentence(review))
    return " ".join(words)


def render(data, options) -> bytes:
    numbers = note_numbers(data)
    article_links = safe_links([data.url])
    meta = [escape(data.outlet), reader_date(data.published), *(_autolink(link) for link in article_links)]
    scope = (
        "Only verdicts approved by a second reviewer are shown."
        if data.approved_only
        else "Working copy: verdicts not yet approved are shown with their state."
    )
    blocks = [
        f"# {escape(data.title) or 'Untitled'}",
        block_safe(" · ".join(part for part in meta if part)),
        f"*Annotated by {escape(options.organisation_name)} on {reader_date(options.generated_at)}. "
        f"Claims are in bold; each note gives the verdict, who made the claim, and our evidence. {scope}*",
        *(_paragraph(pieces, numbers) for pieces in paragraph_pieces(data)),
        *(_note(claim, numbers[claim.id], data.approved_only) for claim in data.claims),
    ]
    return ("\n\n".join(block for block in blocks if block) + "\n").encode("utf-8")
