"""Need categories: the editable list (synced table ``need_category``) with the defaults of
:data:`~lampang_planner.core.vocabulary.DEFAULT_NEED_CATEGORIES`.

A category is referred to by its ``key`` (a short ASCII slug stored in ``need.category``); the key never changes, the
Thai and English names and the order may. The default categories have deterministic ids (uuid5 of the key), so two
laptops that each seed the defaults converge on the same rows instead of doubling the list after a merge.

A folder whose ``need_category`` table has never held a row uses the defaults; the first need recorded there writes
them (in the same transaction), so that bundles carry the list.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from lampang_planner.core.db import Store, Tx
from lampang_planner.core.errors import UserError, ValidationError
from lampang_planner.core.rows_json import JsonRow
from lampang_planner.core.schema import NATURAL_ID_NAMESPACE
from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.core.vocabulary import DEFAULT_NEED_CATEGORIES

_KEY_RE = re.compile(r"[a-z][a-z0-9_]{1,31}")


@dataclass(frozen=True, slots=True)
class CategoryRow(JsonRow):
    id: str
    key: str
    name_th: str
    name_en: str
    sort_order: int

    def label(self, lang: str = "th") -> str:
        return (self.name_en or self.name_th) if lang == "en" else (self.name_th or self.name_en)


def category_id(key: str) -> str:
    """The deterministic id of the category with this key (as ``natural_id`` would give for a key-keyed fact)."""
    return str(uuid.uuid5(NATURAL_ID_NAMESPACE, f"need_category:{key}"))


def _defaults() -> list[CategoryRow]:
    return [CategoryRow(category_id(k), k, th, en, i) for i, (k, th, en) in enumerate(DEFAULT_NEED_CATEGORIES)]


def _table_is_unused(db) -> bool:
    return db.execute("SELECT COUNT(*) FROM need_category").fetchone()[0] == 0


def _live_rows(db) -> list[CategoryRow]:
    rows = db.execute("SELECT id, key, name_th, name_en, sort_order FROM need_category WHERE deleted=0").fetchall()
    out = [CategoryRow(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] if r[4] is not None else 9999) for r in rows]
    out.sort(key=lambda c: (c.sort_order, thai_sort_key(c.name_th), c.key, c.id))
    seen: set[str] = set()
    unique = []
    for c in out:  # two rows with one key (added on two laptops before a merge) show once
        if c.key and c.key not in seen:
            seen.add(c.key)
            unique.append(c)
    return unique


def list_categories(store: Store) -> list[CategoryRow]:
    """The live categories in display order (the defaults when the list was never written in this folder)."""
    if _table_is_unused(store.db):
        return _defaults()
    return _live_rows(store.db)


def live_category_keys(db) -> set[str]:
    """Keys a need may use now. ``db`` is a sqlite3 connection (``store.db`` or ``tx.db``)."""
    if _table_is_unused(db):
        return {k for k, _th, _en in DEFAULT_NEED_CATEGORIES}
    return {r[0] for r in db.execute("SELECT key FROM need_category WHERE deleted=0 AND key IS NOT NULL")}


def category_labels(store: Store) -> dict[str, tuple[str, str]]:
    """key → (Thai, English) for every category ever known here, deleted ones and the defaults included, so that
    reports can still name the category of an old need."""
    return category_labels_in(store.db)


def category_labels_in(db) -> dict[str, tuple[str, str]]:
    """As :func:`category_labels`, from a sqlite3 connection (``tx.db`` inside a transaction)."""
    labels = {k: (th, en) for k, th, en in DEFAULT_NEED_CATEGORIES}
    rows = db.execute("SELECT key, name_th, name_en, deleted FROM need_category ORDER BY deleted DESC")
    for key, th, en, _deleted in rows:  # live rows come last and win
        if key:
            labels[key] = (th or key, en or th or key)
    return labels


def seed_defaults_in(tx: Tx) -> int:
    """Inside an open transaction: write the default categories if this folder never held any. Returns how many."""
    tx.flush()
    if not _table_is_unused(tx.db):
        return 0
    for c in _defaults():
        tx.insert("need_category", {"key": c.key, "name_th": c.name_th, "name_en": c.name_en,
                                    "sort_order": c.sort_order}, c.id)
    tx.flush()  # the caller reads the list next
    return len(DEFAULT_NEED_CATEGORIES)


def _find(db, key_or_id: str) -> CategoryRow | None:
    r = db.execute(
        "SELECT id, key, name_th, name_en, sort_order FROM need_category WHERE deleted=0 AND (key=? OR id=?)",
        (key_or_id, key_or_id),
    ).fetchone()
    return CategoryRow(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] if r[4] is not None else 9999) if r else None


def _clean_name(v: object) -> str | None:
    if v is None:
        return None
    return re.sub(r"\s+", " ", str(v)).strip() or None


def add_category(store: Store, key: str, name_th: str, name_en: str | None = None,
                 sort_order: int | None = None) -> str:
    """Add a category (or bring back a deleted one with the same key). Returns its id."""
    problems: dict[str, tuple[str, str]] = {}
    key = (key or "").strip().lower()
    th = _clean_name(name_th)
    if not _KEY_RE.fullmatch(key):
        problems["key"] = ("รหัสหมวดต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ _ (2–32 ตัว)",
                           "The category key must be 2–32 lower-case letters, digits or _, starting with a letter")
    if not th:
        problems["name_th"] = ("ต้องระบุชื่อหมวดภาษาไทย", "The Thai name is required")
    if problems:
        raise ValidationError(problems)
    with store.transaction() as tx:
        seed_defaults_in(tx)
        if _find(tx.db, key) is not None:
            raise ValidationError({"key": (f"มีหมวด {key} อยู่แล้ว", f"A category with key {key!r} already exists")})
        if sort_order is None:
            sort_order = (tx.db.execute("SELECT MAX(sort_order) FROM need_category WHERE deleted=0").fetchone()[0]
                          or 0) + 1
        fields = {"key": key, "name_th": th, "name_en": _clean_name(name_en), "sort_order": int(sort_order)}
        old = tx.db.execute("SELECT id FROM need_category WHERE key=? AND deleted=1 ORDER BY id LIMIT 1",
                            (key,)).fetchone()
        row_id = old[0] if old else category_id(key)
        tx.record("need_category", row_id, fields)
        return row_id


def update_category(store: Store, key: str, *, name_th: str | None = None, name_en: str | None = None,
                    sort_order: int | None = None) -> bool:
    """Rename or move a category (its key stays). Returns False when nothing changed."""
    fields: dict = {}
    if name_th is not None:
        fields["name_th"] = _clean_name(name_th)
        if not fields["name_th"]:
            raise ValidationError({"name_th": ("ต้องระบุชื่อหมวดภาษาไทย", "The Thai name is required")})
    if name_en is not None:
        fields["name_en"] = _clean_name(name_en)
    if sort_order is not None:
        fields["sort_order"] = int(sort_order)
    with store.transaction() as tx:
        seed_defaults_in(tx)
        row = _find(tx.db, key)
        if row is None:
            raise UserError(f"ไม่พบหมวด {key}", f"No category {key!r}", code="unknown-category")
        return tx.update("need_category", row.id, fields) if fields else False


def delete_category(store: Store, key: str) -> bool:
    """Remove a category from the list. Refused while live needs still use it (move them first)."""
    with store.transaction() as tx:
        seed_defaults_in(tx)
        row = _find(tx.db, key)
        if row is None:
            raise UserError(f"ไม่พบหมวด {key}", f"No category {key!r}", code="unknown-category")
        used = tx.db.execute("SELECT COUNT(*) FROM need WHERE deleted=0 AND category=?", (row.key,)).fetchone()[0]
        if used:
            raise UserError(
                f"ลบหมวด {row.name_th} ไม่ได้ มีความต้องการ {used} รายการใช้หมวดนี้อยู่",
                f"Category {row.key!r} is used by {used} need(s); move them to another category first",
                code="category-in-use",
            )
        return tx.delete("need_category", row.id)


def reorder_categories(store: Store, keys: list[str]) -> int:
    """Put the named categories first, in this order (the rest keep their order after them). Returns rows changed."""
    with store.transaction() as tx:
        seed_defaults_in(tx)
        tx.flush()
        current = _live_rows(tx.db)
        by_key = {c.key: c for c in current}
        unknown = [k for k in keys if k not in by_key]
        if unknown or len(set(keys)) != len(keys):
            raise UserError("รายการหมวดไม่ถูกต้อง", f"Unknown or repeated category keys: {unknown or keys}")
        order = list(keys) + [c.key for c in current if c.key not in set(keys)]
        return sum(tx.update("need_category", by_key[k].id, {"sort_order": i}) for i, k in enumerate(order))
