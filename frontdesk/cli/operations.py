"""Sync and operations: backup, enrol, sync, sync-status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import Commands, emit, store


def cmd_backup(args: argparse.Namespace) -> int:
    st = store(args)
    target = st.backup(Path(args.out))
    emit(args, {"backup": str(target), "bytes": target.stat().st_size}, f"Backup written to {target}")
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    from ..sync.client import CentralError, CentralUnreachable, InsecureAddress
    from ..sync.credentials import CredentialsUnavailable
    from ..sync.engine import enrol

    st = store(args)
    try:
        done = enrol(st, args.server, args.code, ca_bundle=args.ca_bundle)
    except InsecureAddress as exc:
        print(f"frontdesk: {exc}", file=sys.stderr)
        return 3
    except CentralUnreachable as exc:
        print(f"frontdesk: central server unreachable ({exc})", file=sys.stderr)
        return 1
    except CentralError as exc:
        print(f"frontdesk: the central server refused the enrolment: {exc.message}", file=sys.stderr)
        return 6 if exc.status == 409 else 4
    except CredentialsUnavailable as exc:
        print(f"frontdesk: {exc}", file=sys.stderr)
        return 1
    offered = done.users_offered
    text = f"Enrolled with {args.server}"
    if offered:
        text += (f"\n{len(offered)} local user(s) offered to the central administrator ({', '.join(offered)}); "
                 "they can sign in here once accepted (frontdesk-central user accept).")  # fmt: skip
    emit(args, {"workstation_id": done.workstation_id, "server": args.server, "users_offered": offered}, text)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    import threading

    from ..sync.engine import SyncEngine, SyncFailed, SyncReport

    engine = SyncEngine(store(args))
    if args.once:
        try:
            report = engine.sync_once()
        except SyncFailed as exc:
            print(f"frontdesk: {exc.reason}", file=sys.stderr)
            return 1
        emit(
            args,
            report.__dict__,
            f"pushed {report.pushed} ({report.acknowledged} acknowledged, "
            f"{report.rejected} rejected), pulled {report.pulled}"
            + (f" ({report.set_aside} set aside)" if report.set_aside else "")
            + f", {report.round_trips} round trips",
        )
        return 0

    stop = threading.Event()

    def show(r: SyncReport | SyncFailed) -> None:
        if isinstance(r, SyncFailed):
            print(f"sync: {r.reason}; retrying with backoff", file=sys.stderr, flush=True)
        elif r.pushed or r.pulled:
            print(f"sync: pushed {r.pushed}, pulled {r.pulled}", flush=True)

    try:
        engine.run_forever(stop, on_report=show, interval=args.interval)
    except KeyboardInterrupt:
        stop.set()
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    from .. import replication

    st = replication.status(store(args))

    def text() -> str:
        lines = [
            f"server        {st.server_url or '(not enrolled)'}",
            f"pending ops   {st.pending}"
            + (f" (oldest {st.oldest_pending:%Y-%m-%d %H:%M})" if st.oldest_pending else ""),
            f"last success  {st.last_success or 'never'}",
            f"last error    {st.last_error or '-'}",
            f"cursor        {st.cursor}",
        ]
        if st.clock_skew_s is not None and abs(st.clock_skew_s) >= 120:
            lines.append(f"clock         {st.clock_skew_s:+.0f} s against the central system: set this desk's clock")
        if st.audit_anchor is not None and st.audit_anchor["state"] != "ok":
            lines.append(f"audit anchor  {st.audit_anchor['state']}: {st.audit_anchor['detail']}")
        for r in st.rejected:
            lines.append(f"rejected      {r.receipt_no or r.kind}: {r.reason} {r.message or ''}".rstrip())
        for x in st.set_aside:
            lines.append(f"set aside     change {x.seq} ({x.receipt_no or x.kind}): {x.reason} {x.message}".rstrip())
        return "\n".join(lines)

    emit(args, st.as_dict(), text)
    return 0


def register(c: Commands) -> None:
    sp = c.add("backup", cmd_backup, "online backup of the database")
    sp.add_argument("--out", required=True)
    sp = c.add("enrol", cmd_enrol, "register this workstation with the central server")
    sp.add_argument("--server", required=True, metavar="URL")
    sp.add_argument("--code", required=True, help="one-time enrolment code from the central server")
    sp.add_argument("--ca-bundle", metavar="FILE", help="CA certificates for a municipal PKI")
    sp = c.add("sync", cmd_sync, "sync with the central server (until stopped, or --once)")
    sp.add_argument("--once", action="store_true", help="one complete cycle; exit 0 only if all of it succeeded")
    sp.add_argument("--interval", type=float, default=30.0, help="seconds between cycles after a success")
    c.add("sync-status", cmd_sync_status, "pending and rejected ops, last success and error, cursor")
