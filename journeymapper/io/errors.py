"""ProjectFileError: what is wrong with a project file, in words a user can act on."""

from __future__ import annotations

import reprlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from journeymapper.model import ProjectProblems

MAX_REPORTED = 20


class ProjectFileError(Exception):
    """A file that is not a valid project: names the file, the JSON path and the reason."""

    def __init__(self, path: Path | str, problems: Sequence[str]) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        shown = self.problems[:MAX_REPORTED]
        more = len(self.problems) - len(shown)
        name = self.path.name or str(self.path)  # "." or "/" have no name
        lines = [f"{name}: {p}" for p in shown]
        if more > 0:
            lines.append(f"{name}: ... and {more} more problems")
        super().__init__("\n".join(lines))


def json_path(loc: Sequence[str | int]) -> str:
    """``('touchpoints', 3, 'budget')`` -> ``touchpoints[3].budget``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, 60, 60
_REPR.maxlist = _REPR.maxdict = _REPR.maxtuple = _REPR.maxset = 6


def _shown(value: Any) -> str:
    """A short picture of a bad value (bounded in time and size: files can be hostile)."""
    try:
        text = _REPR.repr(value) if isinstance(value, str | list | dict) else str(value)[:200]
    except (RecursionError, ValueError):
        text = f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def _reason(error: Any) -> str:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    bounds = {"greater_than_equal": (">=", "ge"), "greater_than": (">", "gt"),
              "less_than_equal": ("<=", "le"), "less_than": ("<", "lt")}
    if kind in bounds:
        op, key = bounds[kind]
        bound = ctx[key]
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        return f"must be {op} {bound}, got {_shown(value)}"
    if kind == "string_too_long":
        return f"is {len(value)} characters long, at most {ctx['max_length']} allowed"
    if kind == "too_long":
        return f"holds {ctx.get('actual_length')} items, at most {ctx['max_length']} allowed"
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {_shown(value)}"


def describe_validation_error(exc: ValidationError) -> list[str]:
    """Each pydantic error as ``json.path: reason``; cross-reference problems expanded."""
    problems: list[str] = []
    for error in exc.errors():
        inner = (error.get("ctx") or {}).get("error")
        if isinstance(inner, ProjectProblems):
            problems.extend(str(p) for p in inner.problems)
        else:
            problems.append(f"{json_path(error['loc'])}: {_reason(error)}")
    return problems
