"""The command line: the same core calls as the UI, for IT officers, automation and tests.

One module per area registers its own commands: :mod:`.setup_users` (init, users, catalogue),
:mod:`.requests` (intake … note), :mod:`.documents` (receipts, printing, reports, the audit trail) and
:mod:`.operations` (backup, enrolment, sync). :mod:`.common` holds what they share.

Errors a user can fix are one line on stderr in the user's language (Albanian when the locale — ``LANG``,
``LC_ALL``… or ``FRONTDESK_LANG`` — says ``sq``, else English), read from the app's own translation file.

Exit codes: 0 ok, 2 usage, 3 invalid input, 4 not permitted, 5 not found, 6 conflict, 1 other failure.
Errors are one line on stderr. Every command takes ``--json`` after its name for machine-readable output.
The command line acts as the user named by ``--as`` and obeys that user's role; what protects the
database itself is the data directory's file permissions (see docs/cli.md).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import FrontdeskError
from ..i18n import catalog_translator, user_language
from . import documents, operations, requests, setup_users
from .common import Commands, Parser

log = logging.getLogger("frontdesk.cli")

AREAS = (setup_users, requests, documents, operations)


def cmd_app(args: argparse.Namespace) -> int:
    try:
        from ..ui.app import run
    except ImportError as exc:
        print(
            f"frontdesk: the desktop app is not available ({exc}); install the 'ui' extra "
            "(pip install 'frontdesk[ui]')",
            file=sys.stderr,
        )
        return 1
    return run(Path(args.home) if args.home else None, self_test=args.self_test)


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("--home", default=argparse.SUPPRESS, help="data directory (or FRONTDESK_HOME)")
    acting = Parser(add_help=False)
    acting.add_argument("--as", dest="as_user", required=True, metavar="USER", help="act as this user")

    p = Parser(
        prog="frontdesk",
        description="Front desk for one-stop-shop counters. Without a command, starts the desktop app.",
    )
    p.add_argument("--home", default=None, help="data directory (default: FRONTDESK_HOME or the platform's)")
    p.add_argument("--self-test", action="store_true", help="open the app offscreen, run one intake, exit")
    p.set_defaults(func=cmd_app)
    sub = p.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    commands = Commands(sub, common, acting)
    for area in AREAS:
        area.register(commands)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # usage errors and --help
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except FrontdeskError as exc:
        print(f"frontdesk: {exc.render(catalog_translator(user_language()))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"frontdesk: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1


__all__ = ["build_parser", "main"]
