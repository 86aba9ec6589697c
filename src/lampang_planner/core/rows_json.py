"""A light row as JSON (what ``--json`` prints and the exchange reports carry): its fields under their own names,
dates as ISO text."""

from __future__ import annotations

import dataclasses
import datetime as dt


def json_value(v: object) -> object:
    return v.isoformat() if isinstance(v, dt.date) else v


class JsonRow:
    """A dataclass row whose JSON is every field under its own name, in the order declared."""

    __slots__ = ()

    def as_json(self) -> dict:
        return {f.name: json_value(getattr(self, f.name)) for f in dataclasses.fields(self)}


def fields_json(row: object, names: str) -> dict:
    """``{name: row.name}`` for each of the space-separated ``names``, in that order; a date as ISO text."""
    return {n: json_value(getattr(row, n)) for n in names.split()}
