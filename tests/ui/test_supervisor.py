"""Supervision and administration screens over a real demo database: reassignment from the worklist,
workload, dashboard (charts, CSV/PDF), audit trail (and a tampered row), administration; role limits are
checked both ways (hidden in the UI, refused by the core)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCharts import QBarCategoryAxis, QChartView, QValueAxis
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox

from frontdesk import admin, auth, queries, reports, setup, workflow, workload
from frontdesk.dbfiles import open_kept
from frontdesk.errors import NotPermitted
from frontdesk.queries import QueueFilter
from frontdesk.ui.mainwindow import MainWindow
from frontdesk.ui.supervisor import Supervision

from .conftest import _window
from .helpers import type_text
from .test_translations import is_translated, visible_strings

pytestmark = pytest.mark.ui


def sup(win: MainWindow) -> Supervision:
    s = win.supervision
    assert isinstance(s, Supervision)
    return s


@pytest.fixture
def admin_window(controller, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    return _window(controller, qtbot, "admin")


# ---------------------------------------------------------------- reassignment


def test_supervisor_reassigns_several_selected_requests_at_once(supervisor_window: MainWindow, qtbot) -> None:
    win = supervisor_window
    s = sup(win)
    win.show_screen(1)
    wl = win.worklist
    wl.status.setCurrentIndex(wl.status.findData("received"))
    wl.apply_filters()
    rows = [r for r in wl.model.rows if r.assignee != "sporteli2"][:3]
    assert len(rows) == 3
    sel = wl.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        i = wl.model.rows.index(r)
        sel.select(
            wl.model.index(i, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert s.reassign is not None and s.reassign.button.isVisible()
    assert sorted(s.reassign.selected()) == sorted(r.receipt_no for r in rows)
    s.reassign.button.click()
    dlg = s.reassign.dialog
    assert dlg is not None and dlg.isVisible()
    assert not dlg.ok.isEnabled()  # the reason is required
    dlg.assignee.setCurrentIndex(dlg.assignee.findData("sporteli2"))
    type_text(dlg.reason, "Balancim i ngarkesës")
    assert dlg.ok.isEnabled()
    with qtbot.waitSignal(win.ctx.tasks.idle, timeout=10_000):
        QTest.keyClick(dlg.reason, Qt.Key.Key_Return)  # Enter in the reason reassigns (issue 12)
    for r in rows:
        view = queries.get_request(win.ctx.store, r.receipt_no)
        assert view.assignee == "sporteli2"
        last = [e for e in view.history if e.kind == "assign"][-1]
        assert (last.actor_username, last.data["to"], last.data["reason"]) == (
            "mbikqyresi",
            "sporteli2",
            "Balancim i ngarkesës",
        )
    assert "3" in s.reassign.message.text() and "sporteli2" in s.reassign.message.text()
    assert s.reassign.message.property("role") == "ok"
    assert is_translated(s.reassign.message.text(), "sq")


def test_reassign_is_hidden_for_a_clerk_and_refused_by_the_core(clerk_window: MainWindow) -> None:
    win = clerk_window
    s = sup(win)
    assert s.reassign is None and s.workload is None and s.dashboard is None and s.audit is None and s.admin is None
    assert win.findChild(QPushButton, "reassign_selected") is None
    assert [a.objectName() for a in win.menuBar().actions() if a.menu()] == [
        a.objectName() for a in win.menuBar().actions() if a.menu() and a.menu().objectName() != "supervision_menu"
    ]
    assert all(
        m.objectName() not in ("supervision_menu", "admin_menu")
        for m in win.menuBar().findChildren(type(win.file_menu))
    )
    clerk = auth.actor_for(win.ctx.store, "sporteli")
    no = queries.queue_page(win.ctx.store, QueueFilter(status="received"), limit=1)[0].receipt_no
    with pytest.raises(NotPermitted):
        workflow.reassign(win.ctx.store, clerk, [no], "sporteli2", "nuk lejohet")
    with pytest.raises(NotPermitted):
        workload.workload(win.ctx.store, clerk)


# ---------------------------------------------------------------- workload


def test_workload_shows_the_core_figures_and_opens_a_queue(supervisor_window: MainWindow, qtbot) -> None:
    win = supervisor_window
    s = sup(win)
    s.actions["workload"].trigger()
    page = s.workload
    assert page is not None and win.tabs.currentWidget() is page
    expected = workload.workload(win.ctx.store, auth.actor_for(win.ctx.store, "mbikqyresi"))
    assert page.table.rowCount() == len(expected)
    for i, r in enumerate(expected):
        assert page.table.item(i, 0).text().endswith(f"({r.username})")
        assert page.table.item(i, 1).text() == str(r.open)
        assert page.table.item(i, 2).text().startswith(str(r.on_track))
        assert page.table.item(i, 3).text().startswith(str(r.due_soon))
        assert page.table.item(i, 4).text().startswith(str(r.overdue))
        assert page.table.item(i, 6).text() == str(r.received_today)
        assert page.table.item(i, 7).text() == str(r.delivered_today)
        if r.overdue:  # colour and words
            assert "vonuar" in page.table.item(i, 4).text() or "vonesë" in page.table.item(i, 4).text()
            assert page.table.item(i, 4).background().color().name() == "#f8d0d0"
    busiest = max((r for r in expected if r.username), key=lambda r: r.open)
    assert busiest.open > 0
    assert page.select_user(str(busiest.username))
    page.queue_button.click()
    assert win.tabs.currentWidget() is win.worklist
    assert win.worklist.assignee.currentData() == busiest.username
    assert win.worklist.model.rows and all(r.assignee == busiest.username for r in win.worklist.model.rows)
    # rebalance: tick one of the clerk's open requests and give it to someone else
    s.actions["workload"].trigger()
    assert page.select_user(str(busiest.username))
    dlg = page.rebalance()
    assert dlg is not None and dlg.requests is not None
    for i in range(dlg.requests.count()):
        dlg.requests.item(i).setCheckState(dlg.requests.item(i).checkState().Unchecked)
    dlg.requests.item(0).setCheckState(dlg.requests.item(0).checkState().Checked)
    moved = dlg.chosen()
    assert len(moved) == 1 and dlg.assignee.findData(busiest.username) == -1
    type_text(dlg.reason, "Rebalancim")
    with qtbot.waitSignal(win.ctx.tasks.idle, timeout=10_000):
        dlg.ok.click()
    after = {r.username: r for r in workload.workload(win.ctx.store, auth.actor_for(win.ctx.store, "mbikqyresi"))}
    assert after[busiest.username].open == busiest.open - 1
    assert queries.get_request(win.ctx.store, moved[0]).assignee == dlg.assignee.currentData()


# ---------------------------------------------------------------- dashboard


def test_dashboard_renders_charts_and_exports_csv_and_pdf(supervisor_window: MainWindow, qtbot, tmp_path: Path) -> None:
    win = supervisor_window
    s = sup(win)
    page = s.dashboard
    assert page is not None
    with qtbot.waitSignal(page.computed, timeout=15_000):
        s.actions["dashboard"].trigger()
    assert page.data is not None
    rep = page.data.report
    assert page.table.rowCount() == len(rep.rows) + 1
    assert page.table.item(page.table.rowCount() - 1, 1).text() == str(rep.total.received)
    assert rep.total.received > 0
    assert len(page.trend_chart.series()) == 2 and len(page.overdue_chart.series()) == 1
    assert len(page.findChildren(QChartView)) == 2
    # the chart ranks the table's own rows (same period, same grouping), by name, on a whole-number axis
    ranked = sorted((r for r in rep.rows if r.open_overdue), key=lambda r: (-r.open_overdue, r.label))[:6]
    bars = page.overdue_chart.series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [r.open_overdue for r in reversed(ranked)]
    axis = next(a for a in page.overdue_chart.axes() if isinstance(a, QValueAxis))
    assert axis.tickInterval() == int(axis.tickInterval()) >= 1 and axis.labelFormat() == "%d"
    labels = next(a for a in page.overdue_chart.axes() if isinstance(a, QBarCategoryAxis)).categories()
    assert all(not re.fullmatch(r"[A-Z]{2}-\d{3}", c) for c in labels)  # names, not codes
    csv_path, pdf_path = tmp_path / "raporti.csv", tmp_path / "raporti.pdf"
    with qtbot.waitSignal(page.exported, timeout=15_000):
        page.export_csv(csv_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:3] == ["Kodi", "Emërtimi", "Të marra"]  # the export speaks the UI's language
    assert len(table) == len(rep.rows) + 2 and table[-1][0] == reports.TOTAL_KEY and table[-1][1] == "Gjithsej"
    with qtbot.waitSignal(page.exported, timeout=30_000):
        page.export_pdf(pdf_path)
    text = "".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages)
    assert "Performanca" in text and str(rep.total.received) in text
    assert "Gjithsej" in text and "Total" not in text
    assert "Ruajt" in page.message.text()
    # regrouping by clerk recomputes through the task runner
    page.group.setCurrentIndex(page.group.findData("clerk"))
    with qtbot.waitSignal(page.computed, timeout=15_000):
        page.show_button.click()
    assert page.data.report.by == "clerk"


# ---------------------------------------------------------------- audit


def test_audit_lists_entries_and_verify_finds_a_tampered_row(supervisor_window: MainWindow, qtbot) -> None:
    win = supervisor_window
    s = sup(win)
    page = s.audit
    assert page is not None
    s.actions["audit"].trigger()
    assert page.table.rowCount() > 0
    page.action.setCurrentIndex(page.action.findData("reassign"))
    assert page.entries and all(e.action == "reassign" for e in page.entries)
    assert page.table.rowCount() == len(page.entries)
    with qtbot.waitSignal(page.verified, timeout=15_000) as ok:
        page.verify_button.click()
    assert ok.args == [True]
    assert "paprekur" in page.verify_message.text()
    db = win.ctx.store.path
    con = open_kept(db)
    with con:
        con.execute("UPDATE audit_log SET subject = 'NDRYSHUAR' WHERE seq = 5")
    con.close()
    with qtbot.waitSignal(page.verified, timeout=15_000) as bad:
        page.verify_button.click()
    assert bad.args == [False]
    msg = page.verify_message.text()
    assert "5" in msg and page.verify_message.property("role") == "error"
    assert is_translated(msg.split(". ", 1)[1], "sq"), msg  # the core's reason, in Albanian too
    with pytest.raises(NotPermitted):
        admin.verify_audit(win.ctx.store, auth.actor_for(win.ctx.store, "sporteli"))


def test_audit_pages_back_to_the_first_entry(
    supervisor_window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older entries page by page ("Older entries", Alt+L) until the first; entries written meanwhile
    neither repeat nor shift a page."""
    from frontdesk.ui.supervisor import audit_view

    monkeypatch.setattr(audit_view, "LIMIT", 7)
    win = supervisor_window
    page = sup(win).audit
    assert page is not None
    sup(win).actions["audit"].trigger()
    page.refresh()
    with win.ctx.store.read() as s:
        total = len(admin.audit.entries(s, limit=100_000))
    assert total > 14, "the demo trail is long enough for three pages"
    assert len(page.entries) == 7 and page.has_more and page.more_button.isEnabled()
    assert "7" in page.count.text()
    clerk = auth.actor_for(win.ctx.store, "sporteli")
    con = open_kept(win.ctx.store.path)
    (receipt,) = con.execute("SELECT receipt_no FROM requests WHERE status = 'received' LIMIT 1").fetchone()
    con.close()
    workflow.add_note(win.ctx.store, clerk, receipt, "Shënim gjatë leximit (TEST)")
    pages = 1
    while page.has_more:
        page.more_button.click()
        pages += 1
    seqs = [e.seq for e in page.entries]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == len(seqs)
    assert len(seqs) == total and seqs[-1] == 1  # the note written meanwhile is not among them
    assert pages == -(-total // 7) and not page.more_button.isEnabled()
    assert page.table.rowCount() == total and page.table.currentRow() >= 7
    page.refresh()  # back to the newest, the note included
    assert page.entries[0].seq == total + 1 and page.entries[0].action == "note"


# ---------------------------------------------------------------- administration


def test_admin_adds_and_withdraws_a_local_service_and_a_user(admin_window: MainWindow, qtbot) -> None:
    win = admin_window
    s = sup(win)
    page = s.admin
    assert page is not None and s.workload is None and s.reassign is None
    s.actions["admin"].trigger()
    assert win.tabs.currentWidget() is page
    dlg = page.open_add_service()
    f = dlg.fields
    for key, text in (
        ("code", "loc-arkiv"),
        ("name_sq", "Kopje nga arkiva vendore (DEMO)"),
        ("name_en", "Copy from the local archive (DEMO)"),
        ("category", "Arkiva"),
        ("office", "Arkiva e njësisë (DEMO)"),
    ):
        le = f[key]
        assert isinstance(le, QLineEdit)
        type_text(le, text)
    fee, days, docs = f["fee"], f["standard_days"], f["documents"]
    assert isinstance(fee, QSpinBox) and isinstance(days, QSpinBox) and isinstance(docs, QPlainTextEdit)
    fee.setValue(300)
    days.setValue(3)
    docs.setPlainText("ID | Letërnjoftimi | Identity card\nAUT | Autorizimi | Authorisation | opsional")
    with qtbot.waitSignal(win.ctx.tasks.idle, timeout=10_000):
        dlg.ok.click()
    assert not dlg.isVisible(), dlg.message.text()
    svc = {x.code: x for x in page.services}["LOC-ARKIV"]
    assert (svc.origin, svc.active, svc.fee_amount, svc.standard_days) == ("local", True, 300, 3)
    assert [(d.code, d.required) for d in svc.documents] == [("ID", True), ("AUT", False)]
    assert page.select(page.service_table, "LOC-ARKIV") and page.service_toggle.isEnabled()
    with qtbot.waitSignal(win.ctx.tasks.idle, timeout=10_000):
        page.service_toggle.click()
    assert {x.code: x for x in page.services}["LOC-ARKIV"].active is False
    # a central service cannot be withdrawn here
    central = next(x.code for x in page.services if x.origin == "central")
    page.select(page.service_table, central)
    assert not page.service_toggle.isEnabled()

    page.sections.setCurrentIndex(1)
    dlg = page.open_add_user()
    for key, text in (("username", "sporteli9"), ("full_name", "Dritë Provëza (DEMO)"), ("password", "perkohshem-9")):
        le = dlg.fields[key]
        assert isinstance(le, QLineEdit)
        type_text(le, text)
    with qtbot.waitSignal(win.ctx.tasks.idle, timeout=20_000):
        dlg.ok.click()
    assert not dlg.isVisible(), dlg.message.text()
    info = auth.user_info(win.ctx.store, "sporteli9")
    assert (info.role, info.active, info.must_change_password) == ("clerk", True, True)
    assert page.select(page.user_table, "sporteli9")
    with qtbot.waitSignal(win.ctx.tasks.idle, timeout=10_000):
        page.user_toggle.click()
    assert auth.user_info(win.ctx.store, "sporteli9").active is False
    assert page.select(page.user_table, "admin") and not page.user_toggle.isEnabled()  # not yourself


def test_administration_is_hidden_from_supervisors_and_refused_by_the_core(supervisor_window: MainWindow) -> None:
    s = sup(supervisor_window)
    assert s.admin is None and s.admin_menu is None and "admin" not in s.actions
    actor = auth.actor_for(supervisor_window.ctx.store, "mbikqyresi")
    with pytest.raises(NotPermitted):
        admin.add_user(supervisor_window.ctx.store, actor, "dikush", "clerk", "Dikush (DEMO)", "perkohshem-1")
    with pytest.raises(NotPermitted):
        admin.set_service_active(supervisor_window.ctx.store, actor, "AI-001", False)


# ---------------------------------------------------------------- language, keyboard


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_supervision_screens_are_translated(
    supervisor_window: MainWindow, admin_window: MainWindow, ctx, lang: str, qtbot
) -> None:
    ctx.set_language(lang)
    bad = []
    for win in (supervisor_window, admin_window):
        s = sup(win)
        for page in s.pages():
            win.tabs.setCurrentWidget(page)
        if s.admin is not None:
            dialogs = [s.admin.open_add_service(), s.admin.open_add_user()]
        else:
            assert s.reassign is not None
            win.show_screen(1)
            win.worklist.table.selectRow(0)
            dialogs = [s.reassign.open_dialog()]
        QApplication.processEvents()
        own = [*s.pages(), *([s.reassign] if s.reassign else []), *[m for m in (s.menu, s.admin_menu) if m]]
        texts = [("tab", win.tabs.tabText(win.tabs.indexOf(p))) for p in s.pages()]
        for top in [*own, *dialogs]:
            assert top is not None
            texts += list(visible_strings(top))
        for where, text in texts:
            if any(ch.isalpha() for ch in text) and not is_translated(text, lang):
                bad.append(f"{where}: {text!r}")
        for d in dialogs:
            assert d is not None
            d.reject()
    assert bad == [], "\n".join(bad)


def test_shortcuts_reach_the_pages(supervisor_window: MainWindow) -> None:
    s = sup(supervisor_window)
    for key, shortcut in (("workload", "Ctrl+4"), ("dashboard", "Ctrl+5"), ("audit", "Ctrl+6")):
        assert s.actions[key].shortcut().toString() == shortcut
    s.actions["audit"].trigger()
    assert QApplication.focusWidget() is s.audit.text if s.audit else False
    assert setup.DEMO_USERS  # the demo data the screens run on
