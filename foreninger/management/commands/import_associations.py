import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from foreninger.models import Association
from foreninger.services.imports import import_associations


class Command(BaseCommand):
    help = (
        "Import associations from a CSV file (the columns of /api/foreninger.csv; only "
        "'name' is required). All or nothing; duplicates by CVR or name are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the file, save nothing.")
        parser.add_argument(
            "--status",
            choices=Association.Status.values,
            default=Association.Status.DRAFT,
            help="Status of the imported listings (default: draft, for staff to review).",
        )

    def handle(self, *args, file: Path, dry_run: bool, status: str, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(text.splitlines(), dialect=dialect)
        if not reader.fieldnames or "name" not in [n.strip().lower() for n in reader.fieldnames]:
            raise CommandError("The file needs a header row with at least a 'name' column.")

        def rows():
            for row in reader:
                yield reader.line_num, row

        def progress(count):
            if count % 500 == 0:
                self.stderr.write(f"  {count} rows read")

        result = import_associations(rows=rows(), status=status, dry_run=dry_run, progress=progress)
        for line, name, why in result.duplicates:
            self.stdout.write(f"line {line}: skipped {name!r}: {why}")
        for line, message in result.errors:
            self.stderr.write(f"line {line}: {message}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} bad rows (see above); nothing was imported.")
        summary = f"{result.valid} associations, {len(result.duplicates)} duplicates skipped"
        if dry_run:
            self.stdout.write(f"Dry run: would import {summary}; nothing was saved.")
        else:
            self.stdout.write(f"Imported {summary}.")
