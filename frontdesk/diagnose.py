"""``frontdesk diagnose --out FILE.zip``: what an IT officer sends to get help — and no personal data.

The zip holds ``versions.json`` (the app, Python, SQLite/SQLCipher, libraries, the schema), ``settings.json``
(the app's settings of this data directory), ``sync.json`` (enrolment, cursor, pending and rejected ops
and changes set aside — receipt numbers, kinds and reasons, never a payload), ``database.json`` (the
integrity and foreign-key check, the audit chain, counts per status), ``files.json`` (the data
directory's files with their sizes and modes, where the database key is kept — never the key), and
``log-tail.txt`` (the last lines of the log file) with a ``README.txt``.

**No personal data.** Only what is listed above is collected — no table of requests, citizens or users is
copied. And everything written is passed through one redactor first: every personal number, name (and
each word of it), phone number, note and collector of the database, every user's full name, the user's
home directory, and anything shaped like a personal number or a phone number is replaced by
``[redacted]`` (a log line written by an older version, or a server's message quoting a name, cannot
slip through). tests/test_diagnose.py seeds known names and numbers and searches the zip for them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import platform
import re
import stat
import sys
import unicodedata
import zipfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from . import audit, replication
from .db import Store, head_revision
from .models import OutboxOp, Request, RequestEvent, User
from .paths import log_dir
from .private import open_private

LOG_TAIL_LINES = 400
LOG_TAIL_BYTES = 256 * 1024
REDACTED = "[redacted]"
_NID_RE = re.compile(r"\b[A-Za-z]\d{8}[A-Za-z]\b")
_PHONE_RE = re.compile(r"(?<![\w.:-])\+?\d[\d ()./-]{6,}\d(?![\w:])")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2})?")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_RECEIPT_RE = re.compile(r"\b[A-Z0-9]{2,6}-[A-Z0-9]{1,4}-\d{6,7}[A-Z0-9]\b")  # receipt numbers are allowed


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _phone(m: re.Match[str]) -> str:
    """A phone (or identity document) number: 8 or more digits, written with a leading + or 0 or with
    separators — not a date, not a plain count of bytes."""
    found = m.group()
    digits = sum(c.isdigit() for c in found)
    if digits < 8 or _DATE_RE.fullmatch(found.strip()):
        return found
    if found.startswith(("+", "0")) or any(c in found for c in " ()./-"):
        return REDACTED
    return found


class Redactor:
    """Replaces the database's personal data, and what looks like it, in any text."""

    def __init__(self, words: Iterable[str], phrases: Iterable[str]) -> None:
        self.words = {_fold(w) for w in words if len(w) >= 3}
        self.phrases = sorted({p for p in phrases if len(p) >= 3}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        home = str(Path.home())
        if len(home) > 1:  # the account's name is in its home directory: "~" says enough
            text = text.replace(home, "~")
        for p in self.phrases:
            if p in text:
                text = text.replace(p, REDACTED)
        receipts: dict[str, str] = {}

        def keep(m: re.Match[str]) -> str:  # receipt numbers stay readable (they are what IT asks about)
            receipts[f"\x00{len(receipts)}\x00"] = m.group()
            return f"\x00{len(receipts) - 1}\x00"

        text = _RECEIPT_RE.sub(keep, text)
        text = _NID_RE.sub(REDACTED, text)
        text = _PHONE_RE.sub(_phone, text)
        text = _WORD_RE.sub(lambda m: REDACTED if _fold(m.group()) in self.words else m.group(), text)
        for marker, receipt in receipts.items():
            text = text.replace(marker, receipt)
        return text


def _personal(store: Store) -> Redactor:
    words: set[str] = set()
    phrases: set[str] = set()
    with store.read() as s:
        cols = (Request.citizen_nid, Request.citizen_name, Request.citizen_phone, Request.note)
        for row in s.execute(select(*cols)):
            for value in row:
                if value:
                    phrases.add(str(value))
                    words.update(_WORD_RE.findall(str(value)))
        for (data,) in s.execute(select(RequestEvent.data)):
            for value in (data or {}).values() if isinstance(data, dict) else ():
                if isinstance(value, str):
                    phrases.add(value)
                    words.update(_WORD_RE.findall(value))
        for (full_name,) in s.execute(select(User.full_name)):
            phrases.add(full_name)
            words.update(w for w in _WORD_RE.findall(full_name) if not w.isupper())  # keep "(TEST)", "(DEMO)"
        for table in ("citizens",):
            for row in s.execute(text(f"SELECT nid, full_name, phone FROM {table}")):
                for value in row:
                    if value:
                        phrases.add(str(value))
                        words.update(_WORD_RE.findall(str(value)))
    words -= {"TEST", "DEMO", "test", "demo"}
    return Redactor(words, phrases)


def _versions(store: Store) -> dict[str, Any]:
    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    raw = store.engine.raw_connection()
    try:
        con: Any = raw.driver_connection
        sqlite_version = con.execute("SELECT sqlite_version()").fetchone()[0]
        cipher = con.execute("PRAGMA cipher_version").fetchone() if store.key is not None else None
        hmac = con.execute("PRAGMA cipher_hmac_algorithm").fetchone() if store.key is not None else None
    finally:
        raw.close()
    with store.read() as s:
        revision = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return {
        "frontdesk": version("frontdesk"),
        "python": sys.version.split()[0],
        "platform": platform.platform(terse=True),
        "machine": platform.machine(),
        "sqlite": sqlite_version,
        "sqlcipher": cipher[0] if cipher else None,
        "cipher_hmac": hmac[0] if hmac else None,
        "libraries": {
            d: version(d)
            for d in (
                "sqlcipher3",
                "SQLAlchemy",
                "alembic",
                "keyring",
                "requests",
                "pydantic",
                "reportlab",
                "PySide6-Essentials",
                "zxcvbn",
            )
        },
        "schema": {"database": revision, "this_version": head_revision()},
        "frozen": bool(getattr(sys, "frozen", False)),
    }


def _files(store: Store) -> dict[str, Any]:
    home = store.path.parent
    out: list[dict[str, Any]] = []
    for p in sorted([home, *home.rglob("*")]):
        try:
            st = p.stat()
        except OSError:
            continue
        modified = dt.datetime.fromtimestamp(st.st_mtime).isoformat(timespec="seconds")
        out.append({"path": str(p.relative_to(home)) or ".", "dir": p.is_dir(),
                    "bytes": None if p.is_dir() else st.st_size, "mode": oct(stat.S_IMODE(st.st_mode)),
                    "modified": modified})  # fmt: skip
        if len(out) >= 500:
            break
    key = store.key
    where = store.keys.where(key.key_id) if key is not None else None
    return {
        "data_directory": str(home),
        "files": out,
        "encrypted": key is not None,
        "key_id": key.key_id[:8] if key else None,
        "key_kept_in": where if where in (None, "keyring") else "a private file outside the data directory",
    }


def _database(store: Store) -> dict[str, Any]:
    from .dbfiles import check_connection

    raw = store.engine.raw_connection()
    try:
        check = check_connection(raw.driver_connection, store.path.name).as_dict()
    finally:
        raw.close()
    with store.read() as s:
        verified = audit.verify(s)
        by_status = dict(s.execute(select(Request.status, func.count()).group_by(Request.status)).all())
        outbox = dict(s.execute(select(OutboxOp.state, func.count()).group_by(OutboxOp.state)).all())
        users = s.scalar(select(func.count()).select_from(User))
    return {"check": check, "audit": verified.__dict__, "requests_by_status": by_status, "outbox": outbox,
            "users": users}  # fmt: skip


def _sync(store: Store) -> dict[str, Any]:
    st = replication.status(store)
    state = replication.read_state(store)
    return {
        "enrolled": st.enrolled,
        "server_url": st.server_url,
        "epoch": st.epoch,
        "cursor": st.cursor,
        "pending": st.pending,
        "oldest_pending": st.oldest_pending.isoformat() if st.oldest_pending else None,
        "last_success": st.last_success,
        "last_attempt": st.last_attempt,
        "last_error": st.last_error,
        "clone_suspected": st.clone_suspected,
        "clock_skew_s": st.clock_skew_s,
        "audit_anchor": st.audit_anchor,
        "rejected": [{"kind": r.kind, "receipt_no": r.receipt_no, "reason": r.reason} for r in st.rejected[:200]],
        "set_aside": [
            {"seq": x.seq, "kind": x.kind, "receipt_no": x.receipt_no, "reason": x.reason} for x in st.set_aside[:200]
        ],
        "key_escrow": state.get("key_escrow"),
        "restore": {k: state.get(k) for k in ("restored_at", "restore_pending", "receipt_hold")},
    }


def _settings(home: Path) -> Any:
    path = home / "settings.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8")[:65536])
    except (OSError, ValueError):
        return None
    return {k: v for k, v in data.items() if k != "extra"} if isinstance(data, dict) else None


