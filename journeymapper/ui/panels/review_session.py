"""The review session: walk the touchpoints due for review one by one, from the keyboard.

For each touchpoint it shows the current performance, KPIs and the last comment; the user types
the new performance (a digit), KPI values and a comment. **Enter** saves the review (one undo
step: it joins the history and updates performance and KPI actuals) and goes to the next;
**Alt+S** skips one; **Esc** ends the session. Nothing is saved for a skipped touchpoint.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analysis.reviews import due_reviews, last_review
from journeymapper.document import Document, EditError, Kind
from journeymapper.document.reviews import record_review
from journeymapper.model import Review, Touchpoint
from journeymapper.ui.panels.options import PERFORMANCE_LABELS


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    return None if not text else float(text)


def _shown(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:g}"


class ReviewSessionDialog(QDialog):
    """Reviews the touchpoints of ``ids`` (default: those due today, most overdue first)."""

    current_changed = Signal(str)
    """(touchpoint id): the session moved to this touchpoint ("" when it is over)."""
    review_saved = Signal(str)
    """(touchpoint id): a review was recorded (one undo step)."""

    def __init__(self, document: Document, ids: Sequence[str] | None = None,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.today = document, today
        self.setWindowTitle("Review session")
        self.setObjectName("review-session")
        self.queue = (list(ids) if ids is not None else
                      [d.touchpoint.id for d in due_reviews(document.project, today())])
        self.position = -1
        self.saved: list[str] = []
        self.skipped: list[str] = []
        self._kpi_edits: dict[str, QLineEdit] = {}

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.context = QLabel()
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.RichText)
        self.performance = QSpinBox()
        self.performance.setRange(1, 5)
        self.performance.setAccessibleName("New performance")
        self.performance.valueChanged.connect(self._show_performance_label)
        self.performance_label = QLabel()
        self.kpi_box = QWidget()
        self.kpi_grid = QGridLayout(self.kpi_box)
        self.kpi_grid.setContentsMargins(0, 0, 0, 0)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText("What changed since the last review?")
        self.comment.setAccessibleName("Comment")
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)

        form = QFormLayout()
        row = QWidget()
        row_layout = QGridLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.performance, 0, 0)
        row_layout.addWidget(self.performance_label, 0, 1)
        row_layout.setColumnStretch(1, 1)
        form.addRow("&Performance", row)
        form.addRow("KPIs", self.kpi_box)
        form.addRow("&Comment", self.comment)

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton("Save && Next")
        self.save_button.setDefault(True)
        self.skip_button = QPushButton("Skip")
        self.skip_button.setAutoDefault(False)
        self.skip_button.setToolTip("Skip this touchpoint, saving nothing (Alt+S)")
        self.end_button = QPushButton("End Session")
        self.end_button.setAutoDefault(False)
        self.end_button.setToolTip("End the session (Esc); saved reviews stay saved")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Not the box's accepted/rejected: Enter must save and go on, never close the dialog.
        self.save_button.clicked.connect(self.save_and_next)
        self.skip_button.clicked.connect(self.skip)
        self.end_button.clicked.connect(self.reject)
        # A shortcut rather than a mnemonic (some platforms hide mnemonics) or a Ctrl+arrow
        # (the text fields keep those for moving by words).
        QShortcut(QKeySequence("Alt+S"), self, self.skip)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.context)
        layout.addLayout(form)
        layout.addWidget(self.message)
        hint = QLabel("Enter saves and goes to the next \u00b7 Alt+S skips \u00b7 Esc ends "
                      "\u00b7 each review is one undo step")
        hint.setStyleSheet("color: gray")
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(520, 360)
        self._advance()

    # ----- state -----------------------------------------------------------------------------
    def current_id(self) -> str | None:
        """The touchpoint reviewed now, or None once the session is through."""
        return self.queue[self.position] if 0 <= self.position < len(self.queue) else None

    def kpi_edit(self, name: str) -> QLineEdit:
        """The field for a KPI's new value (for tests and screen readers)."""
        return self._kpi_edits[name]

    # ----- actions ---------------------------------------------------------------------------
    def save_and_next(self) -> bool:
        """Record the review of the current touchpoint and show the next (Enter)."""
        tp_id = self.current_id()
        if tp_id is None:
            self.accept()
            return False
        try:
            values = {name: number for name, edit in self._kpi_edits.items()
                      if (number := _number(edit.text())) is not None}
        except ValueError:
            bad = next(n for n, e in self._kpi_edits.items() if not _is_number(e.text()))
            self.message.setText(f"The value of {bad!r} must be a number.")
            self._kpi_edits[bad].setFocus()
            self._kpi_edits[bad].selectAll()
            return False
        review = Review(date=self.today(), performance=self.performance.value(),
                        kpi_values=values, comment=self.comment.text().strip())
        try:
            record_review(self.document, tp_id, review)
        except (EditError, ValueError) as exc:
            self.message.setText(str(exc))
            return False
        self.saved.append(tp_id)
        self.review_saved.emit(tp_id)
        self._advance()
        return True

    def skip(self) -> None:
        """Go to the next touchpoint without saving (Alt+S)."""
        tp_id = self.current_id()
        if tp_id is not None:
            self.skipped.append(tp_id)
        self._advance()

    # ----- showing -----------------------------------------------------------------------
    def _advance(self) -> None:
        self.message.clear()
        self.position += 1
        # Touchpoints deleted meanwhile (the map stays editable) are passed over.
        while (self.current_id() is not None
               and self.document.find(Kind.TOUCHPOINT, self.current_id() or "") is None):
            self.position += 1
        tp_id = self.current_id()
        if tp_id is None:
            self._show_done()
            self.current_changed.emit("")
            return
        self._show(self.document.get(Kind.TOUCHPOINT, tp_id))
        self.current_changed.emit(tp_id)

    def _show(self, tp: Touchpoint) -> None:
        n, total = self.position + 1, len(self.queue)
        self.heading.setText(f"<b>Review {n} of {total}:</b> {html.escape(tp.name)}")
        last = last_review(tp)
        due = tp.next_review_due(self.today())
        lines = [f"{tp.review_cadence.label} review"
                 + (", due since " + due.isoformat() if last and due else ", never reviewed"),
                 f"Current performance: <b>{PERFORMANCE_LABELS[tp.performance]}</b>"]
        if tp.owner:
            lines.append(f"Owner: {html.escape(tp.owner)}")
        if last is not None:
            comment = f": \u201c{html.escape(last.comment)}\u201d" if last.comment else ""
            lines.append(f"Last review {last.date.isoformat()}{comment}")
        self.context.setText("<br>".join(lines))
        self.performance.setValue(tp.performance)
        self._show_performance_label(tp.performance)
        self._show_kpis(tp)
        self.comment.clear()
        self.save_button.setText("Save && Next" if n < total else "Save && Finish")
        self.performance.setFocus()
        self.performance.selectAll()

    def _show_kpis(self, tp: Touchpoint) -> None:
        while self.kpi_grid.count():
            item = self.kpi_grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self._kpi_edits = {}
        if not tp.kpis:
            self.kpi_grid.addWidget(QLabel("<span style='color:gray'>No KPIs</span>"), 0, 0)
            return
        for col, title in enumerate(("KPI", "Target", "Now", "New value")):
            self.kpi_grid.addWidget(QLabel(f"<b>{title}</b>"), 0, col)
        previous: QWidget = self.performance
        for row, kpi in enumerate(tp.kpis, start=1):
            unit = f" ({kpi.unit})" if kpi.unit else ""
            self.kpi_grid.addWidget(QLabel(html.escape(kpi.name + unit)), row, 0)
            self.kpi_grid.addWidget(QLabel(_shown(kpi.target)), row, 1)
            self.kpi_grid.addWidget(QLabel(_shown(kpi.actual)), row, 2)
            edit = QLineEdit()
            edit.setPlaceholderText("not measured")
            edit.setAccessibleName(f"New value of {kpi.name}")
            self.kpi_grid.addWidget(edit, row, 3)
            QWidget.setTabOrder(previous, edit)
            previous = edit
            self._kpi_edits[kpi.name] = edit
        QWidget.setTabOrder(previous, self.comment)

    def _show_performance_label(self, value: int) -> None:
        self.performance_label.setText(PERFORMANCE_LABELS.get(value, "")[4:])

    def _show_done(self) -> None:
        done = len(self.saved)
        self.heading.setText("<b>Review session done</b>" if self.queue else
                             "<b>No touchpoint is due for review</b>")
        self.context.setText(f"{done} review{'s' if done != 1 else ''} saved, "
                             f"{len(self.skipped)} skipped." if self.queue else
                             "Give touchpoints a review cadence in the inspector.")
        for widget in (self.performance, self.comment, self.kpi_box, self.skip_button):
            widget.setEnabled(False)
        self.save_button.setText("Close")
        self.save_button.setFocus()


def _is_number(text: str) -> bool:
    try:
        _number(text)
    except ValueError:
        return False
    return True
