"""Link captions: how they wrap, where they sit, and that a board kept up to date by changes
ends where placing the whole map afresh would."""

from __future__ import annotations

import random

import pytest

from journeymapper.captions import CaptionBoard, CaptionPlacer, caption_of, place_all
from journeymapper.captions.placer import BESIDE, CLEARANCE, elide, wrap_words
from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, Rect
from journeymapper.model import Link

LINE = 15.0


def measure(text: str) -> float:
    return 7.0 * len(text)  # a monospaced stand-in for the bold caption font


def placer() -> CaptionPlacer:
    return CaptionPlacer(measure, LINE)


def card(x: float, y: float) -> Rect:
    return Rect(x, y, CARD_WIDTH, CARD_HEIGHT)


def clear_of(box: Rect, *others: Rect) -> bool:
    return not any(box.intersects(other) for other in others)


def holds(box: Rect, point: tuple[float, float]) -> bool:
    """The caption covers its pin on the line, as the placer promises."""
    return box.contains(*point)


def on_line(box: Rect, start: tuple[float, float], end: tuple[float, float]) -> bool:
    steps = [(start[0] + (end[0] - start[0]) * i / 100, start[1] + (end[1] - start[1]) * i / 100)
             for i in range(101)]
    return any(holds(box, point) for point in steps)


def test_words_wrap_to_the_width_and_longer_words_are_cut_short():
    assert wrap_words("reads the reviews", 60, measure, 5) == (["reads", "the", "reviews"],
                                                               False)
    lines, cut = wrap_words("see https://crumbandco.example/order b", 70, measure, 5)
    assert cut and lines[0] == "see" and lines[1].endswith("…") and lines[2] == "b"
    assert all(measure(line) <= 70 for line in lines)


def test_text_past_the_last_line_ends_in_an_ellipsis_that_fits():
    lines, cut = wrap_words("one two three four five six", 35, measure, 2)
    assert cut and len(lines) == 2 and lines[0] == "one"
    assert lines[1].endswith("…") and measure(lines[1]) <= 35
    assert elide("short", 100, measure) == "short"


def test_layouts_go_from_one_line_to_narrower_wraps_then_the_short_form():
    layouts = placer().layouts("35% · link in bio", "35%")
    assert layouts[0].lines == ("35% · link in bio",)
    # On several lines the share stands alone on the first: no "·" left hanging.
    assert all(layout.lines[0] == "35%" for layout in layouts[1:])
    assert all("·" not in line for layout in layouts[1:] for line in layout.lines)
    assert [len(layout.lines) for layout in layouts[:-1]] == sorted(
        len(layout.lines) for layout in layouts[:-1])
    assert len({layout.lines for layout in layouts}) == len(layouts)
    assert layouts[-1].lines == ("35%",) and layouts[-1].loss > 0
    assert all(layout.loss == 0 for layout in layouts[:-1])


def test_a_caption_with_room_sits_centred_on_its_line_on_one_line():
    source, target = card(0, 0), card(600, 0)
    start, end = (200.0, 50.0), (600.0, 50.0)
    place = placer().best("35% · link in bio", start, end, [source, target])
    assert place.lines == ("35% · link in bio",)
    assert place.box.center == pytest.approx((400.0, 50.0))


def test_in_a_narrow_gap_the_caption_wraps_to_fit_between_the_cards():
    source, target = card(0, 0), card(280, 0)  # 80 points apart, as a stage apart
    start, end = (200.0, 50.0), (280.0, 50.0)
    place = placer().best("35% · link in bio", start, end, [source, target], short="35%")
    assert len(place.lines) > 1 and " ".join(place.lines) == "35% link in bio"
    assert clear_of(place.box, source, target)
    assert on_line(place.box, start, end)


def test_a_caption_keeps_clear_of_one_placed_before_it():
    source_a, source_b = card(0, 0), card(0, 300)
    target_a, target_b = card(280, 300), card(280, 0)
    links = [("a", "30% · code", "30%", (200.0, 100.0), (280.0, 300.0)),  # they cross
             ("b", "next day", "", (200.0, 300.0), (280.0, 100.0))]
    board = place_all(placer(), {"sa": source_a, "sb": source_b, "ta": target_a,
                                 "tb": target_b}, links)
    a, b = board.place_of("a"), board.place_of("b")
    assert a is not None and b is not None
    assert not a.box.intersects(b.box)
    for place, (_key, _text, _short, start, end) in zip((a, b), links, strict=True):
        assert clear_of(place.box, source_a, source_b, target_a, target_b)
        assert on_line(place.box, start, end)


