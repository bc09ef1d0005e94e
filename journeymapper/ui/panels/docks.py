"""Docks of the panels; a dock builds its contents the first time it is shown.

Only the inspector and the register are visible when the app starts; building the summary,
personas, scoring and project pages later keeps them off the start-up path. Even a visible dock
builds on the next turn of the event loop, so the window (and the map) paint first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    """A dock whose widget is made by ``factory`` when the dock first becomes visible."""

    def __init__(self, title: str, object_name: str, factory: Callable[[], QWidget],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)  # saveState/restoreState find docks by object name
        self._factory: Callable[[], QWidget] | None = factory
        self.visibilityChanged.connect(self._visible)

    def content(self) -> QWidget:
        """The dock's widget, built now if it was not yet."""
        if self._factory is not None:
            factory, self._factory = self._factory, None
            self.setWidget(factory())
        widget = self.widget()
        assert widget is not None
        return widget

    @property
    def built(self) -> bool:
        """Whether the contents exist yet."""
        return self._factory is None

    def _visible(self, visible: bool) -> None:
        if visible and self._factory is not None:
            QTimer.singleShot(0, self, self._build_if_visible)

    def _build_if_visible(self) -> None:
        if self._factory is not None and self.isVisible():
            self.content()
