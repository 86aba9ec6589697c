"""A light row as JSON (what ``--json`` prints and the exchange reports carry): its fields under their own names,
dates as ISO text."""

from __future__ import annotations

import datetime as dt


def json_value(v: object) -> object:
    return v.isoformat() if isinstance(v, dt.date) else v


def fields_json(row: object, names: str) -> dict:
    """``{name: row.name}`` for each of the space-separated ``names``, in that order; a date as ISO text."""
    return {n: json_value(getattr(row, n)) for n in names.split()}
