"""What each canvas item shows, derived from the model by the scene (items never see it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journeymapper.captions import caption_of
from journeymapper.export.formatting import channel_label
from journeymapper.model import Channel, LaneKind, Link, Note, Project, Stage, Touchpoint
from journeymapper.model.stage import Lane


@dataclass(frozen=True, slots=True)
class CardContent:
    """The face of a touchpoint card."""

    name: str
    channel: Channel = Channel.OTHER
    channel_label: str = "Other"
    importance: float = 0.0
    owner: str = ""
    deadline: str = ""
    overdue: bool = False
    persona_colors: tuple[str, ...] = ()
    review_due: bool = False
    """Its review cadence says it should be reviewed now (a small mark on the card)."""
    alert: str = ""
    """Border colour from the project's KPI colouring rules ("" for none)."""


@dataclass(frozen=True, slots=True)
class NoteContent:
    """The face of a sticky note."""

    text: str
    color: str = "#fff3a8"


@dataclass(frozen=True, slots=True)
class HeaderContent:
    """The face of a stage header."""

    name: str
    goal: str = ""
    color: str = "#4c78a8"


@dataclass(frozen=True, slots=True)
class LaneContent:
    """The label of a lane."""

    name: str
    kind: LaneKind = LaneKind.TOUCHPOINTS


@dataclass(frozen=True, slots=True)
class LinkContent:
    """An arrow's colour and caption."""

    color: str = ""
    caption: str = ""
    short: str = ""  # the caption where it has no room: the share without the label


def card_content(project: Project, tp: Touchpoint, today: dt.date) -> CardContent:
    """What the card of ``tp`` shows."""
    colors = {p.id: p.color for p in project.personas}
    return CardContent(
        name=tp.name,
        channel=tp.channel,
        channel_label=channel_label(tp.channel),
        importance=project.importance(tp),
        owner=tp.owner,
        deadline=tp.deadline.isoformat() if tp.deadline else "",
        overdue=tp.is_overdue(today),
        persona_colors=tuple(colors[p] for p in tp.persona_ids if p in colors),
        review_due=tp.is_review_due(today),
        alert=project.kpi_colouring.color_for(tp.kpis),
    )


def note_content(note: Note) -> NoteContent:
    """What a sticky note shows."""
    return NoteContent(text=note.text, color=note.color)


def header_content(stage: Stage) -> HeaderContent:
    """What a stage header shows."""
    return HeaderContent(name=stage.name, goal=stage.goal, color=stage.color)


def lane_content(lane: Lane) -> LaneContent:
    """What a lane label shows."""
    return LaneContent(name=lane.name, kind=lane.kind)


def link_content(project: Project, link: Link) -> LinkContent:
    """The colour (the persona's, if any) and caption (share and label) of a link."""
    color = "" if link.persona_id is None else next(
        (p.color for p in project.personas if p.id == link.persona_id), "")
    caption, short = caption_of(link)
    return LinkContent(color=color, caption=caption, short=short)
