"""Who counts at a workshop: the roster (invited or checked in) and who is present, following merges.

A person merged into another (``person.merged_into``, see ``core.ops.duplicates``) counts as the person they were
merged into, however many merges lie between; a laptop that checked in the merged-away record before it heard of the
merge has still checked in the survivor. A chain that ends in a deleted person counts as no one.

``ROSTER`` is the one SQL definition (a ``WITH RECURSIVE`` clause naming ``roster(person_id, invited, checked_in_at,
desk)``, parameters ``:workshop`` and ``:session``, NULL for any session): desk counts (``core.ops.checkin``), quorum
and voters (``core.ops.resolutions``) and the People page (``core.read.people``) all read it. ``checked_in_at`` is the earliest check-in of any record
that is now this person, ``desk`` the desk of that check-in; both NULL for someone invited who has not come.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

MERGE_HOPS = 8  # follow merged_into at most this far (a longer chain is a data error)

ROSTER = f"""
fact(person_id, invited, checked_in_at, desk) AS (
    SELECT person_id, 1, NULL, NULL FROM invitation WHERE workshop_id = :workshop AND deleted = 0
    UNION ALL
    SELECT person_id, 0, checked_in_at, desk FROM attendance
    WHERE workshop_id = :workshop AND deleted = 0 AND checked_in_at IS NOT NULL
      AND (:session IS NULL OR session_id = :session)
),
chain(start, id, n) AS (
    SELECT id, merged_into, 1 FROM person WHERE merged_into IS NOT NULL
    UNION ALL
    SELECT chain.start, p.merged_into, chain.n + 1 FROM chain JOIN person p ON p.id = chain.id WHERE chain.n < {MERGE_HOPS}
),
moved(start, id) AS MATERIALIZED (
    SELECT chain.start, chain.id FROM chain JOIN person p ON p.id = chain.id WHERE p.merged_into IS NULL
),
gathered(person_id, invited, checked_in_at, desk) AS (
    SELECT COALESCE(moved.id, fact.person_id), SUM(fact.invited) > 0, MIN(fact.checked_in_at), fact.desk
    FROM fact LEFT JOIN moved ON moved.start = fact.person_id GROUP BY 1
),
roster(person_id, invited, checked_in_at, desk) AS (
    SELECT g.* FROM gathered g JOIN person p ON p.id = g.person_id WHERE p.deleted = 0 AND p.merged_into IS NULL
)
"""
# ``chain`` starts only from merged-away records (the partial index on ``merged_into``: a handful of rows) and
# follows each to the end of its chain; ``moved`` maps each to the person it now is. ``fact.desk`` is a bare column
# beside the one MIN() aggregate: SQLite takes it from the row holding the minimum. No ``merged_into IS NOT NULL``
# test in a recursive step: with one, SQLite 3.40 builds a Bloom filter over the whole person table at every call.


@dataclass(frozen=True, slots=True)
class Presence:
    """One live person on a workshop's roster."""

    person_id: str
    invited: bool
    checked_in_at: str | None  # ISO 8601 with offset; None = invited, not (yet) come
    desk: str | None

    @property
    def present(self) -> bool:
        return self.checked_in_at is not None


def roster(db: sqlite3.Connection, workshop_id: str, session_id: str | None = None) -> dict[str, Presence]:
    """Everyone on a workshop's roster (invited, or checked in; with ``session_id`` checked in at that session), by
    live person id."""
    rows = db.execute(f"WITH RECURSIVE {ROSTER} SELECT * FROM roster", {"workshop": workshop_id, "session": session_id})
    return {r[0]: Presence(r[0], bool(r[1]), r[2], r[3]) for r in rows}


def _parse_iso(s: str | None) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(s or "")
    except ValueError:
        return None
    return t if t.tzinfo else t.astimezone()


def present_people(
    db: sqlite3.Connection, workshop_id: str, at: dt.datetime | None = None, session_id: str | None = None
) -> set[str]:
    """Live ids of the people checked in at a workshop (at ``session_id``, default any) now, or by ``at``."""
    rows = db.execute(
        f"WITH RECURSIVE {ROSTER} SELECT person_id, checked_in_at FROM roster WHERE checked_in_at IS NOT NULL",
        {"workshop": workshop_id, "session": session_id},
    )
    if at is None:
        return {r[0] for r in rows}
    at = at if at.tzinfo else at.astimezone()
    return {pid for pid, when in rows if (t := _parse_iso(when)) is not None and t <= at}


MERGED = f"""
merged(id, n) AS (
    SELECT :person, 0
    UNION ALL
    SELECT p.id, merged.n + 1 FROM merged JOIN person p ON p.merged_into = merged.id WHERE merged.n < {MERGE_HOPS}
)
"""
# ``MERGED`` (parameter ``:person``) names ``merged(id)``: the person and every record merged into them.

_ONE_PERSON = f"""
WITH RECURSIVE {MERGED}, fact(invited, checked_in_at, desk) AS (
    SELECT 1, NULL, NULL FROM invitation
    WHERE workshop_id = :workshop AND deleted = 0 AND person_id IN (SELECT id FROM merged)
    UNION ALL
    SELECT 0, checked_in_at, desk FROM attendance
    WHERE workshop_id = :workshop AND deleted = 0 AND checked_in_at IS NOT NULL AND person_id IN (SELECT id FROM merged)
      AND (:session IS NULL OR session_id = :session)
)
SELECT COUNT(*), SUM(invited) > 0, MIN(checked_in_at), desk FROM fact
"""


def presence_of(
    db: sqlite3.Connection, workshop_id: str, person_id: str, session_id: str | None = None
) -> Presence | None:
    """One live person's place on a workshop's roster, through their own records and every record merged into them
    (the same answer as :func:`roster`, read from the person's few rows); None if not on it."""
    params = {"workshop": workshop_id, "person": person_id, "session": session_id}
    n, invited, at, desk = db.execute(_ONE_PERSON, params).fetchone()
    return Presence(person_id, bool(invited), at, desk) if n else None


def live_person(db: sqlite3.Connection, person_id: str) -> str | None:
    """The live person ``person_id`` now is (itself, or the end of its merge chain); None if deleted or unknown."""
    for _ in range(MERGE_HOPS + 1):
        r = db.execute("SELECT merged_into, deleted FROM person WHERE id=?", (person_id,)).fetchone()
        if r is None:
            return None
        if not r[0]:
            return None if r[1] else person_id
        person_id = r[0]
    return None
