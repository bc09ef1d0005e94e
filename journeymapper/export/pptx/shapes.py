"""Native, editable PowerPoint shapes: boxes with text, text boxes, connectors with arrows.

Every length here is in EMU (``journeymapper.export.pptx.style.emu`` converts points).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.shapes.groupshape import CT_GroupShape
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.connector import Connector
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from journeymapper.export.pptx.style import INK, rgb

ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph: its text and how it is set."""

    text: str
    size: float
    bold: bool = False
    color: str = INK
    align: str = "left"
    italic: bool = False
    space_before: float = 0.0


def color(hex_color: str) -> RGBColor:
    """A python-pptx colour from ``#rrggbb``."""
    return RGBColor(*rgb(hex_color))


def write(frame: TextFrame, lines: Sequence[Line], *, anchor: str = "top",
          margins: tuple[float, float, float, float] = (4.0, 3.0, 4.0, 3.0),
          wrap: bool = True) -> None:
    """Replace the text of ``frame`` with ``lines``; ``margins`` (left, top, right, bottom) in pt.

    The frame never resizes its shape, so the slide looks as laid out here.
    """
    frame.clear()
    frame.word_wrap = wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = ANCHOR[anchor]
    left, top, right, bottom = margins
    frame.margin_left, frame.margin_top = Pt(left), Pt(top)
    frame.margin_right, frame.margin_bottom = Pt(right), Pt(bottom)
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = ALIGN[line.align]
        if line.space_before:
            paragraph.space_before = Pt(line.space_before)
        run = paragraph.add_run()
        run.text = line.text
        font = run.font
        font.size = Pt(line.size)
        font.bold = line.bold
        font.italic = line.italic
        font.color.rgb = color(line.color)


def drop_theme_style(shape: Shape | Connector) -> None:
    """Remove the theme style reference python-pptx gives new shapes.

    It brings a shadow (``effectRef``) that LibreOffice draws even under an empty effect list;
    every colour the deck uses is set explicitly instead.
    """
    element = shape._element  # private, but the only way in
    for style in element.findall(qn("p:style")):
        element.remove(style)


def fitting_size(text: str, width_pt: float, size: float, floor: float) -> float:
    """``size``, made smaller (not below ``floor``) until the longest word fits ``width_pt``."""
    longest = max((len(word) for word in text.split()), default=1)
    return round(max(floor, min(size, width_pt / (max(longest, 1) * 0.72))), 1)


def box(shapes: object, left: int, top: int, width: int, height: int, *,
        fill: str | None = None, line: str | None = None, line_width: float = 0.75,
        shape: MSO_SHAPE = MSO_SHAPE.RECTANGLE, radius: float | None = None,
        name: str | None = None) -> Shape:
    """An autoshape (rectangle by default) filled and outlined as asked, without shadow."""
    result: Shape = shapes.add_shape(  # type: ignore[attr-defined]
        shape, Emu(left), Emu(top), Emu(max(1, width)), Emu(max(1, height)))
    drop_theme_style(result)
    if fill is None:
        result.fill.background()
    else:
        result.fill.solid()
        result.fill.fore_color.rgb = color(fill)
    if line is None:
        result.line.fill.background()
    else:
        result.line.color.rgb = color(line)
        result.line.width = Pt(line_width)
    if radius is not None and len(result.adjustments):
        result.adjustments[0] = max(0.0, min(0.5, radius))
    if name:
        result.name = name
    return result


def text_box(shapes: object, left: int, top: int, width: int, height: int,
             lines: Sequence[Line], **options: object) -> Shape:
    """A text box holding ``lines`` (see ``write`` for the options)."""
    result: Shape = shapes.add_textbox(  # type: ignore[attr-defined]
        Emu(left), Emu(top), Emu(max(1, width)), Emu(max(1, height)))
    write(result.text_frame, lines, **options)  # type: ignore[arg-type]
    return result


