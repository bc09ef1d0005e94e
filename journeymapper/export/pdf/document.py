"""The PDF document: page template, sections in order, outline, metadata, atomic write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from journeymapper import __version__
from journeymapper.export.formatting import clean
from journeymapper.export.options import (
    SECTION_TITLES,
    SECTIONS,
    ExportOptions,
    Progress,
    resolve_options,
)
from journeymapper.export.pdf import budget, map_page, matrix, personas, register, timeline
from journeymapper.export.pdf.fonts import FONT, register_fonts
from journeymapper.export.pdf.outline import OutlineMark
from journeymapper.export.pdf.styles import MUTED, RULE, styles
from journeymapper.export.pdf.text import elide, markup
from journeymapper.layout import compute_layout
from journeymapper.model import Project

MARGIN = 28.0
FOOTER = 14.0

Builder = Callable[[], list[Flowable]]


class JourneyDocument(BaseDocTemplate):
    """Landscape pages with one frame and a footer naming the map, section and page."""

    def __init__(self, buffer: BytesIO, project: Project, options: ExportOptions) -> None:
        width, height = options.page_size
        super().__init__(
            buffer,
            pagesize=options.page_size,
            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER,
            title=clean(project.title),
            author=clean(project.business.name) or "Journeymapper",
            subject="Customer journey map: touchpoints, personas, budget and deadlines",
            creator=f"Journeymapper {__version__}",
            # The canvas starts every page in this font; a base-14 default would appear,
            # unembedded, in the font list of every page.
            initialFontName=FONT,
            pageCompression=1,
        )
        self.footer_title = clean(project.title)
        self.section = ""
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._footer,
                                            pagesize=(width, height))])

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        # Drawn when the page ends, so it names the section the page actually holds.
        width, _ = self.pagesize
        y = MARGIN
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 10, width - MARGIN, y + 10)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.5)
        page = f"Page {canvas.getPageNumber()}"
        canvas.drawRightString(width - MARGIN, y, page)
        left = f"{self.footer_title} · {self.section}" if self.section else self.footer_title
        canvas.drawString(MARGIN, y, elide(left, width - 2 * MARGIN - 80, 7.5))
        canvas.restoreState()


def _heading_height(title: str, width: float) -> float:
    """Room a section heading takes at the top of its first page."""
    style = styles().heading
    return Paragraph(markup(title), style).wrap(width, 1e6)[1] + style.spaceAfter


def _section_builders(project: Project, options: ExportOptions,
                      doc: JourneyDocument) -> dict[str, Builder]:
    """Flowables of each section, built on demand so unused sections cost nothing."""
    width, height = doc.width, doc.height
    layout = compute_layout(project)

    def below_heading(section: str) -> float:
        return height - _heading_height(SECTION_TITLES[section], width)

    def titled(section: str, flowables: list[Flowable]) -> list[Flowable]:
        return [Paragraph(markup(SECTION_TITLES[section]), styles().heading), *flowables]

    return {
        "map": lambda: map_page.map_flowables(project, layout, options, width, height,
                                              "register" in options.sections),
        "personas": lambda: titled("personas", personas.persona_flowables(
            project, options, width)),
        "register": lambda: titled("register", register.register_flowables(
            project, options, width, below_heading("register"), height,
            "map" in options.sections)),
        "budget": lambda: titled("budget", budget.budget_flowables(
            project, width, below_heading("budget"))),
        "matrix": lambda: titled("matrix", matrix.matrix_flowables(
            project, width, below_heading("matrix"))),
        "timeline": lambda: titled("timeline", timeline.timeline_flowables(
            project, options, width, below_heading("timeline"))),
    }


def render_pdf(project: Project, options: ExportOptions,
               progress: Progress | None = None) -> bytes:
    """The PDF of ``project`` as bytes; ``progress(done, total)`` counts sections."""
    register_fonts()
    total = len(options.sections) + 1
    report = progress or (lambda done, total: None)
    buffer = BytesIO()
    with _binary_streams():
        _build(project, options, buffer, total, report)
    report(len(options.sections), total)
    return buffer.getvalue()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Skip reportlab's ASCII85 text encoding of compressed streams while rendering.

    It exists for 7-bit mail; it made a 1,000-touchpoint export 2.4 s slower and the file
    25% larger. The setting is global in reportlab, so it is restored afterwards.
    """
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _build(project: Project, options: ExportOptions, buffer: BytesIO, total: int,
           report: Progress) -> None:
    """Lay out and draw every chosen section into ``buffer``."""
    doc = JourneyDocument(buffer, project, options)
    builders = _section_builders(project, options, doc)
    story: list[Flowable] = []
    for i, section in enumerate(options.sections):
        title = SECTION_TITLES[section]

        def started(i: int = i, title: str = title) -> None:
            doc.section = title
            report(i, total)

        if story:
            story.append(PageBreak())
        story.append(OutlineMark(title, f"section-{section}", 0, on_draw=started))
        flowables = builders[section]()
        # A trailing spacer that lands past the page end would start a blank page.
        while flowables and isinstance(flowables[-1], Spacer):
            flowables.pop()
        story += flowables
    doc.build(story)


def export_pdf(project: Project, path: Path | str, *, page: str = "A4",
               persona: str | None = None, sections: str | Iterable[str] = SECTIONS,
               today: dt.date | None = None, progress: Progress | None = None) -> None:
    """Write the project as a PDF to ``path`` atomically (never a half-written file).

    ``persona`` (id or name) highlights that persona's touchpoints on the map; ``sections``
    picks and orders nothing but which sections print (always in the standard order);
    ``today`` is the date deadlines are judged against. Raises ExportOptionError for an
    unknown page size, section or persona, OSError when the file cannot be written.
    """
    from journeymapper.io import atomic_write

    options = resolve_options(project, page=page, persona=persona, sections=sections,
                              today=today)
    data = render_pdf(project, options, progress)
    atomic_write(path, data, backup=False)
    if progress is not None:
        progress(len(options.sections) + 1, len(options.sections) + 1)

