"""What every subcommand needs: errors on stderr, loading a project (from a file or stdin)
without a traceback, and a SIGTERM that cancels a write cleanly."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from journeymapper.export.progress_lines import STDIN
from journeymapper.io import MAX_FILE_BYTES, ProjectFileError, load, parse
from journeymapper.model import Project
from journeymapper.model.dates import parse_day

EXIT_CANCELLED = 128 + signal.SIGTERM  # what a shell reports for a process SIGTERM ended
FILE_HELP = f'project file (.json; "{STDIN}": read it from stdin)'


def day_option(text: str) -> dt.date:
    """An option's ``YYYY-MM-DD`` -> date, or an argparse error that says what is expected."""
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def error(message: str) -> None:
    """Print an error for the user on stderr."""
    print(message, file=sys.stderr)


def source_name(path: Path) -> str:
    """How messages name a project argument: its path, or "stdin" for ``-``."""
    return "stdin" if str(path) == STDIN else str(path)


def load_project(path: Path) -> Project:
    """The project in ``path``, or on stdin for ``-`` (how the app hands a map to the
    export it runs in a child process); ProjectFileError says what is wrong."""
    if str(path) != STDIN:
        return load(path)
    # At most one byte too many, so that parse() can say the input is too big.
    return parse(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), source_name(path))


def load_or_report(path: Path) -> Project | None:
    """The project in ``path`` (``-``: stdin), or None after printing why it cannot be
    read."""
    try:
        return load_project(path)
    except ProjectFileError as exc:
        error(str(exc))
        return None


class Cancelled(BaseException):
    """SIGTERM arrived while ``output`` was made; a BaseException, so that no ``except
    Exception`` of an exporter swallows it, and the atomic write's ``finally`` still removes
    its temporary file. ``main()`` reports it and exits with EXIT_CANCELLED."""

    def __init__(self, output: Path) -> None:
        super().__init__(f"{output}: not written (the export was cancelled)")


@contextmanager
def cancel_on_sigterm(output: Path) -> Iterator[None]:
    """Turn SIGTERM into ``Cancelled`` while ``output`` is made and written (Python's default
    would end the process at once, leaving a temporary file beside it). The app cancels the
    exports it runs in child processes this way."""
    def cancel(_signum: int, _frame: FrameType | None) -> None:
        raise Cancelled(output)

    try:
        before = signal.signal(signal.SIGTERM, cancel)
    except ValueError:  # not the main thread (a test calling main() from a worker)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
