"""Link captions on the canvas: placed as the PDF export places them, kept so through edits
and drags, drawn between the links and the cards, placed over several turns on a big map."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter

from journeymapper.bench.synthetic import synthetic_project
from journeymapper.captions import caption_of, place_all
from journeymapper.document import Document, Kind
from journeymapper.export.pdf.fonts import register_fonts
from journeymapper.export.pdf.links import link_shapes
from journeymapper.layout import Rect, compute_layout
from journeymapper.ui.canvas import MapScene, style
from journeymapper.ui.canvas.items.caption_layer import caption_font_placer
from tests.canvas.helpers import Repaints, captions_placed, send_mouse, vp


def canvas_places(scene: MapScene) -> dict[str, object]:
    """Where the canvas shows each caption, once it has placed them all."""
    captions_placed(scene)
    board = scene.link_layer.captions.board
    return {link_id: board.place_of(link) for link_id, link in scene.links.items()}


def fresh_places(scene: MapScene) -> dict[str, object]:
    """Every caption of the scene's project placed afresh, as a newly opened map would."""
    project, layout = scene.document.project, scene.map_layout()
    runs = []
    for link in project.links:
        item = scene.links[link.id]
        line = item.line()
        runs.append((link.id, *caption_of(link), (line.x1(), line.y1()), (line.x2(), line.y2())))
    board = place_all(caption_font_placer(), layout.cards, runs)
    return {link.id: board.place_of(link.id) for link in project.links}


def test_the_canvas_places_captions_where_the_pdf_export_does(bakery):
    register_fonts()
    project = bakery.document.project
    shapes = link_shapes(project, compute_layout(project), {}, None)
    printed = {link.id: shape for link, shape in zip(project.links, shapes, strict=True)}
    shown = canvas_places(bakery)
    assert sum(place is not None and bool(place.lines) for place in shown.values()) == sum(
        bool(shape.caption) for shape in printed.values()) > 5
    for link_id, place in shown.items():
        shape = printed[link_id]
        if place is None or not place.lines:
            assert not shape.caption
            continue
        assert place.lines == shape.caption and place.over == shape.caption_over, link_id
        box, paper = place.box, shape.caption_box
        assert (box.x, box.y, box.w, box.h) == pytest.approx(
            (paper.x, paper.y, paper.w, paper.h), abs=1.5), link_id


def test_after_edits_and_undo_the_canvas_shows_what_a_fresh_placement_would(bakery):
    doc = bakery.document
    before = canvas_places(bakery)
    assert before == fresh_places(bakery)
    moved = doc.project.links[0].target_id  # the card at the end of a captioned link
    tp = doc.get(Kind.TOUCHPOINT, moved)
    doc.edit(Kind.TOUCHPOINT, moved, x=tp.x + 40, y=tp.y + 25)
    bakery.flush()
    after = canvas_places(bakery)
    assert after == fresh_places(bakery)
    assert after != before
    doc.edit(Kind.LINK, doc.project.links[1].id, label="a label long enough to wrap twice")
    bakery.flush()
    assert canvas_places(bakery) == fresh_places(bakery)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    bakery.flush()
    assert canvas_places(bakery) == before


def _render(scene: MapScene, area: QRectF) -> QImage:
    image = QImage(int(area.width()), int(area.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), area)
    painter.end()
    return image


def _inked(image: QImage) -> int:
    ink = style.INK
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if abs(QColor(image.pixel(x, y)).red() - ink.red()) < 40
               and abs(QColor(image.pixel(x, y)).blue() - ink.blue()) < 40
               and QColor(image.pixel(x, y)).lightness() < 90)


