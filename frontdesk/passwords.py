"""Password hashing (Argon2id, argon2-cffi) and the password policy, shared by the desk's accounts
(:mod:`frontdesk.auth`) and the central system's (:mod:`frontdesk.central.accounts`).

Argon2id in the PHC string format carries its own parameters; a hash made with weaker parameters is
re-computed at the next successful sign-in (``needs_rehash``)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP

MIN_PASSWORD = 8
MAX_PASSWORD = 1024

# Memory-hard: 64 MiB, 3 passes (the argon2-cffi / RFC 9106 "low memory" profile).
_hasher = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=2)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; False for a wrong password or a hash that is not Argon2."""
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return bool(_hasher.check_needs_rehash(password_hash))
    except InvalidHashError:
        return True


def burn(password: str) -> None:
    """Spend the time of a real check (so a wrong user name answers as slowly as a wrong password)."""
    _hasher.hash(password)


def check_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The password must have at least {n} characters."),
            field="password",
            n=MIN_PASSWORD,
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The password can have at most {n} characters."),
            field="password",
            n=MAX_PASSWORD,
        )
