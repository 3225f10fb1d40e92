"""``POST /v1/restored``: a desk restored from a backup says so before its first push after the restore.

The server records it in the central audit trail (``desk_restored``, with the counters: the central IT
sees why this desk's audit trail went back, which the anchors flag) and answers the highest receipt counter
the workstation ever reported (``workstations.max_receipt_counter``). The desk raises its own counter to at
least that before it pushes or takes a request — a restored desk never gives out a number twice, and is not
mistaken for a copy (``clone_suspected``) — and pulls its own changes since the backup's cursor once
(``GET /v1/changes?own=true``), which the feed otherwise leaves out.
"""

from __future__ import annotations

from frontdesk import wire

from .admin_log import log_action
from .db import Database, epoch
from .enrolment import authenticate


def restored(db: Database, token: str | None, notice: wire.RestoreNotice) -> wire.RestoreAnswer:
    with db.write() as s:
        ws = authenticate(s, token)
        log_action(s, f"desk:{ws.unit_code}/{ws.code}", "desk_restored", ws.unit_code, ws.code,
                   {"backup_counter": notice.backup_counter, "receipt_counter": notice.receipt_counter,
                    "highest_seen": ws.max_receipt_counter})  # fmt: skip
        return wire.RestoreAnswer(highest_receipt_counter=ws.max_receipt_counter, epoch=epoch(s))
