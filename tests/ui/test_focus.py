"""Focus that never traps (issue 15): on every page, Tab reaches every control in screen order, leaves the
page (tables and lists included), and Shift+Tab is the same order backwards; messages are tied to their
fields; the request page puts the keyboard on its heading; values are labelled by their captions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLabel, QWidget

from frontdesk import queries
from frontdesk.ui.controller import AppController
from frontdesk.ui.mainwindow import MainWindow

from .conftest import _window
from .helpers import confirm_summary, key, nid, type_text

pytestmark = pytest.mark.ui


def _control(w: QWidget | None) -> QWidget | None:
    """The control a focus widget belongs to (a spin box's or an editable combo's inner line edit)."""
    p = w.parentWidget() if w is not None else None
    if isinstance(p, QAbstractSpinBox | QComboBox):
        return p
    return w


def walk(start: QWidget, forward: bool, limit: int = 200) -> list[QWidget]:
    """The focus order from ``start`` round to ``start`` again, pressing (Shift+)Tab."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    first = _control(QApplication.focusWidget())
    assert first is not None
    seen = [first]
    for _ in range(limit):
        w = QApplication.focusWidget()
        assert w is not None
        QTest.keyClick(
            w, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier if forward else Qt.KeyboardModifier.ShiftModifier
        )
        QApplication.processEvents()
        now = _control(QApplication.focusWidget())
        assert now is not None
        if now is seen[-1]:
            continue  # Tab moving inside one control (a date's day, month, year) before it leaves
        if now is first:
            return seen
        seen.append(now)
    raise AssertionError("Tab never came back: " + " → ".join(w.objectName() or type(w).__name__ for w in seen[-12:]))


def tab_stops(page: QWidget) -> list[QWidget]:
    """The controls of ``page`` a keyboard user must be able to reach."""
    out = []
    for w in page.findChildren(QWidget):
        if not (w.isVisibleTo(page) and w.isEnabled()) or w.focusProxy() is not None:
            continue
        if _control(w) is not w:
            continue
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            out.append(w)
    return out


def check_page(win: MainWindow, page: QWidget, start: QWidget) -> list[str]:
    """Problems with the focus order of one page: unreachable controls, no way out, orders that differ."""
    win.show_page(page)
    QApplication.processEvents()
    forward = walk(start, True)
    backward = walk(start, False)
    names = lambda ws: [w.objectName() or type(w).__name__ for w in ws]  # noqa: E731
    problems = []
    missing = [w for w in tab_stops(page) if w not in forward]
    if missing:
        problems.append(f"{page.objectName()}: not reached by Tab: {names(missing)}")
    if all(page.isAncestorOf(w) for w in forward):
        problems.append(f"{page.objectName()}: Tab never leaves the page: {names(forward)}")
    mirrored = [forward[0], *reversed(forward[1:])]
    if backward != mirrored:
        problems.append(
            f"{page.objectName()}: Shift+Tab is not Tab backwards:\n  {names(forward)}\n  {names(backward)}"
        )
    return problems


def _pages(win: MainWindow) -> list[tuple[QWidget, QWidget]]:
    out: list[tuple[QWidget, QWidget]] = [(win.intake, win.intake.nid)]
    win.show_screen(1)
    out.append((win.worklist, win.worklist.text))
    if win.service.can_work():
        no = queries.queue_page(win.ctx.store, queries.QueueFilter(status="received"), limit=1)[0].receipt_no
        win.open_request(no)
        out.append((win.detail, win.detail.heading))
        win.show_screen(3)
        out.append((win.today, win.today.heading))
    s = win.supervision
    if s is not None:
        for p in s.pages():
            win.show_page(p)
            out.append((p, p.first_focus or p))
    return out


@pytest.mark.parametrize("username", ["sporteli", "mbikqyresi"])
def test_tab_reaches_every_control_leaves_every_page_and_mirrors(
    controller: AppController, qtbot, username: str
) -> None:
    win = _window(controller, qtbot, username)
    problems = []
    for page, start in _pages(win):
        problems += check_page(win, page, start)
    assert problems == [], "\n".join(problems)


def test_intake_order_follows_the_screen(clerk_window: MainWindow) -> None:
    page = clerk_window.intake
    order = walk(page.nid, True)
    inside = [w.objectName() for w in order if page.isAncestorOf(w)]
    expected = [
        "nid",
        "citizen_name",
        "citizen_phone",
        "priority",
        "service_search",
        "documents",
        "all_documents",
        "fee",
        "note",
        "add_service",
        "save",
        "clear",
    ]
    assert [n for n in inside if n in expected] == expected
    assert any(w is clerk_window.scan_field for w in order)  # and out to the scan field and back


