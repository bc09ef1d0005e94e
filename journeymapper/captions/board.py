"""Every caption of a map: each placed clear of the cards and of the captions placed before
it, and kept so as cards and links move (no Qt).

Links are placed in a fixed order (their rank: the project's order of links). A caption
depends only on the cards near its link and on the captions of lower rank near it, so after
a change only the captions it reaches are placed again, in rank order, and the board ends as
a fresh placement of the whole map would: the canvas after any number of edits shows what
the PDF export of the saved file prints.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from journeymapper.captions.placer import ALONG, CLEARANCE, CaptionPlace, CaptionPlacer, Point
from journeymapper.grid import Grid
from journeymapper.layout import Rect

Key = TypeVar("Key", bound=Hashable)
CELL = 256.0  # a caption's reach meets one to four cells, each holding a few cards
Box = tuple[float, float, float, float]  # left, top, right, bottom
# With a budget, a change that queues more captions than this leaves them all for later:
# the frame that shows the change comes first.
AT_ONCE = 32


@dataclass(frozen=True, slots=True)
class _Link:
    rank: int
    text: str
    short: str
    start: Point
    end: Point


class CaptionBoard(Generic[Key]):
    """The captions of one map's links, by link key.

    What changes is noted at once and placed by :meth:`work`, which files cards and links in
    its grids as it goes: building a map of 10,000 links notes them in milliseconds and
    leaves the placing to turns of the event loop after the first frame.
    """

    def __init__(self, placer: CaptionPlacer,
                 moved: Callable[[set[Key]], None] | None = None) -> None:
        """``moved`` hears, after each change, of the links whose captions moved, changed or
        went."""
        self._placer = placer
        self._moved = moved
        self._cards: dict[Hashable, Rect] = {}
        self._card_grid: Grid[Hashable] = Grid(CELL)
        self._unfiled: dict[Hashable, Rect | None] = {}  # cards not yet (re)filed in the grid
        self._links: dict[Key, _Link] = {}
        # Around each pin of a placed link (see placer.ALONG), every box its caption may
        # take there and the room it keeps clear: a long link's caption stays near its line.
        self._reaches: dict[Key, tuple[Box, ...]] = {}
        self._reach_grid: Grid[tuple[Key, int]] = Grid(CELL)  # placed links by their reach
        self._places: dict[Key, CaptionPlace] = {}
        self._place_grid: Grid[Key] = Grid(CELL)  # links by where their captions are
        self._pending: set[Key] | None = None  # inside batch(): links to place at its end
        # Where cards were and are, for work() to find the placed captions they reach.
        self._moved_cards: list[Box] = []
        # Links to place, by rank (equal ranks, a caller's slip, by arrival, never comparing
        # keys). Every link not placed yet is in it.
        self._queue: list[tuple[int, int, Key]] = []
        self._queued: set[Key] = set()
        self._order = itertools.count()
        self.budget: float | None = None
        """Seconds of placing per turn (None: all at once); see :meth:`work`."""
        self.later: Callable[[], None] | None = None
        """Called when work is left after a turn: have :meth:`work` called again soon."""
        self._gone: set[Key] = set()  # links whose captions went, not told yet

    # ----- what the map holds ---------------------------------------------------------------
    def set_card(self, card: Hashable, rect: Rect | None) -> None:
        """A card is at ``rect`` now (None: gone); captions it reaches are placed again."""
        old = self._cards.get(card)
        if old == rect:
            return
        if rect is None:
            del self._cards[card]
        else:
            self._cards[card] = rect
        self._unfiled[card] = rect
        if self._places:  # links not placed yet are queued anyway
            self._moved_cards.extend(_box(r) for r in (old, rect) if r is not None)
            self._replace(())

    def set_cards(self, cards: Mapping[Hashable, Rect], *, every: bool = False) -> None:
        """These cards are where ``cards`` says; with ``every``, they are all the cards there
        are (the others are gone)."""
        with self.batch():
            if every:
                for gone in set(self._cards) - set(cards):
                    self.set_card(gone, None)
            for card, rect in cards.items():
                self.set_card(card, rect)

    def set_link(self, key: Key, rank: int, text: str, start: Point, end: Point,
                 short: str = "") -> None:
        """The link ``key`` runs from ``start`` to ``end`` (on the borders of its cards)
        with the caption ``text`` ("": none), or ``short`` where that has no room."""
        if not text:
            self.remove_link(key)
            return
        link = _Link(rank, text, short, start, end)
        if self._links.get(key) == link:
            return
        self._links[key] = link
        # Still filed where it reached: it is queued, and filed anew as it is placed.
        self._replace((key,))

    def remove_link(self, key: Key) -> None:
        """The link ``key`` is gone, or has no caption now."""
        if self._links.pop(key, None) is None:
            return
        self._unfile(key)
        if self._pending is not None:
            self._pending.discard(key)
        place = self._places.pop(key, None)
        if place is not None:
            self._place_grid.place(key, None)
            self._gone.add(key)
            self._replace(self._reaching(_box(place.box)))

    def place_of(self, key: Key) -> CaptionPlace | None:
        """Where the caption of ``key`` is (None: the link has none, or it is not placed
        yet)."""
        return self._places.get(key)

    def near(self, area: Rect) -> list[tuple[Key, CaptionPlace]]:
        """The captions whose boxes meet ``area``, in rank order."""
        left, top, right, bottom = _box(area)
        places, links = self._places, self._links
        found = [(links[key].rank, key, place)
                 for key in self._place_grid.near(left, top, right, bottom)
                 if (r := (place := places[key]).box).x < right and left < r.x + r.w
                 and r.y < bottom and top < r.y + r.h and place.lines]
        found.sort(key=lambda entry: entry[0])
        return [(key, place) for _rank, key, place in found]

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Change many cards and links, then place the captions they reach once, at the end
        (building a map: every link once, in rank order)."""
        if self._pending is not None:  # already inside one
            yield
            return
        self._pending = set()
        try:
            yield
        finally:
            pending, self._pending = self._pending, None
            if len(self._moved_cards) > len(self._places):
                # Most of the map moved (a stage grew): asking who each card reaches costs
                # more than placing every caption again.
                self._moved_cards = []
                pending.update(self._places)
            self._replace(pending)

    # ----- placing ------------------------------------------------------------------------
    def work(self) -> bool:
        """Place queued captions, in rank order, for at most ``budget`` seconds (all of them
        when it is None); True when none is left. With work left, ``later`` is called to
        have this called again."""
        links, queue, queued = self._links, self._queue, self._queued
        changed, self._gone = self._gone, set()
        ends = None if self.budget is None else time.perf_counter() + self.budget
        cards_filed = self._file_cards(ends) and self._reach_cards(ends)
        first = True
        while queue and cards_filed:
            # One caption at least per turn, however small the budget.
            if not first and ends is not None and time.perf_counter() > ends:
                break
            first = False
            rank, _n, key = heapq.heappop(queue)
            queued.discard(key)
            link = links.get(key)
            if link is None:
                continue
            self._file(key, link)
            old = self._places.get(key)
            new = self._place(key, link)
            if new == old:
                continue
            self._places[key] = new
            self._place_grid.place(key, _box(new.box))
            changed.add(key)
            for box in (old.box, new.box) if old is not None else (new.box,):
                for other in self._reaching(_box(box)):
                    if links[other].rank > rank and other not in queued:
                        queued.add(other)
                        heapq.heappush(queue, (links[other].rank, next(self._order), other))
        if changed and self._moved is not None:
            self._moved(changed)
        left = bool(queue or self._unfiled or self._moved_cards)
        if left and self.later is not None:
            self.later()
        return not left

    def waiting(self) -> int:
        """How many captions are queued to be placed."""
        return len(self._queue) + (1 if self._unfiled or self._moved_cards else 0)

    def _replace(self, keys: Iterable[Key]) -> None:
        """Queue these links' captions to be placed again (then, in turn, every caption of
        higher rank that one that moves reaches), and work through the queue."""
        if self._pending is not None:
            self._pending.update(keys)
            return
        links, queued = self._links, self._queued
        for key in keys:
            if key in links and key not in queued:
                queued.add(key)
                heapq.heappush(self._queue, (links[key].rank, next(self._order), key))
        if self.budget is None or len(self._queue) + len(self._moved_cards) <= AT_ONCE:
            self.work()
        elif self.later is not None:
            self.later()

    def _file_cards(self, ends: float | None) -> bool:
        """File the cards that moved in the grid, until ``ends``; True when all are."""
        unfiled, grid = self._unfiled, self._card_grid
        while unfiled:
            for _ in range(min(len(unfiled), 256)):
                card, rect = unfiled.popitem()
                grid.place(card, None if rect is None else _box(rect))
            if ends is not None and time.perf_counter() > ends:
                return not unfiled
        return True

    def _reach_cards(self, ends: float | None) -> bool:
        """Queue the placed captions that moved cards reach, until ``ends``; True when
        every moved card is done."""
        moved, links, queued, queue = self._moved_cards, self._links, self._queued, self._queue
        while moved:
            for _ in range(min(len(moved), 64)):
                for key in self._reaching(moved.pop()):
                    if key not in queued:
                        queued.add(key)
                        heapq.heappush(queue, (links[key].rank, next(self._order), key))
            if ends is not None and time.perf_counter() > ends:
                return not moved
        return True

    def _file(self, key: Key, link: _Link) -> None:
        """File a link by where its caption may go (it is being placed)."""
        across, down = self._placer.reach(link.text, link.short)
        x, y = across + CLEARANCE, down + CLEARANCE
        (x0, y0), (x1, y1) = link.start, link.end
        reach = tuple((px - x, py - y, px + x, py + y)
                      for t in ALONG for px, py in ((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t),))
        if self._reaches.get(key) != reach:
            self._reaches[key] = reach
            for i, box in enumerate(reach):
                self._reach_grid.place((key, i), box)

    def _unfile(self, key: Key) -> None:
        for i in range(len(self._reaches.pop(key, ()))):
            self._reach_grid.place((key, i), None)

    def _reaching(self, box: Box) -> set[Key]:
        """The placed links whose captions may go where they would meet ``box``."""
        left, top, right, bottom = box
        reaches = self._reaches
        return {key for key, i in self._reach_grid.near(left, top, right, bottom)
                if (r := reaches[key][i])[0] < right and left < r[2] and r[1] < bottom
                and top < r[3]}

    def _place(self, key: Key, link: _Link) -> CaptionPlace:
        return self._placer.best(link.text, link.start, link.end,
                                 *self._obstacles(key, link), short=link.short)

    def _obstacles(self, key: Key, link: _Link) -> tuple[list[Rect], list[Rect]]:
        """The cards within the caption's reach, and the captions placed there by links of
        lower rank."""
        cards, links, places = self._cards, self._links, self._places
        reach = self._reaches[key]
        # A short link's pins are close together: one query around them all.
        first, last = reach[0], reach[-1]
        left, top = min(first[0], last[0]), min(first[1], last[1])
        right, bottom = max(first[2], last[2]), max(first[3], last[3])
        span = (right - left) * (bottom - top)
        areas = ((first[2] - first[0]) * (first[3] - first[1]) * len(reach))
        queries = ((left, top, right, bottom),) if span <= areas else reach
        near_cards: set[Hashable] = set()
        near_captions: set[Key] = set()
        for box in queries:
            near_cards |= self._card_grid.near(*box)
            near_captions |= self._place_grid.near(*box)
        near_captions.discard(key)
        rank = link.rank
        return ([r for card in near_cards if _meets(r := cards[card], reach)],
                [r for other in near_captions if links[other].rank < rank
                 and (place := places[other]).lines and _meets(r := place.box, reach)])


def place_all(placer: CaptionPlacer, cards: Mapping[Hashable, Rect],
              links: Iterable[tuple[Key, str, str, Point, Point]]) -> CaptionBoard[Key]:
    """A board of ``cards`` and ``links`` (key, caption, its short form, start, end),
    ranked in the order given, every caption placed."""
    board: CaptionBoard[Key] = CaptionBoard(placer)
    with board.batch():
        board.set_cards(cards)
        for rank, (key, text, short, start, end) in enumerate(links):
            board.set_link(key, rank, text, start, end, short)
    return board


def _meets(r: Rect, boxes: tuple[Box, ...]) -> bool:
    """True when ``r`` overlaps one of ``boxes``."""
    left, top = r.x, r.y
    right, bottom = left + r.w, top + r.h
    for b_left, b_top, b_right, b_bottom in boxes:
        if left < b_right and b_left < right and top < b_bottom and b_top < bottom:
            return True
    return False


def _box(r: Rect) -> Box:
    return (r.x, r.y, r.x + r.w, r.y + r.h)
