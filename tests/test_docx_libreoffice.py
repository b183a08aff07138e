"""LibreOffice (Debian's libreoffice-writer-nogui, run headless) opens the Word export with every comment
anchored to its claim, and keeps the comments through a round trip: saved as .docx again and re-opened,
and saved as .odt, the same comments come back with the same authors, dates, text and anchored text.
Skipped outside CI when soffice is not on PATH; .ci/run installs it."""

import io
import os
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone

import pytest
from docx import Document
from lxml import etree

from claims.exporting import export_article
from claims.models import Label
from tests.export_fixtures import _claim, _label, annotated_seed, hostile_article
from tests.test_exporting_docx import anchored_text

pytestmark = pytest.mark.django_db

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


@pytest.fixture
def convert(tmp_path):
    soffice = shutil.which("soffice")
    if not soffice and not os.environ.get("CI"):
        pytest.skip("LibreOffice's soffice is not on PATH (apt-get install libreoffice-writer-nogui)")
    assert soffice, "CI needs LibreOffice's soffice (.ci/run installs libreoffice-writer-nogui)"
    profile = (tmp_path / "profile").as_uri()  # its own profile: no clash with a LibreOffice already running

    def convert(target, *paths):
        out = tmp_path / target.split(":")[0]
        completed = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir", str(out),
             *map(str, paths)],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        results = [out / f"{path.stem}.{target.split(':')[0]}" for path in paths]
        assert completed.returncode == 0 and all(result.exists() for result in results), completed
        return results

    return convert


def docx_comments(content):
    """Each comment as (anchored text, author, initials, date, text), in a stable order."""
    document = Document(io.BytesIO(content))
    anchored = anchored_text(document)
    return sorted((anchored.get(c.comment_id), c.author, c.initials, c.timestamp, c.text) for c in document.comments)


def _flatten(element):
    """An ODF element's text in reading order (text:s spaces, tabs and line breaks as characters), with
    ("start", name) and ("end", name) where a comment's range opens and closes; comment bodies left out."""
    yield element.text or ""
    for child in element:
        if child.tag == f"{{{OFFICE}}}annotation":
            yield ("start", child.get(f"{{{OFFICE}}}name"))
        elif child.tag == f"{{{OFFICE}}}annotation-end":
            yield ("end", child.get(f"{{{OFFICE}}}name"))
        elif child.tag == f"{{{TEXT}}}s":
            yield " " * int(child.get(f"{{{TEXT}}}c", "1"))
        else:
            yield {f"{{{TEXT}}}tab": "\t", f"{{{TEXT}}}line-break": "\n"}.get(child.tag, "")
            yield from _flatten(child)
        yield child.tail or ""


def _odt_text(element):
    return "".join(piece for piece in _flatten(element) if isinstance(piece, str))


def odt_comments(path):
    """Each office:annotation as (anchored text, author, initials, date, text), as docx_comments() has them:
    the anchored text is what lies between the annotation and its office:annotation-end."""
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    anchored, open_names = {}, set()
    for piece in _flatten(root.find(f"{{{OFFICE}}}body")):
        if isinstance(piece, str):
            for name in open_names:
                anchored[name] += piece
        elif piece[0] == "start":
            open_names.add(piece[1])
            anchored[piece[1]] = ""
        else:
            open_names.discard(piece[1])
    annotations = {a.get(f"{{{OFFICE}}}name"): a for a in root.iter(f"{{{OFFICE}}}annotation")}
    assert set(annotations) == set(anchored)
    return sorted(
        (
            anchored[name],
            annotation.findtext(f"{{{DC}}}creator"),
            annotation.findtext(f"{{{META}}}creator-initials"),
            # ODF keeps the time as the .docx had it, less its Z: the export's UTC time.
            datetime.fromisoformat(annotation.findtext(f"{{{DC}}}date")).replace(tzinfo=timezone.utc),
            "\n".join(_odt_text(paragraph) for paragraph in annotation.iterfind(f"{{{TEXT}}}p")),
        )
        for name, annotation in annotations.items()
    )


def test_libreoffice_keeps_every_comment_its_author_date_and_anchor(convert, editor, reviewer, tmp_path):
    editor.first_name, editor.last_name = "Alice", "Kovalenko"
    editor.save()
    article, claims = annotated_seed(editor, reviewer)
    for words in ("Andrii Yusov told Suspilne", "Belgorod Oblast, bordering Ukraine"):  # nested, crossing
        _label(_claim(article, words, source=None, by=reviewer), by=reviewer, verdict="unverified")
    # One comment dated apart from the others, so that a comment given another's date shows.
    moment = datetime(2023, 5, 22, 9, 30, tzinfo=timezone.utc)
    Label.objects.filter(claim=claims["peskov"]).update(proposed_at=moment)
    seed, hostile = tmp_path / "seed.docx", tmp_path / "hostile.docx"
    seed.write_bytes(export_article(article.pk, "docx"))
    hostile.write_bytes(export_article(hostile_article(editor, reviewer).pk, "docx"))

    ours = {path: docx_comments(path.read_bytes()) for path in (seed, hostile)}
    assert (len(ours[seed]), len(ours[hostile])) == (7, 2)
    assert all(anchor for anchor, *_ in ours[seed] + ours[hostile])  # every comment anchored in our own file
    assert {author for _, author, *_ in ours[seed]} == {"Alice Kovalenko", "charlie"}
    assert (claims["peskov"].text, moment) in {(anchor, date) for anchor, _, _, date, _ in ours[seed]}

    again, opened = convert("docx:MS Word 2007 XML", seed, hostile), convert("odt", seed, hostile)
    for path, round_tripped, odt in zip((seed, hostile), again, opened):
        assert docx_comments(round_tripped.read_bytes()) == ours[path], path.name
        assert odt_comments(odt) == ours[path], path.name
