"""``frontdesk-central``: serve the API and administer the central database.

Every command takes ``--db URL`` (else ``FRONTDESK_CENTRAL_DB``, else ``sqlite:///frontdesk-central.db``);
the schema is migrated when the database is opened. Exit codes as the workstation's command line:
0 ok, 2 usage, 3 invalid input, 5 not found, 6 conflict, 1 other failure; errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .db import ENV_DB, Database
from .errors import BadRequest, CentralError

Handler = Callable[[argparse.Namespace, Database], int]


def _db(args: argparse.Namespace) -> Database:
    return Database(args.db)


def _actor() -> str:
    """Who runs an administrative command (the central audit trail names them)."""
    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def cmd_serve(args: argparse.Namespace, db: Database) -> int:
    import uvicorn

    if args.notify:  # every worker process runs the notification sender (rows claimed in the database)
        from .app import ENV_NOTIFY

        os.environ[ENV_NOTIFY] = "1"

    common = {"host": args.host, "port": args.port, "log_level": args.log_level, "proxy_headers": True,
              "forwarded_allow_ips": args.forwarded_allow_ips}  # fmt: skip
    if args.workers > 1:
        # Stateless worker processes over one database (PostgreSQL): each opens it from the environment.
        os.environ[ENV_DB] = db.url
        db.close()
        uvicorn.run("frontdesk.central.app:create_app_from_env", factory=True, workers=args.workers, **common)
        return 0
    from .app import create_app

    uvicorn.run(create_app(db), **common)
    return 0


def cmd_public_url(args: argparse.Namespace, db: Database) -> int:
    from .citizens.settings import public_url, set_public_url

    if args.url is None:
        with db.read() as s:
            print(public_url(s) or "(not set)")
        return 0
    url = set_public_url(db, args.url, actor=_actor())
    print(f"Public address set to {url}; the units' desks get it at their next sync" if url else
          "Public address cleared")  # fmt: skip
    return 0


def cmd_notify_run(args: argparse.Namespace, db: Database) -> int:
    import signal
    import threading

    from .citizens import notify
    from .citizens.senders import ENV_EMAIL, ENV_SMS, AppriseSender

    sender = AppriseSender.from_env()
    if sender is None:
        raise BadRequest(f"No sender is configured: set {ENV_EMAIL} and/or {ENV_SMS} (apprise URLs).")
    if args.once:
        counts = notify.run_once(db, sender)
        print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing to send")
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    notify.run_loop(db, sender, stop, interval=args.interval)
    return 0


def cmd_notify_test(args: argparse.Namespace, db: Database) -> int:
    """Send one test message through the configured sender (the outbox is not touched): the municipality's
    IT checks the sender's URL before citizens depend on it."""
    from .citizens.senders import ENV_EMAIL, ENV_SMS, AppriseSender, SendFailed

    sender = AppriseSender.from_env()
    if sender is None or args.channel not in sender.channels():
        env = ENV_EMAIL if args.channel == "email" else ENV_SMS
        raise BadRequest(f"No {args.channel} sender is configured: set {env} (an apprise URL).")
    try:
        sender.send(args.channel, args.to, "Provë nga Zyra me Një Ndalesë",
                    "Mesazh prove: dërguesi i mesazheve për qytetarët punon.")  # fmt: skip
    except SendFailed as exc:
        print(f"not sent: {exc}", file=sys.stderr)
        return 1
    print(f"test {args.channel} sent")
    return 0


def cmd_notify_list(args: argparse.Namespace, db: Database) -> int:
    from .citizens import notify

    rows = notify.outbox(db, limit=args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['created_at']}\t{r['receipt_no']}\t{r['kind']}\t{r['channel']}\t{r['state']}\t"
                  f"attempts {r['attempts']}" + (f"\t{r['last_error']}" if r["last_error"] else ""))  # fmt: skip
        if not rows:
            print("no notifications")
    return 0


def cmd_citizens_report(args: argparse.Namespace, db: Database) -> int:
    import datetime as dt

    from .citizens.report import citizens_report

    try:
        start = dt.date.fromisoformat(args.date_from) if args.date_from else None
        end = dt.date.fromisoformat(args.date_to) if args.date_to else None
    except ValueError:
        raise BadRequest("Dates are YYYY-MM-DD.") from None
    report = citizens_report(db, by=args.by, date_from=start, date_to=end)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(report.as_table())
    return 0


