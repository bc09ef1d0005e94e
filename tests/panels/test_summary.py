"""The summary dock: budget roll-ups, deadlines, gaps, and the importance-performance matrix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from journeymapper.document import Kind
from journeymapper.model import Quadrant, quadrant
from journeymapper.ui.panels.matrix import DOT_RADIUS
from journeymapper.ui.panels.summary import SummaryPanel
from tests.panels.helpers import TODAY


@pytest.fixture
def summary(qtbot, doc, selection):
    panel = SummaryPanel(doc, selection, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(380, 900)
    panel.show()
    return panel


def test_budget_by_stage_channel_and_owner(summary, doc):
    bars = {b.label: (b.budget, b.spent) for b in summary.chart.bars()}
    assert bars["Awareness"] == (Decimal("1350.00"), Decimal("1460.00"))
    assert bars["Consideration"] == (Decimal(0), Decimal(0))  # every stage is shown
    summary.grouping.setCurrentIndex(1)
    assert [b.label for b in summary.chart.bars()] == ["Website", "Social media", "Store",
                                                        "Print"]
    summary.grouping.setCurrentIndex(2)
    bars = {b.label: b.budget for b in summary.chart.bars()}
    assert bars == {"Ana": Decimal("3400.00"), "Tom": Decimal("1200.00"),
                    "(no owner)": Decimal("150.00")}
    assert sum(bars.values()) == sum(tp.budget for tp in doc.project.touchpoints)
    summary.chart.grab()


def test_deadlines_overdue_and_unplanned_lists(qtbot, summary, doc):
    assert summary.overdue.ids() == ["tp-reels"]
    assert summary.upcoming.ids() == ["tp-site"]
    assert summary.unplanned.ids() == ["tp-flyer"]
    assert summary.unplanned.topLevelItem(0).text(1) == "no owner, no deadline"
    doc.edit(Kind.TOUCHPOINT, "tp-flyer", owner="Lea", deadline=TODAY)
    qtbot.waitUntil(lambda: summary.unplanned.ids() == [])  # once per burst of changes
    assert summary.upcoming.ids() == ["tp-flyer", "tp-site"]


def test_clicking_a_list_row_selects_the_touchpoint(summary, selection):
    item = summary.overdue.topLevelItem(0)
    item.setSelected(True)
    summary.overdue.itemClicked.emit(item, 0)
    assert selection.items() == [(Kind.TOUCHPOINT, "tp-reels")]


def test_matrix_places_each_touchpoint_in_its_quadrant(summary, doc):
    points = {p.touchpoint_id: p for p in summary.matrix.points()}
    assert set(points) == {tp.id for tp in doc.project.touchpoints}
    rect = summary.matrix.plot_rect()
    for tp in doc.project.touchpoints:
        expected = quadrant(doc.project.importance(tp), tp)
        assert points[tp.id].quadrant is expected
        centre = summary.matrix.position(tp.id)
        right = centre.x() > rect.center().x()
        top = centre.y() < rect.center().y()
        drawn = {(True, False): Quadrant.KEEP_UP, (False, False): Quadrant.CONCENTRATE,
                 (False, True): Quadrant.LOW_PRIORITY, (True, True): Quadrant.OVERKILL}
        assert drawn[(right, not top)] is expected, tp.id
    assert points["tp-site"].quadrant is Quadrant.CONCENTRATE
    assert points["tp-flyer"].quadrant is Quadrant.OVERKILL


def test_clicking_a_dot_selects_its_touchpoint(qtbot, summary, selection):
    matrix = summary.matrix
    for item_id in ("tp-site", "tp-loyalty"):
        with qtbot.waitSignal(selection.changed):
            qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton,
                             pos=matrix.position(item_id).toPoint())
        assert selection.items() == [(Kind.TOUCHPOINT, item_id)]
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=matrix.position("tp-site").toPoint())
    assert selection.ids(Kind.TOUCHPOINT) == ["tp-loyalty", "tp-site"]
    matrix.grab()


def test_the_matrix_follows_score_changes(qtbot, summary, doc):
    doc.edit(Kind.TOUCHPOINT, "tp-flyer", scores={"reach": 5, "influence": 5, "frequency": 5})
    qtbot.waitUntil(lambda: {p.touchpoint_id: p.quadrant for p in summary.matrix.points()}[
        "tp-flyer"] is Quadrant.KEEP_UP)


def test_selecting_rings_the_dot_over_the_matrix_drawn_before(qtbot, summary, selection,
                                                              monkeypatch):
    matrix = summary.matrix
    matrix.grab()  # the matrix as first shown
    drawn = []
    paint_matrix = type(matrix)._paint_matrix
    monkeypatch.setattr(type(matrix), "_paint_matrix",
                        lambda self, painter: (drawn.append(1), paint_matrix(self, painter)))
    centre = matrix.position("tp-site")
    on_ring = (centre + QPointF(DOT_RADIUS + 1.5, 0)).toPoint()

    def lightness() -> int:
        return QColor(matrix.grab().toImage().pixel(on_ring)).lightness()

    assert lightness() > 100  # beside the dot: the quadrant's light background
    selection.set_items([(Kind.TOUCHPOINT, "tp-site")])
    assert lightness() < 60  # the dark ring of a selected dot
    assert drawn == []  # a selection change paints over the picture it had
    doc_points = matrix.points()
    matrix.set_points(doc_points, {p.touchpoint_id: "#ff0000" for p in doc_points})
    image = matrix.grab().toImage()
    assert QColor(image.pixel(centre.toPoint())).name() == "#ff0000"  # new colours drawn
    assert drawn == [1]
    matrix.resize(matrix.width() + 40, matrix.height())
    matrix.grab()
    assert drawn == [1, 1]


def test_an_edit_that_moves_no_dot_keeps_the_matrix_picture(qtbot, summary, doc,
                                                             monkeypatch):
    matrix = summary.matrix
    matrix.grab()
    drawn = []
    paint_matrix = type(matrix)._paint_matrix
    monkeypatch.setattr(type(matrix), "_paint_matrix",
                        lambda self, painter: (drawn.append(1), paint_matrix(self, painter)))
    doc.edit(Kind.TOUCHPOINT, "tp-flyer", name="Leaflet")
    summary.refresh()
    matrix.grab()
    assert drawn == []  # the same dots: the picture stands...
    assert "Leaflet" in {p.name for p in matrix.points()}  # ... and the tooltip has the name
    doc.edit(Kind.TOUCHPOINT, "tp-flyer", scores={"reach": 5, "influence": 5, "frequency": 5})
    summary.refresh()
    matrix.grab()
    assert drawn == [1]  # a dot moved
