"""Reading a Workbench JSON file back (claims/exporting/workbench_json/check.py): every problem is
refused with one line that names it, and nothing is saved."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from claims.importing.metadata import ImportRefused
from claims.importing.pipeline import import_article
from claims.models import Article, Claim, HistoryEntry, Label, Sentence, Source, SourceAlias
from tests.export_fixtures import annotated_seed_with_history, exported, restored

MODELS = (Article, Sentence, Claim, Label, Source, SourceAlias, HistoryEntry, get_user_model())


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed_with_history(editor, reviewer)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


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


def test_import_article_command_refuses_a_bad_json_file_with_one_line(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"schema": "workbench-article", "version": 9}')
    with pytest.raises(CommandError, match="version 9 is not supported"):
        call_command("import_article", str(path))
    assert not Article.objects.exists()
