"""Joining a desk by scanning the QR code it shows: ``lpvenue1;HOST:PORT``, in lower case like the badges' codes (no
Shift), read by the same USB scanner or webcam as the badges, under whatever keyboard layout the desk is in."""

from __future__ import annotations

import io

from lampang_planner.core.thai.keyboard import pattachote_to_us, thai_to_us
from lampang_planner.core.venue.status import parse_address

JOIN_PREFIX = "lpvenue1;"


def join_payload(address: str) -> str:
    return JOIN_PREFIX + address


def join_address(scanned: str) -> str | None:
    """The "host:port" in a scanned join code, or None when the text is not one."""
    for text in (scanned.strip(), thai_to_us(scanned.strip()), pattachote_to_us(scanned.strip())):
        if text.lower().startswith(JOIN_PREFIX):
            address = text[len(JOIN_PREFIX) :]
            try:
                parse_address(address)
            except ValueError:
                return None
            return address
    return None


def join_qr_png(address: str, box_size: int = 4) -> bytes:
    """The join code of ``address`` as a PNG (black on white, error correction M)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    out = io.BytesIO()
    qrcode.make(join_payload(address), error_correction=ERROR_CORRECT_M, box_size=box_size, border=2).save(out)
    return out.getvalue()
