"""Reading a Mermaid journey from a file: plain ``.mmd``, or the first ```` ```mermaid ````
block of a Markdown file that holds a ``journey`` diagram (how READMEs and wikis keep them)."""

from __future__ import annotations

import re
from pathlib import Path

from journeymapper.importers.mermaid import DEFAULT_TITLE, from_mermaid
from journeymapper.model import Project

MAX_MERMAID_BYTES = 2 * 1024 * 1024
MERMAID_FILTER = ("Mermaid journeys (*.mmd *.mermaid *.md *.markdown *.txt);;"
                  "All files (*)")
_FENCE = re.compile(r"^\s*(```+|~~~+)\s*mermaid\b", re.IGNORECASE)
_JOURNEY = re.compile(r"^\s*journey(\s|$)", re.IGNORECASE)


class MermaidFileError(ValueError):
    """The file cannot be read as text at all (too big, not UTF-8, unreadable)."""


def journey_block(text: str) -> str:
    """The text to parse: the first fenced ``mermaid`` block holding a journey, with every
    other line blanked so the parser's line numbers are the file's; the text itself when it
    has no such block."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence is None:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines))
                    if lines[j].strip().startswith(fence.group(1))), len(lines))
        body = lines[i + 1:end]
        if any(_JOURNEY.match(line) for line in body):
            return "\n".join([""] * (i + 1) + body)
        i = end + 1
    return text


def read_mermaid_file(path: str | Path) -> Project:
    """A new project from a Mermaid file; MermaidFileError or MermaidSyntaxError (with line
    numbers) when it is not one. The file name is the title when the diagram has none."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_MERMAID_BYTES:
            raise MermaidFileError(f"{path.name}: too big for a journey diagram "
                                   f"(more than {MAX_MERMAID_BYTES // 1024 // 1024} MB)")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise MermaidFileError(f"{path.name}: not UTF-8 text") from None
    except OSError as exc:
        raise MermaidFileError(f"{path.name}: {exc.strerror or exc}") from None
    project = from_mermaid(journey_block(text))
    if project.title == DEFAULT_TITLE:
        project.title = path.stem.replace("-", " ").replace("_", " ").strip() or project.title
    return project
