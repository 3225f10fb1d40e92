"""Where and when a change comes from: receipt ownership (:func:`check_receipt`: the unit and workstation
prefix of the sender, a valid check character, a counter the workstation has reached) and the time window
(:func:`check_op_time` on the central server's apply path, :func:`check_pulled_time` on the desk's pull
path). Part of the rulebook (:mod:`frontdesk.rules`)."""

from __future__ import annotations

import datetime as dt

from .. import limits as L
from ..errors import BadReceipt, BadTime, InvalidInput
from ..i18n import QT_TRANSLATE_NOOP
from ..numbering import parse_receipt_no

# ---------------------------------------------------------------------------------------- receipts


def check_receipt(receipt_no: str, *, unit: str, workstation: str | None = None, counter_max: int | None = None) -> int:
    """A receipt number that belongs to ``unit`` (and ``workstation``), with a valid check character and,
    with ``counter_max``, a counter its workstation has reached. Returns the counter."""
    try:
        parsed = parse_receipt_no(receipt_no)
    except InvalidInput:
        raise BadReceipt(
            QT_TRANSLATE_NOOP("errors", "{receipt_no} is not a valid receipt number (check character)."),
            receipt_no=receipt_no,
        ) from None
    if parsed.text != receipt_no:
        raise BadReceipt(QT_TRANSLATE_NOOP("errors", "{receipt_no} is not written in its canonical form."),
                         receipt_no=receipt_no)  # fmt: skip
    if parsed.unit != unit or (workstation is not None and parsed.workstation != workstation):
        raise BadReceipt(
            QT_TRANSLATE_NOOP("errors", "Receipt number {receipt_no} belongs to another unit or workstation."),
            receipt_no=receipt_no,
        )
    if counter_max is not None and parsed.counter > counter_max:
        raise BadReceipt(
            QT_TRANSLATE_NOOP(
                "errors", "Receipt number {receipt_no} is ahead of its workstation's counter ({counter})."
            ),
            receipt_no=receipt_no,
            counter=counter_max,
        )
    return parsed.counter


# ---------------------------------------------------------------------------------------- time


def skew_allowance(skew_s: float | None) -> dt.timedelta:
    """How far ahead of the server a desk's times may be: its measured skew (capped), never trusted more."""
    if skew_s is None or skew_s <= 0:
        return dt.timedelta(0)
    return min(dt.timedelta(seconds=skew_s), L.MAX_SKEW)


def check_op_time(t: dt.datetime, now: dt.datetime, *, skew_s: float | None = None, what: str = "time") -> None:
    """A time a desk sends must lie between ``TIME_PAST`` before the server's clock and ``TIME_FUTURE``
    after it (plus the desk's measured skew, capped at ``MAX_SKEW``)."""
    if t < now - L.TIME_PAST or t < L.EARLIEST:
        raise BadTime(
            QT_TRANSLATE_NOOP(
                "errors", "A time in this change ({time}) is older than the central system accepts ({days} days)."
            ),
            what=what,
            time=t.isoformat(timespec="minutes"),
            days=L.TIME_PAST.days,
        )
    if t > now + L.TIME_FUTURE + skew_allowance(skew_s):
        raise BadTime(
            QT_TRANSLATE_NOOP("errors", "A time in this change ({time}) is in the future: check this desk's clock."),
            what=what,
            time=t.isoformat(timespec="minutes"),
        )


def check_pulled_time(t: dt.datetime | None, now: dt.datetime, what: str) -> None:
    """A time in the pull feed: not before ``EARLIEST``, not more than ``PULL_FUTURE`` after the desk's
    clock (the feed may be old; it may not come from the future)."""
    if t is None:
        return
    if t < L.EARLIEST or t > now + L.PULL_FUTURE:
        raise BadTime(
            QT_TRANSLATE_NOOP("errors", "A time in this change ({time}) is outside the range this desk accepts."),
            what=what,
            time=t.isoformat(timespec="minutes"),
        )
