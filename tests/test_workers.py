"""Cached pages are fresh on every worker the moment another process changes the data.

An integration test (marker ``integration``): it serves the site with gunicorn (two sync
workers, DEBUG off, as in production) from a scratch SQLite database of its own, warms the
cached pages on both workers, changes the data from other processes (a management command,
then the ORM in `manage.py shell`) and checks that every later answer from either worker
shows the change. Each answer is traced to the worker that gave it through gunicorn's
access log (the worker's pid beside a probe id sent as a request header).

It runs once with the default shared store (the database) and once with Redis
(DJANGO_CACHE_URL, database 12 of 127.0.0.1:6379, which nothing else should use). Without
Redis that variant is skipped, under CI=true it fails.

The database is always a temporary SQLite file, also when the suite runs on PostgreSQL:
what is under test is the cache, not the database.
"""

from __future__ import annotations

import csv
import http.client
import os
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from frivillig.tests.cache_stores import require_redis

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REDIS_URL = "redis://127.0.0.1:6379/12"
CATEGORY = "tro"  # a small category, so that its filtered list is a page of its own
PAGES = ["/", "/foreninger/", f"/foreninger/?kategori={CATEGORY}", "/frivillig/"]
WORKERS = 2
READY_SECONDS = 60
COMMAND_SECONDS = 180
# Answers per round, in parallel: with both sync workers busy, each accepts some of them.
PARALLEL = 6
ROUNDS = 15
ACCESS_LINE = re.compile(r"^<(?P<pid>\d+)> (?P<probe>[0-9a-f]{32}) (?P<status>\d{3}) ")


@dataclass(frozen=True)
class Answer:
    pid: int
    status: int
    body: str


