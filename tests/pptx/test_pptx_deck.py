"""The PowerPoint deck, read back with python-pptx: slides, native shapes, every name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.shapes.base import BaseShape
from pptx.slide import Slide

from journeymapper.export.formatting import amount
from journeymapper.export.options import ExportOptionError
from journeymapper.export.pptx import export_pptx
from journeymapper.export.pptx.overview import fit_frame
from journeymapper.export.pptx.register import TABLE_HEIGHT, register_pages, row_height
from journeymapper.export.pptx.style import DIMMED_FILL, SLIDE_HEIGHT, SLIDE_WIDTH
from journeymapper.io import load
from journeymapper.layout import compute_layout
from journeymapper.model import Project, Touchpoint, new_project
from journeymapper.paths import EXAMPLES

TODAY = dt.date(2026, 6, 1)
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def walk(shapes: object) -> Iterator[BaseShape]:
    """Every shape, inside groups too."""
    for shape in shapes:  # type: ignore[attr-defined]
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from walk(shape.shapes)


def texts(slide: Slide) -> list[str]:
    """The text of every shape and table cell of a slide."""
    out: list[str] = []
    for shape in walk(slide.shapes):
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if getattr(shape, "has_table", False):
            out.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return out


def title(slide: Slide) -> str:
    return slide.shapes.title.text_frame.text


def write_deck(project: Project, tmp_path: Path, **options: object) -> Presentation:
    path = tmp_path / "deck.pptx"
    export_pptx(project, path, today=TODAY, **options)  # type: ignore[arg-type]
    return Presentation(str(path))


@pytest.fixture(scope="module", params=EXAMPLE_FILES, ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Presentation]:
    """Each example and its deck, written once for all the tests that read it."""
    project = load(request.param)
    return project, write_deck(project, tmp_path_factory.mktemp(request.param.stem))


def test_example_decks(example: tuple[Project, Presentation]) -> None:
    project, deck = example
    assert (deck.slide_width, deck.slide_height) == (SLIDE_WIDTH, SLIDE_HEIGHT)
    assert SLIDE_WIDTH * 9 == SLIDE_HEIGHT * 16
    slides = list(deck.slides)
    pages = register_pages(project, TODAY)
    assert len(slides) == 1 + 1 + len(project.stages) + len(pages)

    # Titles, in order.
    assert title(slides[0]) == project.title
    assert title(slides[1]) == "Journey map"
    assert [title(s) for s in slides[2:2 + len(project.stages)]] == \
        [s.name for s in project.stages]
    assert all(title(s).startswith("Touchpoint register") for s in slides[-len(pages):])

    # Every touchpoint name is on the deck (the register holds each one whole).
    all_text = "\n".join(t for s in slides for t in texts(s))
    for tp in project.touchpoints:
        assert tp.name in all_text, tp.name

    # Native shapes only: autoshapes, text boxes, connectors, groups, tables; no pictures.
    kinds = {shape.shape_type for s in slides for shape in walk(s.shapes)}
    assert MSO_SHAPE_TYPE.PICTURE not in kinds
    assert kinds <= {MSO_SHAPE_TYPE.AUTO_SHAPE, MSO_SHAPE_TYPE.TEXT_BOX, MSO_SHAPE_TYPE.LINE,
                     MSO_SHAPE_TYPE.GROUP, MSO_SHAPE_TYPE.TABLE, MSO_SHAPE_TYPE.PLACEHOLDER}

    # Nothing is drawn off the slide.
    for s in slides:
        for shape in walk(s.shapes):
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= SLIDE_WIDTH, shape.name
            assert shape.top + shape.height <= SLIDE_HEIGHT, shape.name


def test_overview_draws_the_map_from_the_shared_layout(
        example: tuple[Project, Presentation]) -> None:
    project, deck = example
    overview = list(deck.slides)[1]
    shapes = list(walk(overview.shapes))
    cards = [s for s in shapes if s.name == "Touchpoint"]
    assert len(cards) == len(project.touchpoints)
    layout = compute_layout(project)
    frame = fit_frame(layout)
    for tp, card in zip(project.touchpoints, cards, strict=True):
        assert card.auto_shape_type is not None and "ROUNDED" in str(card.auto_shape_type)
        box = layout.cards[tp.id]
        assert abs(card.left - frame.x(box.x)) <= 1 and abs(card.top - frame.y(box.y)) <= 1
    headers = {s.name: s for s in shapes if s.name.startswith("Stage ")}
    for stage in project.stages:
        header = headers[f"Stage {stage.name}"]
        assert str(header.fill.fore_color.rgb) == stage.color.lstrip("#").upper()
        assert header.text_frame.text.startswith(stage.name)
    links = [s for s in shapes if s.shape_type == MSO_SHAPE_TYPE.LINE and
             s.name.startswith("Link")]
    assert len(links) == len(project.links)
    # Each link is glued to its two cards and ends in an arrow head.
    card_ids = {c.shape_id for c in cards}
    for link in links:
        xml = link._element.xml
        assert "<a:tailEnd" in xml
        assert {link._element.nvCxnSpPr.cNvCxnSpPr.stCxn.id,
                link._element.nvCxnSpPr.cNvCxnSpPr.endCxn.id} <= card_ids


def test_stage_slides_show_each_touchpoint_and_the_goal_in_the_notes(
        example: tuple[Project, Presentation]) -> None:
    project, deck = example
    slides = list(deck.slides)
    for stage, slide in zip(project.stages, slides[2:], strict=False):
        shown = "\n".join(texts(slide))
        cards = [s for s in walk(slide.shapes) if s.name == "Touchpoint"]
        touchpoints = [t for t in project.touchpoints if t.stage_id == stage.id]
        assert len(cards) == len(touchpoints)
        for tp in touchpoints:
            assert tp.name in shown
            assert f"{project.importance(tp):.0f}" in shown
            if tp.owner:
                assert f"Owner: {tp.owner}" in shown
            if tp.deadline:
                assert f"Due {tp.deadline.isoformat()}" in shown
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith(f"Customer goal: {stage.goal.strip()}")


def test_register_lists_every_touchpoint_once_with_totals_last(
        example: tuple[Project, Presentation]) -> None:
    project, deck = example
    pages = register_pages(project, TODAY)
    slides = list(deck.slides)[-len(pages):]
    rows: list[list[str]] = []
    for slide in slides:
        tables = [s for s in slide.shapes if s.has_table]
        assert len(tables) == 1
        table = tables[0].table
        header = [cell.text for cell in table.rows[0].cells]
        assert header[0] == "Touchpoint" and header[9] == "Status"
        assert header[6] == f"Budget ({project.business.currency})"
        rows += [[cell.text for cell in row.cells] for row in list(table.rows)[1:]]
    *body, total = rows
    assert sorted(r[0] for r in body) == sorted(" ".join(t.name.split())
                                                for t in project.touchpoints)
    assert total[0] == f"Total: {len(project.touchpoints)} touchpoints"
    assert total[6] == amount(sum((t.budget for t in project.touchpoints), Decimal(0)))
    assert total[7] == amount(sum((t.spent for t in project.touchpoints), Decimal(0)))


def test_a_long_register_is_split_and_every_page_fits(tmp_path: Path) -> None:
    project = new_project("Big")
    project.touchpoints = [
        Touchpoint(id=f"t{i}", name=f"Touchpoint number {i} " + "with a long name " * (i % 8),
                   stage_id=project.stages[i % 5].id, lane_id="touchpoints",
                   owner="Someone with a rather long owner name" if i % 3 else "",
                   budget=Decimal(i), deadline=dt.date(2026, 1, 1) if i % 4 else None,
                   y=(i // 5) * 120.0)
        for i in range(80)]
    pages = register_pages(project, TODAY)
    assert len(pages) > 3
    from journeymapper.export.pptx.register import header_row

    for rows in pages:
        assert row_height(header_row(project)) + sum(map(row_height, rows)) <= TABLE_HEIGHT
    assert [r.total for rows in pages for r in rows].count(True) == 1 and pages[-1][-1].total
    deck = write_deck(project, tmp_path)
    assert len(deck.slides) == 2 + 5 + len(pages)
    assert title(list(deck.slides)[-1]) == f"Touchpoint register ({len(pages)}/{len(pages)})"
    all_text = "\n".join(t for s in deck.slides for t in texts(s))
    assert all(" ".join(tp.name.split()) in all_text for tp in project.touchpoints)
    # 16 cards per stage still fit their slide.
    for slide in list(deck.slides)[2:7]:
        assert len([s for s in walk(slide.shapes) if s.name == "Touchpoint"]) == 16
        for shape in walk(slide.shapes):
            assert shape.top + shape.height <= SLIDE_HEIGHT


def test_cards_are_groups_and_every_shape_id_is_unique_on_its_slide(tmp_path: Path) -> None:
    """Cards are drawn flat and grouped afterwards (python-pptx's groups took minutes on a
    big map): the groups must hold their card, and no two shapes share an id."""
    from journeymapper.bench.synthetic import synthetic_project

    project = synthetic_project(300)
    project.touchpoints[0].name = 'Quotes " and <angle> & ampersand'
    deck = write_deck(project, tmp_path)
    for slide in deck.slides:
        ids = [shape.shape_id for shape in walk(slide.shapes)]
        assert len(ids) == len(set(ids)), title(slide)
    overview = list(deck.slides)[1]
    groups = [s for s in overview.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]
    assert len(groups) == len(project.touchpoints)
    assert groups[0].name == f"Card {project.touchpoints[0].name}"
    for group in groups:
        assert [s.name for s in group.shapes] == ["Touchpoint", "Channel"]
        card = group.shapes[0]
        assert (group.left, group.top, group.width, group.height) == (
            card.left, card.top, card.width, card.height)  # the bar lies inside the card
    stage_groups = [s for s in list(deck.slides)[2].shapes
                    if s.shape_type == MSO_SHAPE_TYPE.GROUP]
    assert stage_groups and all([s.name for s in g.shapes] == ["Touchpoint", "Channel",
                                                                "Importance"]
                                for g in stage_groups)
    # The links stay under the cards, as on the canvas.
    order = [s.shape_type for s in overview.shapes]
    assert max(i for i, k in enumerate(order) if k == MSO_SHAPE_TYPE.LINE
               and overview.shapes[i].name.startswith("Link")) < \
        order.index(MSO_SHAPE_TYPE.GROUP)


def test_a_crowded_stage_says_how_many_are_left_out(tmp_path: Path) -> None:
    project = new_project("Crowded")
    project.touchpoints = [Touchpoint(id=f"t{i}", name=f"T{i}", stage_id="awareness",
                                      lane_id="touchpoints", y=i * 120.0) for i in range(70)]
    slide = list(write_deck(project, tmp_path).slides)[2]
    cards = [s for s in walk(slide.shapes) if s.name == "Touchpoint"]
    assert 40 < len(cards) < 70
    assert f"+{70 - len(cards)} more touchpoints: see the register" in "\n".join(texts(slide))


def test_empty_projects_still_make_a_deck(tmp_path: Path) -> None:
    deck = write_deck(new_project("Empty"), tmp_path)
    assert len(deck.slides) == 2 + 5 + 1
    assert "No touchpoints in this stage yet." in "\n".join(texts(list(deck.slides)[2]))
    bare = Project(title="Bare")
    deck = write_deck(bare, tmp_path)
    assert len(deck.slides) == 3
    assert "Total: 0 touchpoints" in "\n".join(texts(list(deck.slides)[2]))


def test_persona_highlight_dims_the_others(tmp_path: Path) -> None:
    project = load(EXAMPLES / "bakery.json")
    deck = write_deck(project, tmp_path, persona="Markus, the office manager")
    first, overview = list(deck.slides)[:2]
    assert "Highlighting persona: Markus, the office manager" in "\n".join(texts(first))
    cards = [s for s in walk(overview.shapes) if s.name == "Touchpoint"]
    dimmed = DIMMED_FILL.lstrip("#").upper()
    for tp, card in zip(project.touchpoints, cards, strict=True):
        assert (str(card.fill.fore_color.rgb) == dimmed) == (not tp.serves(
            "persona-office-manager")), tp.name
    with pytest.raises(ExportOptionError, match="unknown persona"):
        export_pptx(project, tmp_path / "x.pptx", persona="Nobody")
    assert not (tmp_path / "x.pptx").exists()


def test_the_file_is_replaced_atomically(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(b"old")
    export_pptx(load(EXAMPLES / "workshop-starter.json"), path, today=TODAY)
    assert path.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]
    with pytest.raises(OSError):
        export_pptx(new_project(), tmp_path / "no-such-folder" / "deck.pptx", today=TODAY)
