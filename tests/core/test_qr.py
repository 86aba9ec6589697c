import io

import pytest
import zxingcpp
from hypothesis import assume, given
from hypothesis import strategies as st
from PIL import Image

from lampang_planner.core.qr import (
    ALPHABET,
    BASE,
    PAYLOAD_PREFIX,
    check_symbol,
    is_valid_code,
    make_code,
    normalise_scan,
    payload,
    qr_image,
    qr_png_bytes,
)
from lampang_planner.core.thai.keyboard import COMBINING_KEYS, us_to_thai

bodies = st.text(alphabet=ALPHABET, min_size=1, max_size=40)


def is_prime(n: int) -> bool:
    return n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))


def test_alphabet_is_prime_sized_and_free_of_risky_keys():
    assert BASE == len(ALPHABET) == len(set(ALPHABET)) == 23
    assert is_prime(BASE)
    assert not set(ALPHABET) & ({c.upper() for c in COMBINING_KEYS} | COMBINING_KEYS)
    assert not set(ALPHABET) & set("OIL01")  # look-alikes
    assert set(ALPHABET) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def test_payload_prefix_types_no_combining_marks_under_kedmanee():
    assert not set(PAYLOAD_PREFIX) & COMBINING_KEYS
    assert payload("ACD") == "lpp1;acd"


def test_new_badges_need_no_shift_and_still_fit_a_version_1_qr():
    """Every character of a new payload is an unshifted key on a US keyboard (a scanner sends no Shift at all)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    from lampang_planner.core.thai.keyboard import US_UNSHIFTED

    for seed in ("a", "somchai", "person-600"):
        text = payload(make_code(seed))
        assert set(text) <= set(US_UNSHIFTED), text
        qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
        qr.add_data(text)
        qr.make(fit=True)
        assert qr.version == 1


@pytest.mark.parametrize("old_or_new", ["LPP1:{code}", "lpp1;{lower}", "LPP1;{code}", "lpp1:{lower}", "{code}"])
def test_old_and_new_badges_read_under_us_kedmanee_and_pattachote(old_or_new):
    from lampang_planner.core.thai.keyboard import us_to_pattachote

    code = make_code("old and new badges")
    text = old_or_new.format(code=code, lower=code.lower())
    for typed in (text, us_to_thai(text), us_to_pattachote(text)):
        assert normalise_scan(typed + "\r") == code, typed


def test_make_code_is_deterministic_and_valid():
    code = make_code("person-42")
    assert code == make_code(b"person-42")
    assert len(code) == 9 and is_valid_code(code)
    assert len(make_code("x", length=4)) == 5
    assert make_code("person-42", salt=1) != code and is_valid_code(make_code("person-42", salt=1))
    assert make_code("person-43") != code
    with pytest.raises(ValueError):
        make_code("x", length=0)


def test_codes_spread_over_the_alphabet():
    codes = [make_code(str(i)) for i in range(2000)]
    assert len(set(codes)) == len(codes)
    used = {c for code in codes for c in code}
    assert used == set(ALPHABET)


@given(bodies, st.data())
def test_every_single_substitution_is_detected(body, data):
    code = body + check_symbol(body)
    assert is_valid_code(code)
    position = data.draw(st.integers(0, len(code) - 1))
    replacement = data.draw(st.sampled_from(ALPHABET))
    assume(replacement != code[position])
    assert not is_valid_code(code[:position] + replacement + code[position + 1 :])


@given(bodies, st.data())
def test_every_adjacent_transposition_is_detected(body, data):
    code = body + check_symbol(body)
    position = data.draw(st.integers(0, len(code) - 2))
    assume(code[position] != code[position + 1])
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert not is_valid_code(swapped)


def test_every_symbol_survives_the_thai_layout():
    body = ALPHABET  # every symbol once
    code = body + check_symbol(body)
    assert normalise_scan(us_to_thai(code)) == code
    assert normalise_scan(us_to_thai(payload(code))) == code
    for symbol in ALPHABET:  # also when the scanner sends letters without shift
        single = symbol * 3 + check_symbol(symbol * 3)
        assert normalise_scan(us_to_thai(single)) == single
        assert normalise_scan(us_to_thai(single.lower())) == single
        assert normalise_scan(us_to_thai(payload(single).lower())) == single


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=12))
def test_make_code_round_trips_through_the_thai_layout(seed):
    code = make_code(seed)
    burst = us_to_thai(payload(code)) + "\r\n"
    assert normalise_scan(burst) == code


def test_normalise_scan_accepts_what_scanners_and_people_send():
    code = make_code("somchai")
    assert normalise_scan(code) == code
    assert normalise_scan(code.lower()) == code
    assert normalise_scan(f"  {payload(code)}\r\n") == code
    assert normalise_scan(payload(code).lower()) == code
    assert normalise_scan("LPP1;" + code) == code  # shift state lost for ":"
    assert normalise_scan(us_to_thai(payload(code)) + "\n") == code


BODY = "ACDEFGKM"
WRONG_CHECK = next(c for c in ALPHABET if c != check_symbol(BODY))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "A",  # too short to carry a check symbol
        "LPP1:",
        "LPP2:" + BODY + check_symbol(BODY),  # unknown payload version
        "hello world",
        "ศญญๅซ",  # the prefix alone, typed under Kedmanee
        "LPP1:" + BODY + WRONG_CHECK,
        BODY + "B" + check_symbol(BODY),  # B is not in the alphabet
        "0" + BODY,  # look-alikes are not symbols
    ],
)
def test_normalise_scan_rejects_malformed_input(text):
    assert normalise_scan(text) is None


def test_wrong_check_symbol_is_rejected():
    code = make_code("somchai")
    wrong = code[:-1] + next(c for c in ALPHABET if c != code[-1])
    assert not is_valid_code(wrong)
    assert normalise_scan(payload(wrong)) is None
    assert not is_valid_code(code.lower())  # is_valid_code wants the canonical upper case


def test_qr_image_decodes_to_the_payload():
    code = make_code("person-1")
    image = qr_image(code)
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [payload(code)]
    assert normalise_scan(results[0].text) == code


def test_qr_png_bytes_is_a_png_that_decodes():
    code = make_code("person-2")
    data = qr_png_bytes(code, box_size=4, border=2)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data))
    assert image.size[0] == image.size[1] >= (21 + 4) * 4
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [payload(code)]
