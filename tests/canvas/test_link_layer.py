"""One layer draws every link: what it paints, what it leaves to clicks, when it repaints."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from journeymapper.document import Kind
from journeymapper.ui.canvas import style
from journeymapper.ui.canvas.items.link import LONG_BOX, LinkItem
from journeymapper.ui.canvas.items.link_layer import DENSE, LinkLayer
from tests.canvas.helpers import Repaints, color_near


def _render(scene, rect: QRectF, scale: float = 1.0) -> QImage:
    image = QImage(int(rect.width() * scale), int(rect.height() * scale),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def _probe(scene, link: LinkItem) -> tuple[QRectF, QPointF]:
    """A small area around a point a quarter along the link, away from cards and captions."""
    line = link.line()
    point = line.pointAt(0.25)
    return QRectF(point.x() - 20, point.y() - 20, 40, 40), QPointF(20, 20)


def test_links_do_not_paint_themselves_the_layer_draws_them(scene):
    link = scene.links["l1"]
    assert link.flags() & LinkItem.GraphicsItemFlag.ItemHasNoContents
    area, centre = _probe(scene, link)
    image = _render(scene, area)
    assert color_near(image, int(centre.x()), int(centre.y()), style.LINK)
    link.setVisible(False)  # a dangling link (a card gone) is not drawn
    image = _render(scene, area)
    assert not color_near(image, int(centre.x()), int(centre.y()), style.LINK)


def _draw_area(scene, link: LinkItem, area: QRectF) -> QImage:
    """What the layer draws of ``link`` when asked for ``area`` only (map coordinates)."""
    image = QImage(int(area.width()), int(area.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.translate(-area.topLeft())
    scene.link_layer._draw(painter, [link], 1.0, [area], None, True)
    painter.end()
    return image


def test_an_area_gets_the_heads_that_reach_it(scene):
    link = scene.links["l2"]  # tp2 -> tp3, Anna's
    anna = QColor(scene.document.get(Kind.PERSONA, "anna").color)
    line = link.line()
    back = line.pointAt(1 - 6 / line.length())  # inside the head, 6 points before the tip
    head_area = QRectF(back.x() - 20, back.y() - 20, 40, 40)
    spot = (int(back.x() - head_area.x()), int(back.y() - head_area.y()))
    assert color_near(_draw_area(scene, link, head_area), *spot, anna)


def test_a_selected_link_is_drawn_in_the_selection_colour(scene):
    link = scene.links["l1"]
    area, centre = _probe(scene, link)
    assert not color_near(_render(scene, area), int(centre.x()), int(centre.y()),
                           style.SELECTED)
    scene.select([(Kind.LINK, "l1")])
    assert link.isSelected()
    assert color_near(_render(scene, area), int(centre.x()), int(centre.y()), style.SELECTED)


def test_the_layer_is_never_what_a_click_finds(scene, view):
    layer = scene.link_layer
    assert isinstance(layer, LinkLayer) and layer.shape().isEmpty()
    link = scene.links["l1"]
    on_link = link.line().pointAt(0.5)
    hit = view.hit(on_link)
    assert hit is not None and hit[0] == "link" and hit[1] is link
    assert all(item is not layer for item in scene.items(on_link))


def test_moving_a_card_repaints_its_links_where_they_were_and_are(scene, doc, view, qtbot):
    link = scene.links["l1"]
    before = QRectF(link.boundingRect())
    qtbot.wait(20)
    regions = Repaints(view)
    layer_box = scene.link_layer.boundingRect()
    doc.edit(Kind.TOUCHPOINT, "tp2", y=doc.get(Kind.TOUCHPOINT, "tp2").y + 20)
    scene.flush()
    assert scene.link_layer.boundingRect() == layer_box  # the map did not grow
    qtbot.waitUntil(lambda: bool(regions.rects))
    after = link.boundingRect()
    assert after != before
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    for box in (before, after):
        visible = box.intersected(seen)
        assert any(r.adjusted(-2, -2, 2, 2).contains(visible) for r in regions.rects), box
    # Not the whole view: the layer covers all of the map, the repaint only the link's box.
    assert not any(r.contains(seen.adjusted(10, 10, -10, -10)) for r in regions.rects)


def test_a_long_slanted_link_repaints_along_its_line_not_its_box(scene, doc, view, qtbot):
    link = scene.links["l1"]
    box = link.boundingRect()
    assert box.width() * box.height() < LONG_BOX  # the sample map's links are short
    view.set_zoom(0.5)
    view.zoom_preview.end()
    doc.edit(Kind.TOUCHPOINT, "tp2", y=2000.0)  # far down its lane: the link gets long
    scene.flush()
    long_box = link.boundingRect()
    assert long_box.width() * long_box.height() >= LONG_BOX
    view.centerOn(long_box.center())
    qtbot.wait(50)
    regions = Repaints(view)
    doc.edit(Kind.TOUCHPOINT, "tp2", x=doc.get(Kind.TOUCHPOINT, "tp2").x + 10)
    scene.flush()
    qtbot.waitUntil(lambda: bool(regions.rects))
    moved = link.boundingRect()
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    # Pieces along the line, not the link's whole box (which fills much of the view).
    assert len(regions.rects) >= 2
    assert not any(r.contains(moved.intersected(seen)) for r in regions.rects)


def test_dense_views_draw_without_antialiasing_sparse_ones_with(scene, view, monkeypatch):
    seen: list[bool] = []
    original = QPainter.drawLines

    def spy(painter: QPainter, *args: object) -> None:
        if painter.pen().color() == style.LINK:  # the links, not the lanes' rules
            seen.append(bool(painter.renderHints() & QPainter.RenderHint.Antialiasing))
        original(painter, *args)

    monkeypatch.setattr(QPainter, "drawLines", spy)
    view.viewport().repaint()
    assert seen and all(seen)  # two links: smooth
    monkeypatch.setattr("journeymapper.ui.canvas.items.link_layer.DENSE", 1)
    seen.clear()
    view.viewport().repaint()
    assert seen and not any(seen)
    assert DENSE > 1


def test_the_layer_covers_the_map(scene):
    assert scene.link_layer.boundingRect() == scene.sceneRect()
    assert scene.link_layer.acceptedMouseButtons() == Qt.MouseButton.NoButton


def test_links_out_of_sight_wait_until_the_drop(scene):
    moved = {"tp2"}  # l1: tp0 -> tp2 and l2: tp2 -> tp3 follow it
    lines = {i: scene.links[i].line() for i in ("l1", "l2")}
    dragged = scene.dragged_links(moved)
    for card_id in moved:
        card = scene.cards[card_id]
        card.setPos(card.pos() + QPointF(15, 25))
    dragged.follow(15, 25, QRectF(50_000, 50_000, 100, 100))  # far from both
    assert dragged.stale == {"l1", "l2"}
    assert {i: scene.links[i].line() for i in lines} == lines  # not moved yet
    dragged.follow(15, 25, scene.cards["tp2"].sceneBoundingRect())  # both touch tp2
    assert dragged.stale == set()
    assert all(scene.links[i].line() != lines[i] for i in lines)
    # Where update_links puts them from the cards themselves: the same place.
    followed = {i: scene.links[i].line() for i in lines}
    scene.update_links(moved)
    assert {i: scene.links[i].line() for i in lines} == followed
    # A link between two dragged cards is carried: drawn with them, run to them on the drop.
    both = scene.dragged_links({"tp0", "tp2"})
    assert both.carried == [scene.links["l1"]]
    assert scene.links["l1"] not in both.following()
    before = scene.links["l1"].line()
    both.follow(40, 0, QRectF(-1e6, -1e6, 2e6, 2e6))
    assert scene.links["l1"].line() == before
    assert "l1" in both.stale


def test_many_links_run_at_once_repaint_the_view_whole(scene, doc, view, qtbot, monkeypatch):
    from journeymapper.ui.canvas import scene as scene_module

    monkeypatch.setattr(scene_module, "REPAINT_WHOLE_AT", 2)  # "many": the sample's links
    qtbot.wait(20)
    regions = Repaints(view)
    link = scene.links["l1"]
    before = QRectF(link.boundingRect())
    doc.create(Kind.STAGE, name="Inserted", index=0)  # every card moves right
    scene.flush()
    assert link.boundingRect() != before and not scene.link_layer.repaint_whole
    qtbot.waitUntil(lambda: bool(regions.rects))
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert any(r.adjusted(-2, -2, 2, 2).contains(seen) for r in regions.rects)
    area, centre = _probe(scene, link)  # and the link is drawn where it is now
    assert color_near(_render(scene, area), int(centre.x()), int(centre.y()), style.LINK)
