"""lookup indexes for what the screens ask: a person's workshops, a merge group; then statistics for the planner

The People page's detail pane asks, for one person, the workshops they were invited to or attended. With only the
single-column indexes, SQLite (with no statistics) picked ``workshop_id`` and read every invitation and attendance of
each workshop: 150 ms per selected row at 100,000 people. ``(person_id, workshop_id)`` answers it from the person's
few rows. ``merged_into`` (partial: only merged rows) lets a merge group be found from one person without reading
every person. ``ANALYZE`` then gives the planner the row counts it needs (``core.db`` keeps them current).

Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0007"


def upgrade() -> None:
    op.create_index("ix_invitation_person_workshop", "invitation", ["person_id", "workshop_id"])
    op.create_index("ix_attendance_person_workshop", "attendance", ["person_id", "workshop_id"])
    op.create_index("ix_person_merged_into", "person", ["merged_into"], sqlite_where=sa.text("merged_into IS NOT NULL"))
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_person_merged_into", table_name="person")
    op.drop_index("ix_attendance_person_workshop", table_name="attendance")
    op.drop_index("ix_invitation_person_workshop", table_name="invitation")
