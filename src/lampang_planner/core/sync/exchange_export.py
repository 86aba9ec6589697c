"""Exporting a bundle: the changes since the last export (``delta``) or everything (``full``; an office's ``kit``),
signed, sealed or protected as :mod:`.exchange` describes, logged in ``bundle_log``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import OfficePass, authorise_office
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys, kits, trust
from lampang_planner.core.sync.exchange_common import BUNDLE_SUFFIX, Check, Progress, device_key, nothing, now_iso
from lampang_planner.core.thai.dates import now_lampang

# --- export --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    kind: str
    changes: int
    counts: dict[str, int]
    hlc_min: str | None
    hlc_max: str | None
    since: str | None  # delta: when the export it follows was made (None: from the beginning)
    workshops: tuple[str, ...] = ()
    sealed: bool = False  # personal fields sealed to the office
    protected: bool = False  # payload under a passphrase

    def as_json(self) -> dict:
        return {
            "file": str(self.path),
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "changes": self.changes,
            "counts": self.counts,
            "hlc": {"min": self.hlc_min, "max": self.hlc_max},
            "since": self.since,
            "workshops": list(self.workshops),
            "sealed": self.sealed,
            "protected": self.protected,
        }


def default_file_name(store: Store, kind: str, when: dt.datetime | None = None) -> str:
    """``lampang-<device name>-<kind>-<yyyymmdd-hhmm>.lpbundle`` (characters file systems refuse are replaced)."""
    when = when or now_lampang()
    name = re.sub(r"[^\w\u0e00-\u0e7f-]+", "-", store.device_name or store.device_id).strip("-")[:40] or store.device_id
    return f"lampang-{name}-{kind}-{when:%Y%m%d-%H%M%S}{BUNDLE_SUFFIX}"


def _export_watermark(store: Store) -> tuple[int, str | None]:
    """The change-log rowid the last export covered (0: none) and when it was made."""
    q = (
        "SELECT seq, seq_hlc, done_at FROM bundle_log WHERE direction='out' AND seq IS NOT NULL "
        "ORDER BY done_at DESC, seq DESC"
    )
    for _seq, seq_hlc, done_at in store.db.execute(q).fetchall():
        if not seq_hlc:
            return 0, done_at
        row = store.db.execute("SELECT rowid FROM change WHERE hlc=?", (seq_hlc,)).fetchone()
        if row:  # looked up by stamp: rowids may be renumbered by VACUUM
            return row[0], done_at
    return 0, None


def export_bundle(
    store: Store,
    out: str | Path,
    *,
    full: bool = False,
    workshops: Sequence[str] = (),
    clear: bool = False,
    passphrase: str | None = None,
    progress: Progress = nothing,
    check: Check = nothing,
    office: OfficePass | str | None = None,
) -> ExportResult:
    """Write a bundle to ``out`` (a file, or a folder to put a file with the default name in).

    ``delta`` (default): every change this folder has logged since its last export, its own and those it imported,
    except, on a laptop of an office, the office's own writes (the office has them). ``full``: everything; from an
    office a full export is a ``kit``, which ``workshops`` may limit to some workshops. Personal data, ``clear`` and
    ``passphrase``: see the module docstring (``clear-personal`` is raised before any file is written). A kit is
    office-only: ``office`` is the office PIN or a pass for it (``core.privacy.pin.authorise_office``).
    """
    at_office = kits.is_office(store)
    kind = ("kit" if at_office else "full") if full else "delta"
    workshops = _checked_options(store, kind, tuple(dict.fromkeys(workshops)), office)
    out = _out_file(store, Path(out), kind)
    key = device_key(store)
    pub = keys.public_hex(key.public_key())
    check()
    progress("export", 0, 0, out.name)
    top = store.scalar("SELECT IFNULL(MAX(rowid), 0) FROM change")
    top_hlc = store.scalar("SELECT hlc FROM change WHERE rowid=?", (top,)) if top else None
    rows, since = _rows_to_export(store, workshops, full, top)
    check()
    device = {"id": store.device_id, "name": store.device_name, "role": store.role}
    seal_to = _seal_to(store) if not at_office and not clear else None
    built = B.build_bundle(
        out,
        rows,
        key=key,
        device=device,
        kind=kind,
        office=kits.office_section(store, pub),
        progress=lambda n: progress("export", n, len(rows), out.name),
        seal_to=seal_to,
        passphrase=passphrase,
        refuse_personal=not at_office and seal_to is None and not clear,
        extra={trust.ENROLLED: trust.enrolled_list(store)} if kind == "kit" else None,
    )
    m = built.manifest
    _log_export(store, built, kind, workshops, (top, top_hlc), out.name)
    return ExportResult(
        out, built.id, kind, built.changes, m["counts"], m["hlc"]["min"], m["hlc"]["max"], since, workshops,
        sealed="sealed" in m, protected="protected" in m,
    )  # fmt: skip


def _checked_options(
    store: Store, kind: str, workshops: tuple[str, ...], office: OfficePass | str | None
) -> tuple[str, ...]:
    """A kit needs the office PIN; only a kit is limited to workshops, and those must exist."""
    if kind == "kit":
        authorise_office(store, office)  # a kit carries everyone's personal data (PDPA)
    if workshops and kind != "kit":
        raise UserError(
            "เลือกการประชุมได้เฉพาะเมื่อสำนักงานส่งออกชุดข้อมูลตั้งต้น (--full)",
            "Only an office's kit (--full on an office folder) can be limited to workshops",
            code="bad-option",
        )
    if workshops:
        missing = kits.unknown_workshops(store.db, workshops)
        if missing:
            raise UserError(f"ไม่พบการประชุม {missing[0]}", f"No workshop with id {missing[0]}", code="unknown-workshop")
    return workshops


def _out_file(store: Store, out: Path, kind: str) -> Path:
    """``out``, or the default file name in it when it is a folder; its folder must exist."""
    if out.is_dir():
        out = out / default_file_name(store, kind)
    if not out.parent.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ {out.parent}", f"No such folder: {out.parent}", code="cannot-write")
    return out


def _rows_to_export(store: Store, workshops: tuple[str, ...], full: bool, top: int) -> tuple[list, str | None]:
    """The change-log lines an export carries, up to rowid ``top``, and when the export it follows was made."""
    cols = kits.LOG_COLUMNS
    if workshops:
        return kits.kit_changes(store.db, workshops, top), None
    if full:
        return store.query(f"SELECT {cols} FROM change WHERE rowid<=? ORDER BY hlc", (top,)), None
    start, since = _export_watermark(store)
    skip = store.office_device_id if not kits.is_office(store) else None
    rows = store.query(
        f"SELECT {cols} FROM change WHERE rowid>? AND rowid<=? AND device IS NOT ? ORDER BY hlc", (start, top, skip)
    )
    return rows, since


def _seal_to(store: Store) -> dict | None:
    """Whom a laptop's bundles seal personal fields to: its office, when it knows the office's encryption key."""
    enc = kits.encryption_key(store)
    return {"id": store.office_device_id, "encryption_key": enc} if enc else None


def _log_export(store: Store, built, kind: str, workshops: tuple[str, ...], top: tuple, file_name: str) -> None:
    """The export in ``bundle_log``, with the change log's highest rowid (and its stamp) it covered."""
    m = built.manifest
    seq, seq_hlc = (None, None) if workshops else top
    with store.transaction() as tx:
        tx.db.execute(
            "INSERT INTO bundle_log (id, direction, kind, device_id, created_at, done_at, changes, hlc_min, hlc_max, "
            "seq, seq_hlc, file_name, report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                built.id, "out", kind, store.device_id, m["created_at"], now_iso(), built.changes,
                m["hlc"]["min"] or "", m["hlc"]["max"] or "", seq, seq_hlc,
                file_name, json.dumps({"workshops": list(workshops), "payload_sha256": m["payload"]["sha256"]}),
            ),
        )  # fmt: skip
