"""No visible string of the main screens is left untranslated, in Albanian (default) or English.

Every text the user can see (labels, buttons, group titles, placeholders, tooltips, accessible names,
window titles, tab texts, menus and actions, combo items, table headers) must be a finished translation
in the language's .ts file (format placeholders allowed). Widgets that show data (names, numbers) carry
the ``fd_data`` property and are skipped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from frontdesk.paths import resource
from frontdesk.ui.language import translations_dir
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.mainwindow import MainWindow
from frontdesk.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.ui
LANGS = ("sq", "en")


@cache
def finished(lang: str) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    root = ET.parse(translations_dir() / f"frontdesk_{lang}.ts").getroot()
    texts = set()
    for m in root.iter("message"):
        tr = m.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or ""):
            continue
        texts.add(tr.text)
        # an accessible name is the visible text of its label or button: without "&" and the final colon
        shown = tr.text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        texts.update((shown, shown.rstrip(":")))
    patterns = tuple(
        re.compile("^" + re.sub(r"\\\{[^}]*\\\}", ".*", re.escape(t)) + "$", re.S) for t in texts if "{" in t
    )
    return frozenset(texts), patterns


def is_translated(text: str, lang: str) -> bool:
    texts, patterns = finished(lang)
    return text in texts or any(p.match(text) for p in patterns)


def _data(obj: QObject) -> bool:
    o: QObject | None = obj
    while o is not None:
        if o.property("fd_data"):
            return True
        o = o.parent()
    return False


def visible_strings(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every user-visible string under ``top``."""
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        if w.objectName().startswith("qt_") or _data(w):
            continue
        if w.objectName() in ("ScrollLeftButton", "ScrollRightButton"):
            continue  # QTabBar's own scroll arrows: Qt's texts (qtbase has no Albanian catalogue)
        if w.isWindow() and w.windowTitle():
            yield name + ".windowTitle", w.windowTitle()
        for attr in ("toolTip", "accessibleName"):
            value = getattr(w, attr)()
            if value:
                yield f"{name}.{attr}", value
        if isinstance(w, QLabel) and w.text():
            yield name + ".text", w.text()
        if isinstance(w, QAbstractButton) and w.text():
            yield name + ".text", w.text()
        if isinstance(w, QGroupBox) and w.title():
            yield name + ".title", w.title()
        if isinstance(w, QLineEdit) and w.placeholderText():
            yield name + ".placeholder", w.placeholderText()
        if isinstance(w, QComboBox) and w.count() and w.objectName() not in ("reassign_to",):
            yield name + ".item0", w.itemText(0)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name}.tab{i}", w.tabText(i)
        if isinstance(w, QMenu):
            if w.title():
                yield name + ".title", w.title()
            for act in w.actions():
                if act.text() and not act.isSeparator() and not act.property("fd_data"):
                    yield f"{name}.action", act.text()
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            for c in range(header.columnCount()):
                yield f"{name}.header{c}", header.text(c)
        elif isinstance(w, QAbstractItemView) and w.model() is not None and hasattr(w, "horizontalHeader"):
            model = w.model()
            for c in range(model.columnCount()):
                yield f"{name}.header{c}", str(model.headerData(c, Qt.Orientation.Horizontal))
    if isinstance(top, QMainWindow):
        for menu in top.menuBar().findChildren(QMenu):
            yield "menubar", menu.title()


def _open_all_screens(win: MainWindow) -> None:
    win.show_screen(1)
    no = win.worklist.model.rows[0].receipt_no
    win.open_request(no)
    win.detail.ask_delivery() if win.service.can_deliver(win.detail.view.status) else None


@pytest.mark.parametrize("lang", LANGS)
def test_no_untranslated_text_on_main_screens(clerk_window: MainWindow, ctx, lang: str, qtbot) -> None:
    ctx.set_language(lang)
    win = clerk_window
    _open_all_screens(win)
    dialogs: list[QWidget] = [
        LoginDialog(ctx.store, ctx.tasks),
        LoginDialog(ctx.store, ctx.tasks, locked_user="sporteli"),
        SettingsDialog(ctx, win),
    ]
    for d in dialogs:
        qtbot.addWidget(d)
    bad = []
    seen = 0
    for top in [win, *dialogs]:
        for where, text in visible_strings(top):
            if not any(ch.isalpha() for ch in text):
                continue
            seen += 1
            if not is_translated(text, lang):
                bad.append(f"{where}: {text!r}")
    assert seen > 100
    assert bad == [], "\n".join(bad)


def test_albanian_is_complete_and_distinct() -> None:
    root = ET.parse(resource("translations", "frontdesk_sq.ts")).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []
    same = [
        m.findtext("source")
        for m in root.iter("message")
        if m.findtext("translation") == m.findtext("source") and any(c.isalpha() for c in m.findtext("source"))
    ]
    # a few words are the same in both languages (key caps among them); anything more is a forgotten translation
    assert set(same) <= {
        "Administrator",
        " lekë",
        "{fee} lekë",
        "→ {status}",
        "→ {status}…",
        "Status: {old} → {new}",
        "{old} → {new}",
        "{n} min",
        "Tab, Shift+Tab",
        "Enter",
        "Escape",
    }, same


def test_english_is_complete() -> None:
    root = ET.parse(resource("translations", "frontdesk_en.ts")).getroot()
    assert all(
        m.find("translation").get("type") is None and m.findtext("translation") == m.findtext("source")
        for m in root.iter("message")
    )


def test_every_core_message_is_in_the_catalogue() -> None:
    """Sources marked in the core (QT_TRANSLATE_NOOP) are all in the .ts: run update_translations.sh."""
    import ast
    from pathlib import Path

    import frontdesk

    marked = set()
    for path in Path(frontdesk.__file__).parent.rglob("*.py"):
        if "migrations" in path.parts or "central" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
                and all(isinstance(a, ast.Constant) for a in node.args[:2])
            ):
                marked.add((node.args[0].value, node.args[1].value))
    root = ET.parse(resource("translations", "frontdesk_sq.ts")).getroot()
    have = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    assert marked - have == set(), "run scripts/update_translations.sh and translate the new messages"
