"""Requests and figures: advance (the back office), requests, figures, citizens-report."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..db import Database
from ..errors import BadRequest
from .common import _actor, _Parser


def cmd_advance(args: argparse.Namespace, db: Database) -> int:
    from ..backoffice import advance

    snap = advance(db, args.receipt, args.status, args.note, actor=_actor(), missing=args.missing)
    print(f"{snap.receipt_no}: {snap.status} (version {snap.version})")
    return 0


def cmd_requests(args: argparse.Namespace, db: Database) -> int:
    from ..backoffice import list_requests

    rows = list_requests(db, args.unit)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.receipt_no}\t{r.status}\t{r.assignee or '-'}\tv{r.version}\t{r.service_code}")
    return 0


def cmd_figures(args: argparse.Namespace, db: Database) -> int:
    from .. import performance

    if args.action == "rebuild":
        with db.write() as s:
            n = performance.rebuild(s.connection())
        print(f"Performance figures rebuilt from {n} requests")
    else:
        print(f"Performance figures brought up to date ({performance.refresh(db)} changes read)")
    return 0


def cmd_citizens_report(args: argparse.Namespace, db: Database) -> int:
    import datetime as dt

    from ..citizens.report import citizens_report

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


def register(sub: Any, common: _Parser) -> None:
    advance = sub.add_parser("advance", parents=[common], help="back office: move a request to a status")
    advance.add_argument("receipt")
    advance.add_argument("status")
    advance.add_argument("--note")
    advance.add_argument("--missing", action="append", metavar="DOC",
                         help="a return for completion: a document still missing (catalogue code; repeat)")
    advance.set_defaults(handler=cmd_advance)

    reqs = sub.add_parser("requests", parents=[common], help="list requests")
    reqs.add_argument("--unit")
    reqs.add_argument("--json", action="store_true")
    reqs.set_defaults(handler=cmd_requests)

    fig = sub.add_parser("figures", parents=[common], help="the performance figures of the console's reports")
    fig.add_argument("action", choices=["refresh", "rebuild"])
    fig.set_defaults(handler=cmd_figures)

    crep = sub.add_parser("citizens-report", parents=[common],
                          help="citizens' survey answers beside the clerks' ratings, and complaints")
    crep.add_argument("--by", choices=["service", "unit", "clerk"], default="service")
    crep.add_argument("--from", dest="date_from")
    crep.add_argument("--to", dest="date_to")
    crep.add_argument("--json", action="store_true")
    crep.set_defaults(handler=cmd_citizens_report)