def test_captions_lie_over_the_links_and_under_the_cards_unless_there_is_no_room(bakery):
    layer = bakery.link_layer.captions
    card_z = next(iter(bakery.cards.values())).zValue()
    assert bakery.link_layer.zValue() < layer.zValue() < card_z < layer.over.zValue()
    cards = list(bakery.map_layout().cards.values())
    whole = bakery.sceneRect()
    free = [(link, place) for link, place in layer.board.near(
                Rect(whole.x(), whole.y(), whole.width(), whole.height()))
            if not any(place.box.intersects(card) for card in cards)]
    assert free
    link, place = free[0]
    area = QRectF(place.box.x, place.box.y, place.box.w, place.box.h)
    assert _inked(_render(bakery, area)) > 10  # the caption's text
    link.setVisible(False)
    assert _inked(_render(bakery, area)) < 3


def test_a_dragged_cards_caption_follows_it_then_finds_its_place_on_the_drop(bakery,
                                                                              bakery_view):
    view = bakery_view
    doc = bakery.document
    link = next(item for item in bakery.links.values()
                if bakery.link_layer.captions.board.place_of(item) is not None)
    tp_id = link.target_id
    view.centerOn(*bakery.map_layout().cards[tp_id].center)
    before = link.caption_place()
    assert before is not None
    start = vp(view, *bakery.map_layout().cards[tp_id].center)
    send_mouse(view, QMouseEvent.Type.MouseButtonPress, start)
    for step in (1, 2, 3):
        send_mouse(view, QMouseEvent.Type.MouseMove, start + QPoint(30, 60) * (step / 3),
                   Qt.MouseButton.NoButton)
    during = link.caption_place()
    assert during is not None and during.box != before.box
    assert link in bakery.link_layer.captions.previewing
    send_mouse(view, QMouseEvent.Type.MouseButtonRelease, start + QPoint(30, 60),
               Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
    bakery.flush()
    assert link not in bakery.link_layer.captions.previewing
    assert doc.undo_stack.count() == 1
    assert canvas_places(bakery) == fresh_places(bakery)
    assert link.caption_place() == bakery.link_layer.captions.board.place_of(link)


def test_a_big_map_places_its_captions_over_several_turns_then_as_afresh(qtbot):
    scene = MapScene(Document(synthetic_project(1500)), today=dt.date(2026, 12, 2))
    board = scene.link_layer.captions.board
    try:
        assert board.waiting() > 0  # the map is shown before every caption is placed
        qtbot.waitUntil(lambda: board.waiting() == 0, timeout=20_000)
        assert canvas_places(scene) == fresh_places(scene)
    finally:
        scene.clear()


def test_a_picture_of_the_map_waits_for_every_caption(qtbot):
    scene = MapScene(Document(synthetic_project(1500)), today=dt.date(2026, 12, 2))
    try:
        assert scene.link_layer.captions.board.waiting() > 0
        scene.settle()
        assert scene.link_layer.captions.board.waiting() == 0
    finally:
        scene.clear()


def _covers(repaints: Repaints, box: Rect) -> bool:
    """True when the repainted regions hold every corner of ``box``."""
    corners = [QPointF(x, y) for x in (box.x + 1, box.right - 1)
               for y in (box.y + 1, box.bottom - 1)]
    return all(any(rect.contains(corner) for rect in repaints.rects) for corner in corners)


def test_selecting_or_fading_a_link_repaints_its_caption(bakery, bakery_view, qtbot):
    view = bakery_view
    def beyond_its_line(item) -> bool:  # repainting the line would not repaint it all
        place = item.caption_place()
        return place is not None and not item.boundingRect().contains(
            QRectF(place.box.x, place.box.y, place.box.w, place.box.h))

    link = next(item for item in bakery.links.values() if beyond_its_line(item))
    box = link.caption_place().box
    view.centerOn(*box.center)
    qtbot.wait(20)
    for change in (lambda: bakery.select([(Kind.LINK, link.item_id)]),
                   lambda: link.set_dimmed(True)):
        repaints = Repaints(view)
        change()
        qtbot.waitUntil(lambda repaints=repaints: _covers(repaints, box), timeout=2000)
        repaints.close()
