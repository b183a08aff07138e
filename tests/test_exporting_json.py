"""Workbench JSON export: a full, versioned document of the article, every label and its history
(claims/exporting/workbench_json/writer.py); reading it back is in test_exporting_json_check.py and
test_exporting_json_save.py."""

import json

import pytest

from claims.exporting import export_article
from tests.export_fixtures import HOSTILE, annotated_seed_with_history, exported, hostile_article


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed_with_history(editor, reviewer)


def test_export_names_its_schema_and_version_and_holds_every_label(seed):
    document = exported(seed.pk)
    assert (document["schema"], document["version"]) == ("workbench-article", 1)
    assert len(document["claims"]) == 6
    statuses = sorted(label["status"] for claim in document["claims"] for label in claim["labels"])
    assert statuses == ["approved", "approved", "approved", "approved", "proposed", "rejected"]
    for claim in document["claims"]:
        assert seed.text[claim["start"] : claim["end"]] == claim["text"]


def test_only_http_links_are_exported_as_evidence(editor, reviewer):
    document = exported(hostile_article(editor, reviewer).pk)
    evidence = [link for claim in document["claims"] for label in claim["labels"] for link in label["evidence"]]
    assert evidence == ["https://example.org/ok"]


def test_export_escapes_markup_so_it_can_sit_in_a_script_element(editor, reviewer):
    data = export_article(hostile_article(editor, reviewer).pk, "json")
    assert b"<" not in data and b"</script" not in data
    assert json.loads(data)["article"]["title"] == f"Prices {HOSTILE}"


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json", "webannotation", "claimreview", "docx"])
def test_every_export_runs_a_constant_number_of_queries(db, editor, reviewer, fmt, django_assert_max_num_queries):
    from claims.exporting import export_article
    from claims.models import Claim, Label, Source
    from tests.export_fixtures import annotated_seed
    from tests.factories import create_article

    small = annotated_seed(editor, reviewer)[0]
    large = create_article(sentences=400)
    speakers = [Source.objects.create(name=f"Speaker {n}") for n in range(20)]
    claims = Claim.objects.bulk_create(
        [
            Claim(article=large, sentence=s, start=s.start, end=s.end, source=speakers[i % 20])
            for i, s in enumerate(large.sentences.all())
        ]
    )
    Label.objects.bulk_create(
        [
            Label(
                claim=c,
                verdict="denied",
                status="approved",
                proposed_by=editor,
                reviewed_by=reviewer,
                reviewed_at=c.created_at,
                claim_version=1,
            )
            for c in claims
        ]
    )
    for article in (small, large):
        with django_assert_max_num_queries(8):
            export_article(article.pk, fmt)
