"""The units and their desks: unit add / list, enrol-code, reissue-code, catalog publish, revoke, new-epoch,
workstations, demo."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..db import Database
from .common import _actor, _Parser


def cmd_unit_add(args: argparse.Namespace, db: Database) -> int:
    from ..enrolment import add_unit

    add_unit(db, args.code, args.name, actor=_actor())
    print(f"Unit {args.code.strip().upper()} created")
    return 0


def cmd_unit_list(args: argparse.Namespace, db: Database) -> int:
    from ..enrolment import list_units

    units = list_units(db)
    if args.json:
        print(json.dumps([{"code": c, "name": n} for c, n in units], ensure_ascii=False, indent=2))
    else:
        for code, name in units:
            print(f"{code}\t{name}")
    return 0


def cmd_enrol_code(args: argparse.Namespace, db: Database) -> int:
    from ..enrolment import create_enrol_code

    print(create_enrol_code(db, args.unit, hours=args.hours, actor=_actor()))
    return 0


def cmd_reissue_code(args: argparse.Namespace, db: Database) -> int:
    from ..enrolment import create_reissue_code

    print(create_reissue_code(db, args.unit, args.workstation, hours=args.hours, actor=_actor()))
    return 0


def cmd_catalog_publish(args: argparse.Namespace, db: Database) -> int:
    from frontdesk.catalog import CatalogError

    from ..catalog import publish_catalog

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


def cmd_revoke(args: argparse.Namespace, db: Database) -> int:
    from ..enrolment import revoke

    done = revoke(db, args.unit, args.workstation, actor=_actor())
    ws = f"{args.workstation.strip().upper()} of unit {args.unit.strip().upper()}"
    print(f"Workstation {ws} revoked" if done else f"Workstation {ws} was already revoked")
    return 0


def cmd_new_epoch(args: argparse.Namespace, db: Database) -> int:
    from ..enrolment import rotate_epoch

    print(rotate_epoch(db, actor=_actor()))
    return 0


def cmd_workstations(args: argparse.Namespace, db: Database) -> int:
    from ..enrolment import workstation_view

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


def cmd_demo(args: argparse.Namespace, db: Database) -> int:
    from ..demo import PASSWORD, fill

    made = fill(db, requests=args.requests, days=args.days, seed=args.seed)
    print(f"Demo data: {made['requests']} requests pushed by the demo desks of units TR01, TR02, TR03 "
          f"(their accounts' password: {PASSWORD})")  # fmt: skip
    return 0


def register(sub: Any, common: _Parser) -> None:
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

    revoke = sub.add_parser("revoke", parents=[common], help="revoke a workstation's token")
    revoke.add_argument("--unit", required=True)
    revoke.add_argument("--workstation", required=True)
    revoke.set_defaults(handler=cmd_revoke)

    epoch = sub.add_parser("new-epoch", parents=[common], help="rotate the epoch (after restoring a backup)")
    epoch.set_defaults(handler=cmd_new_epoch)

    wss = sub.add_parser("workstations", parents=[common], help="workstations: last contact, clock skew, audit anchor")
    wss.add_argument("--unit")
    wss.add_argument("--json", action="store_true")
    wss.set_defaults(handler=cmd_workstations)

    demo = sub.add_parser("demo", parents=[common], help="fictitious demo units, desks and requests")
    demo.add_argument("--requests", type=int, default=300)
    demo.add_argument("--days", type=int, default=70, choices=range(1, 86), metavar="DAYS")
    demo.add_argument("--seed", type=int, default=7)
    demo.set_defaults(handler=cmd_demo)
