"""Time and identifiers generated on the workstation."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def utcnow() -> dt.datetime:
    """Naive UTC now: every stored time in the local store is naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def uuid7() -> str:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter that keeps ids generated in
    the same millisecond monotonic, then random bits. Hand-written because the standard library gains
    ``uuid.uuid7`` only in Python 3.14; sortable ids keep SQLite's primary-key index append-mostly."""
    global _last_ms, _seq
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            _seq += 1
            if _seq > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms += 1
                _seq = 0
            ms = _last_ms
        else:
            _last_ms = ms
            _seq = int.from_bytes(os.urandom(2), "big") & 0x3FF  # random start, room to count up
        seq = _seq
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | seq << 64 | 0b10 << 62 | rand
    return str(uuid.UUID(int=value))
