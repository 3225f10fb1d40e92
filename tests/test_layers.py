"""The house's arrows point down (docs/architecture.md), checked on the source: the core never imports Qt,
HTTP clients, the UI, the sync layer or the server; the sync layer never imports Qt or the server; the
server never reaches the desk's store, client or UI — not even through the core modules it shares (the
wire schema and the rulebook); the screens never import SQLAlchemy or an HTTP client; and the central
modules import each other without a circle, as do the rulebook's (frontdesk/rules/) and the receipt's
(frontdesk/receipts/)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "frontdesk"
OUTSIDE_QT = ("PySide6",)
HTTP = ("requests", "urllib3", "httpx")
ENTRY_POINTS = {"frontdesk.cli", "frontdesk.__main__"}  # on top of the house: they may call every room


def _entry_point(name: str) -> bool:
    return name in ENTRY_POINTS or name.startswith("frontdesk.cli.")


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module(p): p
        for p in ROOT.rglob("*.py")
        if "migrations" not in p.parts and "resources" not in p.parts
    }


def _imports(name: str, path: Path, *, top_level_only: bool = False) -> Iterator[str]:
    """Absolute names a module imports (relative imports resolved); ``top_level_only``: not those made
    inside functions (the lazy imports that load a room only when it is used)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.If) and top_level_only:  # ``if TYPE_CHECKING:`` blocks are not imports
            continue
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            yield mod
            yield from (f"{mod}.{a.name}" for a in node.names)


def _hits(name: str, path: Path, forbidden: tuple[str, ...]) -> list[str]:
    return sorted({m for m in _imports(name, path) if any(m == f or m.startswith(f + ".") for f in forbidden)})


def test_the_core_imports_neither_qt_nor_http_nor_the_rooms_above_it() -> None:
    bad = {}
    for name, path in _modules().items():
        top = name.split(".")[1] if "." in name else ""
        if top in ("ui", "sync", "central") or _entry_point(name):
            continue
        found = _hits(name, path, (*OUTSIDE_QT, *HTTP, "fastapi", "uvicorn", "frontdesk.ui", "frontdesk.sync",
                                   "frontdesk.central"))  # fmt: skip
        if found:
            bad[name] = found
    assert bad == {}


def test_the_sync_layer_imports_neither_qt_nor_the_server() -> None:
    bad = {n: _hits(n, p, (*OUTSIDE_QT, "frontdesk.ui", "frontdesk.central")) for n, p in _modules().items()
           if n.startswith("frontdesk.sync")}  # fmt: skip
    assert {n: v for n, v in bad.items() if v} == {}


def test_screens_never_touch_sql_or_http() -> None:
    bad = {n: _hits(n, p, ("sqlalchemy", *HTTP)) for n, p in _modules().items() if n.startswith("frontdesk.ui")}
    assert {n: v for n, v in bad.items() if v} == {}


def test_the_server_never_reaches_the_desks_store_client_or_screens() -> None:
    """The transitive closure of what the server imports at module level, from its application and its
    command line (every module of the package): the shared ground floor (wire, rules, limits, errors…) but
    never the desk's store."""
    modules = _modules()
    seen: set[str] = set()
    command_line = [n for n in modules if n == "frontdesk.central.cli" or n.startswith("frontdesk.central.cli.")]
    todo = ["frontdesk.central.app", *sorted(command_line)]
    while todo:
        name = todo.pop()
        if name in seen or name not in modules:
            continue
        seen.add(name)
        for imported in _imports(name, modules[name], top_level_only=True):
            if imported in modules:
                todo.append(imported)
    forbidden = {"frontdesk.db", "frontdesk.models", "frontdesk.pull", "frontdesk.replication", "frontdesk.workflow",
                 "frontdesk.auth", "frontdesk.queries"}  # fmt: skip
    reached = sorted(n for n in seen if n in forbidden or n.startswith(("frontdesk.sync", "frontdesk.ui")))
    assert reached == []
    assert {"frontdesk.wire", "frontdesk.rules", "frontdesk.limits"} <= seen  # one rulebook, one wire schema


def _cycles(package: str, *, top_level_only: bool) -> list[list[str]]:
    """Circles among the modules of ``package`` (its ``__init__`` included), by what they import."""
    modules = {n: p for n, p in _modules().items() if n == package or n.startswith(package + ".")}
    graph = {
        n: sorted({m for m in _imports(n, p, top_level_only=top_level_only) if m in modules and m != n})
        for n, p in modules.items()
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(n: str, path: list[str]) -> None:
        state[n] = 1
        for m in graph[n]:
            if state.get(m) == 1:
                cycles.append([*path[path.index(m):], m] if m in path else [n, m])
            elif m not in state:
                visit(m, [*path, m])
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])
    return cycles


def test_the_central_modules_import_each_other_without_a_circle() -> None:
    assert _cycles("frontdesk.central", top_level_only=True) == []


def test_the_rulebook_modules_import_each_other_in_one_direction() -> None:
    """frontdesk/rules/ is one module per kind of rule; none imports one that imports it back, not even
    lazily inside a function."""
    assert {"frontdesk.rules", "frontdesk.rules.snapshots"} <= _modules().keys()  # the package is there
    assert _cycles("frontdesk.rules", top_level_only=False) == []


def test_the_receipt_modules_import_each_other_in_one_direction() -> None:
    """frontdesk/receipts/ is data, flowables and the layout built on both; none imports one that imports it
    back, not even lazily inside a function."""
    assert {"frontdesk.receipts", "frontdesk.receipts.layout"} <= _modules().keys()  # the package is there
    assert _cycles("frontdesk.receipts", top_level_only=False) == []
