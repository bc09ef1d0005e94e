"""Geometry of the map: columns, rows, cells, cards relative to their cell."""

from __future__ import annotations

from journeymapper.layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    HEADER_HEIGHT,
    LANE_LABEL_WIDTH,
    PADDING,
    Rect,
    compute_layout,
    emotion_curve,
    link_line,
    relative_position,
)
from journeymapper.model import Touchpoint, new_project


def test_columns_and_rows_follow_widths_and_heights() -> None:
    project = new_project()
    project.stages[1].width = 400
    project.lanes[0].height = 300
    layout = compute_layout(project)
    assert layout.headers["awareness"] == Rect(LANE_LABEL_WIDTH, 0, 280, HEADER_HEIGHT)
    assert layout.columns["consideration"].x == LANE_LABEL_WIDTH + 280
    assert layout.columns["consideration"].w == 400
    assert layout.rows["actions"].y == HEADER_HEIGHT + 300
    assert layout.width == LANE_LABEL_WIDTH + 4 * 280 + 400
    assert layout.cell_at(LANE_LABEL_WIDTH + 290, HEADER_HEIGHT + 310) == (
        "consideration", "actions")
    assert layout.cell_at(10, 10) is None


def test_cards_are_relative_to_their_cell_and_move_with_reordering() -> None:
    project = new_project()
    project.touchpoints.append(Touchpoint(id="t", name="Shop", stage_id="purchase",
                                          lane_id="touchpoints", x=20, y=30))
    before = compute_layout(project).cards["t"]
    assert before == Rect(LANE_LABEL_WIDTH + 2 * 280 + 20, HEADER_HEIGHT + 30,
                          CARD_WIDTH, CARD_HEIGHT)
    project.stages.insert(0, project.stages.pop(2))
    after = compute_layout(project).cards["t"]
    assert after.x == LANE_LABEL_WIDTH + 20 and after.y == before.y


def test_cells_grow_to_hold_their_cards() -> None:
    project = new_project()
    project.touchpoints.append(Touchpoint(id="t", name="Far", stage_id="awareness",
                                          lane_id="touchpoints", x=500, y=400))
    layout = compute_layout(project)
    assert layout.columns["awareness"].w == 500 + CARD_WIDTH + PADDING
    assert layout.rows["touchpoints"].h == 400 + CARD_HEIGHT + PADDING
    assert layout.cards["t"].right <= layout.columns["awareness"].right


def test_relative_position_never_negative() -> None:
    layout = compute_layout(new_project())
    cell = layout.cells[("loyalty", "backstage")]
    assert relative_position(layout, ("loyalty", "backstage"), cell.x + 5, cell.y + 7) == (5, 7)
    assert relative_position(layout, ("loyalty", "backstage"), cell.x - 50, cell.y) == (0, 0)


def test_link_line_ends_on_card_borders() -> None:
    a, b = Rect(0, 0, 100, 50), Rect(300, 0, 100, 50)
    assert link_line(a, b) == ((100, 25), (300, 25))


def test_emotion_curve_means_per_stage() -> None:
    project = new_project()
    project.touchpoints += [
        Touchpoint(id="a", name="A", stage_id="awareness", lane_id="touchpoints", emotion=2),
        Touchpoint(id="b", name="B", stage_id="awareness", lane_id="touchpoints", emotion=0),
        Touchpoint(id="c", name="C", stage_id="loyalty", lane_id="touchpoints", emotion=-2),
    ]
    layout = compute_layout(project)
    points = emotion_curve(project, layout)
    row = layout.rows["emotions"]
    assert [p[0] for p in points] == [layout.columns["awareness"].center[0],
                                      layout.columns["loyalty"].center[0]]
    assert row.y < points[0][1] < row.center[1] < points[1][1] < row.bottom


def test_segment_meets_rect() -> None:
    from journeymapper.layout import segment_meets

    box = Rect(10, 10, 20, 20)
    assert segment_meets(box, (0, 0), (40, 40))  # diagonal through
    assert segment_meets(box, (15, 15), (16, 16))  # inside
    assert not segment_meets(box, (0, 0), (40, 0))  # passes above
    assert not segment_meets(box, (0, 35), (35, 50))  # misses the corner
