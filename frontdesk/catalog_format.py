"""The catalogue file format (``frontdesk-catalog/1``, see docs/catalog.md): typed records, and validation
that reports *every* problem with the line where it sits, as ``demo.json:143: services[12].standard_days:
must be ...``; the lines come from a small position-tracking JSON reader (:mod:`frontdesk.json_lines`) run after
:func:`json.loads` has accepted the syntax.
"""

from __future__ import annotations

import contextlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InvalidInput
from .i18n import QT_TRANSLATE_NOOP, Translator, identity_translator
from .json_lines import JsonPath, LineReader, path_text
from .paths import resource
from .wire import control_character

FORMAT = "frontdesk-catalog/1"
CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9-]{1,31}")
MAX_DAYS = 365
MAX_FEE = 100_000_000
ORIGINS = ("central", "local")
CONTEXT = "catalog"  # translation context of the issue messages


# ---------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class CatalogDocument:
    code: str
    name_sq: str
    name_en: str
    required: bool = True


@dataclass(frozen=True)
class CatalogService:
    code: str
    name_sq: str
    name_en: str
    category: str
    standard_days: int
    office: str
    life_event: str | None = None
    documents: tuple[CatalogDocument, ...] = ()
    fee_amount: int = 0
    currency: str = "ALL"
    active: bool = True
    origin: str = "central"


@dataclass(frozen=True)
class Catalog:
    version: str
    services: tuple[CatalogService, ...]
    note: str = ""


@dataclass(frozen=True)
class CatalogIssue:
    """One problem of a catalogue file. ``message`` is English; ``template``/``params`` let a UI translate."""

    line: int
    path: str
    message: str
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def render(self, source: str, translate: Translator = identity_translator) -> str:
        text = self.message
        if self.template:
            with contextlib.suppress(KeyError, IndexError, ValueError):
                text = translate(CONTEXT, self.template).format(**dict(self.params))
        return f"{source}:{self.line}: {self.path}: {text}" if self.path else f"{source}:{self.line}: {text}"


class CatalogError(InvalidInput):
    """A catalogue file with problems; ``issues`` lists all of them, in file order."""

    SHOWN = 5

    def __init__(self, source: str, issues: list[CatalogIssue]) -> None:
        self.source = source
        self.issues = sorted(issues, key=lambda i: i.line)
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The catalogue {source} has {count} problem(s):\n{details}"),
            field="catalog",
            source=source,
            count=len(self.issues),
        )

    def render(self, translate: Translator = identity_translator) -> str:
        lines = [i.render(self.source, translate) for i in self.issues[: self.SHOWN]]
        if len(self.issues) > self.SHOWN:
            lines.append("…")
        template = translate("errors", self.text)
        params = {**self.params, "details": "\n".join(lines)}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return self.text.format(**params)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    deactivated: int
    unchanged: int
    skipped: tuple[str, ...] = ()  # codes whose existing row has the other origin (never overwritten)


@dataclass(frozen=True)
class DocumentInfo:
    code: str
    name_sq: str
    name_en: str
    required: bool


@dataclass(frozen=True)
class ServiceInfo:
    code: str
    name_sq: str
    name_en: str
    category: str
    life_event: str | None
    fee_amount: int
    currency: str
    standard_days: int
    office: str
    active: bool
    origin: str
    documents: tuple[DocumentInfo, ...]
    catalog_version: str | None = None


# ----------------------------------------------------------------------------------------- validation

