"""Docks bound to the document: inspector, register, personas, scoring, summary, settings."""

from __future__ import annotations

from typing import Any


def install_panels(window: Any) -> None:
    """Create the panel docks of a main window (placeholder until the panels land)."""
