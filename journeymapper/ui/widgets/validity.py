"""Showing refused input where it was typed: a red border on the editor and a message below it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

INVALID_COLOR = "#d62728"
MESSAGE_COLOR = "#b00020"


def set_invalid(widget: QWidget, message: str | None) -> None:
    """Mark ``widget`` invalid (red border, message as tooltip) or valid again (None)."""
    invalid = message is not None
    if bool(widget.property("invalid")) == invalid and widget.toolTip() == (message or ""):
        return  # restyling is not free: only touch the widget when its state changes
    widget.setProperty("invalid", invalid)
    widget.setToolTip(message or "")
    # A class selector, so that child widgets (a spin box's line edit) keep their own look.
    cls = widget.metaObject().className()
    widget.setStyleSheet(
        f"{cls} {{ border: 2px solid {INVALID_COLOR}; border-radius: 3px; }}" if invalid else "")


def is_invalid(widget: QWidget) -> bool:
    """True when the widget is currently marked invalid."""
    return bool(widget.property("invalid"))


class MessageLabel(QLabel):
    """A small red message under an editor; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {MESSAGE_COLOR};")
        self.setVisible(False)

    def show_message(self, message: str | None) -> None:
        """Show ``message``, or hide the label when it is None."""
        self.setText(message or "")
        self.setVisible(message is not None)
