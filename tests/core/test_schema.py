"""core.schema (plain data, what the write path and every command use) says the same as core.model (SQLModel, what
creates and upgrades the database), and a command on an existing folder never loads SQLAlchemy, SQLModel or Pillow
(half a second of start-up a one-code check-in does not need)."""

from __future__ import annotations

import json
import subprocess
import sys

from lampang_planner.core import model
from lampang_planner.core.schema import (
    META_COLUMNS,
    NATURAL_ID_NAMESPACE,
    SCHEMA,
    attendance_id,
    first_session_id,
    natural_id,
)
from lampang_planner.core.sync.tables import TABLES


def test_schema_matches_the_sqlmodel_tables_column_for_column():
    assert [m.__tablename__ for m in model.SYNCED_MODELS] == list(SCHEMA)
    for m in model.SYNCED_MODELS:
        t = SCHEMA[m.__tablename__]
        assert t.columns == tuple(m.__table__.columns.keys()), m.__tablename__
        assert t.columns[: len(META_COLUMNS)] == META_COLUMNS
        assert t.merge == dict(m.__merge__) and t.derived == tuple(m.__derived__)
        assert t.natural_key == tuple(m.__natural_key__)
        refs = {c.name: fk.column.table.name for c in m.__table__.columns for fk in c.foreign_keys}
        assert t.references == refs, m.__tablename__
        assert TABLES[t.name].columns == t.columns


def test_natural_ids_are_the_same_from_a_name_or_a_model_class():
    assert natural_id("attendance", "w", "p") == natural_id(model.Attendance, "w", "p")


def test_natural_ids_are_the_uuid5_text_they_always_were():
    """The ids are made without a UUID object (faster at the door): the same text as str(uuid.uuid5(...)), for Thai,
    empty and long keys, every device and every older version agreeing."""
    import random
    import uuid

    def uuid5(name: str) -> str:
        return str(uuid.uuid5(NATURAL_ID_NAMESPACE, name))

    rng = random.Random(11)
    keys = ["", "w", "ก", "สมชาย ใจดี", "x" * 300, "a/b", *(str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(200))]
    for a in keys:
        b = rng.choice(keys)
        assert natural_id("attendance", a, b) == uuid5(f"attendance:{a}/{b}")
        assert natural_id("invitation", a, None) == uuid5(f"invitation:{a}/")
        assert first_session_id(a) == uuid5(f"session:{a}/1")
        assert attendance_id(a, b, "s2") == uuid5(f"attendance:{a}/{b}/s2")
        assert attendance_id(a, b, first_session_id(a)) == attendance_id(a, b) == uuid5(f"attendance:{a}/{b}")
        assert uuid.UUID(natural_id("attendance", a, b)).version == 5
    assert natural_id("attendance", "w", "p") == "0747f3cc-180f-58b7-a622-46dc0e5caef1"  # as every device computes it


def test_a_command_on_an_existing_folder_loads_no_orm_and_no_imaging(demo_dir):
    code = (
        "import json, sys\n"
        "from lampang_planner.cli import main\n"
        f"rc = main(['--data-dir', {str(demo_dir)!r}, 'checkin', '--workshop', 'nope', 'X'])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel', 'PIL', 'alembic'})\n"
        "print(json.dumps(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [], out.stderr
