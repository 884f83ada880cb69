"""The one-way dependencies of ../shared/DESIGN.md, checked on every import in the code.

frivillig sees every app; arrangementer may use foreninger; foreninger and selvhjaelp use no
other app. Any app may read the centre's profile through ``frivillig.centre`` and use the
shared building blocks in ``frivillig.lib``, and nothing else of frivillig. The blocks
themselves import no app (only Django, third-party packages and each other), so that any
app can use them without a circle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = {"frivillig", "foreninger", "selvhjaelp", "arrangementer"}
SHARED = {"frivillig.centre", "frivillig.lib"}
ALLOWED = {
    "foreninger": SHARED,
    "selvhjaelp": SHARED,
    "arrangementer": SHARED | {"foreninger"},
}


#: What frivillig may use of another app outside tests: its public faces (DESIGN.md), plus the
#: demo data that seed_demo and seed_bench load.
PUBLIC_FACES = {"urls", "reports", "search", "sitemaps", "signals", "demo"}


def project_imports(
    app: str, *, with_tests: bool = True, under: str | None = None
) -> set[tuple[str, str]]:
    """(file, module) for each import in ``app`` (or in its folder ``under``) of a project
    module outside ``app``; with ``under``, imports of the rest of ``app`` count too."""
    found = set()
    folder = ROOT / app / under if under else ROOT / app
    inside = f"{app}.{under.replace('/', '.')}" if under else app
    for path in folder.rglob("*.py"):
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
                top = name.split(".")[0]
                outside = top in APPS - {app} or (
                    under and top == app and not (name == inside or name.startswith(inside + "."))
                )
                if outside:
                    found.add((str(path.relative_to(ROOT)), name))
            if isinstance(node, ast.ImportFrom) and node.level and under:
                # A relative import inside the blocks must stay inside them.
                depth = len(path.relative_to(folder).parts) - 1
                if node.level > depth + 1:
                    found.add((str(path.relative_to(ROOT)), "." * node.level + (node.module or "")))
    return found


def is_allowed(app: str, module: str) -> bool:
    return any(module == ok or module.startswith(ok + ".") for ok in ALLOWED[app])


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_what_the_design_allows(app):
    forbidden = sorted(
        f"{path}: {module}" for path, module in project_imports(app) if not is_allowed(app, module)
    )

    assert forbidden == []


#: What the shared blocks may reach outside themselves: the table that holds the cache
#: generations when no Redis is set (a block cannot own a model; frivillig, the base app that
#: every app already reads the centre from, does).
LIB_MAY_REACH = {("frivillig/lib/cache.py", "frivillig.models")}


def test_the_shared_blocks_import_no_app():
    assert sorted(set(project_imports("frivillig", under="lib")) - LIB_MAY_REACH) == []


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
