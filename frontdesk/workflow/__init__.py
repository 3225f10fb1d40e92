"""THE write path. Every change to a request goes through one function here, inside one
``BEGIN IMMEDIATE`` transaction that writes the new state of the request, an append-only
``request_events`` row (who, what, device time, workstation) and an ``outbox`` op for sync — after a
role check. The UI, the command line and the sync engine all call these functions.

Lifecycle (identifiers are stable; labels are translated in context "status")::

    received ──► forwarded ──► in_progress ──► ready ──► delivered
       │  ▲          │              │  ▲          │
       │  └ returned ◄──────────────┘  └──────────┘ (ready → in_progress: correction)
       ├──► rejected, cancelled  (from any open status; cancel is a supervisor's decision)

``returned`` means "returned to the citizen for completion of documents"; when the documents are
complete the request goes back to ``received`` and its promised date is computed again from that day.
"""

from __future__ import annotations

from ..lifecycle import STATUSES, TERMINAL, TRANSITIONS, status_label
from ..queries import RequestView
from .changes import COLLECTORS, add_note, advance, deliver, reassign, record_print, record_survey, void_intake
from .intake import CitizenInput, IntakeItem, intake
from .record import COUNTER_ROLES, SUPERVISOR_ONLY, allowed_actions, can_reassign

__all__ = [
    "COLLECTORS",
    "COUNTER_ROLES",
    "STATUSES",
    "SUPERVISOR_ONLY",
    "TERMINAL",
    "TRANSITIONS",
    "CitizenInput",
    "IntakeItem",
    "RequestView",
    "add_note",
    "advance",
    "allowed_actions",
    "can_reassign",
    "deliver",
    "intake",
    "reassign",
    "record_print",
    "record_survey",
    "status_label",
    "void_intake",
]
