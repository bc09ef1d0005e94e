"""export-mermaid, import-mermaid and export-pptx: exchange with Mermaid and PowerPoint.

None of these needs a display; python-pptx is imported only when a deck is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from journeymapper.cli.common import (
    FILE_HELP,
    cancel_on_sigterm,
    day_option,
    error,
    load_or_report,
)
from journeymapper.io import atomic_write, save
from journeymapper.model import Project

MAX_TEXT_BYTES = 16 * 1024 * 1024


def register(commands: Any) -> None:
    """Add the Mermaid and PowerPoint subcommands."""
    p = commands.add_parser("export-mermaid",
                            help="write the map as a Mermaid journey diagram (stdout by default)")
    p.add_argument("file", type=Path, metavar="FILE", help=FILE_HELP)
    p.add_argument("-o", "--output", type=Path, metavar="OUT.mmd",
                   help="write to this file instead of stdout")
    p.add_argument("--persona", metavar="NAME",
                   help="only this persona's touchpoints (persona name or id)")
    p.set_defaults(func=cmd_export_mermaid)

    p = commands.add_parser("import-mermaid",
                            help="make a project file from a Mermaid journey diagram")
    p.add_argument("textfile", type=Path, metavar="TEXTFILE", help='diagram text ("-": stdin)')
    p.add_argument("-o", "--output", type=Path, metavar="OUT.json", required=True,
                   help="project file to write (an existing one is kept as OUT.json.bak)")
    p.add_argument("--title", help="project title (default: the diagram's title)")
    p.set_defaults(func=cmd_import_mermaid)

    p = commands.add_parser("export-pptx", help="write the map as a PowerPoint deck (16:9)")
    p.add_argument("file", type=Path, metavar="FILE", help=FILE_HELP)
    p.add_argument("-o", "--output", type=Path, metavar="OUT.pptx", required=True)
    p.add_argument("--persona", metavar="NAME",
                   help="highlight this persona's touchpoints (persona name or id)")
    p.add_argument("--today", type=day_option, default=None, metavar="YYYY-MM-DD",
                   help="date to judge deadlines against (default today)")
    p.set_defaults(func=cmd_export_pptx)


def _persona_id(project: Project, key: str | None) -> tuple[bool, str | None]:
    """(ok, persona id) for a persona given by id or name; prints the error when unknown."""
    if key is None:
        return True, None
    from journeymapper.export.options import ExportOptionError, find_persona

    try:
        return True, find_persona(project, key).id
    except ExportOptionError as exc:
        error(str(exc))
        return False, None


def _write_text(path: Path, text: str) -> None:
    if path.exists() and not path.is_file():
        # A pipe or device (e.g. /dev/stdout) is written in place, never replaced.
        path.write_text(text, encoding="utf-8")
    else:
        atomic_write(path, text.encode("utf-8"), backup=False)


def cmd_export_mermaid(args: argparse.Namespace) -> int:
    """Print or write the Mermaid journey text of a project."""
    from journeymapper.export.mermaid import to_mermaid

    project = load_or_report(args.file)
    if project is None:
        return 1
    ok, persona_id = _persona_id(project, args.persona)
    if not ok:
        return 1
    text = to_mermaid(project, persona_id)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with cancel_on_sigterm(args.output):
            _write_text(args.output, text)
    except OSError as exc:
        error(str(exc))
        return 1
    print(f"{args.output}: written ({text.count(chr(10))} lines)")
    return 0


def _read_text(path: Path) -> str:
    """The diagram text (UTF-8, BOM allowed); OSError/ValueError with a reason."""
    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
    else:
        if path.is_dir():
            raise ValueError("is a folder, not a text file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_TEXT_BYTES + 1)
    if len(raw) > MAX_TEXT_BYTES:
        raise ValueError(f"is larger than {MAX_TEXT_BYTES // 2**20} MB; "
                         f"a journey diagram is far smaller")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"is not UTF-8 text (byte {exc.start})") from None


def cmd_import_mermaid(args: argparse.Namespace) -> int:
    """Read a Mermaid journey diagram and save it as a new project file."""
    from journeymapper.importers.mermaid import MermaidSyntaxError, from_mermaid

    name = "stdin" if str(args.textfile) == "-" else str(args.textfile)
    try:
        text = _read_text(args.textfile)
    except FileNotFoundError:
        error(f"{name}: does not exist")
        return 1
    except OSError as exc:
        error(f"{name}: cannot be read ({exc.strerror or exc})")
        return 1
    except ValueError as exc:
        error(f"{name}: {exc}")
        return 1
    try:
        project = from_mermaid(text, title=args.title)
    except MermaidSyntaxError as exc:
        for line in str(exc).splitlines():
            error(f"{name}: {line}")
        return 1
    try:
        save(project, args.output)
    except OSError as exc:
        error(str(exc))
        return 1
    counts = ", ".join(f"{len(items)} {noun}{'' if len(items) == 1 else 's'}" for noun, items in (
        ("stage", project.stages), ("touchpoint", project.touchpoints),
        ("persona", project.personas)))
    print(f"{args.output}: created from {name} ({counts})")
    return 0


def cmd_export_pptx(args: argparse.Namespace) -> int:
    """Write a PowerPoint deck of the project."""
    from journeymapper.export.pptx import export_pptx

    project = load_or_report(args.file)
    if project is None:
        return 1
    ok, persona_id = _persona_id(project, args.persona)
    if not ok:
        return 1
    try:
        with cancel_on_sigterm(args.output):
            export_pptx(project, args.output, persona=persona_id, today=args.today)
    except OSError as exc:
        error(str(exc))
        return 1
    print(f"{args.output}: written")
    return 0
