"""The synced tables as the write path sees them: columns, merge rules, derived columns and natural keys, and row ids.

Plain data, no SQLAlchemy: every command and the window read and write through this, and importing SQLModel (which
builds SQLAlchemy's machinery, half a second on a laptop) is only needed to create or upgrade a schema
(``core.model`` and the migrations). ``tests/core/test_schema.py`` holds this equal to ``core.model``.
"""

from __future__ import annotations

import functools
import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

try:  # CPython's own SHA-1: the same digest as OpenSSL's, in half the time for one short name (no EVP set-up)
    from _sha1 import sha1 as _sha1
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha1 as _sha1

META_COLUMNS = ("id", "origin_device", "hlc", "deleted", "clocks")
# The person's columns that name and place them: a list row (``ops.people.LIST_COLUMNS``) and the desk's lookup
# (``ops.checkin.lookup``) both start with these.
PERSON_HEADLINE_COLUMNS = (
    "id",
    "code",
    "prefix",
    "first_name",
    "last_name",
    "organisation",
    "participant_type",
    "district_code",
    "subdistrict_code",
)


@dataclass(frozen=True)
class SyncedTable:
    """One synced table: its columns, how its fields merge, what is derived and how, its natural key and what it
    references. The write path folds every write by it (``core.sync.tables.spec``)."""

    name: str
    content: tuple[str, ...]  # the columns after META_COLUMNS, in table order (derived ones included)
    merge: dict[str, str] = field(default_factory=dict)  # field → merge rule other than last-writer-wins
    derived: tuple[str, ...] = ()  # columns computed from others (never written)
    natural_key: tuple[str, ...] = ()  # non-empty: id = natural_id(...) so devices converge
    references: dict[str, str] = field(default_factory=dict)  # field → reference table it names (foreign key)
    # Columns a caller's fields never set: each has its own core function or argument (a badge code, a merge link, a
    # need's status and photo, a session's workshop and number). Not part of the table in the database's sense.
    managed: tuple[str, ...] = ()
    derive: Callable[[dict], None] | None = field(default=None, compare=False)  # sets a folded row's derived columns

    @functools.cached_property
    def columns(self) -> tuple[str, ...]:
        """Every stored column, in table order."""
        return (*META_COLUMNS, *self.content)

    @functools.cached_property
    def fields(self) -> tuple[str, ...]:
        """The fields a write may carry: the content that is not derived, and ``deleted``."""
        return (*(c for c in self.content if c not in self.derived), "deleted")

    @property
    def editable(self) -> tuple[str, ...]:
        """The fields a caller may give to add or change a row (in table order): neither derived nor managed.
        ``PERSON_FIELDS``, ``WORKSHOP_FIELDS``, ``NEED_FIELDS``, … are this, so they cannot drift from the table."""
        return tuple(c for c in self.content if c not in self.derived and c not in self.managed)


def _derive_attendance(row: dict) -> None:
    """An attendance's check-in time and desk: its earliest scan; its session, the first one if it names none."""
    scans = json.loads(row["scans"]) if row.get("scans") else {}
    if scans:
        desk, at = min(scans.items(), key=lambda kv: (kv[1], kv[0]))
        row["checked_in_at"], row["desk"] = at, desk
    else:
        row["checked_in_at"], row["desk"] = None, None
    if not row.get("session_id") and row.get("workshop_id"):
        row["session_id"] = first_session_id(row["workshop_id"])  # written before sessions existed


