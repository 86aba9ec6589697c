"""PC/SC card readers through pyscard: reading a Thai ID card, and a watcher thread that reads each card inserted.

Windows has PC/SC built in (WinSCard, the "Smart Card" service); Linux needs ``pcscd`` and the reader's driver
(``libccid`` for almost every USB reader). pyscard talks to either. Every failure becomes a :class:`CardError`
with a Thai and an English sentence (:func:`error_for`); nothing here writes data.

The watcher uses pyscard's PC/SC calls directly (``SCardGetStatusChange`` with the Plug-and-Play notification,
``SCardCancel`` to stop) rather than ``smartcard.CardMonitoring.CardMonitor``: that one is a process-wide singleton
whose thread ends for good when ``pcscd`` is not running and can only be stopped by waiting out a 60-second wait.
The watcher here survives ``pcscd`` stopping and starting, reports readers coming and going, and stops at once.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from lampang_planner.core.devices.thai_id_card import CardError, ThaiIdCard, read_card

try:  # pyscard is a dependency, but a broken install must give a sentence, not a traceback
    from smartcard import scard
except ImportError:  # pragma: no cover - exercised only on a broken install
    scard = None

PNP_READER = "\\\\?PnP?\\Notification"

# --- errors ----------------------------------------------------------------------------------------------------------

_NO_SERVICE = ("no-service",
               "บริการเครื่องอ่านบัตร (pcscd / Smart Card) ไม่ได้ทำงาน: เปิดบริการนี้ก่อน แล้วเสียบบัตรอีกครั้ง",
               "The smart-card service is not running (pcscd on Linux, \"Smart Card\" on Windows): start it, then "
               "insert the card again")  # fmt: skip
# Windows starts its "Smart Card" service only once a reader is plugged in: there "no service" usually means "no reader"
_NO_SERVICE_WINDOWS = ("no-service",
                       "ไม่พบเครื่องอ่านบัตร: เสียบเครื่องอ่านบัตรเข้ากับช่อง USB (ถ้าเสียบแล้ว ให้เปิดบริการ Smart Card ของ Windows)",
                       "No card reader: plug the reader into a USB port (if it is plugged in, start Windows' \"Smart Card\" "
                       "service)")  # fmt: skip
_NO_READER = ("no-reader", "ไม่พบเครื่องอ่านบัตร: เสียบเครื่องอ่านบัตรเข้ากับช่อง USB",
              "No card reader found: plug the reader into a USB port")  # fmt: skip
_READER_GONE = ("reader-gone", "เครื่องอ่านบัตรถูกถอดออกระหว่างอ่าน: เสียบเครื่องอ่านแล้วเสียบบัตรใหม่อีกครั้ง",
                "The card reader was unplugged while reading: plug it in and insert the card again")  # fmt: skip
_CARD_PULLED = ("card-removed", "บัตรถูกดึงออกก่อนอ่านเสร็จ: เสียบบัตรค้างไว้จนกว่าจะมีเสียงแจ้ง",
                "The card was pulled out before it was read: insert it again and leave it until the sound")  # fmt: skip
_UNPOWERED = ("unpowered", "เครื่องอ่านจ่ายไฟให้บัตรไม่ได้ หรือบัตรไม่ตอบสนอง: ลองเสียบบัตรใหม่ หันด้านชิปขึ้น",
              "The reader cannot power this card, or the card does not answer: insert it again, chip side up")  # fmt: skip
_NO_PYSCARD = ("no-pyscard", "โปรแกรมนี้ติดตั้งไม่ครบ (ขาดส่วนอ่านบัตร pyscard)",
               "This installation lacks the card-reading component (pyscard)")  # fmt: skip


def _error(spec: tuple[str, str, str], detail: str = "") -> CardError:
    code, th, en = spec
    return CardError(th, en + (f" [{detail}]" if detail else ""), code=code)


def _hex(hresult: int) -> str:
    return f"0x{hresult & 0xFFFFFFFF:08X}"


def error_for(hresult: int) -> CardError:
    """The sentence for a PC/SC error code."""
    if scard is None:
        return _error(_NO_PYSCARD)
    if hresult in (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_F_COMM_ERROR):
        return _error(_NO_SERVICE_WINDOWS if sys.platform == "win32" else _NO_SERVICE, _hex(hresult))
    if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
        return _error(_NO_READER)
    if hresult in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE):
        return _error(_READER_GONE, _hex(hresult))
    if hresult in (scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_RESET_CARD):
        return _error(_CARD_PULLED, _hex(hresult))
    if hresult in (scard.SCARD_W_UNPOWERED_CARD, scard.SCARD_W_UNRESPONSIVE_CARD, scard.SCARD_E_PROTO_MISMATCH):
        return _error(_UNPOWERED, _hex(hresult))
    return CardError(
        f"อ่านบัตรไม่สำเร็จ (รหัส {_hex(hresult)}): ลองเสียบบัตรใหม่อีกครั้ง",
        f"The card could not be read (code {_hex(hresult)}): insert it again",
        code="read-failed",
    )


class _Failed(Exception):
    def __init__(self, hresult: int) -> None:
        super().__init__(_hex(hresult))
        self.hresult = hresult


class _Transient(Exception):
    """Connecting in the instant the reader powers a freshly inserted card up: worth one more try."""


def _check(hresult: int) -> None:
    if hresult != scard.SCARD_S_SUCCESS:
        raise _Failed(hresult)


# --- reading ---------------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _context():
    if scard is None:
        raise _error(_NO_PYSCARD)
    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        raise error_for(hresult)
    try:
        yield ctx
    finally:
        scard.SCardReleaseContext(ctx)


def _list_readers(ctx) -> list[str]:
    hresult, readers = scard.SCardListReaders(ctx, [])
    if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
        return []
    _check(hresult)
    return list(readers)


def list_readers() -> list[str]:
    """The names of the readers plugged in. Raises :class:`CardError` when the PC/SC service is not running."""
    with _context() as ctx:
        try:
            return _list_readers(ctx)
        except _Failed as exc:
            raise error_for(exc.hresult) from None


def _card_gone(ctx, hcard, reader: str) -> bool:
    """After an empty answer: is the card gone? A USB reader says so at once; the virtual reader notices within its
    polling interval, so wait up to a second and a half for the slot to empty."""
    hresult, _, _, _, _ = scard.SCardStatus(hcard)
    if hresult in (scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD):
        return True
    hresult, states = scard.SCardGetStatusChange(ctx, 1500, [(reader, scard.SCARD_STATE_PRESENT)])
    return hresult == scard.SCARD_S_SUCCESS and not states[0][1] & scard.SCARD_STATE_PRESENT


def _check_first(hresult: int) -> None:
    """Before the card's first answer, "not transacted" or "reset" means the reader is still powering it up."""
    if hresult in (scard.SCARD_E_NOT_TRANSACTED, scard.SCARD_W_RESET_CARD):
        raise _Transient()
    _check(hresult)


