"""Data exchange subcommands (placeholder until its issue lands)."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """Add the subcommands (nothing yet)."""
