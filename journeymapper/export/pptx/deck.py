"""The whole deck: title, overview, one slide per stage, the register; saved atomically."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu

from journeymapper.export.formatting import long_date, money
from journeymapper.export.options import find_persona
from journeymapper.export.pptx.overview import draw_overview
from journeymapper.export.pptx.register import draw_register, register_pages
from journeymapper.export.pptx.shapes import Line, box, fitting_size, write
from journeymapper.export.pptx.stages import draw_stage, stage_notes, stage_summary
from journeymapper.export.pptx.style import (
    EMU_PER_INCH,
    EMU_PER_POINT,
    MARGIN,
    MUTED,
    NOTES_CHARS,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    SUBTITLE_HEIGHT,
    SUBTITLE_SIZE,
    SUBTITLE_TOP,
    TITLE_HEIGHT,
    TITLE_SIZE,
    TITLE_TOP,
    elide,
    ink_on,
)
from journeymapper.io import atomic_write
from journeymapper.model import Persona, Project
from journeymapper.wording import plural

TITLE_LAYOUT = 0  # "Title Slide" of python-pptx's default template
TITLE_ONLY_LAYOUT = 5  # "Title Only": a real title placeholder (outline, accessibility)
SUBTITLE_CHARS = 115  # one line at 14 pt across the slide


def new_deck() -> PresentationType:
    """An empty 16:9 presentation."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(SLIDE_WIDTH), Emu(SLIDE_HEIGHT)
    return deck


def content_slide(deck: PresentationType, title: str, subtitle: str) -> Slide:
    """A slide with its title in the title placeholder and a subtitle line under it."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    heading = slide.shapes.title
    heading.left, heading.top = Emu(MARGIN), Emu(TITLE_TOP)
    heading.width, heading.height = Emu(SLIDE_WIDTH - 2 * MARGIN), Emu(TITLE_HEIGHT)
    write(heading.text_frame, [Line(elide(title, 90), TITLE_SIZE, bold=True)],
          anchor="bottom", margins=(0, 0, 0, 2))
    if subtitle:
        box_ = slide.shapes.add_textbox(Emu(MARGIN), Emu(SUBTITLE_TOP),
                                        Emu(SLIDE_WIDTH - 2 * MARGIN), Emu(SUBTITLE_HEIGHT))
        box_.name = "Subtitle"
        write(box_.text_frame, [Line(elide(subtitle, SUBTITLE_CHARS), SUBTITLE_SIZE, color=MUTED)],
              margins=(0, 2, 0, 0))
    return slide


def set_notes(slide: Slide, text: str) -> None:
    """Speaker notes (kept to a sane length)."""
    text = text.strip()
    if text:
        slide.notes_slide.notes_text_frame.text = text[:NOTES_CHARS]


def title_slide(deck: PresentationType, project: Project, persona: Persona | None,
                today: dt.date) -> None:
    """Project title, business, date and key numbers, and the stages as a row of chevrons."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    heading, sub = slide.shapes.title, slide.placeholders[1]
    heading.left, heading.top = Emu(2 * MARGIN), Emu(int(1.5 * EMU_PER_INCH))
    heading.width, heading.height = Emu(SLIDE_WIDTH - 4 * MARGIN), Emu(int(1.6 * EMU_PER_INCH))
    write(heading.text_frame, [Line(elide(project.title, 120), 40, bold=True, align="center")],
          anchor="bottom")
    business = " \u00b7 ".join(x for x in (project.business.name.strip(),
                                           project.business.industry.strip()) if x)
    budget = sum((t.budget for t in project.touchpoints), Decimal(0))
    counts = " \u00b7 ".join([
        plural(len(project.stages), "stage"), plural(len(project.touchpoints), "touchpoint"),
        plural(len(project.personas), "persona"),
        f"budget {money(budget, project.business.currency)}"])
    lines = [Line(f"Customer journey map \u00b7 {long_date(today)}", 20, align="center")]
    if business:
        lines.insert(0, Line(elide(business, 120), 20, align="center"))
    lines.append(Line(counts, 14, color=MUTED, align="center", space_before=6))
    if persona is not None:
        lines.append(Line(f"Highlighting persona: {elide(persona.name, 80)}", 14, bold=True,
                          color=MUTED, align="center"))
    sub.left, sub.top = Emu(2 * MARGIN), Emu(int(3.25 * EMU_PER_INCH))
    sub.width, sub.height = Emu(SLIDE_WIDTH - 4 * MARGIN), Emu(int(1.6 * EMU_PER_INCH))
    write(sub.text_frame, lines)
    _chevrons(slide, project)
    set_notes(slide, project.description)


def _chevrons(slide: Slide, project: Project) -> None:
    if not project.stages:
        return
    top, height = int(5.35 * EMU_PER_INCH), int(0.8 * EMU_PER_INCH)
    width = (SLIDE_WIDTH - 4 * MARGIN) // len(project.stages)
    for i, stage in enumerate(project.stages):
        shape = box(slide.shapes, 2 * MARGIN + i * width, top, width, height, fill=stage.color,
                    shape=MSO_SHAPE.CHEVRON if i else MSO_SHAPE.PENTAGON,
                    name=f"Stage {stage.name}")
        name = elide(stage.name, 40)
        size = fitting_size(name, width / EMU_PER_POINT - 48, 14.0, 6.0)
        write(shape.text_frame, [Line(name, size, bold=True,
                                      color=ink_on(stage.color), align="center")],
              anchor="middle", margins=(14, 2, 8, 2))


def build_deck(project: Project, *, persona: Persona | None, today: dt.date
               ) -> PresentationType:
    """Every slide of the deck, in order."""
    deck = new_deck()
    deck.core_properties.title = project.title
    deck.core_properties.subject = "Customer journey map"
    deck.core_properties.author = "Journeymapper"
    deck.core_properties.last_modified_by = "Journeymapper"
    persona_id = persona.id if persona is not None else None
    title_slide(deck, project, persona, today)

    focus = f" \u00b7 persona {persona.name}" if persona is not None else ""
    slide = content_slide(deck, "Journey map",
                          "Stages left to right, lanes top to bottom, arrows are customer flows"
                          + focus)
    draw_overview(slide.shapes, project, persona_id=persona_id, today=today)
    set_notes(slide, "\n".join(f"{s.name}: {s.goal.strip() or 'no goal set'}"
                               for s in project.stages))

    for index, stage in enumerate(project.stages, start=1):
        # With a persona, its name replaces the mean emotion (of everyone) on the line.
        summary = stage_summary(project, stage, index, emotion=persona is None)
        slide = content_slide(deck, stage.name, summary + focus)
        draw_stage(slide.shapes, project, stage, persona_id=persona_id, today=today)
        set_notes(slide, stage_notes(project, stage))

    pages = register_pages(project, today)
    for number, rows in enumerate(pages, start=1):
        title = "Touchpoint register" + (f" ({number}/{len(pages)})" if len(pages) > 1 else "")
        slide = content_slide(
            deck, title, f"Importance 0\u2013100, performance 1\u20135, money in "
            f"{project.business.currency}; deadlines judged on {today.isoformat()}")
        draw_register(slide.shapes, project, rows)
    return deck


def export_pptx(project: Project, path: Path | str, *, persona: str | None = None,
                today: dt.date | None = None) -> None:
    """Render the deck in memory, then write it atomically (see the package docstring)."""
    chosen = None if persona is None else find_persona(project, persona)
    deck = build_deck(project, persona=chosen, today=today or dt.date.today())
    buffer = BytesIO()
    deck.save(buffer)
    atomic_write(path, buffer.getvalue(), backup=False)
