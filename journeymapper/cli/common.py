"""What every subcommand needs: errors on stderr and loading a project without a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from journeymapper.io import ProjectFileError, load
from journeymapper.model import Project


def error(message: str) -> None:
    """Print an error for the user on stderr."""
    print(message, file=sys.stderr)


def load_or_report(path: Path) -> Project | None:
    """The project in ``path``, or None after printing why it cannot be read."""
    try:
        return load(path)
    except ProjectFileError as exc:
        error(str(exc))
        return None
