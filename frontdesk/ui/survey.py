"""The counter's customer-facing survey prompt (issue 14): after delivery, rejection or a return for
completion, the clerk turns the screen to the citizen, who answers in a minute — was the promised date
kept, was the service clear, 1–5 overall, an optional comment. The answers are the citizen's own
(``workflow.record_survey``, channel ``counter``), one per request, and every report keeps them apart from
the rating the clerk typed at delivery. Big text, keyboard or mouse; nothing is preselected, so a
citizen who closes the prompt leaves no answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.limits import MAX_COMMENT

from .a11y import plain, say, tie
from .page import Dialog
from .widgets import message_label


@dataclass(frozen=True)
class SurveyAnswer:
    overall: int
    promised_kept: bool | None = None
    clear: bool | None = None
    comment: str | None = None


class _YesNo(QGroupBox):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.yes, self.no = QRadioButton(), QRadioButton()
        self.yes.setObjectName(f"{name}_yes")
        self.no.setObjectName(f"{name}_no")
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes, 1)
        self.group.addButton(self.no, 0)
        row = QHBoxLayout(self)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)

    def value(self) -> bool | None:
        answer = self.group.checkedId()
        return None if answer < 0 else bool(answer)


class SurveyDialog(Dialog):
    decided = Signal(object)  # SurveyAnswer

    def __init__(self, parent: QWidget, receipt_no: str, service_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("survey_dialog")
        self.setModal(True)
        self.receipt_no, self.service_name = receipt_no, service_name
        self.intro = QLabel()
        self.intro.setObjectName("survey_intro")
        self.intro.setWordWrap(True)
        f = self.intro.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        self.intro.setFont(f)
        self.kept = _YesNo("survey_kept")
        self.clear = _YesNo("survey_clear")
        self.overall_box = QGroupBox()
        self.overall_box.setObjectName("survey_overall")
        self.overall = QButtonGroup(self)
        row = QHBoxLayout(self.overall_box)
        self.overall_buttons: dict[int, QRadioButton] = {}
        for n in range(5, 0, -1):
            b = QRadioButton(f"&{n}")
            b.setObjectName(f"survey_overall_{n}")
            self.overall.addButton(b, n)
            self.overall_buttons[n] = b
            row.addWidget(b)
        row.addStretch(1)
        self.comment = QLineEdit()
        self.comment.setObjectName("survey_comment")
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment_label = QLabel()
        self.comment_label.setBuddy(self.comment)
        self.message = message_label("survey_message")
        self.ok = QPushButton()
        self.ok.setObjectName("survey_ok")
        self.ok.setDefault(True)
        self.back = QPushButton()
        self.back.setObjectName("survey_back")
        box = QDialogButtonBox()
        box.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.back, QDialogButtonBox.ButtonRole.RejectRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.kept)
        lay.addWidget(self.clear)
        lay.addWidget(self.overall_box)
        lay.addWidget(self.comment_label)
        lay.addWidget(self.comment)
        lay.addWidget(self.message)
        lay.addWidget(box)
        self.ok.clicked.connect(self.confirm)
        self.back.clicked.connect(self.reject)
        self.comment.returnPressed.connect(self.confirm)
        self.retranslate()
        self.first_focus = self.kept.yes

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("How did it go?"))
        self.intro.setText(
            self.tr("Please tell us how it went with request {no} ({service}). It takes a minute; your answers "
                    "are yours, not the clerk's.").format(no=self.receipt_no, service=self.service_name)
        )  # fmt: skip
        self.kept.setTitle(self.tr("Was the promised date kept?"))
        self.clear.setTitle(self.tr("Was the service clear?"))
        for g in (self.kept, self.clear):
            g.yes.setText(self.tr("Yes"))
            g.no.setText(self.tr("No"))
            g.yes.setAccessibleName(f"{g.title()} {plain(g.yes.text())}")
            g.no.setAccessibleName(f"{g.title()} {plain(g.no.text())}")
        self.overall_box.setTitle(self.tr("Overall: 5 = very satisfied, 1 = not at all"))
        for n, b in self.overall_buttons.items():
            b.setAccessibleName(self.tr("{n} of 5").format(n=n))
        self.comment_label.setText(self.tr("Co&mment (optional):"))
        self.comment.setAccessibleName(plain(self.comment_label.text()).rstrip(":"))
        self.ok.setText(self.tr("S&end"))
        self.ok.setAccessibleName(plain(self.ok.text()))
        self.back.setText(self.tr("&Not now"))
        self.back.setAccessibleName(plain(self.back.text()))

    def value(self) -> SurveyAnswer | None:
        overall = self.overall.checkedId()
        if overall < 1:
            return None
        return SurveyAnswer(overall, self.kept.value(), self.clear.value(), self.comment.text().strip() or None)

    def choose(self, overall: int, *, kept: bool | None = None, clear: bool | None = None,
               comment: str | None = None) -> None:  # fmt: skip
        """Answer as a citizen would (tests)."""
        for g, v in ((self.kept, kept), (self.clear, clear)):
            if v is not None:
                (g.yes if v else g.no).setChecked(True)
        self.overall_buttons[overall].setChecked(True)
        self.comment.setText(comment or "")
        self.confirm()

    def confirm(self) -> None:
        answer = self.value()
        if answer is None:
            tie(self.message, self.overall_buttons[5])
            say(self.message, self.tr("Choose how it went overall, from 1 to 5."), "error")
            self.overall_buttons[5].setFocus()
            return
        self.accept()
        self.decided.emit(answer)
