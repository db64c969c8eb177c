"""Tables as files: every report table can be downloaded as CSV or as an Excel workbook.

One helper so that every export names its file, quotes its text and types its numbers the
same way. CSV is UTF-8 with a byte-order mark, which Excel needs to read å, ä, ö, ł and ś
correctly and every other program ignores.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook

FORMATS = ("csv", "xlsx")
# A text cell starting with one of these is a formula to a spreadsheet (CSV injection, and
# openpyxl writes such strings as formulas): it gets a leading apostrophe, as OWASP advises.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_response(
    stem: str, header: Sequence[str], rows: Iterable[Sequence], fmt: str
) -> HttpResponse:
    """The table as an attachment named `stem`.csv or `stem`.xlsx."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}; use csv or xlsx.")
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow([_cell(cell) for cell in header])
        writer.writerows([_cell(cell) for cell in row] for row in rows)
        response = HttpResponse(
            text.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
        )
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=stem[:31])
        sheet.append([_cell(str(cell)) for cell in header])
        for row in rows:
            sheet.append([_cell(cell) for cell in row])
        content = io.BytesIO()
        workbook.save(content)
        response = HttpResponse(content.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
