"""The Danish catalogue must cover every msgid in the code, translated and not fuzzy.

The check regenerates the catalogue from a copy of the source tree (so the repository is
never touched) and compares; it also checks that the committed .mo files match the .po.
"""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["frivillig", "foreninger", "selvhjaelp", "arrangementer", "templates", "locale"]
CATALOGUES = [ROOT / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("da", "en")]


def untranslated(po: polib.POFile) -> list[str]:
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.get(index) for index in (0, 1)):
                problems.append(f"untranslated plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid!r}")
    return problems


def test_committed_danish_catalogue_is_complete():
    po = polib.pofile(str(ROOT / "locale/da/LC_MESSAGES/django.po"))

    assert untranslated(po) == []
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_compiled_catalogues_match_their_po_files(po_path):
    po = polib.pofile(str(po_path))
    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)

    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if not entry.msgid_plural and compiled.gettext(entry.msgid) != entry.msgstr
    ]
    assert stale == [], "run `make messages` to compile the catalogues"


def test_every_msgid_in_the_code_is_in_the_danish_catalogue(tmp_path):
    for name in SOURCE_DIRS:
        shutil.copytree(
            ROOT / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "*.mo", "tests"),
        )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")

    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "da", "--no-obsolete"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr

    regenerated = polib.pofile(str(tmp_path / "locale/da/LC_MESSAGES/django.po"))
    assert untranslated(regenerated) == [], (
        "msgids in the code are missing from locale/da: run `make messages` and translate them"
    )
