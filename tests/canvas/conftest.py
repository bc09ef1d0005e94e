"""A bare document with its scene and a shown view at 100% zoom."""

from __future__ import annotations

import datetime as dt

import pytest

from journeymapper.document import Document
from journeymapper.ui.canvas import MapScene, MapView
from tests.canvas.helpers import sample_project


@pytest.fixture
def doc(qtbot):
    return Document(sample_project())


@pytest.fixture
def scene(doc):
    scene = MapScene(doc, today=dt.date(2024, 6, 1))
    yield scene
    scene.clear()


@pytest.fixture
def view(qtbot, scene):
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(1600, 1100)
    view.show()
    qtbot.waitExposed(view)
    view.reset_zoom()
    view.centerOn(view.sceneRect().left(), view.sceneRect().top())
    view.ensureVisible(0, 0, 10, 10, 0, 0)
    view.setFocus()
    return view