def cmd_unit_add(args: argparse.Namespace, db: Database) -> int:
    from .enrolment import add_unit

    add_unit(db, args.code, args.name, actor=_actor())
    print(f"Unit {args.code.strip().upper()} created")
    return 0


def cmd_unit_list(args: argparse.Namespace, db: Database) -> int:
    from .enrolment import list_units

    units = list_units(db)
    if args.json:
        print(json.dumps([{"code": c, "name": n} for c, n in units], ensure_ascii=False, indent=2))
    else:
        for code, name in units:
            print(f"{code}\t{name}")
    return 0


def cmd_enrol_code(args: argparse.Namespace, db: Database) -> int:
    from .enrolment import create_enrol_code

    print(create_enrol_code(db, args.unit, hours=args.hours, actor=_actor()))
    return 0


def cmd_reissue_code(args: argparse.Namespace, db: Database) -> int:
    from .enrolment import create_reissue_code

    print(create_reissue_code(db, args.unit, args.workstation, hours=args.hours, actor=_actor()))
    return 0


def cmd_catalog_publish(args: argparse.Namespace, db: Database) -> int:
    from frontdesk.catalog import CatalogError

    from .catalog import publish_catalog

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 5
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        print(f"error: {path.name} is not UTF-8 text", file=sys.stderr)
        return 3
    try:
        version, units = publish_catalog(db, text, path.name, actor=_actor())
    except CatalogError as exc:
        print("error: " + exc.render().replace("\n", "; "), file=sys.stderr)
        return 3
    print(f"Catalogue {version} published to {units} unit(s)")
    return 0


def cmd_advance(args: argparse.Namespace, db: Database) -> int:
    from .backoffice import advance

    snap = advance(db, args.receipt, args.status, args.note, actor=_actor(), missing=args.missing)
    print(f"{snap.receipt_no}: {snap.status} (version {snap.version})")
    return 0


def cmd_revoke(args: argparse.Namespace, db: Database) -> int:
    from .enrolment import revoke

    done = revoke(db, args.unit, args.workstation, actor=_actor())
    ws = f"{args.workstation.strip().upper()} of unit {args.unit.strip().upper()}"
    print(f"Workstation {ws} revoked" if done else f"Workstation {ws} was already revoked")
    return 0


def cmd_new_epoch(args: argparse.Namespace, db: Database) -> int:
    from .enrolment import rotate_epoch

    print(rotate_epoch(db, actor=_actor()))
    return 0


def cmd_requests(args: argparse.Namespace, db: Database) -> int:
    from .backoffice import list_requests

    rows = list_requests(db, args.unit)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.receipt_no}\t{r.status}\t{r.assignee or '-'}\tv{r.version}\t{r.service_code}")
    return 0


