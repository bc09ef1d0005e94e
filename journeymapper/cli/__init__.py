"""Command line: ``journeymapper [FILE]`` opens the app; subcommands work without a display."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from journeymapper import __version__

# Each module has ``register(subparsers)``; its parser sets ``func(args) -> int``.
COMMAND_MODULES = (
    "journeymapper.cli.project_commands",
    "journeymapper.cli.export_command",
    "journeymapper.cli.analyze_command",
    "journeymapper.cli.bench_command",
)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="journeymapper",
        description="Customer-journey map designer. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def _gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="journeymapper", description="Open the app.")
    parser.add_argument("file", nargs="?", help="project file to open")
    args, qt_args = parser.parse_known_args(argv)
    from journeymapper.app.main import run

    return run(args.file, qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``journeymapper`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help", "--version")):
        return _gui(argv)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result
