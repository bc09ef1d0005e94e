"""The link layer: one item over the whole map that draws every link in the exposed area.

Lines are grouped by pen and heads by colour, so a frame makes a few Qt calls however many
links it shows. While cards are dragged, the links that do not move are drawn once into a
picture of the view (``StillLinks``) and each frame copies it and draws only the links of the
dragged cards: at 100% a view crossed by a few hundred links took 5 to 20 ms to draw again,
and a drag repaints most of the view on every mouse move. The links between two dragged cards
are the carrier's to draw (``draw_carried``), where they were, as it moves them with the cards.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsView, QStyleOptionGraphicsItem, QWidget

from journeymapper.grid import Grid
from journeymapper.layout import Rect
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.items.caption_layer import (
    DIMMED_OPACITY,
    LOD_CAPTION,
    CaptionLayer,
    CaptionPictures,
    draw_captions,
)
from journeymapper.ui.canvas.items.layer import MapLayer
from journeymapper.ui.canvas.items.link import ARROW, LinkItem

# Below this level of detail the arrow head is too small to see, and below LOD_LINE a link is
# thinner than a third of a pixel: a haze over the cards, not drawn.
LOD_ARROW = 0.15
LOD_LINE = 0.1
# With more links than this in the view the lines are drawn without antialiasing: five times
# faster, and in such a tangle no single line can be followed anyway.
DENSE = 150
MAX_AREAS = 24  # more rectangles in a repainted region: one query for their bounding box


class LinkLayer(MapLayer):
    """Draws the links of its scene in the exposed area: lines grouped by pen, heads by
    colour."""

    def __init__(self) -> None:
        super().__init__(LinkItem.z_value)
        self.grid: Grid[LinkItem] = Grid()  # filed by the links as they move
        self.captions = CaptionLayer()
        """Draws the links' captions (the scene adds it)."""
        self._carried_captions = CaptionPictures()
        # Whether the view (at this transform and size) shows more than DENSE links.
        self._density: tuple[tuple[float, ...], bool] = ((), False)
        self._still: StillLinks | None = None
        self._carried = CarriedLinks()
        self._let_go = False  # release the still picture once the next frame is painted
        self.repaint_whole = False
        """While True, a link that moves does not ask to repaint its own box: the scene is
        repainted whole afterwards (thousands of links run again at once, as when a stage
        is inserted, asked for thousands of repaints, most of them off screen)."""

    def links_in(self, rect: QRectF) -> list[LinkItem]:
        """The visible links whose boxes meet ``rect``."""
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        near = self.grid.near(left, top, right, bottom)
        # The boxes as plain numbers: a frame of a dense view asks for thousands of links.
        return [link for link in near
                if (box := link._box)[0] <= right and left <= box[2] and box[1] <= bottom
                and top <= box[3] and link.isVisible()]

    # ----- drags --------------------------------------------------------------------------
    def hold_still(self, moving: Iterable[LinkItem], carried: Iterable[LinkItem] = ()) -> None:
        """Cards are dragged and only the links ``moving`` follow them: draw the others from
        a picture until :meth:`release_still` (or until one of them changes). The links
        ``carried`` are left to the carrier of the cards (see :meth:`draw_carried`)."""
        self._still = StillLinks(moving)
        self._carried = CarriedLinks(carried)
        self.captions.hidden = self._carried.links  # the carrier draws them with the cards

    def holding_still(self) -> bool:
        """True while the links that do not move are drawn from a picture."""
        return self._still is not None

    def release_still(self) -> None:
        """The drag is over: draw every link as usual."""
        self._still = None
        self._carried = CarriedLinks()
        self.captions.hidden = frozenset()
        self._let_go = False

    def release_still_after_frame(self) -> None:
        """The cards were dropped: the links that stayed are still drawn from their picture
        for the frame that shows the drop (the layer draws the rest), then as usual (see
        :meth:`frame_done`). Drawing every link there again made a drop cost a full repaint
        of the links."""
        still = self._still
        if still is None:
            return
        still.moving |= self._carried.links  # put down: drawn where they are, by the layer
        self._carried = CarriedLinks()
        self.captions.hidden = frozenset()
        self._let_go = True

    def frame_done(self) -> None:
        """A view finished painting a frame."""
        if self._let_go:
            self.release_still()

    def link_changed(self, link: LinkItem) -> None:
        """``link`` looks different or moved (it repaints itself through the scene)."""
        if link in self._carried.links:  # moved under the drag: the layer draws it again
            self._carried = CarriedLinks(self._carried.links - {link})
            self.captions.hidden = self._carried.links
        if self._still is not None and link not in self._still.moving:
            self._still = None  # the picture would show it as it was

    def carried(self) -> frozenset[LinkItem]:
        """The links the carrier draws while cards are dragged."""
        return self._carried.links

    def draw_carried(self, painter: QPainter, option: QStyleOptionGraphicsItem,
                     widget: QWidget | None) -> None:
        """Draw the carried links in the exposed area, where they were when the drag began:
        ``painter`` paints the carrier, whose coordinates are the map's moved with the
        cards."""
        carried = self._carried
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if not carried.links or lod < LOD_LINE:
            return
        exposed = option.exposedRect
        if widget is None or painter.worldTransform().isRotating():  # a picture of the map
            found = [link for link in self.links_in(exposed) if link in carried.links]
            if found:
                self._draw(painter, found, lod, [exposed], widget, True)
        else:
            if not carried.covers(painter, widget, exposed):
                inner, area = carried.begin(painter, widget)
                found = [link for link in self.links_in(area) if link in carried.links]
                if found:
                    self._draw(inner, found, lod, [area], widget, True)
                inner.end()
            carried.draw(painter, widget, exposed)
        if lod >= LOD_CAPTION:  # where they were placed, carried along with the cards
            seen = Rect(exposed.x(), exposed.y(), exposed.width(), exposed.height())
            shown = sorted(((link, place) for link in carried.links
                            if (place := link.caption_place()) is not None
                            and place.box.intersects(seen)), key=lambda found: found[0].rank)
            draw_captions(painter, shown, self._carried_captions if widget is not None
                          else None)

    # ----- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_LINE:
            return
        areas = self._areas(painter, option.exposedRect)
        still = self._still
        if still is not None and widget is not None:
            if not still.fits(painter, widget):
                self._take_still(still, painter, widget, lod)
            still.draw(painter, widget, option.exposedRect)
            # The few links that follow the cards, not a query of the whole view.
            found = [link for link in still.moving if link.isVisible()
                     and any(link._bounds.intersects(area) for area in areas)]
            if found:
                self._draw(painter, found, lod, areas, widget, still.smooth)
            return
        found = self._found(areas)
        if self._carried.links:
            found = [link for link in found if link not in self._carried.links]
        if found:
            smooth = not (widget is not None and self._dense(widget, found, option.exposedRect))
            self._draw(painter, found, lod, areas, widget, smooth)

    def _found(self, areas: list[QRectF]) -> list[LinkItem]:
        if len(areas) == 1:
            return self.links_in(areas[0])
        around = areas[0]  # one query, then the links that meet one of the areas
        for area in areas[1:]:
            around = around.united(area)
        return [link for link in self.links_in(around)
                if any(link._bounds.intersects(area) for area in areas)]

    def _take_still(self, still: StillLinks, painter: QPainter, widget: QWidget,
                    lod: float) -> None:
        """Draw the links that stay where they are, all over the view, into ``still``."""
        transform = painter.worldTransform()
        seen = transform.inverted()[0].mapRect(QRectF(widget.rect()))
        in_view = self.links_in(seen)
        smooth = not self._dense(widget, in_view, seen)
        inner = still.begin(painter, widget, smooth)
        inner.setWorldTransform(transform)
        resting = [link for link in in_view
                   if link not in still.moving and link not in self._carried.links]
        if resting:
            self._draw(inner, resting, lod, [seen], widget, smooth)
        inner.end()

    def _draw(self, painter: QPainter, found: list[LinkItem], lod: float,
              areas: list[QRectF], widget: QWidget | None, smooth: bool) -> None:
        lines: dict[tuple[int, bool, bool], list[QLineF]] = {}
        heads: dict[tuple[int, bool], QPainterPath] = {}
        colors: dict[int, QColor] = {style.SELECTED.rgba(): style.SELECTED}
        selected_key = style.SELECTED.rgba()
        arrows = lod >= LOD_ARROW
        area = areas[0] if len(areas) == 1 else None
        area_box = (0.0, 0.0, 0.0, 0.0) if area is None else (
            area.left(), area.top(), area.right(), area.bottom())
        # Where an arrow's tip must be for its head to reach the area (None: anywhere).
        reach = None if area is None else (area_box[0] - ARROW, area_box[1] - ARROW,
                                           area_box[2] + ARROW, area_box[3] + ARROW)
        scene = self.scene()
        chosen = scene.selected_link_ids() if hasattr(scene, "selected_link_ids") else None
        for link in found:
            # Boxes that meet the exposed area are enough: Qt clips the few lines that pass
            # beside it faster than Python could test each line.
            if link._short:
                continue
            selected = link.isSelected() if chosen is None else link.item_id in chosen
            if selected:
                key = selected_key
            else:
                key = link._color_key
                colors[key] = link._color
            dimmed = link._dimmed
            group = lines.get((key, selected, dimmed))
            if group is None:
                group = lines[(key, selected, dimmed)] = []
            if arrows:
                shaft, head = link._arrow or link.arrow()
                group.append(shaft)
                # A long link crosses a strip far from its head: leave the head out there.
                tip_x, tip_y = link._ends[2], link._ends[3]
                if reach is not None and not (reach[0] <= tip_x <= reach[2]
                                              and reach[1] <= tip_y <= reach[3]):
                    continue
                path = heads.get((key, dimmed))
                if path is None:
                    path = heads[(key, dimmed)] = QPainterPath()
                path.addPolygon(head)
            else:
                group.append(link._line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        opacity = painter.opacity()  # the carrier's fade
        for (key, selected, dimmed), group in lines.items():
            # Flat caps: both ends are hidden (under the card, under the arrow head), and
            # round caps make Qt stroke the line as a curved path, 80 times slower.
            painter.setOpacity(opacity * DIMMED_OPACITY if dimmed else opacity)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth or selected)
            painter.setPen(QPen(colors[key], 4.5 if selected else 3.0, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.FlatCap))
            painter.drawLines(group)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        for (key, dimmed), path in heads.items():
            painter.setOpacity(opacity * DIMMED_OPACITY if dimmed else opacity)
            painter.fillPath(path, QBrush(colors[key]))
        painter.setOpacity(opacity)

    @staticmethod
    def _areas(painter: QPainter, exposed: QRectF) -> list[QRectF]:
        """The parts of the map to draw: the rectangles of the region Qt repaints (a moved
        card's long links leave a thin diagonal band, not their whole box), or the exposed
        rectangle."""
        engine = painter.paintEngine()
        region = engine.systemClip() if engine is not None else None
        if region is None or region.isEmpty() or region.rectCount() > MAX_AREAS:
            return [exposed]
        to_map, invertible = painter.deviceTransform().inverted()
        if not invertible:
            return [exposed]
        return [area for rect in region
                if not (area := to_map.mapRect(QRectF(rect)) & exposed).isEmpty()]

    def _dense(self, widget: QWidget, found: list[LinkItem], exposed: QRectF) -> bool:
        """True when the view shows more than DENSE links (the same answer for every part of
        a frame: a line must not be smooth in one strip and jagged in the next)."""
        if len(found) > DENSE:
            return True
        view = widget.parentWidget()
        if not isinstance(view, QGraphicsView):
            return False
        t = view.viewportTransform()
        key = (t.m11(), t.m22(), t.dx(), t.dy(), view.viewport().width(),
               view.viewport().height())
        if self._density[0] != key:
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            count = len(found) if exposed.contains(seen) else len(self.links_in(seen))
            self._density = (key, count > DENSE)
        return self._density[1]


