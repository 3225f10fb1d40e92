"""Commands of the citizens' side at the desk (issue 14, docs/citizens.md): the citizen's own survey
answers given at the counter, and the report of what the citizens say beside the clerks' ratings."""

from __future__ import annotations

import argparse
import json

from .common import Commands, actor, emit, parse_date, store


def cmd_survey(args: argparse.Namespace) -> int:
    """The citizen's own answers, typed in for them at the counter (the app's prompt does the same)."""
    from .. import workflow

    yes_no = {"yes": True, "no": False, None: None}
    st = store(args)
    req = workflow.record_survey(st, actor(st, args.as_user), args.receipt, overall=args.overall,
                                 promised_kept=yes_no[args.kept], clear=yes_no[args.clear],
                                 comment=args.comment)  # fmt: skip
    emit(args, req.as_dict(), f"{req.receipt_no} survey recorded")
    return 0


def cmd_citizens_report(args: argparse.Namespace) -> int:
    from ..citizen_report import citizens_report

    report = citizens_report(store(args), by=args.by, date_from=parse_date(args.date_from, "--from"),
                             date_to=parse_date(args.date_to, "--to"))  # fmt: skip
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(report.as_table())
    return 0


def register(c: Commands) -> None:
    sp = c.add("survey", cmd_survey, "the citizen's own survey answers, given at the counter", c.acting)
    sp.add_argument("receipt")
    sp.add_argument("--overall", type=int, required=True, choices=range(1, 6), metavar="1-5")
    sp.add_argument("--kept", choices=["yes", "no"], help="was the promised date kept")
    sp.add_argument("--clear", choices=["yes", "no"], help="was the service clear")
    sp.add_argument("--comment")
    sp = c.add("citizens-report", cmd_citizens_report, "citizens' survey answers beside clerk ratings; complaints")
    sp.add_argument("--by", choices=["service", "clerk", "unit"], default="service")
    sp.add_argument("--from", dest="date_from", metavar="DATE", help="first day (default: 1st of this month)")
    sp.add_argument("--to", dest="date_to", metavar="DATE", help="last day (default: today)")
