"""initial schema

Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lampang_planner.core.migrations.ddl import S, columns, create_synced_table, create_table

revision = "0001"
down_revision = None

PLACE = ("district_code", "subdistrict_code")
# The longer tables' own columns (after the synced meta columns).
VOTE = (
    "workshop_id clause_id amendment_id method for_count:int against_count:int abstain_count:int present:int "
    "recorded_at"
)
NEED = (
    "workshop_id district_code subdistrict_code village_no village_name title description category group_name session "
    "raised_by rank:int dot_votes:int route plan_strategy fiscal_year:int status status_date:date photo"
)
PERSON = (
    "code prefix first_name last_name organisation position participant_type district_code subdistrict_code phone "
    "citizen_id consent:bool consent_date:date merged_into note"
)
WORKSHOP = (
    "title start_date:date end_date:date district_code subdistrict_code venue topics facilitators retention_days:int"
)


def upgrade() -> None:
    create_synced_table(
        "amendment", "clause_id workshop_id mover seconder text status", indexes=("clause_id", "workshop_id")
    )
    create_synced_table(
        "attendance", "workshop_id person_id scans checked_in_at desk", indexes=("person_id", "workshop_id")
    )
    create_synced_table("ballot", "vote_id person_id choice", indexes=("person_id", "vote_id"))
    create_table("change", *columns("hlc tbl row_id device author data parents"), key="hlc")
    op.create_index("ix_change_row", "change", ["tbl", "row_id"], unique=False)
    create_synced_table("clause", "resolution_id number:int text adopted_text", indexes=("resolution_id",))
    create_synced_table("clause_version", "clause_id text source created_on:date", indexes=("clause_id",))
    create_table(
        "conflict",
        *columns("id tbl row_id field kind winner_hlc winner_value? loser_hlc loser_value? loser_device"),
        indexes=("row_id",),
    )
    create_table("device", *columns("id name role desk clock office_device_id? created_at"))
    create_table(
        "district",
        sa.Column("code", S(length=4), nullable=False),
        sa.Column("province_code", S(length=2), nullable=False),
        *columns("name_th name_en"),
        key="code",
    )
    create_synced_table("invitation", "workshop_id person_id", indexes=("person_id", "workshop_id"))
    create_synced_table("need_category", "key name_th name_en sort_order:int")
    create_synced_table("need_status_change", "need_id status changed_on:date changed_by note", indexes=("need_id",))
    create_synced_table("resolution", "title year_be:int preamble status adopted_on:date")
    create_table("setting", *columns("key value"), key="key")
    create_synced_table("vote", VOTE, indexes=("clause_id", "workshop_id"))
    create_table(
        "subdistrict",
        sa.Column("code", S(length=6), nullable=False),
        *columns("district_code name_th name_en postcode"),
        references=("district_code",),
        key="code",
        indexes=("district_code",),
    )
    create_synced_table("need", NEED, references=PLACE, indexes=("workshop_id",))
    create_synced_table("person", PERSON, references=PLACE, indexes=("citizen_id", "code"))
    create_synced_table("workshop", WORKSHOP, references=PLACE)


def downgrade() -> None:
    # Dropping a table drops its indexes.
    for name in (
        "workshop person need subdistrict vote setting resolution need_status_change need_category invitation "
        "district device conflict clause_version clause change ballot attendance amendment"
    ).split():
        op.drop_table(name)
