"""Private files: whatever holds citizens' data is readable by the account the desk runs under, and only it.

On POSIX: the data directory (and ``backups/``, the log directory) ``0700``; the database, its ``-wal`` and
``-shm`` files, backups, exports and logs ``0600``. Files are *created* with that mode (never created open
and narrowed afterwards), and what an earlier version left wider is narrowed at the next start
(:func:`tighten_home`). SQLite gives a database's ``-wal`` and ``-shm`` files the mode of the database
file, so creating the database ``0600`` covers them.

On Windows there are no mode bits: a directory gets a protected ACL (inheritance from above removed) that
grants full control to the account alone, inherited by everything created inside; a file written
elsewhere (``backup --out``, an export) gets the same for itself. The ACL is applied with ``icacls``
(part of every Windows since Vista), its arguments built by :func:`icacls_arguments` and the account's
SID read by :func:`parse_whoami_sid` — both plain functions, unit-tested on Linux. :func:`sddl` gives the
same ACL in SDDL for documentation and for tools that take SDDL.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600
WINDOWS = sys.platform == "win32"
_SID_RE = re.compile(r"S-1-\d+(?:-\d+){1,15}")


# ------------------------------------------------------------------------------------------ Windows


def sddl(sid: str, *, directory: bool) -> str:
    """The protected DACL (``P``: nothing inherited from above) granting full access (``FA``) to ``sid``
    alone — for a directory, inherited by the files (``OI``) and directories (``CI``) inside it."""
    _check_sid(sid)
    return f"D:P(A;{'OICI' if directory else ''};FA;;;{sid})"


def icacls_arguments(path: str | os.PathLike[str], sid: str, *, directory: bool) -> list[str]:
    """``icacls`` arguments giving ``path`` the ACL of :func:`sddl`: inheritance removed (``/inheritance:r``,
    which drops the inherited entries), then full control granted to ``sid`` alone, replacing any entry it
    had (``/grant:r``); ``/q`` keeps the tool quiet."""
    _check_sid(sid)
    grant = f"*{sid}:(OI)(CI)F" if directory else f"*{sid}:F"
    return ["icacls", str(path), "/inheritance:r", "/grant:r", grant, "/q"]


def parse_whoami_sid(output: str) -> str:
    """The SID in the output of ``whoami /user /fo csv /nh`` (``"host\\user","S-1-5-21-…"``)."""
    found = _SID_RE.findall(output)
    if not found:
        raise ValueError("whoami printed no SID")
    return str(found[-1])


def _check_sid(sid: str) -> None:
    if not _SID_RE.fullmatch(sid):
        raise ValueError(f"not a Windows SID: {sid!r}")


_sid_cache: list[str] = []


def _current_sid() -> str:
    if not _sid_cache:
        out = subprocess.run(["whoami", "/user", "/fo", "csv", "/nh"], capture_output=True, text=True, check=True,
                             timeout=30).stdout  # fmt: skip
        _sid_cache.append(parse_whoami_sid(out))
    return _sid_cache[0]


def _windows_restrict(path: Path, *, directory: bool) -> None:  # pragma: no cover - Windows only
    try:
        subprocess.run(icacls_arguments(path, _current_sid(), directory=directory), capture_output=True, check=True,
                       timeout=60)  # fmt: skip
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        log.warning("could not restrict the access list of %s (%s)", path, exc.__class__.__name__)


# ------------------------------------------------------------------------------------------ both


def secure_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and its parents) if needed and make it private to this account."""
    p = Path(path)
    p.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if WINDOWS:  # pragma: no cover
        _windows_restrict(p, directory=True)
    else:
        _chmod(p, DIR_MODE)
    return p


def secure_file(path: str | os.PathLike[str]) -> None:
    """Make an existing file private to this account (a missing one is left alone)."""
    p = Path(path)
    if WINDOWS:  # pragma: no cover
        if p.exists():
            _windows_restrict(p, directory=False)
    else:
        _chmod(p, FILE_MODE)


def _chmod(p: Path, mode: int) -> None:
    try:
        st = p.stat()
    except FileNotFoundError:
        return
    if stat.S_IMODE(st.st_mode) != mode:
        try:
            p.chmod(mode)
        except PermissionError:  # not ours (e.g. a shared mount): say so, do not fail the start
            log.warning("cannot narrow the permissions of %s", p)


def create_private(path: str | os.PathLike[str]) -> Path:
    """Make sure ``path`` exists as a private file: created empty with mode 0600 when missing, narrowed
    when it exists. SQLite treats an empty file as a new database."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        secure_file(p)
    else:
        os.close(fd)
        secure_file(p)  # the umask may have narrowed it further; Windows: the ACL
    return p


@contextlib.contextmanager
def open_private(path: str | os.PathLike[str], mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Write a new file privately and atomically: into ``NAME.part`` created 0600 beside it, flushed to
    disk, then renamed over ``path`` — a failure half-way leaves no half-written file behind."""
    p = Path(path)
    part = p.with_name(p.name + ".part")
    part.unlink(missing_ok=True)
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        secure_file(part)
        os.replace(part, p)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def write_private(path: str | os.PathLike[str], data: bytes | str, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` as a private file (see :func:`open_private`)."""
    if isinstance(data, str):
        with open_private(path, "w", encoding=encoding, newline="") as f:
            f.write(data)
    else:
        with open_private(path, "wb") as f:
            f.write(data)
    return Path(path)


def tighten_home(home: str | os.PathLike[str], db_name: str) -> None:
    """Narrow what an earlier version created wider in a data directory: the directory, the database
    with its ``-wal``/``-shm``/``-journal`` files, and the backups and set-aside copies kept inside."""
    h = secure_dir(home)
    if WINDOWS:  # pragma: no cover - the directory's ACL is inherited by everything inside it
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        secure_file(h / f"{db_name}{suffix}")
    for sub in ("backups", "restore"):
        d = h / sub
        if d.is_dir():
            secure_dir(d)
            for f in d.iterdir():
                if f.is_file():
                    secure_file(f)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log file, created 0600 in a 0700 directory (each rotated file keeps the mode)."""

    def __init__(self, filename: str | os.PathLike[str], **kwargs: Any) -> None:
        secure_dir(Path(filename).parent)
        create_private(filename)
        super().__init__(filename, **kwargs)

    def _open(self) -> Any:
        create_private(self.baseFilename)
        return super()._open()


__all__ = [
    "DIR_MODE",
    "FILE_MODE",
    "PrivateRotatingFileHandler",
    "create_private",
    "icacls_arguments",
    "open_private",
    "parse_whoami_sid",
    "sddl",
    "secure_dir",
    "secure_file",
    "tighten_home",
    "write_private",
]
