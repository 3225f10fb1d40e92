"""Sync states and rejections in plain words (Albanian and English through Qt Linguist, context "sync")."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.clock import utcnow
from frontdesk.deadlines import OFFICE_TZ
from frontdesk.lifecycle import status_label
from frontdesk.replication import RejectedOp, SyncStatus

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

SUPERVISOR_ROLES = ("supervisor", "admin")
SYNC_NOW_KEYS = ("F5", "Ctrl+R")

# state -> (text colour, background): colour AND words, never colour alone
COLOURS = {
    "not_enrolled": ("#3a3a3a", "#e6e6e6"),
    "syncing": ("#0b4f8a", "#e2eefb"),
    "online": ("#1d6b1d", "#e3f4e3"),
    "pending": ("#6b4a00", "#fff4c2"),
    "offline": ("#8a4b00", "#ffe3c2"),
    "error": ("#a40000", "#fde2e2"),
}


# ---------------------------------------------------------------------------------------- plain words


def local_time(t: dt.datetime | str | None) -> dt.datetime | None:
    """A stored UTC time (naive, or ISO text) in the office's time zone."""
    if t is None or t == "":
        return None
    if isinstance(t, str):
        t = dt.datetime.fromisoformat(t)
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone(OFFICE_TZ)


def hhmm(t: dt.datetime | str | None) -> str:
    lt = local_time(t)
    if lt is None:
        return "—"
    today = dt.datetime.now(OFFICE_TZ).date()
    return f"{lt:%H:%M}" if lt.date() == today else f"{lt:%d.%m. %H:%M}"


