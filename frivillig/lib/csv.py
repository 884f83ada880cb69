"""CSV files for spreadsheets: UTF-8 with a byte-order mark, streamed, formulas disarmed.

Excel needs the byte-order mark to read UTF-8 (else æ, ø and å come out garbled). A cell that
starts with = + - @ (or a tab or carriage return) is run as a formula by spreadsheets, so
such cells get a leading ' (CSV injection). The separator depends on the reader: programs
read commas; Danish Excel splits on ";" because "," is its decimal mark.
"""

import csv
from collections.abc import Iterable

from django.http import StreamingHttpResponse

COMMA = ","
#: For files that staff open in Danish Excel.
SEMICOLON = ";"
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """``value`` as text that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in _FORMULA_STARTS else text


class _Echo:
    # csv.writer writes to a file; this "file" hands each line back to be streamed.
    def write(self, value):
        return value


def csv_lines(header: Iterable, rows: Iterable[Iterable], *, delimiter: str = COMMA):
    """The file's text, line by line: the byte-order mark, the header, then every row."""
    writer = csv.writer(_Echo(), delimiter=delimiter)
    yield BOM
    yield writer.writerow([safe_cell(value) for value in header])
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def csv_response(
    *, filename: str, header: Iterable, rows: Iterable[Iterable], delimiter: str = COMMA
) -> StreamingHttpResponse:
    """A download of ``rows`` under ``header``, streamed so that a long file never sits in
    memory (``rows`` may be a generator over a queryset's ``iterator()``)."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, delimiter=delimiter), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
