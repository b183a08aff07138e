"""The Workbench JSON writer: the whole annotated article, every label and its history, in the
schema of schema.py, so that check.py and save.py can read it back."""

from ..common import isoformat, safe_links, to_json
from .schema import SCHEMA, VERSION


def render(data, options):
    return to_json(
        {
            "schema": SCHEMA,
            "version": VERSION,
            "generated_at": isoformat(options.generated_at),
            "generator": {"name": options.organisation_name, "url": options.site_url},
            "article": {
                "id": data.id,
                "title": data.title,
                "outlet": data.outlet,
                "url": data.url,
                "published": isoformat(data.published),
                "language": data.language,
                "source_format": data.source_format,
                "created_at": isoformat(data.created_at),
                "imported_by": data.imported_by,
                "text": data.text,
            },
            "sentences": [
                {"number": s.number, "paragraph": s.paragraph, "start": s.start, "end": s.end} for s in data.sentences
            ],
            "sources": [_source(source) for source in data.sources],
            "claims": [_claim(claim) for claim in data.claims],
            "history": [_history(entry) for entry in data.history],
        }
    )


def _source(source):
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "role": source.role,
        "affiliation": source.affiliation,
        "aliases": sorted(source.aliases, key=str.casefold),
    }


def _claim(claim):
    return {
        "id": claim.id,
        "sentence": claim.sentence_number,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "source": claim.source.id if claim.source else None,
        "channel": claim.channel,
        "cue": claim.cue,
        "origin": claim.origin,
        "created_by": claim.created_by,
        "created_at": isoformat(claim.created_at),
        "labels": [_label(label) for label in claim.labels],
    }


def _label(label):
    return {
        "id": label.id,
        "verdict": label.verdict,
        "status": label.status,
        "rationale": label.rationale,
        "evidence": safe_links(label.evidence),
        "proposed_by": label.proposed_by,
        "proposed_at": isoformat(label.proposed_at),
        "reviewed_by": label.reviewed_by,
        "reviewed_at": isoformat(label.reviewed_at),
        "review_comment": label.review_comment,
    }


def _history(entry):
    return {
        "at": isoformat(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "claim_id": entry.claim_id,
        "before": _without_unsafe_links(entry.before),
        "after": _without_unsafe_links(entry.after),
    }


def _without_unsafe_links(values):
    # A label's proposal is recorded with its evidence; the same rule as for labels applies there.
    if isinstance(values, dict) and isinstance(values.get("evidence"), list):
        return {**values, "evidence": safe_links(values["evidence"])}
    return values
