"""Production mode for real: `make serve` (gunicorn, WhiteNoise, DEBUG off) refuses to start without its
settings and then serves the login page, a signed-in workspace with its hashed, cached CSS, and
/healthz; `check --deploy` is clean with the values docs/deployment.md gives; /healthz says 503 when
the database does not answer."""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
# What docs/deployment.md tells a desk to set (with its own host and key).
DEPLOYMENT = {
    "DEBUG": "0",
    "SECRET_KEY": "Zt1-oKX3Q8c2u9N5m7bVw4rA6yD0eL8hJ3gF1sP5xC7vB9nM2kR4tY6uI8oE0aS2dG",
    "ALLOWED_HOSTS": "factdesk.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://factdesk.example.org",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "SECURE_PROXY_SSL_HEADER": "1",
}


def _environment(**values):
    """The test's environment without any setting of its own, plus `values`."""
    names = {
        *DEPLOYMENT,
        "DATABASE_URL",
        "PORT",
        "WEB_CONCURRENCY",
        "SECURE_COOKIES",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }  # fmt: skip (the browser tests' own)
    return {**{k: v for k, v in os.environ.items() if k not in names}, **values}


def test_make_serve_refuses_to_start_without_its_settings_in_one_line():
    done = subprocess.run(
        ["make", "--no-print-directory", "serve"], cwd=ROOT, env=_environment(SECRET_KEY="x" * 60),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("make serve:")]
    assert "ALLOWED_HOSTS" in line and "DATABASE_URL" in line and "SECRET_KEY" not in line
    assert "docs/deployment.md" in line


def test_check_deploy_is_clean_with_the_documented_settings(tmp_path):
    env = _environment(**DEPLOYMENT, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    assert "no issues" in done.stdout


@pytest.fixture
def served(tmp_path):
    """`make serve` on a fresh SQLite file and a free port, over plain HTTP on this machine (secure
    cookies and the HTTPS redirect off, as for a trial behind no proxy), with an editor account."""
    port = _free_port()
    env = _environment(
        DEBUG="0", SECRET_KEY=DEPLOYMENT["SECRET_KEY"], ALLOWED_HOSTS="127.0.0.1", SECURE_COOKIES="0",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", PORT=str(port), WEB_CONCURRENCY="1", ACCESS_LOG="0",
        JOB_IMPORT_BYTES=str(10**7),  # imports happen in the request: a worker killed mid-request is the test
    )  # fmt: skip
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve"], cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/healthz", server)
        script = (
            "from claims.permissions import EDITOR, ensure_roles; from django.contrib.auth.models import Group, User; "
            "ensure_roles(); u = User.objects.create_user('desk', password='a long desk password'); "
            "u.groups.add(Group.objects.get(name=EDITOR))"
        )
        subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True)
        served = Served(base)
        served.process, served.make_pid, served.env = server, server.pid, env
        yield served
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_make_serve_serves_the_site_its_static_files_and_a_health_check(served):
    health = urllib.request.urlopen(f"{served}/healthz", timeout=10)
    assert health.status == 200 and health.read() == b"ok\n"
    assert health.headers["Server"].startswith("gunicorn")

    browser, page = _sign_in(served)
    assert page.url.rstrip("/") == served and "Sign out" in (body := page.read().decode())

    (stylesheet,) = re.findall(r'href="(/static/claims/workbench\.[0-9a-f]{12}\.css)"', body)
    request = urllib.request.Request(served + stylesheet, headers={"Accept-Encoding": "gzip"})
    css = urllib.request.urlopen(request, timeout=10)
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css")
    assert css.headers["Content-Encoding"] == "gzip"
    cache = css.headers["Cache-Control"]
    assert "immutable" in cache and int(re.search(r"max-age=(\d+)", cache).group(1)) >= 365 * 24 * 3600


