"""CSV: one row per claim with its span, speaker and label; nothing a spreadsheet would execute."""

import csv
import io
import re
from datetime import datetime, timezone

import pytest

from claims.exporting import export_article
from claims.exporting.csv_writer import COLUMNS, defuse
from tests.export_fixtures import FORMULA, annotated_seed, hostile_article

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read(article, **kwargs):
    content = export_article(article.pk, "csv", **kwargs).decode("utf-8")
    assert content.startswith("\ufeff")  # Excel needs the BOM to read UTF-8
    reader = csv.DictReader(io.StringIO(content[1:], newline=""))
    return reader.fieldnames, list(reader)


def test_one_row_per_claim_with_its_span_speaker_and_label(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    header, rows = read(article)
    assert header == COLUMNS
    order = ["yusov", "corps", "gladkov", "peskov", "kyiv"]  # reading order, every label state
    assert [row["speaker"] for row in rows] == [claims[name].source.name for name in order]
    for row, name in zip(rows, order):
        claim = claims[name]
        assert (int(row["start"]), int(row["end"])) == (claim.start, claim.end)
        assert row["claim_text"] == article.text[claim.start : claim.end]
        assert int(row["sentence_number"]) == claim.sentence.number
        assert row["article_id"] == str(article.pk)
    peskov = rows[3]
    assert peskov["claim_text"] == "Russia's Vladimir Putin had already been informed of the incident"
    assert {
        key: peskov[key]
        for key in ("speaker_kind", "speaker_role", "channel", "cue", "verdict", "state", "proposed_by", "reviewed_by")
    } == {
        "speaker_kind": "person",
        "speaker_role": "Kremlin spokesperson",
        "channel": "TASS",
        "cue": "said",
        "verdict": "denied",
        "state": "approved",
        "proposed_by": "alice",
        "reviewed_by": "charlie",
    }
    assert rows[1]["evidence"] == "https://example.org/geolocation https://example.org/video"
    assert (rows[2]["state"], rows[2]["review_comment"]) == ("rejected", "Telegram post is not independent evidence.")
    assert (rows[4]["state"], rows[4]["reviewed_by"], rows[4]["reviewed_at"]) == ("proposed", "", "")


def test_times_are_utc_in_the_form_spreadsheets_read_as_dates(editor, reviewer):
    article, claims = annotated_seed(editor, reviewer)
    _, rows = read(article)
    for key in ("proposed_at", "reviewed_at", "claim_created_at"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", rows[0][key]), rows[0][key]
    created = claims["yusov"].created_at.astimezone(timezone.utc).replace(microsecond=0, tzinfo=None)
    assert datetime.fromisoformat(rows[0]["claim_created_at"]) == created


def test_reader_scope_keeps_only_approved_labels_when_asked(editor, reviewer):
    article, _ = annotated_seed(editor, reviewer)
    _, rows = read(article, approved_only=True)
    assert [row["state"] for row in rows] == ["approved"] * 3


def test_cells_a_spreadsheet_would_run_get_an_apostrophe(editor, reviewer):
    article = hostile_article(editor, reviewer)
    _, rows = read(article)
    cells = [value for row in rows for value in row.values()]
    assert not [value for value in cells if value.startswith(FORMULA_STARTS)]
    first, second = rows
    assert first["speaker_role"] == f"'{FORMULA}"
    assert first["speaker_affiliation"] == "'@SUM(A1)"
    assert first["cue"] == "'-2+3"
    assert second["claim_text"] == f"'{FORMULA} was typed by a reader."
    assert second["channel"] == "'=1+1"
    assert second["rationale"] == "'\rCR first"
    # Only the http(s) evidence survives; the javascript: and data: URLs are not links.
    assert first["evidence"] == "https://example.org/ok"
    assert first["channel"] == '<a href="javascript:alert(1)">TV</a>'  # text, harmless in a spreadsheet


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
    ],
)
def test_defuse(value, expected):
    assert defuse(value) == expected
