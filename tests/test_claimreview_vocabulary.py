"""Every type and property of the ClaimReview we export and embed exists in the real schema.org vocabulary
(release 12.0, tests/data/schemaorg/), on a type it belongs to; and Google's required and recommended
fields are there."""

import json
from pathlib import Path

import lxml.html
import pytest

from claims.exporting import export_article
from claims.models import Publication
from tests.export_fixtures import annotated_seed, hostile_article

VOCABULARY = json.loads((Path(__file__).parent / "data" / "schemaorg" / "vocabulary.json").read_text())
TYPES, PROPERTIES = VOCABULARY["types"], VOCABULARY["properties"]
KEYWORDS = {"@context", "@type", "@id"}

pytestmark = pytest.mark.django_db


def ancestors(kind):
    """The type and every type above it."""
    found, waiting = set(), [kind]
    while waiting:
        current = waiting.pop()
        if current not in found:
            found.add(current)
            waiting.extend(TYPES.get(current, []))
    return found


def unknown(node, path="$"):
    """Every type that does not exist and every property that does not exist or is not one of its node's
    types' (schema.org's domainIncludes), as (path, what)."""
    problems = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            problems += unknown(item, f"{path}[{index}]")
        return problems
    if not isinstance(node, dict):
        return problems
    kind = node.get("@type")
    if kind not in TYPES:
        problems.append((path, f"type {kind!r}"))
        return problems
    for name, value in node.items():
        if name in KEYWORDS:
            continue
        if name not in PROPERTIES:
            problems.append((f"{path}.{name}", "property does not exist"))
        elif not ancestors(kind) & set(PROPERTIES[name]["domain"]):
            problems.append((f"{path}.{name}", f"not a property of {kind}"))
        problems += unknown(value, f"{path}.{name}")
    return problems


def embedded(client, article, reviewer):
    publication = Publication.publish(article, by=reviewer)
    page = lxml.html.document_fromstring(client.get(f"/fact-checks/{publication.slug}/").content)
    return [json.loads(script.text) for script in page.xpath("//script[@type='application/ld+json']")]


def test_exported_and_embedded_claimreviews_use_only_schema_org_terms(client, editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    exported = json.loads(export_article(article.pk, "claimreview"))
    hostile = json.loads(export_article(hostile_article(editor, reviewer).pk, "claimreview"))
    documents = [*exported, *hostile, *embedded(client, article, reviewer)]
    assert len(documents) >= 7
    assert [problem for document in documents for problem in unknown(document)] == []


def test_googles_required_and_recommended_fields_are_present(client, editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    for review in embedded(client, article, reviewer):
        assert {"claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed"} <= set(review)
        assert review["datePublished"].startswith(str(Publication.objects.get().published_at.date()))
        assert {"ratingValue", "bestRating", "worstRating", "alternateName", "name"} <= set(review["reviewRating"])
        item = review["itemReviewed"]
        assert {"author", "datePublished", "appearance"} <= set(item) and item["author"]["name"]
        assert len(review["claimReviewed"]) <= 75


def test_the_checker_notices_what_schema_org_does_not_have():
    assert unknown({"@type": "ClaimReview", "verdict": "x"}) == [("$.verdict", "property does not exist")]
    assert unknown({"@type": "Claim", "jobTitle": "x"}) == [("$.jobTitle", "not a property of Claim")]
    assert unknown({"@type": "FactCheck"}) == [("$", "type 'FactCheck'")]
