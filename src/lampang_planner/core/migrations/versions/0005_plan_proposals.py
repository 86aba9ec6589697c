"""development plan: project proposals (forms ผ.02 / ผ.02/1) and the plan's period and edition

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def _meta() -> list[sa.Column]:
    return [
        sa.Column("id", _S(), nullable=False),
        sa.Column("origin_device", _S(), nullable=False),
        sa.Column("hlc", _S(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", _S(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "proposal",
        *_meta(),
        sa.Column("need_id", _S(), nullable=True),
        sa.Column("province_strategy", _S(), nullable=True),
        sa.Column("area_strategy", _S(), nullable=True),
        sa.Column("strategy", _S(), nullable=True),
        sa.Column("work_plan", _S(), nullable=True),
        sa.Column("title", _S(), nullable=True),
        sa.Column("objective", _S(), nullable=True),
        sa.Column("output_qty", sa.Float(), nullable=True),
        sa.Column("output_unit", _S(), nullable=True),
        sa.Column("output_place", _S(), nullable=True),
        sa.Column("kpi", _S(), nullable=True),
        sa.Column("expected_result", _S(), nullable=True),
        sa.Column("division", _S(), nullable=True),
        sa.Column("budgets", _S(), nullable=True),
        sa.Column("fund_source", _S(), nullable=True),
        sa.Column("community_plan", sa.Boolean(), nullable=True),
        sa.Column("status", _S(), nullable=True),
        sa.Column("district_code", _S(), nullable=True),
        sa.ForeignKeyConstraint(["district_code"], ["district.code"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_need_id"), ["need_id"], unique=False)
    op.create_table(
        "dev_plan",
        *_meta(),
        sa.Column("key", _S(), nullable=True),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("years", sa.Integer(), nullable=True),
        sa.Column("edition", _S(), nullable=True),
        sa.Column("org_name", _S(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("dev_plan")
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_need_id"))
    op.drop_table("proposal")