def test_where_the_whole_caption_would_be_cut_its_share_shows():
    # Cards 34 points apart: the whole caption, however wrapped, loses letters to them.
    left, right = card(0, 0), card(234, 0)
    start, end = (200.0, 50.0), (234.0, 50.0)
    place = placer().best("35% · link in bio", start, end, [left, right], short="35%")
    assert place.lines == ("35%",)
    assert clear_of(place.box, left, right)


def test_with_no_room_anywhere_the_share_goes_over_the_cards_whole():
    # Two rows of cards 14 points apart, a link from one row to the next: a share cut in
    # half would read as another number, so it is drawn over the cards, where it covers
    # least, and its whole text shows.
    grid = [card(column * (CARD_WIDTH + 14), row * (CARD_HEIGHT + 14))
            for column in range(-2, 3) for row in range(2)]
    start, end = (100.0, 100.0), (100.0, 114.0)
    for text, short in (("85% · custom design", "85%"), ("85%", "")):
        place = placer().best(text, start, end, grid, short=short)
        assert place.over and place.lines == ("85%",)
        assert on_line(place.box, start, end)
    # A line that runs across a card has no gap to straddle: no caption rather than one
    # over the card's title.
    across = placer().best("85%", (100.0, -50.0), (100.0, 250.0), [Rect(0, -40, 200, 280)])
    assert across.lines == ()
    # Where there is room, no caption goes over the cards.
    room = placer().best("85% · custom design", (200.0, 50.0), (600.0, 50.0),
                         [card(0, 0), card(600, 0)], short="85%")
    assert not room.over


def test_a_whole_caption_barely_touched_is_kept_over_its_short_form():
    # A gap just lower than the caption box: only its padding would be covered.
    upper, lower = card(0, 0), card(300, 100 + LINE + 2 * CLEARANCE - 1)
    start, end = (200.0, 100.0), (300.0, 100.0 + LINE + 2 * CLEARANCE - 1)
    place = placer().best("40% · reviews", start, end, [upper, lower], short="40%")
    assert place.lines != ("40%",)


def test_caption_of_a_link_reads_share_and_label():
    assert caption_of(Link(id="l", source_id="a", target_id="b", share=0.35,
                           label="link  in\nbio")) == ("35% · link in bio", "35%")
    assert caption_of(Link(id="l", source_id="a", target_id="b", share=0.2)) == ("20%", "")
    assert caption_of(Link(id="l", source_id="a", target_id="b", label="hi")) == ("hi", "")
    assert caption_of(Link(id="l", source_id="a", target_id="b")) == ("", "")


# ----- the board ----------------------------------------------------------------------------
TEXTS = [("35% · link in bio", "35%"), ("18%", ""), ("next day", ""),
         ("50% · reads the reviews", "50%"), ("7%", "")]


