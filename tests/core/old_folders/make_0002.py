# How schema-0002.sqlite3 and schema-0002-full.lpbundle were made: with main at 82e773a (schema 0002, before
# sessions): git archive 82e773a src resources | tar x -C OLD && PYTHONPATH=OLD/src python make_0002.py OUT
# Run with main's code (PYTHONPATH=/tmp/m15/src): a folder at schema 0002 with a workshop, people and check-ins,
# and a bundle exported by that version.
import shutil
import sys
from pathlib import Path

from lampang_planner.core.db import SCHEMA_HEAD, Store
from lampang_planner.core.ops.checkin import check_in_person
from lampang_planner.core.ops.people import add_person, invite
from lampang_planner.core.ops.workshops import add_workshop
from lampang_planner.core.sync.exchange import export_bundle

out = Path(sys.argv[1])
shutil.rmtree(out, ignore_errors=True)
s = Store.open(out / "folder")
assert SCHEMA_HEAD == "0002", SCHEMA_HEAD
s.set_device(name="old-office", desk="1")
w = add_workshop(s, {"title": "ประชุมประชาคมแผนพัฒนา อ.เกาะคา", "start_date": "2026-11-20", "district_code": "5206"})
people = [("นาย", "สมชาย", "ใจดี"), ("นาง", "บุญเรือน", "คำแก้ว"), ("น.ส.", "พิมพ์ใจ", "ศรีวงศ์"), ("นาย", "ประเสริฐ", "ทองคำ")]
ids = []
for pre, first, last in people:
    pid = add_person(s, {"prefix": pre, "first_name": first, "last_name": last, "district_code": "5206", "consent": True})
    invite(s, w, [pid])
    ids.append(pid)
check_in_person(s, w, ids[0], at="2026-11-20T08:50:00+07:00")
check_in_person(s, w, ids[1], desk="2", at="2026-11-20T09:05:00+07:00")
check_in_person(s, w, ids[1], desk="1", at="2026-11-20T09:07:00+07:00")
print(w, *ids)
s.close()
s = Store.open(out / "folder")
print(export_bundle(s, out / "bundles", full=True, clear=True))
s.close()
