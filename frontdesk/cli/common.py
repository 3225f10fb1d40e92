"""What every command module of the command line shares: the parser pieces, output, the store, the actor,
and the edges hostile input meets first: text that is not UTF-8, numbers and dates out of range, files
too large to read, paths that cannot (or must not) be written, control characters on the way to a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import FrontdeskError, InvalidInput, NotFound
from ..i18n import QT_TRANSLATE_NOOP

Handler = Callable[[argparse.Namespace], int]
EARLIEST_DATE = dt.date(2000, 1, 1)  # dates typed on the command line lie in these years (limits.LATEST_YEAR)
LATEST_DATE = dt.date(2100, 12, 31)
PATH_OPTIONS = frozenset({"home", "out", "file", "ca_bundle"})  # file names may be any bytes the system allows
MAX_STDIN_LINE = 4096
# What must not reach a terminal raw: C0 but tab and new line, DEL, C1, lone surrogates (undecodable bytes).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")  # json.dumps escapes C0 itself


class CannotWrite(FrontdeskError):
    exit_code = 1


def safe_text(text: str) -> str:
    """``text`` with every character a terminal could act on shown as an escape (``\\x1b``) instead."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                       text)  # fmt: skip


def safe_json(data: Any) -> str:
    out = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (a usage error otherwise, exit 2)."""

    def parse(text: str) -> int:
        if not re.fullmatch(r"\s*[+-]?\d{1,18}\s*", text):
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}")
        value = int(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}, got {value}")
        return value

    return parse


def bounded_float(low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number from {low:g} to {high:g}") from None
        if not low <= value <= high:  # also refuses nan and inf
            raise argparse.ArgumentTypeError(f"expected a number from {low:g} to {high:g}")
        return value

    return parse


def check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse option values that are not text: bytes the system could not decode as UTF-8 arrive as lone
    surrogates (except in file names, which may be any bytes)."""
    for name, value in vars(args).items():
        if name in PATH_OPTIONS and isinstance(value, str):
            _check_path(value)
        if name in PATH_OPTIONS or name == "func":
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and re.search("[\ud800-\udfff]", v):
                raise InvalidInput(
                    QT_TRANSLATE_NOOP("errors", "The value of {option} is not valid text (UTF-8)."),
                    field=name,
                    option="--" + name.replace("_", "-"),
                )


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2; the value quoted in it may be any bytes
        self.exit(2, safe_text(" ".join(f"{self.prog}: {message}".split())) + "\n")


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
        print(safe_json(data))
    else:
        print(safe_text(text() if callable(text) else text))


def store(args: argparse.Namespace) -> Any:
    from ..setup import open_home

    return open_home(args.home)


def actor(st: Any, username: str) -> Any:
    from ..auth import actor_for

    return actor_for(st, username)


def read_password(prompt: str) -> str:
    """One line: typed without echo at a terminal, else read from standard input (at most 4 KiB)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    try:
        line = sys.stdin.readline(MAX_STDIN_LINE + 1)
    except UnicodeDecodeError:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Standard input is not valid text (UTF-8)."),
                           field="stdin") from None  # fmt: skip
    if not line:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Nothing was given on standard input."), field="stdin")
    if len(line) > MAX_STDIN_LINE:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The line on standard input is too long."), field="stdin")
    if re.search("[\ud800-\udfff]", line):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Standard input is not valid text (UTF-8)."), field="stdin")
    return line.rstrip("\r\n")


def output_file(args: argparse.Namespace, path: str) -> Path:
    """A file the command is about to write: never the database (or its -wal/-shm) of the data directory,
    never a directory. Written privately and atomically with :func:`write_output`."""
    from ..paths import data_home
    from ..setup import DB_NAME

    _check_path(path)
    target = Path(path).expanduser()
    db = data_home(getattr(args, "home", None)) / DB_NAME
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        resolved = target.absolute()
    if resolved in {db.resolve().with_name(db.name + s) for s in ("", "-wal", "-shm", "-journal")}:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "{path} is the live database: choose another file."),
                           field="out", path=str(target))  # fmt: skip
    if target.is_dir():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "{path} is a folder: name a file in it."),
                           field="out", path=str(target))  # fmt: skip
    return target


def _check_path(path: str) -> None:
    try:
        os.fsencode(path)  # what the system can be given: bytes it handed over come back, other surrogates not
    except UnicodeError:
        path = "\x00"
    if not path.strip() or "\x00" in path:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "{path} is not a file name."), field="file",
                           path=repr(path[:40]))  # fmt: skip


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Turn an OS refusal while writing ``path`` into one clear line (exit 1)."""
    try:
        yield
    except OSError as exc:
        raise CannotWrite(QT_TRANSLATE_NOOP("errors", "{path} cannot be written: {reason}."),
                          path=str(path), reason=exc.strerror or exc.__class__.__name__) from None  # fmt: skip


def write_output(path: Path, data: bytes | str) -> None:
    from ..private import write_private

    with writing(path):
        write_private(path, data)


def read_input(path: str, limit: int) -> bytes:
    """Read a file a user names, at most ``limit`` bytes (``/dev/zero`` and a 40 GB file stop there)."""
    _check_path(path)
    p = Path(path)
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no file {path}."), path=path) from None
    except IsADirectoryError:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "{path} is a folder: name a file in it."),
                           field="file", path=path) from None  # fmt: skip
    except OSError as exc:
        raise CannotWrite(QT_TRANSLATE_NOOP("errors", "{path} cannot be read: {reason}."), path=path,
                          reason=exc.strerror or exc.__class__.__name__) from None  # fmt: skip
    if len(data) > limit:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{path} is larger than {mb} MB: it is not a file this command reads."),
            field="file",
            path=path,
            mb=limit // (1024 * 1024),
        )
    return data


def parse_date(text: str | None, field: str) -> Any:
    if text is None:
        return None
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{option}: expected a date as YYYY-MM-DD, got {value}."),
            field=field,
            option=field,
            value=repr(text[:40]),
        ) from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "{option}: the date must lie between {first} and {last}."),
            field=field,
            option=field,
            first=EARLIEST_DATE.isoformat(),
            last=LATEST_DATE.isoformat(),
        )
    return value
