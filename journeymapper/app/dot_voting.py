"""Dot voting for workshops: Tools > Dot Voting, its toolbar, reset and apply-to-importance.

The room gets a budget of dots (participants times votes each); while voting is on, each click
on a card puts a dot on it through the document (one undo step per click) until the budget is
used up. The budget lives in the user's settings, the votes in the map file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSpinBox, QToolBar

from journeymapper.app.actions import make_action
from journeymapper.app.settings import APPLICATION, ORGANISATION
from journeymapper.document import EditError
from journeymapper.ui.canvas.vote_intents import (
    Budget,
    apply_votes_to_importance,
    reset_votes,
    total_votes,
)
from journeymapper.ui.canvas.voting import DOT, VoteBadges, VotingTool
from journeymapper.ui.theme_qt import drawn_icon

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

PARTICIPANTS_KEY = "workshop/participants"
VOTES_EACH_KEY = "workshop/votes_each"


def _dots_icon(painter: QPainter, size: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(DOT)
    r = size / 6
    for x, y in ((0.3, 0.35), (0.7, 0.35), (0.5, 0.72)):
        painter.drawEllipse(QPointF(x * size, y * size), r, r)


class DotVoting(QObject):
    """Dot voting of one main window: the mode, the budget toolbar and the vote commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self._settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                   ORGANISATION, APPLICATION)
        self.badges = VoteBadges(window.scene)
        self.tool = VotingTool(window.view, self.budget)
        self.tool.refused.connect(window.show_status)
        self.action = make_action(
            window, "&Dot Voting", None, "Ctrl+Shift+V",
            "Workshop dot voting: click a card to give it a vote, Shift+click or right-click "
            "to take one back; dragging is off meanwhile", checkable=True)
        self.action.setObjectName("action-dot-voting")
        self.action.setIcon(drawn_icon(_dots_icon))
        self.action.toggled.connect(self.set_on)
        self.reset_action = make_action(window, "&Reset Votes", self.reset_votes, None,
                                        "Take every vote off the map (one undo step)")
        self.apply_action = make_action(
            window, "&Apply Votes to Importance", self.apply_votes, None,
            "Score each touchpoint 0-5 on the 'Workshop votes' criterion from its votes "
            "(most votes = 5), as one undo step")
        self.participants = self._spin("participants", PARTICIPANTS_KEY, 8, 500,
                                       "How many people vote")
        self.votes_each = self._spin("votes-each", VOTES_EACH_KEY, 3, 50,
                                     "How many dots each person has")
        self.remaining = QLabel()
        self.remaining.setObjectName("votes-remaining")
        self.remaining.setAccessibleName("Votes left")
        self.toolbar = self._toolbar()
        for signal in (self.document.item_changed, self.document.item_added,
                       self.document.item_removed, self.document.project_replaced):
            signal.connect(self._update_remaining)
        window.installEventFilter(self)
        # Restoring the window's saved layout may show the toolbar: voting starts off.
        QTimer.singleShot(0, lambda: self.toolbar.setVisible(self.is_on()))

    # ----- budget -----------------------------------------------------------------------------
    def _spin(self, name: str, key: str, default: int, maximum: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(f"votes-{name}")
        spin.setRange(1, maximum)
        try:
            spin.setValue(int(self._settings.value(key, default)))
        except (TypeError, ValueError):
            spin.setValue(default)
        spin.setToolTip(tip)
        spin.setStatusTip(tip)
        spin.setAccessibleName(tip)
        spin.valueChanged.connect(lambda value: self._settings.setValue(key, value))
        spin.valueChanged.connect(self._update_remaining)
        return spin

    def budget(self) -> Budget:
        """The room's dots: participants times votes each."""
        return Budget(self.participants.value(), self.votes_each.value())

    def _update_remaining(self, *_args: object) -> None:
        if not self.is_on():
            return  # counted again when voting starts: no sum over the map on every edit
        budget, used = self.budget(), total_votes(self.document.project)
        if used > budget.total:
            text = f"{used} votes, over the {budget.total} dots"
        elif used == budget.total:
            text = f"All {budget.total} dots used"
        else:
            text = f"{budget.total - used} of {budget.total} dots left"
        self.remaining.setText(f"<b>{text}</b>")

    def remaining_text(self) -> str:
        """What the toolbar says about the votes left (plain text)."""
        return self.remaining.text().removeprefix("<b>").removesuffix("</b>")

    def _toolbar(self) -> QToolBar:
        bar = QToolBar("Dot voting", self.window)
        bar.setObjectName("toolbar-dot-voting")
        bar.setAccessibleName("Dot voting toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Participants "))
        bar.addWidget(self.participants)
        bar.addWidget(QLabel(" \u00d7 votes each "))
        bar.addWidget(self.votes_each)
        bar.addWidget(QLabel("   "))
        bar.addWidget(self.remaining)
        bar.addSeparator()
        bar.addAction(self.reset_action)
        bar.addAction(self.apply_action)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.hide()
        return bar

    # ----- commands ---------------------------------------------------------------------------
    def is_on(self) -> bool:
        """True while clicks vote."""
        return self.tool.is_on()

    def set_on(self, on: bool) -> None:
        """Start or stop dot voting (the action and the toolbar follow)."""
        self.tool.set_on(on)
        self._update_remaining()
        self.badges.set_voting(on)
        self.toolbar.setVisible(on)
        self.action.setChecked(on)
        if on:
            self.window.show_status("Dot voting: click a card to vote; Shift+click or "
                                    "right-click takes a vote back")
        else:
            self.window.show_status("Dot voting is off")

    def reset_votes(self) -> None:
        """Take every vote off the map, as one undo step."""
        count = reset_votes(self.document)
        self.window.show_status(f"Took the votes off {count} cards" if count
                                else "No votes to reset")

    def apply_votes(self) -> None:
        """Turn the votes into importance scores, as one undo step."""
        try:
            count = apply_votes_to_importance(self.document)
        except EditError as exc:
            self.window.show_status(str(exc))
            return
        self.window.show_status(
            f"Scored {count} touchpoints on 'Workshop votes' (most votes = 5)" if count
            else "Importance already reflects the votes")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self.is_on():
            self.set_on(False)  # the window saves its toolbars as they are when it closes
        return False
