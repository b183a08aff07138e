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
                **_fields(data, "id title outlet url"),
                "published": isoformat(data.published),
                **_fields(data, "language source_format"),
                "created_at": isoformat(data.created_at),
                **_fields(data, "imported_by text"),
            },
            "sentences": [
                {"number": s.number, "paragraph": s.paragraph, "start": s.start, "end": s.end} for s in data.sentences
            ],
            "sources": [_source(source) for source in data.sources],
            "claims": [_claim(claim) for claim in data.claims],
            "history": [_history(entry) for entry in data.history],
        }
    )


def _fields(obj, names):
    """The named attributes of a snapshot object as they are, for a document that keeps them unchanged."""
    return {name: getattr(obj, name) for name in names.split()}


def _source(source):
    return {**_fields(source, "id name kind role affiliation"), "aliases": sorted(source.aliases, key=str.casefold)}


def _claim(claim):
    return {
        "id": claim.id,
        "sentence": claim.sentence_number,
        **_fields(claim, "start end text"),
        "source": claim.source.id if claim.source else None,
        **_fields(claim, "channel cue summary origin created_by"),
        "created_at": isoformat(claim.created_at),
        "labels": [_label(label) for label in claim.labels],
    }


def _label(label):
    return {
        **_fields(label, "id verdict status rationale"),
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
        **_fields(entry, "actor action object_type object_id claim_id"),
        "before": _without_unsafe_links(entry.before),
        "after": _without_unsafe_links(entry.after),
    }


def _without_unsafe_links(values):
    # A label's proposal is recorded with its evidence; the same rule as for labels applies there.
    if isinstance(values, dict) and isinstance(values.get("evidence"), list):
        return {**values, "evidence": safe_links(values["evidence"])}
    return values
