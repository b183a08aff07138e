"""W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one AnnotationCollection
with one Annotation per exported claim. The target is the claim's span of the article, by quote and
by position; the bodies say who made the claim (identifying), through which channel (describing),
the verdict and its state (assessing), the rationale (commenting) and the evidence (linking).

Positions count characters (Unicode code points) in the article's canonical text, as the spec's
TextPositionSelector does and as every offset in the workbench does."""

from .common import article_url, claim_url, public_url, safe_links, to_json, utc_z

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Characters of context kept before and after the quote: enough to tell repeated quotes apart.
CONTEXT_CHARS = 32


def render(data, options):
    collection = collection_url(options.site_url, data.id)
    annotations = [_annotation(data, claim, options) for claim in data.claims]
    scope = "approved labels" if data.approved_only else "all claims"
    # One page holds every annotation: it is the first and the last, part of the collection.
    page = {
        "id": f"{collection}#page-1",
        "type": "AnnotationPage",
        "partOf": collection,
        "startIndex": 0,
        "items": annotations,
    }
    return to_json(
        {
            "@context": CONTEXT,
            "id": collection,
            "type": "AnnotationCollection",
            "label": f"Claims and their sources in “{data.title}” ({scope})",
            "total": len(annotations),
            "first": page,
            "last": page["id"],
        }
    )


def collection_url(site_url, article_id):
    """Where the collection is served (views/exports.py: article_annotations)."""
    return f"{article_url(site_url, article_id)}annotations/"


def _annotation(data, claim, options):
    label = claim.label
    creator = label.proposed_by if label else claim.created_by
    creator_name = label.proposed_by_name if label else None
    modified = max(filter(None, (label.proposed_at, label.reviewed_at))) if label else None
    page = safe_links([data.url])
    annotation = {
        "id": claim_url(options.site_url, data.id, claim.id),
        "type": "Annotation",
        "motivation": "assessing" if label else "identifying",
        "created": utc_z(claim.created_at),
        "generator": {"id": options.site_url, "type": "Software", "name": options.organisation_name},
        "target": [
            # The live article, found by its words: its own text differs from ours.
            {
                "source": page[0] if page else f"urn:workbench:article:{data.id}",
                "selector": {
                    "type": "TextQuoteSelector",
                    "exact": data.text[claim.start : claim.end],
                    "prefix": data.text[max(0, claim.start - CONTEXT_CHARS) : claim.start],
                    "suffix": data.text[claim.end : claim.end + CONTEXT_CHARS],
                },
            },
            # Our text, served as plain text at the public page's side, where the positions count.
            {
                "type": "SpecificResource",
                "source": {
                    "id": f"{public_url(options.site_url, data.public_slug)}text/",
                    "type": "Text",
                    "format": "text/plain",
                },
                "selector": {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            },
        ],
    }
    if bodies := _bodies(claim):  # a claim with no speaker, channel or label is a bodiless annotation
        annotation["body"] = bodies
    if creator:
        annotation["creator"] = {"type": "Person", "nickname": creator, "name": creator_name or creator}
    if modified:
        annotation["modified"] = utc_z(modified)
    return annotation


def _bodies(claim):
    bodies = []

    def text(purpose, value, **extra):
        bodies.append({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain", **extra})

    if claim.source:
        text("identifying", claim.source.name)
    if claim.channel:
        text("describing", claim.channel)
    label = claim.label
    if label:
        # value: the bare verdict word, for machines; label: the verdict with its state, for people; the
        # state also as a tag of its own, for machines (a rejected proposal is no verdict).
        text("assessing", label.verdict, label=f"{label.verdict.capitalize()} ({label.status})")
        text("tagging", label.status)
        if label.rationale:
            text("commenting", label.rationale)
        bodies.extend(
            {"type": "SpecificResource", "purpose": "linking", "source": link} for link in safe_links(label.evidence)
        )
    return bodies
