"""Typed errors of the core, each with a translatable message and a command-line exit code."""

from __future__ import annotations

from typing import Any

from .i18n import QT_TRANSLATE_NOOP, Translator, identity_translator

CONTEXT = "errors"


class FrontdeskError(Exception):
    """Base of every error a user can meet. ``text`` is an English template marked for translation."""

    exit_code = 1
    context = CONTEXT  # the Qt Linguist context of ``text``

    def __init__(self, text: str, **params: Any) -> None:
        self.text = text
        self.params = params
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


class NotFound(FrontdeskError):
    exit_code = 5


class Conflict(FrontdeskError):
    exit_code = 6


class InvalidTransition(Conflict):
    pass


class AuthenticationFailed(FrontdeskError):
    exit_code = 4
