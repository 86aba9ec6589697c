"""The real PC/SC stack for tests: a private ``pcscd`` with the ``vsmartcard-vpcd`` virtual reader, and a virtual Thai ID
card (written here) that plugs into it over the vpcd socket protocol.

vpcd (the reader driver inside pcscd) listens on a TCP port; a virtual card "is inserted" by connecting to it and
"pulled" by closing the connection. Each message is a 2-byte big-endian length and that many bytes. A 1-byte message
from vpcd is a control code: 0 power off, 1 power on, 2 reset, 4 "send your ATR" (the answer is the ATR); anything
longer is a command APDU, answered with the response APDU (data + SW1 SW2). (vsmartcard's "Creating a virtual smart
card" documentation, and its vpicc implementation.)

Under CI (``CI=true``) a missing ``pcscd`` or vpcd driver fails the tests instead of skipping them; ``scripts/setup.sh``
installs both there.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import struct
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
ATR_3B67 = bytes.fromhex("3B67000029200066789000")  # the type that wants GET RESPONSE 00 C0 00 01
ATR_3B68 = bytes.fromhex("3B68000056532D5344010100")  # the type that wants GET RESPONSE 00 C0 00 00

AID = bytes.fromhex("A000000054480001")
PHOTO_START, PHOTO_END = 0x017B, 0x1579


def _tis(text: str, length: int) -> bytes:
    raw = text.encode("tis-620")
    assert len(raw) <= length, text
    return raw + b" " * (length - len(raw))


@dataclass
class CardPerson:
    citizen_id: str = "3520100123457"
    name_th: str = "นาย#สมชาย##ใจดี"
    name_en: str = "Mr.#Somchai##Jaidee"
    birth: str = "25100315"
    sex: str = "1"
    issuer: str = "ท้องถิ่นอำเภอเกาะคา/ลำปาง"
    issued: str = "25650110"
    expiry: str = "25740309"
    address: str = "99/1#หมู่ที่ 4#####ตำบลศาลา#อำเภอเกาะคา#จังหวัดลำปาง"

    def memory(self) -> bytearray:
        mem = bytearray(b"\xff" * (0x1579 + 100))
        for offset, length, value in (
            (0x0004, 13, self.citizen_id), (0x0011, 100, self.name_th), (0x0075, 100, self.name_en),
            (0x00D9, 8, self.birth), (0x00E1, 1, self.sex), (0x00F6, 100, self.issuer),
            (0x0167, 8, self.issued), (0x016F, 8, self.expiry), (0x1579, 100, self.address),
        ):  # fmt: skip
            mem[offset : offset + length] = _tis(value, length)
        mem[PHOTO_START:PHOTO_END] = bytes(range(256)) * ((PHOTO_END - PHOTO_START) // 256) + b"\x00" * (
            (PHOTO_END - PHOTO_START) % 256
        )
        return mem


@dataclass
class ThaiIdApplet:
    """The card's side of the Thai ID applet: SELECT, READ BINARY (→ 61 Le), GET RESPONSE of one form (P2 0 or 1)."""

    person: CardPerson = field(default_factory=CardPerson)
    atr: bytes = ATR_3B68
    thai_id: bool = True  # False: a bank card, a SIM… (no such applet)
    selected: bool = False
    pending: bytes | None = None
    offsets_read: list[int] = field(default_factory=list)
    apdus: list[bytes] = field(default_factory=list)

    @property
    def p2(self) -> int:
        return 0x01 if self.atr[:2] == b"\x3b\x67" else 0x00

    def answer(self, apdu: bytes) -> bytes:
        self.apdus.append(apdu)
        cla, ins, p1, p2 = apdu[:4]
        if ins == 0xA4:
            if self.thai_id and apdu[5 : 5 + apdu[4]] == AID:
                self.selected = True
                return b"\x61\x0a"
            self.selected = False
            return b"\x6a\x82"
        if cla == 0x80 and ins == 0xB0:
            if not self.selected:
                return b"\x69\x86"
            offset, le = (p1 << 8) | p2, apdu[6] or 256
            self.offsets_read.append(offset)
            self.pending = bytes(self.person.memory()[offset : offset + le])
            return bytes([0x61, le & 0xFF])
        if cla == 0x00 and ins == 0xC0:
            if p1 != 0 or p2 != self.p2:
                return b"\x6a\x86"
            if self.pending is None:
                return b"\x69\x85"
            data, self.pending = self.pending[: apdu[4] or 256], None
            return data + b"\x90\x00"
        return b"\x6d\x00"

    def power(self) -> None:
        self.selected, self.pending = False, None


