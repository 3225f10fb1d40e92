"""Upkeep of the performance figures: the aggregates (``report_stats``, ``report_days``, ``report_hist``,
``report_facts``, ``report_cursors``) kept from the units' change feeds (:func:`refresh`) or recomputed from
the requests (:func:`rebuild`); each request's contribution (:func:`request_facts`). See the package's
docstring (:mod:`frontdesk.central.performance`).
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from frontdesk import standards
from frontdesk.clock import utcnow
from frontdesk.standards import Facts, Tally

from .. import models as m
from ..db import Database

LOCK_ROW = "*"
CHUNK = 2000  # changes per refresh transaction
_STATS: Table = m.ReportStat.__table__  # type: ignore[assignment]
_DAYS: Table = m.ReportDay.__table__  # type: ignore[assignment]
_FACTS: Table = m.ReportFact.__table__  # type: ignore[assignment]
_HIST: Table = m.ReportHist.__table__  # type: ignore[assignment]
_REQ: Table = m.Request.__table__  # type: ignore[assignment]
_CURSORS: Table = m.ReportCursor.__table__  # type: ignore[assignment]
_FACT_COLS = ("day", "service", "clerk", "unit", "days", "within", "returned", "rating")


def clerk_key(unit_code: str, assignee: str | None) -> str:
    return f"{unit_code}/{assignee}" if assignee else ""


def request_facts(created_at: dt.datetime, completed_at: dt.datetime | None, delivered_at: dt.datetime | None,
                  standard_days: int, status: str, history_has_return: bool, rating: int | None, service: str,
                  assignee: str | None, unit: str) -> Facts:  # fmt: skip
    """A central request's contribution (the desk's definitions; the clerk is ``UNIT/username``)."""
    return standards.facts(
        created_at,
        standards.completion(completed_at, delivered_at),
        standard_days,
        returned=standards.ever_returned(status, history_has_return),
        rating=rating,
        groups=(("service", service), ("clerk", clerk_key(unit, assignee)), ("unit", unit)),
    )


def _fact_row(request_id: str, f: Facts) -> dict[str, Any]:
    g = dict(f.groups)
    return {"request_id": request_id, "day": f.day, "service": g["service"], "clerk": g["clerk"], "unit": g["unit"],
            "days": f.days, "within": f.within, "returned": f.returned, "rating": f.rating}  # fmt: skip


def _facts_of_row(r: Any) -> Facts:
    return Facts(r.day, (("service", r.service), ("clerk", r.clerk), ("unit", r.unit)), r.days, bool(r.within),
                 bool(r.returned), r.rating)  # fmt: skip


def _dialect_insert(conn: Connection, table: Table) -> Any:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _write(conn: Connection, stats: dict[standards.Cell, list[int]],
           hist: dict[tuple[str, str, dt.date, str, int], int]) -> None:  # fmt: skip
    """Add the deltas to the cells (upserts), and delete the cells that dropped to zero. The histograms of
    month cells are one row each (read, merged and written back: the refresh's lock is held)."""
    key = ("dim", "period", "day", "group_key")
    rows = [dict(zip(key, cell, strict=True)) | dict(zip(standards.COUNTERS, acc, strict=True))
            for cell, acc in sorted(stats.items()) if any(acc)]  # fmt: skip
    if rows:
        ins = _dialect_insert(conn, _STATS)
        conn.execute(ins.on_conflict_do_update(
            index_elements=["dim", "period", "day", "group_key"],
            set_={c: _STATS.c[c] + ins.excluded[c] for c in standards.COUNTERS},
        ), rows)  # fmt: skip
    bins: list[dict[str, Any]] = [{"dim": d, "period": p, "day": day, "group_key": k, "days": x, "n": n}
                                  for (d, p, day, k, x), n in sorted(hist.items()) if n and p == "day"]  # fmt: skip
    if bins:
        ins = _dialect_insert(conn, _DAYS)
        conn.execute(ins.on_conflict_do_update(index_elements=["dim", "period", "day", "group_key", "days"],
                                               set_={"n": _DAYS.c.n + ins.excluded.n}), bins)  # fmt: skip
        gone = [b for b in bins if b["n"] < 0]
        if gone:
            conn.execute(delete(_DAYS).where(
                tuple_(_DAYS.c.dim, _DAYS.c.period, _DAYS.c.day, _DAYS.c.group_key, _DAYS.c.days).in_(
                    [(b["dim"], b["period"], b["day"], b["group_key"], b["days"]) for b in gone]),
                _DAYS.c.n == 0))  # fmt: skip
    months: dict[tuple[str, dt.date, str], dict[int, int]] = {}
    for (d, p, day, k, x), n in hist.items():
        if n and p == "month":
            cell = months.setdefault((d, day, k), {})
            cell[x] = cell.get(x, 0) + n
    if months:
        _write_months(conn, months)
    emptied = [cell for cell, acc in stats.items() if acc[0] < 0]
    if emptied:
        conn.execute(delete(_STATS).where(
            tuple_(_STATS.c.dim, _STATS.c.period, _STATS.c.day, _STATS.c.group_key).in_(emptied),
            _STATS.c.received == 0))  # fmt: skip


def _encode(h: dict[int, int]) -> str:
    """A histogram as dense JSON: ``[lo, n(lo), n(lo + 1), …]`` (processing days may be negative: a desk's
    clock behind)."""
    days = [d for d in h if h[d]]
    lo, hi = min(days), max(days)
    return json.dumps([lo, *(h.get(d, 0) for d in range(lo, hi + 1))], separators=(",", ":"))


def _decode(text: str) -> dict[int, int]:
    lo, *counts = json.loads(text)
    return {lo + i: n for i, n in enumerate(counts) if n}


class _Dense:
    """Histograms of many month cells merged per group, as dense lists (added element-wise in C)."""

    def __init__(self) -> None:
        self.acc: dict[Any, tuple[int, list[int]]] = {}

    def add(self, group: Any, text: str) -> None:
        lo, *counts = json.loads(text)
        have = self.acc.get(group)
        if have is None:
            self.acc[group] = (lo, counts)
            return
        a_lo, a = have
        new_lo, hi = min(a_lo, lo), max(a_lo + len(a), lo + len(counts))
        if a_lo != new_lo or a_lo + len(a) != hi:
            a = [0] * (a_lo - new_lo) + a + [0] * (hi - a_lo - len(a))
        if lo != new_lo or lo + len(counts) != hi:
            counts = [0] * (lo - new_lo) + counts + [0] * (hi - lo - len(counts))
        self.acc[group] = (new_lo, list(map(operator.add, a, counts)))

    def into(self, tallies: dict[Any, Tally]) -> None:
        for group, (lo, counts) in self.acc.items():
            t = tallies.get(group)
            if t is None:
                t = tallies[group] = Tally()
            t.days.update({lo + i: n for i, n in enumerate(counts) if n})


def _write_months(conn: Connection, deltas: dict[tuple[str, dt.date, str], dict[int, int]]) -> None:
    cells = sorted(deltas)
    current: dict[tuple[str, dt.date, str], dict[int, int]] = {}
    for start in range(0, len(cells), 300):
        chunk = cells[start : start + 300]
        found = conn.execute(select(_HIST.c.dim, _HIST.c.month, _HIST.c.group_key, _HIST.c.hist)
                             .where(tuple_(_HIST.c.dim, _HIST.c.month, _HIST.c.group_key).in_(chunk)))  # fmt: skip
        current.update({(d, mo, k): _decode(text) for d, mo, k, text in found})
    upsert, gone = [], []
    for cell in cells:
        h = current.get(cell, {})
        for x, n in deltas[cell].items():
            h[x] = h.get(x, 0) + n
        if any(h.values()):
            upsert.append({"dim": cell[0], "month": cell[1], "group_key": cell[2], "hist": _encode(h)})
        elif cell in current:
            gone.append(cell)
    if upsert:
        ins = _dialect_insert(conn, _HIST)
        conn.execute(ins.on_conflict_do_update(index_elements=["dim", "month", "group_key"],
                                               set_={"hist": ins.excluded.hist}), upsert)  # fmt: skip
    if gone:
        conn.execute(delete(_HIST).where(tuple_(_HIST.c.dim, _HIST.c.month, _HIST.c.group_key).in_(gone)))


# ------------------------------------------------------------------------------------------------ rebuild


def rebuild(conn: Connection) -> int:
    """Recompute the figures from ``requests`` and ``request_events`` and set every unit's cursor to its
    counter (read first: a change committed meanwhile is read again by the next refresh, harmlessly).
    Returns the requests counted."""
    counters = dict(conn.execute(select(m.UnitCounter.unit_code, m.UnitCounter.last_seq)).all())
    for table in (_STATS, _DAYS, _HIST, _FACTS, _CURSORS):
        conn.execute(delete(table))
    returned = set(conn.scalars(select(m.RequestEvent.request_id).where(m.RequestEvent.to_status == "returned")
                                .distinct()))  # fmt: skip
    stats: dict[standards.Cell, list[int]] = {}
    hist: dict[tuple[str, str, dt.date, str, int], int] = {}
    cols = (_REQ.c.id, _REQ.c.created_at, _REQ.c.completed_at, _REQ.c.delivered_at, _REQ.c.standard_days,
            _REQ.c.status, _REQ.c.rating, _REQ.c.service_code, _REQ.c.assignee, _REQ.c.unit_code)  # fmt: skip
    n = 0
    batch: list[dict[str, Any]] = []
    result = conn.execute(select(*cols).execution_options(stream_results=True, yield_per=20_000))
    for rid, created, completed, delivered, std, status, rating, service, assignee, unit in result:
        f = request_facts(created, completed, delivered, std, status, rid in returned, rating, service, assignee,
                          unit)  # fmt: skip
        standards.deltas(None, f, stats, hist)
        batch.append(_fact_row(rid, f))
        n += 1
        if len(batch) >= 20_000:
            conn.execute(insert(_FACTS), batch)
            batch = []
    if batch:
        conn.execute(insert(_FACTS), batch)
    _write(conn, stats, hist)
    now = utcnow()
    conn.execute(insert(_CURSORS), [{"unit_code": u, "last_seq": s, "refreshed_at": now}
                                                    for u, s in counters.items()]
                 + [{"unit_code": LOCK_ROW, "last_seq": 0, "refreshed_at": now}])  # fmt: skip
    return n


# ------------------------------------------------------------------------------------------------ refresh


def _lock(s: Session, *, wait: bool) -> m.ReportCursor | None:
    stmt = select(m.ReportCursor).where(m.ReportCursor.unit_code == LOCK_ROW).with_for_update(skip_locked=not wait)
    row = s.scalars(stmt).first()
    if row is None and wait:
        row = m.ReportCursor(unit_code=LOCK_ROW, last_seq=0, refreshed_at=None)
        s.add(row)
        s.flush()
    return row


def _parse_time(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    t = dt.datetime.fromisoformat(str(value))
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo is not None else t


def _behind(db: Database) -> bool:
    """Whether some unit's feed has changes the figures have not read (a read, no lock)."""
    with db.read() as s:
        found = s.execute(
            select(m.UnitCounter.unit_code)
            .outerjoin(m.ReportCursor, m.ReportCursor.unit_code == m.UnitCounter.unit_code)
            .where(m.UnitCounter.last_seq > func.coalesce(m.ReportCursor.last_seq, 0))
            .limit(1)
        ).first()
    return found is not None


def refresh(db: Database, *, wait: bool = True, chunk: int = CHUNK) -> int:
    """Bring the figures up to date with every unit's change feed; returns the changes read. One
    transaction per ``chunk`` changes, each holding the refresh's lock (without ``wait``, give up when
    another process is refreshing). Nothing new: one read, no lock."""
    total = 0
    if not _behind(db):
        return 0
    while True:
        with db.write() as s:
            if _lock(s, wait=wait) is None:
                return total
            read = _refresh_chunk(s, chunk)
            s.execute(_CURSORS.update().where(m.ReportCursor.unit_code == LOCK_ROW)
                      .values(refreshed_at=utcnow()))  # fmt: skip
        total += read
        if read < chunk:
            return total


def _refresh_chunk(s: Session, chunk: int) -> int:
    counters = dict(s.execute(select(m.UnitCounter.unit_code, m.UnitCounter.last_seq)).all())
    cursors = dict(s.execute(select(m.ReportCursor.unit_code, m.ReportCursor.last_seq)
                             .where(m.ReportCursor.unit_code != LOCK_ROW)).all())  # fmt: skip
    latest: dict[str, dict[str, Any]] = {}
    returns: set[str] = set()
    read = 0
    conn = s.connection()
    for unit, last in sorted(counters.items()):
        cursor = cursors.get(unit, 0)
        if last <= cursor or read >= chunk:
            continue
        remaining = chunk - read
        stmt = (select(m.Change.seq, m.Change.payload)
                .where(m.Change.unit_code == unit, m.Change.seq > cursor, m.Change.seq <= last,
                       m.Change.kind == "request")
                .order_by(m.Change.seq).limit(remaining))  # fmt: skip
        found = s.execute(stmt).all()
        for _seq, payload in found:
            snap = payload.get("request") if isinstance(payload, dict) else None
            if not isinstance(snap, dict) or not isinstance(snap.get("id"), str):
                continue
            latest[snap["id"]] = snap
            if any(isinstance(e, dict) and e.get("to_status") == "returned" for e in payload.get("events") or ()):
                returns.add(snap["id"])
        read += len(found)
        # fewer than asked: the unit's feed is read up to its counter (changes of other kinds included)
        upto = last if len(found) < remaining else int(found[-1][0])
        ins = _dialect_insert(conn, _CURSORS)
        conn.execute(ins.values(unit_code=unit, last_seq=upto, refreshed_at=None)
                     .on_conflict_do_update(index_elements=["unit_code"], set_={"last_seq": upto}))  # fmt: skip
    if not latest:
        return read
    before: dict[str, Facts] = {}
    ids = sorted(latest)
    for start in range(0, len(ids), 500):
        for r in s.execute(select(_FACTS).where(_FACTS.c.request_id.in_(ids[start : start + 500]))):
            before[r.request_id] = _facts_of_row(r)
    stats: dict[standards.Cell, list[int]] = {}
    hist: dict[tuple[str, str, dt.date, str, int], int] = {}
    rows = []
    for rid in ids:
        snap = latest[rid]
        old = before.get(rid)
        created = _parse_time(snap["created_at"])
        assert created is not None
        new = request_facts(created, _parse_time(snap.get("completed_at")), _parse_time(snap.get("delivered_at")),
                            int(snap["standard_days"]), str(snap["status"]),
                            rid in returns or (old is not None and old.returned), snap.get("rating"),
                            str(snap["service_code"]), snap.get("assignee"), str(snap["unit_code"]))  # fmt: skip
        if new != old:
            standards.deltas(old, new, stats, hist)
            rows.append(_fact_row(rid, new))
    _write(conn, stats, hist)
    if rows:
        ins = _dialect_insert(conn, _FACTS)
        conn.execute(ins.on_conflict_do_update(index_elements=["request_id"],
                                               set_={c: ins.excluded[c] for c in _FACT_COLS}), rows)  # fmt: skip
    return read


def refreshed_at(db: Database) -> dt.datetime | None:
    with db.read() as s:
        return s.scalar(select(m.ReportCursor.refreshed_at).where(m.ReportCursor.unit_code == LOCK_ROW))
