"""export-csv, export-xlsx, export-ics and import-table: touchpoints in and out of tables.

openpyxl and icalendar are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journeymapper.cli.common import (
    FILE_HELP,
    cancel_on_sigterm,
    error,
    load_or_report,
    source_name,
)
from journeymapper.model import Project

MAX_ERRORS_SHOWN = 50


def register(commands: Any) -> None:
    """Add the data exchange subcommands."""
    for name, suffix, what in (
            ("export-csv", ".csv", "the touchpoints as a CSV table (UTF-8, Excel-friendly)"),
            ("export-xlsx", ".xlsx", "the touchpoints as an Excel workbook"),
            ("export-ics", ".ics", "the touchpoint deadlines as an iCalendar file")):
        p = commands.add_parser(name, help=f"write {what}")
        p.add_argument("file", type=Path, metavar="FILE", help=FILE_HELP)
        p.add_argument("-o", "--output", type=Path, metavar="OUT",
                       help=f"file to write (default: FILE with {suffix})")
        p.set_defaults(func=cmd_export, suffix=suffix)

    p = commands.add_parser(
        "import-table", help="add or update touchpoints from a CSV or XLSX table",
        description="Rows whose id is a touchpoint of the project update it; other rows add "
                    "touchpoints. Columns are matched to fields by their header (the headers "
                    "export-csv writes, case-insensitive); --map changes that.")
    p.add_argument("file", type=Path, metavar="FILE", help="project file")
    p.add_argument("table", type=Path, metavar="TABLE", help="CSV or XLSX file")
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write the result here (default: back to FILE, keeping FILE.bak)")
    p.add_argument("--dry-run", action="store_true", help="show the preview, write nothing")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="import the good rows even when some rows have errors")
    p.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                   help="map a column to a field: id, name, description, stage, lane, "
                        "channel, personas, performance, emotion, owner, budget, spent, "
                        "currency, deadline, status, tags, notes, kpis, x, y or "
                        "score:CRITERION-ID (FIELD empty: ignore the column); repeatable")
    p.set_defaults(func=cmd_import_table)


def _writer(suffix: str) -> Callable[[Project, Path], None]:
    if suffix == ".csv":
        from journeymapper.export.table_csv import export_csv

        return export_csv
    if suffix == ".xlsx":
        from journeymapper.export.table_xlsx import export_xlsx

        return export_xlsx
    from journeymapper.export.ics import export_ics

    return export_ics


def cmd_export(args: argparse.Namespace) -> int:
    """Write the touchpoint table or the deadline calendar."""
    if args.output is None and source_name(args.file) == "stdin":
        error(f"journeymapper {args.command}: give -o OUT when the map comes from stdin")
        return 1
    project = load_or_report(args.file)
    if project is None:
        return 1
    output = args.output or args.file.with_suffix(args.suffix)
    try:
        with cancel_on_sigterm(output):
            _writer(args.suffix)(project, output)
    except OSError as exc:
        error(str(exc))
        return 1
    if args.suffix == ".ics":
        count = sum(1 for t in project.touchpoints if t.deadline is not None)
        note = "" if count else " (no touchpoint has a deadline: the calendar is empty)"
        print(f"{output}: {count} deadlines{note}")
    else:
        print(f"{output}: {len(project.touchpoints)} touchpoints")
    return 0


def _mapping(project: Project, headers: list[str],
             pairs: list[str]) -> dict[str, str | None] | str:
    """The automatic mapping with the --map changes, or a message saying what is wrong."""
    from journeymapper.importers.touchpoints import auto_mapping, field_choices

    mapping = auto_mapping(project, headers)
    by_key = {h.casefold(): h for h in headers}
    fields = {key.casefold(): key for key, _ in field_choices(project)}
    for pair in pairs:
        header, sep, target = pair.partition("=")
        if not sep:
            return f"--map {pair!r}: write HEADER=FIELD"
        column = by_key.get(header.strip().casefold())
        if column is None:
            return f"--map {pair!r}: no column {header.strip()!r} (columns: {', '.join(headers)})"
        key = target.strip()
        if key and key.casefold() not in fields:
            return f"--map {pair!r}: unknown field {key!r} (fields: {', '.join(fields.values())})"
        value = fields[key.casefold()] if key else None
        for other, mapped in mapping.items():  # the field moves to this column
            if value is not None and mapped == value:
                mapping[other] = None
        mapping[column] = value
    return mapping


def cmd_import_table(args: argparse.Namespace) -> int:
    """Preview an import, then write the project when every row is good (or skipped)."""
    from journeymapper.importers.touchpoints import (
        MappingError,
        TableError,
        apply_plan,
        plan_import,
        read_table,
    )
    from journeymapper.io import save

    project = load_or_report(args.file)
    if project is None:
        return 1
    try:
        table = read_table(args.table)
        mapping = _mapping(project, table.headers, args.map)
        if isinstance(mapping, str):
            error(mapping)
            return 1
        plan = plan_import(project, table, mapping)
    except (TableError, MappingError) as exc:
        error(str(exc))
        return 1
    print(f"{args.table.name}: {plan.summary()}")
    if plan.ignored:
        print(f"  ignored columns: {', '.join(plan.ignored)}")
    errors = plan.errors
    for problem in errors[:MAX_ERRORS_SHOWN]:
        print(f"  {problem}")
    if len(errors) > MAX_ERRORS_SHOWN:
        print(f"  ... and {len(errors) - MAX_ERRORS_SHOWN} more errors")
    blocked = bool(plan.failed) and not args.skip_bad_rows
    if args.dry_run:
        print("dry run: nothing written")
        return 1 if blocked else 0
    if blocked:
        error("nothing written: fix the rows above, or use --skip-bad-rows to import the rest")
        return 1
    output = args.output or args.file
    if not plan.has_changes and output == args.file:
        print(f"{args.file}: nothing to change")
        return 0
    try:
        save(apply_plan(project, plan), output, backup=args.output is None)
    except OSError as exc:
        error(str(exc))
        return 1
    backup = f" (previous version in {args.file.name}.bak)" if args.output is None else ""
    print(f"{output}: {len(plan.new)} added, {len(plan.changed)} updated{backup}")
    return 0