def _log_tail(directory: Path) -> str:
    path = directory / "frontdesk.log"
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - LOG_TAIL_BYTES))
            data = f.read()
    except OSError:
        return f"(no log file at {path})\n"
    lines = data.decode("utf-8", "replace").splitlines()[-LOG_TAIL_LINES:]
    return "\n".join(lines) + "\n"


README = """frontdesk diagnostics ({when})

versions.json   the app, Python, SQLite/SQLCipher, libraries, database schema
settings.json   the app's settings of this data directory
sync.json       enrolment, cursor, pending/rejected ops and set-aside changes (receipt numbers and reasons)
database.json   integrity and foreign-key check, audit chain, counts per status
files.json      the data directory's files: sizes, modes; where the database key is kept (not the key)
log-tail.txt    the last {lines} lines of the log file

Personal data (names, personal numbers, phone numbers, notes) is not collected, and anything that looks
like it is replaced by [redacted].
"""


def write_zip(store: Store, out: Path, *, log_directory: Path | None = None) -> dict[str, int]:
    """Collect, redact and write the zip privately and atomically; returns each member's size."""
    redact = _personal(store)
    parts: dict[str, str] = {}
    builders = (("versions.json", lambda: _versions(store)), ("settings.json", lambda: _settings(store.path.parent)),
                ("sync.json", lambda: _sync(store)), ("database.json", lambda: _database(store)),
                ("files.json", lambda: _files(store)))  # fmt: skip
    for name, build in builders:
        try:
            value = build()
        except Exception as exc:  # one part failing (a damaged table) must not cost the others
            value = {"error": f"{exc.__class__.__name__}: {exc}"[:500]}
        parts[name] = json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n"
    parts["log-tail.txt"] = _log_tail(log_directory or log_dir())
    parts["README.txt"] = README.format(when=dt.datetime.now().isoformat(timespec="seconds"), lines=LOG_TAIL_LINES)
    buf = io.BytesIO()
    sizes: dict[str, int] = {}
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            data = redact(content).encode("utf-8")
            z.writestr(name, data)
            sizes[name] = len(data)
    with open_private(out, "wb") as f:
        f.write(buf.getvalue())
    return sizes


__all__ = ["REDACTED", "Redactor", "write_zip"]
