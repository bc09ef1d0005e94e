"""A multi-line text editor that says when the user is done, like QLineEdit does."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class PlainTextEdit(QPlainTextEdit):
    """Plain text; Tab moves to the next field; ``editing_finished`` on leaving after a change."""

    editing_finished = Signal()
    """Focus left the editor after its text changed (QPlainTextEdit has no editingFinished)."""

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # In a form, Tab must move on; a tab character in a description is never wanted.
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(3)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editing_finished.emit()
