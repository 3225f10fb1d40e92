"""What every area of ``frontdesk-central``'s command line shares: the parser with the one-line error, the
``--db`` option every command takes, the handlers' signature, the database, the actor the central audit trail
names, a password read from the terminal or standard input."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from ..db import Database
from ..errors import BadRequest

Handler = Callable[[argparse.Namespace, Database], int]


def _db(args: argparse.Namespace) -> Database:
    return Database(args.db)


def _actor() -> str:
    """Who runs an administrative command (the central audit trail names them)."""
    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise BadRequest("No password given on standard input.")
    return line.rstrip("\r\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2
        self.exit(2, f"{self.prog}: {message}\n")


def common_options() -> _Parser:
    """The parent parser of every command: ``--db``."""
    common = _Parser(add_help=False)
    common.add_argument("--db", help="database URL (default: $FRONTDESK_CENTRAL_DB or sqlite:///frontdesk-central.db)")
    return common
