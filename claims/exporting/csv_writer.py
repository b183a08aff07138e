"""CSV: one row per exported claim, for spreadsheets. UTF-8 with a byte-order mark so Excel reads
the accents; cells a spreadsheet would run as a formula are defused (OWASP "CSV injection"); times are
UTC, written as spreadsheets read a date and time."""

import csv
import io

from .common import safe_links, spreadsheet_time

COLUMNS = [
    "article_id",
    "article_title",
    "sentence_number",
    "start",
    "end",
    "claim_text",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "speaker_affiliation",
    "channel",
    "cue",
    "verdict",
    "state",
    "rationale",
    "evidence",
    "proposed_by",
    "proposed_at",
    "reviewed_by",
    "reviewed_at",
    "review_comment",
    "claim_created_at",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(value):
    """Text a spreadsheet would read as a formula gets a leading apostrophe; None becomes ""."""
    if value is None:
        return ""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _row(data, claim):
    source, label = claim.source, claim.label
    text = {  # everything a person typed, or that came from the imported article
        "article_title": data.title,
        "claim_text": claim.text,
        "speaker": source.name if source else "",
        "speaker_kind": source.kind if source else "",
        "speaker_role": source.role if source else "",
        "speaker_affiliation": source.affiliation if source else "",
        "channel": claim.channel,
        "cue": claim.cue,
        "verdict": label.verdict if label else "",
        "state": label.status if label else "",
        "rationale": label.rationale if label else "",
        "evidence": " ".join(safe_links(label.evidence)) if label else "",
        "proposed_by": label.proposed_by if label else "",
        "reviewed_by": label.reviewed_by if label else "",
        "review_comment": label.review_comment if label else "",
    }
    generated = {
        "article_id": data.id,
        "sentence_number": claim.sentence_number,
        "start": claim.start,
        "end": claim.end,
        "proposed_at": spreadsheet_time(label.proposed_at) if label else "",
        "reviewed_at": spreadsheet_time(label.reviewed_at) if label else "",
        "claim_created_at": spreadsheet_time(claim.created_at),
    }
    return {**{key: defuse(value) for key, value in text.items()}, **generated}


def render(data, options) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(_row(data, claim) for claim in data.claims)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
