"""Docks of the panels; a dock builds its contents the first time it is shown.

Only the inspector and the register are visible when the app starts; building the summary,
personas, scoring and project pages later keeps them off the start-up path. A visible dock
builds on the next turn of the event loop. That alone still came before the window's first
frame (Qt posts the paint request at low priority, after zero-time timers), so the main window
also holds its docks (``hold``) until its map has painted, then releases them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QWidget


def on_screen(widget: QWidget) -> bool:
    """Whether ``widget`` is shown: isVisible() says yes for a dock's tab behind another dock
    too, and a panel there need not keep up with every edit."""
    if not widget.isVisible():
        return False
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, LazyDock):
        parent = parent.parentWidget()
    return parent is None or parent.shown


@runtime_checkable
class CatchesUp(Protocol):
    """A dock's widget that puts off its work while hidden and catches up when shown."""

    def catch_up(self) -> None:
        """Show what changed while hidden."""


class LazyDock(QDockWidget):
    """A dock whose widget is made by ``factory`` when the dock first becomes visible."""

    def __init__(self, title: str, object_name: str, factory: Callable[[], QWidget],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)  # saveState/restoreState find docks by object name
        self._factory: Callable[[], QWidget] | None = factory
        self._held = False
        # As visibilityChanged last said: a tab behind another dock is "visible" to
        # isVisible() but not shown, and is not built until its tab is picked.
        self._shown = False
        self.visibilityChanged.connect(self._visible)

    def hold(self) -> None:
        """Build nothing, even when visible, until :meth:`release`."""
        self._held = True

    def release(self) -> None:
        """Build as usual from now on: at once when the dock is shown now."""
        self._held = False
        if self._shown:
            self._build_if_visible()

    def content(self) -> QWidget:
        """The dock's widget, built now if it was not yet."""
        if self._factory is not None:
            factory, self._factory = self._factory, None
            self.setWidget(factory())
        widget = self.widget()
        assert widget is not None
        return widget

    @property
    def shown(self) -> bool:
        """Whether the dock is on screen (not closed, not a tab behind another dock)."""
        return self._shown

    @property
    def built(self) -> bool:
        """Whether the contents exist yet."""
        return self._factory is None

    def _visible(self, visible: bool) -> None:
        self._shown = visible
        if visible and self._factory is not None and not self._held:
            QTimer.singleShot(0, self, self._build_if_visible)
        elif visible and isinstance(widget := self.widget(), CatchesUp):
            # After the tab switch, once the widget has its place on screen.
            QTimer.singleShot(0, widget, widget.catch_up)

    def _build_if_visible(self) -> None:
        if self._factory is not None and not self._held and self.isVisible():
            self.content()
