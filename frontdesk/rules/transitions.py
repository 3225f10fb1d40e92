"""The lifecycle: which status a request may become (:func:`check_transition`) and what a change writes
(:func:`status_change`, :func:`assign_change`, :func:`void_change`, :func:`survey_change`), so the desk and
the central server write the same fields. Part of the rulebook (:mod:`frontdesk.rules`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .. import limits as L
from ..deadlines import local_date, promised_date
from ..errors import InvalidInput, InvalidTransition, NotPermitted, Stale
from ..i18n import QT_TRANSLATE_NOOP
from ..lifecycle import STATUSES, TERMINAL, TRANSITIONS

VOIDABLE = frozenset({"received", "returned"})  # a mistaken intake nobody has worked on yet


def check_transition(status: str, target: str, receipt_no: str, version: int | None = None) -> None:
    if target not in STATUSES:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown status {status}."), field="status", status=target)
    if target not in TRANSITIONS.get(status, frozenset()):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it cannot become {target}."),
            receipt_no=receipt_no,
            status=status,
            target=target,
            current={"status": status, "version": version},
        )


def status_change(
    current: Mapping[str, Any], target: str, when: dt.datetime, data: Mapping[str, Any], *, deliver: bool
) -> dict[str, Any]:
    """The fields a status change (or delivery) at ``when`` writes on a request whose state is ``current``
    (its ``status``, ``receipt_no``, ``version``, ``updated_at`` and ``standard_days``). Raises when the
    transition is not allowed from ``current``'s status."""
    if deliver and target != "delivered":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A delivery ends in status delivered."), field="status")
    if not deliver and target == "delivered":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A delivery records who collected the result."), field="status")
    status = current["status"]
    check_transition(status, target, current["receipt_no"], current.get("version"))
    out: dict[str, Any] = {}
    if target in ("ready", "rejected"):
        out["completed_at"] = when
    elif target == "in_progress" and status == "ready":
        out["completed_at"] = None
    if status == "returned" and target == "received":
        out["due_date"] = promised_date(when, int(current["standard_days"]))
        out["documents_missing"] = []
    missing = data.get("missing")
    if missing is not None:
        if target != "returned":
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a return for completion names missing documents."),
                               field="missing")  # fmt: skip
        out["documents_missing"] = list(missing)
    if target == "delivered":
        rating = data.get("rating")
        out["delivered_at"] = when
        out["rating"] = rating if isinstance(rating, int) and not isinstance(rating, bool) else None
    out["status"] = target
    out["version"] = int(current["version"]) + 1
    out["updated_at"] = max(current["updated_at"], when)
    return out


def assign_change(current: Mapping[str, Any], to: str, base_version: int | None, when: dt.datetime) -> dict[str, Any]:
    """What a reassignment writes. Terminal requests cannot be reassigned; with ``base_version`` (the
    server) a reassignment made after that version — someone reassigned it first — is stale."""
    if current["status"] in TERMINAL:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status} and cannot be reassigned."),
            receipt_no=current["receipt_no"],
            status=current["status"],
            current={"assignee": current.get("assignee"), "version": current["version"], "status": current["status"]},
        )
    if base_version is not None and int(current.get("assigned_version") or 0) > base_version:
        raise Stale(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} was reassigned to {assignee} in the meantime."),
            receipt_no=current["receipt_no"],
            assignee=current.get("assignee") or "-",
            current={"assignee": current.get("assignee"), "version": current["version"], "status": current["status"]},
        )
    version = int(current["version"]) + 1
    return {"assignee": to, "version": version, "assigned_version": version,
            "updated_at": max(current["updated_at"], when)}  # fmt: skip


def void_change(current: Mapping[str, Any], actor: str, when: dt.datetime) -> dict[str, Any]:
    """What voiding a mistaken intake writes: only its creator, on the local day it was received, before
    anyone worked on it. The receipt number stays used (never issued again)."""
    if current["created_by"] != actor:
        raise NotPermitted(QT_TRANSLATE_NOOP("errors", "Only the clerk who received a request can void it."))
    if local_date(when) != local_date(current["created_at"]):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} can be voided only on the day it was received."),
            receipt_no=current["receipt_no"],
            current={"status": current["status"], "version": current["version"]},
        )
    if current["status"] not in VOIDABLE:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: it can no longer be voided."),
            receipt_no=current["receipt_no"],
            status=current["status"],
            current={"status": current["status"], "version": current["version"]},
        )
    return {"status": "cancelled", "version": int(current["version"]) + 1,
            "updated_at": max(current["updated_at"], when)}  # fmt: skip


def survey_change(current: Mapping[str, Any], when: dt.datetime, *, answered: bool) -> dict[str, Any]:
    """What a citizen's survey answer writes: open once the request was delivered, rejected or returned for
    completion, and answered once per request (``answered``: the receiving side already has an answer)."""
    if current["status"] not in L.SURVEY_STATUSES:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Request {receipt_no} is {status}: its survey opens after it is handed over, "
                                        "rejected or returned."),
            receipt_no=current["receipt_no"], status=current["status"],
            current={"status": current["status"], "version": current["version"]},
        )  # fmt: skip
    if answered:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "The survey of request {receipt_no} has already been answered."),
            receipt_no=current["receipt_no"],
            current={"status": current["status"], "version": current["version"]},
        )
    return {"updated_at": max(current["updated_at"], when)}
