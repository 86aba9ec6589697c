"""What the migrations say again and again, said once: a table's columns from a short spec, the five columns every
synced table starts with, and a table created with its single-column indexes (``ix_<table>_<column>``).

A migration is history: the DDL these helpers emit must never change, whatever the app's model becomes
(``tests/core/test_migration_schema.py`` pins the schema after every step).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

S = sqlmodel.sql.sqltypes.AutoString
_TYPES = {"str": S, "int": sa.Integer, "date": sa.Date, "bool": sa.Boolean, "float": sa.Float}
SYNCED_META = "id origin_device hlc deleted:bool clocks"


def columns(spec: str, *, nullable: bool = False) -> list[sa.Column]:
    """A column a word of ``spec``: ``name`` is a string, ``name:int`` (``date``, ``bool``, ``float``) another type; a
    word ending in ``?`` is nullable, as is every word when ``nullable``."""
    out = []
    for word in spec.split():
        optional = nullable or word.endswith("?")
        name, _, kind = word.rstrip("?").partition(":")
        out.append(sa.Column(name, _TYPES[kind or "str"](), nullable=optional))
    return out


def create_table(
    name: str,
    *cols: sa.Column,
    references: tuple[str, ...] = (),
    key: str = "id",
    indexes: tuple[str, ...] = (),
) -> None:
    """``references``: columns naming a ``district`` or ``subdistrict`` code (``district_code`` -> ``district.code``)."""
    fks = [sa.ForeignKeyConstraint([c], [f"{c.removesuffix('_code')}.code"]) for c in references]
    op.create_table(name, *cols, *fks, sa.PrimaryKeyConstraint(key))
    for column in indexes:
        op.create_index(f"ix_{name}_{column}", name, [column], unique=False)


def create_synced_table(name: str, spec: str, **kwargs) -> None:
    """A table the devices sync: the meta columns (not null), then ``spec``'s columns (all nullable)."""
    create_table(name, *columns(SYNCED_META), *columns(spec, nullable=True), **kwargs)
