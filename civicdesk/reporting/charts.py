"""Bar charts as SVG geometry for the templates (the CSP allows no inline styles, so sizes are
SVG attributes): one column per item, scaled to the largest, each keeping its item for its
label and link."""

from __future__ import annotations

from civicdesk.reporting import tables


def columns(items, values, *, step: float, height: int = 120) -> dict:
    peak = max(values, default=0) or 1
    gap = step / 5
    bars = []
    for index, (item, value) in enumerate(zip(items, values, strict=True)):
        size = round(value / peak * height, 1)
        bars.append(
            {"x": index * step + gap / 2, "y": height - size, "w": step - gap, "h": size,
             "item": item, "value": value}
        )  # fmt: skip
    return {"bars": bars, "width": len(bars) * step, "height": height, "peak": peak}


def table_chart(table) -> dict:
    """A breakdown's rows as columns of cases."""
    step = 20 if len(table.rows) <= 40 else 6
    return columns(table.rows, [row.cases for row in table.rows], step=step)


def table_context(table, targets) -> dict:
    """What reporting/_table.html draws: the header, the cells and the chart of one table."""
    return {
        "table": table,
        "header": tables.header(table, targets),
        "cells": tables.cells(table),
        "chart": table_chart(table),
    }
