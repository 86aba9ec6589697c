"""Where a private key (the device's signing key, the office's encryption key) is kept at rest.

With an OS keyring that works for this user without anyone typing anything — Windows Credential Manager (DPAPI,
unlocked by the Windows sign-in), macOS Keychain, the Secret Service of a Linux desktop (GNOME Keyring, KWallet,
unlocked at login) — the key itself goes into the keyring (through the ``keyring`` library) and the file in
``keys/`` holds only a pointer (``lampang-planner-keyring:<entry>``). Without one (a headless machine, no D-Bus
session) the key stays in the file, readable by its owner only (0600 in a 0700 folder). A key file written by an
older version is moved into the keyring the first time it is read where a keyring works.

A facilitator's laptop has no one to type a passphrase at every start, so there is none: the protection is the
laptop's sign-in. ``LAMPANG_KEY_STORE=file`` keeps keys in files even where a keyring exists.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from lampang_planner.core.atomic import PRIVATE_FILE, make_private_dir, write_atomically
from lampang_planner.core.errors import UserError

SERVICE = "lampang-planner"
POINTER = b"lampang-planner-keyring:"
ENV_STORE = "LAMPANG_KEY_STORE"  # "file": never use the keyring


def usable_keyring():
    """The OS keyring backend when one works here without a prompt, else None."""
    if os.environ.get(ENV_STORE, "").lower() == "file":
        return None
    try:
        import keyring
        from keyring.backends import chainer, fail
    except Exception:  # not installed, or a backend that fails to import
        return None
    try:
        kr = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(kr, fail.Keyring) or (isinstance(kr, chainer.ChainerBackend) and not kr.backends):
        return None
    if type(kr).__module__.startswith(("keyring.backends.null", "keyrings.alt")):
        return None  # "null" stores nothing; the alt file backends are no better than our own file
    return kr


def where(path: Path) -> str:
    """"keyring" or "file": where the key named by ``path`` is kept (for About and the README's promise)."""
    try:
        return "keyring" if path.read_bytes().startswith(POINTER) else "file"
    except OSError:
        return "file"


def read_key(path: Path) -> bytes:
    """The PEM of the key named by ``path`` (from the keyring when the file points there).

    A key still in a file moves into the keyring now if one works here. Raises OSError when the file is missing, a
    UserError when the keyring entry it points at cannot be read."""
    data = path.read_bytes()
    if not data.startswith(POINTER):
        _move_into_keyring(path, data)
        return data
    entry = data[len(POINTER):].strip().decode("ascii", "replace")
    kr = usable_keyring() if os.environ.get(ENV_STORE, "").lower() != "file" else _any_keyring()
    pem = None
    if kr is not None:
        with contextlib.suppress(Exception):
            pem = kr.get_password(SERVICE, entry)
    if not pem:
        raise UserError(
            f"กุญแจของเครื่องเก็บอยู่ในที่เก็บรหัสผ่านของผู้ใช้ที่ตั้งค่าเครื่องนี้ อ่านไม่ได้ในบัญชีผู้ใช้นี้: {path}",
            f"This folder's key is kept in the OS keyring of the user who set it up and cannot be read here "
            f"(another user or computer, or the keyring is locked): {path}",
            code="bad-device-key",
        )
    return pem.encode("ascii")


def _any_keyring():
    with contextlib.suppress(Exception):
        import keyring

        return keyring.get_keyring()
    return None


def create_key(path: Path, pem: bytes) -> None:
    """Keep a new key under ``path`` unless one is there already (another program made it first: that one wins)."""
    make_private_dir(path.parent)
    kr = usable_keyring()
    entry = f"{path.name}:{secrets.token_hex(8)}"
    content = pem
    if kr is not None:
        try:
            kr.set_password(SERVICE, entry, pem.decode("ascii"))
            content = POINTER + entry.encode("ascii") + b"\n"
        except Exception:
            kr = None  # the keyring refused (locked, no prompt possible): keep the key in the owner-only file
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    _write_new(tmp, content)
    try:
        os.link(tmp, path)  # atomic, and never replaces a key another program made first
    except FileExistsError:
        _forget(kr, entry)
    except OSError:  # file systems without hard links: an exclusive create
        try:
            _write_new(path, content)
        except FileExistsError:
            _forget(kr, entry)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_new(path: Path, content: bytes) -> None:
    """Create ``path`` (never an existing one: FileExistsError), owner-only, with ``content`` flushed to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        os.write(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)


def _forget(kr, entry: str) -> None:
    if kr is not None:
        with contextlib.suppress(Exception):
            kr.delete_password(SERVICE, entry)


def _move_into_keyring(path: Path, pem: bytes) -> None:
    kr = usable_keyring()
    if kr is None:
        return
    entry = f"{path.name}:{secrets.token_hex(8)}"
    try:
        kr.set_password(SERVICE, entry, pem.decode("ascii"))
        if kr.get_password(SERVICE, entry) != pem.decode("ascii"):
            raise RuntimeError("the keyring did not give the key back")
        write_atomically(path, POINTER + entry.encode("ascii") + b"\n", mode=PRIVATE_FILE)
    except Exception:
        _forget(kr, entry)  # the file still holds the key: nothing lost
