"""Checking and parsing a payload's lines, batch by batch (issue #13; the lines come from :mod:`.payload_stream`).

Per line (``[hlc, table, row_id, device, author, data, parents]``) the checks are those of the format
(:mod:`.bundle`): known table and fields, scalar values, stamp syntax, the stamp's device is the line's, parents are
stamps (at most :data:`MAX_PARENTS`), reference codes (district, tambon) known, the line's device one the signer may
forward (:mod:`.trust`), sealed personal fields opened with the office's key. Counts, stamp range and sealed-line
count are checked against the manifest when the stream ends (:meth:`Parser.finish`).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from lampang_planner.core.refdata import divisions
from lampang_planner.core.sync import seal
from lampang_planner.core.sync.apply import Write
from lampang_planner.core.sync.payload_stream import _b, _damaged, _decode, _err
from lampang_planner.core.sync.tables import TABLES

if TYPE_CHECKING:
    from lampang_planner.core.sync.bundle import Bundle

MAX_PARENTS = 256  # stamps a write names as seen (a real one names at most one per field)
MAX_CHANGES = 5_000_000  # changes in one bundle (a whole office's history fits)
# Lines decoded and parsed at a time within a batch: the batch's text as str (twice its bytes for Thai) and the JSON
# array handed to json.loads exist for these only, not for the batch's 5,000 (6-7 MiB of an import's peak).
PARSE_LINES = 500


class Parser:
    """Checks and parses a payload batch by batch, keeping only running totals between batches.

    This runs once per imported change (100,000 in the merge benchmark): checks that need no Python per line (stamp
    syntax, value types, counts) are done per batch by C code."""

    def __init__(self, bundle: Bundle, check_only: bool) -> None:
        self.bundle, self.path = bundle, bundle.path
        self.damaged = _damaged(bundle.path)
        self.sealed_section = bundle.sealed
        self.forwardable = bundle.forwardable
        self.opener = _opener(bundle) if self.sealed_section and not check_only else None
        self.names_ok: dict[tuple[str, str], tuple[str, ...]] = {}
        self.fields_of = {t: frozenset(s.fields) for t, s in TABLES.items()}
        self.maps_of = {t: frozenset(f for f, r in s.merge.items() if r == "map_min") for t, s in TABLES.items()}
        self.refs_of = reference_fields()
        self.limit = bundle.changes
        if type(self.limit) is not int or not 0 <= self.limit <= MAX_CHANGES:
            raise _err(
                "too-big",
                f"ปฏิเสธไฟล์: มีรายการมากเกิน {MAX_CHANGES:,} รายการ",
                f"Refused: more than {MAX_CHANGES:,} changes in one bundle",
                bundle.path,
            )
        self.n = 0
        self.n_sealed = 0
        self.counts: Counter = Counter()
        self.lo: str | None = None
        self.hi: str | None = None

    def batch(self, lines: list[bytes]) -> list[Write]:
        """The writes of a batch of lines (as :func:`.payload_stream.line_batches` cuts them), decoded and parsed
        :data:`PARSE_LINES` at a time; ``lines`` is emptied as they are (their writes keep what they need)."""
        if self.n + len(lines) > self.limit:
            raise self.damaged  # more lines than the manifest declares
        writes: list[Write] = []
        while lines:
            part = _decode(lines[:PARSE_LINES], self.path)
            del lines[:PARSE_LINES]
            writes += self._part(part)
        return writes

    def _part(self, lines: list[str]) -> list[Write]:
        try:
            rows = json.loads("[" + ",".join(lines) + "]")
        except (ValueError, RecursionError) as exc:
            raise self.damaged from exc
        if len(rows) != len(lines):
            raise self.damaged
        writes, stamps, pending = self._rows(rows, lines)
        try:
            stamps_ok = all(map(_b()._STAMP.fullmatch, stamps))
        except TypeError:  # a parent that is not a string
            stamps_ok = False
        if not stamps_ok:
            raise self.damaged
        self.counts.update(map(itemgetter(1), rows))
        own = stamps if len(stamps) == len(rows) else [r[0] for r in rows]
        lo, hi = min(own, default=None), max(own, default=None)
        if lo is not None:
            self.lo = lo if self.lo is None or lo < self.lo else self.lo
            self.hi = hi if self.hi is None or hi > self.hi else self.hi
        if pending:
            _open_sealed(self.opener, pending, writes, self.path)
        self.n += len(rows)
        return writes  # type: ignore[return-value]  # every None was replaced by its opened write

    def finish(self) -> None:
        m = self.bundle.manifest
        if self.n != self.limit:
            raise self.damaged
        if self.sealed_section and self.n_sealed != self.sealed_section["lines"]:
            raise self.damaged
        if dict(self.counts) != m["counts"]:
            raise self.damaged
        if m["hlc"].get("min") != self.lo or m["hlc"].get("max") != self.hi:
            raise self.damaged

    def _rows(self, rows: list, lines: list[str]) -> tuple[list, list[str], list[tuple]]:
        """The writes of one batch's parsed rows (None where a sealed line waits to be opened), every stamp and parent
        stamp (checked in bulk by the caller), and the sealed lines to open."""
        path, damaged = self.path, self.damaged
        sealed_section, forwardable, opener = self.sealed_section, self.forwardable, self.opener
        fields_of, maps_of, refs_of = self.fields_of, self.maps_of, self.refs_of
        prefix, plain, sealed_key = _b().STAMP_PREFIX, _b()._PLAIN, seal.SEAL_KEY
        stamps: list[str] = []
        pending: list[tuple] = []
        writes: list[Write | None] = []
        append = writes.append
        base = self.n
        for k, row in enumerate(rows):
            if type(row) is not list or len(row) != 7:
                raise damaged
            hlc, tbl, row_id, device, author, data, parents = row
            allowed = fields_of.get(tbl)
            if allowed is None:
                raise _unknown_table(tbl, path)
            if (
                type(hlc) is not str
                or hlc[prefix:] != device  # the stamp's syntax is checked in bulk
                or type(row_id) is not str
                or not 0 < len(row_id) <= 64
                or type(author) is not str
                or type(data) is not dict
                or not data
                or type(parents) is not list
                or len(parents) > MAX_PARENTS
            ):
                raise damaged
            if forwardable is not None and device not in forwardable:
                raise _forged_line(device, self.bundle.device_id, path)
            stamps.append(hlc)
            if parents:
                stamps += parents
            sealed = data.pop(sealed_key, None) if sealed_section else None
            if sealed is not None:
                csv, names, token = self._sealed_names(tbl, sealed, data, allowed)
            if not data.keys() <= allowed:
                raise _unknown_field(tbl, data, allowed, path)
            refs = refs_of.get(tbl)
            if refs:
                _check_references(refs, tbl, row_id, data, device, path)
            maps = maps_of[tbl]
            if not maps:  # every value a JSON scalar (checked in C: most lines)
                if not plain.issuperset(map(type, data.values())):
                    raise damaged
            else:
                _check_map_values(data, maps, plain, damaged)
            if sealed is not None and opener is not None:
                # Opened after the batch; the change log gets the opened values, never this line's sealed text.
                pending.append(
                    (len(writes), base + k, hlc, tbl, row_id, device, author, data, parents, csv, names, token)
                )
                append(None)
            else:
                text = None if sealed is not None else _data_text(lines[k], row_id, author, parents)
                append(Write(hlc, tbl, row_id, device, data, tuple(parents), author, text))
        return writes, stamps, pending

    def _sealed_names(self, tbl: str, sealed: object, data: dict, allowed: frozenset) -> tuple[str, tuple, str]:
        """A sealed line's field list (checked once per table and list), as text and names, and its token."""
        self.n_sealed += 1
        if type(sealed) is not str:
            raise self.damaged
        csv, _, token = sealed.partition(":")
        names = self.names_ok.get((tbl, csv))
        if names is None:  # each table's few field lists are checked once
            names = tuple(csv.split(","))
            if not all(f in allowed for f in names) or len(set(names)) != len(names):
                raise self.damaged
            self.names_ok[(tbl, csv)] = names
        if not data.keys().isdisjoint(names) or (self.opener is None and not seal.token_ok(token)):
            raise self.damaged
        return csv, names, token