_M = {
    "object": QT_TRANSLATE_NOOP("catalog", "must be a JSON object"),
    "list": QT_TRANSLATE_NOOP("catalog", "must be a list"),
    "missing": QT_TRANSLATE_NOOP("catalog", "required field is missing"),
    "unknown": QT_TRANSLATE_NOOP("catalog", "unknown field (allowed: {allowed})"),
    "repeated": QT_TRANSLATE_NOOP("catalog", "this field appears twice in the same object"),
    "text": QT_TRANSLATE_NOOP("catalog", "must be text"),
    "empty": QT_TRANSLATE_NOOP("catalog", "must not be empty"),
    "long": QT_TRANSLATE_NOOP("catalog", "must be at most {max} characters long"),
    "bool": QT_TRANSLATE_NOOP("catalog", "must be true or false"),
    "format": QT_TRANSLATE_NOOP("catalog", 'must be "frontdesk-catalog/1"'),
    "code": QT_TRANSLATE_NOOP(
        "catalog", "must be 2–32 capital letters A–Z, digits or hyphens, not starting with a hyphen"
    ),
    "days": QT_TRANSLATE_NOOP("catalog", "must be a whole number of working days between 0 and 365"),
    "fee": QT_TRANSLATE_NOOP("catalog", "must be a whole number of lek between 0 and 100000000"),
    "currency": QT_TRANSLATE_NOOP("catalog", 'must be "ALL" (Albanian lek)'),
    "origin": QT_TRANSLATE_NOOP("catalog", 'must be "central" or "local"'),
    "no_services": QT_TRANSLATE_NOOP("catalog", "the catalogue lists no services"),
    "dup_service": QT_TRANSLATE_NOOP("catalog", "service code {code} is already used on line {first}"),
    "dup_document": QT_TRANSLATE_NOOP(
        "catalog", "document code {code} is already used in this service on line {first}"
    ),
    "syntax": QT_TRANSLATE_NOOP("catalog", "invalid JSON: {detail} (column {column})"),
    "encoding": QT_TRANSLATE_NOOP("catalog", "the file is not UTF-8 text"),
    "deep": QT_TRANSLATE_NOOP("catalog", "the JSON is nested too deeply"),
    "number": QT_TRANSLATE_NOOP("catalog", "a number has more than {digits} digits"),
    "size": QT_TRANSLATE_NOOP("catalog", "the file is larger than {mb} MB: it is not a catalogue"),
}

_TOP_KEYS = ("format", "version", "note", "services")
_SERVICE_KEYS = (
    "code",
    "name",
    "category",
    "life_event",
    "documents",
    "fee",
    "standard_days",
    "office",
    "active",
    "origin",
)
_DOCUMENT_KEYS = ("code", "name", "required")


def _issue(line: int, path: JsonPath, key: str, **params: Any) -> CatalogIssue:
    template = _M[key]
    return CatalogIssue(
        line,
        path_text(path),
        template.format(**params),
        template,
        tuple((k, str(v)) for k, v in params.items()),
    )


