"""Key escrow: the desks' database recovery codes, kept so that losing a desk's keyring never loses the
requests it has not synced yet.

* ``frontdesk-central escrow setup --private-key-out FILE`` makes an RSA-3072 key pair once: the public
  key goes into the central database, the private key to ``FILE`` (``0600``) for the central administrator
  to keep off the server (on a USB key in a safe, in the municipality's password manager…).
* At enrolment a desk sends its recovery code (``POST /v1/key-escrow``, with its token, over TLS). The
  server seals it at once — RSA-OAEP with SHA-256 (``cryptography``) — with the escrow public key and
  keeps only the sealed bytes: the central database, its backups and the server process itself cannot
  read a deposited code afterwards.
* ``frontdesk-central escrow reveal --unit U --workstation W --private-key FILE`` opens it for the IT
  officer of that desk. Every deposit and every reveal is in the central audit trail (``admin_actions``:
  ``key_escrowed``, ``key_revealed`` — the code itself never).

Without an escrow key the deposit is refused (404 ``not_found``); the desk says so and keeps its
recovery code as the only way back (it tries the deposit again at later syncs).
"""

from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import select

from frontdesk import wire
from frontdesk.clock import utcnow

from . import models as m
from .admin_log import log_action
from .db import Database
from .enrolment import authenticate, get_unit
from .errors import BadRequest, NotFound

log = logging.getLogger("frontdesk.central.escrow")

KEY_BITS = 3072


def _oaep() -> object:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def setup(db: Database, *, actor: str) -> bytes:
    """Make a new escrow key pair: the public key is stored (and seals new deposits from now on; an older
    key is retired but kept, so what it sealed can still be revealed with its own private key); the
    private key is returned as PEM for the caller to write to the administrator's file."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    der = private.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    fingerprint = hashlib.sha256(der).hexdigest()
    now = utcnow()
    with db.write() as s:
        for old in s.scalars(select(m.EscrowKey).where(m.EscrowKey.retired_at.is_(None))):
            old.retired_at = now
        s.add(m.EscrowKey(public_key=public_pem.decode("ascii"), fingerprint=fingerprint, created_at=now))
        log_action(s, actor, "escrow_setup", None, fingerprint[:16], {"bits": KEY_BITS})
    return private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def deposit(db: Database, token: str | None, body: wire.KeyEscrow) -> wire.KeyEscrowAnswer:
    """A desk's recovery code, sealed with the current escrow key as it arrives; a second deposit of the
    same database key replaces the first."""
    from cryptography.hazmat.primitives import serialization

    now = utcnow()
    with db.write() as s:
        ws = authenticate(s, token)
        key = s.scalars(
            select(m.EscrowKey).where(m.EscrowKey.retired_at.is_(None)).order_by(m.EscrowKey.id.desc())
        ).first()
        if key is None:
            raise NotFound(
                "This central system keeps no database keys yet: its administrator has not run "
                "'frontdesk-central escrow setup'.",
                code="not_found",
            )
        public = serialization.load_pem_public_key(key.public_key.encode("ascii"))
        sealed = public.encrypt(body.recovery_code.encode("ascii"), _oaep())  # type: ignore[union-attr,arg-type]
        row = s.get(m.EscrowedKey, (ws.id, body.key_id))
        if row is None:
            row = m.EscrowedKey(workstation_id=ws.id, key_id=body.key_id, escrow_key_id=key.id, sealed="",
                                escrowed_at=now)  # fmt: skip
            s.add(row)
        row.escrow_key_id, row.sealed, row.escrowed_at = key.id, base64.b64encode(sealed).decode("ascii"), now
        log_action(s, f"desk:{ws.unit_code}/{ws.code}", "key_escrowed", ws.unit_code, ws.code,
                   {"key_id": body.key_id[:8], "escrow_key": key.fingerprint[:16]})  # fmt: skip
    return wire.KeyEscrowAnswer(key_id=body.key_id, escrowed_at=now)


@dataclass(frozen=True)
class Revealed:
    unit: str
    workstation: str
    key_id: str
    recovery_code: str
    escrowed_at: str


def reveal(db: Database, unit_code: str, workstation: str, private_key_pem: bytes, *, actor: str) -> list[Revealed]:
    """Open what a workstation deposited, with the administrator's private key; recorded in the central
    audit trail whether it succeeds or not (never the code)."""
    from cryptography.hazmat.primitives import serialization

    try:
        private = serialization.load_pem_private_key(private_key_pem, password=None)
    except (ValueError, TypeError) as exc:
        raise BadRequest(
            f"The private key file cannot be read as a PEM private key ({exc.__class__.__name__})."
        ) from None
    der = private.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    fingerprint = hashlib.sha256(der).hexdigest()
    code = workstation.strip().upper()
    out: list[Revealed] = []
    with db.write() as s:
        unit = get_unit(s, unit_code)
        ws = s.scalars(
            select(m.Workstation).where(m.Workstation.unit_code == unit.code, m.Workstation.code == code)
        ).first()
        if ws is None:
            raise NotFound(f"Unit {unit.code} has no workstation {code}.")
        rows = s.execute(
            select(m.EscrowedKey, m.EscrowKey.fingerprint)
            .join(m.EscrowKey, m.EscrowKey.id == m.EscrowedKey.escrow_key_id)
            .where(m.EscrowedKey.workstation_id == ws.id)
            .order_by(m.EscrowedKey.escrowed_at.desc())
        ).all()
        opened = 0
        for row, fp in rows:
            if fp != fingerprint:
                continue
            plain = private.decrypt(base64.b64decode(row.sealed), _oaep())  # type: ignore[union-attr,arg-type]
            out.append(Revealed(unit.code, code, row.key_id, plain.decode("ascii"), row.escrowed_at.isoformat()))
            opened += 1
        log_action(s, actor, "key_revealed", unit.code, code,
                   {"keys": opened, "deposits": len(rows), "escrow_key": fingerprint[:16]})  # fmt: skip
    if not rows:
        raise NotFound(f"Workstation {code} of unit {unit_code.strip().upper()} has deposited no database key.")
    if not out:
        raise BadRequest("This private key does not open what the workstation deposited (another escrow key?).")
    return out
