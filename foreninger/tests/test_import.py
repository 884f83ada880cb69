import pytest
from django.core.management import CommandError, call_command

from foreninger.models import Association

from .factories import make_association

HEADER = "name;description;tax_id;email;categories;target_groups;step_free_access;city\n"


def write(tmp_path, body: str, header: str = HEADER):
    path = tmp_path / "liste.csv"
    path.write_text(header + body, encoding="utf-8-sig")
    return path


def test_import_creates_draft_associations_with_categories(db, tmp_path, capsys):
    path = write(
        tmp_path,
        "Eksempelby Skakklub;Skak for alle;12345674;skak@example.org;Kultur;Voksne|Seniorer;ja;By\n"
        "Ældresagen Eksempelby;Fællesskab;;;seniorer;;;By\n",
    )

    call_command("import_associations", str(path))

    chess = Association.objects.get(name="Eksempelby Skakklub")
    assert chess.status == Association.Status.DRAFT
    assert chess.cvr == "12345674"
    assert chess.step_free_access
    assert [c.slug for c in chess.categories.all()] == ["kultur"]
    assert {g.slug for g in chess.target_groups.all()} == {"voksne", "seniorer"}
    assert Association.objects.get(name="Ældresagen Eksempelby").slug == "aeldresagen-eksempelby"
    assert "Imported 2 associations, 0 duplicates skipped." in capsys.readouterr().out


def test_dry_run_saves_nothing(db, tmp_path, capsys):
    path = write(tmp_path, "Skakklubben;;;;;;;\n")

    call_command("import_associations", str(path), "--dry-run")

    assert not Association.objects.exists()
    assert "Dry run: would import 1 associations" in capsys.readouterr().out


def test_one_bad_row_and_nothing_is_imported_with_line_numbers(db, tmp_path, capsys):
    path = write(
        tmp_path,
        "God forening;;;;;;;\n"
        "Forkert CVR;;12345678;;;;;\n"
        "Forkert mail;;;ikke-en-mail;;;;\n"
        ";tomt navn;;;;;;\n"
        "Ukendt kategori;;;;Raketter;;;\n",
    )

    with pytest.raises(CommandError, match="4 bad rows"):
        call_command("import_associations", str(path))

    errors = capsys.readouterr().err
    assert "line 3:" in errors and "CVR" in errors
    assert "line 4:" in errors and "email" in errors
    assert "line 5: name is empty" in errors
    assert "line 6: unknown category 'Raketter'" in errors
    assert not Association.objects.exists()


def test_duplicates_by_cvr_or_name_are_skipped_and_reported(db, tmp_path, capsys):
    make_association("Roklubben", cvr="12345674")
    path = write(
        tmp_path,
        "Helt ny forening;;12345674;;;;;\n"
        "roklubben;;;;;;;\n"
        "Ny forening;;;;;;;\n"
        "Ny Forening;;;;;;;\n",
    )

    call_command("import_associations", str(path))

    out = capsys.readouterr().out
    assert "line 2: skipped 'Helt ny forening': CVR 12345674 already in the guide" in out
    assert "line 3: skipped 'roklubben'" in out
    assert "line 5: skipped 'Ny Forening'" in out
    assert Association.objects.filter(name="Ny forening").count() == 1


def test_import_is_safe_to_run_twice(db, tmp_path):
    path = write(tmp_path, "Skakklubben;;;;;;;\n")

    call_command("import_associations", str(path))
    call_command("import_associations", str(path))

    assert Association.objects.count() == 1


def test_a_file_without_a_name_column_is_refused(db, tmp_path):
    path = write(tmp_path, "x\n", header="foo,bar\n")

    with pytest.raises(CommandError, match="'name' column"):
        call_command("import_associations", str(path))


def test_comma_separated_files_work_too(db, tmp_path):
    path = write(tmp_path, '"Skak, bridge og kaffe",Alt godt\n', header="name,description\n")

    call_command("import_associations", str(path), "--status", "published")

    assert Association.objects.get().status == Association.Status.PUBLISHED
