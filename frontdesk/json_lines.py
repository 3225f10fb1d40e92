"""A JSON reader that knows the line of every value: :class:`LineReader` decodes text that
:func:`json.loads` has accepted and records, for each path (``("services", 12, "standard_days")``), the
line where it starts, and keys repeated inside one object. Hand-written because neither :mod:`json` nor a
JSON-schema validator maps values to source lines; the catalogue's validation (``catalog_format``)
names the line of every problem with it. Tested on broken and tricky files (tests/test_catalog.py).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from json import decoder as _json_decoder
from json.scanner import NUMBER_RE
from typing import Any

JsonPath = tuple[str | int, ...]
scanstring: Callable[[str, int], tuple[str, int]] = _json_decoder.scanstring  # type: ignore[attr-defined]


class LineReader:
    """Decode JSON text that :func:`json.loads` accepted, recording the line where each value starts.

    For an object member the line of its key is kept (that is where an editor shows the field); for an
    array item the line of its first character. Keys repeated inside one object are collected apart.
    """

    _WS = re.compile(r"[ \t\n\r]*")
    _CONSTANTS: tuple[tuple[str, Any], ...] = (
        ("true", True),
        ("false", False),
        ("null", None),
        ("NaN", math.nan),
        ("Infinity", math.inf),
        ("-Infinity", -math.inf),
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[JsonPath, int] = {}
        self.repeated: list[tuple[JsonPath, int]] = []
        self._newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1

    def _ws(self, pos: int) -> int:
        m = self._WS.match(self.text, pos)
        return m.end() if m else pos

    def read(self) -> Any:
        return self._value(0, ())[0]

    def _value(self, pos: int, path: JsonPath) -> tuple[Any, int]:
        text, pos = self.text, self._ws(pos)
        self.lines.setdefault(path, self.line_at(pos))
        c = text[pos]
        if c == "{":
            obj: dict[str, Any] = {}
            pos = self._ws(pos + 1)
            while text[pos] != "}":
                key, end = scanstring(text, pos + 1)
                child = (*path, key)
                if key in obj:
                    self.repeated.append((child, self.line_at(pos)))
                else:
                    self.lines[child] = self.line_at(pos)
                obj[key], pos = self._value(self._ws(end) + 1, child)  # + 1 skips the colon
                pos = self._ws(pos)
                if text[pos] == ",":
                    pos = self._ws(pos + 1)
            return obj, pos + 1
        if c == "[":
            items: list[Any] = []
            pos = self._ws(pos + 1)
            while text[pos] != "]":
                item, pos = self._value(pos, (*path, len(items)))
                items.append(item)
                pos = self._ws(pos)
                if text[pos] == ",":
                    pos = self._ws(pos + 1)
            return items, pos + 1
        if c == '"':
            return scanstring(text, pos + 1)
        for word, constant in self._CONSTANTS:
            if text.startswith(word, pos):
                return constant, pos + len(word)
        m = NUMBER_RE.match(text, pos)
        if m is None:  # unreachable for text json.loads accepted
            raise ValueError(f"unexpected character at {pos}")
        integer, frac, exp = m.groups()
        number = float(integer + (frac or "") + (exp or "")) if frac or exp else int(integer)
        return number, m.end()


def path_text(path: JsonPath) -> str:
    """``("services", 12, "standard_days")`` → ``services[12].standard_days``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
