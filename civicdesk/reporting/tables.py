"""A breakdown table's columns and cells, once: the page renders these cells and the CSV and
XLSX exports write the same ones, so a download always says what the page says."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from civicdesk.reporting.breakdowns import Row, Table
from civicdesk.reporting.dashboard import Targets


def _percent(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100, 1)


def _seconds(value: float | None) -> int | None:
    return None if value is None else round(value)


@dataclass(frozen=True)
class Cells:
    row: Row  # for its link and its bar
    values: list  # numbers or None (no figure)


def header(table: Table, targets: Targets) -> list[str]:
    columns = [
        table.label_heading,
        _("Cases"),
        _("Resolved at first contact (%%), target %(target)s") % {
            "target": round(targets.first_contact * 100)
        },
    ]  # fmt: skip
    if table.has_calls:
        columns += [
            _("Calls offered"),
            _("Answered"),
            _("Abandoned"),
            _("Service level (%%), target %(target)s") % {
                "target": round(targets.service_level * 100)
            },
            _("Answer rate (%)"),
            _("Abandonment rate (%)"),
            _("Average speed of answer (s)"),
            _("Average talk time (s), target %(target)s") % {"target": targets.talk_seconds},
        ]  # fmt: skip
    return columns


def cells(table: Table) -> list[Cells]:
    rows = []
    for row in table.rows:
        values = [row.cases, _percent(row.first_contact["rate"])]
        if table.has_calls:
            calls = row.calls or {}
            values += [
                calls.get("offered", 0),
                calls.get("answered", 0),
                calls.get("abandoned", 0),
                _percent(calls.get("service_level")),
                _percent(calls.get("answer_rate")),
                _percent(calls.get("abandonment_rate")),
                _seconds(calls.get("average_speed_of_answer")),
                _seconds(calls.get("average_talk_seconds")),
            ]
        rows.append(Cells(row, values))
    return rows


def export_rows(table: Table) -> list[list]:
    """The table's rows as the exports write them: the label, then the same cells."""
    return [[line.row.label, *line.values] for line in cells(table)]


def digest_table(digest) -> tuple[list[str], list[list]]:
    """A digest's table as its page shows it: the overdue cases of a weekly summary (a
    confidential case by its reference only), or a month's cases per channel and case type."""
    data = digest.data
    if digest.kind == "weekly_overdue":
        header = [_("Reference"), _("Subject"), _("Group"), _("Handler"),
                  _("Department feedback due"), _("Resolution due")]  # fmt: skip
        rows = [
            [row["reference"], row["subject"] if row["subject"] is not None else _("Confidential"),
             row["group"], row["handler"], row["feedback_due_at"], row["resolution_due_at"]]
            for row in data.get("cases", [])
        ]  # fmt: skip
        return header, rows
    header = [_("Table"), _("Name"), _("Cases")]
    rows = [[_("By channel"), name, count] for name, count in data.get("by_channel", {}).items()]
    rows += [
        [_("By case type"), code, count] for code, count in data.get("by_case_type", {}).items()
    ]
    return header, rows