def _opener(bundle: Bundle) -> seal.Opener:
    """What opens the sealed fields of this bundle: the office's key, or a refusal before anything is written."""
    path = bundle.path
    if bundle.box_key is None:
        raise _err(
            "not-office",
            "ปฏิเสธไฟล์: ข้อมูลส่วนบุคคลในไฟล์นี้ (ชื่อ เบอร์โทรศัพท์ เลขประจำตัวประชาชน) เข้ารหัสไว้ให้สำนักงานเปิดได้ผู้เดียว "
            "เครื่องนี้ไม่ใช่สำนักงานจึงนำเข้าไม่ได้ กรุณานำไฟล์ไปนำเข้าที่สำนักงาน ไม่มีการบันทึกข้อมูลใด",
            "Refused: the personal data in this bundle (names, phone numbers, citizen IDs) is encrypted for the office "
            "alone; this folder is not the office, so it cannot import it — import it at the office. Nothing was "
            "written",
            path,
        )
    try:
        return seal.Opener(bundle.sealed, bundle.box_key, bundle.id)
    except seal.SealError as exc:
        if exc.code == "wrong-office":
            raise _err(
                "wrong-office",
                "ปฏิเสธไฟล์: ข้อมูลส่วนบุคคลในไฟล์นี้เข้ารหัสไว้ให้สำนักงานอื่น (กุญแจเข้ารหัสไม่ตรงกับของสำนักงานนี้) ไม่มีการบันทึกข้อมูลใด",
                "Refused: the personal data in this bundle is encrypted for another office (not this office's "
                "encryption key); nothing was written",
                path,
            ) from None
        raise _err("damaged", "ไฟล์เสียหายหรือถูกแก้ไข", f"the file is damaged or has been altered ({exc})", path) from None


