"""The self-filtering table model shows exactly the rows a substring test would, in sort order, after searches,
sorts, edits, deletions and additions (its search index is rebuilt or re-ordered each time)."""

import functools
import random

from PySide6.QtCore import Qt

from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.ui.models.rows import Column, RowsModel, query_words

NAMES = ["สมชาย", "สมศรี", "เอกชัย", "แสงเดือน", "ก้อง", "john", "Mary"]
fold = functools.cache(fold_for_search)  # 49 distinct names


class Names(RowsModel):
    COLUMNS = (Column("name", "Name"), Column("phone", "Phone"), Column("code", "Code"))

    def display(self, row, column):
        return row[column + 1]

    def search_fields(self, rows):
        return [(fold(r[1]), r[2], r[3]) for r in rows]


def make_rows(n, seed=1, start=0):
    rng = random.Random(seed)
    return [(f"id{i}", f"{rng.choice(NAMES)} {rng.choice(NAMES)}", f"08{rng.randrange(10**8):08d}", f"c{i:04d}")
            for i in range(start, start + n)]  # fmt: skip


def expected(model: Names, text: str) -> list[str]:
    words = query_words(text)
    rows = [r for r in model._rows if all(w in "\t".join(model.search_fields([r])[0]) for w in words)]
    col, desc = model.sort_column, model._sort_desc
    key = (lambda r: (thai_sort_key(r[col + 1]), thai_sort_key(r[1]))) if col else (lambda r: thai_sort_key(r[1]))
    return [r[0] for r in sorted(rows, key=key, reverse=desc)]


def shown(model: Names) -> list[str]:
    return [model.row_id(i) for i in range(model.rowCount())]


SEARCHES = ["", "ส", "สม", "สมช", "ก้", "กอง", "0", "08", "081", "c00", "c0042", "john mary", "MARY", "zz"]


def test_searches_sorts_and_edits_show_what_a_substring_test_shows(qapp):
    model = Names()
    model.set_rows(make_rows(1200))
    for column, order in ((0, Qt.SortOrder.AscendingOrder), (1, Qt.SortOrder.DescendingOrder)):
        model.sort(column, order)
        for text in SEARCHES:
            model.set_search(text)
            assert shown(model) == expected(model, text), (column, text)
    model.set_search("สม")
    edited = [(r[0], "ก้อง ใหม่", r[2], r[3]) for r in model._rows[:5]]
    model.patch_rows([r[0] for r in model._rows[:10]] + ["id5000"], edited + make_rows(1, seed=9, start=5000))
    assert model.total == 1200 - 5 + 1
    for text in SEARCHES:
        model.set_search(text)
        assert shown(model) == expected(model, text), text


def test_a_search_over_300000_rows_shows_the_right_count_and_first_rows_without_listing_every_match(qapp):
    model = Names()
    model.set_rows(make_rows(300_000))
    texts = ["\t".join(f) for f in model.search_fields(model._rows)]
    sort_key = {n: thai_sort_key(n) for n in {r[1] for r in model._rows}}
    for text in ("ส", "0", "สม 081", "c29999", "zz"):
        model.set_search(text)
        words = query_words(text)
        hits = [i for i, t in enumerate(texts) if all(w in t for w in words)]
        hits.sort(key=lambda i: sort_key[model._rows[i][1]])  # stable: ties in row order, as the model's sort
        want = [model._rows[i][0] for i in hits]
        assert model.rowCount() == len(want), text
        assert [model.row_id(r) for r in range(min(20, len(want)))] == want[:20], text
        assert len(model._view._found) < 1000  # a screenful asked for: the matches were not all listed
        if want:
            middle = len(want) // 2
            assert model.row_of(want[middle]) == middle
            assert model.row_id(len(want) - 1) == want[-1]  # scrolled to the end: found in one pass
            assert model.data(model.index(len(want) - 1, 0)) == model._rows[hits[-1]][1]
    assert model.row_of("id-nobody") == -1
