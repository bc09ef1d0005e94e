"""validate, new, info and schema: project file commands that need no display."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from journeymapper.cli.common import day_option, error
from journeymapper.io import ProjectFileError, atomic_write, load, save, schema_text
from journeymapper.model import Project, new_project
from journeymapper.paths import template_files


def register(commands: Any) -> None:
    """Add the project file subcommands."""
    p = commands.add_parser("validate", help="check project files; exit 1 on any error")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = commands.add_parser("new", help="create a project file from a template")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--template", default="blank",
                   help="blank (default) or one of: " + ", ".join(template_files()))
    p.add_argument("--title", help="project title (default: from the file name)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = commands.add_parser("info", help="counts, budget total and overdue touchpoints")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--today", type=day_option, default=None, metavar="YYYY-MM-DD",
                   help="date to judge deadlines against (default today)")
    p.set_defaults(func=cmd_info)

    p = commands.add_parser("schema", help="print the JSON Schema of project files")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead")
    p.set_defaults(func=cmd_schema)


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate each file; report every problem."""
    failed = 0
    for path in args.files:
        try:
            project = load(path)
        except ProjectFileError as exc:
            failed += 1
            error(str(exc))
        else:
            print(f"{path}: ok ({len(project.touchpoints)} touchpoints)")
    return 1 if failed else 0


def project_from_template(name: str, title: str) -> Project:
    """A new project from a bundled template ("blank" is the default project)."""
    if name == "blank":
        return new_project(title)
    files = template_files()
    if name not in files:
        raise KeyError(name)
    project = load(files[name])
    project.title = title
    return project


def cmd_new(args: argparse.Namespace) -> int:
    """Create a new project file."""
    if args.file.exists() and not args.force:
        error(f"{args.file}: already exists (use --force to overwrite)")
        return 1
    title = args.title or args.file.stem.replace("-", " ").replace("_", " ").strip().title()
    try:
        project = project_from_template(args.template, title or "Untitled journey")
        save(project, args.file, backup=args.force)
    except KeyError:
        error(f"unknown template {args.template!r}; choose blank or one of: "
              + ", ".join(template_files()))
        return 1
    except ProjectFileError as exc:
        error(str(exc))
        return 1
    except OSError as exc:
        error(f"{args.file}: cannot be written ({exc.strerror or exc})")
        return 1
    print(f"{args.file}: created from template {args.template}")
    return 0


def money(value: Decimal, currency: str) -> str:
    """``1234.5`` -> ``1,234.50 EUR``."""
    return f"{value:,.2f} {currency}"


def cmd_info(args: argparse.Namespace) -> int:
    """Print counts, money totals and overdue touchpoints."""
    try:
        project = load(args.file)
    except ProjectFileError as exc:
        error(str(exc))
        return 1
    today = args.today or dt.date.today()
    currency = project.business.currency
    budget = sum((t.budget for t in project.touchpoints), Decimal(0))
    spent = sum((t.spent for t in project.touchpoints), Decimal(0))
    overdue = [t for t in project.touchpoints if t.is_overdue(today)]
    print(f"{project.title}  ({args.file})")
    for label, items in (("stages", project.stages), ("lanes", project.lanes),
                         ("personas", project.personas), ("touchpoints", project.touchpoints),
                         ("links", project.links), ("notes", project.notes)):
        print(f"  {label:<12} {len(items)}")
    print(f"  {'budget':<12} {money(budget, currency)}")
    print(f"  {'spent':<12} {money(spent, currency)}")
    print(f"  {'overdue':<12} {len(overdue)}")
    for tp in overdue:
        print(f"    - {tp.name} (due {tp.deadline}, owner {tp.owner or 'none'})")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print or write the JSON Schema."""
    if args.output is None:
        sys.stdout.write(schema_text())
    elif args.output.exists() and not args.output.is_file():
        # A pipe or device (e.g. /dev/stdout) is written in place, never replaced.
        args.output.write_text(schema_text(), encoding="utf-8")
    else:
        try:
            atomic_write(args.output, schema_text().encode("utf-8"), backup=False)
        except OSError as exc:
            error(str(exc))
            return 1
    return 0
