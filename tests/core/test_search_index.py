"""The search index answers exactly what a substring test of every row would, whichever of its paths a field takes
(few distinct values: a bitmap per value; many: posting lists of characters and pairs, a longer word looked for in
its candidates; few or many matches), in any row order, and whatever was asked before (typing narrows, backspaces and
recent words are answered from what was kept)."""

import random

import pytest

from lampang_planner.core.search_index import SearchIndex
from lampang_planner.core.thai.collation import fold_for_search

FIRST = ["สมชาย", "สมศรี", "เอกชัย", "แสงเดือน", "วีระ", "นายบุญมี", "john", "mary-ann"]
LAST = ["ใจดี", "แสนคำ", "ปินตา", "บุญยืน", "smith", "กล้าหาญ"]
PLACES = ["นิคมพัฒนา nikhom phatthana เมืองลำปาง mueang lampang", "ห้างฉัตร hang chat", ""]


def people(n: int, seed: int = 1, orgs: int = 40) -> list[tuple[str, ...]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        phone = f"08{rng.randrange(10**8):08d}" if rng.random() < 0.9 else ""
        out.append((
            fold_for_search(rng.choice(FIRST)), fold_for_search(rng.choice(LAST)),
            fold_for_search(f"อบต.{rng.randrange(orgs)} ลำปาง"), phone, f"c{i:05d}x", rng.choice(PLACES),
        ))  # fmt: skip
    return out


def naive(rows, words) -> bytes:
    hay = ["\t".join(r) for r in rows]
    return bytes(all(w in h for w in words) for h in hay)


def queries(rows, rng) -> list[tuple[str, ...]]:
    qs = [("",), ("ส",), ("สม",), ("สมชาย", "ใจ"), ("0",), ("08",), ("0812",), ("c0",), ("c00042x",), ("ลำปาง", "08"),
          ("lampang",), ("zzz",), ("อบต.3",), ("า", "ม", "0")]  # fmt: skip
    for _ in range(60):
        field = rng.choice(rng.choice(rows))
        if field:
            a = rng.randrange(len(field))
            word = field[a : a + rng.randrange(1, 6)].split()
            if word:
                qs.append((word[0],))
    return [tuple(w for w in q if w) for q in qs]


@pytest.mark.parametrize("n, orgs", [(300, 40), (3000, 600), (3000, 20), (6000, 20000)])
# few values (a bitmap each), many values (phones and codes as ASCII, organisations as Thai text)
def test_masks_equal_a_substring_test_of_every_row(n, orgs):
    rows = people(n, orgs=orgs)
    index = SearchIndex(rows)
    for words in queries(rows, random.Random(n)):
        assert index.mask(words) == naive(rows, words), words


def test_rows_in_another_order_give_the_same_answers_in_that_order():
    rows = people(2000, orgs=500)
    order = list(range(len(rows)))
    random.Random(5).shuffle(order)
    moved = SearchIndex(rows).permuted(order)
    in_order = [rows[i] for i in order]
    assert [moved.fields(k) for k in range(len(order))] == in_order
    for words in queries(rows, random.Random(6)):
        assert moved.mask(words) == naive(in_order, words), words


def test_fields_come_back_as_given_and_an_empty_index_answers():
    rows = people(400, orgs=300)
    index = SearchIndex(rows)
    assert [index.fields(i) for i in range(len(rows))] == rows
    empty = SearchIndex([])
    assert empty.mask(("ก",)) == b"" and empty.mask(()) == b""


def test_thai_search_ignores_tone_marks_as_the_folded_fields_do():
    rows = [
        (fold_for_search("แก้ว"), fold_for_search("ใจดี")),
        (fold_for_search("แกว"), "x"),
        ("ก", fold_for_search("น้ำ")),
    ]
    index = SearchIndex(rows)
    assert index.mask((fold_for_search("แก้"),)) == b"\x01\x01\x00"
    assert index.mask((fold_for_search("น\u0e4d\u0e49\u0e32"),)) == b"\x00\x00\x01"  # ำ typed as ํ + า


def test_all_fields_come_back_in_the_index_order():
    rows = people(1500, orgs=700)  # few values and many
    order = list(range(len(rows)))[::-1]
    assert SearchIndex(rows, order).all_fields() == [rows[i] for i in order]
    assert SearchIndex(rows).permuted(order).all_fields() == [rows[i] for i in order]


def test_an_index_built_in_steps_answers_as_one_built_at_once():
    rows = people(3000, orgs=600)  # few values and many
    order = list(range(len(rows)))
    random.Random(7).shuffle(order)
    index, steps = SearchIndex.in_steps(rows, order)
    assert sum(1 for _ in steps) == 1 + len(rows[0])  # the columns taken apart, then a field per step
    whole = SearchIndex(rows, order)
    assert index.all_fields() == whole.all_fields()
    assert not index.refined and whole.refined  # the phones' and codes' posting lists: not built in the steps
    for words in queries(rows, random.Random(8)):
        assert index.mask(words) == whole.mask(words), words
    refine = index.refine()
    for k, _ in enumerate(refine):  # answers the same between the steps that build its posting lists
        if k % 7 == 0:
            for words in queries(rows, random.Random(k))[:12]:
                assert index.mask(words) == whole.mask(words), (k, words)
    assert index.refined


def typed(text: str) -> list[str]:
    """What the search field holds key after key: typed, a backspace or two now and then, typed on."""
    out, rng = [], random.Random(text)
    for k in range(1, len(text) + 1):
        out.append(text[:k])
        if k > 1 and rng.random() < 0.25:
            out.append(text[: k - 1])
    return out


@pytest.mark.parametrize("n, orgs", [(2000, 40), (5000, 3000)])
def test_typing_a_word_key_by_key_and_backspacing_answers_as_a_substring_test(n, orgs):
    # the narrowing (a word's rows among those of the word before it) and the kept answers must never change what is
    # found: every key of many searches, in one index, against a substring test of every row
    rows = people(n, orgs=orgs)
    order = list(range(n))
    random.Random(3).shuffle(order)
    index = SearchIndex(rows, order)
    in_order = [rows[i] for i in order]
    rng = random.Random(4)
    texts = ["0812", "c0004", "สมชาย ใจ", "ลำปาง 08", "lampang", "อบต.12 ลำ", "แสนคำ", "c01234x", "08 08", "zzz"]
    for _ in range(40):
        r = rng.choice(rows)
        pick = rng.randrange(len(r))
        if r[pick]:
            a = rng.randrange(len(r[pick]))
            texts.append(r[pick][a : a + rng.randrange(2, 9)])
    for text in texts:
        for shown in typed(text):
            words = tuple(shown.split())
            got = index.find(words)
            want = naive(in_order, words)
            assert got.count == want.count(1), shown
            assert index.mask(words) == want, shown
