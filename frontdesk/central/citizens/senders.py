"""The pluggable sender of the citizens' messages. One interface, :class:`MessageSender`; the sender
shipped is :class:`AppriseSender` — `apprise` speaks SMTP (``mailto://``) and some hundred SMS gateways and
push services (``smseagle://``, ``twilio://``, ``bulksms://``, a plain ``json://`` webhook …), chosen by
the URL the municipality configures, with ``{to}`` where the citizen's address or number goes.

Recipients never reach a log in clear: apprise names its targets in its own log lines, so every record
of the ``apprise`` logger passes through :class:`RedactRecipients` (phone numbers and e-mail addresses
masked), and this module logs notification ids and receipt numbers only.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote

ENV_EMAIL = "FRONTDESK_NOTIFY_EMAIL_URL"  # e.g. mailto://smtp.bashkia.example:587?user=…&pass=…&from=zyra@…
ENV_SMS = "FRONTDESK_NOTIFY_SMS_URL"  # e.g. smseagles://TOKEN@sms.bashkia.example/{to}

_PHONE = re.compile(r"\+?\d[\d ()-]{5,}\d")
_EMAIL = re.compile(r"[^\s@:/?&=<>\"']+@[^\s@:/?&=<>\"']+")


def redact(text: str) -> str:
    """``text`` with phone numbers and e-mail addresses masked (their last two characters kept)."""
    text = _EMAIL.sub(lambda mt: "***@***", text)
    return _PHONE.sub(lambda mt: "***" + mt.group()[-2:], text)


class RedactRecipients(logging.Filter):
    """Masks phone numbers and e-mail addresses in a record before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record that cannot even be formatted keeps nothing of its arguments
            message = str(record.msg)
        record.msg, record.args = redact(message), ()
        return True


def quiet_apprise() -> None:
    """apprise logs who it sends to: its records are redacted, and only its warnings and errors pass."""
    logger = logging.getLogger("apprise")
    if not any(isinstance(f, RedactRecipients) for f in logger.filters):
        logger.addFilter(RedactRecipients())
    logger.setLevel(logging.WARNING)


class SendFailed(Exception):
    """The gateway did not take the message (retried later); the text never holds the recipient."""


class MessageSender(Protocol):
    def channels(self) -> frozenset[str]:
        """The channels this sender can use (``email``, ``sms``)."""

    def send(self, channel: str, to: str, subject: str, body: str) -> None:
        """Hand one message to the gateway, or raise :class:`SendFailed`."""


def sms_number(phone: str) -> str:
    """A phone number as an SMS gateway wants it: digits with the country code (an Albanian number
    written 069… becomes +35569…)."""
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return "+355" + digits[1:]
    return digits


def _target(template: str, channel: str, to: str) -> str:
    if "{to}" in template:
        return template.replace("{to}", quote(to, safe="+@"))
    if channel == "email":
        return template + ("&" if "?" in template else "?") + "to=" + quote(to, safe="@")
    return template.rstrip("/") + "/" + quote(to, safe="+")


@dataclass
class AppriseSender:
    """Messages through apprise: ``email_url`` and ``sms_url`` are apprise URLs (the citizen's address goes
    where ``{to}`` stands, else as mailto's ``to=`` or the SMS URL's last path part). Either may be None:
    that channel is then not used."""

    email_url: str | None = None
    sms_url: str | None = None

    def __post_init__(self) -> None:
        quiet_apprise()

    @classmethod
    def from_env(cls) -> AppriseSender | None:
        email, sms = os.environ.get(ENV_EMAIL) or None, os.environ.get(ENV_SMS) or None
        return cls(email, sms) if email or sms else None

    def channels(self) -> frozenset[str]:
        return frozenset(c for c, url in (("email", self.email_url), ("sms", self.sms_url)) if url)

    def send(self, channel: str, to: str, subject: str, body: str) -> None:
        import apprise

        template = self.email_url if channel == "email" else self.sms_url
        if not template:
            raise SendFailed(f"no {channel} sender is configured")
        target = sms_number(to) if channel == "sms" else to
        notifier = apprise.Apprise()
        if not notifier.add(_target(template, channel, target)):
            raise SendFailed(f"the {channel} sender's address is not one apprise understands")
        title = subject if channel == "email" else ""
        if not notifier.notify(body=body, title=title):
            raise SendFailed(f"the {channel} gateway did not accept the message")