def _random_map(rng: random.Random, cards: int, links: int
                ) -> tuple[dict[str, Rect], dict[str, tuple[str, str, str, str]]]:
    """Cards on a tight grid (gaps of 14 to 80 points) and links between them."""
    rects = {f"c{i}": card((i % 6) * (CARD_WIDTH + rng.choice((14, 80))),
                           (i // 6) * (CARD_HEIGHT + rng.choice((14, 40)))) for i in range(cards)}
    ids = list(rects)
    flows = {}
    for i in range(links):
        source, target = rng.sample(ids, 2)
        text, short = rng.choice(TEXTS)
        flows[f"l{i}"] = (source, target, text, short)
    return rects, flows


def _run(cards: dict[str, Rect], source: str, target: str
         ) -> tuple[tuple[float, float], tuple[float, float]]:
    return cards[source].center, cards[target].center


def _fresh(cards: dict[str, Rect], flows: dict[str, tuple[str, str, str, str]],
           ranks: dict[str, int]) -> CaptionBoard[str]:
    ordered = sorted(flows, key=ranks.__getitem__)
    return place_all(placer(), cards, [(key, flows[key][2], flows[key][3],
                                        *_run(cards, *flows[key][:2])) for key in ordered])


def _places(board: CaptionBoard[str], keys: list[str]) -> dict[str, object]:
    return {key: board.place_of(key) for key in keys}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("budget", [None, 0.0])
def test_a_board_kept_up_to_date_ends_where_a_fresh_placement_would(seed, budget):
    rng = random.Random(seed)
    cards, flows = _random_map(rng, 24, 30)
    ranks = {key: i for i, key in enumerate(flows)}
    board: CaptionBoard[str] = CaptionBoard(placer())
    board.budget = budget  # 0: one caption per turn, the rest waits for the next

    def settle() -> None:
        while not board.work():
            pass

    def run_link(key: str) -> None:
        source, target, text, short = flows[key]
        board.set_link(key, ranks[key], text, *_run(cards, source, target), short)

    with board.batch():
        board.set_cards(cards)
        for key in flows:
            run_link(key)
    settle()
    assert _places(board, list(flows)) == _places(_fresh(cards, flows, ranks), list(flows))
    for _step in range(25):
        change = rng.choice(("move card", "move card", "caption", "remove link", "add link",
                             "remove card"))
        if change == "move card":
            moved = rng.choice(list(cards))
            old = cards[moved]
            cards[moved] = Rect(old.x + rng.uniform(-150, 150), old.y + rng.uniform(-80, 80),
                                old.w, old.h)
            with board.batch():
                board.set_card(moved, cards[moved])
                for key, (source, target, _t, _s) in flows.items():
                    if moved in (source, target):
                        run_link(key)
        elif change == "caption":
            key = rng.choice(list(flows))
            source, target, _text, _short = flows[key]
            flows[key] = (source, target, *rng.choice(TEXTS))
            run_link(key)
        elif change == "remove link" and flows:
            key = rng.choice(list(flows))
            del flows[key]
            board.remove_link(key)
        elif change == "add link":
            key = f"l{len(ranks)}"
            ranks[key] = len(ranks)
            flows[key] = (*rng.sample(list(cards), 2), *rng.choice(TEXTS))
            run_link(key)
        elif change == "remove card" and len(cards) > 2:
            gone = rng.choice(list(cards))
            del cards[gone]
            with board.batch():
                board.set_card(gone, None)
                for key in [k for k, flow in flows.items() if gone in flow[:2]]:
                    del flows[key]
                    board.remove_link(key)
        settle()
        assert _places(board, list(flows)) == _places(_fresh(cards, flows, ranks), list(flows)), \
            change


def test_a_board_tells_which_captions_moved_and_finds_them_in_rank_order():
    heard: list[set[str]] = []
    board: CaptionBoard[str] = CaptionBoard(placer(), heard.append)
    left, right = card(0, 0), card(280, 0)
    board.set_cards({"left": left, "right": right})
    board.set_link("b", 1, "18%", (200.0, 50.0), (280.0, 50.0))
    board.set_link("a", 0, "7%", (200.0, 60.0), (280.0, 60.0))  # lower rank, same gap
    assert heard[0] == {"b"} and "a" in heard[1]
    assert [key for key, _place in board.near(Rect(190, 0, 100, 100))] == ["a", "b"]
    heard.clear()
    board.remove_link("a")
    assert heard and "a" in heard[0] and board.place_of("a") is None
    assert [key for key, _place in board.near(Rect(190, 0, 100, 100))] == ["b"]


def test_work_left_for_later_is_asked_for_and_done_in_rank_order():
    calls: list[int] = []
    board: CaptionBoard[str] = CaptionBoard(placer())
    board.budget = 0.0
    board.later = lambda: calls.append(board.waiting())
    with board.batch():
        for i in range(5):
            board.set_link(f"l{i}", i, "18%", (i * 300.0, 0.0), (i * 300.0 + 100, 0.0))
    assert calls and board.waiting() == 4  # one placed, four wait
    assert board.place_of("l0") is not None and board.place_of("l4") is None
    while not board.work():
        pass
    assert all(board.place_of(f"l{i}") is not None for i in range(5))


def test_a_pin_is_always_inside_its_caption():
    # Wherever the placer puts it, the caption's middle half covers a point of its line.
    rng = random.Random(3)
    p = placer()
    for _ in range(200):
        start = (rng.uniform(0, 500), rng.uniform(0, 500))
        end = (start[0] + rng.uniform(-400, 400), start[1] + rng.uniform(-400, 400))
        obstacles = [card(rng.uniform(0, 600), rng.uniform(0, 600)) for _ in range(6)]
        text, short = rng.choice(TEXTS)
        place = p.best(text, start, end, obstacles, short=short)
        if not place.lines:
            continue  # no room for it anywhere
        box = place.box
        inner = Rect(box.x + box.w * (0.5 - BESIDE) - 0.01, box.y + box.h * (0.5 - BESIDE) - 0.01,
                     box.w * 2 * BESIDE + 0.02, box.h * 2 * BESIDE + 0.02)
        assert on_line(inner, start, end)
