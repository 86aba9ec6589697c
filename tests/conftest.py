"""Shared fixtures. Qt runs offscreen in every test; core tests never import Qt."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every PC/SC call of this test process (the check-in page's card watcher in any window test, the ID-card tests) goes
# to the private pcscd the ``pcsc_stack`` fixture starts in this folder, never to a real reader of the machine: the
# client library reads the variable once, at its first call (see tests/pcsc_support.py).
PCSC_FOLDER = Path(tempfile.mkdtemp(prefix="lampang-pcsc-"))
os.environ["PCSCLITE_CSOCK_NAME"] = str(PCSC_FOLDER / "run" / "pcscd.comm")
atexit.register(shutil.rmtree, PCSC_FOLDER, True)
# Keys in files during the tests: never in the keyring of whoever runs them (test_key_store starts its own keyring).
os.environ.setdefault("LAMPANG_KEY_STORE", "file")


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo data folder made once per test session; copy it before changing it (see ``demo_store``)."""
    from lampang_planner.core.db import Store
    from lampang_planner.core.demo import load_demo

    folder = tmp_path_factory.mktemp("demo-master")
    with Store.open(folder) as store:
        load_demo(store)
        store.set_device(role="office", name="office")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    from lampang_planner.core.sync.keys import load_box_key

    load_box_key(folder, create=True)  # the office's encryption key: every copy is the same office (laptops seal to it)
    return folder


@pytest.fixture
def demo_dir(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy of the demo data folder (the device id is the master's: fine within one test)."""
    target = tmp_path / "demo"
    shutil.copytree(demo_folder, target)
    return target


@pytest.fixture
def demo_store(demo_dir: Path):
    from lampang_planner.core.db import Store

    store = Store.open(demo_dir)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path):
    from lampang_planner.core.db import Store

    store = Store.open(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture(scope="session")
def pcsc_stack():
    """One private pcscd with the vpcd virtual reader for the session (the PC/SC client library keeps the socket
    path it first used, so the daemon is restarted in place rather than replaced). See ``tests/pcsc_support.py``."""
    from pcsc_support import PcscStack

    stack = PcscStack(PCSC_FOLDER)
    stack.start()
    yield stack
    stack.close()


@pytest.fixture
def pcsc(pcsc_stack):
    """The session's PC/SC stack, with the virtual reader and pcscd running, for one test."""
    if pcsc_stack.proc is None or pcsc_stack.proc.poll() is not None or not pcsc_stack.with_reader:
        pcsc_stack.stop()
        pcsc_stack.start()
    pcsc_stack.wait_empty()
    return pcsc_stack