class _Checker:
    """Field rules over decoded JSON; each problem becomes a :class:`CatalogIssue` at its line."""

    def __init__(self, lines: Callable[[JsonPath], int]) -> None:
        self.line = lines
        self.issues: list[CatalogIssue] = []

    def add(self, path: JsonPath, key: str, **params: Any) -> None:
        self.issues.append(_issue(self.line(path), path, key, **params))

    def obj(self, value: Any, path: JsonPath, allowed: tuple[str, ...], required: tuple[str, ...]) -> bool:
        if not isinstance(value, dict):
            self.add(path, "object")
            return False
        for key in value:
            if key not in allowed:
                self.add((*path, key), "unknown", allowed=", ".join(allowed))
        for key in required:
            if key not in value:
                self.add((*path, key), "missing")
        return True

    def text(
        self, obj: dict[str, Any], path: JsonPath, key: str, max_len: int, *, nullable: bool = False
    ) -> str | None:
        value, where = obj.get(key), (*path, key)
        if value is None and (nullable or key not in obj):
            return None
        if not isinstance(value, str) or control_character(value) is not None:  # NUL, escapes, lone surrogates
            self.add(where, "text")
            return None
        value = unicodedata.normalize("NFC", value).strip()
        if not value:
            self.add(where, "empty")
        elif len(value) > max_len:
            self.add(where, "long", max=max_len)
        return value

    def code(self, obj: dict[str, Any], path: JsonPath) -> str | None:
        value = self.text(obj, path, "code", 32)
        if value is not None and not CODE_RE.fullmatch(value):
            self.add((*path, "code"), "code")
        return value

    def names(self, obj: dict[str, Any], path: JsonPath) -> tuple[str | None, str | None]:
        where = (*path, "name")
        if "name" not in obj or not self.obj(obj["name"], where, ("sq", "en"), ("sq", "en")):
            return None, None
        return self.text(obj["name"], where, "sq", 300), self.text(obj["name"], where, "en", 300)

    def integer(self, obj: dict[str, Any], path: JsonPath, key: str, high: int, message: str) -> int | None:
        value = obj.get(key)
        if key in obj and (type(value) is not int or not 0 <= value <= high):
            self.add((*path, key), message)
            return None
        return value

    def flag(self, obj: dict[str, Any], path: JsonPath, key: str, default: bool) -> bool:
        value = obj.get(key, default)
        if not isinstance(value, bool):
            self.add((*path, key), "bool")
            return default
        return value

    def document(self, value: Any, path: JsonPath) -> CatalogDocument | None:
        if not self.obj(value, path, _DOCUMENT_KEYS, ("code", "name")):
            return None
        code, (sq, en) = self.code(value, path), self.names(value, path)
        required = self.flag(value, path, "required", True)
        if code and sq and en:
            return CatalogDocument(code, sq, en, required)
        return None

    def service(self, value: Any, path: JsonPath) -> CatalogService | None:
        if not self.obj(value, path, _SERVICE_KEYS, ("code", "name", "category", "standard_days", "office")):
            return None
        n_before = len(self.issues)
        code, (sq, en) = self.code(value, path), self.names(value, path)
        category = self.text(value, path, "category", 100)
        life_event = self.text(value, path, "life_event", 100, nullable=True)
        office = self.text(value, path, "office", 200)
        days = self.integer(value, path, "standard_days", MAX_DAYS, "days")
        fee_amount, currency = 0, "ALL"
        if "fee" in value and self.obj(value["fee"], (*path, "fee"), ("amount", "currency"), ("amount",)):
            fee_amount = self.integer(value["fee"], (*path, "fee"), "amount", MAX_FEE, "fee") or 0
            if value["fee"].get("currency", "ALL") != "ALL":
                self.add((*path, "fee", "currency"), "currency")
        active = self.flag(value, path, "active", True)
        origin = value.get("origin", "central")
        if origin not in ORIGINS:
            self.add((*path, "origin"), "origin")
        documents: list[CatalogDocument] = []
        raw_docs = value.get("documents", [])
        if not isinstance(raw_docs, list):
            self.add((*path, "documents"), "list")
        else:
            first: dict[str, int] = {}
            for i, raw in enumerate(raw_docs):
                doc = self.document(raw, (*path, "documents", i))
                if doc is None:
                    continue
                if doc.code in first:
                    where = (*path, "documents", i, "code")
                    self.add(where, "dup_document", code=doc.code, first=first[doc.code])
                else:
                    first[doc.code] = self.line((*path, "documents", i, "code"))
                    documents.append(doc)
        if len(self.issues) > n_before or None in (code, sq, en, category, office, days):
            return None
        assert code and sq and en and category and office and days is not None
        return CatalogService(
            code,
            sq,
            en,
            category,
            days,
            office,
            life_event,
            tuple(documents),
            fee_amount,
            currency,
            active,
            origin,
        )


def _nearest_line(lines: dict[JsonPath, int]) -> Callable[[JsonPath], int]:
    def line(path: JsonPath) -> int:
        while path not in lines and path:
            path = path[:-1]
        return lines.get(path, 1)

    return line


MAX_CATALOG_BYTES = 8 * 1024 * 1024  # a real catalogue of ~80 services is ~100 kB
MAX_NUMBER_DIGITS = 30  # no number of a catalogue needs more (a fee is at most 9 digits)


class _LongNumber(ValueError):
    pass


def _number(text: str) -> int | float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _LongNumber(text[:20])
    return float(text) if any(c in text for c in ".eE") else int(text)


