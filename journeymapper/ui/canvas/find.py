"""The find bar: type to highlight matching cards on the map and jump from one to the next.

It floats over the map's top-right corner instead of opening a dialog, so the room keeps
seeing the map while the facilitator searches. Every jump selects the card and centres the
view on it; the halos follow the cards when the layout changes and the matches follow edits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyleOptionGraphicsItem,
    QToolButton,
    QWidget,
)

from journeymapper.ui.canvas.items.layer import MapLayer
from journeymapper.ui.canvas.keyboard import Focus
from journeymapper.ui.canvas.search import find_cards
from journeymapper.ui.canvas.view import MapView
from journeymapper.ui.selection import Ref

MATCH = QColor("#ffd43b")
CURRENT = QColor("#f76707")
BAR_MARGIN = 10
HALO_REACH = 14  # how far a halo reaches out of its card


class MatchHalos(MapLayer):
    """The halos around the cards that match the search, the current match's stronger; one
    item draws them all (a halo item per match meant adding and removing thousands of items
    when every third card of a big map matched: a keystroke took 0.2-0.35 s)."""

    # Under links (25), notes (28) and cards (30): the card covers the middle of the halo.
    z_value = 24.0

    def __init__(self) -> None:
        super().__init__(self.z_value)
        self._rects: dict[Ref, QRectF] = {}
        self._current: Ref | None = None

    def set_halos(self, rects: dict[Ref, QRectF]) -> None:
        """Surround these cards (their rectangles in map coordinates), and only these."""
        if rects != self._rects:
            self._rects = dict(rects)
            if self._current not in self._rects:
                self._current = None
            self.update()

    def refs(self) -> list[Ref]:
        """The cards with a halo."""
        return list(self._rects)

    def set_current(self, ref: Ref | None) -> None:
        """Mark the match the bar jumped to."""
        if ref != self._current:
            for was in (self._current, ref):
                if was in self._rects:
                    self.update(_halo_box(self._rects[was]))
            self._current = ref if ref in self._rects else None

    def current(self) -> Ref | None:
        """The match the bar jumped to, if it has a halo."""
        return self._current

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        area = _halo_box(option.exposedRect)
        shown = [(ref, rect) for ref, rect in self._rects.items() if area.intersects(rect)]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(MATCH, 12))
        for ref, rect in shown:
            if ref != self._current:
                painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 9, 9)
        current = self._rects.get(self._current) if self._current is not None else None
        if current is not None:
            painter.setPen(QPen(CURRENT, 18))
            painter.drawRoundedRect(current.adjusted(-4.5, -4.5, 4.5, 4.5), 9, 9)


def _halo_box(rect: QRectF) -> QRectF:
    return rect.adjusted(-HALO_REACH, -HALO_REACH, HALO_REACH, HALO_REACH)


class FindBar(QFrame):
    """Find cards by name, owner, tags, notes and description (case and accents ignored)."""

    matches_changed = Signal()
    """The matches or the current match changed (the count label follows)."""

    def __init__(self, view: MapView) -> None:
        # A child of the view, not of its viewport: scrolling moves the viewport's children.
        super().__init__(view)
        self.view = view
        self.scene = view.map_scene
        self.document = view.document
        self.setObjectName("find-bar")
        self.setAccessibleName("Find on the map")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("find-text")
        self.edit.setPlaceholderText("Find cards: name, owner, tag, notes\u2026")
        self.edit.setAccessibleName("Text to find")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(260)
        self.count = QLabel(self)
        self.count.setObjectName("find-count")
        self.count.setMinimumWidth(90)
        self.count.setAccessibleName("Matches")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.addWidget(self.edit)
        layout.addWidget(self.count)
        for text, tip, slot in (("\u25b2", "Previous match (Shift+Enter, Shift+F3)",
                                 self.find_previous),
                                ("\u25bc", "Next match (Enter, F3)", self.find_next),
                                ("\u2715", "Close the find bar (Esc)", self.close_bar)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setStatusTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self._matches: list[Ref] = []
        self._current = -1
        self.halos = MatchHalos()
        self.scene.addItem(self.halos)
        self.halos.set_rect(self.scene.sceneRect())
        self.scene.sceneRectChanged.connect(self.halos.set_rect)
        # Edits arrive one signal per field; search again once, after the burst.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(lambda: self._search(jump=False))
        self.edit.textChanged.connect(lambda _t: self._search(jump=True))
        self.edit.installEventFilter(self)
        view.installEventFilter(self)
        for signal in (self.document.item_added, self.document.item_removed,
                       self.document.item_changed, self.document.project_replaced):
            signal.connect(self._schedule_refresh)
        self.scene.layout_changed.connect(self._place_halos)
        self.hide()

    # ----- public -----------------------------------------------------------------------------
    def matches(self) -> list[Ref]:
        """The matching cards in reading order."""
        return list(self._matches)

    def current_index(self) -> int:
        """Index of the current match (-1: none)."""
        return self._current

    def count_text(self) -> str:
        """What the count label says: "3 of 12", "No matches" or nothing."""
        if not self.edit.text().strip():
            return ""
        if not self._matches:
            return "No matches"
        return f"{self._current + 1} of {len(self._matches)}"

    def open(self) -> None:
        """Show the bar with its text selected, ready to type."""
        self._place()
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text().strip() and not self.halos.refs():
            self._current = -1
            self._search(jump=False)

    def close_bar(self) -> None:
        """Hide the bar and its highlights; the map gets the keyboard back."""
        self.hide()
        self._set_matches([])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self) -> None:
        """Jump to the next match (opening the bar when it is closed)."""
        self._step(1)

    def find_previous(self) -> None:
        """Jump to the previous match (opening the bar when it is closed)."""
        self._step(-1)

    # ----- searching --------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        if not self.isVisible():
            self.open()  # F3 on a closed bar: search again from the first match
            if self._matches:
                self._jump()
            return
        if not self._matches:
            return
        self._current = (self._current + delta) % len(self._matches)
        self._jump()

    def _schedule_refresh(self, *_args: object) -> None:
        if self.isVisible():
            self._refresh.start()

    def _search(self, jump: bool) -> None:
        if not self.isVisible():
            return
        current = self._matches[self._current] if 0 <= self._current < len(self._matches) else None
        found = find_cards(self.document.project, self.scene.map_layout(), self.edit.text())
        self._set_matches(found)
        if current in found and not jump:
            self._current = found.index(current)
        elif found:
            self._current = 0
        if jump and found:
            self._jump()
        else:
            self._mark_current()

    def _set_matches(self, found: list[Ref]) -> None:
        self._matches = found
        self._place_halos()
        self._current = -1 if not found else min(max(self._current, 0), len(found) - 1)
        self._mark_current()

    def _mark_current(self) -> None:
        self.halos.set_current(self._matches[self._current] if self._current >= 0 else None)
        self.count.setText(self.count_text())
        self.matches_changed.emit()

    def _jump(self) -> None:
        ref = self._matches[self._current]
        card = self.document.find(*ref)
        if card is None:
            return
        self.view.set_focus(Focus(card.stage_id, card.lane_id, ref))
        self.view.centerOn(self.scene.model_rect(*ref).center())
        self._mark_current()

    def _place_halos(self) -> None:
        self.halos.set_halos({ref: self.scene.model_rect(*ref) for ref in self._matches
                              if self.document.find(*ref) is not None})

    # ----- geometry and keys ------------------------------------------------------------------
    def _place(self) -> None:
        self.adjustSize()
        area = self.view.viewport().geometry()
        self.move(area.right() - self.width() - BAR_MARGIN, area.top() + BAR_MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
