"""Which references an item needs, and what goes with an item when it is removed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from journeymapper.document.commands import SetFields, TakeItem
from journeymapper.document.kinds import Kind, items_of
from journeymapper.document.versions import version_cascade

if TYPE_CHECKING:
    from journeymapper.document.document import Document

# Children are removed before the things they sit in, so undo restores containers first.
_REMOVAL_ORDER = (Kind.LINK, Kind.NOTE, Kind.TOUCHPOINT, Kind.PERSONA, Kind.CRITERION,
                  Kind.LANE, Kind.STAGE)


def check_references(doc: Document, kind: Kind, data: dict[str, Any]) -> str | None:
    """Why an item with these fields cannot be in the document, or None when it can."""
    def missing(ref_kind: Kind, value: str | None, field: str) -> str | None:
        if value is not None and doc.find(ref_kind, value) is None:
            return f"{field}: unknown {ref_kind.label} {value!r}"
        return None

    checks: list[str | None] = []
    if kind in (Kind.TOUCHPOINT, Kind.NOTE):
        checks += [missing(Kind.STAGE, data["stage_id"], "stage_id"),
                   missing(Kind.LANE, data["lane_id"], "lane_id")]
    if kind is Kind.TOUCHPOINT:
        checks += [missing(Kind.PERSONA, p, "persona_ids") for p in data["persona_ids"]]
        checks += [missing(Kind.CRITERION, c, "scores") for c in data["scores"]]
        if len(set(data["persona_ids"])) != len(data["persona_ids"]):
            checks.append("persona_ids: lists a persona twice")
    if kind is Kind.LINK:
        checks += [missing(Kind.TOUCHPOINT, data["source_id"], "source_id"),
                   missing(Kind.TOUCHPOINT, data["target_id"], "target_id"),
                   missing(Kind.PERSONA, data["persona_id"], "persona_id")]
        if data["source_id"] == data["target_id"]:
            checks.append("target_id: a link cannot point to its own source")
        flow = (data["source_id"], data["target_id"], data["persona_id"])
        if doc.links_joining(flow) - {data["id"]}:
            checks.append("these touchpoints are already linked")
    return next((c for c in checks if c), None)


def removal_plan(doc: Document, requested: Sequence[tuple[Kind, str]]
                 ) -> tuple[str, list[QUndoCommand]]:
    """The undo text and commands removing the items and everything that depends on them."""
    doomed: dict[Kind, set[str]] = {k: set() for k in Kind}
    for kind, item_id in requested:
        if doc.find(kind, item_id) is not None:
            doomed[kind].add(item_id)
    for kind in (Kind.STAGE, Kind.LANE):
        if doomed[kind] and len(doomed[kind]) >= len(items_of(doc.project, kind)):
            from journeymapper.document.document import EditError

            raise EditError(f"a map needs at least one {kind.label}")
    p = doc.project
    for card_kind in (Kind.TOUCHPOINT, Kind.NOTE):
        for card in items_of(p, card_kind):
            if card.stage_id in doomed[Kind.STAGE] or card.lane_id in doomed[Kind.LANE]:
                doomed[card_kind].add(card.id)
    for link in p.links:
        if (link.source_id in doomed[Kind.TOUCHPOINT] or link.target_id in doomed[Kind.TOUCHPOINT]
                or link.persona_id in doomed[Kind.PERSONA]):
            doomed[Kind.LINK].add(link.id)
    total = sum(len(ids) for ids in doomed.values())
    if total == 0:
        return ("", [])
    first_kind, first_id = next((k, i) for k, i in requested if i in doomed[k])
    item = doc.get(first_kind, first_id)
    label = getattr(item, "name", None) or first_kind.label
    others = total - 1
    text = f"Delete '{label}'" + (f" and {others} dependent items" if others > 1 else
                                  " and 1 dependent item" if others == 1 else "")
    if len(requested) > 1:
        text = f"Delete {total} items"
    commands: list[QUndoCommand] = []
    # Surviving touchpoints forget removed personas and criteria first (undo restores last).
    for tp in p.touchpoints:
        if tp.id in doomed[Kind.TOUCHPOINT]:
            continue
        values: dict[str, Any] = {}
        if doomed[Kind.PERSONA] & set(tp.persona_ids):
            values["persona_ids"] = [x for x in tp.persona_ids if x not in doomed[Kind.PERSONA]]
        if doomed[Kind.CRITERION] & tp.scores.keys():
            values["scores"] = {k: v for k, v in tp.scores.items()
                                if k not in doomed[Kind.CRITERION]}
        if values:
            commands.append(SetFields(doc, Kind.TOUCHPOINT, tp.id, values))
    # Personas and criteria are shared by the stored versions of the map: they forget them too.
    commands += version_cascade(doc, doomed[Kind.PERSONA], doomed[Kind.CRITERION])
    for kind in _REMOVAL_ORDER:
        # Keep list order so undo re-inserts at the remembered indexes correctly.
        for x in items_of(p, kind):
            if x.id in doomed[kind]:
                commands.append(TakeItem(doc, kind, x.id))
    return (text, commands)
