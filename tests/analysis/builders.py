"""Small hand-built projects for the analysis tests: every answer is known in advance."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from journeymapper.model import Channel, Link, Persona, Project, Status, Touchpoint, new_project

STAGES = ("awareness", "consideration", "purchase", "experience", "loyalty")


def blank(title: str = "Test map") -> Project:
    """The default project: Awareness, Consideration, Purchase, Experience, Loyalty."""
    return new_project(title)


def add_tp(project: Project, tid: str, stage: str, *, name: str | None = None,
           personas: tuple[str, ...] = (), channel: Channel = Channel.OTHER,
           budget: str = "0", spent: str = "0", owner: str = "",
           deadline: dt.date | None = None, status: Status = Status.PLANNED,
           scores: dict[str, int] | None = None, performance: int = 3,
           **extra: Any) -> Touchpoint:
    """Append a touchpoint in the touchpoints lane; its name defaults to its id."""
    tp = Touchpoint(id=tid, name=name or tid, stage_id=stage, lane_id="touchpoints",
                    persona_ids=list(personas), channel=channel, budget=Decimal(budget),
                    spent=Decimal(spent), owner=owner, deadline=deadline, status=status,
                    scores=scores or {}, performance=performance, **extra)
    project.touchpoints.append(tp)
    return tp


def add_link(project: Project, source: str, target: str, share: float | None = None,
             persona: str | None = None, lid: str | None = None) -> Link:
    """Append a link; its id defaults to ``source-target`` (``source-target-persona``)."""
    default = f"{source}-{target}" + (f"-{persona}" if persona else "")
    link = Link(id=lid or default, source_id=source, target_id=target, share=share,
                persona_id=persona)
    project.links.append(link)
    return link


def add_persona(project: Project, pid: str, name: str,
                channels: tuple[Channel, ...] = ()) -> Persona:
    """Append a persona."""
    persona = Persona(id=pid, name=name, preferred_channels=list(channels))
    project.personas.append(persona)
    return persona


def chain(project: Project, *ids: str, share: float | None = None) -> None:
    """Link ``ids`` one after the other."""
    for a, b in itertools.pairwise(ids):
        add_link(project, a, b, share)


def checked(project: Project) -> Project:
    """The project re-validated, so the cross-reference rules hold for what a test built."""
    return Project.model_validate(project.model_dump())
