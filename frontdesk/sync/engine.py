"""The sync engine: push the outbox in batches, then pull changes by cursor, resumable at any point.

A sync cycle is *push until the outbox has nothing pending, then pull until the server says no more*.
Every page is settled in one local transaction (``frontdesk.replication``), so a crash or a cut link
between two pages loses nothing and repeats nothing: the server answers a repeated op ``duplicate``.
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

from frontdesk import pull, replication
from frontdesk.clock import utcnow
from frontdesk.db import Store
from frontdesk.setup import workstation_info

from .client import CentralClient, CentralError, CentralUnreachable
from .credentials import CredentialsUnavailable, load_token
from .protocol import EnrolRequest, Op, PushRequest, payload_field

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 500
BACKOFF_MIN = 5.0
BACKOFF_MAX = 600.0


class SyncFailed(Exception):
    """A cycle could not complete; ``reason`` is one plain line for the user."""

    def __init__(self, reason: str, *, retry: bool = True) -> None:
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
    requeued: int = 0
    round_trips: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    complete: bool = False


def enrol(store: Store, server_url: str, code: str, *, ca_bundle: str | None = None) -> str:
    """Register this workstation's code with the central system; the token goes to the OS keyring."""
    from .credentials import store_token

    info = workstation_info(store)
    client = CentralClient(server_url, ca_bundle=ca_bundle)
    try:
        resp = client.enrol(EnrolRequest(code=code.strip(), unit_code=info.unit_code,
                                         workstation_code=info.workstation_code,
                                         receipt_counter=info.receipt_counter))  # fmt: skip
    finally:
        client.close()
    store_token(server_url, info.unit_code, info.workstation_code, resp.token)
    replication.write_state(store, server_url=server_url.rstrip("/"), workstation_id=resp.workstation_id,
                            epoch=resp.epoch, cursor="0", ca_bundle=ca_bundle, last_error=None)  # fmt: skip
    replication.queue_all_users(store)
    return resp.workstation_id


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
            raise SyncFailed(
                "sync stopped: the central system suspects this workstation is a copy of another "
                "(its receipt counter went backwards); call the municipality's IT",
                retry=False,
            )
        if self._client is None or self._client.base_url != url.rstrip("/"):
            info = workstation_info(self.store)
            try:
                token = load_token(url, info.unit_code, info.workstation_code)
            except CredentialsUnavailable as exc:
                raise SyncFailed(str(exc), retry=False) from exc
            if not token:
                raise SyncFailed("the workstation token is missing from the keyring (enrol again)", retry=False)
            self._client = self._client_factory(url, token, state.get("ca_bundle"))
        return self._client

    def sync_once(self) -> SyncReport:
        report = SyncReport()
        now = utcnow()
        replication.write_state(self.store, last_attempt=now.isoformat(timespec="seconds"))
        try:
            client = self._connect()
            before = (client.stats.round_trips, client.stats.bytes_sent, client.stats.bytes_received)
            try:
                self._push_all(client, report)
                self._pull_all(client, report)
            finally:
                report.round_trips = client.stats.round_trips - before[0]
                report.bytes_sent = client.stats.bytes_sent - before[1]
                report.bytes_received = client.stats.bytes_received - before[2]
        except CentralUnreachable as exc:
            log.info("central server unreachable: %s", exc)
            self._fail("central server unreachable")
        except CentralError as exc:
            if exc.code == "clone_suspected":
                replication.write_state(self.store, clone_suspected="1")
                self._fail(
                    "sync stopped: the central system suspects this workstation is a copy of another "
                    "(its receipt counter went backwards); call the municipality's IT",
                    retry=False,
                )
            if exc.status in (401, 403):
                self._fail(f"the central system refused this workstation ({exc.code}); enrol it again", retry=False)
            self._fail(f"central server error: {exc.message}")
        except SyncFailed as exc:
            replication.write_state(self.store, last_error=exc.reason)
            raise
        replication.write_state(self.store, last_error=None)
        report.complete = True
        return report

    def _fail(self, reason: str, *, retry: bool = True) -> None:
        replication.write_state(self.store, last_error=reason)
        raise SyncFailed(reason, retry=retry)

    def _check_epoch(self, epoch: str, report: SyncReport) -> bool:
        known = replication.read_state(self.store).get("epoch")
        if known and known != epoch:
            log.warning("central epoch changed (%s -> %s): re-pushing local requests", known, epoch)
            report.requeued += replication.requeue_everything(self.store)
            replication.write_state(self.store, epoch=epoch)
            return True
        return False

    def _push_all(self, client: CentralClient, report: SyncReport) -> None:
        info = workstation_info(self.store)
        while True:
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
            resp = client.push(PushRequest(epoch=state.get("epoch"), receipt_counter=info.receipt_counter, ops=wire))
            if self._check_epoch(resp.epoch, report):
                continue  # the server lost data: the requeued ops go first, in order
            answered = [r.model_dump() for r in resp.results]
            acked, rejected = replication.settle(self.store, answered, epoch=resp.epoch)
            report.pushed += len(ops)
            report.acknowledged += acked
            report.rejected += rejected
            if not answered:
                raise SyncFailed("the central system answered none of the ops")

    def _pull_all(self, client: CentralClient, report: SyncReport) -> None:
        while True:
            cursor = int(replication.read_state(self.store).get("cursor") or 0)
            page = client.changes(cursor, PULL_PAGE)
            if self._check_epoch(page.epoch, report):
                self._push_all(client, report)
                continue
            changes = [c.model_dump(mode="json") for c in page.changes]
            report.pulled += pull.apply_page(self.store, changes, next_cursor=page.next, epoch=page.epoch)
            if not page.more:
                return

    # -- forever ---------------------------------------------------------------------------------

    def run_forever(self, stop: threading.Event, *, on_report: Callable[[SyncReport | SyncFailed], None] | None = None,
                    interval: float = 30.0, rng: random.Random | None = None) -> None:  # fmt: skip
        """Sync until ``stop`` is set: every ``interval`` seconds after a success, and after a failure
        with jittered exponential backoff (5 s doubling to 10 min, ±20 %). ``poke`` restarts the wait."""
        rng = rng or random.Random()
        delay = BACKOFF_MIN
        while not stop.is_set():
            try:
                report = self.sync_once()
            except SyncFailed as exc:
                if on_report:
                    on_report(exc)
                wait = delay * rng.uniform(0.8, 1.2) if exc.retry else BACKOFF_MAX
                delay = min(delay * 2, BACKOFF_MAX)
            else:
                if on_report:
                    on_report(report)
                delay = BACKOFF_MIN
                wait = interval
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
