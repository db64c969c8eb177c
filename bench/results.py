"""bench/results.json: one record per (name, database, data size), newest wins, so runs on
SQLite and PostgreSQL and at each scale sit side by side; a re-run replaces its own only."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from bench.core import Record

RESULTS = Path(__file__).resolve().parent / "results.json"


def merge(records: list[Record], path: Path = RESULTS) -> list[dict]:
    kept = json.loads(path.read_text()) if path.exists() else []
    fresh = {(r.name, r.database, r.data_size): asdict(r) for r in records}
    merged = [r for r in kept if (r["name"], r["database"], r["data_size"]) not in fresh] + list(
        fresh.values()
    )
    merged.sort(key=lambda r: (r["name"], r["database"], r["data_size"]))
    path.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n")
    return merged


def format_table(records: list[Record]) -> str:
    header = ("scenario", "value", "unit", "customers", "database")
    rows = [(r.name, f"{r.value:,.2f}", r.unit, f"{r.data_size:,}", r.database) for r in records]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    aligns = ["<", ">", "<", ">", "<"]
    line = "  ".join(f"{{:{a}{w}}}" for a, w in zip(aligns, widths, strict=True))
    out = [line.format(*header), line.format(*("-" * w for w in widths))]
    return "\n".join(text.rstrip() for text in [*out, *(line.format(*row) for row in rows)])
