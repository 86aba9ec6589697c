"""A laptop at rest: folder, database, backups and keys owner-only; the device key in the OS keyring where there is
one (a real GNOME Keyring in its own D-Bus session here), so a copy of the disk alone cannot sign bundles."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import key_store, keys

KEYRING_TOOLS = all(shutil.which(t) for t in ("dbus-run-session", "gnome-keyring-daemon"))
needs_keyring = pytest.mark.skipif(not KEYRING_TOOLS and not os.environ.get("CI"),
                                   reason="gnome-keyring and dbus not installed")

SESSION = r"""
export HOME="$1"; shift
eval "$(printf 'facilitator' | gnome-keyring-daemon --unlock --components=secrets)"
exec "$@"
"""

SIGN = r"""
import json, sys
from pathlib import Path
from lampang_planner.core.sync import key_store, keys
folder = Path(sys.argv[1])
key = keys.load_or_create_device_key(folder)
print(json.dumps({"public": keys.public_hex(key.public_key()), "where": key_store.where(keys.key_path(folder)),
                  "backend": type(key_store.usable_keyring()).__name__}))
"""


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def in_keyring_session(home: Path, folder: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop(key_store.ENV_STORE, None)
    r = subprocess.run(["dbus-run-session", "--", "bash", "-c", SESSION, "session", str(home), sys.executable, "-c",
                        SIGN, str(folder)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_folder_database_backups_and_keys_are_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv(key_store.ENV_STORE, "file")
    folder = tmp_path / "laptop"
    with Store.open(folder) as s:
        s.backup("by-hand")
        keys.load_or_create_device_key(folder)
    assert mode(folder) == 0o700 and mode(folder / "backups") == 0o700 and mode(folder / "keys") == 0o700
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files and all(mode(p) == 0o600 for p in files), {str(p): oct(mode(p)) for p in files}
    os.chmod(folder, 0o755)  # a folder left open by an older version is closed again at the next start
    os.chmod(folder / "lampang_planner.sqlite3", 0o644)
    Store.open(folder).close()
    assert mode(folder) == 0o700 and mode(folder / "lampang_planner.sqlite3") == 0o600


@needs_keyring
def test_the_device_key_lives_in_the_keyring_and_a_copy_of_the_disk_cannot_sign(tmp_path):
    home, folder = tmp_path / "home", tmp_path / "laptop"
    home.mkdir()
    Store.open(folder).close()
    first = in_keyring_session(home, folder)
    assert first["backend"] == "Keyring" and first["where"] == "keyring"
    text = keys.key_path(folder).read_bytes()
    assert b"PRIVATE KEY" not in text and text.startswith(key_store.POINTER)
    assert in_keyring_session(home, folder)["public"] == first["public"]  # the same key at the next start
    stolen = tmp_path / "stolen"
    shutil.copytree(folder, stolen)
    with pytest.raises(UserError) as err:  # the disk without the owner's keyring (another machine, no sign-in)
        keys.load_or_create_device_key(stolen)
    assert err.value.code == "bad-device-key" and "keyring" in err.value.en


@needs_keyring
def test_a_key_file_of_an_older_version_moves_into_the_keyring_unchanged(tmp_path, monkeypatch):
    home, folder = tmp_path / "home", tmp_path / "laptop"
    home.mkdir()
    Store.open(folder).close()
    monkeypatch.setenv(key_store.ENV_STORE, "file")
    before = keys.public_hex(keys.load_or_create_device_key(folder).public_key())
    assert b"PRIVATE KEY" in keys.key_path(folder).read_bytes()
    moved = in_keyring_session(home, folder)
    assert moved["public"] == before and moved["where"] == "keyring"
    assert b"PRIVATE KEY" not in keys.key_path(folder).read_bytes()
