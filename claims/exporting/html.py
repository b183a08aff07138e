"""The reader page: one self-contained HTML file (inline CSS, no scripts, nothing fetched from
anywhere), the article with each exported claim highlighted, and numbered notes."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..wording import VERDICTS
from .common import (
    isoformat,
    note_numbers,
    paragraph_pieces,
    reader_date,
    safe_links,
    speaker_text,
    utc_z,
    verdict_key,
    verdict_text,
)

# Forbids scripts, fonts, images, frames and every request the page might make; allows the inline styles.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _claim(claim, number, approved_only):
    label = claim.label
    return {
        "id": claim.id,
        "number": number,
        "text": claim.text,
        "verdict": verdict_key(label),
        "verdict_text": verdict_text(label, approved_only),
        "speaker": speaker_text(claim),
        "channel": claim.channel,
        "label": label,
        "evidence": safe_links(label.evidence if label else ()),
        "reviewed_on": reader_date(label.reviewed_at) if label and label.reviewed_at else "",
    }


def _paragraph(pieces, claims):
    """A paragraph as the template needs it: its pieces (text, the claims covering it, innermost deciding
    the colour, and the claims ending there, whose tags follow the text) and the notes of its claims."""
    rows, notes = [], {}
    for piece in pieces:
        covering = [claims[c.id] for c in piece.covering]
        rows.append(
            {
                "text": piece.text,
                "covering": covering,
                "verdict": covering[-1]["verdict"] if covering else "",
                "claim_ids": " ".join(str(c["id"]) for c in covering),
                "depth": min(len(covering), 3),
                "ending": [claims[c.id] for c in piece.ending],
            }
        )
        notes.update((c.id, claims[c.id]) for c in piece.ending)
    return {"rows": rows, "notes": sorted(notes.values(), key=lambda claim: claim["number"])}


def correction(claim, since):
    """{"date", "text"} when the claim's approved verdict is not the one it had at `since` (the first
    publication): changed, or added afterwards; None when it is the same."""
    approved = [label for label in claim.labels if label.status == "approved"]
    approved.sort(key=lambda label: label.reviewed_at)
    if not approved or approved[-1].reviewed_at <= since:
        return None
    now = VERDICTS[verdict_key(approved[-1])][1]
    then = [label for label in approved if label.reviewed_at <= since]
    if then and then[-1].verdict == approved[-1].verdict:
        return None
    text = (
        f"the verdict changed from {VERDICTS[verdict_key(then[-1])][1]} to {now}."
        if then
        else f"this verdict ({now}) was added after the page was first published."
    )
    return {"date": reader_date(approved[-1].reviewed_at), "text": text}


def render(data, options) -> bytes:
    return reader_page(data, options)


def reader_page(data, options, *, published=None, canonical="", claimreviews=()) -> bytes:
    """The reader page: the HTML export, or (with `published`, the first publication's time) the public
    fact-check page, which also says when it was published, lists corrections and embeds `claimreviews`
    (JSON-LD documents, script-safe)."""
    numbers = note_numbers(data)
    claims = {claim.id: _claim(claim, numbers[claim.id], data.approved_only) for claim in data.claims}
    if published:
        for claim in data.claims:
            claims[claim.id]["correction"] = correction(claim, published)
    links = safe_links([data.url, options.organisation_url])
    context = {
        "data": data,
        "csp": CSP,
        "published": reader_date(data.published),
        "published_iso": isoformat(data.published),
        "article_url": data.url if data.url in links else "",
        "organisation_url": options.organisation_url if options.organisation_url in links else "",
        "options": options,
        "generated": reader_date(options.generated_at),
        "paragraphs": [_paragraph(pieces, claims) for pieces in paragraph_pieces(data)],
        "legend": [
            (key, symbol, word, meaning)
            for key, (symbol, word, meaning) in VERDICTS.items()
            if key != "none" or not data.approved_only
        ],
        "publication": {"date": reader_date(published), "iso": utc_z(published)} if published else None,
        "corrections": [claim for claim in claims.values() if claim.get("correction")],
        "canonical": canonical,
        "claimreviews": [mark_safe(review) for review in claimreviews],
    }
    return render_to_string("claims/export/article.html", context).encode("utf-8")