def cmd_workstations(args: argparse.Namespace, db: Database) -> int:
    from .enrolment import workstation_view

    rows = workstation_view(db, args.unit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for w in rows:
            skew = "-" if w["clock_skew_s"] is None else f"{float(w['clock_skew_s']):+.0f}s"  # type: ignore[arg-type]
            waiting = "-" if w["outbox_waiting"] is None else w["outbox_waiting"]
            print(f"{w['unit']}\t{w['workstation']}\tlast seen {w['last_seen_at'] or 'never'}\tskew {skew}\t"
                  f"waiting {waiting}\taudit {w['audit_state']}"
                  + (f" ({w['audit_detail']})" if w["audit_detail"] else "")
                  + ("\tREVOKED" if w["revoked"] else ""))  # fmt: skip
    return 0


def cmd_actions(args: argparse.Namespace, db: Database) -> int:
    from .admin_log import actions

    rows = actions(db, limit=args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['at']}\t{r['actor']}\t{r['action']}\t{r['unit'] or '-'}\t{r['subject'] or '-'}")
    return 0


# ------------------------------------------------------------------------------------------------ key escrow


def cmd_escrow_setup(args: argparse.Namespace, db: Database) -> int:
    from frontdesk.private import secure_dir, write_private

    from .escrow import setup

    out = Path(args.private_key_out)
    if out.exists():
        print(f"error: {out} exists: choose a new file (an escrow private key is never overwritten)", file=sys.stderr)
        return 6
    try:
        if not out.parent.exists():
            secure_dir(out.parent)
        probe = out.with_name(out.name + ".probe")
        write_private(probe, b"")
        probe.unlink()
    except OSError as exc:
        print(f"error: {out} cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return 1
    pem = setup(db, actor=_actor())
    write_private(out, pem)
    print(f"Escrow key made. Its private key is in {out} (readable by you only): keep it off this server, "
          "in a safe place; it is the only way to read a desk's escrowed database key.")  # fmt: skip
    return 0


def cmd_escrow_reveal(args: argparse.Namespace, db: Database) -> int:
    from .escrow import reveal

    path = Path(args.private_key)
    try:
        with open(path, "rb") as f:
            pem = f.read(64 * 1024)
    except OSError as exc:
        print(f"error: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 5
    found = reveal(db, args.unit, args.workstation, pem, actor=_actor())
    if args.json:
        print(json.dumps([r.__dict__ for r in found], indent=2))
    else:
        for r in found:
            print(f"{r.unit}/{r.workstation}  database key {r.key_id[:8]}…  escrowed {r.escrowed_at}\n"
                  f"  recovery code: {r.recovery_code}")  # fmt: skip
        print("At the desk: frontdesk key recover (the recovery code on standard input). This reveal is in the "
              "central audit trail.")  # fmt: skip
    return 0


# ------------------------------------------------------------------------------------------------ accounts


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise BadRequest("No password given on standard input.")
    return line.rstrip("\r\n")


def _account_line(a: Any) -> str:
    state = "active" if a.active else "inactive"
    flag = " (must change password)" if a.must_change_password else ""
    return f"{a.username:<16} {a.role:<11} {state:<9} {a.full_name}{flag}"


def cmd_user_add(args: argparse.Namespace, db: Database) -> int:
    from .accounts import add_user

    password = _read_password("Temporary password: ")
    a = add_user(db, args.unit, args.username, args.role, args.name, password,
                 must_change_password=not args.no_change, actor=_actor())  # fmt: skip
    print(f"User {a.username} ({a.role}) added to unit {a.unit_code}; the unit's desks get it at their next sync")
    return 0


def cmd_user_list(args: argparse.Namespace, db: Database) -> int:
    from .accounts import list_users

    users = list_users(db, args.unit)
    if args.json:
        print(json.dumps([{**u.__dict__, "updated_at": u.updated_at.isoformat()} for u in users], ensure_ascii=False,
                         indent=2))  # fmt: skip
    else:
        print("\n".join(_account_line(u) for u in users) or "no users")
    return 0


def cmd_user_role(args: argparse.Namespace, db: Database) -> int:
    from .accounts import set_role

    a = set_role(db, args.unit, args.username, args.role, actor=_actor())
    print(f"User {a.username} is now {a.role}")
    return 0


def cmd_user_active(args: argparse.Namespace, db: Database) -> int:
    from .accounts import set_active

    a = set_active(db, args.unit, args.username, args.active, actor=_actor())
    print(f"User {a.username} {'activated' if a.active else 'deactivated'}")
    return 0


def cmd_user_reset(args: argparse.Namespace, db: Database) -> int:
    from .accounts import reset_password

    password = _read_password("Temporary password: ")
    a = reset_password(db, args.unit, args.username, password, actor=_actor())
    print(f"Password of {a.username} reset; it must be changed at the next sign-in")
    return 0


def cmd_user_offers(args: argparse.Namespace, db: Database) -> int:
    from .accounts import offers

    found = offers(db, args.unit, pending_only=not args.all)
    if args.json:
        print(json.dumps([{**o.__dict__, "offered_at": o.offered_at.isoformat()} for o in found],
                         ensure_ascii=False, indent=2))  # fmt: skip
    else:
        for o in found:
            print(f"{o.username:<16} {o.role:<11} {o.workstation:<4} {o.decision:<9} {o.full_name}")
        if not found:
            print("no offers")
    return 0


def cmd_user_accept(args: argparse.Namespace, db: Database) -> int:
    from .accounts import accept_offer

    a = accept_offer(db, args.unit, args.username, workstation=args.workstation, role=args.role, actor=_actor())
    print(f"User {a.username} ({a.role}) accepted into unit {a.unit_code}")
    return 0


def cmd_user_decline(args: argparse.Namespace, db: Database) -> int:
    from .accounts import decline_offer

    decline_offer(db, args.unit, args.username, workstation=args.workstation, actor=_actor())
    print(f"Offer of {args.username.strip().lower()} declined")
    return 0


# ------------------------------------------------------------------------------------------------ the console


def cmd_staff_add(args: argparse.Namespace, db: Database) -> int:
    from .staff import add_staff

    password = _read_password("Temporary password: ")
    a = add_staff(db, args.username, args.role, args.name, password, office=args.office,
                  must_change_password=not args.no_change, actor=_actor())  # fmt: skip
    where = f" of {a.office}" if a.office else ""
    change = "; the password is changed at the first sign-in" if a.must_change_password else ""
    print(f"Staff account {a.username} ({a.role}{where}) created{change}")
    return 0


def cmd_staff_list(args: argparse.Namespace, db: Database) -> int:
    from .staff import list_staff

    rows = list_staff(db)
    if args.json:
        print(json.dumps([{"username": a.username, "full_name": a.full_name, "role": a.role, "office": a.office,
                           "active": a.active} for a in rows], ensure_ascii=False, indent=2))  # fmt: skip
    else:
        for a in rows:
            print(f"{a.username:<16} {a.role:<8} {'active' if a.active else 'inactive':<9} {a.full_name}"
                  + (f" — {a.office}" if a.office else ""))  # fmt: skip
        if not rows:
            print("no staff accounts")
    return 0


def cmd_staff_active(args: argparse.Namespace, db: Database) -> int:
    from .staff import set_staff_active

    a = set_staff_active(db, args.username, args.active, actor=_actor())
    print(f"Staff account {a.username} {'activated' if a.active else 'deactivated'}")
    return 0


def cmd_staff_reset(args: argparse.Namespace, db: Database) -> int:
    from .staff import reset_staff_password

    password = _read_password("Temporary password: ")
    a = reset_staff_password(db, args.username, password, actor=_actor())
    print(f"Password of {a.username} reset; it must be changed at the next sign-in")
    return 0


def cmd_demo(args: argparse.Namespace, db: Database) -> int:
    from .demo import PASSWORD, fill

    made = fill(db, requests=args.requests, days=args.days, seed=args.seed)
    print(f"Demo data: {made['requests']} requests pushed by the demo desks of units TR01, TR02, TR03 "
          f"(their accounts' password: {PASSWORD})")  # fmt: skip
    return 0


def cmd_figures(args: argparse.Namespace, db: Database) -> int:
    from . import performance

    if args.action == "rebuild":
        with db.write() as s:
            n = performance.rebuild(s.connection())
        print(f"Performance figures rebuilt from {n} requests")
    else:
        print(f"Performance figures brought up to date ({performance.refresh(db)} changes read)")
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", help="database URL (default: $FRONTDESK_CENTRAL_DB or sqlite:///frontdesk-central.db)")
    parser = _Parser(prog="frontdesk-central", description="Reference central server of the frontdesk sync protocol.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    serve = sub.add_parser("serve", parents=[common], help="run the HTTP API (behind a TLS reverse proxy)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--workers", type=int, default=1, choices=range(1, 65), metavar="N",
                       help="worker processes (stateless; over PostgreSQL for more than one)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="addresses of reverse proxies whose X-Forwarded-For is trusted (default 127.0.0.1)")
    serve.add_argument("--notify", action="store_true",
                       help="send the citizens' messages beside the API (sender from FRONTDESK_NOTIFY_*_URL)")
    serve.set_defaults(handler=cmd_serve)

    pub = sub.add_parser("public-url", parents=[common],
                         help="the municipality's public address (status page, QR code on receipts); shows it "
                              "without URL, clears it with ''")
    pub.add_argument("url", nargs="?")
    pub.set_defaults(handler=cmd_public_url)

    notify = sub.add_parser("notify", help="the citizens' messages (ready, returned for completion)")
    notify_sub = notify.add_subparsers(dest="notify_command", required=True, parser_class=_Parser)
    nrun = notify_sub.add_parser("run", parents=[common], help="send due messages (until stopped, or --once)")
    nrun.add_argument("--once", action="store_true")
    nrun.add_argument("--interval", type=float, default=5.0, help="seconds between looks when idle")
    nrun.set_defaults(handler=cmd_notify_run)
    ntest = notify_sub.add_parser("test", parents=[common],
                                  help="send one test message through the configured sender (not the outbox)")
    ntest.add_argument("--channel", choices=["email", "sms"], required=True)
    ntest.add_argument("--to", required=True, help="an e-mail address or a phone number")
    ntest.set_defaults(handler=cmd_notify_test)
    nlist = notify_sub.add_parser("list", parents=[common], help="the notification outbox, newest first")
    nlist.add_argument("--limit", type=int, default=200)
    nlist.add_argument("--json", action="store_true")
    nlist.set_defaults(handler=cmd_notify_list)

    crep = sub.add_parser("citizens-report", parents=[common],
                          help="citizens' survey answers beside the clerks' ratings, and complaints")
    crep.add_argument("--by", choices=["service", "unit", "clerk"], default="service")
    crep.add_argument("--from", dest="date_from")
    crep.add_argument("--to", dest="date_to")
    crep.add_argument("--json", action="store_true")
    crep.set_defaults(handler=cmd_citizens_report)

    unit = sub.add_parser("unit", help="administrative units")
    unit_sub = unit.add_subparsers(dest="unit_command", required=True, parser_class=_Parser)
    unit_add = unit_sub.add_parser("add", parents=[common], help="create a unit")
    unit_add.add_argument("code")
    unit_add.add_argument("--name", required=True)
    unit_add.set_defaults(handler=cmd_unit_add)
    unit_list = unit_sub.add_parser("list", parents=[common], help="list the units")
    unit_list.add_argument("--json", action="store_true")
    unit_list.set_defaults(handler=cmd_unit_list)

    code = sub.add_parser("enrol-code", parents=[common], help="make a one-time enrolment code for a unit")
    code.add_argument("--unit", required=True)
    code.add_argument("--hours", type=int, default=72, help="validity (default 72)")
    code.set_defaults(handler=cmd_enrol_code)

    again = sub.add_parser(
        "reissue-code",
        parents=[common],
        help="make a one-time code that gives an enrolled workstation a new token (its keyring was lost)",
    )
    again.add_argument("--unit", required=True)
    again.add_argument("--workstation", required=True)
    again.add_argument("--hours", type=int, default=72, help="validity (default 72)")
    again.set_defaults(handler=cmd_reissue_code)

    catalog = sub.add_parser("catalog", help="service catalogue")
    catalog_sub = catalog.add_subparsers(dest="catalog_command", required=True, parser_class=_Parser)
    publish = catalog_sub.add_parser("publish", parents=[common], help="publish a catalogue file to every unit")
    publish.add_argument("file")
    publish.set_defaults(handler=cmd_catalog_publish)

    advance = sub.add_parser("advance", parents=[common], help="back office: move a request to a status")
    advance.add_argument("receipt")
    advance.add_argument("status")
    advance.add_argument("--note")
    advance.add_argument("--missing", action="append", metavar="DOC",
                         help="a return for completion: a document still missing (catalogue code; repeat)")
    advance.set_defaults(handler=cmd_advance)

    revoke = sub.add_parser("revoke", parents=[common], help="revoke a workstation's token")
    revoke.add_argument("--unit", required=True)
    revoke.add_argument("--workstation", required=True)
    revoke.set_defaults(handler=cmd_revoke)

    epoch = sub.add_parser("new-epoch", parents=[common], help="rotate the epoch (after restoring a backup)")
    epoch.set_defaults(handler=cmd_new_epoch)

    reqs = sub.add_parser("requests", parents=[common], help="list requests")
    reqs.add_argument("--unit")
    reqs.add_argument("--json", action="store_true")
    reqs.set_defaults(handler=cmd_requests)

    wss = sub.add_parser("workstations", parents=[common], help="workstations: last contact, clock skew, audit anchor")
    wss.add_argument("--unit")
    wss.add_argument("--json", action="store_true")
    wss.set_defaults(handler=cmd_workstations)

    acts = sub.add_parser("actions", parents=[common], help="the central audit trail of administrative actions")
    acts.add_argument("--limit", type=int, default=200)
    acts.add_argument("--json", action="store_true")
    acts.set_defaults(handler=cmd_actions)

    esc = sub.add_parser("escrow", help="the desks' database keys kept in escrow")
    esc_sub = esc.add_subparsers(dest="escrow_command", required=True, parser_class=_Parser)
    es = esc_sub.add_parser("setup", parents=[common], help="make the escrow key pair (private key to a file)")
    es.add_argument("--private-key-out", required=True, metavar="FILE", help="a new file for the private key")
    es.set_defaults(handler=cmd_escrow_setup)
    er = esc_sub.add_parser(
        "reveal", parents=[common], help="open a workstation's escrowed recovery code (in the audit trail)"
    )
    er.add_argument("--unit", required=True)
    er.add_argument("--workstation", required=True)
    er.add_argument("--private-key", required=True, metavar="FILE")
    er.add_argument("--json", action="store_true")
    er.set_defaults(handler=cmd_escrow_reveal)

    user = sub.add_parser("user", help="the units' user accounts (the central system is their authority)")
    user_sub = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    ua = user_sub.add_parser("add", parents=[common], help="add a user (temporary password: one line on stdin)")
    ua.add_argument("username")
    ua.add_argument("--unit", required=True)
    ua.add_argument("--role", required=True, choices=["clerk", "supervisor", "admin"])
    ua.add_argument("--name", required=True, help="full name")
    ua.add_argument("--no-change", action="store_true", help="do not ask for a new password at the first sign-in")
    ua.set_defaults(handler=cmd_user_add)
    ul = user_sub.add_parser("list", parents=[common], help="list a unit's users")
    ul.add_argument("--unit", required=True)
    ul.add_argument("--json", action="store_true")
    ul.set_defaults(handler=cmd_user_list)
    ur = user_sub.add_parser("role", parents=[common], help="give a user another role")
    ur.add_argument("username")
    ur.add_argument("role", choices=["clerk", "supervisor", "admin"])
    ur.add_argument("--unit", required=True)
    ur.set_defaults(handler=cmd_user_role)
    for name, active in (("activate", True), ("deactivate", False)):
        up = user_sub.add_parser(name, parents=[common], help=f"{name} a user")
        up.add_argument("username")
        up.add_argument("--unit", required=True)
        up.set_defaults(handler=cmd_user_active, active=active)
    up = user_sub.add_parser("reset-password", parents=[common], help="set a temporary password (stdin)")
    up.add_argument("username")
    up.add_argument("--unit", required=True)
    up.set_defaults(handler=cmd_user_reset)
    uo = user_sub.add_parser("offers", parents=[common], help="users desks offered at their enrolment")
    uo.add_argument("--unit", required=True)
    uo.add_argument("--all", action="store_true", help="decided offers too")
    uo.add_argument("--json", action="store_true")
    uo.set_defaults(handler=cmd_user_offers)
    uc = user_sub.add_parser("accept", parents=[common], help="make an account from an offered user")
    uc.add_argument("username")
    uc.add_argument("--unit", required=True)
    uc.add_argument("--workstation", help="when several desks offered the same name")
    uc.add_argument("--role", choices=["clerk", "supervisor", "admin"], help="another role than offered")
    uc.set_defaults(handler=cmd_user_accept)
    ud = user_sub.add_parser("decline", parents=[common], help="decline an offered user")
    ud.add_argument("username")
    ud.add_argument("--unit", required=True)
    ud.add_argument("--workstation")
    ud.set_defaults(handler=cmd_user_decline)
    staff = sub.add_parser("staff", help="the console's staff accounts (officers, managers, IT administrators)")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True, parser_class=_Parser)
    sa = staff_sub.add_parser("add", parents=[common], help="add a staff account (temporary password on stdin)")
    sa.add_argument("username")
    sa.add_argument("--role", required=True, choices=["officer", "manager", "itadmin"])
    sa.add_argument("--name", required=True, help="full name")
    sa.add_argument("--office", help="an officer's office, as the catalogue names it")
    sa.add_argument("--no-change", action="store_true", help="do not ask for a new password at the first sign-in")
    sa.set_defaults(handler=cmd_staff_add)
    sl = staff_sub.add_parser("list", parents=[common], help="list the staff accounts")
    sl.add_argument("--json", action="store_true")
    sl.set_defaults(handler=cmd_staff_list)
    for name, active in (("activate", True), ("deactivate", False)):
        sp = staff_sub.add_parser(name, parents=[common], help=f"{name} a staff account")
        sp.add_argument("username")
        sp.set_defaults(handler=cmd_staff_active, active=active)
    sr = staff_sub.add_parser("reset-password", parents=[common], help="set a temporary password (stdin)")
    sr.add_argument("username")
    sr.set_defaults(handler=cmd_staff_reset)
    demo = sub.add_parser("demo", parents=[common], help="fictitious demo units, desks and requests")
    demo.add_argument("--requests", type=int, default=300)
    demo.add_argument("--days", type=int, default=70, choices=range(1, 86), metavar="DAYS")
    demo.add_argument("--seed", type=int, default=7)
    demo.set_defaults(handler=cmd_demo)
    fig = sub.add_parser("figures", parents=[common], help="the performance figures of the console's reports")
    fig.add_argument("action", choices=["refresh", "rebuild"])
    fig.set_defaults(handler=cmd_figures)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    level = logging.INFO if args.command == "serve" else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler: Handler = args.handler
    try:
        db = _db(args)
    except Exception as exc:  # unreachable server, bad URL, failed migration
        print(f"error: cannot open the database: {exc}".splitlines()[0], file=sys.stderr)
        return 1
    try:
        return handler(args, db)
    except CentralError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
