"""the import's undo journal (its before-import backup); indexes for the duplicate-people check an import makes

``import_run`` and ``import_undo`` (local, never synced): what an import changed, written in the same transaction as
each chunk it commits: the rowid ranges it inserted and the rows it updated or deleted as they were before
(:mod:`lampang_planner.core.sync.journal`). When the import ends it is copied to ``backups/`` and removed here.

After an import, :func:`lampang_planner.core.ops.duplicates.find_duplicates` looks for the people who share a key
with those the import touched: the same citizen ID, or the same (folded) name with the same phone or tambon. Phone
and tambon had no index, so each lookup read the whole ``person`` table: an import of 1,000 changes cost 22 times
more into an office of 500,000 people than into one of 10,000 (issue #13). ``phone`` is answered by a plain index.
A tambon holds thousands of people, so its index also carries the initials of the first and last name as SQLite
computes them (:func:`lampang_planner.core.ops.duplicates.initial_sql`: a Thai consonant or leading vowel, or an
ASCII letter in lower case; anything else is '' and always looked at), which the folded name keeps: the lookup reads
the few people of the tambon whose name can match.

Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0004"

# Must stay the same text as lampang_planner.core.ops.duplicates.initial_sql (SQLite matches index expressions by form).
def initial_sql(col: str) -> str:
    return (
        f"CASE WHEN unicode({col}) BETWEEN 3585 AND 3630 OR unicode({col}) BETWEEN 3648 AND 3652 "
        f"THEN substr({col}, 1, 1) "
        f"WHEN lower(substr({col}, 1, 1)) BETWEEN 'a' AND 'z' THEN lower(substr({col}, 1, 1)) ELSE '' END"
    )


def upgrade() -> None:
    op.execute("CREATE TABLE import_run (id VARCHAR PRIMARY KEY, started_at VARCHAR NOT NULL, files VARCHAR NOT NULL)")
    op.execute(
        "CREATE TABLE import_undo (seq INTEGER PRIMARY KEY, import_id VARCHAR NOT NULL, tbl VARCHAR NOT NULL, "
        "rid INTEGER NOT NULL, hi INTEGER, image VARCHAR)"
    )
    op.execute("CREATE INDEX ix_import_undo_import ON import_undo (import_id, seq)")
    op.execute("CREATE INDEX ix_person_phone ON person (phone)")
    op.execute(
        "CREATE INDEX ix_person_tambon_initials ON person "
        f"(subdistrict_code, ({initial_sql('first_name')}), ({initial_sql('last_name')}))"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_person_tambon_initials")
    op.execute("DROP INDEX ix_person_phone")
    op.execute("DROP TABLE import_undo")
    op.execute("DROP TABLE import_run")
