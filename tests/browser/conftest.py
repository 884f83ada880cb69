"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

Chromium comes from the distribution (`apt-get update && apt-get install -y chromium`);
Playwright's own browser download is never used (see ../shared/reference/toolchain.md).
Without Chromium these tests are skipped with that hint, except under CI=true, where they
fail: CI must never pass by quietly not running them.
"""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

BROWSER_DIR = Path(__file__).resolve().parent

INSTALL_HINT = "apt-get update && apt-get install -y chromium"

CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-sandbox",
]

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def find_chromium() -> str | None:
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


MISSING_MESSAGE = (
    "Chromium not found (neither /usr/bin/chromium nor `chromium` on PATH). "
    f"Install it with: {INSTALL_HINT}  (never `playwright install`)."
)


def _is_browser_test(item: pytest.Item) -> bool:
    return BROWSER_DIR in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config, items):
    # Hooks in this conftest see the whole session's items: touch only tests in this folder.
    chromium_missing = find_chromium() is None
    for item in items:
        if not _is_browser_test(item):
            continue
        item.add_marker(pytest.mark.browser)
        if chromium_missing and not in_ci():
            item.add_marker(pytest.mark.skip(reason=MISSING_MESSAGE))


@pytest.fixture(scope="session", autouse=True)
def chromium_executable() -> str:
    """Debian's Chromium; under CI=true its absence fails every browser test."""
    path = find_chromium()
    if path is None:
        # Only reached under CI=true: elsewhere the tests were skipped at collection.
        pytest.fail(f"CI=true and browser tests cannot run. {MISSING_MESSAGE}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_executable):
    # Keeps pytest-playwright's own options (--headed, --slowmo) and adds ours.
    return {
        **browser_type_launch_args,
        "executable_path": chromium_executable,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def playwright(playwright):
    """pytest-playwright's Playwright, closing Django's connections before its loop stops.

    Playwright's sync API keeps an asyncio loop running in the test thread, and while it
    runs Django hands out connections kept in that loop's context. Left open, they keep
    PostgreSQL from dropping the test database at the end of the session.
    """
    from django.db import connections

    yield playwright
    connections.close_all()


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def assert_no_axe_violations(axe):
    """Run axe-core's WCAG 2.1 A/AA rules on the page; fail with a readable report."""

    def check(page) -> None:
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_AA_TAGS},
                "resultTypes": ["violations"],
            },
        )
        violations = results.response["violations"]
        assert not violations, f"axe on {page.url}:\n" + format_violations(violations)

    return check


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"       {line}" for line in summary.splitlines())
    return "\n".join(lines)
