"""Sync and operations: backup, check, key, enrol, sync, sync-status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import Commands, bounded_float, bounded_int, emit, output_file, read_password, store, writing


def cmd_backup(args: argparse.Namespace) -> int:
    target = output_file(args, args.out)
    st = store(args)
    with writing(target):
        st.backup(target)
    emit(args, {"backup": str(target), "bytes": target.stat().st_size}, f"Backup written to {target}")
    return 0


def _check_text(r: Any) -> str:
    what = (f"schema {r.schema_revision or '?'}, {r.unit_code or '?'}/{r.workstation_code or '?'}, "
            f"receipt counter {r.receipt_counter if r.receipt_counter is not None else '?'}, "
            f"{r.requests if r.requests is not None else '?'} requests")  # fmt: skip
    if r.ok:
        return f"{r.file}: ok (integrity and foreign keys checked; {what})"
    problems = [*r.integrity, *r.foreign_keys]
    problems = [p for p in problems if p != "ok"]
    return f"{r.file}: DAMAGED ({what})\n" + "\n".join(f"  {p}" for p in problems)


def cmd_check(args: argparse.Namespace) -> int:
    from ..dbfiles import check_connection, check_file
    from ..dbkey import Keys

    code = read_password("Recovery code: ") if args.recovery_code else None
    if args.file:
        result = check_file(Path(args.file), Keys(), code)
    else:
        from ..setup import open_home

        st = open_home(args.home, migrate_schema=False)
        raw = st.engine.raw_connection()
        try:
            result = check_connection(raw.driver_connection, str(st.path))
        finally:
            raw.close()
            st.close()
    emit(args, result.as_dict(), lambda: _check_text(result))
    if not result.ok:
        if not args.json:
            print(f"frontdesk: {result.file} failed the check", file=sys.stderr)
        return 1
    return 0


def cmd_key_recover(args: argparse.Namespace) -> int:
    from .. import vault

    code = read_password("Recovery code: ")
    where = vault.recover_key(args.home, code, file=Path(args.file) if args.file else None)
    emit(args, {"kept_in": where}, f"The database key is back ({where}); the database opens again")
    return 0


def cmd_key_code(args: argparse.Namespace) -> int:
    from .. import vault

    code = vault.show_recovery_code(store(args))
    emit(args, {"recovery_code": code}, f"Recovery code: {code}\nKeep it on paper, away from this computer.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..restore import RESTORE_GAP, restore

    source = Path(args.file)
    code = read_password("Recovery code: ") if args.recovery_code else None
    r = restore(args.home, source, recovery_code=code, skip=args.skip)

    def text() -> str:
        lines = [f"Restored {r.requests} request(s) of workstation {r.workstation_code} of unit {r.unit_code} "
                 f"from {source.name}."]  # fmt: skip
        if r.kept_aside:
            lines.append(f"The database it replaced is kept in {r.kept_aside}"
                         + (f" (with {r.replaced_unsent} change(s) it had not sent to the central system)."
                            if r.replaced_unsent else "."))  # fmt: skip
        if r.hold:
            lines.append("New receipt numbers wait for the first sync with the central system (the last numbers "
                         "this desk gave out are not in the backup): run frontdesk sync --once.")  # fmt: skip
        elif r.replaced_counter is not None:
            lines.append(f"Receipt numbers go on after {r.counter} (the replaced database's counter).")
        else:
            lines.append(f"Receipt numbers go on after {r.counter}: {r.counter - r.backup_counter} number(s) "
                         f"after the backup's {r.backup_counter} are skipped, as its last numbers are unknown"
                         + (f" (the default gap is {RESTORE_GAP})." if args.skip is None else "."))  # fmt: skip
        if r.enrolled:
            lines.append("At the next sync the central system re-sends what the backup lacks.")
        return "\n".join(lines)

    emit(args, r.as_dict(), text)
    return 0


def cmd_key_escrow(args: argparse.Namespace) -> int:
    from ..sync.vault import escrow_again

    outcome = escrow_again(store(args))
    emit(args, {"key_escrow": outcome}, f"Database key escrow: {outcome}")
    return 0 if outcome.startswith("ok") else 1


def cmd_diagnose(args: argparse.Namespace) -> int:
    from ..diagnose import write_zip

    out = output_file(args, args.out)
    st = store(args)
    with writing(out):
        sizes = write_zip(st, out)
    emit(args, {"out": str(out), "members": sizes},
         f"Diagnostics written to {out} ({', '.join(sizes)}); no personal data is in it")  # fmt: skip
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
    if done.reissued:
        text = f"Enrolled again with {args.server}: a new token for this workstation; its requests and outbox are kept"
    if done.key_escrow.startswith("ok"):
        text += "\nThe database key is in the central system's escrow (a central administrator can recover it)."
    else:
        text += (f"\nThe database key could not be escrowed ({done.key_escrow.removeprefix('failed: ')}); keep the "
                 "recovery code, and run frontdesk key escrow once the central system can take it.")  # fmt: skip
    if offered:
        text += (f"\n{len(offered)} local user(s) offered to the central administrator ({', '.join(offered)}); "
                 "they can sign in here once accepted (frontdesk-central user accept).")  # fmt: skip
    emit(args, {"workstation_id": done.workstation_id, "server": args.server, "users_offered": offered,
                "key_escrow": done.key_escrow, "reissued": done.reissued}, text)  # fmt: skip
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

    the_store = store(args)
    st = replication.status(the_store)
    raw = replication.read_state(the_store)

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
        if raw.get("key_escrow"):
            lines.append(f"key escrow    {raw['key_escrow']}")
        if raw.get("restore_pending"):
            lines.append(f"restored      {raw.get('restored_at')}: the first sync after the restore has not completed"
                         + (" (no new receipt numbers until it has)" if raw.get("receipt_hold") else ""))  # fmt: skip
        for x in st.set_aside:
            lines.append(f"set aside     change {x.seq} ({x.receipt_no or x.kind}): {x.reason} {x.message}".rstrip())
        return "\n".join(lines)

    extra = {k: raw.get(k) for k in ("key_escrow", "restore_pending", "restored_at", "receipt_hold")}
    emit(args, {**st.as_dict(), **extra}, text)
    return 0


def register(c: Commands) -> None:
    sp = c.add("backup", cmd_backup, "online backup of the database")
    sp.add_argument("--out", required=True)
    sp = c.add("check", cmd_check, "integrity and foreign-key check of the database or a backup (exit 0 / 1)")
    sp.add_argument("--file", metavar="BACKUP", help="check this backup instead of the live database")
    sp.add_argument("--recovery-code", action="store_true",
                    help="open it with a recovery code (one line on stdin) instead of the key kept here")  # fmt: skip
    key = c.group("key", "the database key: recovery", "key_cmd")
    sp = c.action(key, "recover", cmd_key_recover,
                  "put the database key back from its recovery code (one line on stdin)")  # fmt: skip
    sp.add_argument("--file", metavar="DB", help="a database file other than this data directory's")
    c.action(key, "recovery-code", cmd_key_code, "show this database's recovery code (recorded in the audit trail)")
    c.action(key, "escrow", cmd_key_escrow, "give the recovery code to the central system's escrow again")
    sp = c.add("diagnose", cmd_diagnose, "write a zip for IT support: versions, settings, sync, checks, log tail")
    sp.add_argument("--out", required=True, metavar="FILE.zip")
    sp = c.add("restore", cmd_restore, "restore the database from a backup (the current one is kept aside)")
    sp.add_argument("file", metavar="BACKUP")
    sp.add_argument("--recovery-code", action="store_true",
                    help="the backup opens with its recovery code (one line on stdin)")  # fmt: skip
    sp.add_argument("--skip", type=bounded_int(0, 1_000_000), metavar="N",
                    help="give receipt numbers at once, after the backup's counter plus N "
                         "(when the central system cannot be reached to say the last one)")  # fmt: skip
    sp = c.add("enrol", cmd_enrol, "register this workstation with the central server")
    sp.add_argument("--server", required=True, metavar="URL")
    sp.add_argument("--code", required=True, help="one-time enrolment code from the central server")
    sp.add_argument("--ca-bundle", metavar="FILE", help="CA certificates for a municipal PKI")
    sp = c.add("sync", cmd_sync, "sync with the central server (until stopped, or --once)")
    sp.add_argument("--once", action="store_true", help="one complete cycle; exit 0 only if all of it succeeded")
    sp.add_argument("--interval", type=bounded_float(1.0, 86_400.0), default=30.0,
                    help="seconds between cycles after a success (1–86400)")  # fmt: skip
    c.add("sync-status", cmd_sync_status, "pending and rejected ops, last success and error, cursor")
