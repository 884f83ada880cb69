"""The one-way dependencies of ../shared/DESIGN.md, checked on every import in the code.

frivillig sees every app; arrangementer may use foreninger; foreninger and selvhjaelp use no
other app. Any app may read the centre's profile through ``frivillig.centre`` and nothing
else of frivillig.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = {"frivillig", "foreninger", "selvhjaelp", "arrangementer"}
ALLOWED = {
    "foreninger": {"frivillig.centre"},
    "selvhjaelp": {"frivillig.centre"},
    "arrangementer": {"frivillig.centre", "foreninger"},
}


#: What frivillig may use of another app outside tests: its public faces (DESIGN.md), plus the
#: demo data that seed_demo and seed_bench load.
PUBLIC_FACES = {"urls", "reports", "search", "sitemaps", "signals", "demo"}


def project_imports(app: str, *, with_tests: bool = True) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        if not with_tests and "tests" in path.relative_to(ROOT).parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in APPS:
                # "from foreninger import search" reaches foreninger.search
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                if name.split(".")[0] in APPS - {app}:
                    found.add((str(path.relative_to(ROOT)), name))
    return found


def is_allowed(app: str, module: str) -> bool:
    return any(module == ok or module.startswith(ok + ".") for ok in ALLOWED[app])


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_what_the_design_allows(app):
    forbidden = sorted(
        f"{path}: {module}" for path, module in project_imports(app) if not is_allowed(app, module)
    )

    assert forbidden == []


def test_frivillig_uses_other_apps_only_through_their_public_faces():
    reached_inside = sorted(
        f"{path}: {module}"
        for path, module in project_imports("frivillig", with_tests=False)
        if module.split(".")[1:2] and module.split(".")[1] not in PUBLIC_FACES
    )

    assert reached_inside == []


@pytest.mark.parametrize("app", sorted(APPS - {"frivillig"}))
def test_each_app_has_the_agreed_layout(app):
    for part in ("urls.py", "apps.py", "tests", f"templates/{app}", "migrations"):
        assert (ROOT / app / part).exists(), f"{app}/{part} is missing"
    # An app's admin starts as one module and becomes a package, one module per feature.
    assert (ROOT / app / "admin.py").exists() or (ROOT / app / "admin" / "__init__.py").exists()


@pytest.mark.parametrize("app", sorted(APPS - {"frivillig"}))
def test_each_app_is_mounted_under_its_namespace(app):
    from django.urls import get_resolver

    assert app in get_resolver().namespace_dict
