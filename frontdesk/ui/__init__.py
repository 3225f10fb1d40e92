"""The PySide6 desktop app (see docs/ui.md). Importing this package applies :func:`_guard_singletons`."""

from __future__ import annotations

import ctypes
import sys


def _guard_singletons() -> bool:
    """Work around a PySide6 6.12.0 reference-counting bug on CPython < 3.12.

    Every delivery of a signal to a Python callable drops one reference too many: to ``True`` when the
    signal is emitted from Python, to ``None`` when Qt emits it (measured: 20 emits → refcount −20).
    On CPython 3.11 these singletons are ordinary objects (``True`` starts near 500 references), so after
    a few hundred clicks and keystrokes the interpreter aborts with "Fatal Python error: bool_dealloc" —
    mid-shift, or at exit. CPython ≥ 3.12 makes them immortal, which hides the bug; this gives 3.11 the
    same guarantee by adding 2**40 references that are never released. The three objects are never
    deallocated in any case, so nothing else changes. Returns True when applied.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False
    extra = 1 << 40
    for obj in (None, True, False):
        cell = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of PyObject
        if abs(cell.value - sys.getrefcount(obj)) > 64:
            return False  # unexpected layout: leave it alone
        cell.value += extra
    return True


SINGLETONS_GUARDED = _guard_singletons()
