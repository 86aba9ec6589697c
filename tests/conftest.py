"""Shared fixtures. Qt runs offscreen in every test; core tests never import Qt."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest_plugins = ["slow_first"]  # the longest test files first (tests/slow_first.py)


def _ram_temp() -> None:
    """The tests' files in RAM (/dev/shm, a tmpfs) when it has room: the program fsyncs its databases, backups and
    bundles as it should, and on a disk shared with other work those waits were a third of the suite's time; the
    files and the calls are the same (a SIGKILL leaves a file in the page cache either way, and the full-disk tests
    mount their own tmpfs). pytest's folders (``tmp_path``) go to /dev/shm/pytest-of-USER (only failed tests' are
    kept, see pyproject), other temporary files to a folder of this run, removed when it ends. xdist's workers inherit
    the controller's choice. ``LAMPANG_TEST_RAMDISK=0`` keeps everything on disk."""
    if os.environ.get("LAMPANG_TEST_RAMDISK") == "0" or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    shm = Path("/dev/shm")
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            is_tmpfs = any(line.split()[1:3] == [str(shm), "tmpfs"] for line in mounts)
        free = shutil.disk_usage(shm).free
    except OSError:
        return
    if not is_tmpfs or free < 6 << 30 or not os.access(shm, os.W_OK):  # a run writes up to ~1.5 GiB
        return
    os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", str(shm))  # pytest's own base folder
    run = tempfile.mkdtemp(prefix="lampang-tests-", dir=shm)
    atexit.register(shutil.rmtree, run, True)
    os.environ["TMPDIR"] = tempfile.tempdir = run


_ram_temp()

# Every PC/SC call of this test process (the check-in page's card watcher in any window test, the ID-card tests) goes
# to the private pcscd the ``pcsc_stack`` fixture starts in this folder, never to a real reader of the machine: the
# client library reads the variable once, at its first call (see tests/pcsc_support.py).
PCSC_FOLDER = Path(tempfile.mkdtemp(prefix="lampang-pcsc-"))
os.environ["PCSCLITE_CSOCK_NAME"] = str(PCSC_FOLDER / "run" / "pcscd.comm")
atexit.register(shutil.rmtree, PCSC_FOLDER, True)
# Keys in files during the tests: never in the keyring of whoever runs them (test_key_store starts its own keyring).
os.environ.setdefault("LAMPANG_KEY_STORE", "file")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "production_scrypt: scrypt at the program's own cost (see ``cheap_scrypt``)")


@pytest.fixture(autouse=True)
def cheap_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """PINs and kit passphrases hashed with scrypt at N=2^10 in this test process instead of the program's 2^14
    (office and kiosk PIN, ~50 ms each, 150 of them a run) and 2^17 (a kit's passphrase, ~0.4 s, both ends): the
    records and manifests carry their N, so every check reads the cost it was made with, as the program does. Tests
    marked ``production_scrypt`` keep the program's cost and check its parameters (test_privacy_pin,
    test_bundle_crypto); child processes (the command line run as a program) always do."""
    if request.node.get_closest_marker("production_scrypt"):
        return
    from lampang_planner.core.privacy import pin
    from lampang_planner.core.sync import seal

    monkeypatch.setattr(pin, "SCRYPT_N", 1 << 10)
    monkeypatch.setattr(seal, "SCRYPT_N", 1 << 10)


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
    """A new, empty data folder: a copy of the process's template database (``folder_support``); its first open gives
    it a device of its own, with a new id, as a new folder's first start does."""
    from folder_support import new_store

    store = new_store(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture
def machine_a_day_behind():
    """The machine keeps UTC−17, exactly one day behind Lampang at any moment (as a UTC or New York machine is for
    part of each day); yields Lampang's date, checked to differ from the machine's."""
    import datetime as dt
    import time

    old = os.environ.get("TZ")
    os.environ["TZ"] = "LMT+17"
    time.tzset()
    try:
        lampang = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
        assert dt.date.today() == lampang - dt.timedelta(days=1)
        yield lampang
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


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


if os.environ.get("LAMPANG_TEST_TIMES"):  # measuring the suite: each test's wall and CPU time (this process and the
    import resource  # children it waited for) as tab-separated lines appended to $LAMPANG_TEST_TIMES
    import time

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(item, nextitem):
        def cpu() -> float:
            own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

        wall, used = time.perf_counter(), cpu()
        yield
        with open(os.environ["LAMPANG_TEST_TIMES"], "a", encoding="utf-8") as out:
            out.write(f"{time.perf_counter() - wall:.3f}\t{cpu() - used:.3f}\t{item.nodeid}\n")
