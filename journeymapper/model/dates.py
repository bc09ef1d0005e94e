"""Days written as text: the one form the CLI and the analysis child accept."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> dt.date:
    """``YYYY-MM-DD`` -> date; ValueError for anything else (Python's ``fromisoformat`` also
    takes ``20260101`` and ``2026-W01-1``, which nobody means as a day)."""
    if not _DAY.fullmatch(text):
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)")
    return dt.date.fromisoformat(text)
