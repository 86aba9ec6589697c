"""Work around a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

Measured with PySide6 6.12.0: every call from Python of a Qt method returning ``void`` gives back ``None`` without
taking a reference to it, and every ``Signal.emit()`` does the same with ``True``. On CPython 3.12+ those objects are
immortal and nothing happens; on 3.11 each call lowers their reference count by one, and after some tens of thousands
of calls (a language switch, a few hundred table refreshes) the interpreter aborts with "Fatal Python error:
none_dealloc / bool_dealloc" — in the tests at exit, in a long session mid-workshop. pyproject.toml excludes 6.12.0;
this guard keeps a machine that got it anyway (a distribution package, a forced install) from crashing.

:func:`pin_singletons` does what CPython 3.12 does: it makes ``None``, ``True`` and ``False`` effectively immortal by
raising their reference counts far beyond anything a session can lower them by. Imported by ``lampang_planner.ui``
before any Qt code runs; harmless where the bug is absent.
"""

from __future__ import annotations

import sys

PIN = 1 << 40


def pin_singletons() -> bool:
    """Raise the reference counts of None, True and False by 2**40 (once). Returns True when it did so."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or getattr(sys, "_lampang_pinned", False):
        return False
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += PIN  # ob_refcnt is a PyObject's first field
    sys._lampang_pinned = True  # type: ignore[attr-defined]
    return True