def test_worklist_table_lets_tab_out(clerk_window: MainWindow) -> None:
    clerk_window.show_screen(1)
    wl = clerk_window.worklist
    wl.table.setFocus()
    wl.table.selectRow(0)
    QTest.keyClick(wl.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not wl.table
    wl.table.setFocus()
    QTest.keyClick(wl.table, Qt.Key.Key_Down)  # arrows move inside
    assert QApplication.focusWidget() is wl.table and wl.table.currentIndex().row() == 1


def test_request_page_lands_on_its_heading_and_labels_every_value(clerk_window: MainWindow, qtbot) -> None:
    no = queries.queue_page(clerk_window.ctx.store, queries.QueueFilter(status="received"), limit=1)[0].receipt_no
    assert clerk_window.open_request(no)
    detail = clerk_window.detail
    qtbot.waitUntil(lambda: QApplication.focusWidget() is detail.heading)
    assert no in detail.heading.text() and detail.heading.accessibleName() == detail.heading.text()
    for key_, value in detail.values.items():
        caption = detail.captions[key_]
        assert caption.buddy() is value, key_  # labelled-by
        assert value.accessibleName() == caption.text().rstrip(":")
        assert value.focusPolicy() & Qt.FocusPolicy.TabFocus, key_
    order = walk(detail.heading, True)
    values = [w for w in order if isinstance(w, QLabel) and w.objectName().startswith("value_")]
    shown = [f"value_{k}" for k, w in detail.values.items() if w.isVisibleTo(detail)]  # rows without a value hidden
    assert [w.objectName() for w in values] == shown and "value_notify" in shown


def test_messages_are_tied_to_their_fields(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    good = nid(991)
    type_text(page.nid, good[:-1] + ("A" if good[-1] != "A" else "B"))
    assert page.nid_state.isVisible() and page.nid.accessibleDescription() == page.nid_state.text() != ""
    page.nid.clear()
    assert not page.nid_state.isVisible()  # an empty message is hidden: it never lends a name
    key(page.nid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save without a service
    assert page.picker.search.accessibleDescription() == page.message.text() != ""
    assert page.message.property("role") == "error"
    assert QApplication.focusWidget() is page.picker.search


def test_service_search_describes_the_highlighted_service(clerk_window: MainWindow) -> None:
    picker = clerk_window.intake.picker
    picker.search.setFocus()
    type_text(picker.search, "AI-00")
    first = picker.current_choice()
    assert first is not None and first.name("sq") in picker.search.accessibleDescription()
    assert "lekë" in picker.search.accessibleDescription() and "nga" in picker.search.accessibleDescription()
    QTest.keyClick(picker.search, Qt.Key.Key_Down)
    second = picker.current_choice()
    assert second is not None and second != first
    assert second.name("sq") in picker.search.accessibleDescription()
    assert QApplication.focusWidget() is picker.search  # the field keeps the keyboard


def test_required_documents_say_so_in_words(clerk_window: MainWindow) -> None:
    page = clerk_window.intake
    page.picker.search.setText("AI-004")
    page.choose_service(page.picker.current_choice())
    required = [d for d in page.current.documents if d.required]
    assert required
    for i, d in enumerate(page.current.documents):
        text = page.documents.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
        assert ("i detyrueshëm" in text) == d.required


def test_summary_dialog_puts_the_keyboard_on_save(clerk_window: MainWindow, qtbot) -> None:
    page = clerk_window.intake
    type_text(page.nid, nid(992))
    type_text(page.name, "Fokus (TEST)")
    page.picker.search.setText("AI-001")
    page.choose_service(page.picker.current_choice())
    page.check_all_documents()
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.save()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.summary.save)
        confirm_summary(page, qtbot)
    assert queries.queue_count(clerk_window.ctx.store, queries.QueueFilter(text="Fokus")) == 1


@pytest.mark.parametrize("username", ["sporteli", "admin"])
def test_every_dialog_has_a_mirrored_tab_order_that_reaches_every_control(
    controller: AppController, qtbot, username: str
) -> None:
    from .test_help import _open_dialogs

    win = _window(controller, qtbot, username)
    problems = []
    for d in _open_dialogs(win, qtbot):
        d.activateWindow()
        qtbot.waitUntil(lambda d=d: QApplication.activeWindow() is d, timeout=3000)
        start = next(iter(tab_stops(d)), None)
        if start is None:
            continue
        forward, backward = walk(start, True), walk(start, False)
        name = d.objectName() or type(d).__name__
        missing = [w.objectName() or type(w).__name__ for w in tab_stops(d) if w not in forward]
        if missing:
            problems.append(f"{name}: not reached: {missing}")
        if backward != [forward[0], *reversed(forward[1:])]:
            problems.append(f"{name}: Shift+Tab is not Tab backwards")
        d.close()
    assert problems == [], "\n".join(problems)
