"""What the write path moves: a :class:`Write` (one stamped change to one row, as the change log holds it), what a
batch of them did (:class:`ApplyResult`), and the two refusals of a bad batch (:class:`StampClash`,
:class:`RowFlood`). Applying them is :mod:`.apply`; the conflict records they leave, :mod:`.conflict_records`."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lampang_planner.core.privacy.fields import FORGOTTEN_FIELDS

CHUNK = 900  # stay under SQLite's bound-parameter limit
MAX_ROW_WRITES = 10_000  # writes one record may hold (a real one gets a few dozen): keeps the conflict check bounded
# Built once: json.dumps with options builds a new encoder on every call, which dominates for small objects.
ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_ENCODE_STAMPS = json.JSONEncoder(separators=(",", ":")).encode
LOG_COLUMNS = "hlc, tbl, row_id, device, author, data, parents"


def stamps_json(parents: Sequence[str]) -> str:
    """The change log's ``parents`` text: the stamps as a compact JSON list. Built directly when every stamp is
    printable ASCII without a quote or a backslash, as stamps are (the encoder's very text; a purge logs 100,000 of
    these), else by the encoder."""
    if not parents:
        return "[]"
    body = "".join(parents)
    if body.isascii() and body.isprintable() and '"' not in body and "\\" not in body:
        return '["' + '","'.join(parents) + '"]'
    return _ENCODE_STAMPS(list(parents))


@dataclass(frozen=True, slots=True)
class Write:
    """One stamped change to one row, as the change log holds it: the fields it writes (``data``) and the stamps it
    saw and replaces (``parents``)."""

    hlc: str
    tbl: str
    row_id: str
    device: str
    data: dict
    parents: tuple[str, ...] = ()
    author: str = ""
    data_json: str | None = field(default=None, compare=False, repr=False)  # ``data`` as it arrived, if known

    def log_row(self) -> tuple:
        return (
            self.hlc,
            self.tbl,
            self.row_id,
            self.device,
            self.author,
            self.data_json if self.data_json is not None else ENCODE(self.data),
            stamps_json(self.parents),
        )

    @classmethod
    def from_log(cls, row: Sequence) -> Write:
        hlc, tbl, row_id, device, author, data, parents = row
        return cls(hlc, tbl, row_id, device, json.loads(data), tuple(json.loads(parents)), author)


class StampClash(ValueError):
    """One stamp carrying two different writes (a forged or corrupt bundle): refused whatever the order they came
    in, instead of keeping whichever was seen first."""

    def __init__(self, stamp: str, tbl: str, row_id: str) -> None:
        super().__init__(f"stamp {stamp} carries two different writes ({tbl} {row_id})")
        self.stamp, self.tbl, self.row_id = stamp, tbl, row_id

    def sentences(self) -> tuple[str, str]:
        device = self.stamp.split(".", 2)[-1]
        return (
            f"ปฏิเสธไฟล์: รายการแก้ไขเลขกำกับเวลา {self.stamp} ของเครื่อง {device} มีค่าสองแบบที่ไม่ตรงกัน "
            "(ไฟล์ถูกปลอมแปลงหรือเสียหาย) ไม่มีการบันทึกข้อมูลใด",
            f"Refused: the write stamped {self.stamp} (device {device}) comes with two different contents — a forged "
            "or damaged bundle; nothing was written",
        )


def same_logged_write(a: Write, stored: Sequence) -> bool:
    """``a`` is the write logged as ``stored`` = (hlc, tbl, row_id, device, author, data_json, parents_json)."""
    row = a.log_row()
    if row[1:5] != tuple(stored[1:5]):
        return False
    if row[5] != stored[5]:
        try:
            if not _same_data(a.tbl, json.loads(stored[5]), a.data):
                return False
        except ValueError:
            return False
    return row[6] == stored[6] or tuple(json.loads(stored[6] or "[]")) == a.parents


def _same_data(tbl: str, x: dict, y: dict) -> bool:
    """Equal, or equal but for personal fields one side has forgotten (a purge or an erasure rewrites the person
    fields of older writes to None in place, keeping their stamps: core.privacy.forget)."""
    if x == y:
        return True
    if tbl != "person" or x.keys() != y.keys():
        return False
    return all(x[k] == y[k] or (k in FORGOTTEN_FIELDS and (x[k] is None or y[k] is None)) for k in x)


def same_write(a: Write, b: Write) -> bool:
    return same_logged_write(a, b.log_row())


@dataclass(kw_only=True)
class Counts:
    """What writes did to rows, added up: a batch's (:class:`ApplyResult`), an imported file's, an import's."""

    added: int = 0  # rows that did not exist before
    updated: int = 0  # rows that existed and changed
    merged: int = 0  # fact rows (deterministic ids) that already existed and took in another device's record
    unchanged: int = 0  # writes already seen, or that changed nothing

    def count(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        self.added += other.added
        self.updated += other.updated
        self.merged += other.merged
        self.unchanged += other.unchanged

    def counts_json(self) -> dict:
        return {"added": self.added, "updated": self.updated, "merged": self.merged, "unchanged": self.unchanged}


@dataclass
class ApplyResult(Counts):
    """What a batch of writes did. ``changed`` maps table → ids whose stored values changed."""

    conflicts: int = 0  # conflict records now open on the touched rows
    changed: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    max_skew_ms: int = 0

    def add(self, other: ApplyResult) -> None:
        self.count(other)
        self.conflicts += other.conflicts
        self.max_skew_ms = max(self.max_skew_ms, other.max_skew_ms)
        for t, ids in other.changed.items():
            self.changed[t] |= ids

    def as_dict(self) -> dict:
        return {**self.counts_json(), "conflicts": self.conflicts}


class RowFlood(ValueError):
    """More writes to one record than field work ever makes: refused (memory stays bounded)."""

    def __init__(self, tbl: str, row_id: str) -> None:
        super().__init__(f"more than {MAX_ROW_WRITES} writes to {tbl} {row_id}")
        self.tbl, self.row_id = tbl, row_id

    def sentences(self) -> tuple[str, str]:
        return (
            f"ปฏิเสธไฟล์: มีการแก้ไขข้อมูลรายการเดียว ({self.tbl} {self.row_id}) มากกว่า {MAX_ROW_WRITES:,} ครั้ง "
            "ซึ่งการทำงานจริงไม่เกิดขึ้น (ไฟล์ผิดปกติ) ไม่มีการบันทึกข้อมูลใด",
            f"Refused: more than {MAX_ROW_WRITES:,} changes to one record ({self.tbl} {self.row_id}) — not field "
            "work, a crafted file; nothing was written",
        )


def chunks(seq: Sequence, n: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def padded(part: Sequence, n: int = CHUNK) -> Sequence:
    """The parameters of an ``IN (?,…)`` list for ``part`` (one of :func:`chunks` of ``n``), lengthened to the next
    power of two (``n`` above 512) by repeating its last item, which matches nothing more: a statement's few lengths
    stay prepared in the connection's statement cache. One length per part met instead filled it (128 statements of
    up to 900 parameters, 6 MiB of an import's memory, prepared again and again)."""
    size = len(part)
    to = min(1 << (size - 1).bit_length(), n) if size else 0
    return part if to <= size else (*part, *(part[-1],) * (to - size))
