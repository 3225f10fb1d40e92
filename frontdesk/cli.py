"""The command line: the same core calls as the UI, for IT officers, automation and tests.

Exit codes: 0 ok, 2 usage, 3 invalid input, 4 not permitted, 5 not found, 6 conflict, 1 other failure.
Errors are one line on stderr. Every command takes ``--json`` after its name for machine-readable output.
The command line acts as the user named by ``--as`` and obeys that user's role; what protects the
database itself is the data directory's file permissions (see docs/cli.md).
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

from .errors import FrontdeskError, InvalidInput

log = logging.getLogger("frontdesk.cli")

Handler = Callable[[argparse.Namespace], int]


def _emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text() if callable(text) else text)


def _store(args: argparse.Namespace) -> Any:
    from .setup import open_home

    return open_home(args.home)


def _actor(store: Any, username: str) -> Any:
    from .auth import actor_for

    return actor_for(store, username)


# ------------------------------------------------------------------------------------------ commands


def cmd_init(args: argparse.Namespace) -> int:
    from . import setup

    store = _store(args)
    info = setup.init_workstation(store, args.unit, args.unit_name, args.workstation)
    created_users = setup.add_demo_catalog_and_users(store) if args.demo else []
    data = {**info.__dict__, "database": str(store.path), "demo_users": created_users}
    _emit(
        args,
        data,
        lambda: (
            f"Workstation {info.workstation_code} of unit {info.unit_code} ready at {store.path}"
            + (
                f"\nDemo catalogue and users created ({', '.join(created_users)}; password {setup.DEMO_PASSWORD})"
                if created_users
                else ""
            )
        ),
    )
    return 0


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise InvalidInput("No password given on standard input.", field="password")
    return line.rstrip("\r\n")


def cmd_user_add(args: argparse.Namespace) -> int:
    from .auth import add_user

    store = _store(args)
    password = _read_password("Password: ")
    info = add_user(
        store,
        None,
        args.username,
        args.role,
        args.name,
        password,
        must_change_password=args.must_change_password,
    )
    _emit(
        args,
        {"id": info.id, "username": info.username, "full_name": info.full_name, "role": info.role},
        f"User {info.username} ({info.role}) added",
    )
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from .sync.accounts import change_password

    current = _read_password("Current password: ")
    new = _read_password("New password: ")
    change_password(_store(args), args.username, current, new)
    _emit(args, {"username": args.username.strip().lower()}, "Password changed")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from .auth import list_users

    users = list_users(_store(args), active_only=not args.all)
    _emit(
        args,
        [u.__dict__ for u in users],
        lambda: (
            "\n".join(
                f"{u.username:<16} {u.role:<11} {'active' if u.active else 'inactive':<9} {u.full_name}" for u in users
            )
            or "no users"
        ),
    )
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from .catalog import import_catalog, load_catalog
    from .clock import utcnow

    catalog = load_catalog(Path(args.file))
    store = _store(args)
    with store.write() as s:
        result = import_catalog(s, catalog, now=utcnow())
    _emit(
        args,
        {"version": catalog.version, **result.__dict__},
        f"Catalogue {catalog.version}: {result.added} added, {result.updated} updated, "
        f"{result.deactivated} deactivated, {result.unchanged} unchanged",
    )
    return 0


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from .catalog import list_services

    store = _store(args)
    with store.read() as s:
        services = list_services(s, active_only=not args.all)
    data = [
        {
            "code": v.code,
            "name_sq": v.name_sq,
            "name_en": v.name_en,
            "category": v.category,
            "fee_amount": v.fee_amount,
            "currency": v.currency,
            "standard_days": v.standard_days,
            "office": v.office,
            "active": v.active,
            "origin": v.origin,
            "documents": [
                {"code": d.code, "name_sq": d.name_sq, "name_en": d.name_en, "required": d.required}
                for d in v.documents
            ],
        }
        for v in services
    ]
    _emit(
        args,
        data,
        lambda: "\n".join(
            f"{v.code:<10} {v.standard_days:>3} d {v.fee_amount:>6} {v.currency}  {v.name_sq}" for v in services
        ),
    )
    return 0


def _request_text(r: Any) -> str:
    lines = [
        f"{r.receipt_no}  {r.status}  {r.service_code} {r.service_name_sq}",
        f"  citizen   {r.citizen_name} ({r.citizen_nid})",
        f"  assignee  {r.assignee or '-'}   promised {r.due_date.isoformat()}   sla {r.sla or '-'}",
    ]
    if r.documents_missing:
        lines.append(f"  missing   {', '.join(r.documents_missing)}")
    if r.rating:
        lines.append(f"  rating    {r.rating}/5")
    for e in r.history:
        change = f"{e.from_status or ''}->{e.to_status}" if e.to_status else ""
        extra = " ".join(f"{k}={v}" for k, v in e.data.items() if v is not None)
        lines.append(
            f"  {e.device_time:%Y-%m-%d %H:%M} {e.workstation_code} {e.actor_username:<12} "
            f"{e.kind:<7} {change} {extra}".rstrip()
        )
    return "\n".join(lines)


def cmd_intake(args: argparse.Namespace) -> int:
    from . import workflow

    store = _store(args)
    actor = _actor(store, args.as_user)
    citizen = workflow.CitizenInput(
        nid=args.nid,
        full_name=args.name,
        phone=args.phone,
        accept_check_mismatch=args.accept_check_mismatch,
        email=args.email,
        notify_consent=args.notify,
    )
    item = workflow.IntakeItem(
        service_code=args.service,
        documents=args.doc or [],
        fee_paid=args.paid,
        note=args.note,
        accept_missing=args.accept_missing,
        return_for_completion=args.return_for_completion,
        complaint_about=args.about,
    )
    (req,) = workflow.intake(store, actor, citizen, [item], priority=args.priority)
    _emit(args, req.as_dict(), req.receipt_no)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .queries import get_request

    req = get_request(_store(args), args.receipt)
    _emit(args, req.as_dict(), lambda: _request_text(req))
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    from .queries import QueueFilter, queue_page

    flt = QueueFilter(
        status=args.status,
        assignee=args.assignee,
        overdue=args.overdue,
        service_code=args.service,
        text=args.text,
    )
    rows = queue_page(_store(args), flt, order_by="due_date", descending=False, limit=args.limit)
    _emit(
        args,
        [r.as_dict() for r in rows],
        lambda: (
            "\n".join(
                f"{r.receipt_no:<18} {r.status:<11} {r.due_date.isoformat()} {r.sla or '-':<8} "
                f"{r.assignee or '-':<12} {r.service_code:<10} {r.citizen_name}"
                for r in rows
            )
            or "queue is empty"
        ),
    )
    return 0


def cmd_advance(args: argparse.Namespace) -> int:
    from . import workflow

    store = _store(args)
    req = workflow.advance(store, _actor(store, args.as_user), args.receipt, args.status, note=args.note,
                           reason=args.reason)  # fmt: skip
    _emit(args, req.as_dict(), f"{req.receipt_no} {req.status}")
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    from . import workflow

    store = _store(args)
    req = workflow.void_intake(store, _actor(store, args.as_user), args.receipt, args.reason)
    _emit(args, req.as_dict(), f"{req.receipt_no} voided")
    return 0


def cmd_reassign(args: argparse.Namespace) -> int:
    from . import workflow

    store = _store(args)
    moved = workflow.reassign(store, _actor(store, args.as_user), args.receipts, args.to, args.reason)
    _emit(
        args,
        [r.as_dict() for r in moved],
        lambda: "\n".join(f"{r.receipt_no} -> {r.assignee}" for r in moved) or "nothing to move",
    )
    return 0


def cmd_deliver(args: argparse.Namespace) -> int:
    from . import workflow

    store = _store(args)
    req = workflow.deliver(store, _actor(store, args.as_user), args.receipt, rating=args.rating,
                           collected_by=args.collected_by, collector_name=args.collector_name,
                           collector_id=args.collector_id)  # fmt: skip
    _emit(args, req.as_dict(), f"{req.receipt_no} delivered")
    return 0


def cmd_survey(args: argparse.Namespace) -> int:
    """The citizen's own answers, typed in for them at the counter (the app's prompt does the same)."""
    from . import workflow

    yes_no = {"yes": True, "no": False, None: None}
    store = _store(args)
    req = workflow.record_survey(store, _actor(store, args.as_user), args.receipt, overall=args.overall,
                                 promised_kept=yes_no[args.kept], clear=yes_no[args.clear],
                                 comment=args.comment)  # fmt: skip
    _emit(args, req.as_dict(), f"{req.receipt_no} survey recorded")
    return 0


def cmd_citizens_report(args: argparse.Namespace) -> int:
    import json

    from .citizen_report import citizens_report

    report = citizens_report(_store(args), by=args.by, date_from=_date(args.date_from, "--from"),
                             date_to=_date(args.date_to, "--to"))  # fmt: skip
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(report.as_table())
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    from . import workflow

    store = _store(args)
    req = workflow.add_note(store, _actor(store, args.as_user), args.receipt, args.text)
    _emit(args, req.as_dict(), f"{req.receipt_no} note added")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    store = _store(args)
    target = store.backup(Path(args.out))
    _emit(args, {"backup": str(target), "bytes": target.stat().st_size}, f"Backup written to {target}")
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from .queries import normalise_receipt
    from .receipts import load_receipt, render_receipt

    store = _store(args)
    with store.read() as s:
        doc = load_receipt(s, normalise_receipt(args.receipt), lang=args.lang)
    out = Path(args.out)
    out.write_bytes(render_receipt(doc, paper=args.paper))
    _emit(
        args,
        {"receipt_no": normalise_receipt(args.receipt), "out": str(out), "paper": args.paper},
        f"Receipt written to {out}",
    )
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from . import workflow
    from .queries import normalise_receipt
    from .receipts import load_receipt, render_receipt

    store = _store(args)
    actor = _actor(store, args.as_user)
    receipt_no = normalise_receipt(args.receipt)
    with store.read() as s:
        doc = load_receipt(s, receipt_no, lang=args.lang)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # printing needs no window
    from PySide6.QtGui import QGuiApplication  # Qt only for this command

    from .ui.printing import choose_printer, print_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])  # QPrinter needs an application object
    printer = args.printer or choose_printer(None)
    # Count the print first: if the job then fails, the next print is marked as a copy (the safe side).
    copy_no = workflow.record_print(store, actor, receipt_no)
    print_pdf(render_receipt(doc, paper=args.paper, copy_no=copy_no), printer, paper=args.paper)
    _emit(
        args,
        {"receipt_no": receipt_no, "printer": printer, "copy": copy_no},
        f"Receipt {receipt_no} sent to {printer}" + (f" (copy {copy_no})" if copy_no else ""),
    )
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    from .sync.client import CentralError, CentralUnreachable, InsecureAddress
    from .sync.credentials import CredentialsUnavailable
    from .sync.engine import enrol

    store = _store(args)
    try:
        done = enrol(store, args.server, args.code, ca_bundle=args.ca_bundle)
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
    _emit(args, {"workstation_id": done.workstation_id, "server": args.server, "users_offered": offered}, text)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    import threading

    from .sync.engine import SyncEngine, SyncFailed, SyncReport

    engine = SyncEngine(_store(args))
    if args.once:
        try:
            report = engine.sync_once()
        except SyncFailed as exc:
            print(f"frontdesk: {exc.reason}", file=sys.stderr)
            return 1
        _emit(
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
    from . import replication

    st = replication.status(_store(args))

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

    _emit(args, st.as_dict(), text)
    return 0


def _date(text: str | None, field: str) -> Any:
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            "{option}: expected a date as YYYY-MM-DD, got {value!r}.", field=field, option=field, value=text
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt

    from . import report_export, reports
    from .queries import today_local

    today = today_local()
    date_from = _date(args.date_from, "--from") or today.replace(day=1)
    date_to = _date(args.date_to, "--to") or today
    report = reports.standards_report(_store(args), date_from=date_from, date_to=date_to, by=args.by)
    fmt = "json" if args.json else args.format
    if fmt == "pdf":
        if not args.out:
            raise InvalidInput("--format pdf needs --out FILE.", field="out")
        title = args.title or f"Performanca ndaj standardeve të shërbimit ({args.by})"
        Path(args.out).write_bytes(report_export.to_pdf(report, title=title, date_from=date_from, date_to=date_to,
                                                  lang=args.lang))  # fmt: skip
        print(f"Report written to {args.out}")
        return 0
    if fmt == "csv":
        text = report_export.to_csv(report)
    elif fmt == "json":
        text = report_export.to_json(report)
    else:

        def pct(v: float | None) -> str:
            return "-" if v is None else f"{v * 100:.0f}%"

        lines = [f"{'key':<14} {'received':>8} {'completed':>9} {'on time':>8} {'median':>6} {'p90':>4} "
                 f"{'overdue':>7} {'returned':>8} {'rating':>6}"]  # fmt: skip
        for r in [*report.rows, report.total]:
            median = "-" if r.median_days is None else f"{r.median_days:g}"
            p90 = "-" if r.p90_days is None else str(r.p90_days)
            rating = "-" if r.avg_rating is None else f"{r.avg_rating:.1f}"
            lines.append(
                f"{r.key:<14} {r.received:>8} {r.completed:>9} {pct(r.on_time_share):>8} {median:>6} {p90:>4} "
                f"{r.open_overdue:>7} {pct(r.returned_rate):>8} {rating:>6}"
            )
        text = (
            "\n".join(lines)
            + f"\n{date_from.isoformat()} – {date_to.isoformat()}, by {args.by}, as of {dt.date.isoformat(today)}\n"
        )
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"Report written to {args.out}")
    else:
        print(text, end="" if text.endswith("\n") else "\n")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from . import audit

    store = _store(args)
    with store.read() as s:
        result = audit.verify(s)
        head = audit.head(s)
    data: dict[str, Any] = {**result.__dict__, "head_seq": head[0], "head_hash": head[1], "anchor": None}
    if result.ok and not args.local:
        from . import replication

        if replication.status(store).enrolled:
            from .sync.accounts import NeedsCentral, verify_anchor

            try:
                check = verify_anchor(store)
            except NeedsCentral as exc:
                data["anchor"] = {"checked": False, "problem": exc.render()}
                print(f"frontdesk: {exc.render()} (the local chain was checked)", file=sys.stderr)
            else:
                anchor = check.anchor.model_dump(mode="json") if check.anchor else None
                data["anchor"] = {"checked": True, "ok": check.ok, "problem": check.problem, "central": anchor}
                if not check.ok:
                    if args.json:
                        print(json.dumps(data, ensure_ascii=False, indent=2))
                    print(f"frontdesk: audit trail does not match the central anchor: {check.problem}",
                          file=sys.stderr)  # fmt: skip
                    return 8
    if result.ok:
        anchored = data["anchor"] or {}
        suffix = ""
        if anchored.get("checked") and anchored.get("central"):
            suffix = f"; matches the central anchor at entry #{anchored['central']['seq']}"
        _emit(args, data, f"Audit trail intact: {result.checked} entries, head #{head[0]} {head[1][:16]}…{suffix}")
        return 0
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    print(f"frontdesk: audit trail BROKEN at entry {result.first_bad_seq}: {result.reason} "
          f"({result.checked} entries checked)", file=sys.stderr)  # fmt: skip
    return 8


def cmd_audit_list(args: argparse.Namespace) -> int:
    from . import audit

    store = _store(args)
    with store.read() as s:
        rows = audit.entries(s, actor=args.actor, action=args.action, date_from=_date(args.date_from, "--from"),
                             date_to=_date(args.date_to, "--to"), text=args.text, limit=args.limit)  # fmt: skip

    def line(r: Any) -> str:
        return f"{r.seq:>6} {r.time:%Y-%m-%d %H:%M} {r.workstation_code:<4} {r.actor or '-':<12} {r.action:<15} " + (
            r.subject or ""
        )

    _emit(args, [r.as_dict() for r in rows], lambda: "\n".join(line(r) for r in rows) or "no entries")
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    try:
        from .ui.app import run
    except ImportError as exc:
        print(
            f"frontdesk: the desktop app is not available ({exc}); install the 'ui' extra "
            "(pip install 'frontdesk[ui]')",
            file=sys.stderr,
        )
        return 1
    return run(Path(args.home) if args.home else None, self_test=args.self_test)


# ------------------------------------------------------------------------------------------ parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("--home", default=argparse.SUPPRESS, help="data directory (or FRONTDESK_HOME)")
    acting = _Parser(add_help=False)
    acting.add_argument("--as", dest="as_user", required=True, metavar="USER", help="act as this user")

    p = _Parser(
        prog="frontdesk",
        description="Front desk for one-stop-shop counters. Without a command, starts the desktop app.",
    )
    p.add_argument("--home", default=None, help="data directory (default: FRONTDESK_HOME or the platform's)")
    p.add_argument("--self-test", action="store_true", help="open the app offscreen, run one intake, exit")
    p.set_defaults(func=cmd_app)
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def add(name: str, func: Handler, help_: str, *parents: _Parser) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, parents=[common, *parents])
        sp.set_defaults(func=func)
        return sp

    sp = add("init", cmd_init, "initialise this workstation")
    sp.add_argument("--unit", required=True, help="unit code, 2–6 letters/digits")
    sp.add_argument("--unit-name", required=True)
    sp.add_argument("--workstation", required=True, help="workstation code, 1–4 letters/digits")
    sp.add_argument("--demo", action="store_true", help="also load the demo catalogue and demo users")

    user = sub.add_parser("user", help="users").add_subparsers(
        dest="user_cmd", parser_class=_Parser, required=True, metavar="ACTION"
    )
    sp = user.add_parser("add", help="add a user (password: one line on stdin)", parents=[common])
    sp.set_defaults(func=cmd_user_add)
    sp.add_argument("username")
    sp.add_argument("--role", required=True, choices=["clerk", "supervisor", "admin"])
    sp.add_argument("--name", required=True)
    sp.add_argument("--must-change-password", action="store_true")
    sp = user.add_parser("list", help="list users", parents=[common])
    sp.set_defaults(func=cmd_user_list)
    sp.add_argument("--all", action="store_true", help="include deactivated users")
    sp = user.add_parser(
        "passwd",
        help="change your own password (stdin: current, then new; online through the central system when enrolled)",
        parents=[common],
    )
    sp.set_defaults(func=cmd_user_passwd)
    sp.add_argument("username")

    cat = sub.add_parser("catalog", help="service catalogue").add_subparsers(
        dest="catalog_cmd", parser_class=_Parser, required=True, metavar="ACTION"
    )
    sp = cat.add_parser("import", help="import a catalogue JSON file", parents=[common])
    sp.set_defaults(func=cmd_catalog_import)
    sp.add_argument("file")
    sp = cat.add_parser("list", help="list services", parents=[common])
    sp.set_defaults(func=cmd_catalog_list)
    sp.add_argument("--all", action="store_true", help="include inactive services")

    sp = add("intake", cmd_intake, "receive a request; prints the receipt number", acting)
    sp.add_argument("--service", required=True)
    sp.add_argument("--nid", required=True, help="personal number")
    sp.add_argument("--name", required=True)
    sp.add_argument("--phone")
    sp.add_argument("--email", help="the citizen's contact e-mail (for messages)")
    sp.add_argument(
        "--notify",
        action="store_true",
        help="the citizen consents to an SMS or e-mail when the request is ready or returned",
    )
    sp.add_argument("--about", metavar="RECEIPT", help="a complaint (service ANKESE): the receipt it is about")
    sp.add_argument("--doc", action="append", metavar="CODE", help="a document received (repeat)")
    sp.add_argument("--paid", type=int, metavar="AMOUNT", help="fee paid in lek (default: the service fee)")
    sp.add_argument("--priority", action="store_true", help="elderly or disabled citizen")
    sp.add_argument("--note")
    sp.add_argument(
        "--accept-check-mismatch",
        action="store_true",
        help="accept a personal number whose check letter does not match",
    )
    sp.add_argument("--accept-missing", action="store_true", help="accept although required documents are missing")
    sp.add_argument(
        "--return-for-completion",
        action="store_true",
        help="record it as returned to the citizen for completion of documents",
    )

    sp = add("show", cmd_show, "a request with its history")
    sp.add_argument("receipt")
    sp = add("queue", cmd_queue, "the unit's queue")
    sp.add_argument("--status")
    sp.add_argument("--assignee")
    sp.add_argument("--overdue", action="store_true")
    sp.add_argument("--service")
    sp.add_argument("--text")
    sp.add_argument("--limit", type=int, default=500)
    sp = add("advance", cmd_advance, "change a request's status", acting)
    sp.add_argument("receipt")
    sp.add_argument("status")
    sp.add_argument("--note")
    sp.add_argument("--reason", help="why it is rejected or cancelled")
    sp = add("void", cmd_void, "void your own intake of today, received by mistake (its number is never reused)",
             acting)  # fmt: skip
    sp.add_argument("receipt")
    sp.add_argument("--reason", required=True)
    sp = add("reassign", cmd_reassign, "reassign requests (supervisors)", acting)
    sp.add_argument("receipts", nargs="+", metavar="RECEIPT")
    sp.add_argument("--to", required=True, metavar="USER")
    sp.add_argument("--reason", required=True)
    sp = add("deliver", cmd_deliver, "hand the result over", acting)
    sp.add_argument("receipt")
    sp.add_argument("--rating", type=int, choices=range(1, 6), metavar="1-5")
    sp.add_argument("--collected-by", choices=["citizen", "authorised"], default="citizen")
    sp.add_argument("--collector-name", help="the authorised person's full name")
    sp.add_argument("--collector-id", help="the number of the authorised person's identity document")
    sp = add("survey", cmd_survey, "the citizen's own survey answers, given at the counter", acting)
    sp.add_argument("receipt")
    sp.add_argument("--overall", type=int, required=True, choices=range(1, 6), metavar="1-5")
    sp.add_argument("--kept", choices=["yes", "no"], help="was the promised date kept")
    sp.add_argument("--clear", choices=["yes", "no"], help="was the service clear")
    sp.add_argument("--comment")
    sp = add("citizens-report", cmd_citizens_report, "citizens' survey answers beside clerk ratings; complaints")
    sp.add_argument("--by", choices=["service", "clerk", "unit"], default="service")
    sp.add_argument("--from", dest="date_from", metavar="DATE", help="first day (default: 1st of this month)")
    sp.add_argument("--to", dest="date_to", metavar="DATE", help="last day (default: today)")
    sp = add("note", cmd_note, "add a note to a request", acting)
    sp.add_argument("receipt")
    sp.add_argument("--text", required=True)
    sp = add("backup", cmd_backup, "online backup of the database")
    sp.add_argument("--out", required=True)
    sp = add("receipt", cmd_receipt, "write a receipt PDF")
    sp.add_argument("receipt")
    sp.add_argument("--out", required=True)
    sp.add_argument("--paper", choices=["roll80", "a5"], default="roll80")
    sp.add_argument("--lang", choices=["sq", "en"], default="sq")
    sp = add("print", cmd_print, "print a receipt (counts as a reprint after the first)", acting)
    sp.add_argument("receipt")
    sp.add_argument("--printer")
    sp.add_argument("--paper", choices=["roll80", "a5"], default="roll80")
    sp.add_argument("--lang", choices=["sq", "en"], default="sq")
    sp = add("report", cmd_report, "performance against the service standards")
    sp.add_argument("--from", dest="date_from", metavar="DATE", help="first day (default: 1st of this month)")
    sp.add_argument("--to", dest="date_to", metavar="DATE", help="last day (default: today)")
    sp.add_argument("--by", choices=["service", "clerk", "unit"], default="service")
    sp.add_argument("--format", choices=["table", "csv", "json", "pdf"], default="table")
    sp.add_argument("--out", metavar="FILE")
    sp.add_argument("--lang", choices=["sq", "en"], default="sq")
    sp.add_argument("--title")
    aud = sub.add_parser("audit", help="the hash-chained audit trail").add_subparsers(
        dest="audit_cmd", parser_class=_Parser, required=True, metavar="ACTION"
    )
    sp = aud.add_parser(
        "verify",
        help="check the chain (and, when enrolled, against the central anchor); exit 8 at the first broken link",
        parents=[common],
    )
    sp.set_defaults(func=cmd_audit_verify)
    sp.add_argument("--local", action="store_true", help="do not compare with the central anchor")
    sp = aud.add_parser("list", help="entries, newest first", parents=[common])
    sp.set_defaults(func=cmd_audit_list)
    sp.add_argument("--actor")
    sp.add_argument("--action")
    sp.add_argument("--from", dest="date_from", metavar="DATE")
    sp.add_argument("--to", dest="date_to", metavar="DATE")
    sp.add_argument("--text")
    sp.add_argument("--limit", type=int, default=200)
    sp = add("enrol", cmd_enrol, "register this workstation with the central server")
    sp.add_argument("--server", required=True, metavar="URL")
    sp.add_argument("--code", required=True, help="one-time enrolment code from the central server")
    sp.add_argument("--ca-bundle", metavar="FILE", help="CA certificates for a municipal PKI")
    sp = add("sync", cmd_sync, "sync with the central server (until stopped, or --once)")
    sp.add_argument("--once", action="store_true", help="one complete cycle; exit 0 only if all of it succeeded")
    sp.add_argument("--interval", type=float, default=30.0, help="seconds between cycles after a success")
    add("sync-status", cmd_sync_status, "pending and rejected ops, last success and error, cursor")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    # errors only on the terminal: a command's outcome is its one line (a pulled change set aside is in
    # sync-status, not a warning printed before the answer)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # usage errors and --help
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except FrontdeskError as exc:
        print(f"frontdesk: {exc.render()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"frontdesk: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
