"""The few questions the app asks: save changes?, wait for the exports?, which file?, and
error messages."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILE_FILTER = "Journey maps (*.json);;All files (*)"
T = TypeVar("T")


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


class Leaving(Enum):
    """What to do with the exports still running when the window is closed."""

    WAIT = "wait"  # close the window once they are written
    STOP = "stop"  # stop them (nothing is written) and close
    STAY = "stay"  # keep the window open


def ask_running_exports(parent: QWidget, names: list[str]) -> Leaving:
    """Close when written / Stop / Cancel, for exports still being written."""
    shown = ", ".join(f"\u201c{name}\u201d" for name in names)
    one = len(names) == 1
    box = QMessageBox(QMessageBox.Icon.Question, "Exports still running",
                      f"{shown} {'is' if one else 'are'} still being written.",
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(
        f"Close the window once {'the export is' if one else 'the exports are'} done, or "
        f"stop {'it' if one else 'them'} now? A stopped export leaves no file behind.")
    return ask_choice(box, [
        ("Close When Done", QMessageBox.ButtonRole.AcceptRole, Leaving.WAIT),
        ("Stop Export" if one else "Stop Exports", QMessageBox.ButtonRole.DestructiveRole,
         Leaving.STOP)], Leaving.STAY)


def ask_choice(box: QMessageBox, choices: Sequence[tuple[str, QMessageBox.ButtonRole, T]],
               otherwise: T) -> T:
    """Add a button to ``box`` per choice (the first is the default), show it, and return the
    choice clicked; ``otherwise`` for its own buttons (Cancel), Esc or closing it."""
    buttons = [(box.addButton(text, role), value) for text, role, value in choices]
    box.setDefaultButton(buttons[0][0])
    box.exec()
    clicked = box.clickedButton()
    return next((value for button, value in buttons if button is clicked), otherwise)


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