class StillLinks:
    """A picture of one view's links, but for those that move with dragged cards."""

    def __init__(self, moving: Iterable[LinkItem]) -> None:
        self.moving = set(moving)
        self.smooth = True
        """Whether the lines are antialiased (as the whole view's count of links says)."""
        self._picture: QPixmap | None = None
        self._key: tuple[object, ...] = ()

    @staticmethod
    def _key_for(painter: QPainter, widget: QWidget) -> tuple[object, ...]:
        t = painter.worldTransform()
        return (widget, t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), widget.width(),
                widget.height(), widget.devicePixelRatioF())

    def fits(self, painter: QPainter, widget: QWidget) -> bool:
        """True when the picture was taken of this view as it is painted now."""
        return self._picture is not None and self._key == self._key_for(painter, widget)

    def begin(self, painter: QPainter, widget: QWidget, smooth: bool) -> QPainter:
        """A painter on a new, empty picture of the view that ``painter`` paints."""
        self._key = self._key_for(painter, widget)
        self.smooth = smooth
        self._picture = _empty_picture(widget.width(), widget.height(), widget)
        inner = QPainter(self._picture)
        inner.setRenderHints(painter.renderHints())
        return inner

    def draw(self, painter: QPainter, widget: QWidget, exposed: QRectF) -> None:
        """Copy the part of the picture under ``exposed`` (map coordinates)."""
        if self._picture is not None:
            _copy_picture(painter, widget, exposed, self._picture, QPointF(0, 0))


