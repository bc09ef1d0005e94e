"""What an export asks for: paper, sections, persona, date; checked before any drawing.

Kept free of reportlab so the CLI can validate its arguments (and fail fast with a clear
message) without paying for the reportlab import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from journeymapper.model import Persona, Project

# Paper sizes in points, portrait (width, height); the export lays them out landscape.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (595.2756, 841.8898),
    "A3": (841.8898, 1190.5512),
    "Letter": (612.0, 792.0),
    "Tabloid": (792.0, 1224.0),
}

# Every section in its printed order, with the title used for headings and bookmarks.
SECTION_TITLES: dict[str, str] = {
    "map": "Journey map",
    "personas": "Personas",
    "register": "Touchpoint register",
    "budget": "Budget",
    "matrix": "Importance-performance matrix",
    "timeline": "Deadline timeline",
}
SECTIONS: tuple[str, ...] = tuple(SECTION_TITLES)

Progress = Callable[[int, int], None]


class ExportOptionError(ValueError):
    """An export option that cannot be honoured (unknown paper, section or persona)."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Validated options of one PDF export."""

    page: str
    page_size: tuple[float, float]
    sections: tuple[str, ...]
    persona: Persona | None
    today: dt.date


def page_size(name: str) -> tuple[str, tuple[float, float]]:
    """The canonical paper name and its landscape size; case-insensitive."""
    for known, (w, h) in PAGE_SIZES.items():
        if known.lower() == name.strip().lower():
            return known, (max(w, h), min(w, h))
    raise ExportOptionError(f"unknown page size {name!r}; choose one of: "
                            + ", ".join(PAGE_SIZES))


def parse_sections(sections: str | Iterable[str]) -> tuple[str, ...]:
    """Sections from ``"map,register"`` or a sequence, deduplicated, in printed order."""
    items = sections.split(",") if isinstance(sections, str) else list(sections)
    wanted = {s.strip().lower() for s in items if s.strip()}
    unknown = sorted(wanted - set(SECTIONS))
    if unknown:
        raise ExportOptionError(f"unknown section {', '.join(map(repr, unknown))}; choose from: "
                                + ", ".join(SECTIONS))
    if not wanted:
        raise ExportOptionError("no section chosen; choose from: " + ", ".join(SECTIONS))
    # Printed order is fixed so the outline always reads the same way.
    return tuple(s for s in SECTIONS if s in wanted)


def find_persona(project: Project, key: str) -> Persona:
    """The persona whose id or name (case-insensitive) is ``key``."""
    wanted = key.strip()
    for persona in project.personas:
        if persona.id == wanted:
            return persona
    folded = wanted.casefold()
    for persona in project.personas:
        if persona.name.casefold() == folded:
            return persona
    known = ", ".join(repr(p.name) for p in project.personas) or "none defined"
    raise ExportOptionError(f"unknown persona {key!r}; personas of this project: {known}")


def resolve_options(project: Project, *, page: str = "A4", persona: str | None = None,
                    sections: str | Iterable[str] = SECTIONS,
                    today: dt.date | None = None) -> ExportOptions:
    """Check every option against the project; raises ExportOptionError with a clear reason."""
    name, size = page_size(page)
    return ExportOptions(
        page=name,
        page_size=size,
        sections=parse_sections(sections),
        persona=None if persona is None else find_persona(project, persona),
        today=today or dt.date.today(),
    )
