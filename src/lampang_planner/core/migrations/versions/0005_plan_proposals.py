"""development plan: project proposals (forms ผ.02 / ผ.02/1) and the plan's period and edition

Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from lampang_planner.core.migrations.ddl import create_synced_table

revision = "0005"
down_revision = "0002"


def upgrade() -> None:
    create_synced_table(
        "proposal",
        "need_id province_strategy area_strategy strategy work_plan title objective output_qty:float output_unit "
        "output_place kpi expected_result division budgets fund_source community_plan:bool status district_code",
        references=("district_code",),
        indexes=("need_id",),
    )
    create_synced_table("dev_plan", "key first_year:int years:int edition org_name")


def downgrade() -> None:
    op.drop_table("dev_plan")
    op.drop_table("proposal")  # with its index
