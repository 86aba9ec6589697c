"""The content digest (``info --json``, compared between machines) is the SHA-256 of one line of compact JSON per row:
made by SQLite now, it must give the very bytes the Python encoder gave, so that copies running either version agree —
for Thai text, quotes, backslashes and control characters, NULLs, integers, and the rows SQLite would write
differently (a real number, a blob), which are still encoded in Python."""

from __future__ import annotations

import hashlib
import json

from lampang_planner.core.ops.people import add_person
from lampang_planner.core.sync.digest import digest
from lampang_planner.core.sync.tables import TABLES

_ROW = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode


def digest_row_by_row(db) -> str:
    """The digest as it was computed before: each row fetched into Python and encoded there."""
    h = hashlib.sha256()
    for name in sorted(TABLES):
        spec = TABLES[name]
        cols = ("id", *spec.fields, *spec.derived)
        h.update(f"\x1e{name}\x1f{','.join(cols)}\n".encode())
        for row in db.execute(f"SELECT {','.join(cols)} FROM {name} ORDER BY id"):
            h.update(f"{_ROW(row)}\n".encode())
    h.update(b"\x1econflict\n")
    q = "SELECT tbl, row_id, field, kind, winner_hlc, loser_hlc, loser_value FROM conflict ORDER BY id"
    for row in db.execute(q):
        h.update(f"{_ROW(row)}\n".encode())
    return h.hexdigest()


def test_the_digest_is_the_same_bytes_as_row_by_row_encoding(demo_store):
    store = demo_store
    assert digest(store.db) == digest_row_by_row(store.db)
    odd = "".join(map(chr, range(1, 0x80))) + 'ก่อน "คำพูด" \\ \u2028 😀 \x7f'
    pid = add_person(store, {"first_name": "ทดสอบ", "last_name": odd, "note": "บรรทัด 1\nบรรทัด 2\t\r",
                             "participant_type": "other"})  # fmt: skip
    assert digest(store.db) == digest_row_by_row(store.db)
    # values SQLite's JSON would write otherwise: a real number (17 digits in Python, 15 in SQLite) and a blob
    with store.db:
        store.db.execute("UPDATE person SET consent = 0.1 + 0.2 WHERE id = ?", (pid,))
        store.db.execute("UPDATE workshop SET retention_days = x'00ff' WHERE rowid = (SELECT MIN(rowid) FROM workshop)")
    assert digest(store.db) == digest_row_by_row(store.db)
    before = digest(store.db)
    with store.db:
        store.db.execute("UPDATE person SET note = 'อื่น' WHERE id = ?", (pid,))
    assert digest(store.db) != before
