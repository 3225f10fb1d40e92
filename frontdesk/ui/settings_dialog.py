"""Workstation settings: printer, paper, language, text size, idle lock, central server."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .context import AppContext
from .language import LANGUAGE_NAMES
from .page import Dialog
from .settings import MAX_POINT_SIZE, MIN_POINT_SIZE, PAPERS
from .widgets import data_label


class SettingsDialog(Dialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        st = ctx.settings.current
        self.data_dir = data_label("settings_data_dir")
        self.data_dir.setText(str(ctx.store.path.parent))
        self.printer = QLineEdit(st.printer)
        self.paper = QComboBox()
        for p in PAPERS:
            self.paper.addItem("", p)
        self.paper.setCurrentIndex(max(0, self.paper.findData(st.paper)))
        self.language = QComboBox()
        self.language.setProperty("fd_data", True)  # each language's own name, never translated
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(st.language)))
        self.point_size = QSpinBox()
        self.point_size.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        self.point_size.setValue(st.point_size)
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setValue(st.idle_lock_minutes)
        self.server = QLineEdit(st.server_url)
        self.labels = [QLabel() for _ in range(7)]
        form = QFormLayout()
        for lbl, w in zip(
            self.labels,
            (self.data_dir, self.printer, self.paper, self.language, self.point_size, self.idle, self.server),
            strict=True,
        ):
            if not isinstance(w, QLabel):
                lbl.setBuddy(w)
            form.addRow(lbl, w)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        texts = (
            self.tr("Data directory:"),
            self.tr("&Printer:"),
            self.tr("P&aper:"),
            self.tr("&Language:"),
            self.tr("&Text size:"),
            self.tr("Lock after &idle minutes:"),
            self.tr("Central &server:"),
        )
        for lbl, t in zip(self.labels, texts, strict=True):
            lbl.setText(t)
        self.printer.setPlaceholderText(self.tr("empty: system default; none: do not print"))
        self.printer.setAccessibleName(self.tr("Printer"))
        self.paper.setItemText(0, self.tr("Receipt roll 80 mm"))
        self.paper.setItemText(1, self.tr("A5 sheet"))
        self.paper.setAccessibleName(self.tr("Paper"))
        self.language.setAccessibleName(self.tr("Language"))
        self.point_size.setAccessibleName(self.tr("Text size"))
        self.idle.setAccessibleName(self.tr("Lock after idle minutes"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.server.setPlaceholderText(self.tr("https://… (empty: work offline)"))
        self.server.setAccessibleName(self.tr("Central server address"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def save(self) -> None:
        ctx = self.ctx
        ctx.settings.update(
            printer=self.printer.text().strip(),
            paper=str(self.paper.currentData()),
            idle_lock_minutes=self.idle.value(),
            server_url=self.server.text().strip(),
        )
        if self.point_size.value() != ctx.settings.current.point_size:
            ctx.set_point_size(self.point_size.value())
        lang = str(self.language.currentData())
        if lang != ctx.settings.current.language:
            ctx.set_language(lang)
        self.accept()
