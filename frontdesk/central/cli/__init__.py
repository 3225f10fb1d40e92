"""``frontdesk-central``: serve the API and administer the central database.

Every command takes ``--db URL`` (else ``FRONTDESK_CENTRAL_DB``, else ``sqlite:///frontdesk-central.db``);
the schema is migrated when the database is opened. Exit codes as the workstation's command line:
0 ok, 2 usage, 3 invalid input, 5 not found, 6 conflict, 1 other failure; errors are one line on stderr.

One module per area registers its own commands: :mod:`.serve` (serve, public-url, notify), :mod:`.units`
(units, enrolment and re-issue codes, the catalogue, revocation, epochs, workstations, demo data),
:mod:`.requests` (advance, requests, figures, citizens-report), :mod:`.audit` (actions, escrow) and
:mod:`.accounts` (user, staff). :mod:`.common` holds what they share.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from ..errors import CentralError
from . import accounts, audit, requests, serve, units
from .common import Handler, _db, _Parser, common_options

AREAS = (serve, units, requests, audit, accounts)


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = _Parser(prog="frontdesk-central", description="Reference central server of the frontdesk sync protocol.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for area in AREAS:
        area.register(sub, common)
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


__all__ = ["build_parser", "main"]
