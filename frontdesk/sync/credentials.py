"""The workstation's token in the OS keyring (``keyring``): never in a file, never in the database."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError

SERVICE = "frontdesk"


class CredentialsUnavailable(Exception):
    """The OS keyring cannot be used (none installed, locked, or refused)."""


def _account(server_url: str, unit_code: str, workstation_code: str) -> str:
    return f"{server_url.rstrip('/')}|{unit_code}|{workstation_code}"


def store_token(server_url: str, unit_code: str, workstation_code: str, token: str) -> None:
    try:
        keyring.set_password(SERVICE, _account(server_url, unit_code, workstation_code), token)
    except (NoKeyringError, KeyringError, RuntimeError) as exc:
        raise CredentialsUnavailable(
            f"the operating system's keyring cannot store the workstation token ({exc.__class__.__name__}); "
            "on Linux install and unlock a Secret Service keyring (e.g. gnome-keyring)"
        ) from exc


def load_token(server_url: str, unit_code: str, workstation_code: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(server_url, unit_code, workstation_code))
    except (NoKeyringError, KeyringError, RuntimeError) as exc:
        raise CredentialsUnavailable(f"the operating system's keyring cannot be read ({exc})") from exc