def test_a_worker_killed_mid_import_leaves_nothing_half_saved(served, tmp_path):
    browser, _ = _sign_in(served)
    form = browser.open(f"{served}/articles/import/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    sentences = 12_000
    text = " ".join(f"Minister {n} said the bridge would reopen in {n % 9 + 2} weeks." for n in range(sentences))
    data = {"csrfmiddlewaretoken": token, "format": "auto", "title": "Killed", "language": "en", "text": text}
    outcome = {}
    request = (browser.open, f"{served}/articles/import/", urllib.parse.urlencode(data).encode())
    (master,) = _children(served.make_pid)
    (worker,) = _children(master)
    idle = _cpu_seconds(worker)
    posted = threading.Thread(target=_cut_off, args=request, kwargs={"outcome": outcome})
    posted.start()
    # Well into the import (segmenting, saving, suggesting: seconds of CPU on any machine), measured by the
    # worker's own CPU time rather than the clock, which a fast machine would outrun.
    deadline = time.monotonic() + 30
    while _cpu_seconds(worker) - idle < 0.4 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(worker, signal.SIGKILL)
    posted.join(timeout=60)
    assert outcome == {"cut off": True}, "the import finished before the worker was killed: make it longer"
    _wait_for(f"{served}/healthz", served.process)  # the master starts a new worker
    script = (
        "from claims.models import Article; a = Article.objects.filter(title='Killed').first(); "
        "print('none' if a is None else f'{a.sentences.count()} {a.suggested_at is not None} {a.suggestions.count()}')"
    )
    done = subprocess.run([sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", script], cwd=ROOT,
                          env=served.env, capture_output=True, text=True, check=True)  # fmt: skip
    found = done.stdout.split()
    # Nothing, or the whole article; and its suggestions all there (suggested_at set) or none at all.
    assert found == ["none"] or (int(found[0]) == sentences and (found[1] == "True") == (int(found[2]) > 0)), found


@pytest.mark.django_db(transaction=True)
def test_health_check_says_503_when_the_database_does_not_answer(client):
    assert client.get("/healthz").status_code == 200
    kept = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/workbench.sqlite3"
    else:
        connection.settings_dict["PORT"] = str(_free_port())  # nothing listens there
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.update(kept)
    assert response.status_code == 503 and response.content == b"database unavailable\n"
    assert client.get("/healthz").status_code == 200  # and it recovers by itself


def _sign_in(base):
    """(an opener that keeps the session, the page signing in as the editor led to)."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = browser.open(f"{base}/login/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    form = {"username": "desk", "password": "a long desk password", "csrfmiddlewaretoken": token}
    return browser, browser.open(f"{base}/login/", urllib.parse.urlencode(form).encode(), timeout=10)


def _cut_off(call, *args, outcome):
    """Make the request; outcome["cut off"] says whether its answer never came (its worker was killed)."""
    try:
        call(*args, timeout=60).read()
        outcome["cut off"] = False
    except OSError:
        outcome["cut off"] = True


def _cpu_seconds(pid):
    """The CPU time process `pid` has used, user and system (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid):
    """The ids of the processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


class Served(str):
    """The served site's base URL, with the `make serve` process and its environment."""


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url, server, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"make serve stopped: {server.stderr.read()}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.mark.django_db(transaction=True)
def test_a_page_says_503_without_a_traceback_while_the_database_is_down_and_recovers(client, editor):
    client.force_login(editor)
    client.raise_request_exception = False  # as a browser sees it, with DEBUG off
    kept = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/workbench.sqlite3"
    else:
        connection.settings_dict["PORT"] = str(_free_port())
    try:
        response = client.get("/")
    finally:
        connection.close()
        connection.settings_dict.update(kept)
    body = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "cannot reach its database" in body and "Traceback" not in body and "OperationalError" not in body
    assert client.get("/").status_code == 200


def test_any_other_failure_gets_a_plain_500_page(rf):
    from workbench.errors import server_error

    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500 and "nothing of it was saved" in response.content.decode()
    assert "a bug" not in response.content.decode()
