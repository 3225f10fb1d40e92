"""``frontdesk-central``: serve the API and administer the central database.

Every command takes ``--db URL`` (else ``FRONTDESK_CENTRAL_DB``, else ``sqlite:///frontdesk-central.db``);
the schema is migrated when the database is opened. Exit codes as the workstation's command line:
0 ok, 2 usage, 3 invalid input, 5 not found, 6 conflict, 1 other failure; errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .db import Database
from .errors import CentralError

Handler = Callable[[argparse.Namespace, Database], int]


def _db(args: argparse.Namespace) -> Database:
    return Database(args.db)


def cmd_serve(args: argparse.Namespace, db: Database) -> int:
    import uvicorn

    from .app import create_app

    app = create_app(db)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, proxy_headers=True)
    return 0


def cmd_unit_add(args: argparse.Namespace, db: Database) -> int:
    from .service import add_unit

    add_unit(db, args.code, args.name)
    print(f"Unit {args.code.strip().upper()} created")
    return 0


def cmd_unit_list(args: argparse.Namespace, db: Database) -> int:
    from .service import list_units

    units = list_units(db)
    if args.json:
        print(json.dumps([{"code": c, "name": n} for c, n in units], ensure_ascii=False, indent=2))
    else:
        for code, name in units:
            print(f"{code}\t{name}")
    return 0


def cmd_enrol_code(args: argparse.Namespace, db: Database) -> int:
    from .service import create_enrol_code

    print(create_enrol_code(db, args.unit, hours=args.hours))
    return 0


def cmd_catalog_publish(args: argparse.Namespace, db: Database) -> int:
    from frontdesk.catalog import CatalogError

    from .service import publish_catalog

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
        version, units = publish_catalog(db, text, path.name)
    except CatalogError as exc:
        print("error: " + exc.render().replace("\n", "; "), file=sys.stderr)
        return 3
    print(f"Catalogue {version} published to {units} unit(s)")
    return 0


def cmd_advance(args: argparse.Namespace, db: Database) -> int:
    from .service import backoffice_advance

    snap = backoffice_advance(db, args.receipt, args.status, args.note)
    print(f"{snap.receipt_no}: {snap.status} (version {snap.version})")
    return 0


def cmd_revoke(args: argparse.Namespace, db: Database) -> int:
    from .service import revoke

    done = revoke(db, args.unit, args.workstation)
    ws = f"{args.workstation.strip().upper()} of unit {args.unit.strip().upper()}"
    print(f"Workstation {ws} revoked" if done else f"Workstation {ws} was already revoked")
    return 0


def cmd_new_epoch(args: argparse.Namespace, db: Database) -> int:
    from .service import rotate_epoch

    print(rotate_epoch(db))
    return 0


def cmd_requests(args: argparse.Namespace, db: Database) -> int:
    from .service import list_requests

    rows = list_requests(db, args.unit)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.receipt_no}\t{r.status}\t{r.assignee or '-'}\tv{r.version}\t{r.service_code}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="database URL (default: $FRONTDESK_CENTRAL_DB or sqlite:///frontdesk-central.db)")
    parser = argparse.ArgumentParser(
        prog="frontdesk-central", description="Reference central server of the frontdesk sync protocol."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[common], help="run the HTTP API (behind a TLS reverse proxy)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.set_defaults(handler=cmd_serve)

    unit = sub.add_parser("unit", help="administrative units")
    unit_sub = unit.add_subparsers(dest="unit_command", required=True)
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

    catalog = sub.add_parser("catalog", help="service catalogue")
    catalog_sub = catalog.add_subparsers(dest="catalog_command", required=True)
    publish = catalog_sub.add_parser("publish", parents=[common], help="publish a catalogue file to every unit")
    publish.add_argument("file")
    publish.set_defaults(handler=cmd_catalog_publish)

    advance = sub.add_parser("advance", parents=[common], help="back office: move a request to a status")
    advance.add_argument("receipt")
    advance.add_argument("status")
    advance.add_argument("--note")
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
