"""Placeholder feature module until its work lands."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Add this feature to the window (nothing yet)."""
