"""How ``journeymapper export --progress`` reports progress to the app that runs it.

One line per step on stdout, ``progress DONE TOTAL``; the app reads the project from the
command's stdin (``-`` as the file). The app's ``ProcessJob`` and the command share these.
"""

from __future__ import annotations

STDIN = "-"
"""The file argument that makes the command read the project from stdin."""
WORD = "progress"


def progress_line(done: int, total: int) -> str:
    """The line that reports ``done`` of ``total`` steps."""
    return f"{WORD} {done} {total}"


def read_progress(line: bytes) -> tuple[int, int] | None:
    """(done, total) from a progress line; None for any other line."""
    words = line.split()
    if len(words) == 3 and words[0] == WORD.encode() and words[1].isdigit() \
            and words[2].isdigit():
        return int(words[1]), int(words[2])
    return None