@functools.cache
def reference_fields() -> dict[str, tuple[tuple[str, str, frozenset[str]], ...]]:
    """Per synced table, its fields that name reference data (district, tambon): (field, kind, known codes)."""
    dv = divisions()
    known = {"district": frozenset(dv.districts), "subdistrict": frozenset(dv.subdistricts)}
    out: dict[str, tuple[tuple[str, str, frozenset[str]], ...]] = {}
    for name, spec in TABLES.items():
        refs = []
        for col, target in spec.references.items():  # core.schema: the foreign keys of core.model
            if target in known and col in spec.fields:
                refs.append((col, target, known[target]))
        if refs:
            out[name] = tuple(refs)
    return out


def _check_references(refs: tuple, tbl: str, row_id: str, data: dict, device: str, path: Path) -> None:
    """A code of reference data (district, tambon) this version does not know: the bundle is refused with a
    sentence naming it (the database would refuse it at the write with a foreign-key error)."""
    for f, kind, codes in refs:
        v = data.get(f)
        if v is None or (type(v) is str and v in codes):
            continue
        what_th, what_en = ("อำเภอ", "district") if kind == "district" else ("ตำบล", "tambon")
        raise _err(
            "unknown-reference",
            f"ปฏิเสธไฟล์: มีรหัส{what_th} {v!r} ที่ไม่มีในข้อมูลอ้างอิงของโปรแกรมนี้ (ข้อมูล {tbl} {row_id} "
            f"จากเครื่อง {device}) อาจสร้างด้วยโปรแกรมรุ่นใหม่กว่าหรือไฟล์ถูกแก้ไข กรุณาอัปเดตโปรแกรมแล้วนำเข้าอีกครั้ง "
            "ไม่มีการบันทึกข้อมูลใด ข้อมูลยังอยู่ครบในไฟล์",
            f"Refused: the bundle names {what_en} code {v!r}, which is not in this version's reference data "
            f"({tbl} {row_id}, field {f}, from device {device}); it was made by a newer version or altered. Update "
            "Lampang Planner and import it again. Nothing was written; the file keeps everything",
            path,
        )


