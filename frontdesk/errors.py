"""Typed errors of the core, each with a translatable message and a command-line exit code."""

from __future__ import annotations

from typing import Any

from .i18n import QT_TRANSLATE_NOOP, Translator, identity_translator

CONTEXT = "errors"


class FrontdeskError(Exception):
    """Base of every error a user can meet. ``text`` is an English template marked for translation.

    ``reason`` is the sync protocol's rejection code of the rule the error stands for (``wire.RejectReason``):
    the rulebook raises these errors on the desk's write path, on its pull path and at the central server,
    which answers a rejected op with ``reason`` and the English ``render()``. ``current`` may carry the
    state the rule was checked against (the server sends it back with a rejection)."""

    exit_code = 1
    context = CONTEXT  # the Qt Linguist context of ``text``
    reason = "invalid"

    def __init__(self, text: str, *, current: dict[str, Any] | None = None, **params: Any) -> None:
        self.text = text
        self.params = params
        self.current = current
        super().__init__(self.render())

    def render(self, translate: Translator = identity_translator) -> str:
        template = translate(self.context, self.text)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.text.format(**self.params)


class InvalidInput(FrontdeskError):
    exit_code = 3

    def __init__(self, text: str, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(text, **params)


class BadReceipt(InvalidInput):
    """A receipt number that is not the sender's to use: another unit's or workstation's prefix, a wrong
    check character, or a number its workstation has not issued yet."""

    reason = "bad_receipt"


class BadTime(InvalidInput):
    """A time outside the window the rulebook allows around the receiving side's clock."""

    reason = "bad_time"


class WrongUnit(InvalidInput):
    reason = "wrong_unit"


class WrongWorkstation(InvalidInput):
    reason = "wrong_workstation"


class CheckLetterMismatch(InvalidInput):
    """The personal number is well formed but its check letter differs: a warning the clerk may override."""

    def __init__(self, nid: str, expected: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The check letter of personal number {nid} does not match (expected {expected}). "
                "Check the document; confirm only if the number is typed exactly as printed.",
            ),
            field="nid",
            nid=nid,
            expected=expected,
        )
        self.expected = expected


class MissingDocuments(InvalidInput):
    """Required documents were not received: the request can be returned for completion or accepted."""

    def __init__(self, missing: list[str], service_code: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Required documents missing for service {service}: {codes}."),
            field="documents",
            service=service_code,
            codes=", ".join(missing),
        )
        self.missing = missing
        self.service_code = service_code


class NotPermitted(FrontdeskError):
    exit_code = 4
    reason = "not_permitted"


class UnknownActor(NotPermitted):
    """The acting user is not a user of the unit (as the central system knows it) at the time of the act."""

    reason = "unknown_actor"


class NotFound(FrontdeskError):
    exit_code = 5
    reason = "unknown_request"


class Conflict(FrontdeskError):
    exit_code = 6


class InvalidTransition(Conflict):
    reason = "invalid_transition"


class Stale(Conflict):
    """A change based on an older version of the request: someone else changed it first."""

    reason = "stale"


class AuthenticationFailed(FrontdeskError):
    exit_code = 4
