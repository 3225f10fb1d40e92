"""Rate limits of the public pages, kept in the database (``lookup_attempts``) so that every worker
process of ``serve --workers N`` counts the same: per address, per receipt number, in a sliding window."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .. import models as m
from ..errors import TooManyAttempts

WINDOW = dt.timedelta(minutes=15)
# what one address may do in a window: lookups that found nothing (guessing), any lookups (scraping),
# survey answers and complaints sent (flooding)
LIMITS = {
    ("address", "lookup", False): 10,
    ("address", "lookup", None): 60,
    ("receipt", "lookup", False): 5,  # wrong codes for one receipt number, from any address
    ("address", "survey", None): 20,
    ("address", "complaint", None): 5,
}


def _count(s: Session, column: str, value: str, what: str, ok: bool | None, since: dt.datetime) -> int:
    col = m.LookupAttempt.address if column == "address" else m.LookupAttempt.receipt_no
    stmt = select(func.count()).select_from(m.LookupAttempt).where(col == value, m.LookupAttempt.what == what,
                                                                   m.LookupAttempt.at >= since)  # fmt: skip
    if ok is not None:
        stmt = stmt.where(m.LookupAttempt.ok == ok)
    return int(s.scalar(stmt) or 0)


def check(s: Session, what: str, address: str, receipt_no: str | None, now: dt.datetime) -> None:
    """Raise ``429 too_many_attempts`` (with ``Retry-After``) when the address or the receipt number has
    used up its window; every attempt then answers the same, right code or wrong."""
    since = now - WINDOW
    for (column, kind, ok), limit in LIMITS.items():
        if kind != what:
            continue
        value = address if column == "address" else receipt_no
        if value is None:
            continue
        if _count(s, column, value, what, ok, since) >= limit:
            raise TooManyAttempts("Too many attempts: wait 15 minutes, then try again.",
                                  detail={"retry_after": int(WINDOW.total_seconds())})  # fmt: skip


def record(s: Session, what: str, address: str, receipt_no: str | None, ok: bool, now: dt.datetime) -> None:
    """Count one attempt; attempts older than the window are deleted now and then (one in 50 writes)."""
    s.add(m.LookupAttempt(address=address[:64], receipt_no=receipt_no, what=what, ok=ok, at=now))
    if now.microsecond % 50 == 0:
        s.execute(delete(m.LookupAttempt).where(m.LookupAttempt.at < now - WINDOW))
