"""The reader page: one self-contained HTML file (inline CSS, no scripts, nothing fetched from
anywhere), the article with each exported claim highlighted, and numbered notes."""

from django.template.loader import render_to_string

from ..wording import VERDICTS
from .common import (
    isoformat,
    note_numbers,
    paragraph_pieces,
    reader_date,
    safe_links,
    speaker_text,
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
    """Pieces as the template needs them: text, the claims covering it (innermost decides the colour),
    and the claims ending here, whose tag and note reference follow the text."""
    rows = []
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
    return rows


def render(data, options) -> bytes:
    numbers = note_numbers(data)
    claims = {claim.id: _claim(claim, numbers[claim.id], data.approved_only) for claim in data.claims}
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
        "notes": list(claims.values()),
        "legend": [
            (key, symbol, word, meaning)
            for key, (symbol, word, meaning) in VERDICTS.items()
            if key != "none" or not data.approved_only
        ],
    }
    return render_to_string("claims/export/article.html", context).encode("utf-8")
