"""Form fields: each adapts one editor widget to one model field (read, write, signals).

This module holds the base class and the typed-text fields; ``value_fields`` holds the fields
picked with a widget (combo boxes, spin boxes, money, dates, colours, check lists).

A field knows how to show a value (or several differing values: "mixed") and how to read what
the user typed, raising ValueError with a human sentence when the input is refused. It does not
know the document: the form (``form.py``) decides when to commit and how.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from journeymapper.ui.widgets import MessageLabel, PlainTextEdit, set_invalid

MIXED = "mixed"
"""Placeholder of an editor whose selected items hold different values."""

class Field(QObject):
    """One editor widget bound to one model field, with a message label under it."""

    edited = Signal()
    """The user changed the editor (the form commits after a short pause, or at once)."""
    finished = Signal()
    """The user is done with the editor (Return, focus left): commit now, end this edit."""

    debounced = True
    """True for typing (commit after a pause); False for clicks (commit at once)."""

    def __init__(self, name: str, label: str, editor: QWidget, *, multi: bool = True,
                 depends_on: Sequence[str] = ()) -> None:
        super().__init__(editor)
        self.name, self.label, self.editor = name, label, editor
        self.multi = multi
        """Whether this field can edit several selected items at once."""
        self.depends_on = frozenset(depends_on)
        """Kinds of items whose changes change the options offered (stages for a stage combo)."""
        self.dirty = False
        """The user changed the editor since it was last written or committed."""
        self.message = MessageLabel()
        self.container = QWidget()
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        editor.setAccessibleName(label)

    def read(self) -> Any:
        """The value in the editor; ValueError (a sentence) when it is not acceptable."""
        raise NotImplementedError

    def value_for(self, current: Any) -> Any:
        """The new value of one item, given its current value (most fields ignore it)."""
        return self.read()

    def write(self, value: Any) -> None:
        """Show one value (called with the editor's signals blocked)."""
        raise NotImplementedError

    def write_mixed(self) -> None:
        """Show that the selected items differ."""

    def write_many(self, values: Sequence[Any]) -> None:
        """Show the values of all selected items: the common one, or "mixed"."""
        if values and all(v == values[0] for v in values):
            self.write(values[0])
        else:
            self.write_mixed()

    def refresh_options(self) -> None:
        """Rebuild the choices offered (a stage was renamed, a persona added...)."""

    def session_key(self) -> str:
        """Part of the field edited now; edits of different parts are separate undo steps."""
        return ""

    def refuse(self, reason: str) -> ValueError:
        """The error for input this field refuses: ``Budget cannot be negative.``"""
        return ValueError(f"{self.label} {reason.rstrip('.')}.")

    def show_error(self, message: str | None) -> None:
        """Show or clear the red border and the message under the editor."""
        set_invalid(self.editor, message)
        self.message.show_message(message)

    def error(self) -> str | None:
        """The message shown, or None."""
        return self.message.text() if self.message.isVisibleTo(self.container) else None


class LineField(Field):
    """One line of text; optionally required and with completions (owners already used)."""

    def __init__(self, name: str, label: str, *, required: bool = False,
                 completions: Callable[[], list[str]] | None = None, placeholder: str = "",
                 multi: bool = True) -> None:
        editor = QLineEdit()
        super().__init__(name, label, editor, multi=multi)
        self.line = editor
        self.required, self.placeholder, self.completions = required, placeholder, completions
        editor.setPlaceholderText(placeholder)
        editor.textEdited.connect(self.edited)
        editor.editingFinished.connect(self.finished)
        self._completion_model: QStringListModel | None = None
        if completions is not None:
            self._completion_model = QStringListModel(editor)
            completer = QCompleter(self._completion_model, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)

    def read(self) -> Any:
        text = self.line.text()
        if self.required and not text.strip():
            raise self.refuse("cannot be empty")
        return text

    def write(self, value: Any) -> None:
        self.line.setText(self.format(value))
        self.line.setPlaceholderText(self.placeholder)
        self.line.setCursorPosition(0)
        if self._completion_model is not None and self.completions is not None:
            self._completion_model.setStringList(self.completions())

    def write_mixed(self) -> None:
        self.line.clear()
        self.line.setPlaceholderText(MIXED)

    def format(self, value: Any) -> str:
        """How a value is shown in the line."""
        return "" if value is None else str(value)


class TagsField(LineField):
    """A list of short words typed comma separated: ``social, content``."""

    def read(self) -> list[str]:
        tags = [t.strip() for t in self.line.text().split(",")]
        return list(dict.fromkeys(t for t in tags if t))

    def format(self, value: Any) -> str:
        return ", ".join(value)


class PercentField(LineField):
    """A share 0..1 typed as a percentage (``40`` or ``40 %``); empty for none."""

    def read(self) -> float | None:
        text = self.line.text().strip().rstrip("%").strip().replace(",", ".")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            raise self.refuse("must be a percentage from 0 to 100") from None
        if not 0 <= value <= 100:
            raise self.refuse("must be between 0 and 100 %")
        return round(value / 100, 4)

    def format(self, value: Any) -> str:
        return "" if value is None else f"{value * 100:g} %"


class TextField(Field):
    """Several lines of text (descriptions, notes, a quote)."""

    def __init__(self, name: str, label: str, *, lines: int = 3, multi: bool = False,
                 required: bool = False) -> None:
        editor = PlainTextEdit(lines)
        super().__init__(name, label, editor, multi=multi)
        self.text, self.required = editor, required
        editor.textChanged.connect(self.edited)
        editor.editing_finished.connect(self.finished)

    def read(self) -> Any:
        text = self.text.toPlainText()
        if self.required and not text.strip():
            raise self.refuse("cannot be empty")
        return text

    def write(self, value: Any) -> None:
        self.text.setPlainText(self.format(value))
        self.text.setPlaceholderText("")
        self.text.document().setModified(False)

    def write_mixed(self) -> None:
        self.text.clear()
        self.text.setPlaceholderText(MIXED)
        self.text.document().setModified(False)

    def format(self, value: Any) -> str:
        """How a value is shown."""
        return str(value)


class LinesField(TextField):
    """A list of short texts, one per line (a persona's goals, needs, pain points)."""

    def read(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]

    def format(self, value: Any) -> str:
        return "\n".join(value)
