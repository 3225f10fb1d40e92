"""The request lifecycle: status identifiers and the allowed transitions.

Shared by the workflow (the one write path), the sync protocol and the central server, so that a
status change means the same everywhere. Identifiers are stable; labels are translated (context
"status"). See docs/workflow.md.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP

STATUSES = ("received", "forwarded", "in_progress", "ready", "delivered", "returned", "rejected", "cancelled")
TERMINAL = frozenset({"delivered", "rejected", "cancelled"})
_LABELS = {
    "received": QT_TRANSLATE_NOOP("status", "Received"),
    "forwarded": QT_TRANSLATE_NOOP("status", "Forwarded"),
    "in_progress": QT_TRANSLATE_NOOP("status", "In progress"),
    "ready": QT_TRANSLATE_NOOP("status", "Ready for collection"),
    "delivered": QT_TRANSLATE_NOOP("status", "Delivered"),
    "returned": QT_TRANSLATE_NOOP("status", "Returned for completion"),
    "rejected": QT_TRANSLATE_NOOP("status", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("status", "Cancelled"),
}
TRANSITIONS: dict[str, frozenset[str]] = {
    "received": frozenset({"forwarded", "in_progress", "ready", "returned", "rejected", "cancelled"}),
    "forwarded": frozenset({"in_progress", "ready", "returned", "rejected", "cancelled"}),
    "in_progress": frozenset({"forwarded", "ready", "returned", "rejected", "cancelled"}),
    "returned": frozenset({"received", "cancelled"}),
    "ready": frozenset({"delivered", "in_progress"}),
    "delivered": frozenset(),
    "rejected": frozenset(),
    "cancelled": frozenset(),
}


def status_label(status: str) -> str:
    """The English label of a status, marked for translation in context "status"."""
    return _LABELS.get(status, status)
