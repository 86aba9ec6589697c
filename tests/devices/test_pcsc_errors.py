"""Every PC/SC failure the desk can meet has its Thai and English sentence (the codes are those WinSCard and pcsc-lite
return); on Windows "no service" is said as "no reader", since Windows starts the service when a reader is plugged."""

from __future__ import annotations

import sys

import pytest
from smartcard import scard

from lampang_planner.core.devices.pcsc import error_for


@pytest.mark.parametrize(
    "hresult, code",
    [
        (scard.SCARD_E_NO_SERVICE, "no-service"),
        (scard.SCARD_E_SERVICE_STOPPED, "no-service"),
        (scard.SCARD_E_NO_READERS_AVAILABLE, "no-reader"),
        (scard.SCARD_E_READER_UNAVAILABLE, "reader-gone"),
        (scard.SCARD_E_UNKNOWN_READER, "reader-gone"),
        (scard.SCARD_W_REMOVED_CARD, "card-removed"),
        (scard.SCARD_E_NO_SMARTCARD, "card-removed"),
        (scard.SCARD_W_UNPOWERED_CARD, "unpowered"),
        (scard.SCARD_W_UNRESPONSIVE_CARD, "unpowered"),
        (scard.SCARD_E_PROTO_MISMATCH, "unpowered"),
        (scard.SCARD_E_SHARING_VIOLATION, "read-failed"),
    ],
)
def test_each_failure_has_its_sentence(hresult, code):
    err = error_for(hresult)
    assert err.code == code
    assert not err.th.isascii() and err.en.isascii() and err.th != err.en


def test_no_service_on_windows_asks_for_the_reader(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    err = error_for(scard.SCARD_E_NO_SERVICE)
    assert err.th.startswith("ไม่พบเครื่องอ่านบัตร") and "Smart Card" in err.en
    monkeypatch.setattr(sys, "platform", "linux")
    assert "pcscd" in error_for(scard.SCARD_E_NO_SERVICE).th