def read_from(ctx, reader: str) -> ThaiIdCard:
    """Connect to the card in ``reader`` (shared), read it and disconnect. Raises :class:`CardError`."""
    try:
        hresult, hcard, protocol = scard.SCardConnect(
            ctx, reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        )
        _check_first(hresult)
        exchanged = []
        try:
            hresult, _, _, _, atr = scard.SCardStatus(hcard)
            _check_first(hresult)

            def transmit(apdu: list[int]) -> tuple[list[int], int, int]:
                hresult, response = scard.SCardTransmit(hcard, protocol, apdu)
                if exchanged:
                    _check(hresult)
                else:
                    _check_first(hresult)
                    exchanged.append(True)
                if len(response) < 2:  # a card pulled mid-exchange can leave an empty answer: ask whether it is there
                    if _card_gone(ctx, hcard, reader):
                        raise _Failed(scard.SCARD_W_REMOVED_CARD)
                    raise CardError("บัตรตอบกลับไม่ครบ: ลองเสียบบัตรใหม่อีกครั้ง",
                                    "The card sent an incomplete answer: insert it again", code="read-failed")
                return list(response[:-2]), response[-2], response[-1]

            return read_card(transmit, atr)
        finally:
            scard.SCardDisconnect(hcard, scard.SCARD_LEAVE_CARD)
    except _Failed as exc:
        raise error_for(exc.hresult) from None


def read_now(reader: str | None = None) -> ThaiIdCard:
    """Read the card in ``reader`` (default: the first reader that holds a card). Raises :class:`CardError`."""
    with _context() as ctx:
        try:
            readers = _list_readers(ctx)
        except _Failed as exc:
            raise error_for(exc.hresult) from None
        if not readers:
            raise _error(_NO_READER)
        try:
            return read_from(ctx, reader or readers[0])
        except _Transient:
            raise error_for(scard.SCARD_E_NOT_TRANSACTED) from None


# --- watching --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReaderStatus:
    """What the desk shows next to the card icon: readers present, or why there are none."""

    readers: tuple[str, ...] = ()
    error: CardError | None = None

    @property
    def ready(self) -> bool:
        return bool(self.readers) and self.error is None


@dataclass(frozen=True)
class CardEvent:
    """A card was inserted and read (``card``), or reading it failed (``error``)."""

    reader: str
    card: ThaiIdCard | None = None
    error: CardError | None = None
    inserted_at: float = 0.0  # time.perf_counter() when the insertion was seen


