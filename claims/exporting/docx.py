"""Word: the article as a document whose claims carry comments anchored to exactly their span.
Each paragraph is cut into runs at every claim boundary, so a comment's range is a whole number
of runs; nested and crossing claims share runs, each comment with its own first and last run."""

import io
import re

from docx import Document

from .common import paragraph_pieces, reader_date, safe_links, speaker_text, verdict_text

# Characters XML 1.0 cannot hold at all; lxml refuses them rather than escaping.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text):
    return _NOT_XML.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


def _author(claim, options):
    """Who the comment is from: the label's proposer, else its reviewer, else who marked the claim."""
    label = claim.label
    return (label and (label.proposed_by or label.reviewed_by)) or claim.created_by or options.organisation_name


def _initials(name):
    return "".join(word[0] for word in re.split(r"[\s._-]+", name) if word).upper()[:3]


def _comment_text(claim, approved_only):
    label = claim.label
    lines = [verdict_text(label, approved_only), f"Speaker: {speaker_text(claim)}"]
    if claim.channel:
        lines.append(f"Channel: {claim.channel}")
    if label and label.rationale.strip():
        lines.append(f"Rationale: {label.rationale.strip()}")
    lines += [f"Evidence: {link}" for link in safe_links(label.evidence if label else ())]
    if label and label.reviewed_by:
        review = f"{label.status.capitalize()} by {label.reviewed_by}"
        lines.append(f"{review}: {label.review_comment.strip()}" if label.review_comment.strip() else review)
    return _clean("\n".join(lines))


def _write_comment(paragraph, text):
    """The comment's lines in its one paragraph, separated by line breaks (a paragraph a line costs
    a style lookup each, which dominates a long article's export); the verdict line in bold."""
    first, *rest = text.split("\n")
    paragraph.add_run(first).bold = True
    for line in rest:
        run = paragraph.add_run()
        run.add_break()
        run.add_text(line)


def render(data, options) -> bytes:
    document = Document()
    document.core_properties.title = _clean(data.title)
    document.core_properties.author = options.organisation_name
    document.add_paragraph(_clean(data.title), style="Title")
    meta = [data.outlet, reader_date(data.published), *safe_links([data.url])]
    document.add_paragraph(_clean(" · ".join(part for part in meta if part)), style="Subtitle")
    for pieces in paragraph_pieces(data):
        paragraph = document.add_paragraph()
        ranges = {}  # claim id -> [first run, last run]
        for piece in pieces:
            run = paragraph.add_run(_clean(piece.text))
            for claim in piece.covering:
                ranges.setdefault(claim.id, [run, run])[1] = run
        for claim in data.claims:
            if claim.id in ranges:
                author = _author(claim, options)
                comment = document.add_comment(ranges[claim.id], author=author, initials=_initials(author))
                _write_comment(comment.paragraphs[0], _comment_text(claim, data.approved_only))
    scope = "approved verdicts only" if data.approved_only else "every label, with its state"
    note = document.add_paragraph(_clean(f"Comments: source attribution by {options.organisation_name}, {scope}; "
                                         f"generated {reader_date(options.generated_at)}."))
    note.runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
