"""Workshop features: presentation mode (F5), dot voting, find (Ctrl+F), theme and hints.

Each lives in its own module; this one builds them for a window and puts their actions into
the menus. F11 stays the plain full-screen toggle (the map still editable, for building a map
live on the projector); F5 is the read-only walk through the stages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from journeymapper.app.actions import make_action
from journeymapper.app.dot_voting import DotVoting
from journeymapper.app.look_and_feel import LookAndFeel
from journeymapper.app.presentation import PresentationMode
from journeymapper.ui.canvas.find import FindBar

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

FULL_SCREEN_TIP = ("F11: full screen with the docks hidden, the map still editable "
                   "(F5 presents stage by stage, read-only)")


@dataclass(slots=True)
class Workshop:
    """The workshop tools of one main window."""

    presentation: PresentationMode
    voting: DotVoting
    find: FindBar
    find_actions: tuple[QAction, QAction, QAction]
    look: LookAndFeel


def install(window: MainWindow) -> None:
    """Add presentation mode, dot voting, find, the theme menu and hints to the window."""
    presentation = PresentationMode(window)
    voting = DotVoting(window)
    find = FindBar(window.view)
    find_actions = _find_actions(window, find)
    look = LookAndFeel(window)
    window.workshop = Workshop(presentation, voting, find, find_actions, look)  # type: ignore[attr-defined]

    menus, commands = window.menus, window.commands
    commands.presentation.setText("&Full Screen Map")
    commands.presentation.setStatusTip(FULL_SCREEN_TIP)
    menus.view.insertAction(commands.presentation, presentation.action)
    menus.edit.addSeparator()
    menus.edit.addActions(list(find_actions))
    menus.tools.addActions([voting.action, voting.reset_action, voting.apply_action])
    presentation.toggled.connect(lambda on: _presenting(on, find, voting))


def _presenting(on: bool, find: FindBar, voting: DotVoting) -> None:
    """The room sees the map alone: no find bar, and only the dots actually given (not the
    empty vote slots of an open voting round, which resumes on leaving)."""
    if on and find.isVisible():
        find.close_bar()
    voting.badges.set_voting(voting.is_on() and not on)


def workshop_of(window: MainWindow) -> Workshop:
    """The workshop tools installed on a window."""
    return window.workshop  # type: ignore[attr-defined,no-any-return]


def _find_actions(window: MainWindow, find: FindBar) -> tuple[QAction, QAction, QAction]:
    """Find, Find Next and Find Previous, working wherever the keyboard focus is."""
    find_action = make_action(window, "&Find\u2026", find.open, QKeySequence.StandardKey.Find,
                              "Find cards by name, owner, tag, notes or description")
    find_action.setObjectName("action-find")
    next_action = make_action(window, "Find &Next", find.find_next,
                              [QKeySequence("F3")], "Jump to the next card found (F3, Enter)")
    previous_action = make_action(window, "Find Pre&vious", find.find_previous,
                                  [QKeySequence("Shift+F3")],
                                  "Jump to the previous card found (Shift+F3, Shift+Enter)")
    return find_action, next_action, previous_action
