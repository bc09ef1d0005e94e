"""Coverage: which touchpoints serve each persona in each stage, and where nothing does.

Retired touchpoints are left out: customers no longer meet them, so they cover nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from journeymapper.model import Channel, Persona, Project, Status, Touchpoint


@dataclass(frozen=True)
class PersonaCoverage:
    """The touchpoints serving one persona, stage by stage, and the gaps."""

    persona_id: str
    by_stage: dict[str, tuple[str, ...]]
    missing_stage_ids: tuple[str, ...]
    unused_channels: tuple[Channel, ...]

    def to_json(self) -> dict[str, Any]:
        """``{"persona_id", "stages": [{"stage_id", "touchpoint_ids"}], "missing_stage_ids",
        "unused_channels"}``."""
        return {
            "persona_id": self.persona_id,
            "stages": [{"stage_id": sid, "touchpoint_ids": list(ids)}
                       for sid, ids in self.by_stage.items()],
            "missing_stage_ids": list(self.missing_stage_ids),
            "unused_channels": [c.value for c in self.unused_channels],
        }


@dataclass(frozen=True)
class Coverage:
    """Coverage of every persona, plus the stages no touchpoint covers at all."""

    personas: tuple[PersonaCoverage, ...]
    empty_stage_ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """``{"personas": [...], "empty_stage_ids": [...]}``."""
        return {"personas": [p.to_json() for p in self.personas],
                "empty_stage_ids": list(self.empty_stage_ids)}


def active(touchpoints: Sequence[Touchpoint]) -> list[Touchpoint]:
    """The touchpoints customers still meet (every status but retired)."""
    return [tp for tp in touchpoints if tp.status != Status.RETIRED]


def persona_coverage(project: Project, persona: Persona,
                     touchpoints: Sequence[Touchpoint]) -> PersonaCoverage:
    """Which of ``touchpoints`` serve the persona in each stage; empty stages; unused channels."""
    return _covered(project, persona, active(touchpoints))


def _covered(project: Project, persona: Persona, live: list[Touchpoint]) -> PersonaCoverage:
    by_stage: dict[str, list[str]] = {stage.id: [] for stage in project.stages}
    channels: set[Channel] = set()
    for tp in live:
        if tp.serves(persona.id):
            by_stage[tp.stage_id].append(tp.id)
            channels.add(tp.channel)
    return PersonaCoverage(
        persona_id=persona.id,
        by_stage={sid: tuple(ids) for sid, ids in by_stage.items()},
        missing_stage_ids=tuple(sid for sid, ids in by_stage.items() if not ids),
        unused_channels=tuple(c for c in persona.preferred_channels if c not in channels),
    )


def analyze_coverage(project: Project, personas: Sequence[Persona] | None = None,
                     touchpoints: Sequence[Touchpoint] | None = None) -> Coverage:
    """Coverage of ``personas`` (default all) by ``touchpoints`` (default all)."""
    personas = project.personas if personas is None else personas
    live = active(project.touchpoints if touchpoints is None else touchpoints)
    used = {tp.stage_id for tp in live}
    return Coverage(
        personas=tuple(_covered(project, p, live) for p in personas),
        empty_stage_ids=tuple(s.id for s in project.stages if s.id not in used),
    )
