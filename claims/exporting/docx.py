"""Word: the article as a document whose claims carry comments anchored to exactly their span.
Each paragraph is cut into runs at every claim boundary, so a comment's range is a whole number
of runs; nested and crossing claims share runs, each comment with its own first and last run."""

import io
import re
from datetime import timezone

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Mm

from .common import paragraph_pieces, reader_date, safe_links, speaker_text, verdict_text

# Characters XML 1.0 cannot hold at all; lxml refuses them rather than escaping.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text):
    return _NOT_XML.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


def _author(claim, options):
    """Who the comment is from, by full name: the label's proposer, else who marked the claim."""
    label = claim.label
    return (label and label.proposed_by_name) or claim.created_by or options.organisation_name


def _date(claim):
    """When the comment was written: when its label was proposed, else when the claim was marked."""
    moment = claim.label.proposed_at if claim.label else claim.created_at
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


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
        review = f"{label.status.capitalize()} by {label.reviewed_by_name or label.reviewed_by}"
        lines.append(f"{review}: {label.review_comment.strip()}" if label.review_comment.strip() else review)
    return _clean("\n".join(lines))


# Page sizes (width, height) and the margin around the text.
PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Inches(8.5), Inches(11))}
MARGIN = Cm(2.5)


def _page_size(section, name):
    section.page_width, section.page_height = PAGE_SIZES[name]
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN


def _element(tag, text=None, **attributes):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    if text is not None:
        element.text = text
        element.set(qn("xml:space"), "preserve")
    return element


def _comment(comment_id, author, text, date):
    """A <w:comment>: the verdict line in bold, the other lines after line breaks, one paragraph.

    Built here rather than with Document.add_comment(), which looks for the next free id by scanning
    every comment so far: quadratic, and the bulk of a long article's export. python-docx is pinned,
    and tests/test_exporting_docx.py reads the comments back through its public API."""
    comment = _element("w:comment", id=str(comment_id), author=author, initials=_initials(author), date=date)
    paragraph = _element("w:p")
    properties = _element("w:pPr")
    properties.append(_element("w:pStyle", val="CommentText"))
    paragraph.append(properties)
    reference = _element("w:r")
    reference_properties = _element("w:rPr")
    reference_properties.append(_element("w:rStyle", val="CommentReference"))
    reference.append(reference_properties)
    reference.append(_element("w:annotationRef"))
    paragraph.append(reference)
    first, *rest = text.split("\n")
    run = _element("w:r")
    bold = _element("w:rPr")
    bold.append(_element("w:b"))
    run.append(bold)
    run.append(_element("w:t", first))
    paragraph.append(run)
    for line in rest:
        run = _element("w:r")
        run.append(_element("w:br"))
        run.append(_element("w:t", line))
        paragraph.append(run)
    comment.append(paragraph)
    return comment


def render(data, options) -> bytes:
    document = Document()
    document.core_properties.title = _clean(data.title)
    document.core_properties.author = options.organisation_name
    document.add_paragraph(_clean(data.title), style="Title")
    meta = [data.outlet, reader_date(data.published), *safe_links([data.url])]
    document.add_paragraph(_clean(" · ".join(part for part in meta if part)), style="Subtitle")
    _page_size(document.sections[0], options.page_size)
    comments = document.comments._comments_elm
    order = {claim.id: index for index, claim in enumerate(data.claims)}
    for pieces in paragraph_pieces(data):
        paragraph = document.add_paragraph()
        ranges = {}  # claim -> [first run, last run]
        for piece in pieces:
            run = paragraph.add_run(_clean(piece.text))
            for claim in piece.covering:
                ranges.setdefault(claim, [run, run])[1] = run
        for claim in sorted(ranges, key=lambda claim: order[claim.id]):
            comment_id = len(comments)
            comments.append(
                _comment(comment_id, _author(claim, options), _comment_text(claim, data.approved_only), _date(claim))
            )
            first, last = ranges[claim]
            first.mark_comment_range(last, comment_id)
    scope = "approved verdicts only" if data.approved_only else "every label, with its state"
    note = document.add_paragraph(
        _clean(
            f"Comments: source attribution by {options.organisation_name}, {scope}; "
            f"generated {reader_date(options.generated_at)}."
        )
    )
    note.runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
