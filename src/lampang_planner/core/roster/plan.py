"""What a roster import would do (the preview) and did: a status per sheet row, with its reasons and changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lampang_planner.core.roster.headers import LABELS
from lampang_planner.core.roster.reading import ParsedRoster
from lampang_planner.core.rows_json import fields_json, json_value

ADD, UPDATE, UNCHANGED, DUPLICATE, REJECTED = "add", "update", "unchanged", "duplicate", "rejected"
STATUSES = (ADD, UPDATE, UNCHANGED, DUPLICATE, REJECTED)
STATUS_LABELS = {
    ADD: ("เพิ่ม", "added"),
    UPDATE: ("ปรับปรุง", "updated"),
    UNCHANGED: ("ไม่เปลี่ยนแปลง", "unchanged"),
    DUPLICATE: ("ซ้ำ", "duplicate"),
    REJECTED: ("ไม่รับ", "rejected"),
}


@dataclass(frozen=True)
class PlanRow:
    """What the import does (or did) with one sheet row."""

    sheet: str
    row: int
    status: str
    name: str = ""
    person_id: str | None = None  # the person on file (update / unchanged), or the new one after apply
    fields: dict = field(default_factory=dict)  # add: the person's fields; update: the changed fields
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)  # update: field → (on file, sheet)
    duplicate_of: int | None = None  # duplicate: the earlier row it repeats...
    duplicate_sheet: str | None = None  # ...on this sheet
    reasons: tuple[tuple[str, str], ...] = ()  # (Thai, English)

    @property
    def reason_th(self) -> str:
        return "; ".join(th for th, _ in self.reasons)

    @property
    def reason_en(self) -> str:
        return "; ".join(en for _, en in self.reasons)

    def where(self, with_sheet: bool = False) -> str:
        return f"{self.sheet}!{self.row}" if with_sheet else str(self.row)

    def line(self, with_sheet: bool = False) -> str:
        """One report line: "row 9: rejected — <Thai reason> (<English reason>)"."""
        th, en = STATUS_LABELS[self.status]
        head = f"แถว {self.where(with_sheet)}: {th} ({en})"
        who = f" {self.name}" if self.name else ""
        if self.reasons:
            return f"{head}{who} — {self.reason_th} ({self.reason_en})"
        return f"{head}{who}"

    def as_json(self) -> dict:
        return {
            **fields_json(self, "sheet row status name person_id duplicate_of duplicate_sheet"),
            "changes": {k: [json_value(a), json_value(b)] for k, (a, b) in self.changes.items()},
            **fields_json(self, "reason_th reason_en"),
        }


@dataclass(frozen=True)
class RosterPlan:
    """The preview (``applied`` False) or the result (``applied`` True) of importing one workbook."""

    source: ParsedRoster
    workshop_id: str | None
    rows: tuple[PlanRow, ...]
    basis: tuple[int, int]  # the change log's (max rowid, count) the plan was made against
    to_invite: int  # invitations to the workshop that are new
    applied: bool = False
    backup: Path | None = None

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for r in self.rows:
            out[r.status] += 1
        out["invited"] = self.to_invite
        return out

    @property
    def has_writes(self) -> bool:
        return self.to_invite > 0 or any(r.status in (ADD, UPDATE) for r in self.rows)

    def summary(self) -> str:
        c = self.counts()
        th = f"เพิ่ม {c[ADD]} · ปรับปรุง {c[UPDATE]} · ไม่เปลี่ยนแปลง {c[UNCHANGED]} · ซ้ำ {c[DUPLICATE]} · ไม่รับ {c[REJECTED]}"
        en = (
            f"added {c[ADD]}, updated {c[UPDATE]}, unchanged {c[UNCHANGED]}, duplicate {c[DUPLICATE]}, "
            f"rejected {c[REJECTED]}"
        )
        if self.workshop_id:
            th += f" · เชิญเพิ่ม {c['invited']}"
            en += f", newly invited {c['invited']}"
        return f"{th} ({en})"

    def report_lines(self, statuses: tuple[str, ...] = (UPDATE, DUPLICATE, REJECTED)) -> list[str]:
        multi = self.source.multi_sheet
        lines = []
        for r in self.rows:
            if r.status not in statuses:
                continue
            line = r.line(multi)
            if r.status == UPDATE and r.changes:
                changed = ", ".join(
                    f"{LABELS.get(k, (k, k))[1]}: {_show(a)} → {_show(b)}" for k, (a, b) in r.changes.items()
                )
                line += f" — {changed}"
            lines.append(line)
        return lines

    def as_json(self) -> dict:
        return {
            "file": str(self.source.path),
            "workshop_id": self.workshop_id,
            "applied": self.applied,
            "backup": str(self.backup) if self.backup else None,
            "headers": [h.as_json() for h in self.source.headers],
            "counts": self.counts(),
            "rows": [r.as_json() for r in self.rows],
        }


def _show(v: object) -> str:
    return "—" if v in (None, "") else str(json_value(v))
