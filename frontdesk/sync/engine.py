"""The sync engine: push the outbox in batches, then pull changes by cursor, resumable at any point.

A sync cycle is *push until the outbox has nothing pending, then pull until the server says no more* —
bounded: at most ``MAX_PUSHES_PER_CYCLE`` pushes and ``MAX_PAGES_PER_CYCLE`` pages, at most one epoch
change, a cursor that never goes back. Every page is settled in one local transaction
(``frontdesk.replication``, ``frontdesk.pull``), so a crash or a cut link between two pages loses nothing
and repeats nothing. No exception leaves a cycle but :class:`SyncFailed`, whose one-line ``reason`` is
also the stored ``last_error``; a bug is logged with its traceback and the loop goes on.
``run_forever`` retries on a timer with jittered exponential backoff, reset by success — it never waits
for a new local write. Callable from the command line and from the app's background worker.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from frontdesk import audit, pull, replication
from frontdesk import limits as L
from frontdesk.clock import utcnow
from frontdesk.db import Store
from frontdesk.models import User
from frontdesk.setup import workstation_info
from frontdesk.wire import AuditHead, EnrolRequest, Op, PushRequest, PushResponse, control_character, payload_field

from . import vault as vault_steps
from .client import CentralClient, CentralError, CentralUnreachable, InsecureAddress, check_address
from .credentials import CredentialsUnavailable, load_token

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 500
BACKOFF_MIN = 5.0
BACKOFF_MAX = 600.0
CLONE_STOPPED = (
    "sync stopped: the central system suspects this workstation is a copy of another "
    "(its receipt counter went backwards); call the municipality's IT"
)


class SyncFailed(Exception):
    """A cycle could not complete; ``reason`` is one plain line for the user."""

    def __init__(self, reason: str, *, retry: bool = True) -> None:
        # one line, whatever a server put into its message (new lines, terminal escapes, lone surrogates)
        reason = " ".join("".join(" " if control_character(c) else c for c in reason).split())[:300]
        super().__init__(reason)
        self.reason, self.retry = reason, retry


class NotEnrolled(SyncFailed):
    def __init__(self) -> None:
        super().__init__("this workstation is not enrolled with a central server (run frontdesk enrol)", retry=False)


@dataclass
class SyncReport:
    pushed: int = 0
    acknowledged: int = 0
    rejected: int = 0
    pulled: int = 0
    set_aside: int = 0
    requeued: int = 0
    round_trips: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    complete: bool = False


MISSING_TOKEN = (
    "the workstation token is missing from the keyring: ask the central administrator for a re-issue code "
    "(frontdesk-central reissue-code), then run frontdesk enrol with it"
)


@dataclass(frozen=True)
class Enrolled:
    workstation_id: str
    users_offered: list[str]
    key_escrow: str = ""  # "ok <time>" or "failed: <reason>" (frontdesk.sync.vault)
    reissued: bool = False  # the same workstation again, with a new token (its keyring was lost)


def enrol(store: Store, server_url: str, code: str, *, ca_bundle: str | None = None) -> Enrolled:
    """Register this workstation's code with the central system; the token goes to the OS keyring. The
    desk's own users are offered to the central administrator (not merged): until one is accepted it
    cannot sign in here; accounts come from the central system from now on.

    With a re-issue code (``frontdesk-central reissue-code``) an enrolled desk whose token was lost gets a
    new one for the same workstation; its sync position (epoch, cursor) and its outbox are kept."""
    from sqlalchemy import select

    from frontdesk.auth import offer

    from .credentials import store_token

    url = check_address(server_url)
    info = workstation_info(store)
    before = replication.read_state(store).get("workstation_id")
    with store.read() as s:
        local = s.scalars(
            select(User).where(User.origin == "local", User.password_hash != "!").order_by(User.username)
        ).all()
        offers = [offer(u) for u in local]
    client = CentralClient(url, ca_bundle=ca_bundle)
    try:
        resp = client.enrol(EnrolRequest(code=code.strip(), unit_code=info.unit_code,
                                         workstation_code=info.workstation_code,
                                         receipt_counter=info.receipt_counter, users=offers))  # fmt: skip
    finally:
        client.close()
    store_token(url, info.unit_code, info.workstation_code, resp.token)
    reissued = before is not None and before == resp.workstation_id
    with store.write() as s:
        if reissued:  # the same workstation: where it stands in the feed, and what it owes, stay
            for key, value in (("server_url", url), ("ca_bundle", ca_bundle), ("last_error", None)):
                replication.set_state(s, key, value)
        else:
            for u in s.scalars(select(User).where(User.username.in_([o.username for o in offers]))):
                u.origin = "offered"
            for key, value in (("server_url", url), ("workstation_id", resp.workstation_id), ("epoch", resp.epoch),
                               ("cursor", "0"), ("ca_bundle", ca_bundle), ("last_error", None)):  # fmt: skip
                replication.set_state(s, key, value)
            replication.queue_local_services(s)
    escrow_client = CentralClient(url, resp.token, ca_bundle=ca_bundle)
    try:  # the database key to the central system's escrow: a failure never undoes the enrolment
        escrowed = vault_steps.escrow_key(store, escrow_client)
    finally:
        escrow_client.close()
    offered = [] if reissued else [o.username for o in offers]
    return Enrolled(resp.workstation_id, offered, escrowed, reissued)


class SyncEngine:
    def __init__(self, store: Store, *, client_factory: Callable[[str, str, str | None], CentralClient] | None = None):
        self.store = store
        self._client_factory = client_factory or (lambda url, token, ca: CentralClient(url, token, ca_bundle=ca))
        self._client: CentralClient | None = None
        self._wake = threading.Event()

    # -- one cycle -------------------------------------------------------------------------------

    def _connect(self) -> CentralClient:
        state = replication.read_state(self.store)
        url = state.get("server_url")
        if not url or not state.get("workstation_id"):
            raise NotEnrolled()
        if state.get("clone_suspected"):
            raise SyncFailed(CLONE_STOPPED, retry=False)
        try:
            url = check_address(url)
        except InsecureAddress as exc:
            raise SyncFailed(str(exc), retry=False) from exc
        if self._client is None or self._client.base_url != url:
            info = workstation_info(self.store)
            try:
                token = load_token(url, info.unit_code, info.workstation_code)
            except CredentialsUnavailable as exc:
                raise SyncFailed(str(exc), retry=False) from exc
            if not token:
                raise SyncFailed(MISSING_TOKEN, retry=False)
            try:
                self._client = self._client_factory(url, token, state.get("ca_bundle"))
            except InsecureAddress as exc:
                raise SyncFailed(str(exc), retry=False) from exc
        return self._client

    def sync_once(self) -> SyncReport:
        report = SyncReport()
        try:
            replication.write_state(self.store, last_attempt=utcnow().isoformat(timespec="seconds"))
            client = self._connect()
            before = (client.stats.round_trips, client.stats.bytes_sent, client.stats.bytes_received)
            epochs_seen = [0]
            try:
                own = vault_steps.before_cycle(self.store, client)  # after a restore: counter first, own changes
                self._push_all(client, report, epochs_seen)
                self._pull_all(client, report, epochs_seen, own=own)
            finally:
                report.round_trips = client.stats.round_trips - before[0]
                report.bytes_sent = client.stats.bytes_sent - before[1]
                report.bytes_received = client.stats.bytes_received - before[2]
        except CentralUnreachable as exc:
            log.info("central server unreachable: %s", exc)
            text = str(exc)
            detail = text if any(w in text for w in ("took longer", "larger than")) else ""
            if text.startswith("TLS verification failed"):
                detail = "its certificate is not trusted: TLS verification failed"
            self._fail("central server unreachable" + (f" ({detail})" if detail else ""))
        except CentralError as exc:
            if exc.code == "clone_suspected":
                replication.write_state(self.store, clone_suspected="1")
                self._fail(CLONE_STOPPED, retry=False)
            if exc.status in (401, 403):
                self._fail(f"the central system refused this workstation ({exc.code}); enrol it again", retry=False)
            if exc.code == "bad_response":
                self._fail(f"the central system's answer was not understood: {exc.message}")
            self._fail(f"central server error: {exc.message}")
        except SyncFailed as exc:
            self._record_failure(exc.reason)
            raise
        except Exception as exc:  # a bug or an answer nobody foresaw: logged, the loop goes on
            log.exception("the sync cycle failed unexpectedly")
            self._fail(f"unexpected error during sync ({exc.__class__.__name__}); details are in the log")
        replication.write_state(self.store, last_error=None)
        vault_steps.after_cycle(self.store, own)
        report.complete = True
        return report

    def _record_failure(self, reason: str) -> None:
        try:
            replication.write_state(self.store, last_error=reason)
        except Exception:  # the store itself failing (disk full): the reason still reaches the caller
            log.exception("could not record the sync failure")

    def _fail(self, reason: str, *, retry: bool = True) -> None:
        failed = SyncFailed(reason, retry=retry)
        self._record_failure(failed.reason)
        raise failed

    def _check_epoch(self, epoch: str, report: SyncReport, epochs_seen: list[int]) -> bool:
        known = replication.read_state(self.store).get("epoch")
        if known and known != epoch:
            epochs_seen[0] += 1
            if epochs_seen[0] > L.MAX_EPOCH_CHANGES_PER_CYCLE:
                raise SyncFailed("the central system's epoch changed again during this sync; it is tried again later")
            log.warning("central epoch changed (%s -> %s): re-pushing local requests", known, epoch)
            report.requeued += replication.requeue_everything(self.store, base_epoch=known)
            replication.write_state(self.store, epoch=epoch)
            return True
        return False

    def _audit_head(self, state: dict[str, str | None]) -> AuditHead:
        from sqlalchemy import select

        from frontdesk.models import AuditEntry

        with self.store.read() as s:
            seq, digest = audit.head(s)
            anchor_seq = state.get("audit_anchor_seq")
            anchor_hash = None
            if anchor_seq is not None:
                anchor_hash = (
                    s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == int(anchor_seq))) or audit.GENESIS
                )
        return AuditHead(seq=seq, hash=digest, anchor_seq=int(anchor_seq) if anchor_seq is not None else None,
                         anchor_hash=anchor_hash)  # fmt: skip

    def _push_all(self, client: CentralClient, report: SyncReport, epochs_seen: list[int]) -> None:
        info = workstation_info(self.store)
        for _ in range(L.MAX_PUSHES_PER_CYCLE):
            ops = replication.pending_ops(self.store, PUSH_BATCH)
            if not ops:
                return
            state = replication.read_state(self.store)
            wire: list[Op] = []
            unsendable: list[tuple[str, str]] = []
            for o in ops:  # one row that does not fit the wire schema must not block the queue
                body = {"op_id": o.op_id, "kind": o.kind, "created_at": o.created_at,
                        payload_field(o.kind): o.payload}  # fmt: skip
                try:
                    wire.append(Op.model_validate(body))
                except ValidationError as exc:
                    unsendable.append((o.op_id, f"this change cannot be sent: {exc.errors()[0].get('msg', exc)}"))
            if unsendable:
                log.error("%d outbox op(s) do not fit the protocol; kept as rejected", len(unsendable))
                report.rejected += replication.reject_locally(self.store, unsendable)
            if not wire:
                continue
            waiting = max(0, replication.pending_count(self.store) - len(ops))  # after this batch
            resp = client.push(PushRequest(epoch=state.get("epoch"), receipt_counter=info.receipt_counter,
                                           sent_at=utcnow(), audit=self._audit_head(state), ops=wire),
                               waiting=waiting)  # fmt: skip
            if self._check_epoch(resp.epoch, report, epochs_seen):
                continue  # the server lost data: the requeued ops go first, in order
            answered = [r.model_dump() for r in resp.results if r.op_id in {o.op_id for o in wire}]
            acked, rejected = replication.settle(self.store, answered, epoch=resp.epoch)
            self._remember(resp)
            report.pushed += len(ops)
            report.acknowledged += acked
            report.rejected += rejected
            if not answered:
                raise SyncFailed("the central system answered none of the ops")
        raise SyncFailed("more changes are waiting to be sent; the next sync goes on")

    def _remember(self, resp: PushResponse) -> None:
        """What the push answer says about this desk: its clock skew and the anchor of its audit trail."""
        values: dict[str, str | None] = {
            "clock_skew_s": None if resp.clock_skew_s is None else f"{resp.clock_skew_s:.1f}"
        }
        if resp.audit is not None:
            values.update(audit_anchor_seq=str(resp.audit.seq), audit_anchor_hash=resp.audit.hash,
                          audit_anchor_state=resp.audit.state, audit_anchor_detail=resp.audit.detail)  # fmt: skip
            if resp.audit.state != "ok":
                log.error("the central system flags this desk's audit trail: %s", resp.audit.detail)
        replication.write_state(self.store, **values)

    def _pull_all(self, client: CentralClient, report: SyncReport, epochs_seen: list[int], *,
                  own: bool = False) -> None:  # fmt: skip
        for _ in range(L.MAX_PAGES_PER_CYCLE):
            cursor = int(replication.read_state(self.store).get("cursor") or 0)
            page = client.changes(cursor, PULL_PAGE, own=True) if own else client.changes(cursor, PULL_PAGE)
            if self._check_epoch(page.epoch, report, epochs_seen):
                self._push_all(client, report, epochs_seen)
                continue
            if page.next < cursor:
                raise SyncFailed("the central system's change cursor went backwards; it is tried again later")
            done = pull.apply_page(self.store, page.changes, next_cursor=page.next, epoch=page.epoch)
            report.pulled += done.applied
            report.set_aside += done.set_aside
            if not page.more:
                return
            if page.next == cursor and not page.changes:
                raise SyncFailed("the central system says there is more but sends nothing; it is tried again later")
        raise SyncFailed("more changes are waiting at the central system; the next sync goes on")

    # -- forever ---------------------------------------------------------------------------------

    def run_forever(self, stop: threading.Event, *, on_report: Callable[[SyncReport | SyncFailed], None] | None = None,
                    interval: float = 30.0, rng: random.Random | None = None) -> None:  # fmt: skip
        """Sync until ``stop`` is set: every ``interval`` seconds after a success, and after a failure
        with jittered exponential backoff (5 s doubling to 10 min, ±20 %). ``poke`` restarts the wait.
        Nothing a cycle raises ends the loop."""
        rng = rng or random.Random()
        delay = BACKOFF_MIN
        while not stop.is_set():
            try:
                outcome: SyncReport | SyncFailed = self.sync_once()
            except SyncFailed as exc:
                outcome = exc
            except Exception as exc:  # sync_once turns everything into SyncFailed; this is the last guard
                log.exception("the sync cycle failed unexpectedly")
                outcome = SyncFailed(f"unexpected error during sync ({exc.__class__.__name__})")
            if isinstance(outcome, SyncFailed):
                wait = delay * rng.uniform(0.8, 1.2) if outcome.retry else BACKOFF_MAX
                delay = min(delay * 2, BACKOFF_MAX)
            else:
                delay = BACKOFF_MIN
                wait = interval
            if on_report:
                try:
                    on_report(outcome)
                except Exception:
                    log.exception("reporting a sync outcome failed")
            deadline = time.monotonic() + wait
            while not stop.is_set() and not self._wake.is_set() and time.monotonic() < deadline:
                stop.wait(min(0.25, max(0.0, deadline - time.monotonic())))
            if self._wake.is_set():
                self._wake.clear()
                delay = BACKOFF_MIN
        if self._client is not None:
            self._client.close()

    def poke(self) -> None:
        """Connectivity changed or the user asked: try again now, and reset the backoff."""
        self._wake.set()
