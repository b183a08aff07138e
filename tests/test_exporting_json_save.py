"""Restoring a Workbench JSON export as a new article (claims/exporting/workbench_json/save.py), through
import_article(fmt="json"): the round trip gives the same document, sources and people are matched."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from claims.exporting import export_article
from claims.models import Claim, Label, Source
from tests.export_fixtures import (
    FORMULA,
    HOSTILE,
    annotated_seed,
    annotated_seed_with_history,
    exported,
    hostile_article,
    restored,
)


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed_with_history(editor, reviewer)


def normalised(document):
    """The document with what an import is expected to change replaced: ids become their order of
    appearance (C1, L1, S1…, mapped through every reference, so a wrong link still shows), the
    article's own creation time and format, the time of the export, and the note each imported
    history row carries. Claim, label and history times must survive exactly, so they stay."""
    doc = json.loads(json.dumps(document))
    ids = {"article": {doc["article"]["id"]: "A"}}
    ids["source"] = {s["id"]: f"S{n}" for n, s in enumerate(doc["sources"], 1)}
    ids["claim"] = {c["id"]: f"C{n}" for n, c in enumerate(doc["claims"], 1)}
    labels = (label for claim in doc["claims"] for label in claim["labels"])
    ids["label"] = {label["id"]: f"L{n}" for n, label in enumerate(labels, 1)}
    doc["generated_at"] = doc["article"]["created_at"] = doc["article"]["source_format"] = "-"
    doc["article"]["id"] = "A"
    for source in doc["sources"]:
        source["id"] = ids["source"][source["id"]]
    for claim in doc["claims"]:
        claim["id"], claim["source"] = ids["claim"][claim["id"]], ids["source"].get(claim["source"])
        for label in claim["labels"]:
            label["id"] = ids["label"][label["id"]]
    for entry in doc["history"]:
        # Objects the file does not carry (sentences, removed claims) have no id after an import.
        entry["object_id"] = ids.get(entry["object_type"], {}).get(entry["object_id"], "not carried")
        entry["claim_id"] = ids["claim"].get(entry["claim_id"])
        after = {key: value for key, value in (entry["after"] or {}).items() if key != "imported"}
        entry["after"] = after or None
    return doc


def test_round_trip_gives_the_same_document_apart_from_ids_and_times(seed, editor):
    first = exported(seed.pk)
    copy = restored(first, by=editor)
    assert copy.pk != seed.pk and copy.source_format == "json"
    second = exported(copy.pk)
    # The restore records itself as one more history row, after the ones it carried over.
    restore_row = second["history"].pop()
    assert restore_row["action"] == "imported" and restore_row["after"]["restored_from"]["article_id"] == seed.pk
    assert normalised(second) == normalised(first)
    assert all("imported" in entry["after"] for entry in second["history"])


def test_sentences_are_restored_as_stored_not_resegmented(seed, editor):
    document = exported(seed.pk)
    # Two sentences merged by hand would never come out of the segmenter like this.
    first, second = document["sentences"][:2]
    merged = {**first, "end": second["end"]}
    document["sentences"][:2] = [merged]
    for number, sentence in enumerate(document["sentences"], 1):
        sentence["number"] = number
    for claim in document["claims"]:
        claim["sentence"] = max(1, claim["sentence"] - 1)
    copy = restored(document, by=editor)
    assert list(copy.sentences.values_list("start", "end"))[0] == (first["start"], second["end"])


def test_import_matches_sources_in_the_registry_and_creates_only_unknown_ones(seed, editor):
    document = exported(seed.pk)
    by_name = {source["name"]: source for source in document["sources"]}
    by_name["Andrii Yusov"]["name"] = "ANDRÍI YUSOV"  # case and accents ignored
    by_name["Dmitry Peskov"]["name"] = "Yusov"  # an alias of a registry source matches that source
    newcomer = {
        "id": 999_999,
        "name": "Oleksandr Newman",
        "kind": "person",
        "role": "analyst",
        "affiliation": "Institute",
        "aliases": ["Newman", "O. Newman", "Newman"],
    }
    document["sources"].append(newcomer)
    document["claims"][0]["source"] = newcomer["id"]
    before = Source.objects.count()

    copy = restored(document, by=editor)

    assert Source.objects.count() == before + 1
    created = Source.objects.get(name="Oleksandr Newman")
    assert (created.kind, created.role, created.affiliation) == ("person", "analyst", "Institute")
    assert sorted(created.aliases.values_list("name", flat=True)) == ["Newman", "O. Newman"]
    speakers = {
        claim.text: claim.source.name for claim in copy.claims.select_related("source", "article") if claim.source
    }
    assert speakers["Russia's Vladimir Putin had already been informed of the incident"] == "Andrii Yusov"
    assert "Dmitry Peskov" not in speakers.values()


def test_round_trip_does_not_duplicate_sources(seed, editor):
    before = Source.objects.count()
    restored(exported(seed.pk), by=editor)
    assert Source.objects.count() == before


def test_people_unknown_here_get_inactive_accounts_and_keep_their_labels(seed, editor):
    document = exported(seed.pk)
    for claim in document["claims"]:
        for label in claim["labels"]:
            label["proposed_by"] = "olena"
            if label["reviewed_by"]:
                label["reviewed_by"] = "taras"
    copy = restored(document, by=editor)
    olena = get_user_model().objects.get(username="olena")
    assert not olena.is_active and not olena.has_usable_password() and not olena.groups.exists()
    labels = Label.objects.filter(claim__article=copy)
    assert {label.proposed_by.username for label in labels} == {"olena"}
    # The four-eyes rule holds for every decided label, as it did where the file came from.
    assert all(label.reviewed_by.username == "taras" for label in labels if label.status in ("approved", "rejected"))


def test_restored_approval_is_not_stale(seed, editor):
    copy = restored(exported(seed.pk), by=editor)
    for label in Label.objects.filter(claim__article=copy).select_related("claim"):
        assert label.changes_since_proposed() == []


def test_hostile_article_strings_survive_the_round_trip_exactly(editor, reviewer):
    article = hostile_article(editor, reviewer)
    first = exported(article.pk)
    second = exported(restored(first, by=editor).pk)
    assert second["article"]["title"] == f"Prices {HOSTILE}" and second["article"]["outlet"] == FORMULA
    assert second["article"]["text"] == article.text
    assert normalised({**second, "history": second["history"][:-1]}) == normalised(first)
    rationale = [label["rationale"] for claim in second["claims"] for label in claim["labels"]]
    assert rationale == [f"{HOSTILE} {FORMULA}", "\rCR first"]


def test_import_article_command_restores_json_by_option_and_by_extension(seed, tmp_path):
    path = tmp_path / "export.json"
    path.write_bytes(export_article(seed.pk, "json"))
    ids = []
    for args in (["--format", "json"], []):
        out = StringIO()
        call_command("import_article", str(path), *args, stdout=out)
        ids.append(int(out.getvalue().strip().splitlines()[-1]))
    for article_id in ids:
        assert Claim.objects.filter(article_id=article_id).count() == 6


@pytest.mark.django_db(transaction=True)
def test_restore_commits_past_the_databases_deferred_integrity_checks(editor, reviewer):
    # The other tests run inside a transaction that is rolled back, so PostgreSQL's deferred
    # sentence and claim checks never fire there; this one commits.
    article, _ = annotated_seed(editor, reviewer)
    copy = restored(exported(article.pk), by=editor)
    assert Claim.objects.filter(article=copy).count() == 5


def test_sources_named_twice_in_a_file_become_one_new_source(seed, editor):
    document = exported(seed.pk)
    first = {
        "id": 999_998,
        "name": "Oleksandr Newman",
        "kind": "person",
        "role": "",
        "affiliation": "",
        "aliases": ["O. Newman"],
    }
    second = {**first, "id": 999_999, "name": "O. NEWMAN", "aliases": []}  # the first one's alias
    document["sources"] += [first, second]
    document["claims"][0]["source"], document["claims"][1]["source"] = first["id"], second["id"]
    before = Source.objects.count()

    copy = restored(document, by=editor)

    assert Source.objects.count() == before + 1
    first_claims = copy.claims.order_by("start")[:2]
    assert {claim.source.name for claim in first_claims} == {"Oleksandr Newman"}


def test_matching_a_files_sources_takes_the_same_queries_for_3_or_30(seed, editor, django_assert_max_num_queries):
    registry = [Source.objects.create(name=f"Speaker {n}") for n in range(30)]
    template = exported(seed.pk)
    for size in (3, 30):
        document = json.loads(json.dumps(template))
        document["sources"] = [
            {"id": 1000 + n, "name": f"SPEAKER {n}", "kind": "person", "role": "", "affiliation": "", "aliases": []}
            for n in range(size)
        ]
        for n, claim in enumerate(document["claims"]):
            claim["source"] = 1000 + n % size
        before = Source.objects.count()
        with django_assert_max_num_queries(15):  # one registry lookup per source would be 40 for 30
            copy = restored(document, by=editor)
        assert Source.objects.count() == before
        assert {claim.source for claim in copy.claims.all()} <= set(registry)
