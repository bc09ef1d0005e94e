"""The kinds of things a document holds, and where each lives in the project (no Qt)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from journeymapper.model import (
    Criterion,
    Lane,
    Link,
    Note,
    Persona,
    Project,
    Stage,
    Touchpoint,
)


class Kind(StrEnum):
    """A list of the project that holds items with ids."""

    STAGE = "stage"
    LANE = "lane"
    PERSONA = "persona"
    TOUCHPOINT = "touchpoint"
    LINK = "link"
    NOTE = "note"
    CRITERION = "criterion"

    @property
    def model(self) -> type[BaseModel]:
        """The pydantic class of items of this kind."""
        return _MODELS[self]

    @property
    def prefix(self) -> str:
        """Prefix of fresh ids of this kind."""
        return _PREFIXES[self]

    @property
    def label(self) -> str:
        """Human name, for undo texts."""
        return self.value


_MODELS: dict[Kind, type[BaseModel]] = {
    Kind.STAGE: Stage, Kind.LANE: Lane, Kind.PERSONA: Persona, Kind.TOUCHPOINT: Touchpoint,
    Kind.LINK: Link, Kind.NOTE: Note, Kind.CRITERION: Criterion,
}
_PREFIXES: dict[Kind, str] = {
    Kind.STAGE: "stage", Kind.LANE: "lane", Kind.PERSONA: "persona", Kind.TOUCHPOINT: "tp",
    Kind.LINK: "link", Kind.NOTE: "note", Kind.CRITERION: "criterion",
}


def items_of(project: Project, kind: Kind) -> list[Any]:
    """The project's list holding items of this kind (the real list, not a copy)."""
    if kind is Kind.CRITERION:
        return project.scoring.criteria
    return getattr(project, f"{kind.value}s")  # type: ignore[no-any-return]


def kind_of(item: BaseModel) -> Kind:
    """The kind of a model item."""
    for kind, cls in _MODELS.items():
        if isinstance(item, cls):
            return kind
    raise TypeError(f"not a document item: {type(item).__name__}")
