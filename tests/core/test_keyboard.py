import string
import unicodedata

from lampang_planner.core.thai.keyboard import (
    COMBINING_KEYS,
    THAI_TO_US,
    US_TO_THAI,
    looks_like_thai_layout,
    thai_to_us,
    us_to_thai,
)

PRINTABLE_US = set(string.printable) - set(string.whitespace)  # the 94 characters of a US keyboard

# Microsoft KBDTH0 (Thai Kedmanee), row by row, as code points — an independent transcription of the table
REFERENCE = {
    "`1234567890-=": "_\u0e45/-\u0e20\u0e16\u0e38\u0e36\u0e04\u0e15\u0e08\u0e02\u0e0a",
    "qwertyuiop[]\\": "\u0e46\u0e44\u0e33\u0e1e\u0e30\u0e31\u0e35\u0e23\u0e19\u0e22\u0e1a\u0e25\u0e03",
    "asdfghjkl;'": "\u0e1f\u0e2b\u0e01\u0e14\u0e40\u0e49\u0e48\u0e32\u0e2a\u0e27\u0e07",
    "zxcvbnm,./": "\u0e1c\u0e1b\u0e41\u0e2d\u0e34\u0e37\u0e17\u0e21\u0e43\u0e1d",
    "~!@#$%^&*()_+": "%+\u0e51\u0e52\u0e53\u0e54\u0e39\u0e3f\u0e55\u0e56\u0e57\u0e58\u0e59",
    "QWERTYUIOP{}|": '\u0e50"\u0e0e\u0e11\u0e18\u0e4d\u0e4a\u0e13\u0e2f\u0e0d\u0e10,\u0e05',
    'ASDFGHJKL:"': "\u0e24\u0e06\u0e0f\u0e42\u0e0c\u0e47\u0e4b\u0e29\u0e28\u0e0b.",
    "ZXCVBNM<>?": "()\u0e09\u0e2e\u0e3a\u0e4c?\u0e12\u0e2c\u0e26",
}


def test_table_covers_every_printable_us_key_shifted_and_unshifted():
    assert set(US_TO_THAI) == PRINTABLE_US
    assert len(US_TO_THAI) == 94


def test_table_matches_the_windows_kedmanee_layout():
    for us, thai in REFERENCE.items():
        assert us_to_thai(us) == thai, us


def test_spot_checks_from_the_brief():
    assert [US_TO_THAI[k] for k in "qwer"] == ["ๆ", "ไ", "ำ", "พ"]
    assert [US_TO_THAI[k] for k in "L:P1"] == ["ศ", "ซ", "ญ", "ๅ"]
    assert US_TO_THAI["\\"] == "ฃ" and US_TO_THAI["|"] == "ฅ"


def test_thai_to_us_is_a_function_and_inverts_the_table():
    assert len(THAI_TO_US) == len(US_TO_THAI)  # no Thai character comes from two keys
    text = "".join(sorted(PRINTABLE_US))
    assert thai_to_us(us_to_thai(text)) == text


def test_ascii_produced_by_kedmanee_maps_back_to_its_key():
    # Under Kedmanee "2" types "/" and "3" types "-": a burst is mapped as a whole
    assert us_to_thai("23") == "/-"
    assert thai_to_us("/-") == "23"


def test_payload_prefix_under_the_thai_layout():
    assert us_to_thai("LPP1:") == "ศญญๅซ"
    assert thai_to_us("ศญญๅซ") == "LPP1:"


def test_combining_keys_are_exactly_the_ones_to_avoid():
    assert set("bhjnuy67BHJNUY^") == COMBINING_KEYS
    for key in COMBINING_KEYS:
        assert unicodedata.category(US_TO_THAI[key]) == "Mn"


def test_characters_kedmanee_never_types_pass_through():
    assert thai_to_us("ABC123:") == "ABC123:"
    assert thai_to_us("ศญญๅซ\r\n") == "LPP1:\r\n"


def test_looks_like_thai_layout():
    assert looks_like_thai_layout("ศญญๅซ")
    assert looks_like_thai_layout("LPP1:ฤ")
    assert not looks_like_thai_layout("LPP1:ACD")
    assert not looks_like_thai_layout("")


# X11 xkb th(pat), row by row (unshifted / shifted) — the Pattachote layout
PATTACHOTE = {
    "`1234567890-=": "_=๒๓๔๕ู๗๘๙๐๑๖",
    "qwertyuiop[]\\": "็ตยอร่ดมวแใฌๅ",
    "asdfghjkl;'": "้ทงกัีานเไข",
    "zxcvbnm,./": "บปลหิคสะจพ",
    "~!@#$%^&*()_+": '฿+"/,?ุ_.()-%',
    "QWERTYUIOP{}|": "๊ฤๆญษึฝซถฒฯฦํ",
}


def test_pattachote_table_and_its_inverse():
    from lampang_planner.core.thai.keyboard import US_TO_PATTACHOTE, pattachote_to_us, us_to_pattachote

    assert set(US_TO_PATTACHOTE) == PRINTABLE_US
    for us, thai in PATTACHOTE.items():
        assert us_to_pattachote(us) == thai, us
    # every key but the two that type "_" comes back as itself
    text = "".join(sorted(PRINTABLE_US - {"`", "&"}))
    assert pattachote_to_us(us_to_pattachote(text)) == text
    assert pattachote_to_us(us_to_pattachote("lpp1;")) == "lpp1;"
