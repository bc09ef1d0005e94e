"""Form fields picked with a widget: choices, numbers, money, dates, colours, check lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox

from journeymapper.ui.panels.fields import MIXED, Field
from journeymapper.ui.widgets import CheckList, ColorButton, DateEdit, MoneySpinBox

Options = Callable[[], Sequence[tuple[str, Any]]]
"""(label, value) pairs offered by a combo box, computed from the document when needed."""


class ChoiceField(Field):
    """One value out of a list (stage, channel, status...), chosen in a combo box."""

    debounced = False

    def __init__(self, name: str, label: str, options: Options, *, multi: bool = True,
                 depends_on: Sequence[str] = ()) -> None:
        editor = QComboBox()
        super().__init__(name, label, editor, multi=multi, depends_on=depends_on)
        self.combo, self.options = editor, options
        self._values: list[Any] = []
        editor.activated.connect(self.edited)
        self.refresh_options()

    def refresh_options(self) -> None:
        current = self._current()
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        pairs = list(self.options())
        self._values = [value for _, value in pairs]
        self.combo.addItems([label for label, _ in pairs])
        self._select(current)
        self.combo.blockSignals(blocked)

    def read(self) -> Any:
        value = self._current()
        if value is None and None not in self._values:
            raise self.refuse("must be chosen")
        return value

    def write(self, value: Any) -> None:
        self.combo.setPlaceholderText("")
        self._select(value)

    def write_mixed(self) -> None:
        self.combo.setPlaceholderText(MIXED)
        self.combo.setCurrentIndex(-1)

    def _current(self) -> Any:
        index = self.combo.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def _select(self, value: Any) -> None:
        index = next((i for i, v in enumerate(self._values) if v == value), -1)
        self.combo.setCurrentIndex(index)


class IntField(Field):
    """A whole number in a range (number of competitors)."""

    def __init__(self, name: str, label: str, minimum: int, maximum: int) -> None:
        editor = QSpinBox()
        editor.setRange(minimum, maximum)
        super().__init__(name, label, editor)
        self.spin = editor
        editor.valueChanged.connect(self.edited)
        editor.editingFinished.connect(self.finished)

    def read(self) -> int:
        return self.spin.value()

    def write(self, value: Any) -> None:
        self.spin.setValue(int(value))


class FloatField(Field):
    """A decimal number in a range (a criterion's weight)."""

    def __init__(self, name: str, label: str, minimum: float, maximum: float, *,
                 step: float = 0.5, decimals: int = 1) -> None:
        editor = QDoubleSpinBox()
        editor.setRange(minimum, maximum)
        editor.setSingleStep(step)
        editor.setDecimals(decimals)
        super().__init__(name, label, editor)
        self.spin = editor
        editor.valueChanged.connect(self.edited)
        editor.editingFinished.connect(self.finished)

    def read(self) -> float:
        return self.spin.value()

    def write(self, value: Any) -> None:
        self.spin.setValue(float(value))


class MoneyField(Field):
    """An amount in the project currency: two decimals, never negative."""

    def __init__(self, name: str, label: str) -> None:
        editor = MoneySpinBox()
        super().__init__(name, label, editor)
        self.spin = editor
        editor.text_edited.connect(self.edited)
        editor.editingFinished.connect(self.finished)

    def read(self) -> Decimal:
        try:
            value = self.spin.value()
        except ValueError as exc:
            raise self.refuse(str(exc)) from None
        return Decimal("0.00") if value is None else value

    def write(self, value: Any) -> None:
        self.spin.set_placeholder("0.00")
        self.spin.set_value(value)

    def write_mixed(self) -> None:
        self.spin.set_value(None)
        self.spin.set_placeholder(MIXED)


class DateField(Field):
    """An optional date, typed or picked from a calendar."""

    def __init__(self, name: str, label: str) -> None:
        editor = DateEdit()
        super().__init__(name, label, editor)
        self.date_edit = editor
        editor.textEdited.connect(self.edited)
        editor.editingFinished.connect(self.finished)

    def read(self) -> Any:
        try:
            return self.date_edit.date()
        except ValueError as exc:
            raise self.refuse(str(exc)) from None

    def write(self, value: Any) -> None:
        self.date_edit.setPlaceholderText("YYYY-MM-DD (none)")
        self.date_edit.set_date(value)

    def write_mixed(self) -> None:
        self.date_edit.clear()
        self.date_edit.setPlaceholderText(MIXED)


class ColorField(Field):
    """A colour ("#rrggbb") from a dialog or the preset menu."""

    debounced = False

    def __init__(self, name: str, label: str) -> None:
        editor = ColorButton()
        super().__init__(name, label, editor)
        self.button = editor
        editor.color_picked.connect(self.edited)

    def read(self) -> str:
        color = self.button.color()
        if color is None:
            raise self.refuse("must be chosen")
        return color

    def write(self, value: Any) -> None:
        self.button.set_color(value)

    def write_mixed(self) -> None:
        self.button.set_color(None)


class ChecklistField(Field):
    """A list of ids or names picked with check boxes (a touchpoint's personas).

    With several items selected, an option some of them have shows partially checked and is
    left alone unless the user clicks it: each item keeps its own list otherwise.
    """

    debounced = False

    def __init__(self, name: str, label: str,
                 options: Callable[[], Sequence[tuple[str, str, str | None]]], *,
                 multi: bool = True, depends_on: Sequence[str] = (), empty_hint: str = "") -> None:
        editor = CheckList()
        super().__init__(name, label, editor, multi=multi, depends_on=depends_on)
        self.checklist, self.options = editor, options
        if empty_hint:
            editor.setToolTip(empty_hint)
        editor.toggled.connect(lambda _key, _on: self.edited.emit())
        self.refresh_options()

    def refresh_options(self) -> None:
        self.checklist.set_options(self.options())

    def read(self) -> dict[str, Qt.CheckState]:
        return self.checklist.states()

    def value_for(self, current: Any) -> list[str]:
        have = {str(v) for v in current}
        return [key for key, state in self.read().items()
                if state == Qt.CheckState.Checked
                or (state == Qt.CheckState.PartiallyChecked and key in have)]

    def write(self, value: Any) -> None:
        self.checklist.set_states({str(v): Qt.CheckState.Checked for v in value})

    def write_many(self, values: Sequence[Any]) -> None:
        sets = [{str(v) for v in value} for value in values]
        every = set.intersection(*sets) if sets else set()
        some = set.union(*sets) if sets else set()
        states = {k: Qt.CheckState.PartiallyChecked for k in some - every}
        states.update({k: Qt.CheckState.Checked for k in every})
        self.checklist.set_states(states)
