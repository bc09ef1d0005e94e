"""Fixtures of the living-map tests: main windows as the app tests build them."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _settings(temporary_settings):
    """Every test here keeps the user's QSettings untouched."""
    return temporary_settings


@pytest.fixture
def window(make_window):
    return make_window()
