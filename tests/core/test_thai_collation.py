
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key, thai_sorted


def test_leading_vowels_sort_by_the_following_consonant():
    # Plain code-point order puts every เ/แ/ไ word after all consonant-initial words; the dictionary does not.
    words = ["ไก่", "ขา", "เก", "กา", "แข", "ข้าว", "โค"]
    assert sorted(words) != thai_sorted(words)
    assert thai_sorted(words) == ["กา", "เก", "ไก่", "ขา", "ข้าว", "แข", "โค"]


def test_dictionary_order_of_consonant_and_vowels():
    # consonant-consonant before explicit vowels; vowels in ะ า ิ ี ุ ู เ แ โ ใ ไ order
    words = ["ไก", "ใก", "โก", "แก", "เก", "กู", "กุ", "กี", "กิ", "กา", "กะ", "กก"]
    assert thai_sorted(words) == ["กก", "กะ", "กา", "กิ", "กี", "กุ", "กู", "เก", "แก", "โก", "ใก", "ไก"]


def test_tone_marks_are_secondary():
    # Tone marks never decide before the letters do ...
    assert thai_sorted(["ก้าง", "กาก"]) == ["กาก", "ก้าง"]
    # ... but break ties: unmarked, then ่ ้ ๊ ๋
    assert thai_sorted(["ก๋า", "ก้า", "ก่า", "กา", "ก๊า"]) == ["กา", "ก่า", "ก้า", "ก๊า", "ก๋า"]


def test_names_sort_by_first_name_then_surname():
    names = ["สมศรี ดีใจ", "เสกสรร ปั้นดี", "สมชาย ใจดี", "สมชาย กล้าหาญ", "แสงเดือน ทองคำ"]
    assert thai_sorted(names) == ["สมชาย กล้าหาญ", "สมชาย ใจดี", "สมศรี ดีใจ", "เสกสรร ปั้นดี", "แสงเดือน ทองคำ"]


def test_latin_is_case_insensitive_and_thai_digits_equal_arabic():
    assert thai_sorted(["banana", "Apple", "cherry"]) == ["Apple", "banana", "cherry"]
    assert thai_sort_key("หมู่ ๑๒")[0] == thai_sort_key("หมู่ 12")[0]
    assert thai_sorted(["หมู่ ๓", "หมู่ 12", "หมู่ 2"]) == ["หมู่ 12", "หมู่ 2", "หมู่ ๓"]


def test_decomposed_sara_am_sorts_like_sara_am():
    assert thai_sort_key("น\u0e4d\u0e49\u0e32")[:2] == thai_sort_key("น้ำ")[:2]


def test_thai_sorted_with_key_and_reverse():
    people = [{"name": "ไก่"}, {"name": "ขวัญ"}, {"name": "กร"}]
    assert [p["name"] for p in thai_sorted(people, key=lambda p: p["name"])] == ["กร", "ไก่", "ขวัญ"]
    assert thai_sorted(["ก", "ข", "เค"], reverse=True) == ["เค", "ข", "ก"]


def test_fold_for_search_ignores_tone_marks_case_and_spacing():
    assert fold_for_search("สมช้าย") == fold_for_search("สมชาย")
    assert fold_for_search("  สมชาย \t ใจดี ") == "สมชาย ใจดี"
    assert fold_for_search("ABC Def") == "abc def"
    assert fold_for_search("หมู่ ๑๒") == "หมู 12"
    assert fold_for_search("จันทร์") == fold_for_search("จันทร")
    assert fold_for_search("เก็บ") == "เกบ"
    assert fold_for_search("สม\u200bชาย") == "สมชาย"


def test_fold_for_search_matches_every_spelling_of_nam():
    # น้ำ as typed, as NFKC/extracted from PDFs (ํ + า), and with the tone typed after the nikhahit
    spellings = ["น้ำ", "น\u0e49\u0e4d\u0e32", "น\u0e4d\u0e49\u0e32", "นำ"]
    assert {fold_for_search(s) for s in spellings} == {"นำ"}


def test_fold_for_search_normalises_mark_order():
    # ุ then ่ and ่ then ุ are the same text (NFC reorders by combining class)
    assert fold_for_search("ปุ่ม") == fold_for_search("ป\u0e48\u0e38ม")
