"""The `serve-analysis` subcommand: the app's analysis dock analyses a big map in this child
process, started once and kept while the dock is shown. A process per analysis spent most of
a small map's wait starting Python and importing pydantic and networkx (0.6 of 0.8 s). The
lines it reads and writes are described in ``analysis/brief_lines.py``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(commands: Any) -> None:
    """Add the ``serve-analysis`` subcommand."""
    p = commands.add_parser(
        "serve-analysis", help="analyse the maps sent on stdin, one per line (what the app's "
                               "analysis dock runs)",
        description="Read requests from stdin, one per line: a date (YYYY-MM-DD), a space "
                    "and a map as JSON on one line. Answer each with one line: 'brief' and "
                    "the part of its analysis the app's dock shows, as JSON; or 'error' and "
                    "a JSON string. Ends at the end of stdin.")
    p.set_defaults(func=cmd_serve)


def cmd_serve(_args: argparse.Namespace) -> int:
    """Answer every request line on stdin until it ends."""
    # Imported here: every command's module is imported to build the parser.
    from journeymapper.analysis.brief_lines import answer

    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        out.write(answer(line) + b"\n")
        out.flush()
    return 0