def _open_sealed(opener: seal.Opener, pending: list[tuple], writes: list, path: Path) -> None:
    """Open the sealed lines of a payload (one AEAD call each) and put their writes in place, each with its change-log
    text encoded from the opened values (as the write path would)."""
    plain = _b()._PLAIN
    encode = _b()._ENCODE_FAST
    open_line = opener.open
    for j, i, hlc, tbl, row_id, device, author, data, parents, csv, names, token in pending:
        try:
            values = open_line(i, hlc, tbl, row_id, csv, len(names), token)
        except seal.SealError as exc:
            raise _err(
                "damaged",
                "ปฏิเสธไฟล์: ข้อมูลส่วนบุคคลที่เข้ารหัสไว้ถูกแก้ไขหรือเสียหาย ไม่มีการบันทึกข้อมูลใด",
                f"Refused: the encrypted personal data was altered or damaged ({exc}); nothing was written",
                path,
            ) from None
        if not plain.issuperset(map(type, values)):
            raise _err("damaged", "ข้อมูลภายในไฟล์ผิดรูปแบบ", "the bundle's payload is malformed", path)
        data.update(zip(names, values, strict=False))  # as many as names: checked when opened
        writes[j] = Write(hlc, tbl, row_id, device, data, tuple(parents), author, "".join(encode(data, 0)))


def _data_text(line: str, row_id: str, author: str, parents: list[str]) -> str | None:
    """The exact JSON text of a parsed line's ``data`` object, so the change log stores it without re-encoding;
    None when it cannot be cut out with certainty (the caller encodes ``data`` then).

    The line parsed as ``[hlc, tbl, row_id, device, author, {data}, [parents]]``. When none of the five strings holds
    a "{" (stamps, device ids and table names cannot), the first "{" opens ``data``; when the line ends with
    ``,`` + the compact parents list + ``]`` (stamps hold no brackets), that "," ends it."""
    if "{" in row_id or "{" in author:
        return None
    tail = ("," + _b()._ENCODE_STAMPS(parents) + "]") if parents else ",[]]"
    if not line.endswith(tail):
        return None
    return line[line.index("{") : len(line) - len(tail)]


def _check_map_values(data: dict, maps: frozenset, plain: frozenset, damaged: Exception) -> None:
    """Values of a table with map fields: a map is None or str → str, any other value a JSON scalar."""
    for key, v in data.items():
        if key in maps:
            if v is not None and (
                type(v) is not dict or any(type(a) is not str or type(b) is not str for a, b in v.items())
            ):
                raise damaged
        elif type(v) not in plain:
            raise damaged


def _unknown_table(tbl: object, path: Path):
    return _err(
        "unknown-table",
        f"ปฏิเสธไฟล์: มีข้อมูลประเภทที่โปรแกรมรุ่นนี้ไม่รู้จัก ({tbl!r}) กรุณาอัปเดตโปรแกรม",
        f"Refused: the payload names a table this version does not know ({tbl!r}); update Lampang Planner",
        path,
    )


def _forged_line(device: str, signer: str, path: Path):
    return _err(
        "forged-line",
        f"ปฏิเสธไฟล์: มีรายการที่อ้างว่ามาจากเครื่อง {device} ซึ่งเครื่อง {signer} ไม่มีสิทธิ์ส่งต่อ (ไม่ได้ลงทะเบียนไว้) ไม่มีการบันทึกข้อมูลใด",
        f"Refused: a line claims to come from device {device}, which {signer} is not "
        "entitled to forward (not enrolled); nothing was written",
        path,
    )


def _unknown_field(tbl: str, data: dict, allowed: frozenset, path: Path):
    unknown = sorted(set(data) - allowed)
    return _err(
        "unknown-field",
        f"ปฏิเสธไฟล์: มีช่องข้อมูลที่โปรแกรมรุ่นนี้ไม่รู้จัก ({tbl}.{unknown[0]}) กรุณาอัปเดตโปรแกรม",
        f"Refused: the payload names a field this version does not know ({tbl}.{unknown[0]}); update Lampang Planner",
        path,
    )
