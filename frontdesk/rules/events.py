"""Event data: each event kind carries its own keys, with types and bounds, and nothing else
(:func:`check_event_data`); an event's statuses fit its kind (:func:`check_event`). Part of the rulebook
(:mod:`frontdesk.rules`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .. import limits as L
from ..errors import InvalidInput, WrongWorkstation
from ..i18n import QT_TRANSLATE_NOOP
from ..lifecycle import STATUSES
from ..wire import DOC_CODE, USERNAME_PATTERN, EventPayload, control_character

_DATE = "date"
_USER = "username"
SURVEY_CHANNELS = ("counter", "web")  # the prompt at the counter; the survey page (from the QR code or a message)
_DOCS = "document codes"
_EVENT_DATA: dict[str, dict[str, tuple[Any, ...]]] = {
    # key: (type, bound, required)
    "intake": {"missing_accepted": (bool, None, False)},
    "status": {
        "note": (str, L.MAX_NOTE, False),
        "reason": (str, L.MAX_REASON, False),
        "due_date": (_DATE, None, False),
        # a return for completion names the documents the citizen must still bring (catalogue codes)
        "missing": (_DOCS, L.MAX_DOCUMENTS, False),
    },
    "deliver": {
        "rating": (int, 5, False),
        "collected_by": (("citizen", "authorised"), None, False),
        "collector_name": (str, L.MAX_NAME, False),
        "collector_id": (str, L.MAX_COLLECTOR_ID, False),
    },
    "assign": {
        "from": (_USER, None, False),
        "to": (_USER, None, True),
        "reason": (str, L.MAX_REASON, False),
        "base_version": (int, L.MAX_VERSION, True),
    },
    "note": {"text": (str, L.MAX_NOTE, True)},
    "print": {"copy": (int, L.MAX_COPIES, False), "visit_size": (int, L.MAX_VISIT, False)},
    "void": {"reason": (str, L.MAX_REASON, True)},
    # the citizen's satisfaction survey: was the promised date kept, was the service clear, 1-5 overall
    "survey": {
        "promised_kept": (bool, None, False),
        "clear": (bool, None, False),
        "overall": (int, 5, True),
        "comment": (str, L.MAX_COMMENT, False),
        "channel": (SURVEY_CHANNELS, None, True),
    },
}
_KIND_STATUS: dict[str, tuple[frozenset[str] | None, bool]] = {
    # kind: (allowed to_status values, None = must be empty; from_status allowed)
    "intake": (frozenset({"received", "returned"}), False),
    "status": (frozenset(STATUSES) - {"delivered"}, True),
    "deliver": (frozenset({"delivered"}), True),
    "void": (frozenset({"cancelled"}), True),
    "assign": (None, False),
    "note": (None, False),
    "print": (None, False),
    "survey": (None, False),
}


def _bad_data(kind: str, key: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "The {kind} event's {key} is missing or not valid."),
                        field="data", kind=kind, key=key)  # fmt: skip


def check_event_data(kind: str, data: Mapping[str, Any]) -> None:
    """Each event kind carries its own keys, with types and bounds; nothing else."""
    spec = _EVENT_DATA.get(kind)
    if spec is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown event kind {kind}."), field="kind", kind=kind)
    for key in data:
        if key not in spec:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The {kind} event cannot carry {key}."),
                               field="data", kind=kind, key=key)  # fmt: skip
    for key, (typ, bound, required) in spec.items():
        value = data.get(key)
        if value is None:
            if required:
                raise _bad_data(kind, key)
            continue
        ok: bool
        if typ is bool:
            ok = isinstance(value, bool)
        elif typ is int:
            ok = (
                isinstance(value, int)
                and not isinstance(value, bool)
                and (1 if key in ("rating", "overall") else 0) <= value <= bound
            )
        elif typ is str:
            ok = isinstance(value, str) and len(value) <= bound and control_character(value, multiline=True) is None
        elif typ == _DATE:
            ok = isinstance(value, str) and _is_date(value)
        elif typ == _USER:
            ok = isinstance(value, str) and _is_username(value)
        elif typ == _DOCS:
            ok = (
                isinstance(value, list)
                and 0 < len(value) <= bound
                and len(set(value)) == len(value)
                and all(isinstance(v, str) and _DOC_RE.fullmatch(v) is not None for v in value)
            )
        else:
            ok = value in typ
        if not ok:
            raise _bad_data(kind, key)


def _is_date(value: str) -> bool:
    try:
        return 2000 <= dt.date.fromisoformat(value).year <= L.LATEST_YEAR
    except ValueError:
        return False


_USERNAME_RE = re.compile(USERNAME_PATTERN)
_DOC_RE = re.compile(DOC_CODE)


def _is_username(value: str) -> bool:
    return _USERNAME_RE.fullmatch(value) is not None


def check_event(ev: EventPayload, *, workstation: str | None = None) -> None:
    """An event's own shape: its data, and statuses that fit its kind (a status event names its target; a
    note names none). With ``workstation``, the event must have been made there."""
    check_event_data(ev.kind, ev.data)
    targets, has_from = _KIND_STATUS[ev.kind]
    if targets is None:
        if ev.to_status is not None or ev.from_status is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A {kind} event does not change the status."),
                               field="status", kind=ev.kind)  # fmt: skip
    elif ev.to_status not in targets or (ev.from_status is not None and not has_from):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A {kind} event cannot end in status {status}."),
                           field="status", kind=ev.kind, status=ev.to_status or "-")  # fmt: skip
    if "missing" in ev.data and ev.to_status != "returned":
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a return for completion names missing documents."),
                           field="missing")  # fmt: skip
    if workstation is not None and ev.workstation != workstation:
        raise WrongWorkstation(
            QT_TRANSLATE_NOOP("errors", "The change names workstation {named}, not {workstation}."),
            named=ev.workstation,
            workstation=workstation,
        )
