"""Fixtures of the panel tests: a small map in a bare document, and a selection."""

from __future__ import annotations

import pytest

from journeymapper.document import Document
from journeymapper.ui.selection import Selection
from tests.panels.helpers import small_project


@pytest.fixture
def doc(qapp):
    """A document over the small project (no file)."""
    document = Document(small_project())
    yield document
    document.undo_stack.clear()


@pytest.fixture
def selection(doc):
    """The shared selection of the document."""
    return Selection(doc)

