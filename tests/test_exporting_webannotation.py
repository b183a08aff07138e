"""W3C Web Annotation export: read back as linked data, every claim's target is its exact span."""

import json
import re
from pathlib import Path

import pytest
from pyld import jsonld

from claims.exporting import export_article
from claims.models import Publication
from tests.export_fixtures import annotated_seed, hostile_article

CONTEXTS = Path(__file__).parent / "data" / "jsonld"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def local_loader(url, options=None):
    # No network in tests: the W3C context is vendored (see tests/data/jsonld/README.md).
    if url.rstrip("/") not in ("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld"):
        raise AssertionError(f"unexpected remote context {url}")
    document = json.loads((CONTEXTS / "anno.jsonld").read_text())
    return {"contextUrl": None, "documentUrl": url, "document": document}


def expanded_annotations(article_id, **kwargs):
    document = json.loads(export_article(article_id, "webannotation", **kwargs))
    [collection] = jsonld.expand(document, {"documentLoader": local_loader})
    assert collection["@type"] == [AS + "OrderedCollection"]
    [page] = collection[AS + "first"]
    assert page["@type"] == [AS + "OrderedCollectionPage"]
    [items] = page[AS + "items"]
    annotations = items["@list"]
    assert collection[AS + "totalItems"][0]["@value"] == len(annotations)
    return annotations


def targets(annotation):
    """(the live article's target, our text's target)."""
    found = annotation[OA + "hasTarget"]
    return tuple(sorted(found, key=lambda target: OA + "hasSelector" in target and "TextPosition" in str(target)))


def one(node, prop):
    [value] = node[prop]
    return value.get("@value", value.get("@id"))


def bodies(annotation, purpose):
    return [body for body in annotation.get(OA + "hasBody", []) if one(body, OA + "hasPurpose") == OA + purpose]


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed(editor, reviewer)


def test_targets_quote_and_position_each_claim_span_exactly(seed):
    article, claims = seed
    annotations = expanded_annotations(article.pk)
    assert len(annotations) == len(claims)
    spans = sorted((claim.start, claim.end) for claim in claims.values())
    found = []
    for annotation in annotations:
        assert annotation["@type"] == [OA + "Annotation"]
        live, ours = targets(annotation)
        # The words find the claim in the live article; the positions count in our text, served apart.
        assert one(live, OA + "hasSource") == "https://kyivindependent.com/belgorod"
        assert one(ours, OA + "hasSource").endswith(f"/fact-checks/{Publication.slug_for(article)}/text/")
        [quote], [position] = live[OA + "hasSelector"], ours[OA + "hasSelector"]
        assert quote["@type"] == [OA + "TextQuoteSelector"] and position["@type"] == [OA + "TextPositionSelector"]
        start, end = int(one(position, OA + "start")), int(one(position, OA + "end"))
        assert one(quote, OA + "exact") == article.text[start:end]
        assert one(quote, OA + "prefix") == article.text[max(0, start - 32) : start]
        assert one(quote, OA + "suffix") == article.text[end : end + 32]
        found.append((start, end))
    assert sorted(found) == spans


def test_bodies_name_the_speaker_channel_verdict_and_evidence(seed):
    article, claims = seed
    by_start = {claim.start: name for name, claim in claims.items()}
    annotations = {}
    for annotation in expanded_annotations(article.pk):
        [position] = targets(annotation)[1][OA + "hasSelector"]
        annotations[by_start[int(one(position, OA + "start"))]] = annotation

    speakers = {name: one(bodies(a, "identifying")[0], RDF_VALUE) for name, a in annotations.items()}
    assert speakers == {
        "yusov": "Andrii Yusov",
        "corps": "Russian Volunteer Corps",
        "peskov": "Dmitry Peskov",
        "kyiv": "Kyiv",
        "gladkov": "Vyacheslav Gladkov",
    }
    verdicts = {
        name: (one(bodies(a, "assessing")[0], RDF_VALUE), one(bodies(a, "assessing")[0], RDFS_LABEL))
        for name, a in annotations.items()
    }
    assert verdicts == {
        "yusov": ("unverified", "Unverified (approved)"),
        "corps": ("confirmed", "Confirmed (approved)"),
        "peskov": ("denied", "Denied (approved)"),
        "kyiv": ("denied", "Denied (proposed)"),
        "gladkov": ("confirmed", "Confirmed (rejected)"),
    }
    assert [one(b, RDF_VALUE) for b in bodies(annotations["peskov"], "describing")] == ["TASS"]
    links = [one(b, OA + "hasSource") for b in bodies(annotations["corps"], "linking")]
    assert links == ["https://example.org/geolocation", "https://example.org/video"]
    assert one(bodies(annotations["corps"], "commenting")[0], RDF_VALUE) == "Video geolocated in Kozinka."
    [creator] = annotations["corps"]["http://purl.org/dc/terms/creator"]
    assert one(creator, "http://xmlns.com/foaf/0.1/nick") == "alice"
    assert one(creator, "http://xmlns.com/foaf/0.1/name") == "alice"  # no full name given
    # The label's state, for machines, as a tag of its own.
    assert one(bodies(annotations["gladkov"], "tagging")[0], RDF_VALUE) == "rejected"
    assert one(bodies(annotations["corps"], "tagging")[0], RDF_VALUE) == "approved"


def test_approved_only_keeps_final_verdicts_only(seed):
    article, _ = seed
    annotations = expanded_annotations(article.pk, approved_only=True)
    verdicts = sorted(one(bodies(a, "assessing")[0], RDF_VALUE) for a in annotations)
    assert verdicts == ["confirmed", "denied", "unverified"]


def test_article_without_url_is_targeted_by_urn_and_unsafe_links_are_dropped(editor, reviewer):
    article = hostile_article(editor, reviewer)
    annotations = expanded_annotations(article.pk)
    links = []
    for annotation in annotations:
        assert one(targets(annotation)[0], OA + "hasSource") == f"urn:workbench:article:{article.pk}"
        links += [one(b, OA + "hasSource") for b in bodies(annotation, "linking")]
    assert links == ["https://example.org/ok"]
    # The channel that carries a javascript: link is text, and stays exactly that text.
    channels = [one(b, RDF_VALUE) for a in annotations for b in bodies(a, "describing")]
    assert channels == ['<a href="javascript:alert(1)">TV</a>', "=1+1"]


def test_times_are_utc_expressed_as_z(seed):
    article, _ = seed
    document = json.loads(export_article(article.pk, "webannotation"))
    annotations = document["first"]["items"]
    stamps = [annotation[key] for annotation in annotations for key in ("created", "modified") if key in annotation]
    assert stamps and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", stamp) for stamp in stamps), stamps


def test_the_collection_has_first_and_last_and_its_page_is_part_of_it(seed):
    article, _ = seed
    document = json.loads(export_article(article.pk, "webannotation"))
    assert document["id"].endswith(f"/articles/{article.pk}/annotations/")
    assert document["last"] == document["first"]["id"] and document["first"]["partOf"] == document["id"]
