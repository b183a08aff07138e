"""schema.org ClaimReview (https://schema.org/ClaimReview) as JSON-LD: a list with one ClaimReview per
claim whose verdict is final (approved), shaped for Google's fact-check markup
(https://developers.google.com/search/docs/appearance/structured-data/factcheck): the required
claimReviewed, reviewRating, url and author, and the recommended itemReviewed with the claim's
author, date and appearance. docs/export-json.md explains the choices below."""

from .common import isoformat, public_url, safe_links, shortened, to_json

CONTEXT = "https://schema.org"

# Google shows alternateName; ratingValue places it on a documented scale from 1 (worst) to 3 (best).
WORST, BEST = 1, 3
RATINGS = {"denied": (1, "False"), "unverified": (2, "Unproven"), "confirmed": (3, "True")}
# The registry may know who an anonymous source is; a public export must not say.
ANONYMOUS = "Anonymous source"
# schema.org's type for a named source and its properties for the source's role and affiliation.
AUTHOR_PROPERTIES = {
    "person": ("Person", "jobTitle", "affiliation"),
    "organisation": ("Organization", "description", "memberOf"),
}


def render(data, options):
    return to_json(reviews(data, options))


def reviews(data, options):
    """One ClaimReview document per approved claim. The registry already asks for approved labels only;
    checked again so no proposal is ever published."""
    return [_review(data, claim, options) for claim in data.claims if claim.label and claim.label.status == "approved"]


def _review(data, claim, options):
    label = claim.label
    value, word = RATINGS[label.verdict]
    review = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        # The public fact-check page (views/public.py), at the claim's anchor; published or not yet.
        "url": f"{public_url(options.site_url, data.public_slug)}#claim-{claim.id}",
        "claimReviewed": claim.summary or shortened(claim.text),
        "datePublished": isoformat(max(label.reviewed_at, data.first_published or label.reviewed_at)),
        "author": {"@type": "Organization", "name": options.organisation_name, "url": options.organisation_url},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": word,
            "name": word,
        },
        "itemReviewed": _claim(data, claim),
    }
    if label.rationale:
        review["reviewBody"] = label.rationale
    if links := safe_links(label.evidence):
        review["citation"] = links
    return review


def _claim(data, claim):
    item = {"@type": "Claim", "appearance": _article(data)}
    if claim.source:
        item["author"] = _author(claim.source)
    if data.published:
        item["datePublished"] = isoformat(data.published)
    if not claim.channel:
        # Said in the article itself. A claim that reached it through a channel ("told Suspilne",
        # "as cited by TASS") first appeared somewhere we have no address for, so we do not guess.
        item["firstAppearance"] = _article(data)
    return item


def _article(data):
    article = {"@type": "NewsArticle", "headline": data.title}
    if links := safe_links([data.url]):
        article["url"] = links[0]
    if data.published:
        article["datePublished"] = isoformat(data.published)
    if data.outlet:
        article["publisher"] = {"@type": "Organization", "name": data.outlet}
    return article


def _author(source):
    if source.kind == "anonymous":
        return {"@type": "Person", "name": ANONYMOUS}
    kind, role_property, affiliation_property = AUTHOR_PROPERTIES[source.kind]
    author = {"@type": kind, "name": source.name}
    if source.role:
        author[role_property] = source.role
    if source.affiliation:
        author[affiliation_property] = {"@type": "Organization", "name": source.affiliation}
    if source.wikidata:
        author["sameAs"] = f"https://www.wikidata.org/wiki/{source.wikidata}"
    return author
