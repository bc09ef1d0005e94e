"""The grid finds what is near an area, and follows items as they move."""

from __future__ import annotations

from journeymapper.grid import CELL, Grid


def test_items_are_found_where_their_boxes_reach():
    grid: Grid[str] = Grid()
    grid.place("short", (10, 10, 200, 50))
    grid.place("long", (100, 0, 160, 20 * CELL))  # down many cells
    assert grid.near(0, 0, 300, 300) == {"short", "long"}
    assert grid.near(0, 10 * CELL, 300, 10 * CELL + 100) == {"long"}
    assert grid.near(5 * CELL, 5 * CELL, 5 * CELL + 10, 5 * CELL + 10) == set()
    assert len(grid) == 2


def test_moving_and_removing_refile_the_item():
    grid: Grid[str] = Grid()
    grid.place("a", (0, 0, 10, 10))
    grid.place("a", (3 * CELL, 3 * CELL, 3 * CELL + 10, 3 * CELL + 10))
    assert grid.near(0, 0, 10, 10) == set()
    assert grid.near(3 * CELL, 3 * CELL, 3 * CELL + 1, 3 * CELL + 1) == {"a"}
    grid.place("a", None)
    assert grid.near(3 * CELL, 3 * CELL, 3 * CELL + 1, 3 * CELL + 1) == set()
    assert len(grid) == 0
    grid.place("b", (-CELL - 5, -5, -CELL, 0))  # left of the map's origin too
    assert grid.near(-2 * CELL, -10, -CELL + 1, 1) == {"b"}
    grid.clear()
    assert len(grid) == 0 and grid.near(-2 * CELL, -10, 0, 0) == set()
