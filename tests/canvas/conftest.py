"""A bare document with its scene and a shown view at 100% zoom; the bakery example too."""

from __future__ import annotations

import datetime as dt

import pytest

from journeymapper import io
from journeymapper.document import Document
from journeymapper.paths import EXAMPLES
from journeymapper.ui.canvas import MapScene, MapView
from tests.canvas.helpers import captions_placed, sample_project


@pytest.fixture
def doc(qtbot):
    return Document(sample_project())


@pytest.fixture
def scene(doc):
    scene = MapScene(doc, today=dt.date(2024, 6, 1))
    yield scene
    scene.clear()


def shown_view(qtbot, scene: MapScene, width: int, height: int) -> MapView:
    """A view of ``scene`` on screen at 100%."""
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.reset_zoom()
    return view


@pytest.fixture
def view(qtbot, scene):
    view = shown_view(qtbot, scene, 1600, 1100)
    view.centerOn(view.sceneRect().left(), view.sceneRect().top())
    view.ensureVisible(0, 0, 10, 10, 0, 0)
    view.setFocus()
    return view


@pytest.fixture
def bakery(qtbot):
    """The bakery example's scene (its links have captions of every kind)."""
    scene = MapScene(Document(io.load(EXAMPLES / "bakery.json")), today=dt.date(2026, 12, 2))
    captions_placed(scene)
    yield scene
    scene.clear()


@pytest.fixture
def bakery_view(bakery, qtbot):
    """A shown view of the bakery at 100%."""
    return shown_view(qtbot, bakery, 1600, 1000)