def connector(shapes: object, begin: tuple[int, int], end: tuple[int, int], *,
              line: str, width: float = 1.0, arrow: bool = False,
              dashed: bool = False) -> Connector:
    """A straight connector from ``begin`` to ``end``, with an arrow head at the end if asked."""
    result: Connector = shapes.add_connector(  # type: ignore[attr-defined]
        MSO_CONNECTOR.STRAIGHT, Emu(begin[0]), Emu(begin[1]), Emu(end[0]), Emu(end[1]))
    drop_theme_style(result)
    result.line.color.rgb = color(line)
    result.line.width = Pt(width)
    if dashed:
        result.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    if arrow:
        add_arrow_head(result)
    return result


def add_arrow_head(line_shape: Connector) -> None:
    """A triangle arrow head at the end of a connector (python-pptx has no API for it)."""
    ln = line_shape.line._get_or_add_ln()  # private, but the only way in
    for old in ln.findall(qn("a:tailEnd")):
        ln.remove(old)
    tail = ln.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"})
    ext = ln.find(qn("a:extLst"))
    if ext is None:
        ln.append(tail)
    else:
        ext.addprevious(tail)


# Connection sites of rectangles and rounded rectangles, in OOXML order.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3


def glue(line_shape: Connector, source: Shape, target: Shape) -> None:
    """Glue a connector's ends to the facing sides of two shapes, so it follows them.

    The side is the one the centre-to-centre line leaves through, as on the canvas.
    """
    sx, sy = source.left + source.width / 2, source.top + source.height / 2
    tx, ty = target.left + target.width / 2, target.top + target.height / 2
    dx, dy = tx - sx, ty - sy
    if abs(dx) * source.height >= abs(dy) * source.width:
        begin, end = (RIGHT, LEFT) if dx >= 0 else (LEFT, RIGHT)
    else:
        begin, end = (BOTTOM, TOP) if dy >= 0 else (TOP, BOTTOM)
    line_shape.begin_connect(source, begin)
    line_shape.end_connect(target, end)


class Groups:
    """Shapes drawn flat on a slide, grouped once the slide is drawn (a card with its channel
    bar and badge moves as one in PowerPoint).

    python-pptx's ``add_group_shape()`` picks the new group's id by testing every number
    against a list of all the ids on the slide, and each shape added inside a group looks
    through all of them again: the overview of 1,000 touchpoints took two minutes, 10,000
    would take hours. Drawn flat (with ``turbo_add_enabled``, each id one more than the last)
    and grouped here with ids counted on from the slide's highest, the deck takes time in
    proportion to its shapes.
    """

    def __init__(self, shapes: object) -> None:
        shapes.turbo_add_enabled = True  # type: ignore[attr-defined]
        self._shapes = shapes
        self._wanted: list[tuple[str, Sequence[BaseShape]]] = []

    def add(self, name: str, members: Sequence[BaseShape]) -> None:
        """Group ``members`` (already on the slide, the first lowest) under ``name``."""
        self._wanted.append((name, members))

    def make(self) -> None:
        """Make the groups asked for, each where its first member was in the z-order."""
        if not self._wanted:
            return
        next_id = max(shape.shape_id for shape in self._shapes) + 1  # type: ignore[attr-defined]
        for name, members in self._wanted:
            # python-pptx puts the name into XML text unescaped: set it as an attribute.
            group = CT_GroupShape.new_grpSp(next_id, f"Group {next_id}")
            group.nvGrpSpPr.cNvPr.set("name", name)
            next_id += 1
            members[0]._element.addprevious(group)  # private, but the only way in
            for member in members:
                group.insert_element_before(member._element, "p:extLst")
            group.recalculate_extents()
        self._wanted.clear()
        # Shapes added after the groups get ids after theirs (the turbo count is read again).
        self._shapes.turbo_add_enabled = True  # type: ignore[attr-defined]
