"""Workbench JSON: a full, versioned export that import_article(fmt="json") restores as a new article."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from claims.exporting import export_article
from claims.importing import ImportRefused, import_article
from claims.models import Article, Claim, HistoryEntry, Label, Sentence, Source, SourceAlias
from tests.export_fixtures import FORMULA, HOSTILE, annotated_seed, hostile_article

MODELS = (Article, Sentence, Claim, Label, Source, SourceAlias, HistoryEntry, get_user_model())


def exported(article_id):
    return json.loads(export_article(article_id, "json"))


def restored(document, *, by):
    return import_article(json.dumps(document).encode(), fmt="json", by=by)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def normalised(document):
    """The document with what an import is expected to change replaced: ids become their order of
    appearance (C1, L1, S1…, mapped through every reference, so a wrong link still shows), the
    article's own creation time and format, the time of the export, and the note each imported
    history row carries. Claim, label and history times must survive exactly, so they stay."""
    doc = json.loads(json.dumps(document))
    ids = {"article": {doc["article"]["id"]: "A"}}
    ids["source"] = {s["id"]: f"S{n}" for n, s in enumerate(doc["sources"], 1)}
    ids["claim"] = {c["id"]: f"C{n}" for n, c in enumerate(doc["claims"], 1)}
    ids["label"] = {l["id"]: f"L{n}" for n, l in enumerate((l for c in doc["claims"] for l in c["labels"]), 1)}
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


@pytest.fixture
def seed(editor, reviewer):
    """The annotated seed plus history made the way editors make it: a claim marked, edited, labelled
    and approved, and a sentence marked reviewed."""
    article, claims = annotated_seed(editor, reviewer)
    sentence = article.sentences.get(number=5)
    claim = Claim.objects.with_labels().get(pk=Claim.mark(sentence, by=editor).pk)  # as the claim view loads it
    claim.annotate(by=editor, version=claim.version, changes={"channel": "Telegram", "cue": "said"},
                   label={"verdict": "confirmed", "rationale": "Seen.", "evidence": ["https://example.org/a"]})
    claim.labels.get().approve(by=reviewer, comment="Agreed.")
    article.sentences.get(number=1).set_reviewed(True, by=editor)
    return article


def test_export_names_its_schema_and_version_and_holds_every_label(seed):
    document = exported(seed.pk)
    assert (document["schema"], document["version"]) == ("workbench-article", 1)
    assert len(document["claims"]) == 6
    statuses = sorted(label["status"] for claim in document["claims"] for label in claim["labels"])
    assert statuses == ["approved", "approved", "approved", "approved", "proposed", "rejected"]
    for claim in document["claims"]:
        assert seed.text[claim["start"] : claim["end"]] == claim["text"]


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
    newcomer = {"id": 999_999, "name": "Oleksandr Newman", "kind": "person", "role": "analyst",
                "affiliation": "Institute", "aliases": ["Newman", "O. Newman", "Newman"]}
    document["sources"].append(newcomer)
    document["claims"][0]["source"] = newcomer["id"]
    before = Source.objects.count()

    copy = restored(document, by=editor)

    assert Source.objects.count() == before + 1
    created = Source.objects.get(name="Oleksandr Newman")
    assert (created.kind, created.role, created.affiliation) == ("person", "analyst", "Institute")
    assert sorted(created.aliases.values_list("name", flat=True)) == ["Newman", "O. Newman"]
    speakers = {claim.text: claim.source.name for claim in copy.claims.select_related("source", "article") if claim.source}
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


def test_only_http_links_are_exported_as_evidence(editor, reviewer):
    document = exported(hostile_article(editor, reviewer).pk)
    evidence = [link for claim in document["claims"] for label in claim["labels"] for link in label["evidence"]]
    assert evidence == ["https://example.org/ok"]


def test_export_escapes_markup_so_it_can_sit_in_a_script_element(editor, reviewer):
    data = export_article(hostile_article(editor, reviewer).pk, "json")
    assert b"<" not in data and b"</script" not in data
    assert json.loads(data)["article"]["title"] == f"Prices {HOSTILE}"


def _set(path, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return document

    return change


def _overlap(document):
    document["sentences"][1]["start"] = document["sentences"][0]["end"] - 3
    return document


@pytest.mark.parametrize(
    "change, expected",
    [
        (_set(["version"], 2), "version 2 is not supported"),
        (_set(["schema"], "something-else"), "not a Workbench JSON export"),
        (_set(["sentences", 0, "end"], 10**7), "sentences[0].end is 10000000, beyond the end"),
        (_overlap, "sentences[1] "),
        (_set(["sentences", 0, "number"], 7), "sentences[0].number"),
        (_set(["sentences", 0, "paragraph"], 10**12), "sentences[0].paragraph"),
        (_set(["claims", 0, "end"], 10**6), "claims[0] "),
        (_set(["claims", 0, "text"], "Something else"), "claims[0].text is not the article text"),
        (_set(["claims", 0, "source"], 424242), "claims[0].source"),
        (_set(["claims", 0, "labels", 0, "verdict"], "mostly true"), "claims[0].labels[0].verdict is 'mostly true'"),
        (_set(["claims", 0, "labels", 0, "status"], "final"), "claims[0].labels[0].status"),
        (_set(["claims", 0, "labels", 0, "reviewed_by"], "alice"), "four-eyes"),
        (_set(["claims", 0, "labels", 0, "evidence"], ["javascript:alert(1)"]), "evidence[0] must be an http"),
        (_set(["claims", 0, "created_at"], "yesterday"), "claims[0].created_at must be an ISO 8601"),
        (_set(["claims", 0, "start"], True), "claims[0].start must be a whole number"),
        (_set(["article", "text"], "short\x00"), "NUL"),
        (_set(["history", 0, "action"], "deleted"), "history[0].action"),
        (lambda document: [document], "one JSON object"),
    ],
)
def test_bad_documents_are_refused_with_one_line_and_nothing_saved(seed, editor, change, expected):
    document = change(exported(seed.pk))
    before = counts()
    with pytest.raises(ImportRefused) as refusal:
        restored(document, by=editor)
    message = str(refusal.value)
    assert expected in message and "\n" not in message
    assert counts() == before


@pytest.mark.parametrize("data", [b"{not json", b"\xff\xfe\x00garbage", b"", b'{"schema": NaN}'])
def test_files_that_are_not_json_are_refused(db, editor, data):
    before = counts()
    with pytest.raises(ImportRefused, match="not valid JSON|not UTF-8"):
        import_article(data, fmt="json", by=editor)
    assert counts() == before


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


def test_import_article_command_refuses_a_bad_json_file_with_one_line(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"schema": "workbench-article", "version": 9}')
    with pytest.raises(CommandError, match="version 9 is not supported"):
        call_command("import_article", str(path))
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_restore_commits_past_the_databases_deferred_integrity_checks(editor, reviewer):
    # The other tests run inside a transaction that is rolled back, so PostgreSQL's deferred
    # sentence and claim checks never fire there; this one commits.
    article, _ = annotated_seed(editor, reviewer)
    copy = restored(exported(article.pk), by=editor)
    assert Claim.objects.filter(article=copy).count() == 5


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json", "webannotation", "claimreview", "docx"])
def test_every_export_runs_a_constant_number_of_queries(db, editor, reviewer, fmt, django_assert_max_num_queries):
    from claims.exporting import export_article
    from tests.export_fixtures import annotated_seed
    from tests.factories import create_article

    from claims.models import Claim, Label, Source

    small = annotated_seed(editor, reviewer)[0]
    large = create_article(sentences=400)
    speakers = [Source.objects.create(name=f"Speaker {n}") for n in range(20)]
    claims = Claim.objects.bulk_create([
        Claim(article=large, sentence=s, start=s.start, end=s.end, source=speakers[i % 20])
        for i, s in enumerate(large.sentences.all())
    ])
    Label.objects.bulk_create([
        Label(claim=c, verdict="denied", status="approved", proposed_by=editor, reviewed_by=reviewer,
              reviewed_at=c.created_at, claim_version=1) for c in claims
    ])
    for article in (small, large):
        with django_assert_max_num_queries(8):
            export_article(article.pk, fmt)