def _environment(directory: Path, secret_key: str) -> dict[str, str]:
    """The environment of every process started here: production-like, nothing inherited
    that could point it elsewhere (a DATABASE_URL from the PostgreSQL run, a mail server)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "FRIVILLIG_")) and name != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="frivillig.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_STATIC_ROOT=str(directory / "static"),
        DJANGO_MEDIA_ROOT=str(directory / "media"),
        DJANGO_SQLITE_PATH=str(directory / "seeded.sqlite3"),
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} exited {done.returncode}:\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}",
            pytrace=False,
        )
    return done.stdout


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> dict[str, str]:
    """A migrated database with the demo data and collected static files, made once and
    copied for each variant. Returns the environment that uses it."""
    directory = tmp_path_factory.mktemp("workers")
    env = _environment(directory, secrets.token_urlsafe(50))
    # collectstatic needs no database: let it run while the database is built.
    static = subprocess.Popen(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "seed_demo")
    finally:
        output, _ = static.communicate(timeout=COMMAND_SECONDS)
    if static.returncode != 0:
        pytest.fail(f"collectstatic exited {static.returncode}:\n{output[-4000:]}", pytrace=False)
    return env


class Site:
    """gunicorn serving a copy of the seeded database, in its own process group."""

    def __init__(self, env: dict[str, str], directory: Path):
        self.env = env
        self.database = Path(env["DJANGO_SQLITE_PATH"])
        self.access_log = directory / "access.log"
        self.error_log = directory / "error.log"
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.pool = ThreadPoolExecutor(PARALLEL)

    def start(self) -> None:
        # The test binds the socket and hands it over, so the port cannot be taken meanwhile.
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        try:
            self.process = subprocess.Popen(
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "frivillig.wsgi",
                    "--workers",
                    str(WORKERS),
                    "--bind",
                    f"fd://{listener.fileno()}",
                    "--no-control-socket",
                    "--access-logfile",
                    str(self.access_log),
                    "--access-logformat",
                    '%(p)s %({x-probe}i)s %(s)s "%(r)s"',
                    "--error-logfile",
                    str(self.error_log),
                    "--graceful-timeout",
                    "5",
                ],
                cwd=ROOT,
                env=self.env,
                pass_fds=[listener.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        finally:
            listener.close()

    def stop(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.process is None or self.process.poll() is not None:
            return
        # The whole process group: the arbiter and its workers.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)

    def error_tail(self) -> str:
        try:
            return self.error_log.read_text(errors="replace")[-3000:]
        except FileNotFoundError:
            return "(no error log)"

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn exited {self.process.returncode}:\n{self.error_tail()}")
            try:
                if self._get("/healthz/", probe=secrets.token_hex(16))[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"gunicorn did not answer /healthz/ in {READY_SECONDS}s:\n{self.error_tail()}")

    def _get(self, path: str, *, probe: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers={"X-Probe": probe})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def _pids(self, probes: list[str]) -> dict[str, int]:
        """Which worker answered each probe, from the access log (written just after the
        answer, so wait for it briefly)."""
        wanted = set(probes)
        deadline = time.monotonic() + 10
        while True:
            found = {}
            for line in self.access_log.read_text(errors="replace").splitlines():
                match = ACCESS_LINE.match(line)
                if match and match["probe"] in wanted:
                    found[match["probe"]] = int(match["pid"])
            if len(found) == len(wanted) or time.monotonic() > deadline:
                missing = wanted - set(found)
                assert not missing, f"{len(missing)} answers are missing from the access log"
                return found
            time.sleep(0.05)

    def answers(self, path: str) -> list[Answer]:
        """Answers to ``path`` until both workers have given some: every one is returned."""
        answers: list[Answer] = []
        for _ in range(ROUNDS):
            probes = [secrets.token_hex(16) for _ in range(PARALLEL)]
            results = list(self.pool.map(lambda probe: self._get(path, probe=probe), probes))
            pids = self._pids(probes)
            answers += [
                Answer(pids[probe], status, body)
                for probe, (status, body) in zip(probes, results, strict=True)
            ]
            if len(_workers(answers)) >= WORKERS:
                break
        else:
            pytest.fail(
                f"{path}: only workers {sorted(_workers(answers))} gave the "
                f"{len(answers)} answers; expected {WORKERS}"
            )
        bad = [answer.status for answer in answers if answer.status != 200]
        assert not bad, f"{path}: statuses {bad}\n{self.error_tail()}"
        return answers


@pytest.fixture(params=["database", "redis"], ids=["database-store", "redis-store"])
def site(request, seeded, tmp_path) -> Site:
    env = dict(seeded)
    if request.param == "redis":
        require_redis(REDIS_URL)
        env["DJANGO_CACHE_URL"] = REDIS_URL
    # A copy of its own per variant; sqlite3's backup copes with the WAL journal.
    env["DJANGO_SQLITE_PATH"] = str(tmp_path / "site.sqlite3")
    source = sqlite3.connect(seeded["DJANGO_SQLITE_PATH"])
    target = sqlite3.connect(env["DJANGO_SQLITE_PATH"])
    with source, target:
        source.backup(target)
    source.close()
    target.close()

    site = Site(env, tmp_path)
    # Registered before anything can fail, so gunicorn is stopped whatever happens.
    request.addfinalizer(site.stop)
    site.start()
    site.wait_until_ready()
    return site


def _workers(answers: list[Answer]) -> set[int]:
    return {answer.pid for answer in answers}


def assert_every_answer(answers: list[Answer], path: str, *, shows=(), hides=()) -> None:
    for text in shows:
        lacking = [answer.pid for answer in answers if text not in answer.body]
        assert not lacking, (
            f"{path}: {len(lacking)} of {len(answers)} answers lack {text!r} "
            f"(workers {sorted(set(lacking))} of {sorted(_workers(answers))})"
        )
    for text in hides:
        showing = [answer.pid for answer in answers if text in answer.body]
        assert not showing, (
            f"{path}: {len(showing)} of {len(answers)} answers show {text!r} "
            f"(workers {sorted(set(showing))} of {sorted(_workers(answers))})"
        )


def _import_association(site: Site, name: str) -> None:
    """A new, published association in CATEGORY, through the import command."""
    path = site.database.parent / "import.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["name", "description", "categories"])
        writer.writerow([name, "Made by the two-worker freshness test.", CATEGORY])
    output = _manage(site.env, "import_associations", str(path), "--status", "published")
    assert "Imported 1 associations" in output, output


def _add_opportunity_and_rename(site: Site, name: str, *, title: str, new_name: str) -> None:
    """Through the ORM in another process: an opportunity for it, and a new name."""
    code = (
        "from foreninger.models import Association, VolunteerOpportunity\n"
        f"association = Association.objects.get(name={name!r})\n"
        "VolunteerOpportunity.objects.create(association=association, "
        f"title={title!r}, description='Made by the freshness test.', "
        "time_commitment='2 hours a week')\n"
        f"association.name = {new_name!r}\n"
        "association.save()\n"
    )
    _manage(site.env, "shell", "--no-startup", "--command", code)


def test_a_change_from_another_process_shows_on_every_worker_at_once(site):
    token = secrets.token_hex(4)
    # "A0" sorts first, so the association is on the list's first page.
    name, new_name = f"A0 Friskhed {token}", f"A0 Omdoebt {token}"
    title = f"Friskhedsopgave {token}"

    # 1. Warm every page on both workers.
    warm = {path: site.answers(path) for path in PAGES}
    workers = set().union(*map(_workers, warm.values()))
    assert len(workers) == WORKERS, f"expected {WORKERS} workers, saw {sorted(workers)}"
    for path, answers in warm.items():
        assert _workers(answers) == workers, f"{path} was not warmed on both workers"
        assert_every_answer(answers, path, hides=[token])

    # 2. The control: a change that bypasses the generations (raw SQL) stays unseen, so the
    #    pages really are served from each worker's memory, and what follows proves something.
    with sqlite3.connect(site.database) as connection:
        (first,) = connection.execute(
            "SELECT name FROM foreninger_association WHERE status = 'published' "
            "ORDER BY name LIMIT 1"
        ).fetchone()
        connection.execute(
            "UPDATE foreninger_association SET name = name || ? WHERE name = ?",
            (f" kontrol-{token}", first),
        )
    connection.close()
    cached = site.answers("/foreninger/")
    assert _workers(cached) == workers
    assert_every_answer(cached, "/foreninger/", hides=[f"kontrol-{token}"])

    # 3. A management command adds a published association to CATEGORY.
    _import_association(site, name)
    for path in ["/foreninger/", f"/foreninger/?kategori={CATEGORY}"]:
        answers = site.answers(path)
        assert _workers(answers) == workers, "the workers that held the old pages answer"
        assert_every_answer(answers, path, shows=[name])
    # The whole list was rebuilt, not just patched: the control's change shows too.
    assert_every_answer(site.answers("/foreninger/"), "/foreninger/", shows=[f"kontrol-{token}"])

    # 4. The ORM in another process adds an opportunity and renames the association.
    _add_opportunity_and_rename(site, name, title=title, new_name=new_name)
    expected = {
        "/": {"shows": [title]},
        "/frivillig/": {"shows": [title, new_name]},
        "/foreninger/": {"shows": [new_name], "hides": [name]},
        f"/foreninger/?kategori={CATEGORY}": {"shows": [new_name], "hides": [name]},
    }
    for path, texts in expected.items():
        answers = site.answers(path)
        assert _workers(answers) == workers, "the workers that held the old pages answer"
        assert_every_answer(answers, path, **texts)

    assert site.process.poll() is None, "gunicorn stopped during the test"
