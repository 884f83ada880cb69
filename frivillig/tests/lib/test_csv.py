"""CSV for spreadsheets: byte-order mark, separator, formula guard, streamed."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse

from frivillig.lib.csv import SEMICOLON, csv_response, safe_cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+45 12 34 56 78", "'+45 12 34 56 78"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Skakklubben", "Skakklubben"),
        ("a=b", "a=b"),
        (None, ""),
        (2026, "2026"),
        (True, "True"),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_gets_a_leading_quote(value, cell):
    assert safe_cell(value) == cell


def read(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_the_file_is_streamed_utf8_with_a_byte_order_mark_and_a_file_name():
    response = csv_response(filename="x.csv", header=["navn"], rows=iter([["Ærø"], ["Å"]]))

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    text = read(response)
    assert text.startswith("\ufeff")
    assert text.lstrip("\ufeff").splitlines() == ["navn", "Ærø", "Å"]


def test_the_separator_is_a_comma_unless_danish_excel_needs_a_semicolon():
    rows = [["Roklub, Eksempelby", "1250,00"]]

    comma = read(csv_response(filename="a.csv", header=["a", "b"], rows=rows))
    semicolon = read(
        csv_response(filename="b.csv", header=["a", "b"], rows=rows, delimiter=SEMICOLON)
    )

    assert comma.lstrip("\ufeff").splitlines()[1] == '"Roklub, Eksempelby","1250,00"'
    assert semicolon.lstrip("\ufeff").splitlines()[1] == "Roklub, Eksempelby;1250,00"
    parsed = list(csv.reader(io.StringIO(semicolon.lstrip("\ufeff")), delimiter=";"))
    assert parsed == [["a", "b"], ["Roklub, Eksempelby", "1250,00"]]


def test_formulas_are_disarmed_in_every_row():
    text = read(csv_response(filename="x.csv", header=["a"], rows=[["=1+1"], ["-2"]]))

    assert text.lstrip("\ufeff").splitlines()[1:] == ["'=1+1", "'-2"]
