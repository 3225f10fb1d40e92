"""Sizes and text of one value as stored: a line or a paragraph (:func:`clean_line`, :func:`clean_para`),
the fee paid (:func:`check_fee`), the municipality's public address (:func:`check_public_url`); the wire
schema bounds every field with :mod:`frontdesk.limits` as well. Part of the rulebook
(:mod:`frontdesk.rules`)."""

from __future__ import annotations

from .. import limits as L
from ..errors import InvalidInput
from ..i18n import QT_TRANSLATE_NOOP
from ..wire import control_character


def _clean(value: str | None, field: str, max_len: int, *, multiline: bool, required: bool) -> str | None:
    if value is None or not value.strip():
        if required:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "This field is required."), field=field)
        return None
    text = value.strip() if multiline else " ".join(value.split())
    if control_character(text, multiline=multiline) is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "The text contains an invisible control character (often from a copy and paste); type it again.",
            ),
            field=field,
        )
    if len(text) > max_len:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The text can have at most {n} characters."), field=field, n=max_len
        )
    return text


def clean_line(value: str | None, field: str, max_len: int, *, required: bool = False) -> str | None:
    """One line of text as stored: spaces collapsed, no control characters, at most ``max_len``."""
    return _clean(value, field, max_len, multiline=False, required=required)


def clean_para(value: str | None, field: str, max_len: int, *, required: bool = False) -> str | None:
    """Multi-line text as stored: trimmed, tab and new line allowed, no other control characters."""
    return _clean(value, field, max_len, multiline=True, required=required)


def check_fee(fee: int) -> None:
    if isinstance(fee, bool) or not isinstance(fee, int) or not 0 <= fee <= L.MAX_FEE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The fee paid must be a whole number of lek from 0 to {max}."),
            field="fee",
            max=L.MAX_FEE,
        )


def check_public_url(value: str | None) -> str | None:
    """The municipality's public address (the status page's base): ``https://`` (or ``http://`` to this
    machine, for a demo), a host, an optional path; no query, fragment, user or control characters; at most
    ``MAX_URL`` characters, without its final ``/``."""
    from urllib.parse import urlsplit

    if value is None or not value.strip():
        return None
    url = value.strip().rstrip("/")
    bad = InvalidInput(
        QT_TRANSLATE_NOOP("errors", "The public address must look like https://bashkia.example/qytetaret."),
        field="public_url",
    )
    if len(url) > L.MAX_URL or control_character(url) is not None or any(c.isspace() for c in url):
        raise bad
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise bad from None
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if (parts.scheme != "https" and not (parts.scheme == "http" and loopback)) or not parts.hostname:
        raise bad
    if parts.query or parts.fragment or parts.username or parts.password or "<" in url or '"' in url:
        raise bad
    del port
    return url
