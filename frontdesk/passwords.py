"""Password hashing (Argon2id, argon2-cffi) and the password policy, shared by the desk's accounts
(:mod:`frontdesk.auth`) and the central system's (:mod:`frontdesk.central.accounts`).

Argon2id in the PHC string format carries its own parameters; a hash made with weaker parameters is
re-computed at the next successful sign-in (``needs_rehash``).

The policy: 8 to 1,024 characters, and hard enough to guess — Dropbox's ``zxcvbn`` estimator (common
passwords, names, keyboard rows, dates, repeats, l33t; the user's own name and user name and the
office's words counted as known) must score it at least ``MIN_SCORE`` (3 of 4: about 10⁸ guesses, which
with Argon2id at ~0.1 s a guess is years for one attacker's machine). ``12345678``, ``demo1234`` and eight
spaces are refused; a phrase of three unrelated words passes."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MIN_SCORE = 3
_ZXCVBN_MAX = 72  # the estimator's own limit; a longer passphrase is judged on its first 72 characters
OFFICE_WORDS = ("frontdesk", "sportel", "sporteli", "bashkia", "zyra", "demo", "admin", "fjalekalim", "password")

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


def check_policy(password: str, *, user_inputs: tuple[str, ...] | list[str] = ()) -> None:
    """Refuse a password that is too short, too long or too easy to guess (one clear sentence)."""
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
    from zxcvbn import zxcvbn  # its dictionaries load in ~0.1 s: only when a password is set

    hints = [w for text in user_inputs for w in text.lower().replace(".", " ").replace("-", " ").split() if w]
    if zxcvbn(password[:_ZXCVBN_MAX], user_inputs=[*OFFICE_WORDS, *hints])["score"] < MIN_SCORE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "This password is too easy to guess. Use three or four unrelated words, for example "
                "lule-dritare-kafe-bregdet: no names, dates, keyboard rows or common words.",
            ),
            field="password",
        )
