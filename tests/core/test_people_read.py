"""The People page's reads at start: the first screenful in name order without reading everyone, then everyone in
chunks, giving exactly the rows and the order of the whole list sorted by name (Thai dictionary order: a leading
vowel sorts by its consonant, tone marks only break ties; equal names keep their rowid order)."""

from __future__ import annotations

import random

from lampang_planner.core.ops.people import add_person, delete_person
from lampang_planner.core.read.people import first_people, name_order_key, people_in_chunks, people_rows

FIRST = ["สมชาย", "สมศรี", "เอกชัย", "แสงเดือน", "ก้อง", "กอง", "ไก่", "john", "Mary", "ข้าว"]
LAST = ["ใจดี", "แสนคำ", "ปินตา", "กล้าหาญ", "smith", ""]
PREFIX = ["นาย", "นาง", "นางสาว", ""]


def fill(store, n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    ids = []
    for _ in range(n):
        fields = {"first_name": rng.choice(FIRST), "last_name": rng.choice(LAST) or None,
                  "prefix": rng.choice(PREFIX) or None}  # fmt: skip
        ids.append(add_person(store, fields))
    return ids


def by_name(rows: list) -> list:
    return sorted(rows, key=name_order_key)  # stable: equal names in the order read


def test_the_first_people_are_the_head_of_everyone_sorted_by_name(empty_store):
    ids = fill(empty_store, 300)
    for gone in ids[::17]:
        delete_person(empty_store, gone)
    everyone = by_name(people_in_chunks_all(empty_store.db, 7))
    assert sorted(r[0] for r in everyone) == sorted(r[0] for r in people_rows(empty_store.db))
    for at_least in (1, 5, 40, 299, 1000):
        rows, total = first_people(empty_store.db, at_least)
        assert total == len(everyone)
        assert len(rows) >= min(at_least, total)
        assert rows == everyone[: len(rows)], at_least
        if len(rows) < total:  # every holder of the last first name taken is in
            assert everyone[len(rows)][3] != rows[-1][3]


def test_chunks_read_everyone_alive_once_in_rowid_order(empty_store):
    ids = fill(empty_store, 50)
    delete_person(empty_store, ids[10])
    alive = [i for i in ids if i != ids[10]]  # added in this order: rowid order
    for size in (1, 7, 50, 10_000):
        assert [r[0] for r in people_in_chunks_all(empty_store.db, size)] == alive, size


def test_names_sort_by_consonant_then_tone_then_last_name_and_prefix(empty_store):
    for first, last, prefix in [("ข้าว", "", "นาย"), ("ไก่", "ใจดี", ""), ("กอง", "แสนคำ", ""), ("ก้อง", "", ""),
                                ("กอง", "กล้าหาญ", "นาง"), ("กอง", "กล้าหาญ", ""), ("john", "", "")]:  # fmt: skip
        add_person(empty_store, {"first_name": first, "last_name": last or None, "prefix": prefix or None})
    rows, total = first_people(empty_store.db, 7)
    assert total == 7
    assert [(r[3], r[4], r[2]) for r in rows] == [
        ("john", "", ""), ("กอง", "กล้าหาญ", ""), ("กอง", "กล้าหาญ", "นาง"), ("กอง", "แสนคำ", ""), ("ก้อง", "", ""),
        ("ไก่", "ใจดี", ""), ("ข้าว", "", "นาย"),
    ]  # fmt: skip


def people_in_chunks_all(db, size: int) -> list:
    return [r for chunk in people_in_chunks(db, size) for r in chunk]


def test_an_empty_folder_has_no_first_people(empty_store):
    assert first_people(empty_store.db, 200) == ([], 0)
    assert people_in_chunks_all(empty_store.db, 10) == []


def test_the_first_names_are_those_a_full_sort_puts_first_whatever_the_names_start_with():
    from lampang_planner.core.read.people import first_names
    from lampang_planner.core.thai.collation import thai_sort_key

    # consonants, leading vowels (doubled too), tone marks and ํ, zero-width characters, Thai digits, Latin of both
    # cases, digits and punctuation, a letter whose lower case is longer, nothing at all
    alphabet = ["ก", "ข", "ฮ", "อ", "เ", "แ", "ไ", "่", "้", "ํ", "า", "ำ", "\u200b", "\u00ad", "๑", "a", "B", "z", "1",
                "-", " ", "İ", "é"]  # fmt: skip
    rng = random.Random(11)
    for trial in range(300):
        letters = alphabet if trial % 2 else alphabet[:12]  # half the trials Thai only: the consonant buckets count
        names = list({"".join(rng.choice(letters) for _ in range(rng.randrange(0, 4))) for _ in range(60)})
        counts = [(name, rng.randrange(1, 5)) for name in names]
        total = sum(n for _, n in counts)
        for at_least in sorted({1, 3, total // 8, total // 4, total // 2, total, total + 1}):
            want, taken = [], 0
            for name, n in sorted(counts, key=lambda c: thai_sort_key(c[0])):
                if taken >= at_least:
                    break
                want.append(name)
                taken += n
            assert first_names(counts, at_least) == want, (counts, at_least)
