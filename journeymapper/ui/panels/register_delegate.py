"""In-place editors of the register: combo boxes, spin boxes, money and date fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from journeymapper.document import Document
from journeymapper.model.touchpoint import PERFORMANCE_MAX, PERFORMANCE_MIN
from journeymapper.ui.panels import options as opt
from journeymapper.ui.panels.register_model import COLUMNS
from journeymapper.ui.widgets import DateEdit, MoneySpinBox, set_invalid

Index = QModelIndex | QPersistentModelIndex


class RegisterDelegate(QStyledItemDelegate):
    """Creates the editor each column needs; refused input keeps the editor open, marked red."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document

    def _choices(self, key: str) -> Sequence[tuple[str, Any]] | None:
        choices: dict[str, Callable[[], Sequence[tuple[str, Any]]]] = {
            "stage_id": lambda: opt.stage_options(self.document),
            "channel": opt.channel_options,
            "status": opt.status_options,
        }
        return choices[key]() if key in choices else None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        key = COLUMNS[index.column()].key
        choices = self._choices(key)
        if choices is not None:
            combo = QComboBox(parent)
            for label, value in choices:
                combo.addItem(label, userData=value)
            # A choice is a whole edit: commit and close as soon as one is picked.
            combo.activated.connect(lambda _i, c=combo: self._commit_and_close(c))
            return combo
        if key == "performance":
            spin = QSpinBox(parent)
            spin.setRange(PERFORMANCE_MIN, PERFORMANCE_MAX)
            return spin
        if key in ("budget", "spent"):
            money = MoneySpinBox(parent)
            money.text_edited.connect(lambda _t, m=money: _mark(m, _money_error(m)))
            return money
        if key == "deadline":
            date_edit = DateEdit(parent)
            date_edit.textEdited.connect(lambda _t, d=date_edit: _mark(d, _date_error(d)))
            return date_edit
        line = QLineEdit(parent)
        if key == "owner":
            completer = QCompleter(QStringListModel(opt.owners(self.document), line), line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            line.setCompleter(completer)
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            # Compared in Python: enum values do not survive a round trip through QVariant.
            editor.setCurrentIndex(next((i for i in range(editor.count())
                                         if editor.itemData(i) == value), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, MoneySpinBox):
            editor.set_value(value)
        elif isinstance(editor, DateEdit):
            editor.set_date(value)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QSpinBox):
            value = editor.value()
        elif isinstance(editor, MoneySpinBox):
            if _money_error(editor):
                return  # refused: the model stays as it was
            value = editor.value() or 0
        elif isinstance(editor, DateEdit):
            if _date_error(editor):
                return
            value = editor.date()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        # Money and date editors need a little more room than a narrow column gives them.
        width = max(rect.width(), editor.minimumSizeHint().width())
        editor.setGeometry(rect.x(), rect.y(), width, rect.height())

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


def _money_error(editor: MoneySpinBox) -> str | None:
    try:
        editor.value()
    except ValueError as exc:
        return f"The amount {exc}."
    return None


def _date_error(editor: DateEdit) -> str | None:
    try:
        editor.date()
    except ValueError as exc:
        return f"The deadline {exc}."
    return None


def _mark(editor: QWidget, message: str | None) -> None:
    set_invalid(editor, message)
