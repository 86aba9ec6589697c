"""The search index answers exactly what a substring test of every row would, whichever of its paths a field takes
(few distinct values: a bitmap per value; many: a trie of their substrings, crowded grams as bitmaps and rare ones as
short lists of rows a word is tested on, or their joined text before it is built; few or many matches), in any row
order, and whatever was asked before (backspaces and recent words are answered from what was kept); and a key tests
no more rows at thirty times the people."""

import operator
import random
from itertools import repeat

import pytest

from lampang_planner.core import search_grams
from lampang_planner.core.search_bits import flags_bitmap
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
    assert not index.refined and whole.refined  # the phones' and codes' grams: not built in the steps
    for words in queries(rows, random.Random(8)):
        assert index.mask(words) == whole.mask(words), words
    refine = index.refine()
    for k, _ in enumerate(refine):  # answers the same between the steps that build its grams
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
    # the kept answers and the leaves (a word tested on the rows of a rare prefix of it) must never change what is
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


def keys_tested(index: SearchIndex, texts: list[str]) -> list[int]:
    """Per key of ``texts`` typed one by one (a new index each: nothing kept from the other), the values and rows the
    lookup tested one by one."""
    out = []
    for text in texts:
        for k in range(1, len(text) + 1):
            before = index.checked
            index.find(tuple(text[:k].split()))
            out.append(index.checked - before)
    return out


def test_a_key_tests_as_many_rows_at_thirty_times_the_people():
    # a key's work beyond lookups and bitmap operations is counted (values and rows tested one by one): it must not
    # grow with the number of rows, as testing the rows of the word typed before (at 90,000 people, the 9,000
    # phones starting 081 for 0812) did: the same searches typed into 3,000 and 90,000 people
    small, large = people(3000, orgs=300), people(90_000, orgs=300)
    phones = [r[3] for r in small[:40] if r[3]]
    texts = [p[:7] for p in phones[:10]] + [p[3:9] for p in phones[10:20]] + ["c0123", "c04567x", "สมชาย ใจ", "ลำปาง 08"]
    tested = [keys_tested(SearchIndex(rows), texts) for rows in (small, large)]
    coded = 300 + len(FIRST) + len(LAST) + len(PLACES)  # the coded fields' distinct values, tested per key at most
    assert max(tested[1]) <= 2 * search_grams.LEAF + coded  # a leaf per field with many values, at most
    assert sum(tested[1]) <= 1.5 * sum(tested[0])  # about as many at 90,000 rows as at 3,000
    index, hay = SearchIndex(large), ["\t".join(r) for r in large]
    for text in texts:  # and the same answers as a substring test of every row
        want = -1
        for w in text.split():
            want &= int.from_bytes(bytes(map(operator.contains, hay, repeat(w))), "little")
        assert index.mask(tuple(text.split())) == want.to_bytes(len(large), "little"), text


@pytest.mark.parametrize("n", [0, 1, 65_536, 65_537, 200_003])
def test_rows_flagged_byte_by_byte_come_back_as_the_same_rows(n):
    # an index not built yet answers phones and codes from one byte per row, written block by block (65,536 rows)
    # into a compressed bitmap: a block of 4,096 rows or fewer as a list, more as a bitset, an empty one left out
    rng = random.Random(n)
    for density in (0.0, 0.002, 0.5, 1.0):
        flags = bytearray(rng.random() < density for _ in range(n))
        if n > 70_000:  # the first block holding exactly 4,096 rows, the second 4,097
            flags[:65_536] = bytes(65_536)
            flags[65_536 : 2 * 65_536] = bytes(2 * 65_536 - 65_536)
            flags[0 : 4096 * 16 : 16] = b"\x01" * 4096
            flags[65_536 : 65_536 + 4097 * 15 : 15] = b"\x01" * 4097
        assert list(flags_bitmap(bytes(flags))) == [i for i, f in enumerate(flags) if f], density
