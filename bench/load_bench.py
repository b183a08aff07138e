"""The workbench under a desk's load: `make serve` (gunicorn, DEBUG off) on a database of its own, driven
from this machine by editors (open a 200-sentence workspace, mark a claim, save its speaker, channel and
label) and reviewers (open the queue, approve, or reject with a reason), each a thread with its own
account and session. For each scenario it prints throughput, p50/p95/p99 per action, errors (5xx or
no answer) and, afterwards, the lost-update count: acknowledged writes missing from the database or
from the history.

Scenarios (PostgreSQL when one answers at 127.0.0.1:5432, else skipped):
- single: one editor and one reviewer with no pauses, 10 s: each action's time without a queue;
- throughput: 12 editors and 4 reviewers with no pauses, 30 s;
- desk: 30 editors and 5 reviewers with human pauses (1-4 s between actions), 60 s;
- sqlite: 8 editors with no pauses on the default SQLite, 20 s ("database is locked" would be a 5xx);
- pg-restart: 4 editors and a reviewer, 20 s, PostgreSQL restarted (pg_ctlcluster) a quarter of the way
  in: every failed request must get the clean error page (no traceback), and the site must recover by
  itself with nothing lost. Needs root and pg_ctlcluster; skipped otherwise.

Run: .venv/bin/python bench/load_bench.py [--seconds-scale 0.5] [--only desk]
"""

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
PASSWORD = "load-bench-password"
SECRET_KEY = "load-bench-" + "k" * 60


@dataclass
class Scenario:
    name: str
    editors: int
    reviewers: int
    seconds: float
    pause: tuple = (0, 0)  # seconds between a user's actions, drawn uniformly
    database: str = "postgresql"
    restart_postgres: bool = False


SCENARIOS = [
    Scenario("single", editors=1, reviewers=1, seconds=10),
    Scenario("throughput", editors=12, reviewers=4, seconds=30),
    Scenario("desk", editors=30, reviewers=5, seconds=60, pause=(1, 4)),
    Scenario("sqlite", editors=8, reviewers=0, seconds=20, database="sqlite"),
    Scenario("pg-restart", editors=4, reviewers=1, seconds=20, pause=(0.1, 0.3), restart_postgres=True),
]


@dataclass
class Tally:
    """What the users saw, and what the server acknowledged (to look for afterwards)."""

    times: dict = field(default_factory=lambda: defaultdict(list))  # action -> [seconds]
    errors: list = field(default_factory=list)
    refused: int = 0  # 4xx or a refusal message: a conflict between users, not a fault
    marked: set = field(default_factory=set)  # claim ids
    labelled: dict = field(default_factory=dict)  # claim id -> verdict last acknowledged
    decided: dict = field(default_factory=dict)  # label id -> "approved" / "rejected"
    lock: threading.Lock = field(default_factory=threading.Lock)
    generator_cpu: float = 0.0  # cores this process used while the users worked
    machine_cpu: float = 0.0  # CPU seconds the whole machine (server, database, users) spent meanwhile
    failures: list = field(default_factory=list)  # (when, the answer was the clean error page)
    restart: tuple = ()  # (began, ended) of the PostgreSQL restart


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run one scenario: " + ", ".join(s.name for s in SCENARIOS))
    parser.add_argument("--seconds-scale", type=float, default=1.0, help="shorten (or lengthen) every scenario")
    args = parser.parse_args()
    postgres = _answers(5432)
    for scenario in SCENARIOS:
        if args.only and scenario.name != args.only:
            continue
        if scenario.database == "postgresql" and not postgres:
            print(f"\n{scenario.name}: skipped, no PostgreSQL at 127.0.0.1:5432")
            continue
        if scenario.restart_postgres and not _restart_command():
            print(f"\n{scenario.name}: skipped, PostgreSQL cannot be restarted from here (root and pg_ctlcluster)")
            continue
        scenario.seconds *= args.seconds_scale
        run(scenario)