class VirtualCard:
    """A card in the vpcd reader: ``insert()`` connects to vpcd and answers until ``pull()`` (or ``pull_after``
    APDUs, to pull it in the middle of a read). ``mute=True`` is a card that gives no ATR (the reader cannot power
    it)."""

    def __init__(self, port: int, applet: ThaiIdApplet | None = None, *, pull_after: int | None = None,
                 mute: bool = False) -> None:  # fmt: skip
        self.port = port
        self.applet = applet or ThaiIdApplet()
        self.pull_after = pull_after
        self.mute = mute
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.inserted_at = 0.0

    def insert(self) -> VirtualCard:
        self._sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        self._sock.settimeout(None)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.inserted_at = time.perf_counter()
        self._thread = threading.Thread(target=self._serve, args=(self._sock,), daemon=True)
        self._thread.start()
        return self

    def pull(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(5)

    def _recv(self, sock: socket.socket, n: int) -> bytes | None:
        buf = b""
        while len(buf) < n:
            # vpcd writes the length and the APDU in two sends; acknowledge at once, or Nagle's algorithm there and
            # a delayed ACK here add 40 ms to every exchange (a real reader's USB round trip is a few ms)
            with contextlib.suppress(OSError, AttributeError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            chunk = sock.recv(n - len(buf))
            if not chunk:
                return None
            buf += chunk
        return buf

    def _send(self, sock: socket.socket, data: bytes) -> None:
        sock.sendall(struct.pack(">H", len(data)) + data)

    def _serve(self, sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while True:
                head = self._recv(sock, 2)
                if head is None:
                    return
                msg = self._recv(sock, struct.unpack(">H", head)[0])
                if msg is None:
                    return
                if len(msg) == 1:  # control: 0 off, 1 on, 2 reset, 4 ATR
                    if msg[0] in (0, 1, 2):
                        self.applet.power()
                    elif msg[0] == 4:
                        self._send(sock, b"" if self.mute else self.applet.atr)
                    continue
                if self.pull_after is not None and len(self.applet.apdus) >= self.pull_after:
                    sock.shutdown(socket.SHUT_RDWR)  # pulled out in the middle of the read
                    return
                self._send(sock, self.applet.answer(msg))


# --- the daemon ------------------------------------------------------------------------------------------------------


def require(condition: bool, why: str) -> None:
    """Skip on a developer machine without the tool; fail under CI, where setup.sh installs it."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{why} (CI installs it through scripts/setup.sh)")
    pytest.skip(why)


def _free_port_pair() -> int:
    """A port P with P and P+1 free (vpcd opens one port per slot: P for slot 0, P+1 for slot 1)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with socket.socket() as s2:
            try:
                s2.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair")


def _die_with_parent() -> None:
    """In the daemon's process before exec: SIGTERM when the test process dies, even killed (no orphan pcscd)."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def socket_for(folder: Path) -> Path:
    """The client socket path of a stack in ``folder``. The PC/SC client library reads ``PCSCLITE_CSOCK_NAME`` once
    per process, at the first PC/SC call (any check-in page's card watcher makes one): tests/conftest.py sets it to
    this path when the test session starts, before any window opens."""
    return folder / "run" / "pcscd.comm"


class PcscStack:
    """``pcscd -f`` with only the vpcd reader (its own reader.conf.d on free ports), on its own socket.

    pcsc-lite 1.9 always puts its socket in /run/pcscd; to keep it private the daemon runs in its own mount
    namespace with a temporary folder mounted over /run/pcscd (``unshare -m``), and the client library is pointed at
    that folder's socket with ``PCSCLITE_CSOCK_NAME``. Where namespaces are not allowed, and no other pcscd runs, the
    daemon uses /run/pcscd itself."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port_pair()
        self.proc: subprocess.Popen | None = None
        self.socket_path: Path | None = None
        self._env_before = os.environ.get("PCSCLITE_CSOCK_NAME")
        self.with_reader = True

    def _command(self, conf: Path, run: Path) -> tuple[list[str], Path]:
        pcscd = shutil.which("pcscd") or "/usr/sbin/pcscd"
        unshare = shutil.which("unshare")
        if unshare and os.geteuid() == 0:
            probe = subprocess.run([unshare, "-m", "--propagation", "private", "true"], capture_output=True)
            if probe.returncode == 0:
                script = f'mkdir -p /run/pcscd && mount --bind "{run}" /run/pcscd && exec "{pcscd}" -f -a -c "{conf}"'
                return [unshare, "-m", "--propagation", "private", "sh", "-c", script], run / "pcscd.comm"
        if Path("/run/pcscd/pcscd.comm").exists():
            require(False, "another pcscd holds /run/pcscd and namespaces are not available")
        # the client library is pointed at run/pcscd.comm: let that name lead to the daemon's fixed socket
        (run / "pcscd.comm").unlink(missing_ok=True)
        (run / "pcscd.comm").symlink_to("/run/pcscd/pcscd.comm")
        return [pcscd, "-f", "-a", "-c", str(conf)], Path("/run/pcscd/pcscd.comm")

    def start(self, *, with_reader: bool = True) -> PcscStack:
        """Start the daemon (again), with the vpcd reader or with no reader at all."""
        require(bool(shutil.which("pcscd") or Path("/usr/sbin/pcscd").exists()), "pcscd is not installed")
        require(VPCD_DRIVER.exists(), "the vsmartcard-vpcd reader driver is not installed")
        conf, run = self.folder / "reader.conf.d", self.folder / "run"
        conf.mkdir(parents=True, exist_ok=True)
        run.mkdir(parents=True, exist_ok=True)
        (conf / "vpcd").unlink(missing_ok=True)
        if with_reader:
            (conf / "vpcd").write_text(
                f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:{self.port}\nLIBPATH {VPCD_DRIVER}\n'
                f"CHANNELID {self.port}\n"
            )
        self.with_reader = with_reader
        cmd, _ = self._command(conf, run)
        self.socket_path = socket_for(self.folder)
        log = (self.folder / "pcscd.log").open("wb")
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                     preexec_fn=_die_with_parent)
        os.environ["PCSCLITE_CSOCK_NAME"] = str(self.socket_path)
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 10.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError("pcscd exited: " + self.log())
            if self.socket_path is not None and self.socket_path.exists() and self._port_open():  # exists(): follows links
                time.sleep(0.1)  # the socket exists a moment before the daemon accepts on it
                return
            time.sleep(0.05)
        raise RuntimeError("pcscd did not start: " + self.log())

    def _port_open(self) -> bool:
        if not self.with_reader:
            return True
        out = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout if shutil.which("ss") else ""
        return f":{self.port} " in out or not out

    def wait_empty(self, timeout: float = 5.0) -> None:
        """Wait until pcscd has seen the previous test's card go (it polls the virtual slot): a new watcher would
        otherwise read the card that was just pulled."""
        from smartcard import scard

        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            return
        try:
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                hresult, readers = scard.SCardListReaders(ctx, [])
                if hresult != scard.SCARD_S_SUCCESS or not readers:
                    return
                hresult, states = scard.SCardGetStatusChange(ctx, 0, [(r, scard.SCARD_STATE_UNAWARE) for r in readers])
                if hresult == scard.SCARD_S_SUCCESS and not any(s[1] & scard.SCARD_STATE_PRESENT for s in states):
                    return
                time.sleep(0.05)
        finally:
            scard.SCardReleaseContext(ctx)

    def log(self) -> str:
        path = self.folder / "pcscd.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def card(self, person: CardPerson | None = None, *, atr: bytes = ATR_3B68, **kw) -> VirtualCard:
        return VirtualCard(self.port, ThaiIdApplet(person or CardPerson(), atr, **kw.pop("applet", {})), **kw)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def close(self) -> None:
        self.stop()
        if self._env_before is None:
            os.environ.pop("PCSCLITE_CSOCK_NAME", None)
        else:
            os.environ["PCSCLITE_CSOCK_NAME"] = self._env_before
