"""What every command module of the command line shares: the parser pieces, output, the store, the actor."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidInput

Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2
        self.exit(2, f"{self.prog}: {message}\n")


@dataclass(frozen=True)
class Commands:
    """Where a command module registers its commands: the subcommand table and the shared option sets
    (``common``: --json, --home; ``acting``: --as USER)."""

    sub: Any  # argparse._SubParsersAction
    common: Parser
    acting: Parser

    def add(self, name: str, func: Handler, help_: str, *parents: Parser) -> argparse.ArgumentParser:
        sp = self.sub.add_parser(name, help=help_, parents=[self.common, *parents])
        sp.set_defaults(func=func)
        return sp

    def group(self, name: str, help_: str, dest: str) -> Any:
        """A command with actions of its own (``user add``, ``catalog import``…)."""
        return self.sub.add_parser(name, help=help_).add_subparsers(
            dest=dest, parser_class=Parser, required=True, metavar="ACTION"
        )

    def action(self, group: Any, name: str, func: Handler, help_: str, *parents: Parser) -> argparse.ArgumentParser:
        sp = group.add_parser(name, help=help_, parents=[self.common, *parents])
        sp.set_defaults(func=func)
        return sp


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text() if callable(text) else text)


def store(args: argparse.Namespace) -> Any:
    from ..setup import open_home

    return open_home(args.home)


def actor(st: Any, username: str) -> Any:
    from ..auth import actor_for

    return actor_for(st, username)


def read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise InvalidInput("No password given on standard input.", field="password")
    return line.rstrip("\r\n")


def parse_date(text: str | None, field: str) -> Any:
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            "{option}: expected a date as YYYY-MM-DD, got {value!r}.", field=field, option=field, value=text
        ) from None
