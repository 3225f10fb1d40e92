"""Documents and reports: receipt, print, report, audit verify/list."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..errors import InvalidInput
from ..rules import clean_line
from .common import Commands, actor, bounded_int, emit, output_file, parse_date, safe_text, store, write_output


def cmd_receipt(args: argparse.Namespace) -> int:
    from ..queries import normalise_receipt
    from ..receipts import load_receipt, render_receipt

    out = output_file(args, args.out)
    st = store(args)
    with st.read() as s:
        doc = load_receipt(s, normalise_receipt(args.receipt), lang=args.lang)
    write_output(out, render_receipt(doc, paper=args.paper))
    emit(
        args,
        {"receipt_no": normalise_receipt(args.receipt), "out": str(out), "paper": args.paper},
        f"Receipt written to {out}",
    )
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from .. import workflow
    from ..queries import normalise_receipt
    from ..receipts import load_receipt, render_receipt

    st = store(args)
    who = actor(st, args.as_user)
    receipt_no = normalise_receipt(args.receipt)
    with st.read() as s:
        doc = load_receipt(s, receipt_no, lang=args.lang)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # printing needs no window
    from PySide6.QtGui import QGuiApplication  # Qt only for this command

    from ..ui.printing import choose_printer, print_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])  # QPrinter needs an application object
    printer = args.printer or choose_printer(None)
    # Count the print first: if the job then fails, the next print is marked as a copy (the safe side).
    copy_no = workflow.record_print(st, who, receipt_no)
    print_pdf(render_receipt(doc, paper=args.paper, copy_no=copy_no), printer, paper=args.paper)
    emit(
        args,
        {"receipt_no": receipt_no, "printer": printer, "copy": copy_no},
        f"Receipt {receipt_no} sent to {printer}" + (f" (copy {copy_no})" if copy_no else ""),
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt

    from .. import report_export, reports
    from ..queries import today_local

    today = today_local()
    date_from = parse_date(args.date_from, "--from") or today.replace(day=1)
    date_to = parse_date(args.date_to, "--to") or today
    out = output_file(args, args.out) if args.out else None
    report = reports.standards_report(store(args), date_from=date_from, date_to=date_to, by=args.by)
    fmt = "json" if args.json else args.format
    if fmt == "pdf":
        if out is None:
            raise InvalidInput("--format pdf needs --out FILE.", field="out")
        title = clean_line(args.title, "title", 200) or f"Performanca ndaj standardeve të shërbimit ({args.by})"
        write_output(out, report_export.to_pdf(report, title=title, date_from=date_from, date_to=date_to,
                                               lang=args.lang))  # fmt: skip
        print(safe_text(f"Report written to {out}"))
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
    if out is not None:
        write_output(out, text)
        print(safe_text(f"Report written to {out}"))
    else:
        print(text, end="" if text.endswith("\n") else "\n")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from .. import audit

    st = store(args)
    with st.read() as s:
        result = audit.verify(s)
        head = audit.head(s)
    data: dict[str, Any] = {**result.__dict__, "head_seq": head[0], "head_hash": head[1], "anchor": None}
    if result.ok and not args.local:
        from .. import replication

        if replication.status(st).enrolled:
            from ..sync.accounts import NeedsCentral, verify_anchor

            try:
                check = verify_anchor(st)
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
        emit(args, data, f"Audit trail intact: {result.checked} entries, head #{head[0]} {head[1][:16]}…{suffix}")
        return 0
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    print(f"frontdesk: audit trail BROKEN at entry {result.first_bad_seq}: {result.reason} "
          f"({result.checked} entries checked)", file=sys.stderr)  # fmt: skip
    return 8


def cmd_audit_list(args: argparse.Namespace) -> int:
    from .. import audit

    st = store(args)
    with st.read() as s:
        rows = audit.entries(s, actor=args.actor, action=args.action, date_from=parse_date(args.date_from, "--from"),
                             date_to=parse_date(args.date_to, "--to"), text=args.text, limit=args.limit)  # fmt: skip

    def line(r: Any) -> str:
        return f"{r.seq:>6} {r.time:%Y-%m-%d %H:%M} {r.workstation_code:<4} {r.actor or '-':<12} {r.action:<15} " + (
            r.subject or ""
        )

    emit(args, [r.as_dict() for r in rows], lambda: "\n".join(line(r) for r in rows) or "no entries")
    return 0


def register(c: Commands) -> None:
    sp = c.add("receipt", cmd_receipt, "write a receipt PDF")
    sp.add_argument("receipt")
    sp.add_argument("--out", required=True)
    sp.add_argument("--paper", choices=["roll80", "a5"], default="roll80")
    sp.add_argument("--lang", choices=["sq", "en"], default="sq")
    sp = c.add("print", cmd_print, "print a receipt (counts as a reprint after the first)", c.acting)
    sp.add_argument("receipt")
    sp.add_argument("--printer")
    sp.add_argument("--paper", choices=["roll80", "a5"], default="roll80")
    sp.add_argument("--lang", choices=["sq", "en"], default="sq")
    sp = c.add("report", cmd_report, "performance against the service standards")
    sp.add_argument("--from", dest="date_from", metavar="DATE", help="first day (default: 1st of this month)")
    sp.add_argument("--to", dest="date_to", metavar="DATE", help="last day (default: today)")
    sp.add_argument("--by", choices=["service", "clerk", "unit"], default="service")
    sp.add_argument("--format", choices=["table", "csv", "json", "pdf"], default="table")
    sp.add_argument("--out", metavar="FILE")
    sp.add_argument("--lang", choices=["sq", "en"], default="sq")
    sp.add_argument("--title")

    aud = c.group("audit", "the hash-chained audit trail", "audit_cmd")
    sp = c.action(
        aud,
        "verify",
        cmd_audit_verify,
        "check the chain (and, when enrolled, against the central anchor); exit 8 at the first broken link",
    )
    sp.add_argument("--local", action="store_true", help="do not compare with the central anchor")
    sp = c.action(aud, "list", cmd_audit_list, "entries, newest first")
    sp.add_argument("--actor")
    sp.add_argument("--action")
    sp.add_argument("--from", dest="date_from", metavar="DATE")
    sp.add_argument("--to", dest="date_to", metavar="DATE")
    sp.add_argument("--text")
    sp.add_argument("--limit", type=bounded_int(1, 100_000), default=200, help="at most this many (1–100000)")
