"""The office's side-by-side view of every workshop's votes on a resolution."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lampang_planner.core.db import Store
from lampang_planner.core.ops.resolutions.drafts import get_resolution, list_amendments, list_clauses
from lampang_planner.core.ops.resolutions.rows import AmendmentRow, ClauseRow, ResolutionRow, VoteRow, _resolution
from lampang_planner.core.ops.resolutions.votes import _VOTE_COLS, _vote_row
from lampang_planner.core.rows_json import JsonRow
from lampang_planner.core.thai.dates import as_date

# --- the office's view ---------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Sums over workshops."""

    for_count: int = 0
    against_count: int = 0
    abstain_count: int = 0
    present: int = 0
    workshops: int = 0

    def add(self, v: VoteRow) -> None:
        self.for_count += v.for_count
        self.against_count += v.against_count
        self.abstain_count += v.abstain_count
        self.present += v.present
        self.workshops += 1

    def as_json(self) -> dict:
        return {"for": self.for_count, "against": self.against_count, "abstain": self.abstain_count,
                "present": self.present, "workshops": self.workshops}


@dataclass(frozen=True, slots=True)
class WorkshopRef(JsonRow):
    id: str
    title: str
    district_code: str
    start_date: dt.date | None


@dataclass
class AmendmentVotes:
    amendment: AmendmentRow
    votes: dict[str, VoteRow] = field(default_factory=dict)  # workshop id → vote
    totals: Tally = field(default_factory=Tally)

    def as_json(self) -> dict:
        return {**self.amendment.as_json(), "votes": {w: v.as_json() for w, v in self.votes.items()},
                "totals": self.totals.as_json()}


@dataclass
class ClauseVotes:
    clause: ClauseRow
    votes: dict[str, VoteRow] = field(default_factory=dict)  # workshop id → vote on the clause as drafted
    totals: Tally = field(default_factory=Tally)
    amendments: list[AmendmentVotes] = field(default_factory=list)

    def as_json(self) -> dict:
        return {**self.clause.as_json(), "votes": {w: v.as_json() for w, v in self.votes.items()},
                "totals": self.totals.as_json(), "amendments": [a.as_json() for a in self.amendments]}


@dataclass
class ResolutionVotes:
    """Every workshop's amendments and votes on one resolution, clause by clause: what the office compares."""

    resolution: ResolutionRow
    workshops: list[WorkshopRef]
    clauses: list[ClauseVotes]

    def as_json(self) -> dict:
        return {"resolution": self.resolution.as_json(), "workshops": [w.as_json() for w in self.workshops],
                "clauses": [c.as_json() for c in self.clauses]}


def votes_side_by_side(store: Store, resolution_id: str) -> ResolutionVotes:
    """Per clause and per amendment, every workshop's vote and the totals over workshops."""
    db = store.db
    _resolution(db, resolution_id)
    res = get_resolution(store, resolution_id)
    assert res is not None
    clauses = [ClauseVotes(c) for c in list_clauses(store, resolution_id)]
    by_clause = {c.clause.id: c for c in clauses}
    by_amendment: dict[str, AmendmentVotes] = {}
    for a in list_amendments(store, resolution_id=resolution_id):
        if a.clause_id in by_clause:
            av = AmendmentVotes(a)
            by_clause[a.clause_id].amendments.append(av)
            by_amendment[a.id] = av
    workshop_ids: set[str] = {a.amendment.workshop_id for a in by_amendment.values() if a.amendment.workshop_id}
    sql = (f"SELECT v.id, {','.join('v.' + c for c in _VOTE_COLS)} FROM vote v JOIN clause c ON c.id=v.clause_id"
           " WHERE c.resolution_id=? AND v.deleted=0 AND c.deleted=0")
    for r in db.execute(sql, (resolution_id,)).fetchall():
        v = _vote_row(db, dict(zip(("id", *_VOTE_COLS), r, strict=True)))
        if v.amendment_id:
            target = by_amendment.get(v.amendment_id)
        else:
            target = by_clause.get(v.clause_id)
        if target is None:  # a vote on a deleted amendment
            continue
        target.votes[v.workshop_id] = v
        target.totals.add(v)
        workshop_ids.add(v.workshop_id)
    refs = []
    for wid in workshop_ids:
        w = db.execute("SELECT title, district_code, start_date FROM workshop WHERE id=?", (wid,)).fetchone()
        refs.append(WorkshopRef(wid, (w[0] or "") if w else "", (w[1] or "") if w else "", as_date(w[2]) if w else None))
    refs.sort(key=lambda w: (w.start_date or dt.date.max, w.district_code, w.id))
    order = {w.id: i for i, w in enumerate(refs)}
    for c in clauses:
        c.votes = dict(sorted(c.votes.items(), key=lambda kv: order[kv[0]]))
        for a in c.amendments:
            a.votes = dict(sorted(a.votes.items(), key=lambda kv: order[kv[0]]))
    return ResolutionVotes(res, refs, clauses)
