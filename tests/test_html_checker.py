"""The Nu HTML checker (vnu.jar, from npm's vnu-jar, run with Debian's Java) finds no error in the reader
pages: the HTML export and the public fact-check page. Skipped only outside CI, when Java or the checker
(make test installs it) is missing."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from claims.exporting import export_article
from claims.models import Publication
from tests.export_fixtures import annotated_seed, hostile_article

VNU = (
    Path(__file__).resolve().parent.parent / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def checker():
    missing = [what for what, found in (("java", shutil.which("java")), ("vnu.jar", VNU.exists())) if not found]
    if missing and not os.environ.get("CI"):
        pytest.skip(f"the Nu HTML checker needs {' and '.join(missing)}")
    assert not missing, f"CI needs {missing} for the HTML checker (make test installs vnu-jar with npm)"

    def check(*pages):
        completed = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        return [message for message in json.loads(completed.stderr)["messages"] if message["type"] == "error"]

    return check


def test_the_reader_pages_have_no_html_error(checker, client, editor, reviewer, tmp_path):
    article, _ = annotated_seed(editor, reviewer)
    publication = Publication.publish(article, by=reviewer)
    pages = {
        "export.html": export_article(article.pk, "html"),
        "working-copy.html": export_article(article.pk, "html", approved_only=False),
        "hostile.html": export_article(hostile_article(editor, reviewer).pk, "html"),
        "public.html": client.get(f"/fact-checks/{publication.slug}/").content,
    }
    for name, content in pages.items():
        (tmp_path / name).write_bytes(content)
    errors = checker(*(tmp_path / name for name in pages))
    assert errors == [], [(Path(e["url"]).name, e.get("lastLine"), e["message"]) for e in errors]
