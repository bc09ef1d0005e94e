"""The `analyze` subcommand (placeholder until its issue lands)."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """Add the subcommand (nothing yet)."""
