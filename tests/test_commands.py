"""The management commands as outside tools call them: real processes, exit status, stdout, stderr."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from claims.models import Article

BASE_DIR = Path(settings.BASE_DIR)
SEED = BASE_DIR / "seeds" / "000_3ebd80acff131b37.txt"


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    """A migrated SQLite file of its own, so subprocesses see what they wrote."""
    path = tmp_path_factory.mktemp("db") / "commands.sqlite3"
    url = f"sqlite:///{path}"
    run(["migrate", "--noinput"], url, check=True)
    return url


def run(args, database_url, check=False):
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=check
    )


def shell(database_url, code):
    """The last line that code printed, run in a Django shell against database_url."""
    result = run(
        ["shell", "--no-imports", "-c", "from claims.models import Article\n" + code], database_url, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def test_import_article_prints_the_new_id_on_its_last_line(database_url):
    result = run(["import_article", str(SEED), "--title", "Belgorod"], database_url)
    assert result.returncode == 0, result.stderr
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line.isdigit()
    shown = shell(
        database_url, f"a = Article.objects.get(pk={last_line}); print(a.title, a.published, a.sentences.count())"
    )
    assert shown.split() == ["Belgorod", "2023-05-22", "13"]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["{tmp}/empty.txt"], "empty"),
        (["{tmp}/image.html"], "PNG"),
        (["{tmp}/missing.txt"], "Cannot read"),
        (["{seed}", "--format", "pdfx"], "pdfx"),
        (["{seed}", "--published", "2023-02-30"], "YYYY-MM-DD"),
        (["{seed}", "--language", "not a language"], "Language"),
        (["{tmp}/fake.docx"], "Word"),
    ],
)
def test_import_article_bad_input_exits_1_with_one_line_and_saves_nothing(database_url, tmp_path, args, expected):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "fake.docx").write_bytes(b"not a zip")
    count_before = shell(database_url, "print(Article.objects.count())")
    result = run(["import_article", *[a.format(tmp=tmp_path, seed=SEED) for a in args]], database_url)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert expected in result.stderr
    count_after = shell(database_url, "print(Article.objects.count())")
    assert count_after == count_before


def test_seed_demo_loads_seeds_and_accounts_once(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    seeds = sorted(path.name for path in (BASE_DIR / "seeds").iterdir())
    assert Article.objects.count() == len(seeds) >= 2
    article = Article.objects.get(published="2023-05-22")
    assert article.title == "Armed Russian groups start combat operation in Belgorod Oblast"
    assert article.suggestions.filter(source_text="Andrii Yusov").count() == 3
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    request = RequestFactory().post("/login/")  # sign-in throttling (django-axes) reads the request
    editor = authenticate(request, username="editor", password="workbench-demo")
    reviewer = authenticate(request, username="reviewer", password="workbench-demo")
    admin = authenticate(request, username="admin", password="workbench-demo")
    assert editor.has_perm("claims.add_article") and not editor.has_perm("claims.review_label")
    assert reviewer.has_perm("claims.review_label")
    assert admin.is_superuser and admin.is_staff
    assert sorted(g.name for g in admin.groups.all()) == ["admin"]
    assert Group.objects.get(name="admin").permissions.filter(codename="delete_source").exists()


def test_seed_demo_is_refused_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert Article.objects.count() == 0


def test_export_article_writes_to_stdout_or_a_file(database_url, tmp_path):
    result = run(["import_article", str(SEED)], database_url)
    article_id = result.stdout.strip().splitlines()[-1]
    exported = run(["export_article", article_id, "--format", "json"], database_url)
    assert exported.returncode == 0, exported.stderr
    assert '"text": "Armed Russian' in exported.stdout
    target = tmp_path / "out.docx"
    written = run(["export_article", article_id, "--format", "docx", "-o", str(target)], database_url)
    assert written.returncode == 0 and target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    "args, expected",
    [
        (["999999", "--format", "html"], "no article with id 999999"),
        (["1", "--format", "docx"], "-o"),
        (["1", "--format", "pdf"], "invalid choice"),
    ],
)
def test_export_article_bad_input_exits_1(database_url, args, expected):
    result = run(["export_article", *args], database_url)
    assert result.returncode != 0 and expected in result.stderr and "Traceback" not in result.stderr
