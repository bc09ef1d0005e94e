"""The in-place editor: a line edit over a card, header or cell, only while editing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from journeymapper.ui.canvas import style

MIN_WIDTH = 180


class InlineEditor(QLineEdit):
    """Enter commits, Escape cancels, clicking elsewhere commits."""

    closed = Signal()
    """The editor was committed or cancelled and is going away."""

    def __init__(self, view: QGraphicsView, scene_rect: QRectF, text: str,
                 on_commit: Callable[[str], None], *, font_px: int = 16,
                 select_all: bool = True, placeholder: str = "") -> None:
        super().__init__(view.viewport())
        self._view = view
        self._rect = QRectF(scene_rect)
        self._font_px = font_px
        self._on_commit = on_commit
        self._done = False
        self.setObjectName("inline-editor")
        self.setPlaceholderText(placeholder)
        self.setStyleSheet(f"QLineEdit {{ border: 3px solid {style.FOCUS.name()};"
                           " border-radius: 4px; background: white; color: #1f2328;"
                           " padding: 2px 6px; }")
        self.setText(text)
        if select_all:
            self.selectAll()
        else:
            self.end(False)
        self.place()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def place(self) -> None:
        """Follow the edited thing after a zoom or a scroll."""
        zoom = self._view.transform().m11()
        font = style.font(max(11, round(self._font_px * zoom)), bold=True)
        self.setFont(font)
        top_left = self._view.mapFromScene(self._rect.topLeft())
        width = max(MIN_WIDTH, round(self._rect.width() * zoom))
        self.setGeometry(top_left.x(), top_left.y(), width, font.pixelSize() + 18)

    def is_finished(self) -> bool:
        """True once committed or cancelled."""
        return self._done

    def finish(self, commit: bool) -> None:
        """Close the editor, handing the text over when ``commit``."""
        if self._done:
            return
        self._done = True
        text = self.text()
        self.hide()
        self.deleteLater()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()
        if commit:
            self._on_commit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.finish(True)
