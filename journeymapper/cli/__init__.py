"""Command line: ``journeymapper [FILE]`` opens the app; subcommands work without a display."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from journeymapper import __version__

# Each module has ``register(subparsers)``; its parser sets ``func(args) -> int``.
COMMAND_MODULES = (
    "journeymapper.cli.project_commands",
    "journeymapper.cli.export_command",
    "journeymapper.cli.analyze_command",
    "journeymapper.cli.bench_command",
    "journeymapper.cli.exchange_command",
    "journeymapper.cli.mermaid_command",
)


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser of every subcommand, and the subcommand names."""
    parser = argparse.ArgumentParser(
        prog="journeymapper",
        description="Customer-journey map designer. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser, set(commands.choices)


def _gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="journeymapper", description="Open the app.")
    parser.add_argument("file", nargs="?", help="project file to open")
    args, qt_args = parser.parse_known_args(argv)
    from journeymapper.app.main import run

    return run(args.file, qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``journeymapper`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help", "--version")):
        return _gui(argv)
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except BrokenPipeError:
        # `journeymapper info map.json | head` closed our stdout early; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return result
