"""Commands on requests: intake, show, queue, advance, void, reassign, deliver, note."""

from __future__ import annotations

import argparse
from typing import Any

from ..limits import MAX_FEE
from .common import Commands, actor, bounded_int, emit, store


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
    from .. import workflow

    st = store(args)
    who = actor(st, args.as_user)
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
    (req,) = workflow.intake(st, who, citizen, [item], priority=args.priority)
    emit(args, req.as_dict(), req.receipt_no)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ..queries import get_request

    req = get_request(store(args), args.receipt)
    emit(args, req.as_dict(), lambda: _request_text(req))
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    from ..queries import QueueFilter, queue_page

    flt = QueueFilter(
        status=args.status,
        assignee=args.assignee,
        overdue=args.overdue,
        service_code=args.service,
        text=args.text,
    )
    rows = queue_page(store(args), flt, order_by="due_date", descending=False, limit=args.limit)
    emit(
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
    from .. import workflow

    st = store(args)
    req = workflow.advance(st, actor(st, args.as_user), args.receipt, args.status, note=args.note, reason=args.reason,
                           missing=args.missing)  # fmt: skip
    emit(args, req.as_dict(), f"{req.receipt_no} {req.status}")
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    from .. import workflow

    st = store(args)
    req = workflow.void_intake(st, actor(st, args.as_user), args.receipt, args.reason)
    emit(args, req.as_dict(), f"{req.receipt_no} voided")
    return 0


def cmd_reassign(args: argparse.Namespace) -> int:
    from .. import workflow

    st = store(args)
    moved = workflow.reassign(st, actor(st, args.as_user), args.receipts, args.to, args.reason)
    emit(
        args,
        [r.as_dict() for r in moved],
        lambda: "\n".join(f"{r.receipt_no} -> {r.assignee}" for r in moved) or "nothing to move",
    )
    return 0


def cmd_deliver(args: argparse.Namespace) -> int:
    from .. import workflow

    st = store(args)
    req = workflow.deliver(st, actor(st, args.as_user), args.receipt, rating=args.rating,
                           collected_by=args.collected_by, collector_name=args.collector_name,
                           collector_id=args.collector_id)  # fmt: skip
    emit(args, req.as_dict(), f"{req.receipt_no} delivered")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    from .. import workflow

    st = store(args)
    req = workflow.add_note(st, actor(st, args.as_user), args.receipt, args.text)
    emit(args, req.as_dict(), f"{req.receipt_no} note added")
    return 0


def register(c: Commands) -> None:
    sp = c.add("intake", cmd_intake, "receive a request; prints the receipt number", c.acting)
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
    sp.add_argument("--paid", type=bounded_int(0, MAX_FEE), metavar="AMOUNT",
                    help="fee paid in lek, 0–100000000 (default: the service fee)")  # fmt: skip
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

    sp = c.add("show", cmd_show, "a request with its history")
    sp.add_argument("receipt")
    sp = c.add("queue", cmd_queue, "the unit's queue")
    sp.add_argument("--status")
    sp.add_argument("--assignee")
    sp.add_argument("--overdue", action="store_true")
    sp.add_argument("--service")
    sp.add_argument("--text")
    sp.add_argument("--limit", type=bounded_int(1, 1_000_000), default=500, help="at most this many (1–1000000)")
    sp = c.add("advance", cmd_advance, "change a request's status", c.acting)
    sp.add_argument("receipt")
    sp.add_argument("status")
    sp.add_argument("--note")
    sp.add_argument("--reason", help="why it is rejected or cancelled")
    sp.add_argument("--missing", action="append", metavar="CODE",
                    help="returned: a document the citizen must still bring (repeat)")  # fmt: skip
    sp = c.add("void", cmd_void, "void your own intake of today, received by mistake (its number is never reused)",
               c.acting)  # fmt: skip
    sp.add_argument("receipt")
    sp.add_argument("--reason", required=True)
    sp = c.add("reassign", cmd_reassign, "reassign requests (supervisors)", c.acting)
    sp.add_argument("receipts", nargs="+", metavar="RECEIPT")
    sp.add_argument("--to", required=True, metavar="USER")
    sp.add_argument("--reason", required=True)
    sp = c.add("deliver", cmd_deliver, "hand the result over", c.acting)
    sp.add_argument("receipt")
    sp.add_argument("--rating", type=int, choices=range(1, 6), metavar="1-5")
    sp.add_argument("--collected-by", choices=["citizen", "authorised"], default="citizen")
    sp.add_argument("--collector-name", help="the authorised person's full name")
    sp.add_argument("--collector-id", help="the number of the authorised person's identity document")
    sp = c.add("note", cmd_note, "add a note to a request", c.acting)
    sp.add_argument("receipt")
    sp.add_argument("--text", required=True)