class CardWatcher:
    """A thread that reads every card inserted into any reader and reports reader changes.

    ``on_card(CardEvent)`` and ``on_status(ReaderStatus)`` are called on the watcher's thread: a UI hands them to its
    own thread (a Qt signal). ``stop()`` returns at once (it cancels the blocking wait)."""

    def __init__(
        self,
        on_card: Callable[[CardEvent], None],
        on_status: Callable[[ReaderStatus], None] | None = None,
        *,
        retry_seconds: float = 2.0,
    ) -> None:
        self._on_card = on_card
        self._on_status = on_status or (lambda status: None)
        self._retry = retry_seconds
        self._stop = threading.Event()
        self._ctx = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="card-watcher", daemon=True)
        self._last_status: ReaderStatus | None = None
        self._failures = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching and wait for the thread. ``SCardCancel`` only wakes a wait already under way: when the thread
        is between checking the stop flag and entering ``SCardGetStatusChange`` (just after reporting a card, say), a
        single cancel is lost and the wait would block forever. So cancel again until the thread has gone."""
        self._stop.set()
        if threading.current_thread() is self._thread:
            return
        deadline = time.monotonic() + timeout
        while self._thread.is_alive() and time.monotonic() < deadline:
            with self._lock:
                if self._ctx is not None and scard is not None:
                    scard.SCardCancel(self._ctx)
            self._thread.join(0.05)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _status(self, status: ReaderStatus) -> None:
        def key(st: ReaderStatus | None) -> tuple:
            return (st.readers, st.error.code if st.error else None) if st else ()

        if key(status) != key(self._last_status):
            self._last_status = status
            self._on_status(status)

    def _run(self) -> None:
        if scard is None:
            self._status(ReaderStatus(error=_error(_NO_PYSCARD)))
            return
        while not self._stop.is_set():
            hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if hresult != scard.SCARD_S_SUCCESS:
                self._status(ReaderStatus(error=error_for(hresult)))
                self._stop.wait(self._retry)
                continue
            with self._lock:
                self._ctx = ctx
            try:
                hresult = self._watch(ctx)
            finally:
                with self._lock:
                    self._ctx = None
                scard.SCardReleaseContext(ctx)
            if hresult is not None and not self._stop.is_set():
                # a daemon that stopped fails the calls with various codes; a new context tells the real story
                # (no service), so report a watch failure only when it happens again on a fresh context
                self._failures += 1
                if self._failures > 1:
                    self._status(ReaderStatus(error=error_for(hresult)))
                self._stop.wait(0.2 if self._failures == 1 else self._retry)

    def _watch(self, ctx) -> int | None:
        """Wait for changes until stopped (None) or the service fails (its error code)."""
        states: dict[str, int] = {}
        pnp = 0
        while not self._stop.is_set():
            hresult, readers = scard.SCardListReaders(ctx, [])
            if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_NO_READERS_AVAILABLE):
                return hresult
            readers = list(readers) if hresult == scard.SCARD_S_SUCCESS else []
            self._status(ReaderStatus(tuple(readers)) if readers else ReaderStatus(error=_error(_NO_READER)))
            states = {r: states.get(r, scard.SCARD_STATE_UNAWARE) for r in readers}
            query = [*states.items(), (PNP_READER, pnp)]
            hresult, changes = scard.SCardGetStatusChange(ctx, scard.INFINITE, query)
            if hresult == scard.SCARD_E_CANCELLED or self._stop.is_set():
                return None
            if hresult in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_UNKNOWN_READER):
                continue
            if hresult != scard.SCARD_S_SUCCESS:
                return hresult
            self._failures = 0
            for reader, event, _atr in changes:
                if reader == PNP_READER:
                    pnp = event & ~scard.SCARD_STATE_CHANGED
                    continue
                was = states.get(reader, scard.SCARD_STATE_UNAWARE)
                states[reader] = event & ~scard.SCARD_STATE_CHANGED
                arrived = event & scard.SCARD_STATE_PRESENT and not was & scard.SCARD_STATE_PRESENT
                if arrived and not event & scard.SCARD_STATE_MUTE:
                    self._read(ctx, reader)
                elif arrived:
                    self._on_card(CardEvent(reader, error=_error(_UNPOWERED), inserted_at=time.perf_counter()))
        return None

    def _read(self, ctx, reader: str) -> None:
        seen = time.perf_counter()
        for attempt in range(10):
            try:
                card = read_from(ctx, reader)
            except _Transient:
                if attempt < 9 and not self._stop.wait(0.15):  # the reader is still powering the card up
                    continue
                self._on_card(CardEvent(reader, error=error_for(scard.SCARD_E_NOT_TRANSACTED), inserted_at=seen))
            except CardError as exc:
                self._on_card(CardEvent(reader, error=exc, inserted_at=seen))
            except Exception as exc:  # never let the watcher die silently: the desk must hear about it
                error = CardError("อ่านบัตรไม่สำเร็จ: ลองเสียบบัตรใหม่อีกครั้ง", f"The card could not be read: {exc!r}",
                                  code="read-failed")  # fmt: skip
                self._on_card(CardEvent(reader, error=error, inserted_at=seen))
            else:
                self._on_card(CardEvent(reader, card=card, inserted_at=seen))
            return
