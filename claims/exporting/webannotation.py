"""W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one AnnotationCollection
with one Annotation per exported claim. The target is the claim's span of the article, by quote and
by position; the bodies say who made the claim (identifying), through which channel (describing),
the verdict and its state (assessing), the rationale (commenting) and the evidence (linking).

Positions count characters (Unicode code points) in the article's canonical text, as the spec's
TextPositionSelector does and as every offset in the workbench does."""

from .common import article_url, claim_url, safe_links, to_json, utc_z

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Characters of context kept before and after the quote: enough to tell repeated quotes apart.
CONTEXT_CHARS = 32


def render(data, options):
    page = article_url(options.site_url, data.id)
    annotations = [_annotation(data, claim, options) for claim in data.claims]
    scope = "approved labels" if data.approved_only else "all claims"
    return to_json(
        {
            "@context": CONTEXT,
            "id": f"{page}annotations/",
            "type": "AnnotationCollection",
            "label": f"Claims and their sources in “{data.title}” ({scope})",
            "total": len(annotations),
            "first": {
                "id": f"{page}annotations/#page-1",
                "type": "AnnotationPage",
                "startIndex": 0,
                "items": annotations,
            },
        }
    )


def _annotation(data, claim, options):
    label = claim.label
    creator = label.proposed_by if label else claim.created_by
    modified = max(filter(None, (label.proposed_at, label.reviewed_at))) if label else None
    page = safe_links([data.url])
    annotation = {
        "id": claim_url(options.site_url, data.id, claim.id),
        "type": "Annotation",
        "motivation": "assessing" if label else "identifying",
        "created": utc_z(claim.created_at),
        "generator": {"id": options.site_url, "type": "Software", "name": options.organisation_name},
        "target": {
            # The article's own address when it has one; the positions, though, count in our text.
            "source": page[0] if page else f"urn:workbench:article:{data.id}",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": data.text[claim.start : claim.end],
                    "prefix": data.text[max(0, claim.start - CONTEXT_CHARS) : claim.start],
                    "suffix": data.text[claim.end : claim.end + CONTEXT_CHARS],
                },
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }
    if bodies := _bodies(claim):  # a claim with no speaker, channel or label is a bodiless annotation
        annotation["body"] = bodies
    if creator:
        annotation["creator"] = {"type": "Person", "nickname": creator}
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
        # value: the bare verdict word, for machines; label: the verdict with its state, for people.
        text("assessing", label.verdict, label=f"{label.verdict.capitalize()} ({label.status})")
        if label.rationale:
            text("commenting", label.rationale)
        bodies.extend(
            {"type": "SpecificResource", "purpose": "linking", "source": link} for link in safe_links(label.evidence)
        )
    return bodies
