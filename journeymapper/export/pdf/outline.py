"""Bookmarks: the PDF outline (one entry per section) and named destinations for links."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable


def register_anchor(touchpoint_id: str) -> str:
    """Destination name of a touchpoint's register row (map cards link to it)."""
    return f"register-{touchpoint_id}"


class OutlineMark(Flowable):
    """An invisible flowable that bookmarks the page it lands on and adds an outline entry.

    ``on_draw`` lets the document report progress when a section starts being drawn.
    """

    def __init__(self, title: str, key: str, level: int = 0,
                 on_draw: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.title = title
        self.key = key
        self.level = level
        self.on_draw = on_draw
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes no room."""
        return (0, 0)

    def draw(self) -> None:
        """Bookmark the current page and list it in the outline."""
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)
        if self.on_draw is not None:
            self.on_draw()


class Anchor(Flowable):
    """A named destination where it is drawn (a table row): map cards link to it.

    Paragraph's ``<a name>`` would do, but it switches the paragraph to a slower layout
    that no longer splits over-long words, so long names would run out of their cell.
    """

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes no room."""
        return (0, 0)

    def draw(self) -> None:
        """Name this spot of the page."""
        self.canv.bookmarkHorizontal(self.key, 0, 0)
