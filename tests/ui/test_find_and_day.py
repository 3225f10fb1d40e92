"""Find anyone and the clerk's day (issue 12) on the real screens."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from frontdesk import auth, workflow
from frontdesk.ui.mainwindow import MainWindow

from .helpers import nid, type_text

pytestmark = pytest.mark.ui


def _search(win: MainWindow, qtbot, text: str) -> None:
    wl = win.worklist
    wl.text.clear()
    type_text(wl.text, text)
    qtbot.waitUntil(lambda: wl.model.flt.text == text, timeout=3000)


def test_search_finds_any_part_of_a_name_and_says_when_nothing_is_found(clerk_window: MainWindow, qtbot) -> None:
    store = clerk_window.ctx.store
    clerk = auth.actor_for(store, "sporteli")
    (v,) = workflow.intake(
        store,
        clerk,
        workflow.CitizenInput(nid(971), "Arbër Çelaj (TEST)", "+355 69 444 5566"),
        [workflow.IntakeItem("AI-001", ["REQ"])],
    )
    clerk_window.show_screen(1)
    wl = clerk_window.worklist
    wl.assignee.setCurrentIndex(wl.assignee.findData(""))  # everyone's requests
    for typed in ("cela", "Çelaj", "444 5566", v.receipt_no[-5:]):
        _search(clerk_window, qtbot, typed)
        assert [r.receipt_no for r in wl.model.rows] == [v.receipt_no], typed
        assert not wl.nothing.isVisible()
    # Down in the search field goes to the results; Tab leaves the table
    wl.text.setFocus()
    QTest.keyClick(wl.text, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is wl.table and wl.table.currentIndex().row() == 0
    _search(clerk_window, qtbot, "zzzqqq")
    assert wl.model.total == 0
    assert wl.nothing.isVisible() and "zzzqqq" in wl.nothing.text()
    assert wl.text.accessibleDescription() == wl.nothing.text()  # tied to the field, read with it


def test_my_day_lists_my_intakes_and_prints_the_cash_up_slip(clerk_window: MainWindow, qtbot) -> None:
    store = clerk_window.ctx.store
    clerk = auth.actor_for(store, "sporteli")
    made = [
        workflow.intake(
            store,
            clerk,
            workflow.CitizenInput(nid(972 + i), f"Dita Ime {i} (TEST)", None),
            [workflow.IntakeItem("AI-005", ["ID", "REQ", "PAY"])],
        )[0]
        for i in range(2)
    ]
    with qtbot.waitSignal(clerk_window.today.loaded, timeout=10_000):
        clerk_window.act_today.trigger()
    page = clerk_window.today
    assert clerk_window.tabs.currentWidget() is page
    shown = {page.intakes.item(r, 1).text() for r in range(page.intakes.rowCount())}
    assert {v.receipt_no for v in made} <= shown
    assert page.day is not None and page.day.total_fees >= sum(v.fee_paid for v in made)
    assert f"{page.day.total_fees} lekë" in page.summary.text()
    # a new intake through the intake page refreshes the day (DataEvents)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        clerk_window.events.requests_changed.emit([made[0].receipt_no])
    page.preview_cashup()
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=10_000)
    assert page.preview_dialog.windowTitle() == "Mbyllja e arkës"
    pdf = clerk_window.service.render_cashup(page.day)
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "MBYLLJA E ARKËS SË DITËS" in text and "Arbër Sporteli (DEMO)" in text
    page.preview_dialog.reject()
    # Enter on an intake opens its request
    page.intakes.setFocus()
    page.intakes.setCurrentCell(0, 0)
    with qtbot.waitSignal(clerk_window.request_opened, timeout=5000):
        QTest.keyClick(page.intakes, Qt.Key.Key_Return)
