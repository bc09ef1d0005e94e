"""Dot voting on the canvas: vote badges on cards, and the click tool that casts votes.

A badge is a small child item of the card (it moves with it and needs no change to the card's
own painting). Badges exist only on cards with votes, and on every card while voting is on,
so a large map without votes carries none. The tool is an event filter on the view's
viewport: while it is on, a click votes instead of selecting or dragging.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.document import Kind
from journeymapper.layout import CARD_WIDTH
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.items.card import DIMMED_OPACITY, CardItem
from journeymapper.ui.canvas.scene import MapScene
from journeymapper.ui.canvas.view import MapView
from journeymapper.ui.canvas.vote_intents import Budget, cast_vote

DOT = QColor("#c2255c")
DOT_RADIUS = 5.5
MAX_DOTS = 5
BADGE_HEIGHT = 22.0
# Straddles the card's top edge right of the channel label, clear of the importance badge.
BADGE_LEFT = CARD_WIDTH / 2 - 8
BADGE_TOP = -13.0


class VoteBadgeItem(QGraphicsItem):
    """Dots (up to five) or a dot and a number, on a raspberry pill above a card."""

    def __init__(self, card: CardItem) -> None:
        super().__init__(card)
        self._votes = 0
        self._voting = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1.0)

    def set_votes(self, votes: int, voting: bool) -> None:
        """Show ``votes``; ``voting`` also shows an empty badge on a card without votes."""
        if (votes, voting) != (self._votes, self._voting):
            self.prepareGeometryChange()
            self._votes, self._voting = votes, voting

    def votes(self) -> int:
        """The votes shown."""
        return self._votes

    def _width(self) -> float:
        if self._votes <= MAX_DOTS:
            return 12 + max(1, self._votes) * (2 * DOT_RADIUS + 4)
        return 12 + 2 * DOT_RADIUS + 4 + 10 * len(str(self._votes))

    def boundingRect(self) -> QRectF:
        return QRectF(BADGE_LEFT - 1, BADGE_TOP - 1, self._width() + 2, BADGE_HEIGHT + 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        card = self.parentItem()
        if isinstance(card, CardItem) and card.is_dimmed():
            painter.setOpacity(DIMMED_OPACITY)
        pill = QRectF(BADGE_LEFT, BADGE_TOP, self._width(), BADGE_HEIGHT)
        if self._votes == 0:  # voting is on: an empty slot says "click to vote"
            painter.setPen(QPen(DOT, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(style.PAPER)
            painter.drawRoundedRect(pill, BADGE_HEIGHT / 2, BADGE_HEIGHT / 2)
            return
        painter.setPen(QPen(style.PAPER, 1.5))
        painter.setBrush(DOT)
        painter.drawRoundedRect(pill, BADGE_HEIGHT / 2, BADGE_HEIGHT / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.PAPER)
        y = BADGE_TOP + BADGE_HEIGHT / 2
        x = BADGE_LEFT + 8 + DOT_RADIUS
        for _ in range(min(self._votes, MAX_DOTS) if self._votes <= MAX_DOTS else 1):
            painter.drawEllipse(QPointF(x, y), DOT_RADIUS, DOT_RADIUS)
            x += 2 * DOT_RADIUS + 4
        if self._votes > MAX_DOTS:
            painter.setPen(style.PAPER)
            painter.setFont(style.font(15, bold=True))
            text = QRectF(x - DOT_RADIUS, BADGE_TOP, pill.right() - x, BADGE_HEIGHT)
            painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             str(self._votes))


def badge_of(card: CardItem) -> VoteBadgeItem | None:
    """The vote badge of a card, if it has one."""
    return next((c for c in card.childItems() if isinstance(c, VoteBadgeItem)), None)


class VoteBadges(QObject):
    """Keeps each card's badge in step with its votes and with the voting mode.

    Only the cards that carry a badge are visited on a change of mode or persona, so a large
    map without votes costs nothing here.
    """

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.document = scene.document
        self._voting = False
        self._badges: dict[str, VoteBadgeItem] = {}
        # Connected after the scene's own slots, so the cards exist (or are gone) by now.
        self.document.item_added.connect(self._on_added_or_removed)
        self.document.item_removed.connect(self._on_added_or_removed)
        self.document.item_changed.connect(self._on_changed)
        self.document.project_replaced.connect(self._on_replaced)
        scene.persona_filter_changed.connect(self._repaint)
        self._on_replaced()

    def set_voting(self, on: bool) -> None:
        """Show a badge on every card while voting (an empty one where there is no vote)."""
        if on != self._voting:
            self._voting = on
            for tp_id in [*self._badges, *(tp.id for tp in self.document.project.touchpoints)]:
                self.refresh(tp_id)

    def refresh(self, tp_id: str) -> None:
        """Add, update or remove one card's badge."""
        card, tp = self.scene.cards.get(tp_id), self.document.find(Kind.TOUCHPOINT, tp_id)
        badge = self._badges.get(tp_id)
        if badge is not None and (not shiboken6.isValid(badge) or card is None
                                  or badge.parentItem() is not card):
            self._drop(tp_id)  # its card went away (or was rebuilt) since
            badge = None
        if card is None or tp is None:
            return
        if tp.votes or self._voting:
            if badge is None:
                badge = self._badges[tp_id] = VoteBadgeItem(card)
            badge.set_votes(tp.votes, self._voting)
        elif badge is not None:
            self._drop(tp_id)

    def _drop(self, tp_id: str) -> None:
        badge = self._badges.pop(tp_id)
        if shiboken6.isValid(badge) and badge.scene() is not None:
            self.scene.removeItem(badge)

    def _on_replaced(self) -> None:
        for tp_id in list(self._badges):
            self.refresh(tp_id)
        for tp in self.document.project.touchpoints:
            if tp.votes or self._voting:
                self.refresh(tp.id)

    def _on_added_or_removed(self, kind: str, item_id: str) -> None:
        if kind == Kind.TOUCHPOINT.value:
            self.refresh(item_id)

    def _on_changed(self, kind: str, item_id: str, fields: list[str]) -> None:
        if kind == Kind.TOUCHPOINT.value and "votes" in fields:
            self.refresh(item_id)

    def _repaint(self, _persona: object = None) -> None:
        for badge in self._badges.values():
            if shiboken6.isValid(badge):
                badge.update()


