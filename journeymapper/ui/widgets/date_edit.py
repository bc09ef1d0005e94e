"""A date that may be empty: typed as YYYY-MM-DD or picked from a calendar, cleared in one click."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from journeymapper.ui.widgets.icons import calendar_icon

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")  # 31.03.2026: unambiguous day first


def parse_date(text: str) -> dt.date | None:
    """A date from ``2026-03-31`` (or ``31.03.2026``); None for empty; ValueError otherwise."""
    s = text.strip()
    if not s:
        return None
    if m := _ISO.fullmatch(s):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DOTTED.fullmatch(s):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise ValueError("must be a date such as 2026-03-31 (or empty)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"is not a real day: {s}") from None


class DateEdit(QLineEdit):
    """A line edit for an optional date, with a calendar button and a clear button.

    A line edit rather than QDateEdit, because QDateEdit can neither be empty nor say why a
    typed date is refused. Picking a day emits ``textEdited`` and ``editingFinished``, as if
    it had been typed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.setClearButtonEnabled(True)
        self.pick_action = self.addAction(calendar_icon(),
                                          QLineEdit.ActionPosition.TrailingPosition)
        self.pick_action.setToolTip("Pick a day")
        self.pick_action.triggered.connect(self.show_calendar)
        self._calendar: QCalendarWidget | None = None

    def date(self) -> dt.date | None:
        """The date typed (None when empty); ValueError when it is not a date."""
        return parse_date(self.text())

    def set_date(self, day: dt.date | None) -> None:
        """Show a date as YYYY-MM-DD, or nothing."""
        self.setText(day.isoformat() if day else "")

    def show_calendar(self) -> QCalendarWidget:
        """Open the calendar popup under the field (returned, for tests)."""
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
        try:
            current = self.date()
        except ValueError:
            current = None
        day = current or dt.date.today()
        self._calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._calendar.show()
        return self._calendar

    def _picked(self, day: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        text = dt.date(day.year(), day.month(), day.day()).isoformat()
        self.setText(text)
        self.textEdited.emit(text)
        self.editingFinished.emit()
