"""The People search finds, key after key, exactly the people the plain filter finds: every word of the folded query
inside one of the person's folded search fields (name with and without the prefix, surname, organisation, phone,
code, tambon and district and participant type in Thai and English). Demo people, copied with other phones and codes
until the phones and codes take the index's path for fields with many values; queries cut from what the table shows
(Thai with tone marks, digits of phones, codes as printed, English place names), typed key by key with backspaces."""

import random

from PySide6.QtCore import Qt

from lampang_planner.core.thai.collation import thai_sort_key
from lampang_planner.ui.models.people import CODE, FIRST, LAST, PHONE, PREFIX, PeopleModel, load_people
from lampang_planner.ui.models.rows import query_words


def many_people(db, copies: int = 8) -> list[tuple]:
    rng = random.Random(5)
    base = load_people(db)
    out = []
    for k in range(copies):
        for r in base:
            phone = f"0{rng.choice('689')}{rng.randrange(10**8):08d}" if rng.random() < 0.95 else ""
            code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9))
            out.append((f"{r[0]}-{k}", code, *r[PREFIX:PHONE], phone, r[PHONE + 1]))
    return out


class Plain:
    """The plain filter: a substring test of every person, in name order (as the table's default sort)."""

    def __init__(self, model: PeopleModel) -> None:
        rows = model._rows
        by_name = sorted(rows, key=lambda r: (thai_sort_key(r[FIRST]), thai_sort_key(r[LAST]), thai_sort_key(r[PREFIX])))
        self.people = [(r[0], "\t".join(f)) for r, f in zip(by_name, model.search_fields(by_name), strict=True)]

    def __call__(self, text: str) -> list[str]:
        words = query_words(text)
        return [pid for pid, hay in self.people if all(w in hay for w in words)]


def typed(text: str, rng: random.Random) -> list[str]:
    out = []
    for k in range(1, len(text) + 1):
        out.append(text[:k])
        if k > 1 and rng.random() < 0.2:
            out.append(text[: k - 1])
    return out


def test_every_key_finds_the_people_the_plain_filter_finds(qapp, demo_store):
    model = PeopleModel()
    model.set_rows(many_people(demo_store.db))
    plain = Plain(model)
    rng = random.Random(11)
    rows = model._rows
    texts = ["0", "08", "089", "สม", "นาง", "ลำปาง", "lampang", "mueang", "เกษตรกร", "ผู้ใหญ่บ้าน", "zz", "ก ข"]
    for _ in range(45):
        r = rng.choice(rows)
        column = rng.randrange(7)
        shown = model.display(r, column) or r[CODE]
        a = rng.randrange(len(shown))
        texts.append(shown[a : a + rng.randrange(1, 10)])
    texts += [f"{rng.choice(rows)[FIRST]} {rng.choice(rows)[PHONE][:4]}" for _ in range(5)]
    for refined in (False, True):  # before the posting lists are built (a pass over the values), and after
        if refined:
            model.finish_indexing()
            assert model._index.refined
        else:
            assert not model._index.refined  # phones and codes: many values
        for text in texts:
            for shown in typed(text, rng):
                model.set_search(shown)
                want = plain(shown)
                assert model.rowCount() == len(want), shown
                assert [model.row_id(i) for i in range(min(30, len(want)))] == want[:30], shown
                if want:
                    pick = rng.choice(want)
                    assert model.row_id(model.row_of(pick)) == pick, shown
        model.set_search("")


def test_a_sort_by_another_column_searches_the_same_people(qapp, demo_store):
    model = PeopleModel()
    model.set_rows(many_people(demo_store.db, copies=4))
    model.finish_indexing()
    plain = Plain(model)
    model.sort(5, Qt.SortOrder.DescendingOrder)  # by phone, last first
    for text in ("08", "0812", "สม", "ลำปาง 0"):
        model.set_search(text)
        want = set(plain(text))
        got = [model.row_id(i) for i in range(model.rowCount())]
        assert set(got) == want and len(got) == len(want), text
        phones = [model.record(i)[PHONE] for i in range(len(got))]
        assert phones == sorted(phones, key=lambda v: (v == "", v), reverse=True), text
