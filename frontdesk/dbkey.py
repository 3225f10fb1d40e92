"""The key of the desk's encrypted database (SQLCipher), its recovery code, and where it is kept.

**One secret per database family.** A new database gets a random 144-bit *secret* and a random 16-byte
*salt*. The salt is SQLCipher's own: it is written, unencrypted, as the first 16 bytes of the file
(``cipher_plaintext_header_size = 0``), and every copy of the database — backups, the migration copies,
a restored file — is made with the same secret and salt, so one key opens them all. The 256-bit SQLCipher
key is ``HMAC-SHA256(secret, "frontdesk/sqlcipher/v1|" + salt)``, given to SQLCipher as a *raw* key
(``PRAGMA key = "x'<key><salt>'"``): no passphrase stretching on every connection (the secret is random,
not a password), so opening a connection costs microseconds.

**Recovery code.** The secret with a 16-bit check (the first two bytes of its SHA-256), written in
Crockford's base32 as eight groups of four (``7KQ4-9M2T-…``): what an IT officer writes down once at
``init``. Crockford's alphabet has no I, L, O or U, and reading tolerates ``O``→0, ``I``/``L``→1, lower
case, spaces and dashes. It is also what the central system holds in escrow for an enrolled desk.

**Where the secret is kept**: the OS keyring (``keyring``: Windows Credential Manager, macOS Keychain,
Secret Service on Linux), under the service ``frontdesk-database`` and the salt in hex as the account —
so the key of any copy of the database is found from the copy itself. When no keyring can be used (a
machine without a desktop keyring), it falls back to a file ``<salt>.key`` (``0600``, in a ``0700``
directory) in the platform's user configuration directory — outside the data directory, so the data
directory and its backups alone still do not open. ``frontdesk diagnose`` says which one holds it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import platformdirs

from .errors import FrontdeskError, InvalidInput
from .i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SERVICE = "frontdesk-database"
SECRET_BYTES = 18
SALT_BYTES = 16
SQLITE_HEADER = b"SQLite format 3\x00"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(_CROCKFORD)} | {"O": 0, "I": 1, "L": 1}
KEY_DIR_ENV = "FRONTDESK_KEY_DIR"


class KeyMissing(FrontdeskError):
    """The database is encrypted and its key is in neither the keyring nor the fallback file."""

    exit_code = 1


class WrongKey(FrontdeskError):
    """The key (or recovery code) given does not open this database, or the file is not a database."""

    exit_code = 3


@dataclass(frozen=True)
class DbKey:
    secret: bytes
    salt: bytes

    @classmethod
    def new(cls) -> DbKey:
        return cls(secrets.token_bytes(SECRET_BYTES), secrets.token_bytes(SALT_BYTES))

    @property
    def key_id(self) -> str:
        """The salt in hex: the name the secret is kept under (readable from every copy's first bytes)."""
        return self.salt.hex()

    def pragma(self) -> str:
        """The value of ``PRAGMA key`` (a raw key with its salt): ``x'<64 hex><32 hex>'``."""
        key = hmac.new(self.secret, b"frontdesk/sqlcipher/v1|" + self.salt, hashlib.sha256).digest()
        return f"x'{key.hex()}{self.salt.hex()}'"

    def recovery_code(self) -> str:
        return encode_recovery(self.secret)

    def __repr__(self) -> str:  # never the secret, not even in a traceback
        return f"DbKey(key_id={self.key_id})"


def encode_recovery(secret: bytes) -> str:
    if len(secret) != SECRET_BYTES:
        raise ValueError("a database secret has 18 bytes")
    data = secret + hashlib.sha256(secret).digest()[:2]
    n = int.from_bytes(data, "big")
    chars = "".join(_CROCKFORD[(n >> (5 * i)) & 31] for i in reversed(range(len(data) * 8 // 5)))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def decode_recovery(code: str) -> bytes:
    """The secret in a recovery code; one clear error for anything else (a typo breaks the check)."""
    bad = InvalidInput(
        QT_TRANSLATE_NOOP(
            "errors",
            "This is not a valid recovery code: it has 32 letters and digits in groups of four, "
            "as printed when the desk was set up.",
        ),
        field="recovery_code",
    )
    text = "".join(ch for ch in code.upper() if ch not in " -\t\r\n")
    if len(text) != 32 or any(ch not in _DECODE for ch in text):
        raise bad
    n = 0
    for ch in text:
        n = (n << 5) | _DECODE[ch]
    data = n.to_bytes(20, "big")
    secret, check = data[:SECRET_BYTES], data[SECRET_BYTES:]
    if not hmac.compare_digest(hashlib.sha256(secret).digest()[:2], check):
        raise bad
    return secret


def file_kind(path: str | os.PathLike[str]) -> str:
    """``missing``, ``empty`` (SQLite makes a new database there), ``plain`` (an unencrypted SQLite file,
    e.g. of an earlier version) or ``encrypted`` (anything else; SQLCipher decides whether it opens)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "missing"
    if not head:
        return "empty"
    return "plain" if head == SQLITE_HEADER else "encrypted"


def salt_of(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as f:
        salt = f.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise WrongKey(QT_TRANSLATE_NOOP("errors", "{file} is not a frontdesk database."), file=Path(path).name)
    return salt


# ------------------------------------------------------------------------------------------ where it is kept


class KeyStore(Protocol):
    def get(self, key_id: str) -> bytes | None: ...

    def put(self, key_id: str, secret: bytes) -> str: ...

    def where(self, key_id: str) -> str | None: ...


class FileKeys:
    """Secrets in files ``<key_id>.key`` (the recovery code) in a private directory."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def _path(self, key_id: str) -> Path:
        if not all(c in "0123456789abcdef" for c in key_id) or len(key_id) != 2 * SALT_BYTES:
            raise ValueError("not a key id")
        return self.directory / f"{key_id}.key"

    def get(self, key_id: str) -> bytes | None:
        try:
            return decode_recovery(self._path(key_id).read_text(encoding="ascii"))
        except (OSError, ValueError, InvalidInput):
            return None

    def put(self, key_id: str, secret: bytes) -> str:
        from .private import secure_dir, write_private

        secure_dir(self.directory)
        write_private(self._path(key_id), encode_recovery(secret) + "\n")
        return f"file {self._path(key_id)}"

    def where(self, key_id: str) -> str | None:
        return f"file {self._path(key_id)}" if self._path(key_id).exists() else None


class KeyringKeys:
    """Secrets in the OS keyring; ``available`` turns False (for this process) at its first failure."""

    def __init__(self) -> None:
        self.available = True

    def _call(self, what: str, fn: object, *args: str) -> str | None:
        if not self.available:
            return None
        try:
            return fn(*args)  # type: ignore[operator]
        except Exception as exc:  # no keyring installed, locked, D-Bus away: all mean "not here"
            from keyring.errors import NoKeyringError

            level = logging.DEBUG if isinstance(exc, NoKeyringError) else logging.WARNING  # none at all: quiet
            log.log(level, "the OS keyring cannot %s the database key (%s)", what, exc.__class__.__name__)
            self.available = False
            return None

    def get(self, key_id: str) -> bytes | None:
        import keyring

        code = self._call("read", keyring.get_password, SERVICE, key_id)
        if not code:
            return None
        try:
            return decode_recovery(code)
        except InvalidInput:
            log.error("the keyring entry of database key %s is damaged", key_id[:8])
            return None

    def put(self, key_id: str, secret: bytes) -> str:
        import keyring

        self._call("store", keyring.set_password, SERVICE, key_id, encode_recovery(secret))
        if self.available and self.get(key_id) == secret:
            return "keyring"
        raise OSError("the OS keyring could not store the database key")

    def where(self, key_id: str) -> str | None:
        return "keyring" if self.get(key_id) is not None else None


class Keys:
    """The keyring first; a private file in the user's configuration directory when no keyring works."""

    def __init__(self, fallback: str | os.PathLike[str] | None = None) -> None:
        self.keyring = KeyringKeys()
        self.files = FileKeys(fallback or os.environ.get(KEY_DIR_ENV) or default_fallback_dir())

    def get(self, key_id: str) -> bytes | None:
        return self.keyring.get(key_id) or self.files.get(key_id)

    def put(self, key_id: str, secret: bytes) -> str:
        try:
            return self.keyring.put(key_id, secret)
        except OSError:
            where = self.files.put(key_id, secret)
            log.warning("no usable OS keyring: the database key is kept in a private file instead")
            return where

    def where(self, key_id: str) -> str | None:
        return self.keyring.where(key_id) or self.files.where(key_id)


def default_fallback_dir() -> Path:
    return Path(platformdirs.user_config_dir("frontdesk", appauthor=False)) / "keys"


def key_for(path: str | os.PathLike[str], keys: KeyStore) -> DbKey:
    """The key of an existing encrypted database file, found by the salt in its first bytes."""
    salt = salt_of(path)
    secret = keys.get(salt.hex())
    if secret is None:
        raise KeyMissing(
            QT_TRANSLATE_NOOP(
                "errors",
                "The key of the database {file} is not on this computer (OS keyring locked or reset?). "
                "Restore it with: frontdesk key recover (the recovery code, or ask the central administrator).",
            ),
            file=Path(path).name,
        )
    return DbKey(secret, salt)


__all__ = [
    "DbKey",
    "FileKeys",
    "KeyMissing",
    "KeyStore",
    "KeyringKeys",
    "Keys",
    "WrongKey",
    "decode_recovery",
    "encode_recovery",
    "file_kind",
    "key_for",
    "salt_of",
]
