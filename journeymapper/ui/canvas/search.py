"""Finding cards by text: which touchpoints and notes match, in the order a reader meets them.

Pure functions of the project and its layout (no Qt), so the matching rules are easy to test.
Matching ignores case and accents ("cafe" finds "Café"), because a facilitator typing fast in
front of a room should not have to think about either.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from journeymapper.document import Kind
from journeymapper.layout import MapLayout
from journeymapper.model import Note, Project, Touchpoint
from journeymapper.ui.selection import Ref


# Each keystroke in the find bar folds every card's texts; most are the same from one
# keystroke to the next (a map of 10,000 cards: 150 ms a keystroke without the cache).
@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """``text`` without case and accents: what matching compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def searchable_texts(project: Project) -> Iterable[tuple[Ref, Touchpoint | Note, list[str]]]:
    """Each card, its item and the texts a search looks at: a touchpoint's name, owner, tags,
    notes and description; a sticky note's text."""
    for tp in project.touchpoints:
        yield ((Kind.TOUCHPOINT, tp.id), tp,
               [tp.name, tp.owner, *tp.tags, tp.notes, tp.description])
    for note in project.notes:
        yield (Kind.NOTE, note.id), note, [note.text]


def find_cards(project: Project, layout: MapLayout, query: str) -> list[Ref]:
    """Cards whose texts contain ``query`` (case and accents ignored), in reading order:
    stage by stage, lane by lane, then top to bottom and left to right inside a cell.

    An empty or blank query finds nothing.
    """
    needle = fold(query.strip())
    if not needle:
        return []
    stage_index = {s.id: i for i, s in enumerate(project.stages)}
    lane_index = {ln.id: i for i, ln in enumerate(project.lanes)}
    found: list[tuple[tuple[int, int, float, float], Ref]] = []
    for ref, card, texts in searchable_texts(project):
        if not any(needle in fold(t) for t in texts if t):
            continue
        stage_id, lane_id = card.stage_id, card.lane_id
        table = layout.cards if ref[0] is Kind.TOUCHPOINT else layout.notes
        rect = table.get(ref[1])
        x, y = (rect.x, rect.y) if rect is not None else (0.0, 0.0)
        found.append(((stage_index.get(stage_id, 0), lane_index.get(lane_id, 0), y, x), ref))
    found.sort(key=lambda entry: entry[0])
    return [ref for _, ref in found]
