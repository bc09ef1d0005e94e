"""The `export` subcommand: a project file to a PDF, without a display.

reportlab is imported only when the command runs, so other commands start fast. The app runs
this command in a child process for its PDFs (``ui/dialogs/process_job.py``): the project on
stdin (``-``), ``--progress`` lines on stdout, SIGTERM to cancel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from journeymapper.export.options import PAGE_SIZES, SECTIONS
from journeymapper.export.progress_lines import STDIN, WORD, progress_line

EXIT_BAD_FILE = 1
EXIT_BAD_OPTION = 2
EXIT_CANCELLED = 128 + signal.SIGTERM  # what a shell reports for a process SIGTERM ended


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(commands: Any) -> None:
    """Add ``journeymapper export FILE -o OUT.pdf``."""
    p = commands.add_parser(
        "export", help="write a project as a PDF (map, personas, register, budget...)",
        description="Write a project file as a PDF: the map (split over several pages when it "
                    "is too big to read on one), personas, touchpoint register, budget, "
                    "importance-performance matrix and deadline timeline.")
    p.add_argument("file", type=Path, metavar="FILE",
                   help=f'project file (.json; "{STDIN}": read it from stdin)')
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf",
                   help="PDF file to write (replaced atomically)")
    p.add_argument("--page", default="A4", type=_page, metavar="|".join(PAGE_SIZES),
                   help="paper size, printed landscape (default A4)")
    p.add_argument("--persona", metavar="NAME",
                   help="highlight this persona's touchpoints on the map (name or id)")
    p.add_argument("--sections", default=",".join(SECTIONS), metavar="LIST",
                   help="comma-separated sections to include (default: all): "
                        + ",".join(SECTIONS))
    p.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="date deadlines are judged against (default: today)")
    p.add_argument("--progress", action="store_true",
                   help=f'print "{WORD} DONE TOTAL" lines on stdout as sections are drawn')
    p.set_defaults(func=cmd_export)


def _page(text: str) -> str:
    for name in PAGE_SIZES:
        if name.lower() == text.strip().lower():
            return name
    raise argparse.ArgumentTypeError(
        f"unknown page size {text!r}; choose one of: {', '.join(PAGE_SIZES)}")


def error(message: str) -> None:
    """Print an error for the user on stderr."""
    print(message, file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    """Load, check the options, render and write; 1 for a bad file, 2 for a bad option."""
    from journeymapper.export import ExportOptionError, export_pdf
    from journeymapper.export.pdf.fonts import FontMissingError
    from journeymapper.io import MAX_FILE_BYTES, ProjectFileError, SaveError, load, parse

    source = "stdin" if str(args.file) == STDIN else str(args.file)
    try:
        # At most one byte too many, so that parse() can say the input is too big.
        project = (parse(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), source)
                   if source == "stdin" else load(args.file))
    except ProjectFileError as exc:
        error(str(exc))
        return EXIT_BAD_FILE
    try:
        with _cancel_on_sigterm():
            export_pdf(project, args.output, page=args.page, persona=args.persona,
                       sections=args.sections, today=args.today,
                       progress=_print_progress if args.progress else None)
    except _Cancelled:
        error(f"{args.output}: not written (the export was cancelled)")
        return EXIT_CANCELLED
    except ExportOptionError as exc:
        error(f"journeymapper export: {exc}")
        return EXIT_BAD_OPTION
    except FontMissingError as exc:
        error(str(exc))
        return EXIT_BAD_FILE
    except SaveError as exc:
        error(str(exc))  # names the file and says the old one is unchanged
        return EXIT_BAD_FILE
    except OSError as exc:
        error(f"{args.output}: cannot be written ({exc.strerror or exc})")
        return EXIT_BAD_FILE
    print(f"{args.output}: written from {source}")
    return 0


def _print_progress(done: int, total: int) -> None:
    print(progress_line(done, total), flush=True)


class _Cancelled(BaseException):
    """SIGTERM arrived; a BaseException, so that no ``except Exception`` of the export
    swallows it, and the atomic write's ``finally`` still removes its temporary file."""


@contextmanager
def _cancel_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into ``_Cancelled`` while the PDF is drawn and written (Python's default
    would end the process at once, leaving a temporary file beside the PDF)."""
    def cancel(_signum: int, _frame: FrameType | None) -> None:
        raise _Cancelled

    try:
        before = signal.signal(signal.SIGTERM, cancel)
    except ValueError:  # not the main thread (a test calling main() from a worker)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
