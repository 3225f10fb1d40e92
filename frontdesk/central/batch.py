"""One push batch — or one back-office change — applied through the one apply path: each op parsed on
its own, decided by :mod:`frontdesk.central.decide` (the rulebook) against what the batch read once, its
effect buffered, and the buffer written with a handful of statements.

* The ``applied_ops`` answers of the whole batch are read in one lookup and the new ones written in one
  statement (the unit's lock is held: no other push of the unit adds the same op ids). Lookups by many
  keys and bulk writes go through :mod:`frontdesk.central.bulk` (``= ANY`` and ``COPY`` on PostgreSQL).
* Everything the decisions need is read once after the lock: the request rows the ops name, which
  receipt numbers and event ids exist (and whose), the actors' accounts with their history, the services
  and their standard times, the unit's own services, who may take requests, the epochs.
* A decision reads and moves the batch's copy of a request row, so later ops of the same push see what
  earlier ones did; ops apply in push order.
* The buffer is written with one bulk insert per table and one counter update that numbers the
  changes. A buffer whose insert meets a concurrent write (an ``IntegrityError`` from another unit's
  transaction on PostgreSQL) is rolled back and written again op by op; the op that collides answers
  ``rejected`` / ``invalid``.

An op that fails to parse or breaks a rule writes nothing and is answered ``rejected`` with the rule's
reason; the others go on. An unexpected error in one op is logged and answers ``rejected`` too.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import ValidationError
from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk import limits as L
from frontdesk import wire
from frontdesk.clock import utcnow
from frontdesk.errors import FrontdeskError

from . import models as m
from .accounts import active_counter_users, active_supervisors, actor_facts
from .bulk import insert_rows, one_of
from .catalog import central_codes, service_days
from .decide import DECISIONS, Duplicate, Effect, Lookups, Sender
from .errors import CentralError
from .wire_map import STATE_FIELDS, request_change

log = logging.getLogger("frontdesk.central.batch")

CONFLICTING_WRITE = "Conflicting write; push again."
_REQUESTS: Table = m.Request.__table__  # type: ignore[assignment]
_EVENTS: Table = m.RequestEvent.__table__  # type: ignore[assignment]
_CHANGES: Table = m.Change.__table__  # type: ignore[assignment]
_APPLIED: Table = m.AppliedOp.__table__  # type: ignore[assignment]
_SERVICES: Table = m.UnitService.__table__  # type: ignore[assignment]
_NOTICES: Table = m.Notification.__table__  # type: ignore[assignment]
_SURVEYS: Table = m.SurveyAnswer.__table__  # type: ignore[assignment]
_UPDATE_STATE = (
    update(_REQUESTS).where(_REQUESTS.c.id == bindparam("_id")).values({c: bindparam(c) for c in STATE_FIELDS})
)


def _printable(text: str) -> str:
    """``text`` with every character a stored or echoed text may not hold (controls, lone surrogates, which
    no UTF-8 answer can carry) replaced by ``?``."""
    return wire.CONTROL.sub("?", text)


def parse_op(raw: Any) -> tuple[str, wire.Op | wire.OpResult]:
    """An op of a push on its own: the typed op, or its ``rejected: invalid`` answer. What the answer
    echoes of a malformed op (its ``op_id``, the key that failed) is cleaned first: an op id or a key with a
    lone surrogate must not make the whole push fail."""
    op_id = raw.get("op_id") if isinstance(raw, dict) else None
    op_id = op_id if isinstance(op_id, str) and len(op_id) <= 64 and _printable(op_id) == op_id else ""
    try:
        return op_id, wire.Op.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x)[:64] for x in first.get("loc", ())) or "op"
        message = _printable(f"{where}: {first.get('msg', 'not valid')}"[: L.MAX_MESSAGE])
        return op_id, wire.OpResult(op_id=op_id, result="rejected", reason="invalid", message=message)


REASONS = frozenset(get_args(wire.RejectReason))


def _rejected(op_id: str, exc: FrontdeskError) -> wire.OpResult:
    reason = exc.reason if exc.reason in REASONS else "invalid"
    return wire.OpResult.model_validate(
        {
            "op_id": op_id,
            "result": "rejected",
            "reason": reason,
            "message": exc.render()[: L.MAX_MESSAGE],
            "current": exc.current,
        }
    )


@dataclass
class _Item:
    index: int
    op_id: str
    kind: str
    effect: Effect
    change: dict[str, Any]  # the pull feed's change (numbered when written)


class Batch:
    """Applies one push's ops in order inside the caller's write transaction (the unit's lock held)."""

    def __init__(self, s: Session, sender: Sender, *, now: dt.datetime | None = None) -> None:
        self.s = s
        self.sender = sender
        self.now = now or utcnow()
        self.look = Lookups()
        self.look.load_row = self._load_row
        self.look.origin_of = self._origin_of
        self.results: list[wire.OpResult | None] = []
        self._buffer: list[_Item] = []

    # -- the batch ---------------------------------------------------------------------------------

    def apply(self, raw_ops: Sequence[Any]) -> list[wire.OpResult]:
        parsed = [parse_op(raw) for raw in raw_ops]
        ops = [(op_id, op) for op_id, op in parsed if isinstance(op, wire.Op)]
        answered = self._answered([op_id for op_id, _ in ops]) if self.sender.ws_id else {}
        self._preload([op for op_id, op in ops if op_id not in answered])
        self.results = [None] * len(parsed)
        first_of: dict[str, int] = {}
        for i, (op_id, op) in enumerate(parsed):
            if isinstance(op, wire.OpResult):
                self.results[i] = op
                continue
            earlier = first_of.get(op_id)
            if earlier is not None:  # the same op twice in one push: answered like a retry
                self._flush()
                self.results[i] = _as_retry(op_id, self._result(earlier))
                continue
            first_of[op_id] = i
            prior = answered.get(op_id)
            if prior is not None:
                self.results[i] = _as_retry(op_id, prior)
                continue
            self._decide(i, op)
        self._flush()
        final = [self._result(i) for i in range(len(parsed))]
        if self.sender.ws_id is not None:
            rows = [
                self._applied_row(parsed[i][1], r)
                for i, r in enumerate(final)
                if r.op_id and first_of.get(r.op_id) == i and r.op_id not in answered
            ]
            insert_rows(self.s, _APPLIED, rows)
        return final

    def _decide(self, i: int, op: wire.Op) -> None:
        before = self._snapshot_rows(op)
        try:
            effect = DECISIONS[op.kind](self.sender, self.look, op, self.now)
        except Duplicate:
            self.results[i] = wire.OpResult(op_id=op.op_id, result="duplicate")
            return
        except FrontdeskError as exc:
            self._restore_rows(before)
            self.results[i] = _rejected(op.op_id, exc)
            return
        except CentralError:  # clone_suspected: the whole push is refused
            raise
        except Exception:  # a bug: logged with its traceback; this op is refused, the others go on
            log.exception("unexpected error applying op %s (%s)", op.op_id, op.kind)
            self._restore_rows(before)
            self.results[i] = wire.OpResult(op_id=op.op_id, result="rejected", reason="invalid",
                                            message="The central system could not apply this op (logged).")  # fmt: skip
            return
        message = f"{effect.left_out} event(s) left out by the rules." if effect.left_out else None
        if effect.row is not None:  # as it stands after THIS op (later ops of the push move the batch's copy)
            effect.row = dict(effect.row)
        if effect.change_kind == "request":
            assert effect.row is not None, "a request change publishes the request"
            payload: dict[str, Any] | None = request_change(effect.row, effect.events)
        else:
            payload = effect.change
        assert payload is not None, "every effect publishes a change"
        self._buffer.append(_Item(i, op.op_id, op.kind, effect, payload))
        if message:
            self.results[i] = wire.OpResult(op_id=op.op_id, result="applied", message=message)

    def _snapshot_rows(self, op: wire.Op) -> dict[str, dict[str, Any] | None]:
        """The rows an op may move, as they were (a refused op leaves them so)."""
        pl = op.request
        if pl is None:
            return {}
        row = self.look.rows.get(pl.request_id)
        return {pl.request_id: dict(row) if row is not None else None}

    def _restore_rows(self, before: dict[str, dict[str, Any] | None]) -> None:
        for rid, row in before.items():
            if row is None:
                self.look.rows.pop(rid, None)
            else:
                current = self.look.rows.setdefault(rid, {})
                current.clear()
                current.update(row)

    def _applied_row(self, op: wire.Op | wire.OpResult, r: wire.OpResult) -> dict[str, Any]:
        kind = op.kind if isinstance(op, wire.Op) else "invalid"
        return {"op_id": r.op_id, "workstation_id": self.sender.ws_id, "kind": kind, "result": r.result,
                "reason": r.reason, "message": r.message, "applied_at": self.now}  # fmt: skip

    def _result(self, i: int) -> wire.OpResult:
        r = self.results[i]
        assert r is not None, "every op is answered once the buffer is written"
        return r

    # -- loading -------------------------------------------------------------------------------

    def _answered(self, op_ids: list[str]) -> dict[str, wire.OpResult]:
        found: dict[str, wire.OpResult] = {}
        cols = (m.AppliedOp.op_id, m.AppliedOp.result, m.AppliedOp.reason, m.AppliedOp.message)
        for where in one_of(self.s, m.AppliedOp.op_id, op_ids):
            for op_id, result, reason, message in self.s.execute(select(*cols).where(where)):
                found[op_id] = wire.OpResult.model_construct(op_id=op_id, result=result, reason=reason,
                                                             message=message, current=None)  # fmt: skip
        return found

    def _preload(self, ops: list[wire.Op]) -> None:
        ids: set[str] = set()
        receipts: set[str] = set()
        events: set[str] = set()
        actors: set[str] = set()
        for op in ops:
            pl = op.request
            if op.service is not None and op.service.actor:
                actors.add(op.service.actor)
            if pl is None:
                continue
            ids.add(pl.request_id)
            receipts.add(pl.receipt_no)
            for ev in [*pl.events, *([pl.event] if pl.event is not None else [])]:
                events.add(ev.id)
                actors.add(ev.actor)
            if pl.request is not None:
                ids.add(pl.request.id)
                receipts.add(pl.request.receipt_no)
        self._load_requests(ids, receipts, events)
        look = self.look
        unit = self.sender.unit
        look.actors = actor_facts(self.s, unit, actors, self.sender.ws_id)
        look.days = service_days(self.s, unit)
        look.central_codes = central_codes(self.s)
        own = select(m.UnitService.code, m.UnitService.updated_at).where(m.UnitService.unit_code == unit)
        look.services = {code: when for code, when in self.s.execute(own)}
        look.counter_users = active_counter_users(self.s, unit)
        look.supervisors = active_supervisors(self.s, unit)
        if any(op.kind == "request.sync" for op in ops):
            look.epochs = {e.epoch: (e.started_at, e.ended_at) for e in self.s.scalars(select(m.Epoch))}

    def _load_requests(self, ids: set[str], receipts: set[str], events: set[str]) -> None:
        """The rows of the requests the ops name, and who holds their receipt numbers and event ids."""
        look = self.look
        look.looked_up |= ids  # what is not found here does not exist (this push holds the unit's lock)
        for where in one_of(self.s, _REQUESTS.c.id, ids):
            for row in self.s.execute(select(_REQUESTS).where(where)).mappings():
                look.rows[row["id"]] = dict(row)
        for where in one_of(self.s, m.Request.receipt_no, receipts):
            stmt = select(m.Request.receipt_no, m.Request.id).where(where)
            look.receipt_owner.update({no: rid for no, rid in self.s.execute(stmt)})
        for where in one_of(self.s, m.RequestEvent.id, events):
            stmt = select(m.RequestEvent.id, m.RequestEvent.request_id).where(where)
            look.event_owner.update({eid: rid for eid, rid in self.s.execute(stmt)})
        # whose citizen survey is answered: only requests that exist can have one (not a push's intakes)
        for where in one_of(self.s, m.SurveyAnswer.request_id, ids & look.rows.keys()):
            look.surveyed.update(self.s.scalars(select(m.SurveyAnswer.request_id).where(where)))

    def _load_row(self, request_id: str) -> dict[str, Any] | None:
        found = self.s.execute(select(_REQUESTS).where(_REQUESTS.c.id == request_id)).mappings().first()
        if found is not None and self.s.get(m.SurveyAnswer, request_id) is not None:
            self.look.surveyed.add(request_id)
        return dict(found) if found is not None else None

    def _origin_of(self, request_id: str) -> str | None:
        """The workstation whose push first published the request (None: not written yet, or the server's
        own). Read only when a desk's own receipt number is found on another request."""
        rid = m.Change.payload[("request", "id")].as_string()
        stmt = (
            select(m.Change.origin)
            .where(m.Change.unit_code == self.sender.unit, m.Change.kind == "request", rid == request_id)
            .order_by(m.Change.seq)
            .limit(1)
        )
        return self.s.scalars(stmt).first()

    # -- writing -------------------------------------------------------------------------------

    def _flush(self) -> None:
        """Write the buffered effects; on a concurrent write, again one op at a time."""
        if not self._buffer:
            return
        buffered, self._buffer = self._buffer, []
        savepoint = self.s.begin_nested()
        try:
            self._write(buffered)
        except IntegrityError:
            savepoint.rollback()
            for item in buffered:
                one = self.s.begin_nested()
                try:
                    self._write([item])
                except IntegrityError:  # a concurrent write elsewhere (another unit) took the same key
                    one.rollback()
                    self.results[item.index] = wire.OpResult(op_id=item.op_id, result="rejected", reason="invalid",
                                                             message=CONFLICTING_WRITE)  # fmt: skip
                else:
                    one.commit()
                    self._answer_applied(item)
            return
        savepoint.commit()
        for item in buffered:
            self._answer_applied(item)

    def _answer_applied(self, item: _Item) -> None:
        if self.results[item.index] is None:
            self.results[item.index] = wire.OpResult(op_id=item.op_id, result="applied")

    def _write(self, items: list[_Item]) -> None:
        self.s.flush()
        unit = self.sender.unit
        last = self.s.execute(
            text("UPDATE unit_counters SET last_seq = last_seq + :n WHERE unit_code = :u RETURNING last_seq"),
            {"n": len(items), "u": unit},
        ).scalar_one()
        first = int(last) - len(items) + 1
        inserts = [it.effect.insert for it in items if it.effect.insert is not None]
        # in push order, the last one standing; a new request written as it is needs no update after its insert
        updates = [it.effect.row for it in items if it.effect.row is not None and it.effect.row != it.effect.insert]
        events = [ev for it in items for ev in it.effect.events]
        insert_rows(self.s, _REQUESTS, inserts)
        if updates:
            self.s.connection().execute(
                _UPDATE_STATE, [{"_id": u["id"], **{c: u[c] for c in STATE_FIELDS}} for u in updates]
            )
        insert_rows(self.s, _EVENTS, events)
        # the notification outbox, in the transaction of the change that calls for it
        insert_rows(self.s, _NOTICES, [n for it in items for n in it.effect.notices])
        # one survey answer per request (primary key): a concurrent second answer fails this write
        insert_rows(self.s, _SURVEYS, [it.effect.survey for it in items if it.effect.survey is not None])
        for it in items:
            if it.effect.service is not None:
                self._store_service(it.effect.service)
        origin = self.sender.ws_id
        changes = []
        for k, it in enumerate(items):
            changes.append({"unit_code": unit, "seq": first + k, "kind": it.effect.change_kind, "payload": it.change,
                            "origin": origin, "created_at": self.now})  # fmt: skip
        insert_rows(self.s, _CHANGES, changes)

    def _store_service(self, row: dict[str, Any]) -> None:
        done = self.s.execute(
            update(_SERVICES)
            .where(_SERVICES.c.unit_code == row["unit_code"], _SERVICES.c.code == row["code"])
            .values(content=row["content"], updated_at=row["updated_at"])
        )
        if not getattr(done, "rowcount", 0):
            self.s.execute(insert(_SERVICES), [row])


def _as_retry(op_id: str, prior: wire.OpResult) -> wire.OpResult:
    """How an op id answered before answers again: ``rejected`` with its reason, otherwise ``duplicate``."""
    if prior.result == "rejected":
        return wire.OpResult(op_id=op_id, result="rejected", reason=prior.reason,
                             message=prior.message or "This op was rejected before.")  # fmt: skip
    return wire.OpResult(op_id=op_id, result="duplicate")


__all__ = ["CONFLICTING_WRITE", "Batch", "Sender", "parse_op"]
