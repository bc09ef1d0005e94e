"""What presentation mode draws and how it moves: the stage frame, the camera, the overlay.

The overlay is a transparent widget over the view's viewport (a child of the view, because
scrolling moves the viewport's own children). It dims the stages around the one being
presented, shows the stage's title, and draws the laser pointer: a red dot that follows the
mouse while the real cursor is hidden. It never takes a mouse event.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRadialGradient, QRegion
from PySide6.QtWidgets import QWidget

from journeymapper.layout import MapLayout, Rect
from journeymapper.model import LaneKind, Project
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.view import MapView

FLY_MS = 350
MAX_PRESENT_ZOOM = 3.0
FIT_MARGIN = 24  # screen pixels around the stage
CAPTION_BAND = 84  # screen pixels kept free at the bottom for the stage title
LASER = QColor("#ff1f1f")
LASER_RADIUS = 9.0
SPOTLIGHT = QColor(15, 18, 24, 110)


def stage_frame(project: Project, layout: MapLayout, stage_id: str) -> Rect:
    """The part of a stage's column worth showing: its header and every lane down to the last
    one holding something in this stage (empty lanes at the bottom are left out)."""
    column = layout.columns[stage_id]
    bottom = layout.headers[stage_id].bottom
    used = {(tp.stage_id, tp.lane_id) for tp in project.touchpoints}
    used |= {(n.stage_id, n.lane_id) for n in project.notes}
    has_cards = any(tp.stage_id == stage_id for tp in project.touchpoints)
    for lane in project.lanes:
        if (stage_id, lane.id) in used or (lane.kind is LaneKind.EMOTIONS and has_cards):
            bottom = max(bottom, layout.rows[lane.id].bottom)
    return Rect(column.x, column.y, column.w, bottom - column.y)


def fit(view_size: tuple[int, int], frame: QRectF, *, caption: bool = True
        ) -> tuple[QPointF, float]:
    """Centre and zoom that show ``frame`` as large as the viewport allows (above the caption
    band), never closer than MAX_PRESENT_ZOOM."""
    width, height = view_size
    band = CAPTION_BAND if caption else 0
    usable_w = max(40, width - 2 * FIT_MARGIN)
    usable_h = max(40, height - 2 * FIT_MARGIN - band)
    zoom = min(usable_w / max(frame.width(), 1.0), usable_h / max(frame.height(), 1.0),
               MAX_PRESENT_ZOOM)
    # Shift the centre down by half the band, so the frame sits above the caption.
    return QPointF(frame.center().x(), frame.center().y() + band / 2 / zoom), zoom


class Camera(QObject):
    """Moves the view to a centre and zoom, gliding there (or jumping when asked)."""

    arrived = Signal()
    """The view reached the last requested centre and zoom."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self._from = (QPointF(), 1.0)
        self._to = (QPointF(), 1.0)
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(FLY_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._step)
        self._animation.finished.connect(self.arrived)

    def centre(self) -> QPointF:
        """The map point at the middle of the viewport."""
        return self.view.mapToScene(self.view.viewport().rect().center())

    def target(self) -> tuple[QPointF, float]:
        """Where the camera is going (or went last)."""
        return self._to

    def is_moving(self) -> bool:
        """True while gliding."""
        return self._animation.state() == QVariantAnimation.State.Running

    def fly_to(self, centre: QPointF, zoom: float, *, animate: bool = True) -> None:
        """Glide (or jump) to ``centre`` at ``zoom``."""
        self._animation.stop()
        self._from = (self.centre(), self.view.zoom())
        self._to = (QPointF(centre), zoom)
        if animate:
            self._animation.start()
        else:
            self._step(1.0)
            self.arrived.emit()

    def _step(self, t: object) -> None:
        t = float(t)  # type: ignore[arg-type]
        (c0, z0), (c1, z1) = self._from, self._to
        # Zoom changes feel even when interpolated on a log scale.
        zoom = z0 * (z1 / z0) ** t if z0 > 0 and z1 > 0 else z1
        # A glide also pans: a scaled picture of the start would leave the rest blank.
        self.view.set_zoom(zoom, preview=False)
        self.view.centerOn(c0 + (c1 - c0) * t)


class PresentationOverlay(QWidget):
    """Spotlight on the presented stage, its title, and the laser pointer."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("presentation-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._spot: QRectF | None = None
        self._caption = ""
        self._hint = ""
        self._laser: QPoint | None = None
        self.hide()

    def cover_viewport(self) -> None:
        """Lie exactly over the viewport (after the view resized)."""
        self.setGeometry(self.view.viewport().geometry())
        self.raise_()

    def set_spotlight(self, frame: QRectF | None) -> None:
        """Dim everything outside this map rectangle (None: dim nothing)."""
        self._spot = QRectF(frame) if frame is not None else None
        self.update()

    def set_caption(self, caption: str) -> None:
        """The stage title shown at the bottom."""
        if caption != self._caption:
            self._caption = caption
            self.update()

    def caption(self) -> str:
        """The stage title shown at the bottom."""
        return self._caption

    def set_hint(self, hint: str) -> None:
        """Keys help shown above the title ("" hides it)."""
        if hint != self._hint:
            self._hint = hint
            self.update()

    def set_laser(self, pos: QPoint | None) -> None:
        """Draw the laser dot at a viewport position (None: the mouse left the map)."""
        if pos == self._laser:
            return
        for old_or_new in (self._laser, pos):
            if old_or_new is not None:
                self.update(_laser_rect(old_or_new))
        self._laser = QPoint(pos) if pos is not None else None

    def laser(self) -> QPoint | None:
        """Where the laser dot is (viewport coordinates)."""
        return QPoint(self._laser) if self._laser is not None else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._spot is not None:
            spot = self.view.mapFromScene(self._spot).boundingRect()
            painter.setClipRegion(QRegion(self.rect()).subtracted(QRegion(spot)))
            painter.fillRect(self.rect(), SPOTLIGHT)
            painter.setClipping(False)
        if self._caption:
            self._paint_pill(painter, self._caption, 30, lift=0, bold=True)
        if self._hint:
            self._paint_pill(painter, self._hint, 17, lift=CAPTION_BAND, bold=False)
        if self._laser is not None:
            centre = QPointF(self._laser)
            glow = QRadialGradient(centre, LASER_RADIUS * 2.4)
            glow.setColorAt(0.0, QColor(255, 40, 40, 170))
            glow.setColorAt(1.0, QColor(255, 40, 40, 0))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(centre, LASER_RADIUS * 2.4, LASER_RADIUS * 2.4)
            painter.setPen(QPen(QColor(255, 255, 255, 220), 1.5))
            painter.setBrush(LASER)
            painter.drawEllipse(centre, LASER_RADIUS, LASER_RADIUS)
        painter.end()

    def _paint_pill(self, painter: QPainter, text: str, pixel_size: int, lift: int,
                    bold: bool) -> None:
        """White text on a dark pill, centred at the bottom, ``lift`` pixels up."""
        painter.setFont(style.font(pixel_size, bold=bold))
        metrics = painter.fontMetrics()
        width = min(self.width() - 40, metrics.horizontalAdvance(text) + 2 * pixel_size)
        height = metrics.height() + pixel_size
        y = self.height() - height - 18 - lift
        pill = QRectF((self.width() - width) / 2, y, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(20, 24, 30, 215))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("#ffffff"))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - pixel_size))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, elided)


def _laser_rect(pos: QPoint) -> QRect:
    reach = int(LASER_RADIUS * 2.4) + 3
    return QRect(pos.x() - reach, pos.y() - reach, 2 * reach, 2 * reach)