def run(scenario):
    url, drop = _fresh_database(scenario)
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")},
        "SECRET_KEY": SECRET_KEY, "ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": url, "PORT": str(port),
        "SECURE_COOKIES": "0", "ACCESS_LOG": "0", "BIND_ADDRESS": "127.0.0.1",
    }  # fmt: skip
    server = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/healthz")
        articles = _seed(env, scenario)
        tally = Tally()
        users = [Editor(base, f"editor{k}", articles, tally, scenario) for k in range(scenario.editors)]
        users += [Reviewer(base, f"reviewer{k}", tally, scenario) for k in range(scenario.reviewers)]
        for user in users:
            user.sign_in()
        stop = time.monotonic() + scenario.seconds
        threads = [threading.Thread(target=user.work, args=(stop,)) for user in users]
        if scenario.restart_postgres:
            threads.append(threading.Thread(target=_restart_postgres, args=(tally, scenario.seconds / 4)))
        started, cpu, busy = time.monotonic(), time.process_time(), _machine_busy()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        tally.generator_cpu = (time.process_time() - cpu) / elapsed  # this machine runs the users too
        tally.machine_cpu = _machine_busy() - busy
        lost = _lost(env, tally)
        _report(scenario, tally, elapsed, lost)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        drop()


class User:
    def __init__(self, base, username, tally, scenario):
        self.base, self.username, self.tally, self.scenario = base, username, tally, scenario
        self.browser = Browser(base)
        self.random = random.Random(username)

    def sign_in(self):
        page = self.browser.open("/login/")[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        self.browser.open("/login/", urllib.parse.urlencode(form).encode())

    def work(self, stop):
        # People do not all start at the same instant: each waits a pause before their first action too.
        time.sleep(self.random.uniform(*self.scenario.pause))
        while time.monotonic() < stop:
            try:
                self.act()
            except Failure as failure:
                with self.tally.lock:
                    self.tally.errors.append(str(failure))
            low, high = self.scenario.pause
            if high:
                time.sleep(self.random.uniform(low, high))

    def request(self, action, path, data=None, *, htmx=False):
        """The body of a 2xx answer; Failure on a 5xx or no answer; None on a 4xx (counted refused)."""
        headers = {"HX-Request": "true"} if htmx else {}
        if data is not None:
            headers["X-CSRFToken"] = self.browser.cookies["csrftoken"]
            data = urllib.parse.urlencode(data).encode()
        started = time.perf_counter()
        try:
            response, body = self.browser.open(path, data, headers)
        except OSError as error:
            with self.tally.lock:
                self.tally.failures.append((time.monotonic(), False))
            raise Failure(f"{action}: {error}") from error
        finally:
            with self.tally.lock:
                self.tally.times[action].append(time.perf_counter() - started)
        if response.status >= 500:
            clean = "Traceback" not in body and "· Attribution workbench</title>" in body
            with self.tally.lock:
                self.tally.failures.append(
                    (time.monotonic(), clean and (response.status, response.getheader("Retry-After")))
                )
            raise Failure(f"{action}: {response.status}")
        if response.status >= 400:
            with self.tally.lock:
                self.tally.refused += 1
            return None
        return body


class Browser:
    """What a browser keeps between requests: its cookies and one open connection to the server
    (HTTP/1.1 keep-alive), opened again when the server has closed it."""

    def __init__(self, base):
        self.host, self.port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
        self.cookies, self.connection = {}, None

    def open(self, path, data=None, headers=None):
        """(response, body text) of GET `path`, or POST of `data` (form-encoded bytes); redirects not followed."""
        headers = {**(headers or {}), "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            reused = self.connection is not None
            if not reused:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.connection.request("POST" if data is not None else "GET", path, data, headers)
                response = self.connection.getresponse()
                body = response.read().decode(errors="replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept connection the server closed while idle: nothing was handled, so ask again.
                self.close()
                if not reused or attempt == 2:
                    raise
            except OSError:
                self.close()
                raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";")[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return response, body

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class Failure(Exception):
    pass


class Editor(User):
    def __init__(self, base, username, articles, tally, scenario):
        super().__init__(base, username, tally, scenario)
        self.articles = articles  # shared: [(article id, [free sentence ids])], taken under the tally's lock

    def act(self):
        with self.tally.lock:
            article, sentences = self.random.choice(self.articles)
            if not sentences:
                return
            sentence = sentences.pop()
        self.request("open workspace", f"/articles/{article}/")
        panel = self.request("mark claim", f"/articles/{article}/sentences/{sentence}/claims/", {}, htmx=True)
        found = panel and re.search(r'action="/claims/(\d+)/".*?name="version" value="(\d+)"', panel, re.S)
        if not found:
            return
        claim, version = found.groups()
        with self.tally.lock:
            self.tally.marked.add(int(claim))
        verdict = self.random.choice(["confirmed", "denied", "unverified"])
        data = {"version": version, "speaker": f"Speaker {self.random.randrange(5)}", "channel": "Telegram",
                "verdict": verdict, "rationale": "Checked against the recording."}  # fmt: skip
        saved = self.request("save claim", f"/claims/{claim}/", data, htmx=True)
        if saved and "Saved." in saved:
            with self.tally.lock:
                self.tally.labelled[int(claim)] = verdict


class Reviewer(User):
    def act(self):
        queue = self.request("open queue", "/review/")
        labels = re.findall(r'action="/review/(\d+)/approve/"', queue or "")
        if not labels:
            time.sleep(0.2)
            return
        label = self.random.choice(labels)
        if self.random.random() < 0.75:
            decision, data = "approved", {"comment": ""}
        else:
            decision, data = "rejected", {"comment": "The recording says otherwise."}
        path = f"/review/{label}/{'approve' if decision == 'approved' else 'reject'}/"
        # As the queue's buttons do with JavaScript: the decided item comes back, not the whole queue.
        answer = self.request("approve" if decision == "approved" else "reject", path, data, htmx=True)
        if answer is not None and "message--error" not in answer:
            with self.tally.lock:
                self.tally.decided[int(label)] = decision


def _seed(env, scenario):
    """Accounts (editors, reviewers), five speakers and 200-sentence articles (with their suggestions);
    returns [(article id, [sentence ids])] to mark."""
    # Enough sentences that no editor runs out before the end, at several hundred actions a second.
    count = max(4, scenario.editors)
    script = f"""
import sys
sys.path.insert(0, "bench")
from django.contrib.auth.models import Group, User
from claims.importing.metadata import Metadata
from claims.importing.pipeline import import_and_suggest
from claims.models import Source
from claims.permissions import EDITOR, REVIEWER, ensure_roles
from workspace_bench import article_text
ensure_roles()
for role, n in ((EDITOR, {scenario.editors}), (REVIEWER, {scenario.reviewers})):
    for k in range(n):
        User.objects.create_user(f"{{role}}{{k}}", password="{PASSWORD}").groups.add(Group.objects.get(name=role))
for k in range(5):
    Source.objects.create(name=f"Speaker {{k}}")
for k in range({count}):
    article, _ = import_and_suggest(article_text(200).encode(), fmt="text", meta=Metadata(title=f"Load {{k}}"))
    print(article.pk, *article.sentences.values_list("pk", flat=True))
"""
    rows = [list(map(int, line.split())) for line in _shell(env, script).splitlines() if line.strip()]
    return [(row[0], row[1:]) for row in rows]


def _lost(env, tally):
    """Acknowledged writes the database does not hold: claims marked, labels saved (the verdict last
    acknowledged is the claim's current one), decisions taken, and each one's history entry."""
    expected = {"marked": sorted(tally.marked), "labelled": tally.labelled, "decided": tally.decided}
    script = f"""
from claims.models import Claim, HistoryEntry, Label
expected = {expected!r}
lost = 0
claims = {{c.pk: c for c in Claim.objects.filter(pk__in=expected["marked"]).with_labels(people=False)}}
created = set(HistoryEntry.objects.filter(action="created", object_type="claim").values_list("object_id", flat=True))
lost += sum(1 for pk in expected["marked"] if pk not in claims or pk not in created)
proposed = set(HistoryEntry.objects.filter(action="proposed").values_list("claim_id", flat=True))
for pk, verdict in expected["labelled"].items():
    claim = claims.get(pk)
    verdicts = [label.verdict for label in (claim.labels.all() if claim else [])]
    lost += not (claim and verdict in verdicts and pk in proposed)
decided = dict(Label.objects.filter(pk__in=expected["decided"]).values_list("pk", "status"))
entries = set(HistoryEntry.objects.filter(action__in=["approved", "rejected"]).values_list("object_id", flat=True))
lost += sum(1 for pk, status in expected["decided"].items() if decided.get(pk) != status or pk not in entries)
print(lost)
"""
    return int(_shell(env, script).split()[-1])


def _shell(env, script):
    """What `script` prints, run by `manage.py shell` against the served database."""
    command = [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", script]
    return subprocess.run(
        command, cwd=ROOT, env={**env, "DEBUG": "0"}, capture_output=True, text=True, check=True
    ).stdout


def _report(scenario, tally, elapsed, lost):
    every = [t for times in tally.times.values() for t in times]
    print(f"\n{scenario.name}: {scenario.editors} editors, {scenario.reviewers} reviewers, {scenario.database}, "
          f"{elapsed:.0f} s, pauses {scenario.pause[0]}-{scenario.pause[1]} s")  # fmt: skip
    print("| action | requests | p50 | p95 | p99 |\n| --- | ---: | ---: | ---: | ---: |")
    for action, times in [*sorted(tally.times.items()), ("all", every)]:
        print(f"| {action} | {len(times):,} | {_ms(times, 50)} | {_ms(times, 95)} | {_ms(times, 99)} |")
    print(f"throughput {len(every) / elapsed:.0f} actions/s; errors (5xx or no answer) {len(tally.errors)}; "
          f"refused (4xx) {tally.refused}; acknowledged: {len(tally.marked)} claims marked, "
          f"{len(tally.labelled)} labels saved, {len(tally.decided)} decisions; lost {lost}")  # fmt: skip
    print(f"the load generator used {tally.generator_cpu:.0%} of a core; the machine spent "
          f"{1000 * tally.machine_cpu / max(1, len(every)):.1f} ms of CPU per action")  # fmt: skip
    if tally.restart:
        began, ended = tally.restart
        clean = [kind for _, kind in tally.failures if kind]
        pages = ", ".join(sorted({f"{code} with Retry-After {after}" for code, after in clean}))
        unclean = len(tally.failures) - len(clean)
        print(f"PostgreSQL restarted in {ended - began:.1f} s: {len(tally.failures)} requests failed, "
              f"{len(clean)} with the clean error page ({pages or 'none'}), {unclean} without")  # fmt: skip
        if tally.failures:
            last = max(when for when, _ in tally.failures) - began
            print(f"the last failure came {last:.1f} s after the restart began; every request after it succeeded")
    for error in sorted(set(tally.errors))[:5]:
        print("  error:", error)


def _restart_command():
    """pg_ctlcluster's restart of the cluster at port 5432, when this process may run it."""
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster"):
        return None
    listed = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True).stdout.split("\n")
    for version, cluster, port, *_ in (line.split() for line in listed if line.strip()):
        if port == "5432":
            return ["pg_ctlcluster", version, cluster, "restart"]
    return None


def _restart_postgres(tally, after):
    time.sleep(after)
    began = time.monotonic()
    subprocess.run(_restart_command(), check=True, capture_output=True)
    tally.restart = (began, time.monotonic())


def _machine_busy():
    """CPU seconds this machine has spent on anything but idling, since it booted (Linux)."""
    try:
        with open("/proc/stat") as stat:
            user, nice, system, idle, iowait, *rest = map(int, stat.readline().split()[1:])
    except OSError:
        return 0.0
    return (user + nice + system + sum(rest[:3])) / os.sysconf("SC_CLK_TCK")


def _ms(times, q):
    if not times:
        return "—"
    ordered = sorted(times)
    return f"{1000 * ordered[min(len(ordered) - 1, int(len(ordered) * q / 100))]:.0f} ms"


def _fresh_database(scenario):
    """(DATABASE_URL, drop) of an empty database for this run."""
    if scenario.database == "sqlite":
        folder = tempfile.mkdtemp()
        return f"sqlite:///{folder}/load.sqlite3", lambda: None
    import psycopg

    name = f"workbench_load_{os.getpid()}"

    def execute(sql):
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(sql)

    execute(f"DROP DATABASE IF EXISTS {name}")
    execute(f"CREATE DATABASE {name}")
    return f"{POSTGRES}/{name}", lambda: execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in {seconds} s")


if __name__ == "__main__":
    main()
