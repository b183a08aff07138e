"""`make worker` for real: the worker command (django-tasks-db's db_worker with the job sweep) runs a big
import queued in the database; SIGKILLed in the middle of it, the job is not lost: the next worker hands it
to a new task, which finishes it without importing the article twice. On a SQLite file of its own, since
the worker is a separate process."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.test_deployment import DEPLOYMENT, ROOT, _environment

SENTENCES = 6000
SETUP = f"""
from django.contrib.auth.models import User
from claims.importing.metadata import Metadata
from claims.jobs import start_import
user = User.objects.create_user("desk")
text = " ".join(f"Minister {{n}} said the bridge would reopen in {{n % 9 + 2}} weeks." for n in range({SENTENCES}))
start_import(text.encode(), filename="hearing.txt", fmt="auto", meta=Metadata(title="Hearing"), by=user,
             allow_restore=False)
"""


def test_make_worker_refuses_to_start_without_its_settings_in_one_line():
    done = subprocess.run(
        ["make", "--no-print-directory", "worker"], cwd=ROOT, env=_environment(SECRET_KEY="x" * 60),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("make worker:")]
    assert done.returncode != 0 and "DATABASE_URL" in line and "SECRET_KEY" not in line


def test_a_job_whose_worker_is_killed_is_retried_by_the_next_worker(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = _environment(
        DEBUG="0", SECRET_KEY=DEPLOYMENT["SECRET_KEY"], DATABASE_URL=f"sqlite:///{database}", JOB_STALE_SECONDS="2"
    )
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True, timeout=120)
    subprocess.run([*manage, "shell", "--verbosity", "0", "-c", SETUP], cwd=ROOT, env=env, check=True, timeout=120)

    first = _start_worker(env)
    try:
        _wait(database, lambda job: job["phase"] == "Finding attributions" and job["done"] > 0)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    killed = _job(database)
    assert (killed["status"], killed["attempts"]) == ("running", 1)

    second = _start_worker(env)
    try:
        finished = _wait(database, lambda job: job["status"] in ("done", "failed"), timeout=120)
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=30)
    assert (finished["status"], finished["attempts"], finished["lost"]) == ("done", 2, 1), finished
    with sqlite3.connect(database) as db:
        articles = db.execute("SELECT id FROM claims_article WHERE title = 'Hearing'").fetchall()
        (article,) = articles  # imported once, not once per attempt
        sentences = db.execute("SELECT count(*) FROM claims_sentence WHERE article_id = ?", article).fetchone()[0]
        suggestions = db.execute("SELECT count(*) FROM claims_suggestion WHERE article_id = ?", article).fetchone()[0]
        tasks = sorted(status for (status,) in db.execute("SELECT status FROM django_tasks_database_dbtaskresult"))
    assert (sentences, suggestions) == (SENTENCES, SENTENCES)
    assert tasks == ["FAILED", "SUCCESSFUL"]  # the killed worker's task is closed, its replacement ran


def _start_worker(env):
    command = ["make", "--no-print-directory", "worker"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _job(database):
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        return dict(db.execute("SELECT status, phase, done, attempts, lost FROM claims_job").fetchone())


def _wait(database, condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition(job := _job(database)):
            return job
        time.sleep(0.05)
    raise AssertionError(f"the job never got there: {_job(database)}")
