"""The municipality's settings on the central system: its public address (the base of the status page and
the survey links, printed as a QR code on every receipt — every unit's desks get it through their feed)
and the secret the survey links are signed with."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk import rules, wire
from frontdesk.clock import utcnow
from frontdesk.errors import FrontdeskError

from .. import models as m
from ..admin_log import log_action
from ..db import Database, add_change, lock_unit
from ..errors import BadRequest

PUBLIC_URL = "public_url"
SURVEY_SECRET = "survey_secret"


def public_url(s: Session) -> str | None:
    row = s.get(m.Setting, PUBLIC_URL)
    return row.value if row is not None else None


def set_public_url(db: Database, url: str | None, *, actor: str = "cli") -> str | None:
    """Set (or clear, with None or "") the public address; every unit's desks receive it as a ``settings``
    change, and units made later get it as one of their first changes."""
    try:
        clean = rules.check_public_url(url)
    except FrontdeskError as exc:
        raise BadRequest(exc.render()) from None
    now = utcnow()
    with db.write() as s:
        row = s.get(m.Setting, PUBLIC_URL)
        if row is None:
            s.add(m.Setting(key=PUBLIC_URL, value=clean, updated_at=now))
        else:
            row.value, row.updated_at = clean, now
        payload = wire.SettingsPayload(public_url=clean, updated_at=now).model_dump(mode="json")
        for unit in s.scalars(select(m.Unit.code).order_by(m.Unit.code)).all():
            lock_unit(s, unit)
            add_change(s, unit, "settings", payload, None)
        log_action(s, actor, "public_url", None, None, {"public_url": clean})
    return clean


def survey_secret(db: Database) -> bytes:
    """The key the survey links are signed with: made once, kept in the database (so every worker process
    and every restart signs alike)."""
    with db.read() as s:
        row = s.get(m.Setting, SURVEY_SECRET)
        if row is not None and row.value:
            return bytes.fromhex(row.value)
    try:
        with db.write() as s:
            if s.get(m.Setting, SURVEY_SECRET) is None:
                s.add(m.Setting(key=SURVEY_SECRET, value=secrets.token_hex(32), updated_at=utcnow()))
    except IntegrityError:  # another worker made it first
        pass
    with db.read() as s:
        return bytes.fromhex(s.get_one(m.Setting, SURVEY_SECRET).value or "")
