"""Fixtures of the living-map tests: main windows as the app tests build them."""

from __future__ import annotations

from tests.app.conftest import make_window, temporary_settings, window

__all__ = ["make_window", "temporary_settings", "window"]
