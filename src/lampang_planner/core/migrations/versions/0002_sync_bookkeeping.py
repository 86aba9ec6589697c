"""sync bookkeeping: trusted devices and bundle log

Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

from lampang_planner.core.migrations.ddl import columns, create_table

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    # Versions before the one-transaction migration runner could be killed after the first CREATE TABLE below, with
    # the schema still saying 0001: such a folder holds empty leftovers of these two tables (nothing could use them
    # at 0001). Drop them so the upgrade finishes instead of failing with "table already exists" forever.
    op.execute("DROP TABLE IF EXISTS bundle_log")
    op.execute("DROP TABLE IF EXISTS trusted_device")
    create_table(
        "bundle_log",
        *columns(
            "id direction kind device_id created_at done_at changes:int hlc_min hlc_max seq:int? seq_hlc? file_name "
            "report"
        ),
    )
    create_table("trusted_device", *columns("id public_key name role first_seen last_seen"))


def downgrade() -> None:
    op.drop_table("trusted_device")
    op.drop_table("bundle_log")
