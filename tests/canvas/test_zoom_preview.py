"""Zoom steps show the last sharp frame scaled; the map is drawn again once the zoom rests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF

from journeymapper.document import Kind
from journeymapper.ui.canvas.zoom_preview import SETTLE_MS
from tests.canvas.helpers import click, vp


class _Paints(QObject):
    count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_zoom_step_paints_the_scaled_picture_then_the_map(view, qtbot):
    view.set_zoom(1.25)
    assert view.zoom_preview.active()
    paints = _Paints()
    view.viewport().installEventFilter(paints)
    view.viewport().repaint()
    assert paints.count == 1 and view.zoom_preview.active()
    # Further steps keep the first picture and wait for the zoom to rest again.
    view.set_zoom(1.5)
    assert view.zoom_preview.active()
    qtbot.waitUntil(lambda: not view.zoom_preview.active(), timeout=SETTLE_MS * 20)
    # Once it rests, the map itself is drawn again (a paint with no picture to show).
    qtbot.waitUntil(lambda: paints.count >= 2, timeout=SETTLE_MS * 20)
    view.viewport().removeEventFilter(paints)


def test_the_preview_puts_the_map_where_the_sharp_frame_will(view, qtbot):
    card = view.map_scene.cards["tp0"]
    view.set_zoom(1.5)
    preview = view.viewport().grab().toImage()
    assert view.zoom_preview.active()
    view.zoom_preview.end()
    sharp = view.viewport().grab().toImage()
    # The card's paper and the canvas beside it are where the sharp frame draws them.
    inside = view.mapFromScene(card.mapToScene(card.body().center() + QPointF(0, 30)))
    beside = view.mapFromScene(card.mapToScene(card.body().bottomLeft() + QPointF(-30, 20)))
    for point in (inside, beside):
        assert preview.pixelColor(point) == sharp.pixelColor(point), point
    assert preview.pixelColor(inside) != preview.pixelColor(beside)


def test_a_click_ends_the_preview_at_once(view, qtbot):
    view.set_zoom(1.25)
    assert view.zoom_preview.active()
    click(view, vp(view, 5, 5))
    assert not view.zoom_preview.active()


def test_an_edit_ends_the_preview(view, doc):
    view.set_zoom(1.25)
    assert view.zoom_preview.active()
    doc.edit(Kind.TOUCHPOINT, "tp0", name="Renamed while zooming")
    assert not view.zoom_preview.active()


def test_zooming_far_out_previews_too_then_shows_the_overview(view, qtbot, monkeypatch):
    monkeypatch.setattr("journeymapper.ui.canvas.overview.MIN_CARDS", 1)  # a large map
    view.set_zoom(0.1)
    assert view.zoom_preview.active()
    qtbot.waitUntil(lambda: not view.zoom_preview.active(), timeout=SETTLE_MS * 20)
    view.viewport().repaint()
    assert view.overview._tiles  # the overview's pictures, kept current from the scene
    view.set_zoom(1.0)
    view.zoom_preview.end()
    view.viewport().repaint()
    assert not view.overview._tiles  # near the map: items drawn, the pictures dropped


def test_a_hidden_view_takes_no_picture(scene, qtbot):
    from journeymapper.ui.canvas import MapView

    hidden = MapView(scene)
    qtbot.addWidget(hidden)
    hidden.set_zoom(1.25)
    assert hidden.zoom() == 1.25 and not hidden.zoom_preview.active()
