"""The command line: the same core calls as the UI, for IT officers, automation and tests.

One module per area registers its own commands: :mod:`.setup_users` (init, users, catalogue),
:mod:`.requests` (intake … note), :mod:`.documents` (receipts, printing, reports, the audit trail),
:mod:`.citizens` (the counter's survey, the citizens' report) and :mod:`.operations` (backup, enrolment,
sync). :mod:`.common` holds what they share.

Errors a user can fix are one line on stderr in the user's language (Albanian when the locale — ``LANG``,
``LC_ALL``… or ``FRONTDESK_LANG`` — says ``sq``, else English), read from the app's own translation file.

Exit codes: 0 ok, 2 usage, 3 invalid input, 4 not permitted, 5 not found, 6 conflict, 1 other failure.
Errors are one line on stderr. Every command takes ``--json`` after its name for machine-readable output.
The command line acts as the user named by ``--as`` and obeys that user's role; what protects the
database itself is the data directory's file permissions (see docs/cli.md).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import FrontdeskError
from ..i18n import catalog_translator, user_language
from . import citizens, documents, operations, requests, setup_users
from .common import Commands, Parser, check_text_arguments, safe_text

log = logging.getLogger("frontdesk.cli")

AREAS = (setup_users, requests, citizens, documents, operations)


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


def _say(text: str) -> None:
    """One line on standard error, whatever it holds (control characters and undecodable bytes escaped)."""
    print("frontdesk: " + safe_text(" ".join(text.split())), file=sys.stderr)


def _unexpected(exc: BaseException) -> int:
    """A bug, not a user's mistake: the traceback goes to the private log file, one calm line to the user."""
    import traceback

    from ..paths import log_dir
    from ..private import PrivateRotatingFileHandler

    path = log_dir() / "frontdesk.log"
    where: Path | None = path
    propagate = log.propagate
    try:
        handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.propagate = False  # the traceback to the file only, not to the terminal
        try:
            log.error("command line: unexpected error\n%s", "".join(traceback.format_exception(exc)))
        finally:
            log.removeHandler(handler)
            log.propagate = propagate
            handler.close()
    except OSError:
        where = None
    _say(f"unexpected error ({exc.__class__.__name__}); nothing was half-written"
         + (f"; the details are in {where}" if where else ""))  # fmt: skip
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    # errors only on the terminal: a command's outcome is its one line (a pulled change set aside is in
    # sync-status, not a warning printed before the answer)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # usage errors and --help
        return int(exc.code or 0)
    try:
        check_text_arguments(args)
        return int(args.func(args))
    except FrontdeskError as exc:
        _say(exc.render(catalog_translator(user_language())))
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `frontdesk queue | head`: the reader left, nothing to say
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the interpreter's final flush stays quiet
        return 1
    except OSError as exc:
        _say(f"{exc.strerror or exc.__class__.__name__} ({exc.filename or ''})")
        return 1
    except Exception as exc:
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):  # locked for too long, disk full, file gone: not a bug
            _say(f"the database cannot be used right now: {exc.orig}")
            return 1
        return _unexpected(exc)


__all__ = ["build_parser", "main"]
