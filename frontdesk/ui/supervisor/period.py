"""The period and grouping controls the supervisor's reports share (the dashboard and the citizens'
report): first and last day (this month so far when the page opens), what to group by, and Show, each
field with its buddy label. The page lays them out and names its own days (what its dates count)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton

GROUPS = ("service", "clerk", "unit")


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class PeriodControls:
    """The widgets, named ``{prefix}_from``, ``{prefix}_to``, ``{prefix}_group`` and ``{prefix}_show``."""

    def __init__(self, prefix: str) -> None:
        today = dt.date.today()
        self.date_from = QDateEdit(qdate(today.replace(day=1)))
        self.date_from.setObjectName(f"{prefix}_from")
        self.date_to = QDateEdit(qdate(today))
        self.date_to.setObjectName(f"{prefix}_to")
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd.MM.yyyy")
        self.group = QComboBox()
        self.group.setObjectName(f"{prefix}_group")
        self.from_label, self.to_label, self.group_label = QLabel(), QLabel(), QLabel()
        self.from_label.setBuddy(self.date_from)
        self.to_label.setBuddy(self.date_to)
        self.group_label.setBuddy(self.group)
        self.show_button = QPushButton()
        self.show_button.setObjectName(f"{prefix}_show")

    def add_to(self, row: QHBoxLayout) -> None:
        """Each label before its field, then Show."""
        for label, field in ((self.from_label, self.date_from), (self.to_label, self.date_to),
                             (self.group_label, self.group)):  # fmt: skip
            row.addWidget(label)
            row.addWidget(field)
        row.addWidget(self.show_button)

    def retranslate(self, first_day: str, last_day: str) -> None:
        """The texts in the current language; ``first_day``/``last_day``: the dates' accessible names."""
        self.from_label.setText(QCoreApplication.translate("PeriodControls", "F&rom:"))
        self.to_label.setText(QCoreApplication.translate("PeriodControls", "&To:"))
        self.group_label.setText(QCoreApplication.translate("PeriodControls", "Group &by:"))
        self.date_from.setAccessibleName(first_day)
        self.date_to.setAccessibleName(last_day)
        self.group.setAccessibleName(QCoreApplication.translate("PeriodControls", "Group the report by"))
        current = self.group.currentData() or GROUPS[0]
        self.group.blockSignals(True)
        self.group.clear()
        for key, text in zip(
            GROUPS,
            (
                QCoreApplication.translate("PeriodControls", "Service"),
                QCoreApplication.translate("PeriodControls", "Clerk"),
                QCoreApplication.translate("PeriodControls", "Unit"),
            ),
            strict=True,
        ):
            self.group.addItem(text, key)
        self.group.setCurrentIndex(max(0, self.group.findData(current)))
        self.group.blockSignals(False)
        self.show_button.setText(QCoreApplication.translate("PeriodControls", "&Show"))

    def period(self) -> tuple[dt.date, dt.date, str]:
        """First day, last day, and what to group by."""
        return pydate(self.date_from.date()), pydate(self.date_to.date()), str(self.group.currentData() or GROUPS[0])
