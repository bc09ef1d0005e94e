"""The `export` subcommand: a project file to a PDF, without a display.

reportlab is imported only when the command runs, so other commands start fast. The app runs
this command in a child process for its PDFs (``ui/dialogs/process_job.py``): the project on
stdin (``-``), ``--progress`` lines on stdout, SIGTERM to cancel.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from journeymapper.cli.common import (
    FILE_HELP,
    cancel_on_sigterm,
    day_option,
    error,
    load_project,
    source_name,
)
from journeymapper.export.options import PAGE_SIZES, SECTIONS
from journeymapper.export.progress_lines import WORD, progress_line

EXIT_BAD_FILE = 1
EXIT_BAD_OPTION = 2


def register(commands: Any) -> None:
    """Add ``journeymapper export FILE -o OUT.pdf``."""
    p = commands.add_parser(
        "export", help="write a project as a PDF (map, personas, register, budget...)",
        description="Write a project file as a PDF: the map (split over several pages when it "
                    "is too big to read on one), personas, touchpoint register, budget, "
                    "importance-performance matrix and deadline timeline.")
    p.add_argument("file", type=Path, metavar="FILE", help=FILE_HELP)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf",
                   help="PDF file to write (replaced atomically)")
    p.add_argument("--page", default="A4", type=_page, metavar="|".join(PAGE_SIZES),
                   help="paper size, printed landscape (default A4)")
    p.add_argument("--persona", metavar="NAME",
                   help="highlight this persona's touchpoints on the map (name or id)")
    p.add_argument("--sections", default=",".join(SECTIONS), metavar="LIST",
                   help="comma-separated sections to include (default: all): "
                        + ",".join(SECTIONS))
    p.add_argument("--today", type=day_option, default=None, metavar="YYYY-MM-DD",
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


def cmd_export(args: argparse.Namespace) -> int:
    """Load, check the options, render and write; 1 for a bad file, 2 for a bad option."""
    from journeymapper.export import ExportOptionError, export_pdf
    from journeymapper.export.pdf.fonts import FontMissingError
    from journeymapper.io import ProjectFileError, SaveError

    try:
        project = load_project(args.file)
    except ProjectFileError as exc:
        error(str(exc))
        return EXIT_BAD_FILE
    try:
        with cancel_on_sigterm(args.output):
            export_pdf(project, args.output, page=args.page, persona=args.persona,
                       sections=args.sections, today=args.today,
                       progress=_print_progress if args.progress else None)
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
    print(f"{args.output}: written from {source_name(args.file)}")
    return 0


def _print_progress(done: int, total: int) -> None:
    print(progress_line(done, total), flush=True)
