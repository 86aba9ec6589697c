import pytest

from lampang_planner.core.thai.names import COMMON_PREFIXES, full_name, split_prefix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("นายสมชาย ใจดี", ("นาย", "สมชาย ใจดี")),
        ("นาย สมชาย ใจดี", ("นาย", "สมชาย ใจดี")),
        ("นางสาวสมหญิง ใจงาม", ("นางสาว", "สมหญิง ใจงาม")),  # not นาง + สาวสมหญิง
        ("นางสมศรี ดีใจ", ("นาง", "สมศรี ดีใจ")),
        ("ด.ญ.กานดา มีสุข", ("ด.ญ.", "กานดา มีสุข")),
        ("ร.ต.อ.สมศักดิ์ เก่งกาจ", ("ร.ต.อ.", "สมศักดิ์ เก่งกาจ")),  # not ร.ต. + อ.สมศักดิ์
        ("พ.ต.อ. ประยุทธ ดี", ("พ.ต.อ.", "ประยุทธ ดี")),
        ("จ.ส.อ.มานะ อดทน", ("จ.ส.อ.", "มานะ อดทน")),
        ("ว่าที่ร้อยตรีวีระ กล้าหาญ", ("ว่าที่ร้อยตรี", "วีระ กล้าหาญ")),
        ("พระครูสุนทรธรรมโกวิท", ("พระครู", "สุนทรธรรมโกวิท")),
        ("ผศ.ดร.วิไล ศรีสุข", ("ผศ.ดร.", "วิไล ศรีสุข")),
        ("ดร.เกรียงเดช สุทธภักดิ์", ("ดร.", "เกรียงเดช สุทธภักดิ์")),
        ("Mr. John Smith", ("Mr.", "John Smith")),
        ("mrs jane doe", ("Mrs.", "jane doe")),
        ("  นาย   สมชาย   ใจดี ", ("นาย", "สมชาย ใจดี")),
    ],
)
def test_split_known_prefixes(text, expected):
    assert split_prefix(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "สมชาย ใจดี",  # no prefix
        "นายิกา ศรีสุข",  # a name that merely starts with นาย: a vowel cannot start a name
        "คุณากร ดีมาก",  # คุณ + ากร is not a name either
        "Missy Elliott",  # Miss needs a dot or a space
        "นาย",  # a prefix alone is not a name
    ],
)
def test_names_without_a_prefix_are_left_alone(text):
    assert split_prefix(text) == ("", text)


def test_prefix_list_has_the_common_titles():
    for prefix in ["นาย", "นาง", "นางสาว", "ด.ช.", "ด.ญ.", "ดร.", "พระ", "พระครู", "ผศ.", "รศ.", "ศ.", "ว่าที่ร้อยตรี",
                   "จ.ส.อ.", "ร.ต.อ.", "พ.ต.อ.", "Mr.", "Mrs.", "Ms."]:  # fmt: skip
        assert prefix in COMMON_PREFIXES


def test_full_name_follows_thai_convention():
    assert full_name("นาย", "สมชาย", "ใจดี") == "นายสมชาย ใจดี"
    assert full_name("นางสาว", "สมหญิง", "ใจงาม") == "นางสาวสมหญิง ใจงาม"
    assert full_name("ดร.", "วิไล", "ศรีสุข") == "ดร.วิไล ศรีสุข"
    assert full_name("Mr.", "John", "Smith") == "Mr. John Smith"
    assert full_name("", "สมชาย", "ใจดี") == "สมชาย ใจดี"
    assert full_name("พระครู", "สุนทร", "") == "พระครูสุนทร"
    assert full_name(" นาย ", " สมชาย ", " ใจดี ") == "นายสมชาย ใจดี"


@pytest.mark.parametrize("prefix", ["นาย", "นาง", "นางสาว", "ร.ต.อ.", "ว่าที่ร้อยตรี", "Mr.", "ผศ.ดร."])
def test_full_name_and_split_round_trip(prefix):
    assert split_prefix(full_name(prefix, "สมชาย", "ใจดี")) == (prefix, "สมชาย ใจดี")
