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
    "journeymapper.cli.analysis_server",
    "journeymapper.cli.bench_command",
    "journeymapper.cli.exchange_command",
    "journeymapper.cli.mermaid_command",
)
# Their names, so that ``journeymapper FILE`` starts the app without importing and building
# every subcommand's parser first (tests/test_cli.py keeps this in step with the modules).
COMMAND_NAMES = frozenset({
    "analyze", "bench", "export", "export-csv", "export-ics", "export-mermaid", "export-pptx",
    "export-xlsx", "import-mermaid", "import-table", "info", "new", "schema",
    "serve-analysis", "validate",
})
# Pydantic looks for plugins among the entry points of every installed distribution when it
# builds the first model (tens of milliseconds at every start); none is meant to observe or
# change how Journeymapper validates its files. A value the user set is kept.
PYDANTIC_PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"


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
    # The model (pydantic) before PySide6: once PySide6 is loaded, its import hook reads the
    # source of every module imported after it (the other way round cost 150 ms more CPU).
    import journeymapper.io  # noqa: F401
    from journeymapper.app.main import run

    return run(args.file, qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``journeymapper`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault(PYDANTIC_PLUGINS_ENV, "__all__")
    if not argv or (argv[0] not in COMMAND_NAMES
                    and argv[0] not in ("-h", "--help", "--version")):
        return _gui(argv)
    from journeymapper.cli.common import EXIT_CANCELLED, Cancelled, error

    parser, _commands = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except Cancelled as exc:  # SIGTERM during a write (see common.cancel_on_sigterm)
        error(str(exc))
        return EXIT_CANCELLED
    except BrokenPipeError:
        # `journeymapper info map.json | head` closed our stdout early; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return result
