"""Retention: after a workshop's retention period, the personal data of the people who came to it is purged.

A workshop keeps personal data ``retention_days`` days after its last day (``end_date``, else ``start_date``):
from that day on it has *expired*. A person is purged when **every** workshop they were invited to or attended has
expired (so someone who also came to a recent workshop keeps their details until that one expires too); people in a
merge group are judged together. A workshop without a period or without a date never expires, so its people are never
purged automatically; nor are people linked to no workshop (the office's own roster).

The purge is one synced write per person (:func:`.forget.purge_write`, written in batches): names, organisation, position, phone,
citizen ID and note blanked, the first name :data:`.fields.PURGED_NAME`. The person row stays alive, so every count —
people, invitations, attendance (by desk, by tambon, by organisation type), needs, votes, ballots — is unchanged.
Every copy that receives the write forgets too; this folder also scrubs its change log (:mod:`.forget`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lampang_planner.core.db import Store
from lampang_planner.core.privacy.fields import FORGOTTEN_FIELDS, PLACEHOLDERS, PURGED_NAME, is_forgotten
from lampang_planner.core.privacy.forget import checkpoint, forget_people, roomy_cache, secure_delete
from lampang_planner.core.privacy.links import as_date, merge_roots, workshop_links
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.thai.dates import today_lampang


@dataclass
class ExpiredWorkshop:
    id: str
    title: str
    last_day: dt.date
    retention_days: int
    expired_on: dt.date

    def as_json(self) -> dict:
        return {"id": self.id, "title": self.title, "last_day": self.last_day.isoformat(),
                "retention_days": self.retention_days, "expired_on": self.expired_on.isoformat()}


@dataclass
class PurgeReport:
    today: dt.date
    dry_run: bool
    people: list[str] = field(default_factory=list)  # ids purged (or, on a dry run, that would be)
    workshops: list[ExpiredWorkshop] = field(default_factory=list)  # expired workshops those people came to
    kept: int = 0  # people with personal data whose retention has not passed (or has no period)
    already: int = 0  # people already purged or erased
    scrubbed: int = 0  # change-log writes scrubbed

    def as_json(self) -> dict:
        return {"today": self.today.isoformat(), "dry_run": self.dry_run, "purged": len(self.people),
                "people": self.people, "workshops": [w.as_json() for w in self.workshops], "kept": self.kept,
                "already_forgotten": self.already, "change_log_writes_scrubbed": self.scrubbed}


def expiry_date(workshop: dict) -> dt.date | None:
    """The first day a workshop's personal data is due for purging, or None (no period, or no date)."""
    days = workshop.get("retention_days")
    last = as_date(workshop.get("end_date")) or as_date(workshop.get("start_date"))
    if not days or last is None:
        return None
    return last + dt.timedelta(days=int(days))


def plan_purge(store: Store, today: dt.date | None = None) -> PurgeReport:
    """What :func:`purge_expired` would do on ``today`` (default: today), without writing."""
    today = today or today_lampang()
    db = store.db
    workshops = {
        r[0]: {"id": r[0], "title": r[1] or "", "start_date": r[2], "end_date": r[3], "retention_days": r[4]}
        for r in db.execute("SELECT id, title, start_date, end_date, retention_days FROM workshop")
    }
    expiry = {wid: expiry_date(w) for wid, w in workshops.items()}
    links = workshop_links(db)
    roots = merge_roots(db)
    group_links: dict[str, set[str]] = {}
    for pid, wids in links.items():
        group_links.setdefault(roots.get(pid, pid), set()).update(wids)
    report = PurgeReport(today=today, dry_run=True)
    used: set[str] = set()
    due_by_group: dict[str, bool] = {}  # judged once per merge group
    none: set[str] = set()
    # only the first name is read for everyone: the other personal fields only for a row showing a placeholder
    for pid, first_name in db.execute("SELECT id, first_name FROM person ORDER BY id"):
        if first_name in PLACEHOLDERS and _forgotten(db, pid):
            report.already += 1
            continue
        group = roots.get(pid, pid)
        due = due_by_group.get(group)
        wids = group_links.get(group, none)
        if due is None:
            due = due_by_group[group] = bool(wids) and all(expiry.get(w) is not None and expiry[w] <= today
                                                           for w in wids)  # fmt: skip
        if due:
            report.people.append(pid)
            used |= wids
        else:
            report.kept += 1
    for wid in sorted(used, key=lambda w: (expiry[w], workshops[w]["title"])):
        w = workshops[wid]
        last = as_date(w["end_date"]) or as_date(w["start_date"])
        report.workshops.append(ExpiredWorkshop(wid, w["title"], last, int(w["retention_days"]), expiry[wid]))
    return report


def _forgotten(db, person_id: str) -> bool:
    cols = FORGOTTEN_FIELDS
    row = db.execute(f"SELECT {','.join(cols)} FROM person WHERE id=?", (person_id,)).fetchone()
    return row is not None and is_forgotten(dict(zip(cols, row, strict=True)))


def purge_expired(
    store: Store, today: dt.date | None = None, *, dry_run: bool = False, office: OfficePass | str | None = None
) -> PurgeReport:
    """Purge the personal data of every person whose workshops have all passed their retention period (see the
    module docstring), as ONE transaction: a synced write per person, and this folder's change log scrubbed.
    With ``dry_run`` nothing is written. Running it again purges nobody twice. Office-only (``office``, not needed
    for a dry run)."""
    if not dry_run:
        authorise_office(store, office)
    report = plan_purge(store, today)
    report.dry_run = dry_run
    if dry_run or not report.people:
        return report
    with secure_delete(store), roomy_cache(store), store.transaction() as tx:
        # in batches through the write path, the change log scrubbed on the way
        report.scrubbed = forget_people(tx, report.people, PURGED_NAME, deleted=False)[1]
    checkpoint(store)
    return report
