"""Albanian throughout (issue 12): Qt's own dialogs, statuses in messages, local times, names not codes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton

from frontdesk import auth, queries, workflow
from frontdesk.errors import AuthenticationFailed, InvalidTransition
from frontdesk.i18n import QT_TRANSLATE_NOOP
from frontdesk.ui.context import AppContext
from frontdesk.ui.mainwindow import MainWindow
from frontdesk.ui.messages import render

from .helpers import nid

pytestmark = pytest.mark.ui


def test_qt_standard_dialogs_speak_albanian(ctx: AppContext, qtbot) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Anulo"
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Në rregull"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Mbyll"
    dialog = QFileDialog(None, "Ruaj", "", "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    texts = {w.text() for w in dialog.findChildren(QLabel)} | {b.text() for b in dialog.findChildren(QPushButton)}
    assert "&Emri i skedarit:" in texts and "&Ruaj" in texts
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Ngjit"  # the fields' context menu
    ctx.set_language("en")
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"


def test_messages_carry_translated_statuses_and_local_times(clerk_window: MainWindow) -> None:
    store = clerk_window.ctx.store
    clerk = auth.actor_for(store, "sporteli")
    delivered = queries.queue_page(store, queries.QueueFilter(status="delivered"), limit=1)[0].receipt_no
    with pytest.raises(InvalidTransition) as caught:
        workflow.advance(store, clerk, delivered, "in_progress")
    text = render(caught.value)
    assert "delivered" not in text and "in_progress" not in text  # "është delivered" no more
    assert "Dorëzuar" in text and "Në shqyrtim" in text
    lockout = AuthenticationFailed(
        QT_TRANSLATE_NOOP("errors", "Too many failed sign-ins: the account is locked until {until} (UTC)."),
        until="12:00",
    )
    from frontdesk.localtime import utc_hhmm_to_local

    shown = render(lockout)
    assert utc_hhmm_to_local("12:00") in shown and "UTC" not in shown and "12:00" not in shown


def test_request_page_shows_local_time_names_and_documents(clerk_window: MainWindow) -> None:
    store = clerk_window.ctx.store
    clerk = auth.actor_for(store, "sporteli")
    (view,) = workflow.intake(
        store,
        clerk,
        workflow.CitizenInput(nid(941), "Lindita Kohaj (TEST)", None),
        [workflow.IntakeItem("AI-005", ["ID", "REQ", "PAY"])],
    )
    assert clerk_window.open_request(view.receipt_no)
    detail = clerk_window.detail
    from frontdesk.localtime import datetime_text

    created = detail.values["created"].text()
    assert datetime_text(view.created_at) in created and "UTC" not in created
    assert "Arbër Sporteli (DEMO)" in created  # the clerk by name
    docs = detail.values["documents"].text()
    assert "ID" not in docs.split(", ") and "PAY" not in docs  # names, not codes
    first = detail.history.topLevelItem(0)
    assert first.text(0) == datetime_text(queries.get_request(store, view.receipt_no).history[0].device_time)
    assert first.text(1) == "Arbër Sporteli (DEMO)"
