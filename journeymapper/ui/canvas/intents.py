"""User intents that take several document calls: add in a free slot, paste, duplicate.

Each intent is one undo step. These functions call the document's API only (no scene items,
no widgets), so panels, menus and the canvas share them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError

from journeymapper.document import Document, EditError, Kind
from journeymapper.layout import NOTE_HEIGHT, NOTE_WIDTH
from journeymapper.model import Channel, Link, Note, Touchpoint
from journeymapper.slots import FreeSlots, free_slot
from journeymapper.ui.canvas import style
from journeymapper.ui.selection import Ref

Cell = tuple[str, str]


@contextmanager
def one_step(doc: Document, text: str) -> Iterator[None]:
    """Everything pushed inside is one undo step named ``text``."""
    doc.undo_stack.beginMacro(text)
    try:
        yield
    finally:
        doc.undo_stack.endMacro()


def add_touchpoint(doc: Document, cell: Cell, name: str, channel: Channel = Channel.OTHER,
                   at: tuple[float, float] | None = None) -> str:
    """A new touchpoint in a cell, at ``at`` (relative to the cell) or the first free slot."""
    x, y = at if at is not None else free_slot(doc.project, *cell)
    return doc.create(Kind.TOUCHPOINT, stage_id=cell[0], lane_id=cell[1], name=name,
                      channel=channel, x=x, y=y)


def add_note(doc: Document, cell: Cell, text: str = "New note",
             at: tuple[float, float] | None = None) -> str:
    """A new sticky note in a cell."""
    x, y = at if at is not None else free_slot(doc.project, *cell, NOTE_WIDTH, NOTE_HEIGHT)
    return doc.create(Kind.NOTE, stage_id=cell[0], lane_id=cell[1], text=text, x=x, y=y)


def add_stage(doc: Document, index: int | None = None, name: str = "New stage") -> str:
    """A new stage (column) at ``index`` (the end when None)."""
    color = style.PERSONA_COLORS[len(doc.project.stages) % len(style.PERSONA_COLORS)]
    return doc.create(Kind.STAGE, index, name=name, color=color)


def add_lane(doc: Document, index: int | None = None, name: str = "New lane") -> str:
    """A new lane (row) at ``index`` (the end when None)."""
    return doc.create(Kind.LANE, index, name=name)


def add_persona(doc: Document, name: str = "New persona") -> str:
    """A new persona with the next free colour."""
    used = {p.color for p in doc.project.personas}
    color = next((c for c in style.PERSONA_COLORS if c not in used),
                 style.PERSONA_COLORS[len(used) % len(style.PERSONA_COLORS)])
    return doc.create(Kind.PERSONA, name=name, color=color)


def link_chain(doc: Document, touchpoint_ids: Sequence[str]) -> int:
    """Link the touchpoints in the order given (a -> b -> c), skipping existing flows."""
    existing = {(ln.source_id, ln.target_id) for ln in doc.project.links if ln.persona_id is None}
    pairs = [(a, b) for a, b in itertools.pairwise(touchpoint_ids)
             if a != b and (a, b) not in existing]
    if not pairs:
        return 0
    with one_step(doc, "Link touchpoints" if len(pairs) > 1 else "Link touchpoint"):
        for a, b in pairs:
            doc.create(Kind.LINK, source_id=a, target_id=b)
    return len(pairs)


def neighbour_cell(doc: Document, cell: Cell, d_stage: int, d_lane: int) -> Cell | None:
    """The cell next to ``cell`` (None past the map's edge)."""
    stages = [s.id for s in doc.project.stages]
    lanes = [ln.id for ln in doc.project.lanes]
    si, li = stages.index(cell[0]) + d_stage, lanes.index(cell[1]) + d_lane
    if 0 <= si < len(stages) and 0 <= li < len(lanes):
        return (stages[si], lanes[li])
    return None


def move_to_neighbour(doc: Document, refs: Iterable[Ref], d_stage: int, d_lane: int) -> int:
    """Move cards to the next cell in a direction, each into a free slot (one it leaves
    counts as free, one another moved card takes does not); one undo step."""
    targets: dict[tuple[Kind, str], Cell] = {}
    for kind, item_id in refs:
        if kind not in (Kind.TOUCHPOINT, Kind.NOTE):
            continue
        card = doc.get(kind, item_id)
        target = neighbour_cell(doc, (card.stage_id, card.lane_id), d_stage, d_lane)
        if target is not None:
            targets[(kind, item_id)] = target
    slots = FreeSlots.of(doc.project, leaving={item_id for _kind, item_id in targets})
    moves: dict[tuple[Kind, str], tuple[str, str, float, float]] = {}
    for (kind, item_id), target in targets.items():
        size = () if kind is Kind.TOUCHPOINT else (NOTE_WIDTH, NOTE_HEIGHT)
        moves[(kind, item_id)] = (*target, *slots.take(target, *size))
    return doc.move_cards(moves) if moves else 0


# ----- copy, paste, duplicate -----------------------------------------------------------------
def copy_payload(doc: Document, refs: Iterable[Ref]) -> dict[str, Any]:
    """The touchpoints and notes picked (with the links between them) as JSON data."""
    picked = list(refs)
    tp_ids = {i for k, i in picked if k is Kind.TOUCHPOINT}
    return {
        "format": 1,
        "touchpoints": [doc.get(Kind.TOUCHPOINT, i).model_dump(mode="json")
                        for k, i in picked if k is Kind.TOUCHPOINT],
        "notes": [doc.get(Kind.NOTE, i).model_dump(mode="json")
                  for k, i in picked if k is Kind.NOTE],
        "links": [ln.model_dump(mode="json") for ln in doc.project.links
                  if ln.source_id in tp_ids and ln.target_id in tp_ids],
    }


def paste_payload(doc: Document, payload: dict[str, Any], cell: Cell | None = None,
                  text: str = "Paste") -> list[Ref]:
    """Add copies of the payload's cards with fresh ids, each in a free slot of ``cell`` (or
    of its own cell when that exists here); links between them come along. One undo step.

    Raises EditError when the payload does not hold valid cards.
    """
    personas = {p.id for p in doc.project.personas}
    criteria = {c.id for c in doc.project.scoring.criteria}
    cards: list[tuple[Kind, Touchpoint | Note]] = []
    links: list[Link] = []
    try:
        for data in payload.get("touchpoints", []):
            tp = Touchpoint.model_validate(data)
            cards.append((Kind.TOUCHPOINT, tp.model_copy(update={
                "persona_ids": [p for p in tp.persona_ids if p in personas],
                "scores": {c: v for c, v in tp.scores.items() if c in criteria}})))
        cards += [(Kind.NOTE, Note.model_validate(d)) for d in payload.get("notes", [])]
        links = [Link.model_validate(d) for d in payload.get("links", [])]
    except (ValidationError, AttributeError, TypeError) as exc:
        raise EditError(f"the clipboard does not hold map cards ({exc})") from None
    if not cards:
        return []
    first = (doc.project.stages[0].id, doc.project.lanes[0].id)
    new_ids: dict[str, str] = {}
    added: list[Ref] = []
    slots = FreeSlots.of(doc.project)
    with one_step(doc, f"{text} {len(cards)} item{'s' if len(cards) > 1 else ''}"):
        for kind, card in cards:
            own = (card.stage_id, card.lane_id)
            target = cell or (own if doc.find(Kind.STAGE, own[0]) and
                              doc.find(Kind.LANE, own[1]) else first)
            size = () if kind is Kind.TOUCHPOINT else (NOTE_WIDTH, NOTE_HEIGHT)
            x, y = slots.take(target, *size)
            new_ids[card.id] = doc.fresh_id(kind)
            doc.add(card.model_copy(update={"id": new_ids[card.id], "stage_id": target[0],
                                            "lane_id": target[1], "x": x, "y": y}), kind)
            added.append((kind, new_ids[card.id]))
        for link in links:
            source, target_id = new_ids.get(link.source_id), new_ids.get(link.target_id)
            if source and target_id:
                persona = link.persona_id if link.persona_id in personas else None
                doc.add(link.model_copy(update={
                    "id": doc.fresh_id(Kind.LINK), "source_id": source,
                    "target_id": target_id, "persona_id": persona}), Kind.LINK)
    return added


def duplicate(doc: Document, refs: Iterable[Ref]) -> list[Ref]:
    """Copies of the cards next to the originals (in their own cells); one undo step."""
    return paste_payload(doc, copy_payload(doc, refs), None, "Duplicate")
