"""The sync's part in keeping the desk's data safe (docs/operations.md):

* **key escrow** — right after enrolment the desk gives the central system its database's recovery code
  (``POST /v1/key-escrow``): sealed there with the escrow public key, readable only by a central
  administrator through an audited command. If the central system cannot take it (no escrow key set up,
  unreachable), enrolment still succeeds: the desk says so, ``sync-status`` shows it, and ``frontdesk key
  escrow`` tries again;
* **the first sync after a restore** (:mod:`frontdesk.restore`) — before it pushes anything the desk tells
  the central system it was restored (``POST /v1/restored``) and raises its receipt counter to the highest
  the central system has seen (plus the gap when its own last numbers are unknown); until that cycle
  completes it also pulls its own changes (``?own=true``).
"""

from __future__ import annotations

import logging

from frontdesk import replication, restore, vault
from frontdesk.db import Store
from frontdesk.setup import workstation_info
from frontdesk.wire import KeyEscrow, RestoreNotice

from .client import CentralClient, CentralError, CentralUnreachable, InsecureAddress

log = logging.getLogger(__name__)
ESCROW_STATE = "key_escrow"  # "ok <time>" or "failed: <reason>"


def escrow_key(store: Store, client: CentralClient) -> str:
    """Deposit this desk's recovery code with the central system; returns (and records) a one-line outcome."""
    code = vault.escrow_secret(store)
    if code is None or store.key is None:
        outcome = "failed: this database is not encrypted"
    else:
        try:
            answer = client.key_escrow(KeyEscrow(key_id=store.key.key_id, recovery_code=code))
        except CentralError as exc:
            outcome = f"failed: {exc.message}"
        except (CentralUnreachable, InsecureAddress) as exc:
            outcome = f"failed: central server unreachable ({exc})"
        else:
            outcome = f"ok {answer.escrowed_at.isoformat(timespec='seconds')}"
    outcome = " ".join(outcome.split())[:300]
    replication.write_state(store, **{ESCROW_STATE: outcome})
    (log.info if outcome.startswith("ok") else log.warning)("database key escrow: %s", outcome)
    return outcome


def escrow_again(store: Store) -> str:
    """``frontdesk key escrow``: the deposit once more (after the central system set its escrow key up)."""
    from .accounts import _client

    client = _client(store)
    try:
        return escrow_key(store, client)
    finally:
        client.close()


def before_cycle(store: Store, client: CentralClient) -> bool:
    """After a restore: announce it once and take the central counter. Returns whether this cycle pulls the
    desk's own changes too (until the first complete cycle after the restore)."""
    state = restore.pending(store)
    if state is None:
        return False
    if not state.get(restore.ANNOUNCED):
        info = workstation_info(store)
        backup_counter = int(state.get(restore.BACKUP_COUNTER) or 0)
        answer = client.restored(RestoreNotice(backup_counter=backup_counter, receipt_counter=info.receipt_counter))
        counter = restore.learn_central_counter(store, answer.highest_receipt_counter)
        log.warning("restored desk: the central system's highest counter is %d; this desk's is now %d",
                    answer.highest_receipt_counter, counter)  # fmt: skip
    return True


def after_cycle(store: Store, pulled_own: bool) -> None:
    if pulled_own:
        restore.finish(store)
