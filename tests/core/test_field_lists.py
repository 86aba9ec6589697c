"""The field lists the core accepts and reads are derived from ``core.schema`` (the one definition of the synced
columns), so a column added to a table is a field of its add/update functions at once, and a list cannot drift
from its table: the named lists are the schema's, the subsets name only the table's columns, and no module keeps a
hand-written copy of a table's columns."""

from __future__ import annotations

import ast
from pathlib import Path

import lampang_planner
from lampang_planner.core.ops.needs import NEED_FIELDS
from lampang_planner.core.ops.people import LIST_COLUMNS, PERSON_FIELDS
from lampang_planner.core.ops.sessions import SESSION_FIELDS
from lampang_planner.core.ops.workshops import WORKSHOP_FIELDS
from lampang_planner.core.plan.proposals import LONG_FIELDS, PROPOSAL_FIELDS, TEXT_FIELDS
from lampang_planner.core.privacy.fields import ATTENDANCE_FIELDS, CONSENT_ONLY_FIELDS, FORGOTTEN_FIELDS
from lampang_planner.core.read.lookups import COMPLETED_NEED_FIELDS
from lampang_planner.core.roster import row_cleaning
from lampang_planner.core.schema import SCHEMA
from lampang_planner.core.sync.seal import PERSONAL_FIELDS

SRC = Path(lampang_planner.__file__).parent


def test_the_accepted_fields_are_the_tables_editable_columns():
    assert PERSON_FIELDS == SCHEMA["person"].editable
    assert WORKSHOP_FIELDS == SCHEMA["workshop"].editable
    assert NEED_FIELDS == SCHEMA["need"].editable
    assert SESSION_FIELDS == SCHEMA["session"].editable
    assert sorted(PROPOSAL_FIELDS) == sorted(SCHEMA["proposal"].editable)
    # What is left out is exactly what has its own function (code, merge link, status, photo) or is derived.
    assert set(SCHEMA["person"].content) - set(PERSON_FIELDS) == {"code", "merged_into"}
    assert set(SCHEMA["need"].content) - set(NEED_FIELDS) == {"status", "status_date", "photo"}
    assert set(SCHEMA["attendance"].editable) & {"checked_in_at", "desk"} == set()


def test_every_person_column_is_either_kept_without_consent_or_only_with_it():
    person = SCHEMA["person"].content
    assert set(ATTENDANCE_FIELDS) | set(CONSENT_ONLY_FIELDS) == set(person)
    assert not set(ATTENDANCE_FIELDS) & set(CONSENT_ONLY_FIELDS)


def test_the_named_subsets_name_only_their_tables_columns():
    subsets = {
        "person": [CONSENT_ONLY_FIELDS, FORGOTTEN_FIELDS, LIST_COLUMNS, row_cleaning._TEXT_FIELDS],
        "need": [COMPLETED_NEED_FIELDS],
        "proposal": [TEXT_FIELDS, LONG_FIELDS],
    }
    for table, personal in PERSONAL_FIELDS.items():
        subsets.setdefault(table, []).append(personal)
    for table, lists in subsets.items():
        for fields in lists:
            assert set(fields) <= set(SCHEMA[table].columns), (table, sorted(set(fields) - set(SCHEMA[table].columns)))


def _hand_kept_copies() -> list[str]:
    """String tuples/lists/sets naming all but at most three columns of a table (at least four of them): a copy of
    the table's columns kept by hand. ``core.schema`` and ``core.model`` define the tables (a test holds them equal);
    migrations are history."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if "migrations/" in rel or rel in ("core/schema.py", "core/model.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                continue
            names = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            for table in SCHEMA.values():
                shared = names & set(table.content)
                if len(shared) >= 4 and len(shared) >= len(table.content) - 3:
                    found.append(f"{rel}:{node.lineno} copies {table.name}'s columns")
    return found


def test_no_module_keeps_a_hand_written_copy_of_a_tables_columns():
    assert _hand_kept_copies() == []


def test_the_copy_finder_finds_a_copy(tmp_path, monkeypatch):
    """The scan above is not vacuous: the hand-kept list this change replaced would be found."""
    old = '("prefix", "first_name", "last_name", "organisation", "position", "participant_type", "district_code",\n'
    old += ' "subdistrict_code", "phone", "citizen_id", "address", "consent", "consent_date", "note")'
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "people.py").write_text(f"PERSON_FIELDS = {old}\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.SRC", tmp_path)
    assert _hand_kept_copies() == ["core/people.py:1 copies person's columns"]
