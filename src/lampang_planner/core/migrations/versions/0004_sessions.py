"""sessions: a workshop has sessions; attendance is per session, with how each check-in was made

Create Date: 2026-12-07

Existing attendance rows go to their workshop's first session (its id is derived from the workshop id, exactly as
``core.schema.first_session_id`` derives it, so every folder migrates to the same values and the digests still agree).
The first session itself needs no row: until someone edits it, it is implied (``core.ops.sessions``).
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from lampang_planner.core.migrations.ddl import columns, create_synced_table

revision = "0004"
down_revision = "0006"

# A copy of core.schema.NATURAL_ID_NAMESPACE: a migration must not change when the app's code does.
_NAMESPACE = uuid.UUID("0c7e3b52-52a0-4d5e-8a1b-1a2b3c4d5e52")


def upgrade() -> None:
    create_synced_table("session", "workshop_id number:int name day:date starts ends", indexes=("workshop_id",))
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        for column in columns("session_id kinds keyed_by", nullable=True):
            batch_op.add_column(column)
        batch_op.create_index(batch_op.f("ix_attendance_session_id"), ["session_id"], unique=False)

    bind = op.get_bind()
    workshops = [
        r[0] for r in bind.execute(sa.text("SELECT DISTINCT workshop_id FROM attendance WHERE workshop_id IS NOT NULL"))
    ]
    for wid in workshops:
        first = str(uuid.uuid5(_NAMESPACE, f"session:{wid}/1"))
        bind.execute(sa.text("UPDATE attendance SET session_id=:s WHERE workshop_id=:w"), {"s": first, "w": wid})


def downgrade() -> None:
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_session_id"))
        batch_op.drop_column("keyed_by")
        batch_op.drop_column("kinds")
        batch_op.drop_column("session_id")
    op.drop_table("session")  # with its index