def age_text(age: dt.timedelta | None) -> str:
    """ "5 min", "3 h 20 min", "2 days" — how long ago / how long waiting."""
    if age is None:
        return "—"
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("sync", "less than a minute")
    if minutes < 60:
        return QCoreApplication.translate("sync", "{n} min").format(n=minutes)
    if minutes < 48 * 60:
        return QCoreApplication.translate("sync", "{h} h {m} min").format(h=minutes // 60, m=minutes % 60)
    return QCoreApplication.translate("sync", "{n} days").format(n=minutes // (24 * 60))


def _age_since(t: dt.datetime | str | None) -> dt.timedelta | None:
    lt = local_time(t)
    return None if lt is None else dt.datetime.now(dt.UTC) - lt


def failure_kind(reason: str | None) -> str:
    """Which kind of failure an engine reason (English, stored as ``last_error``) is."""
    r = (reason or "").lower()
    if not r:
        return ""
    if "certificate is not trusted" in r:
        return "certificate"
    if "unreachable" in r:
        return "unreachable"
    if "copy of another" in r or "clone" in r:
        return "clone"
    if "not enrolled" in r:
        return "not_enrolled"
    if "refused this workstation" in r or "enrol again" in r:
        return "refused"
    if "keyring" in r:
        return "keyring"
    if r.startswith("central server error") or "answered none" in r:
        return "server_error"
    return "other"


def plain_failure(reason: str | None) -> str:
    """The engine's reason as a plain sentence in the user's language, with what to do."""
    kind = failure_kind(reason)
    if kind == "":
        return QCoreApplication.translate("sync", "No error.")
    if kind == "unreachable":
        return QCoreApplication.translate(
            "sync",
            "The central server cannot be reached (network down or server stopped). Work continues "
            "here; everything is sent when the connection is back.",
        )
    if kind == "certificate":
        return QCoreApplication.translate(
            "sync",
            "The central server's certificate is not trusted: the address may be wrong, or something on the "
            "network is pretending to be the server. Nothing was sent. Work continues here; call IT.",
        )
    if kind == "clone":
        return QCoreApplication.translate(
            "sync",
            "Sync is stopped: the central system suspects this workstation is a copy of another one "
            "(its receipt counter went backwards). Keep working, but call the municipality's IT now.",
        )
    if kind == "not_enrolled":
        return QCoreApplication.translate("sync", "This workstation is not connected to a central server.")
    if kind == "refused":
        return QCoreApplication.translate(
            "sync", "The central system refused this workstation. It must be enrolled again: call IT."
        )
    if kind == "keyring":
        return QCoreApplication.translate(
            "sync", "The workstation's key cannot be read from the system's keyring. Call IT."
        )
    if kind == "server_error":
        return QCoreApplication.translate(
            "sync", "The central server reported an error. It is tried again automatically."
        )
    return QCoreApplication.translate("sync", "Sync failed ({reason}). It is tried again automatically.").format(
        reason=reason
    )


def op_kind_text(kind: str) -> str:
    texts = {
        "request.intake": QCoreApplication.translate("sync", "New request"),
        "request.status": QCoreApplication.translate("sync", "Status change"),
        "request.assign": QCoreApplication.translate("sync", "Reassignment"),
        "request.deliver": QCoreApplication.translate("sync", "Delivery"),
        "request.note": QCoreApplication.translate("sync", "Note"),
        "request.print": QCoreApplication.translate("sync", "Receipt print"),
        "request.sync": QCoreApplication.translate("sync", "Re-sent request"),
        "request.void": QCoreApplication.translate("sync", "Voided by mistake"),
        "service.upsert": QCoreApplication.translate("sync", "Unit service"),
    }
    return texts.get(kind, kind)


def reject_sentence(op: RejectedOp, assignee: str | None = None, status: str | None = None) -> str:
    """Why the central system refused a change, and what to do — from the protocol's reason code. The
    current assignee/status are the local request's after the pull (the central system's state)."""
    who = assignee or QCoreApplication.translate("sync", "nobody")
    st = QCoreApplication.translate("status", status_label(status)) if status else "—"
    reason = op.reason or ""
    if reason == "stale":
        return QCoreApplication.translate(
            "sync",
            "Someone else reassigned this request first; it is now with {assignee}. "
            "Check and reassign again if needed.",
        ).format(assignee=who)
    if reason == "invalid_transition":
        return QCoreApplication.translate(
            "sync",
            "The request had already moved on elsewhere (it is now: {status}), so this change was not "
            "applied. Open the request, check it and repeat the step if it is still needed.",
        ).format(status=st)
    if reason == "unknown_request":
        return QCoreApplication.translate(
            "sync",
            "The central system does not know this request, so the change was not applied. "
            "Call IT and give them the receipt number.",
        )
    if reason == "duplicate_receipt":
        return QCoreApplication.translate(
            "sync",
            "The central system already has this receipt number for another request: this workstation "
            "may be a copy of another one. Call IT now.",
        )
    if reason == "wrong_unit":
        return QCoreApplication.translate(
            "sync", "This change belongs to another administrative unit and was refused. Call IT."
        )
    if reason == "invalid":
        return QCoreApplication.translate(
            "sync",
            "The central system could not accept the data of this change. Call IT and give them the receipt number.",
        )
    if reason == "not_permitted":
        return QCoreApplication.translate(
            "sync",
            "The user who made this change may not do it at the central system. Ask a supervisor to do it again.",
        )
    if reason == "unknown_actor":
        return QCoreApplication.translate(
            "sync",
            "The user who made this change is not an account of this unit on the central system. "
            "Ask IT to accept or create the account.",
        )
    if reason == "wrong_workstation":
        return QCoreApplication.translate(
            "sync", "This change names another workstation than this one and was refused. Call IT."
        )
    if reason == "bad_receipt":
        return QCoreApplication.translate(
            "sync",
            "The receipt number of this change does not belong to this workstation, or its check character is "
            "wrong. Call IT and give them the receipt number.",
        )
    if reason == "bad_time":
        return QCoreApplication.translate(
            "sync",
            "The time of this change is outside what the central system accepts: check this computer's date and "
            "clock, then call IT.",
        )
    return QCoreApplication.translate(
        "sync", "The central system refused this change ({reason}). Call IT and give them the receipt number."
    ).format(reason=op.message or reason or "?")


def aside_sentence(reason: str) -> str:
    """Why this desk did not apply a change the central system sent (the feed is checked like any input)."""
    if reason in ("wrong_unit", "bad_receipt", "duplicate_receipt"):
        return QCoreApplication.translate(
            "sync",
            "The central system sent a request that cannot belong here (another unit, or a receipt number that "
            "clashes with this desk's). It was not applied. Call IT.",
        )
    if reason == "bad_time":
        return QCoreApplication.translate(
            "sync",
            "The central system sent a change with an impossible date; it was not applied. Check this computer's "
            "clock, then call IT.",
        )
    if reason == "invalid_transition":
        return QCoreApplication.translate(
            "sync",
            "The central system sent a change that would move a finished request back; it was not applied. "
            "Call IT and give them the receipt number.",
        )
    return QCoreApplication.translate(
        "sync", "The central system sent a change this desk cannot read; it was not applied. Call IT."
    )


def clock_text(skew_s: float | None) -> str:
    """This desk's clock against the central system's, in plain words."""
    if skew_s is None:
        return QCoreApplication.translate("sync", "not measured yet")
    if abs(skew_s) < 120:
        return QCoreApplication.translate("sync", "right (within two minutes of the central system)")
    age = age_text(dt.timedelta(seconds=abs(skew_s)))
    if skew_s > 0:
        return QCoreApplication.translate("sync", "{age} ahead of the central system: set the clock").format(age=age)
    return QCoreApplication.translate("sync", "{age} behind the central system: set the clock").format(age=age)


@dataclass(frozen=True)
class Indication:
    state: str  # a key of COLOURS
    text: str
    tooltip: str


def indication(
    st: SyncStatus,
    *,
    busy: bool,
    failure: str | None,
    offline_since: dt.datetime | None,
    supervisor: bool,
) -> Indication:
    """What the status bar says: words and a colour (never colour alone)."""
    if not st.enrolled:
        text = QCoreApplication.translate("sync", "Not connected to a central server")
        return Indication("not_enrolled", text, plain_failure("not enrolled"))
    last = QCoreApplication.translate("sync", "last sync {time}").format(time=hhmm(st.last_success))
    kind = failure_kind(failure)
    if st.clone_suspected or kind == "clone":
        return Indication("error", QCoreApplication.translate("sync", "Sync stopped: call IT"), plain_failure("clone"))
    first, extra = [], []
    if st.rejected:  # errors lead: a supervisor must act on them
        first.append(
            QCoreApplication.translate("sync", "Errors: {n} rejected").format(n=len(st.rejected))
            if supervisor
            else QCoreApplication.translate("sync", "Errors: {n} rejected (tell a supervisor)").format(
                n=len(st.rejected)
            )
        )
    if st.pending:
        extra.append(QCoreApplication.translate("sync", "{n} pending").format(n=st.pending))
    if busy:
        state, head = "syncing", QCoreApplication.translate("sync", "Syncing…")
    elif kind == "unreachable":
        since = hhmm(offline_since or utcnow())
        state = "offline"
        head = QCoreApplication.translate("sync", "Offline: central server unreachable since {time}").format(time=since)
    elif kind:
        state, head = (
            "error",
            QCoreApplication.translate("sync", "Sync problem: {reason}").format(reason=plain_failure(failure)),
        )
    elif st.last_success:
        state, head = "online", QCoreApplication.translate("sync", "Online ({last})").format(last=last)
    else:
        state, head = "pending", QCoreApplication.translate("sync", "Not synced yet")
    if state == "online" and st.pending:
        state = "pending"
    if st.rejected and state != "syncing":
        state = "error"
    text = " · ".join([*first, head, *extra] if state == "error" and first else [head, *first, *extra])
    tip = plain_failure(failure) if kind else last
    return Indication(state, text, tip)
