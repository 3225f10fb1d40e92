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
from typing import Any

from ..errors import CentralError
from . import accounts, audit, requests, serve, units
from .common import Handler, _db, _Parser, common_options

AREAS = (serve, units, requests, audit, accounts)
# The order --help lists the commands in (and the usage line and an invalid choice's error name them in).
COMMANDS = ("serve", "public-url", "notify", "citizens-report", "unit", "enrol-code", "reissue-code", "catalog",
            "advance", "revoke", "new-epoch", "requests", "workstations", "actions", "escrow", "user", "staff", "demo",
            "figures")  # fmt: skip


def _in_order(sub: Any, names: Sequence[str]) -> None:
    """Put the commands the areas registered (one area after the other) in the order of ``names``, which
    names every command."""
    if sorted(sub.choices) != sorted(names):
        raise RuntimeError(f"COMMANDS and the registered commands differ: {sorted(set(sub.choices) ^ set(names))}")
    for name in names:  # the usage line and the invalid-choice error list the choices in this dict's order
        sub.choices[name] = sub.choices.pop(name)
    sub._choices_actions.sort(key=lambda a: names.index(a.dest))  # --help lists these (argparse's own list)


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = _Parser(prog="frontdesk-central", description="Reference central server of the frontdesk sync protocol.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for area in AREAS:
        area.register(sub, common)
    _in_order(sub, COMMANDS)
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