class VotingTool(QObject):
    """While on, a left click on a card adds a vote; Shift+click or a right click takes one
    back. Clicks never select or drag then; the middle button still pans."""

    refused = Signal(str)
    """A vote was not cast; the text says why (the window shows it in the status bar)."""

    def __init__(self, view: MapView, budget: Callable[[], Budget]) -> None:
        super().__init__(view)
        self.view = view
        self.budget = budget
        self._on = False

    def is_on(self) -> bool:
        """True while clicks vote."""
        return self._on

    def set_on(self, on: bool) -> None:
        """Start or stop turning clicks into votes."""
        if on == self._on:
            return
        self._on = on
        viewport = self.view.viewport()
        if on:
            viewport.installEventFilter(self)
        else:
            viewport.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if not isinstance(event, QMouseEvent):
            return False
        if event.button() == Qt.MouseButton.MiddleButton or (
                kind == QEvent.Type.MouseMove and not event.buttons() & (
                    Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton)):
            return False  # panning and hovering work as usual
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._click(event)
        return kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                        QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove)

    def _click(self, event: QMouseEvent) -> None:
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)
        item = self.view.card_at(self.view.mapToScene(event.position().toPoint()))
        if item is None:
            return
        if not isinstance(item, CardItem):
            self.refused.emit("Only touchpoints take votes")
            return
        take_back = (event.button() == Qt.MouseButton.RightButton
                     or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        why = cast_vote(self.view.document, item.item_id, -1 if take_back else 1, self.budget())
        if why:
            self.refused.emit(why)
