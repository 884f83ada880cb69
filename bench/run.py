#!/usr/bin/env python3
"""`make bench`: serve Frivillig as in production and measure its key pages under load.

What it does, in order:

1. A database: DATABASE_URL from the environment if set (PostgreSQL, used as it is: the demo
   centre and 2,000 bench users are written to it, so point it at a bench database), else a
   fresh SQLite file bench/results/bench.sqlite3 (removed afterwards unless --keep). Then
   `migrate`, `seed_demo`, `seed_bench` and `collectstatic` with DEBUG off.
2. Queries per request, counted in-process (bench/queries.py: django.test.Client and
   CaptureQueriesContext, a warm anonymous request, same environment as the server; the
   statements go to bench/results/queries.txt).
3. gunicorn, 2 sync workers, on 127.0.0.1 and a free port, DEBUG off, no access log, no
   control socket, in its own process group (always stopped, also on Ctrl-C or SIGTERM).
   Only 127.0.0.1 is ever requested.
4. Per page: the first-load size (the HTML plus every same-origin stylesheet and script it
   references, fetched with Accept-Encoding: gzip as WhiteNoise serves them), a short warm-up,
   then `wrk -t2 -c8 -d<duration>s --latency` (bench/wrk_report.lua adds p95). Without wrk,
   a bounded Python load loop with 8 threads does the same, less precisely. /healthz/, the
   baseline, runs first and again last.
5. How much CPU other processes took meanwhile (/proc): a page measured while the machine
   was busy is measured again (--retries) and flagged if it stays busy.
6. A table (also written to bench/results/latest.txt, with the numbers in latest.json),
   each page checked against its goal; the exit status is 1 when a goal is missed, 2 when
   the bench itself could not run.

Add a page by appending to PAGES. Goals: a page's median latency is compared with the
/healthz/ median measured in the same run, which makes the check portable across machines.

Usage: python bench/run.py [--duration 8] [--warmup 1] [--pages home,about] [--keep]
                           [--retries 2] [--load auto|wrk|python]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import http.client
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

# --------------------------------------------------------------------------------------
# Pages and goals. Later issues append pages here.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    """Limits a page must meet; None means "not checked"."""

    max_queries: int | None = 10
    max_healthz_ratio: float | None = 6.0  # median latency / /healthz/ median, same run
    max_first_load_kb: float | None = 150.0  # HTML + same-origin CSS/JS, gzip, KB of 1024


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    goal: Goal
    note: str = ""
    # Python run by `manage.py shell -c` after seeding; its last printed line replaces
    # `path` (for pages whose address depends on the seeded data, e.g. one association).
    path_lookup: str = ""


PUBLIC_PAGE = Goal(max_queries=10, max_healthz_ratio=6.0, max_first_load_kb=150.0)
# The association guide's list, filters and search: issue 4's goals, 5,000 associations.
GUIDE_LIST = Goal(max_queries=10, max_healthz_ratio=20.0, max_first_load_kb=150.0)
BASELINE = "healthz"

PAGES = [
    # The baseline: a bare view that by design never touches the database.
    Page(
        "healthz",
        "/healthz/",
        Goal(max_queries=0, max_healthz_ratio=None, max_first_load_kb=None),
        "baseline",
    ),
    Page("home", "/", PUBLIC_PAGE, "front page, Danish"),
    Page("home-en", "/en/", PUBLIC_PAGE, "front page, English"),
    Page("about", "/om/", PUBLIC_PAGE, "about the centre"),
    Page("privacy", "/privatlivspolitik/", PUBLIC_PAGE, "privacy policy"),
    Page("accessibility", "/tilgaengelighed/", PUBLIC_PAGE, "accessibility statement"),
    Page("login", "/konto/login/", PUBLIC_PAGE, "login form"),
    Page("guide", "/foreninger/", GUIDE_LIST, "association guide, first page"),
    Page(
        "guide-filter",
        "/foreninger/?kategori=social&frivillige=1",
        GUIDE_LIST,
        "guide filtered by category and 'looking for volunteers'",
    ),
    Page("guide-search", "/foreninger/?q=sorg", GUIDE_LIST, "guide full-text search"),
    Page(
        "association",
        "/foreninger/",
        Goal(max_queries=8, max_healthz_ratio=8.0, max_first_load_kb=150.0),
        "one association's page (the first published one, looked up after seeding)",
        path_lookup=(
            "from foreninger.models import Association; "
            "a = Association.objects.published().order_by('name').first(); "
            "print(a.get_absolute_url() if a else '/foreninger/')"
        ),
    ),
    Page("opportunities", "/frivillig/", GUIDE_LIST, "volunteer opportunities, first page"),
    Page(
        "opportunities-filter",
        "/frivillig/?maalgruppe=seniorer&omraade=hele-kommunen",
        GUIDE_LIST,
        "volunteer opportunities filtered by target group and area",
    ),
    Page(
        "opportunity",
        "/frivillig/",
        Goal(max_queries=8, max_healthz_ratio=8.0, max_first_load_kb=150.0),
        "one volunteer opportunity with the offer form (the newest, looked up after seeding)",
        path_lookup=(
            "from foreninger.models import VolunteerOpportunity; "
            "o = VolunteerOpportunity.objects.open_to_the_public().order_by('-pk').first(); "
            "print(o.get_absolute_url() if o else '/frivillig/')"
        ),
    ),
    Page("members", "/medlemmer/", GUIDE_LIST, "this year's member associations, first page"),
    Page("register", "/opret-forening/", PUBLIC_PAGE, "register an association (form)"),
]

# --------------------------------------------------------------------------------------

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
SQLITE_PATH = RESULTS_DIR / "bench.sqlite3"
STATIC_ROOT = RESULTS_DIR / "staticfiles"
MEDIA_ROOT = RESULTS_DIR / "media"
WRK_SCRIPT = BENCH_DIR / "wrk_report.lua"
HOST = "127.0.0.1"  # the only address ever served or requested
WORKERS = 2
CONNECTIONS = 8
WRK_THREADS = 2
SETUP_TIMEOUT = 600  # seconds, per management command
READY_TIMEOUT = 30  # seconds for gunicorn to answer /healthz/
HTTP_TIMEOUT = 10  # seconds, per single request
BASELINE_DRIFT = 0.20  # warn when the two /healthz/ medians differ by more than this
BUSY_SHARE = 0.10  # warn when other processes took more of the CPUs while measuring


class BenchError(Exception):
    """Setup failed: nothing was measured."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# ---- environment and setup -----------------------------------------------------------


