"""A bundle's payload, written: one JSON line per change-log row, built in exactly one place
(:func:`encode_payload`), with the personal fields sealed to the office or refused in clear. Its inverse, the one
reader, is :mod:`.payload_reader`."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import seal

_STAMP = re.compile(r"\d{14}\.[0-9a-f]{4}\.([0-9A-Za-z_-]{1,64})")
_PLAIN = frozenset((str, int, float, bool, type(None)))  # JSON scalars (exact types, as json.loads gives them)
_STAMP_PREFIX = 20  # "wwwwwwwwwwwwww.cccc." before the device id in a stamp
STAMP_PREFIX = _STAMP_PREFIX


def is_stamp(text: str) -> bool:
    """True when ``text`` is a well-formed HLC stamp as a bundle may carry it."""
    return _STAMP.fullmatch(text) is not None


# As the write path stores ``change.data`` (writes.ENCODE): a re-encoded line keeps the log's exact text form.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_ENCODE_STAMPS = json.JSONEncoder(separators=(",", ":")).encode  # json.dumps(…, separators) without its set-up
SEALED = seal.SEAL_KEY


def _fast_encoder() -> Callable[[dict, int], Iterable[str]]:
    """``_ENCODE`` without rebuilding the C encoder on every call (json.JSONEncoder.encode does): a third faster for
    the small objects of opened lines. Checked against ``_ENCODE`` once; the pure-Python form where there is no C."""
    try:
        from json.encoder import c_make_encoder, encode_basestring

        def refuse(o: object) -> None:
            raise TypeError(f"not JSON: {type(o).__name__}")

        enc = c_make_encoder(None, refuse, encode_basestring, None, ":", ",", True, False, True)
        sample = {"b": 'ชื่อ "x"\n', "a": 1.5, "c": None, "d": True, "e": -3, "f": {"z": "1", "y": "2"}}
        if "".join(enc(sample, 0)) == _ENCODE(sample):
            return enc
    except (ImportError, TypeError):
        pass
    return lambda obj, _level: (_ENCODE(obj),)


_ENCODE_FAST = _fast_encoder()


def payload_line(hlc: str, tbl: str, row_id: str, device: str, author: str, data_json: str, parents_json: str) -> str:
    """One payload line from a change-log row, without re-parsing its stored JSON."""
    head = json.dumps([hlc, tbl, row_id, device, author], ensure_ascii=False, separators=(",", ":"))
    return f"{head[:-1]},{data_json},{parents_json}]"


@dataclass
class Payload:
    raw: bytes  # the JSON lines, uncompressed
    changes: int
    counts: dict[str, int]
    hlc_min: str | None
    hlc_max: str | None
    sealed_lines: int = 0


def clear_personal_refused() -> UserError:
    return UserError(
        "ส่งออกไม่ได้: มีข้อมูลส่วนบุคคล (ชื่อ เบอร์โทรศัพท์ เลขประจำตัวประชาชน) แต่เครื่องนี้ยังไม่มีกุญแจเข้ารหัสของสำนักงาน "
        "จึงเข้ารหัสไม่ได้ กรุณานำเข้าชุดข้อมูลตั้งต้นจากสำนักงานก่อน หรือถ้าจำเป็นจริง ๆ ให้ส่งออกแบบไม่เข้ารหัส (--clear) "
        "หรือตั้งรหัสผ่าน (--passphrase-file) ไม่มีการเขียนไฟล์ใด",
        "Not exported: the changes hold personal data (names, phone numbers, citizen IDs) and this laptop has no "
        "office encryption key to protect them. Import the office's kit first; or, if you must, export them in clear "
        "(--clear) or under a passphrase (--passphrase-file). No file was written",
        code="clear-personal",
    )


def encode_payload(
    rows: Iterable[tuple[str, str, str, str, str, str, str]],
    progress: Callable[[int], None] | None = None,
    *,
    sealer: seal.Sealer | None = None,
    refuse_personal: bool = False,
) -> Payload:
    """The payload of change-log rows ``(hlc, tbl, row_id, device, author, data_json, parents_json)``.

    The one place a bundle's content is built. With a ``sealer`` the personal fields of each line
    (:data:`.seal.PERSONAL_FIELDS`) are sealed to the office (one AEAD call per line, nonce = the line's index);
    its inverse is in :func:`parse_payload`. Without one, ``refuse_personal`` raises ``clear-personal`` at the first
    line holding a personal value (nothing is written): a laptop with no office key does not put people in clear on a
    USB stick unless told to.
    """
    lines: list[str] = []
    counts: Counter = Counter()
    lo = hi = None
    personal = seal.PERSONAL_FIELDS if (sealer is not None or refuse_personal) else {}
    sealed = 0
    for n, (hlc, tbl, row_id, dev, author, data, parents) in enumerate(rows, 1):
        fields = personal.get(tbl)
        if fields is not None:
            values = json.loads(data)
            present = [f for f in fields if f in values]
            if present:
                if sealer is not None:
                    secret = [values.pop(f) for f in present]
                    values[SEALED] = sealer.seal(n - 1, hlc, tbl, row_id, present, secret)
                    data = _ENCODE(values)
                    sealed += 1
                elif seal.has_personal_values(values, present):
                    raise clear_personal_refused()
        lines.append(payload_line(hlc, tbl, row_id, dev, author, data, parents))
        counts[tbl] += 1
        if lo is None or hlc < lo:
            lo = hlc
        if hi is None or hlc > hi:
            hi = hlc
        if progress and n % 10000 == 0:
            progress(n)
    raw = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    return Payload(raw, len(lines), dict(sorted(counts.items())), lo, hi, sealed)