class CarriedLinks:
    """A picture of the links between dragged cards, in the carrier's coordinates: it moves
    with the cards and is drawn again only when the drag takes a part it lacks into sight."""

    MARGIN = 0.25  # of the view's width and height, on each side of the view

    def __init__(self, links: Iterable[LinkItem] = ()) -> None:
        self.links = frozenset(links)
        self._picture: QPixmap | None = None
        self._area = QRectF()  # what the picture shows, in the carrier's coordinates
        self._key: tuple[object, ...] = ()

    @staticmethod
    def _key_for(painter: QPainter, widget: QWidget) -> tuple[object, ...]:
        t = painter.worldTransform()  # the carrier's moves change dx, dy only
        return (widget, t.m11(), t.m12(), t.m21(), t.m22(), widget.width(), widget.height(),
                widget.devicePixelRatioF())

    def covers(self, painter: QPainter, widget: QWidget, exposed: QRectF) -> bool:
        """True when the picture shows ``exposed`` (carrier coordinates) as painted now."""
        return (self._picture is not None and self._key == self._key_for(painter, widget)
                and self._area.contains(exposed))

    def begin(self, painter: QPainter, widget: QWidget) -> tuple[QPainter, QRectF]:
        """A painter on a new, empty picture of the view and a margin around it, and the area
        (carrier coordinates) the picture shows."""
        transform = painter.worldTransform()
        seen = transform.inverted()[0].mapRect(QRectF(widget.rect()))
        margin_x, margin_y = seen.width() * self.MARGIN, seen.height() * self.MARGIN
        area = seen.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        self._key = self._key_for(painter, widget)
        scale = QTransform(transform.m11(), transform.m12(), transform.m21(), transform.m22(),
                           0, 0)
        size = scale.mapRect(area).size()
        picture = _empty_picture(size.width(), size.height(), widget)
        self._picture, self._area = picture, area
        inner = QPainter(picture)
        inner.setRenderHints(painter.renderHints())
        inner.setWorldTransform(QTransform.fromTranslate(-area.left(), -area.top()) * scale)
        return inner, area

    def draw(self, painter: QPainter, widget: QWidget, exposed: QRectF) -> None:
        """Copy the part of the picture under ``exposed`` (carrier coordinates)."""
        if self._picture is not None:  # its corner is where the carrier has taken it
            corner = painter.worldTransform().map(self._area.topLeft())
            _copy_picture(painter, widget, exposed, self._picture, corner)


def _empty_picture(width: float, height: float, widget: QWidget) -> QPixmap:
    """A transparent picture of this many view pixels, sharp on the widget's screen."""
    ratio = widget.devicePixelRatioF()
    picture = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    return picture


def _copy_picture(painter: QPainter, widget: QWidget, exposed: QRectF, picture: QPixmap,
                  corner: QPointF) -> None:
    """Copy the part of ``picture`` under ``exposed`` (the painter's coordinates), the
    picture's top left corner being at ``corner`` (view pixels)."""
    transform = painter.worldTransform()
    target = transform.mapRect(exposed).toAlignedRect() & widget.rect()
    if target.isEmpty():
        return
    ratio = picture.devicePixelRatio()
    source = QRectF((target.x() - corner.x()) * ratio, (target.y() - corner.y()) * ratio,
                    target.width() * ratio, target.height() * ratio)
    painter.setWorldTransform(QTransform())
    painter.drawPixmap(QRectF(target), picture, source)
    painter.setWorldTransform(transform)
