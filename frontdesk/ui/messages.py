"""Turning exceptions into what the user reads.

A user-fixable problem (invalid input, not permitted, conflict, printer unavailable, database busy, disk
full) becomes a plain sentence in the user's language. Anything else is a bug: logged with its traceback
and shown as a calm "something went wrong, nothing was half-written" dialog. The UI never imports
SQLAlchemy, so database errors are recognised by their class name and message.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from frontdesk.errors import FrontdeskError

CONTEXT = "messages"


def qt_translate(context: str, text: str) -> str:
    """``(context, text) -> str`` for ``FrontdeskError.render`` and the core's ``translate=`` arguments."""
    return QCoreApplication.translate(context, text)


_STATUS_PARAMS = ("status", "from_status", "to_status", "old", "new", "to", "target", "current")


def render(exc: FrontdeskError) -> str:
    """A core error in the user's words: its sentence translated, and its values too — a status
    identifier ("delivered") becomes its translated label, a lockout's UTC clock time local time. The
    core's own ``render`` would put the raw values into the translated sentence."""
    from frontdesk.lifecycle import STATUSES, status_label
    from frontdesk.localtime import utc_hhmm_to_local

    params = dict(exc.params)
    for key in _STATUS_PARAMS:
        value = params.get(key)
        if isinstance(value, str) and value in STATUSES:
            params[key] = QCoreApplication.translate("status", status_label(value))
    template = QCoreApplication.translate(exc.context, exc.text)
    if isinstance(params.get("until"), str):
        # auth.py says a lockout's end as a UTC clock time ("… until 13:05 (UTC)"); on screen it is local
        params["until"] = utc_hhmm_to_local(params["until"])
        template = template.replace(" (UTC)", "")
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return exc.render(qt_translate)


@dataclass
class Problem:
    message: str
    is_bug: bool
    exc: BaseException
    traceback: str = ""

    @property
    def kind(self) -> str:
        return type(self.exc).__name__


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def describe(exc: BaseException) -> Problem:
    """Classify ``exc``; render its message with the installed translator."""
    if isinstance(exc, FrontdeskError):
        return Problem(render(exc), False, exc)
    for e in _chain(exc):
        text = str(e).lower()
        name = type(e).__name__
        if name == "OperationalError" and "locked" in text:
            return Problem(
                QCoreApplication.translate(
                    "messages",
                    "The database is busy (another program on this computer is using it). "
                    "Nothing was saved; try again in a moment.",
                ),
                False,
                exc,
            )
        if "disk is full" in text or (isinstance(e, OSError) and e.errno == errno.ENOSPC):
            return Problem(
                QCoreApplication.translate(
                    "messages", "The disk is full. Nothing was saved; free some space and try again."
                ),
                False,
                exc,
            )
        if isinstance(e, PermissionError):
            return Problem(
                QCoreApplication.translate(
                    "messages",
                    "Permission denied when writing a file ({path}). Ask IT to check the data directory.",
                ).format(path=e.filename or ""),
                False,
                exc,
            )
    return Problem(
        QCoreApplication.translate(
            "messages",
            "Something went wrong. Nothing was half-written; the details are in the log file. "
            "Please tell IT what you were doing.",
        ),
        True,
        exc,
    )
