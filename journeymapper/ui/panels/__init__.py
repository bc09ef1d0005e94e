"""Docks bound to the document: inspector, register, personas, scoring, summary, settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from journeymapper.ui.panels.docks import LazyDock

INSPECTOR, REGISTER, SUMMARY = "dock-inspector", "dock-register", "dock-summary"
PERSONAS, SCORING, PROJECT = "dock-personas", "dock-scoring", "dock-project"
PALETTE = "palette-dock"


def install_panels(window: Any) -> dict[str, QDockWidget]:
    """Add the panel docks to a main window providing ``document``, ``selection`` and
    ``add_panel(dock, area)``; returns the docks by object name.

    Inspector on the right with the summary tabbed behind it; the register at the bottom;
    personas, scoring and project settings on the left, tabbed with the palette when present.
    """
    doc, selection = window.document, window.selection

    # Each panel's module is imported when its dock is first shown: the hidden ones (and the
    # analysis package the summary uses) stay off the start-up path.
    def inspector() -> QWidget:
        from journeymapper.ui.panels.inspector import Inspector
        return Inspector(doc, selection)

    def summary() -> QWidget:
        from journeymapper.ui.panels.summary import SummaryPanel
        return SummaryPanel(doc, selection)

    def register() -> QWidget:
        from journeymapper.ui.panels.register import RegisterPanel
        return RegisterPanel(doc, selection)

    def personas() -> QWidget:
        from journeymapper.ui.panels.personas import PersonasPanel
        return PersonasPanel(doc)

    def scoring() -> QWidget:
        from journeymapper.ui.panels.scoring import ScoringPanel
        return ScoringPanel(doc)

    def project() -> QWidget:
        from journeymapper.ui.panels.project_settings import ProjectSettings
        return ProjectSettings(doc)

    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    specs: list[tuple[str, str, Callable[[], QWidget], Qt.DockWidgetArea]] = [
        (INSPECTOR, "Inspector", inspector, right), (SUMMARY, "Summary", summary, right),
        (REGISTER, "Register", register, bottom), (PERSONAS, "Personas", personas, left),
        (SCORING, "Scoring", scoring, left), (PROJECT, "Project", project, left),
    ]
    docks: dict[str, QDockWidget] = {}
    for name, title, factory, area in specs:
        dock = LazyDock(title, name, factory, window)
        window.add_panel(dock, area)
        docks[name] = dock
    window.tabifyDockWidget(docks[INSPECTOR], docks[SUMMARY])
    palette = window.findChild(QDockWidget, PALETTE)
    first_left = palette if palette is not None else docks[PERSONAS]
    for name in (PERSONAS, SCORING, PROJECT):
        if docks[name] is not first_left:
            window.tabifyDockWidget(first_left, docks[name])
    window.resizeDocks([docks[INSPECTOR]], [360], Qt.Orientation.Horizontal)
    window.resizeDocks([docks[REGISTER]], [260], Qt.Orientation.Vertical)
    docks[INSPECTOR].raise_()
    first_left.raise_()
    return docks
