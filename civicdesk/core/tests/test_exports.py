import csv
import io

import openpyxl
import pytest

from civicdesk.core.exports import export_response


def test_csv_and_xlsx_hold_the_same_table_with_its_characters_and_numbers():
    header, rows = ["Namn", "Ärenden"], [["Åsa Öberg", 3], ["Łukasz Śliwa", 1.5]]
    text = export_response("report", header, rows, "csv")
    assert text["Content-Disposition"] == 'attachment; filename="report.csv"'
    assert text.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    assert text.content.decode("utf-8-sig").splitlines() == [
        "Namn,Ärenden",
        "Åsa Öberg,3",
        "Łukasz Śliwa,1.5",
    ]
    book = export_response("report", header, rows, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).active
    assert list(sheet.iter_rows(values_only=True)) == [
        ("Namn", "Ärenden"),
        ("Åsa Öberg", 3),
        ("Łukasz Śliwa", 1.5),
    ]


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="csv or xlsx"):
        export_response("report", ["a"], [], "pdf")


def test_text_that_a_spreadsheet_would_run_as_a_formula_stays_text():
    rows = [['=HYPERLINK("http://evil.example")', -3], ["@SUM(1)", "+1"]]
    text = export_response("report", ["name", "n"], rows, "csv").content.decode("utf-8-sig")
    assert list(csv.reader(text.splitlines()))[1:] == [
        ['\'=HYPERLINK("http://evil.example")', "-3"],
        ["'@SUM(1)", "'+1"],
    ]
    book = export_response("report", ["name", "n"], rows, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert values == [('\'=HYPERLINK("http://evil.example")', -3), ("'@SUM(1)", "'+1")]