def bench_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GUNICORN_CMD_ARGS", None)  # the server's options are fixed here
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "frivillig.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
            "DJANGO_MEDIA_ROOT": str(MEDIA_ROOT),
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
        env["DJANGO_SQLITE_PATH"] = str(SQLITE_PATH)
    return env


def sqlite_files() -> list[Path]:
    return [
        SQLITE_PATH.with_name(SQLITE_PATH.name + suffix)
        for suffix in ("", "-wal", "-shm", "-journal")
    ]


def remove_sqlite() -> None:
    for path in sqlite_files():
        path.unlink(missing_ok=True)


def manage(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "manage.py", *args]
    started = time.monotonic()
    try:
        done = subprocess.run(
            command,
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=SETUP_TIMEOUT,
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"manage.py {' '.join(args)} took over {SETUP_TIMEOUT} s") from error
    if done.returncode != 0:
        raise BenchError(
            f"manage.py {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    log(f"manage.py {' '.join(args)}: {time.monotonic() - started:.1f} s")
    return done.stdout


def lookup_path(env: dict[str, str], page: Page) -> Page:
    """The page with its path looked up in the seeded database (see Page.path_lookup)."""
    if not page.path_lookup:
        return page
    output = manage(env, "shell", "-c", page.path_lookup).strip().splitlines()
    path = output[-1].strip() if output else ""
    if not path.startswith("/"):
        raise BenchError(f"{page.name}: path lookup printed {path!r}, not a path")
    return replace(page, path=path)


def count_queries(env: dict[str, str], pages: list[Page]) -> dict[str, dict]:
    done = subprocess.run(
        [sys.executable, str(BENCH_DIR / "queries.py"), *[page.path for page in pages]],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=SETUP_TIMEOUT,
    )
    if done.returncode != 0:
        raise BenchError(f"bench/queries.py failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout)


# ---- the server ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def gunicorn_command(port: int) -> list[str]:
    executable = Path(sys.executable).parent / "gunicorn"
    base = [str(executable)] if executable.exists() else [sys.executable, "-m", "gunicorn"]
    return [
        *base,
        "frivillig.wsgi:application",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--bind",
        f"{HOST}:{port}",
        "--no-control-socket",
        "--log-level",
        "warning",
        # No --access-logfile: gunicorn writes no access log without one.
    ]


class Server:
    """gunicorn in its own process group, so that stopping it stops every worker."""

    def __init__(self, env: dict[str, str], log_path: Path):
        self.env = env
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        for _attempt in range(3):
            self.port = free_port()
            with open(self.log_path, "ab") as log_file:
                self.process = subprocess.Popen(
                    gunicorn_command(self.port),
                    cwd=BASE_DIR,
                    env=self.env,
                    stdin=subprocess.DEVNULL,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            if self._wait_ready():
                log(f"gunicorn (pid {self.process.pid}) on http://{HOST}:{self.port}/")
                return
            self.stop()
        raise BenchError(f"gunicorn did not start; see {self.log_path}:\n{self.log_tail()}")

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                status, _headers, _body = http_get(self.port, "/healthz/", timeout=2)
                if status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
        except ProcessLookupError:
            pass

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def http_get(port: int, path: str, headers: dict | None = None, timeout: float = HTTP_TIMEOUT):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


# ---- first-load size -----------------------------------------------------------------


class AssetParser(HTMLParser):
    """Stylesheets (<link rel=stylesheet href>) and scripts (<script src>) of a page."""

    def __init__(self):
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").lower().split():
            if attributes.get("href"):
                self.assets.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.assets.append(attributes["src"])


@dataclass
class FirstLoad:
    status: int = 0
    html_bytes: int = 0  # uncompressed
    html_gzip_bytes: int = 0
    html_served_gzip: bool = False
    assets: list[dict] = field(default_factory=list)
    total_bytes: int = 0  # compressed, HTML + assets
    problems: list[str] = field(default_factory=list)


def measure_first_load(port: int, path: str) -> FirstLoad:
    result = FirstLoad()
    origin = f"http://{HOST}:{port}"
    page_url = urljoin(origin, path)
    # The HTML uncompressed, to size and parse it; then as served to a gzip-capable browser.
    status, headers, body = http_get(port, path)
    result.status = status
    result.html_bytes = len(body)
    _s, gz_headers, gz_body = http_get(port, path, {"Accept-Encoding": "gzip"})
    if gz_headers.get("content-encoding") == "gzip":
        result.html_served_gzip = True
        result.html_gzip_bytes = len(gz_body)
    else:
        # Django does not compress HTML here (no GZipMiddleware); the reverse proxy would.
        result.html_gzip_bytes = len(gzip.compress(body, compresslevel=6))
    total = result.html_gzip_bytes
    if "html" in headers.get("content-type", ""):
        parser = AssetParser()
        parser.feed(body.decode("utf-8", errors="replace"))
        seen = set()
        for reference in parser.assets:
            url = urljoin(page_url, reference)
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != origin or url in seen:
                continue  # other origins are not ours to count (and never requested)
            seen.add(url)
            asset_path = parts.path + (f"?{parts.query}" if parts.query else "")
            a_status, a_headers, a_body = http_get(port, asset_path, {"Accept-Encoding": "gzip"})
            encoding = a_headers.get("content-encoding", "identity")
            result.assets.append(
                {"path": asset_path, "status": a_status, "bytes": len(a_body), "encoding": encoding}
            )
            if a_status != 200:
                result.problems.append(f"asset {asset_path} answered {a_status}")
            total += len(a_body)
    result.total_bytes = total
    return result


# ---- load ----------------------------------------------------------------------------


@dataclass
class Load:
    tool: str
    requests: int = 0
    seconds: float = 0.0
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0  # socket errors, timeouts and non-2xx/3xx answers
    detail: str = ""


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def parse_wrk_duration_ms(text: str) -> float:
    """wrk's human durations ("850.00us", "1.23ms", "2.01s") in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(output: str) -> Load:
    """Numbers from wrk's report plus the BENCH_JSON line of bench/wrk_report.lua.

    Requests/s and the median come from wrk's own text; p95 (which --latency does not print)
    from the script. The two sources are cross-checked on the median.
    """
    match = re.search(r"^BENCH_JSON (\{.*\})$", output, re.MULTILINE)
    if not match:
        raise ValueError("wrk printed no BENCH_JSON line (was the Lua script run?)")
    data = json.loads(match.group(1))
    rps_match = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    p50_match = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    if not rps_match or not p50_match:
        raise ValueError("wrk output lacks Requests/sec or the 50% line (--latency missing?)")
    load = Load(tool="wrk")
    load.requests = int(data["requests"])
    load.seconds = data["duration_us"] / 1e6
    load.rps = float(rps_match.group(1))
    load.p50_ms = parse_wrk_duration_ms(p50_match.group(1))
    load.p95_ms = data["p95_us"] / 1e3
    load.p99_ms = data["p99_us"] / 1e3
    load.errors = sum(
        data[k] for k in ("err_connect", "err_read", "err_write", "err_timeout", "err_status")
    )
    # Cross-checks: the script's numbers against wrk's rounded text.
    script_p50 = data["p50_us"] / 1e3
    if abs(script_p50 - load.p50_ms) > max(0.02 * load.p50_ms, 0.011):
        raise ValueError(f"median mismatch: text {load.p50_ms} ms, script {script_p50} ms")
    script_rps = load.requests / load.seconds if load.seconds else 0.0
    if abs(script_rps - load.rps) > max(0.01 * load.rps, 0.5):
        raise ValueError(f"requests/s mismatch: text {load.rps}, script {script_rps:.2f}")
    if not (load.p50_ms <= load.p95_ms + 1e-9 <= load.p99_ms + 2e-9):
        raise ValueError(f"percentiles out of order: {load.p50_ms}, {load.p95_ms}, {load.p99_ms}")
    return load


def find_wrk() -> str | None:
    found = shutil.which("wrk") or ("/usr/bin/wrk" if os.access("/usr/bin/wrk", os.X_OK) else None)
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk not found; trying apt-get install -y wrk")
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "wrk"],
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=180,
                check=False,
            )
        return shutil.which("wrk")
    return None


def run_wrk(wrk: str, port: int, path: str, seconds: int) -> Load:
    url = f"http://{HOST}:{port}{path}"
    command = [
        wrk,
        f"-t{WRK_THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "--latency",
        "-s",
        str(WRK_SCRIPT),
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    load = parse_wrk(done.stdout)
    load.detail = done.stdout
    return load


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def run_python_load(port: int, path: str, seconds: float) -> Load:
    """The fallback: CONNECTIONS threads, keep-alive where the server allows it, bounded."""
    deadline = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in range(CONNECTIONS)]
    errors = [0] * CONNECTIONS

    def worker(index: int) -> None:
        connection = None
        while time.monotonic() < deadline:
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, port, timeout=5)
                started = time.perf_counter()
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                latencies[index].append(time.perf_counter() - started)
                if response.status >= 400:
                    errors[index] += 1
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                if connection is not None:
                    connection.close()
                connection = None
        if connection is not None:
            connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + 10)
    elapsed = time.monotonic() - started
    values = sorted(v for per_thread in latencies for v in per_thread)
    load = Load(tool="python")
    load.requests = len(values)
    load.seconds = elapsed
    load.rps = len(values) / elapsed if elapsed else 0.0
    load.p50_ms = percentile(values, 0.50) * 1e3
    load.p95_ms = percentile(values, 0.95) * 1e3
    load.p99_ms = percentile(values, 0.99) * 1e3
    load.errors = sum(errors)
    return load


# ---- report --------------------------------------------------------------------------


@dataclass
class PageResult:
    page: Page
    queries: int | None = None
    query_runs: list[int] = field(default_factory=list)
    status: int = 0
    load: Load | None = None
    first_load: FirstLoad | None = None
    ratio: float | None = None
    busy: float | None = None  # share of the CPUs other processes took while measuring
    failures: list[str] = field(default_factory=list)


def evaluate(result: PageResult) -> None:
    goal = result.page.goal
    fails = result.failures
    if result.status != 200:
        fails.append(f"answered {result.status}, not 200")
    if result.load and result.load.errors:
        fails.append(f"{result.load.errors} errors or non-2xx/3xx answers under load")
    if result.first_load:
        fails.extend(result.first_load.problems)
    queries, ratio = result.queries, result.ratio
    if goal.max_queries is not None and queries is not None and queries > goal.max_queries:
        fails.append(f"{queries} queries > {goal.max_queries}")
    if goal.max_healthz_ratio is not None and ratio is not None and ratio > goal.max_healthz_ratio:
        fails.append(f"median {ratio:.2f}x /healthz/ > {goal.max_healthz_ratio:g}x")
    if goal.max_first_load_kb is not None and result.first_load:
        kb = result.first_load.total_bytes / 1024
        if kb > goal.max_first_load_kb:
            fails.append(f"first load {kb:.1f} KB > {goal.max_first_load_kb:g} KB")


COLUMNS = [
    ("page", "<"),
    ("path", "<"),
    ("req/s", ">"),
    ("p50 ms", ">"),
    ("p95 ms", ">"),
    ("x healthz", ">"),
    ("queries", ">"),
    ("HTML B", ">"),
    ("1st load KB", ">"),
    ("other CPU", ">"),
    ("result", "<"),
]


def table_rows(results: list[PageResult]) -> list[list[str]]:
    rows = []
    for r in results:
        load, first = r.load, r.first_load
        rows.append(
            [
                r.page.name,
                r.page.path,
                f"{load.rps:,.0f}" if load else "-",
                f"{load.p50_ms:.2f}" if load else "-",
                f"{load.p95_ms:.2f}" if load else "-",
                f"{r.ratio:.1f}x" if r.ratio is not None else "-",
                str(r.queries) if r.queries is not None else "-",
                f"{first.html_bytes:,}" if first else "-",
                f"{first.total_bytes / 1024:.1f}" if first else "-",
                f"{r.busy:.0%}" if r.busy is not None else "-",
                "FAIL" if r.failures else "pass",
            ]
        )
    return rows


def format_table(results: list[PageResult]) -> str:
    rows = table_rows(results)
    widths = [
        max(len(title), *(len(row[i]) for row in rows)) for i, (title, _a) in enumerate(COLUMNS)
    ]

    def line(cells):
        return "  ".join(
            f"{cell:{align}{width}}"
            for cell, (_t, align), width in zip(cells, COLUMNS, widths, strict=True)
        ).rstrip()

    out = [line([title for title, _a in COLUMNS]), line(["-" * w for w in widths])]
    out += [line(row) for row in rows]
    return "\n".join(out)


def format_report(results: list[PageResult], header: list[str]) -> str:
    lines = [*header, "", format_table(results), ""]
    failed = [r for r in results if r.failures]
    if failed:
        lines.append("Goals missed:")
        for r in failed:
            lines.append(f"  {r.page.name} ({r.page.path}): " + "; ".join(r.failures))
    else:
        lines.append("All goals met.")
    lines.append(
        "Goals (public pages): <= 10 queries per request, median <= 6x the /healthz/ median "
        "of this run, first load <= 150 KB gzip; /healthz/: 0 queries. Queries: a warm "
        "anonymous request, in-process (all statements in bench/results/queries.txt)."
    )
    lines.append(
        "First load = HTML + same-origin <link rel=stylesheet> (print sheet included) and "
        "<script src>, as served with Accept-Encoding: gzip; Django serves the HTML "
        "uncompressed, so its gzip -6 size is counted (a proxy would compress it)."
    )
    return "\n".join(lines) + "\n"


def git_commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        )
        return done.stdout.strip() + (" (modified)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def _proc_cpu_seconds(pid: int) -> tuple[float, int]:
    """(CPU seconds of a live process and of its reaped children, parent pid): /proc/PID/stat."""
    text = Path(f"/proc/{pid}/stat").read_text()
    rest = text[text.rfind(")") + 2 :].split()  # rest[0] is field 3 (state)
    ticks = sum(int(value) for value in rest[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK"), int(rest[1])


def process_tree_cpu_seconds(root: int) -> float:
    """CPU used by a live process and its live or reaped children (gunicorn and workers)."""
    total, _ppid = _proc_cpu_seconds(root)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == root:
            continue
        try:
            seconds, ppid = _proc_cpu_seconds(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile, or not readable
        if ppid == root:
            total += seconds
    return total


class CpuWatch:
    """How much CPU other processes used while we measured (Linux /proc).

    Busy time of the whole machine minus our own, our reaped children's (wrk, and gunicorn
    once stopped) and the live gunicorn tree's: another test suite running alongside skews
    every number, and this says so.
    """

    def __init__(self, server_pid: int | None = None):
        self.server_pid = server_pid
        self.start = self._sample()

    def _sample(self):
        try:
            first_line = Path("/proc/stat").read_text().split("\n", 1)[0]
            values = [int(v) for v in first_line.split()[1:]]
            idle = values[3] + (values[4] if len(values) > 4 else 0)
            busy = (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")
            own = resource.getrusage(resource.RUSAGE_SELF)
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            mine = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
            if self.server_pid is not None:
                mine += process_tree_cpu_seconds(self.server_pid)
        except (OSError, ValueError, IndexError):
            return None
        return time.monotonic(), busy, mine

    def foreign_share(self) -> float | None:
        """Share of all CPUs (0..1) used by other processes since construction."""
        end = self._sample()
        if self.start is None or end is None:
            return None
        seconds = end[0] - self.start[0]
        if seconds <= 0:
            return None
        foreign = (end[1] - self.start[1]) - (end[2] - self.start[2])
        return max(0.0, foreign / (seconds * (os.cpu_count() or 1)))


def redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


# ---- main ----------------------------------------------------------------------------


def measure_load(wrk: str | None, server: Server, path: str, args) -> tuple[Load, float | None]:
    """Warm-up, then the measured load, and the CPU share other processes took meanwhile."""
    if args.warmup:
        if wrk:
            run_wrk(wrk, server.port, path, args.warmup)
        else:
            run_python_load(server.port, path, args.warmup)
    watch = CpuWatch(server.process.pid)
    if wrk:
        load = run_wrk(wrk, server.port, path, args.duration)
    else:
        load = run_python_load(server.port, path, args.duration)
    return load, watch.foreign_share()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--duration", type=int, default=8, help="seconds of load per page (default 8)"
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=1,
        help="seconds of warm-up load per page (default 1; 0: none)",
    )
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated page names to run (the /healthz/ baseline always runs); "
        "names: " + ", ".join(page.name for page in PAGES),
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help=f"keep the SQLite database ({SQLITE_PATH.relative_to(BASE_DIR)}) after the run",
    )
    parser.add_argument(
        "--load",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator (default: wrk, else the Python fallback)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=2,
        help="measure a page again, at most this often, when other processes took over "
        f"{BUSY_SHARE * 100:.0f}%% of the CPUs meanwhile; the quietest run counts (default 2)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.retries <= 5:
        parser.error("--retries must be 0..5")
    if args.duration < 1 or args.duration > 600:
        parser.error("--duration must be 1..600 seconds (whole seconds: wrk takes no fractions)")
    if args.warmup < 0 or args.warmup > 60:
        parser.error("--warmup must be 0..60 seconds")
    return args


def select_pages(names: str) -> list[Page]:
    if not names.strip():
        return list(PAGES)
    wanted = {name.strip() for name in names.split(",") if name.strip()}
    unknown = wanted - {page.name for page in PAGES}
    if unknown:
        raise BenchError(
            f"unknown page(s): {', '.join(sorted(unknown))}; "
            f"known: {', '.join(p.name for p in PAGES)}"
        )
    return [page for page in PAGES if page.name in wanted or page.name == BASELINE]


def _terminate(signum, _frame):
    # SIGTERM (e.g. from make or CI) unwinds like Ctrl-C, so gunicorn is stopped.
    raise SystemExit(128 + signum)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    started = time.monotonic()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    try:
        pages = select_pages(args.pages)
    except BenchError as error:
        log(str(error))
        return 2
    database_url = os.environ.get("DATABASE_URL", "").strip()
    env = bench_env(database_url)
    if database_url:
        log(f"database: {redact(database_url)} (from DATABASE_URL; seed data is written to it)")
    else:
        remove_sqlite()
        log(f"database: fresh SQLite file {SQLITE_PATH.relative_to(BASE_DIR)}")

    wrk = None
    if args.load in ("auto", "wrk"):
        wrk = find_wrk()
        if wrk is None:
            if args.load == "wrk":
                log("wrk is not installed")
                return 2
            log("wrk unavailable: using the Python load loop (numbers less precise)")

    server_log = RESULTS_DIR / "gunicorn.log"
    server_log.unlink(missing_ok=True)
    server = Server(env, server_log)
    # The baseline runs first and again last; ratios use the mean of its two medians, which
    # evens out a machine that drifts during the run.
    baseline_page = next(page for page in pages if page.name == BASELINE)
    baseline_again = Page(f"{BASELINE}-end", baseline_page.path, baseline_page.goal, "again")
    results = [PageResult(page) for page in [*pages, baseline_again]]
    exit_code = 0
    cpu_watch = None
    foreign_share = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo")
        manage(env, "seed_bench")
        manage(env, "collectstatic", "--noinput", "--clear")
        for r in results:
            r.page = lookup_path(env, r.page)

        counts = count_queries(env, [r.page for r in results])
        query_log = []
        for r in results:
            info = counts[r.page.path]
            r.queries, r.query_runs = info["queries"], info["runs"]
            query_log.append(
                f"== {r.page.name} {r.page.path}: {info['queries']} queries (runs {info['runs']})"
            )
            query_log += [f"  {sql}" for sql in info["sql"]]
        (RESULTS_DIR / "queries.txt").write_text("\n".join(query_log) + "\n")

        cpu_watch = CpuWatch()
        server.start()
        for r in results:
            r.first_load = measure_first_load(server.port, r.page.path)
            r.status = r.first_load.status
            for attempt in range(1 + args.retries):
                if attempt:
                    log(f"{r.page.name}: other processes took {r.busy:.0%} of the CPUs; again")
                load, busy = measure_load(wrk, server, r.page.path, args)
                if r.load is None or (busy or 0.0) < (r.busy or 0.0):
                    r.load, r.busy = load, busy
                if busy is None or busy <= BUSY_SHARE:
                    break
            log(
                f"{r.page.name:<14} {r.load.rps:>8,.0f} req/s  p50 {r.load.p50_ms:6.2f} ms  "
                f"p95 {r.load.p95_ms:6.2f} ms  {r.queries} queries"
                + (f"  (other processes: {r.busy:.0%} CPU)" if r.busy is not None else "")
            )
    except BenchError as error:
        log(str(error))
        tail = server.log_tail()
        if tail:
            log(f"gunicorn log ({server_log}):\n{tail}")
        exit_code = 2
    finally:
        server.stop()
        if cpu_watch is not None:
            foreign_share = cpu_watch.foreign_share()
        if not database_url and not args.keep:
            remove_sqlite()
    if exit_code:
        return exit_code

    baseline_runs = [r.load.p50_ms for r in results if r.page.path == baseline_page.path]
    baseline_ms = sum(baseline_runs) / len(baseline_runs)
    for r in results:
        if r.load and baseline_ms > 0:
            r.ratio = r.load.p50_ms / baseline_ms
        evaluate(r)

    elapsed = time.monotonic() - started
    load_tool = (
        f"wrk -t{WRK_THREADS} -c{CONNECTIONS} -d{args.duration}s --latency "
        f"(warm-up {args.warmup} s)"
        if wrk
        else f"Python loop, {CONNECTIONS} threads, {args.duration} s (warm-up {args.warmup} s)"
    )
    header = [
        f"Frivillig bench  {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}  "
        f"commit {git_commit()}",
        "database: "
        + (f"PostgreSQL {redact(database_url)}" if database_url else "SQLite (fresh file)")
        + f"; server: gunicorn -w {WORKERS} sync, DEBUG off, {HOST}; {os.cpu_count()} CPUs",
        f"load: {load_tool}; run time {elapsed:.0f} s",
        f"baseline: /healthz/ median {baseline_ms:.2f} ms, the mean of its runs at the start "
        f"and the end ({', '.join(f'{ms:.2f}' for ms in baseline_runs)} ms)",
    ]
    drift = max(baseline_runs) / min(baseline_runs) - 1 if min(baseline_runs) > 0 else 0.0
    if drift > BASELINE_DRIFT:
        header.append(
            f"WARNING: the /healthz/ median moved by {drift:.0%} between start and end: the "
            "machine's speed changed during the run; ratios are approximate"
        )
    if foreign_share is not None:
        header.append(f"other processes used {foreign_share:.0%} of the CPUs during the run")
    noisy = [r.page.name for r in results if r.busy is not None and r.busy > BUSY_SHARE]
    if noisy:
        header.append(
            f"WARNING: other processes took over {BUSY_SHARE:.0%} of the CPUs while measuring "
            f"{', '.join(noisy)} (column 'other CPU'): those numbers and every ratio to "
            "/healthz/ are unreliable; run again on an idle machine"
        )
    report = format_report(results, header)
    print(report, end="")
    (RESULTS_DIR / "latest.txt").write_text(report)
    (RESULTS_DIR / "latest.json").write_text(
        json.dumps(
            {
                "header": header,
                "pages": [
                    {
                        "page": asdict(r.page),
                        "status": r.status,
                        "queries": r.queries,
                        "query_runs": r.query_runs,
                        "ratio": r.ratio,
                        "load": (
                            {k: v for k, v in asdict(r.load).items() if k != "detail"}
                            if r.load
                            else None
                        ),
                        "first_load": asdict(r.first_load) if r.first_load else None,
                        "failures": r.failures,
                    }
                    for r in results
                ],
            },
            indent=2,
        )
        + "\n"
    )
    return 1 if any(r.failures for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