def parse_catalog(text: str, source_name: str = "catalog.json") -> Catalog:
    """Validate catalogue text; raises :class:`CatalogError` listing every problem with its line."""
    try:
        json.loads(text, parse_int=_number, parse_float=_number)
    except json.JSONDecodeError as exc:
        issue = _issue(exc.lineno, (), "syntax", detail=exc.msg, column=exc.colno)
        raise CatalogError(source_name, [issue]) from None
    except (_LongNumber, ValueError) as exc:  # a 5,001-digit fee: Python's own limit is 4,300
        where = text.find(str(exc)[:20]) if isinstance(exc, _LongNumber) else -1
        line = text.count("\n", 0, where) + 1 if where >= 0 else 1
        raise CatalogError(source_name, [_issue(line, (), "number", digits=MAX_NUMBER_DIGITS)]) from None
    except RecursionError:
        raise CatalogError(source_name, [_issue(1, (), "deep")]) from None
    reader = LineReader(text)
    root = reader.read()
    check = _Checker(_nearest_line(reader.lines))
    for path, line in reader.repeated:
        check.issues.append(_issue(line, path, "repeated"))
    if not check.obj(root, (), _TOP_KEYS, ("format", "version", "services")):
        raise CatalogError(source_name, check.issues)
    if "format" in root and root["format"] != FORMAT:
        check.add(("format",), "format")
    version = check.text(root, (), "version", 64)
    note = check.text(root, (), "note", 500, nullable=True)
    services: list[CatalogService] = []
    raw_services = root.get("services", [])
    if not isinstance(raw_services, list):
        check.add(("services",), "list")
    elif not raw_services and "services" in root:
        check.add(("services",), "no_services")
    else:
        first: dict[str, int] = {}
        for i, raw in enumerate(raw_services):
            code = raw.get("code") if isinstance(raw, dict) else None
            svc = check.service(raw, ("services", i))
            if isinstance(code, str) and code in first:
                check.add(("services", i, "code"), "dup_service", code=code, first=first[code])
            elif isinstance(code, str):
                first[code] = check.line(("services", i, "code"))
            if svc is not None:
                services.append(svc)
    if check.issues:
        raise CatalogError(source_name, check.issues)
    assert version is not None
    return Catalog(version, tuple(services), note or "")


def load_catalog(path: Path | str) -> Catalog:
    """Read and validate a catalogue file (UTF-8, a byte-order mark is tolerated), at most
    ``MAX_CATALOG_BYTES`` of it (``/dev/zero`` is refused after 8 MB, not read until memory runs out)."""
    path = Path(path)
    with open(path, "rb") as f:
        data = f.read(MAX_CATALOG_BYTES + 1)
    return catalog_from_bytes(data, path.name)


def catalog_from_bytes(data: bytes, source_name: str) -> Catalog:
    if len(data) > MAX_CATALOG_BYTES:
        raise CatalogError(source_name, [_issue(1, (), "size", mb=MAX_CATALOG_BYTES // (1024 * 1024))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogError(source_name, [_issue(data.count(b"\n", 0, exc.start) + 1, (), "encoding")]) from None
    return parse_catalog(text, source_name)


def demo_catalog_path() -> Path:
    return resource("catalog", "demo.json")


def validate_service(svc: CatalogService) -> None:
    """Check a service built in code (e.g. a local one typed by an admin) against the file rules."""
    check = _Checker(lambda _path: 0)
    check.service(service_to_json(svc), ())
    if check.issues:
        first = check.issues[0]
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "Service field {where}: {problem}"),
            field=first.path,
            where=first.path,
            problem=first.message,
        )


def service_to_json(svc: CatalogService) -> dict[str, Any]:
    """The file form of one service (inverse of the parser)."""
    return {
        "code": svc.code,
        "name": {"sq": svc.name_sq, "en": svc.name_en},
        "category": svc.category,
        "life_event": svc.life_event,
        "documents": [
            {"code": d.code, "name": {"sq": d.name_sq, "en": d.name_en}, "required": d.required} for d in svc.documents
        ],
        "fee": {"amount": svc.fee_amount, "currency": svc.currency},
        "standard_days": svc.standard_days,
        "office": svc.office,
        "active": svc.active,
        "origin": svc.origin,
    }
