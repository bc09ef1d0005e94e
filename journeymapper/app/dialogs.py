"""The few questions the app asks: save changes?, which file?, and error messages."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILE_FILTER = "Journey maps (*.json);;All files (*)"


class Answer(Enum):
    """What to do with unsaved changes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, name: str) -> Answer:
    """Save / Discard / Cancel for a document with unsaved changes."""
    buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
               | QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.question(parent, "Unsaved changes",
                                  f"Save the changes to \u201c{name}\u201d?\n\n"
                                  "Your changes will be lost if you don't save them.",
                                  buttons, QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return Answer.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


def show_error(parent: QWidget, title: str, message: str) -> None:
    """An error the user has to read (the app keeps running)."""
    QMessageBox.critical(parent, title, message)


def choose_open_path(parent: QWidget, folder: str) -> str:
    """A project file to open ("" when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, "Open journey map", folder, FILE_FILTER)
    return path


def choose_save_path(parent: QWidget, suggestion: str) -> str:
    """Where to save ("" when cancelled); ``.json`` is added when missing."""
    path, _ = QFileDialog.getSaveFileName(parent, "Save journey map", suggestion, FILE_FILTER)
    if path and not path.lower().endswith(".json"):
        path += ".json"
    return path
