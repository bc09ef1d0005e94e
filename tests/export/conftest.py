"""Fixtures of the PDF export tests (helpers live in tests/export/pdf_tools.py)."""

from __future__ import annotations

import pytest

from journeymapper.layout import CARD_WIDTH, PADDING
from journeymapper.model import Project, new_project
from tests.export.pdf_tools import add_touchpoints, bakery


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_examples: fails until examples/*.json exist (the lead adds them)")


@pytest.fixture
def bakery_project() -> Project:
    """The small bakery project."""
    return bakery()


@pytest.fixture(scope="session")
def big_project() -> Project:
    """300 touchpoints: far too many for one legible page."""
    project = new_project("Three hundred touchpoints")
    for stage in project.stages:
        stage.width = PADDING + 2 * (CARD_WIDTH + PADDING)
    add_touchpoints(project, 300)
    return Project.model_validate(project.model_dump())
