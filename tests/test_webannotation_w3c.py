"""Every Web Annotation we export passes the W3C's own MUST assertions for annotations: the JSON schemas of
the Web Annotation test suite (tests/data/w3c-annotation/, from web-platform-tests/wpt annotation-model,
under the W3C test suite licence), each validated with jsonschema as draft 4."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from claims.exporting import export_article
from tests.export_fixtures import annotated_seed, hostile_article

W3C = Path(__file__).parent / "data" / "w3c-annotation"

pytestmark = pytest.mark.django_db


def _schemas():
    """Every schema by the name the suite's $refs use: its file name (refs are relative to a schema's id)."""
    return {path.name: json.loads(path.read_text()) for path in W3C.rglob("*.json")}


def must_failures(annotation):
    """(assertion, its error message) for each MUST assertion of annotationMusts.test the annotation fails."""
    schemas = _schemas()
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT4)) for name, schema in schemas.items()
    )
    assertions = json.loads((W3C / "annotations" / "annotationMusts.test").read_text())["assertions"]
    failed = []
    for name in assertions:
        schema = schemas[Path(name).name]
        assert schema["assertionType"] == "must" and schema["expectedResult"] == "valid"
        if not Draft4Validator(schema, registry=registry).is_valid(annotation):
            failed.append((name, schema["errorMessage"]))
    return failed


@pytest.mark.parametrize("approved_only", [True, False])
def test_every_exported_annotation_passes_the_w3c_must_assertions(editor, reviewer, approved_only):
    article, _ = annotated_seed(editor, reviewer)
    hostile = hostile_article(editor, reviewer)
    annotations = [
        annotation
        for exported in (article, hostile)
        for annotation in json.loads(export_article(exported.pk, "webannotation", approved_only=approved_only))[
            "first"
        ]["items"]
    ]
    assert len(annotations) >= 4
    for annotation in annotations:
        # Each annotation is checked on its own, as a document with the collection's context.
        document = {"@context": "http://www.w3.org/ns/anno.jsonld", **annotation}
        assert must_failures(document) == [], annotation["id"]


def test_the_assertions_catch_an_annotation_without_a_target():
    broken = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/a1", "type": "Annotation"}
    assert any("target" in message.lower() for _, message in must_failures(broken))