SYNCED_TABLES: tuple[SyncedTable, ...] = (
    SyncedTable(
        "person",
        (
            "code",
            "prefix",
            "first_name",
            "last_name",
            "organisation",
            "position",
            "participant_type",
            "district_code",
            "subdistrict_code",
            "phone",
            "citizen_id",
            "address",
            "consent",
            "consent_date",
            "merged_into",
            "note",
        ),
        references={"district_code": "district", "subdistrict_code": "subdistrict"},
        managed=("code", "merged_into"),
    ),
    SyncedTable(
        "workshop",
        (
            "title",
            "start_date",
            "end_date",
            "district_code",
            "subdistrict_code",
            "venue",
            "topics",
            "facilitators",
            "retention_days",
            "pays_allowances",
        ),
        references={"district_code": "district", "subdistrict_code": "subdistrict"},
    ),
    SyncedTable("session", ("workshop_id", "number", "name", "day", "starts", "ends"), managed=("workshop_id", "number")),
    SyncedTable("invitation", ("workshop_id", "person_id"), natural_key=("workshop_id", "person_id")),
    SyncedTable(
        "attendance",
        ("workshop_id", "person_id", "scans", "checked_in_at", "desk", "session_id", "kinds", "keyed_by"),
        merge={"scans": "map_min", "kinds": "map_min", "keyed_by": "map_min"},
        derived=("checked_in_at", "desk"),
        natural_key=("workshop_id", "person_id"),
        derive=_derive_attendance,
    ),
    SyncedTable("need_category", ("key", "name_th", "name_en", "sort_order")),
    SyncedTable(
        "need",
        (
            "workshop_id",
            "district_code",
            "subdistrict_code",
            "village_no",
            "village_name",
            "title",
            "description",
            "category",
            "group_name",
            "session",
            "raised_by",
            "rank",
            "dot_votes",
            "route",
            "plan_strategy",
            "fiscal_year",
            "status",
            "status_date",
            "photo",
        ),
        references={"district_code": "district", "subdistrict_code": "subdistrict"},
        managed=("status", "status_date", "photo"),
    ),
    SyncedTable("need_status_change", ("need_id", "status", "changed_on", "changed_by", "note")),
    SyncedTable("resolution", ("title", "year_be", "preamble", "status", "adopted_on")),
    SyncedTable("clause", ("resolution_id", "number", "text", "adopted_text")),
    SyncedTable("clause_version", ("clause_id", "text", "source", "created_on")),
    SyncedTable("amendment", ("clause_id", "workshop_id", "mover", "seconder", "text", "status")),
    SyncedTable(
        "vote",
        (
            "workshop_id",
            "clause_id",
            "amendment_id",
            "method",
            "for_count",
            "against_count",
            "abstain_count",
            "present",
            "recorded_at",
        ),
        natural_key=("workshop_id", "clause_id", "amendment_id"),
    ),
    SyncedTable("ballot", ("vote_id", "person_id", "choice"), natural_key=("vote_id", "person_id")),
    SyncedTable(
        "proposal",
        (
            "need_id",
            "province_strategy",
            "area_strategy",
            "strategy",
            "work_plan",
            "title",
            "objective",
            "output_qty",
            "output_unit",
            "output_place",
            "kpi",
            "expected_result",
            "division",
            "budgets",
            "fund_source",
            "community_plan",
            "status",
            "district_code",
        ),
        references={"district_code": "district"},
    ),
    SyncedTable("dev_plan", ("key", "first_year", "years", "edition", "org_name"), natural_key=("key",)),
)
SCHEMA: dict[str, SyncedTable] = {t.name: t for t in SYNCED_TABLES}

NATURAL_ID_NAMESPACE = uuid.UUID("0c7e3b52-52a0-4d5e-8a1b-1a2b3c4d5e52")
_NAMESPACE_BYTES = NATURAL_ID_NAMESPACE.bytes


def _uuid5_text(name: str) -> str:
    """``str(uuid.uuid5(NATURAL_ID_NAMESPACE, name))``, the same text made without a ``UUID`` object (whose checks and
    formatting were most of the time of a check-in's three ids)."""
    b = bytearray(_sha1(_NAMESPACE_BYTES + name.encode("utf-8")).digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x50  # version 5
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def uuid7() -> uuid.UUID:
    """RFC 9562 UUIDv7: 48 bits of Unix milliseconds, then random bits (Python 3.14 has uuid.uuid7)."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (
        (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (rand >> 68 & 0xFFF) << 64 | 0b10 << 62 | (rand & ((1 << 62) - 1))
    )
    return uuid.UUID(int=value)


def new_id() -> str:
    """A fresh, time-sortable, never-reused row id (UUIDv7)."""
    return str(uuid7())


def natural_id(table: str | type, *key: str | None) -> str:
    """The deterministic id of a fact row from its natural key, equal on every device. ``table`` is the table's name
    (or its ``core.model`` class)."""
    name = table if isinstance(table, str) else table.__tablename__
    natural_key = SCHEMA[name].natural_key
    if len(key) != len(natural_key):
        raise ValueError(f"{name} is keyed by {natural_key}")
    return _uuid5_text(f"{name}:" + "/".join([k or "" for k in key]))


@functools.lru_cache(maxsize=1024)
def first_session_id(workshop_id: str) -> str:
    """The id of a workshop's first session: derived from the workshop, so every device agrees on it."""
    return _uuid5_text(f"session:{workshop_id}/1")


def attendance_id(workshop_id: str, person_id: str, session_id: str | None = None) -> str:
    """The deterministic id of a person's attendance at one session of a workshop.

    In the first session (or with no session given) it is ``natural_id("attendance", workshop_id, person_id)``, the id
    attendance always had, so rows from before sessions and bundles from older versions land in the first session.
    """
    if session_id is None or session_id == first_session_id(workshop_id):
        return natural_id("attendance", workshop_id, person_id)
    return _uuid5_text(f"attendance:{workshop_id}/{person_id}/{session_id}")
