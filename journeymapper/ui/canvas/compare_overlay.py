"""Compare view marks on the map: added and changed cards framed in colour, removed ones as
dashed ghost outlines where they were, and the other version's emotion curves dashed.

The overlay only draws: ``show(comparison, other)`` replaces every mark (the Compare panel
calls it again whenever the map changes). Frames are children of their cards, so they move
with a drag and vanish with the card; ghosts and curves sit in the scene and follow the layout.
"""

from __future__ import annotations

import itertools

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.analysis.compare import Change, Comparison
from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, emotion_curve
from journeymapper.model import MapVersion, Project, Touchpoint
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.scene import ALL_CURVE, MapScene

COLORS = {Change.ADDED: QColor("#2f9e44"), Change.CHANGED: QColor("#f59f00"),
          Change.REMOVED: QColor("#c92a2a")}
TAGS = {Change.ADDED: "NEW", Change.CHANGED: "CHANGED", Change.REMOVED: "REMOVED"}


class DiffFrameItem(QGraphicsItem):
    """A coloured frame and a tag ("NEW", "CHANGED") around a card (a child of the card)."""

    def __init__(self, change: Change, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.change = change
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def boundingRect(self) -> QRectF:
        return QRectF(-8, -20, CARD_WIDTH + 16, CARD_HEIGHT + 28)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = COLORS[self.change]
        painter.setPen(QPen(color, 5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(-5, -5, CARD_WIDTH + 10, CARD_HEIGHT + 10), 9, 9)
        _tag(painter, TAGS[self.change], color, QPointF(-5, -19))


class GhostCardItem(QGraphicsItem):
    """Where a touchpoint of the other version was: a dashed outline with its name."""

    z_value = 26.0  # under the cards (30): a real card placed there since stays readable

    def __init__(self, touchpoint_id: str, name: str, label: str) -> None:
        super().__init__()
        self.touchpoint_id, self.name, self.label = touchpoint_id, name, label
        self.setZValue(self.z_value)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip(f"{name} ({label})")

    def boundingRect(self) -> QRectF:
        return QRectF(-4, -20, CARD_WIDTH + 8, CARD_HEIGHT + 24)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = COLORS[Change.REMOVED]
        fill = QColor(color)
        fill.setAlpha(28)
        painter.setPen(QPen(color, 3, Qt.PenStyle.DashLine))
        painter.setBrush(fill)
        body = QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT)
        painter.drawRoundedRect(body, 7, 7)
        painter.setPen(color.darker(130))
        painter.setFont(style.font(15, bold=True))
        painter.drawText(body.adjusted(10, 8, -10, -8),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextWordWrap, self.name)
        _tag(painter, self.label.upper(), color, QPointF(0, -19))


class DashedCurveItem(QGraphicsItem):
    """The other version's emotion curve: dashed, hollow dots, drawn under the active one."""

    z_value = 9.0

    def __init__(self, color: str) -> None:
        super().__init__()
        self.color = QColor(color)
        self._points: list[QPointF] = []
        self._path = QPainterPath()
        self.setZValue(self.z_value)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_points(self, points: list[tuple[float, float]]) -> None:
        """The curve's points (map coordinates), left to right."""
        self.prepareGeometryChange()
        self._points = [QPointF(x, y) for x, y in points]
        self._path = QPainterPath()
        if self._points:
            self._path.moveTo(self._points[0])
            for a, b in itertools.pairwise(self._points):
                mid = (a.x() + b.x()) / 2
                self._path.cubicTo(QPointF(mid, a.y()), QPointF(mid, b.y()), b)

    def points(self) -> list[tuple[float, float]]:
        """The curve's points."""
        return [(p.x(), p.y()) for p in self._points]

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-9, -9, 9, 9)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self._points:
            return
        painter.setOpacity(0.8)
        painter.setPen(QPen(self.color, 3, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(QPen(self.color, 2))
        painter.setBrush(style.PAPER)
        for point in self._points:
            painter.drawEllipse(point, 5, 5)


def _tag(painter: QPainter, text: str, color: QColor, at: QPointF) -> None:
    font = style.font(11, bold=True)
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(text) + 10
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    rect = QRectF(at.x(), at.y(), width, 16)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setPen(style.PAPER)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def hybrid(project: Project, other: MapVersion) -> Project:
    """The other version's touchpoints on the active map's stages and lanes (for its emotion
    curve drawn on this layout); cards of stages the active map lacks are left out."""
    stages = {s.id for s in project.stages}
    touchpoints: list[Touchpoint] = [tp for tp in other.touchpoints if tp.stage_id in stages]
    return Project.model_construct(**{**dict(project), "touchpoints": touchpoints})


class CompareOverlay(QObject):
    """The compare marks of one scene."""

    def __init__(self, scene: MapScene, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else scene)
        self.scene = scene
        self.comparison: Comparison | None = None
        self.other: MapVersion | None = None
        self.frames: dict[str, DiffFrameItem] = {}
        self.ghosts: dict[str, GhostCardItem] = {}
        self.curves: dict[str | None, DashedCurveItem] = {}
        scene.layout_changed.connect(self._place)

    def active(self) -> bool:
        """True while a comparison is shown."""
        return self.comparison is not None

    def show(self, comparison: Comparison | None, other: MapVersion | None) -> None:
        """Mark the map with a comparison of ``other`` (before) to the active map (after);
        None clears every mark."""
        self.clear()
        self.comparison, self.other = comparison, other
        if comparison is None or other is None:
            return
        for diff in comparison.diffs:
            card = self.scene.cards.get(diff.id)
            if diff.change is Change.REMOVED:
                ghost = GhostCardItem(diff.id, diff.name, f"only in {comparison.before_name}")
                self.scene.addItem(ghost)
                self.ghosts[diff.id] = ghost
            elif card is not None:
                self.frames[diff.id] = DiffFrameItem(diff.change, card)
        for pid in self.scene.curves:
            dashed = DashedCurveItem(self._persona_color(pid))
            self.scene.addItem(dashed)
            self.curves[pid] = dashed
        self._place()

    def clear(self) -> None:
        """Remove every mark."""
        for frame in self.frames.values():
            # A frame dies with its card (a card deleted or the scene rebuilt).
            if shiboken6.isValid(frame):
                frame.setParentItem(None)
                if frame.scene() is not None:
                    frame.scene().removeItem(frame)
        for item in [*self.ghosts.values(), *self.curves.values()]:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self.frames.clear()
        self.ghosts.clear()
        self.curves.clear()
        self.comparison = self.other = None

    def _persona_color(self, persona_id: str | None) -> str:
        persona = next((p for p in self.scene.document.project.personas if p.id == persona_id),
                       None)
        return persona.color if persona is not None else ALL_CURVE

    def _place(self) -> None:
        if self.other is None:
            return
        layout = self.scene.map_layout()
        project = self.scene.document.project
        old = {tp.id: tp for tp in self.other.touchpoints}
        for tp_id, ghost in self.ghosts.items():
            tp = old.get(tp_id)
            cell = layout.cells.get((tp.stage_id, tp.lane_id)) if tp else None
            ghost.setVisible(cell is not None)
            if tp is not None and cell is not None:
                ghost.setPos(cell.x + max(tp.x, 0), cell.y + max(tp.y, 0))
        mixed = hybrid(project, self.other)
        for pid, curve in self.curves.items():
            curve.set_points(emotion_curve(mixed, layout, pid))
