"""The lines the app and its analysis child (``journeymapper serve-analysis``) exchange.

Each request is one line: the date to judge deadlines against (``YYYY-MM-DD``), a space, and
the map as compact JSON (which holds no newline). Each answer is one line: ``brief``, a space
and the map's ``Brief`` as JSON; or ``error``, a space and a JSON string saying what went
wrong.
"""

from __future__ import annotations

import datetime as dt
import json

from journeymapper.analysis.brief import Brief
from journeymapper.analysis.result import analyze
from journeymapper.io import ProjectFileError, parse
from journeymapper.model.dates import parse_day

BRIEF = b"brief "
ERROR = b"error "


def request(today: dt.date, compact_map: bytes) -> bytes:
    """The request line (newline included) to analyse a map as of ``today``; ``compact_map``
    is its compact JSON (``io.dumps(project, compact=True)``, or ``MapJson.compact()``)."""
    return today.isoformat().encode("ascii") + b" " + compact_map + b"\n"


def answer(line: bytes) -> bytes:
    """The answer line (without its newline) to one request line."""
    date, _, raw = line.rstrip(b"\r\n").partition(b" ")
    try:
        today = parse_day(date.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        shown = date[:40].decode("ascii", "replace")
        return _error(f"{shown!r} is not a date (YYYY-MM-DD) followed by a map")
    try:
        project = parse(raw, "the map sent")
    except ProjectFileError as exc:
        return _error(str(exc))
    try:
        brief = Brief.of(analyze(project, today), project)
    except Exception as exc:  # a bug in the analysis: said, and the next map is answered
        return _error(f"{type(exc).__name__}: {exc}")
    return BRIEF + brief.model_dump_json().encode("utf-8")


def read_answer(line: bytes) -> Brief | str:
    """The brief an answer line holds, or what went wrong (a message for the user)."""
    if line.startswith(BRIEF):
        try:
            return Brief.model_validate_json(line[len(BRIEF):])
        except ValueError as exc:  # ValidationError is one
            return f"the analysis answered something else than a brief ({exc})"
    if line.startswith(ERROR):
        try:
            said = json.loads(line[len(ERROR):])
        except ValueError:
            said = None
        if isinstance(said, str):
            return said
    return f"the analysis answered {line[:80]!r}"


def _error(message: str) -> bytes:
    return ERROR + json.dumps(message).encode("utf-8")
