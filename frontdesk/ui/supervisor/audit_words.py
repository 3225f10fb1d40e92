"""The audit trail in words: an entry's details (stored as a small JSON object of identifiers) as a
sentence in the user's language — statuses by their labels, people by their names, the reason of a
reassignment or a decision found in the request's history (the trail itself keeps no free text)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.audit import AuditView
from frontdesk.lifecycle import status_label

_EVENT_OF_ACTION = {"reassign": "assign", "status": "status"}


_ROLES = {"clerk": "Clerk", "supervisor": "Supervisor", "admin": "Administrator"}  # context "roles"


def _status(s: str | None) -> str:
    return QCoreApplication.translate("status", status_label(s)) if s else "—"


def reason_of(e: AuditView, reasons: dict[tuple[str, str, dt.datetime], str]) -> str | None:
    kind = "void" if e.details.get("kind") == "void" else _EVENT_OF_ACTION.get(e.action)
    if not (kind and e.subject):
        return None
    return reasons.get((e.subject, kind, e.time.replace(microsecond=0)))


def describe(e: AuditView, names: dict[str, str], reasons: dict[tuple[str, str, dt.datetime], str]) -> str:
    """What happened, in words (subject first when there is one)."""
    d: dict[str, Any] = dict(e.details or {})
    parts: list[str] = []
    if e.action == "status" or ("from_status" in d and "to_status" in d):
        parts.append(
            QCoreApplication.translate("AuditWords", "{old} → {new}").format(
                old=_status(d.pop("from_status", None)), new=_status(d.pop("to_status", None))
            )
        )
    elif "to_status" in d:
        parts.append(_status(d.pop("to_status")))
    if e.action == "reassign":
        old, new = d.pop("from", None), d.pop("to", None)
        d.pop("base_version", None)
        parts.append(
            QCoreApplication.translate("AuditWords", "from {old} to {new}").format(
                old=names.get(old, old) if old else "—", new=names.get(new, new) if new else "—"
            )
        )
    if "rating" in d:
        parts.append(QCoreApplication.translate("AuditWords", "satisfaction {n} of 5").format(n=d.pop("rating")))
    if "copy" in d:
        copy = d.pop("copy") or 0
        parts.append(
            QCoreApplication.translate("AuditWords", "copy {n}").format(n=copy)
            if copy
            else QCoreApplication.translate("AuditWords", "original")
        )
    if "username" in d:
        user = d.pop("username")
        parts.append(names.get(user, str(user)))
    if "role" in d:
        role = str(d.pop("role"))
        parts.append(QCoreApplication.translate("roles", _ROLES.get(role, role)))
    if "active" in d:
        parts.append(
            QCoreApplication.translate("AuditWords", "active")
            if d.pop("active")
            else QCoreApplication.translate("AuditWords", "not active")
        )
    for key, value in sorted(d.items()):  # anything else: as it is (numbers and codes)
        parts.append(f"{key}: {value}")
    reason = reason_of(e, reasons)
    if reason:
        parts.append(QCoreApplication.translate("AuditWords", "reason: {reason}").format(reason=reason))
    text = "; ".join(p for p in parts if p)
    return f"{e.subject} — {text}" if e.subject and text else (e.subject or text)
