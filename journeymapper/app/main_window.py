"""The main window: one Document for its lifetime, the map in the middle, docks around it.

Start-up comes in two parts. The constructor builds what the first frame shows: the map view
and its scene, the menu bar, the palette and the (still empty) panel docks, in the user's
theme and saved layout. The rest (the features' menus, docks and tools, the contents of the
visible panels) is built after the map has painted its first frame, one step per turn of the
event loop, so the map is on screen sooner and input is handled between the steps.
``finish_startup()`` does what is left at once, for code that needs the whole window now.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from journeymapper import io
from journeymapper.app import dialogs
from journeymapper.app.actions import Actions
from journeymapper.app.dialogs import Answer
from journeymapper.app.features import install_features
from journeymapper.app.menus import Menus
from journeymapper.app.recent_files import RecentFiles
from journeymapper.app.safety import Safety
from journeymapper.app.settings import AppSettings
from journeymapper.document import Document, EditError, Kind
from journeymapper.model import Project, new_project
from journeymapper.paths import template_files
from journeymapper.ui.canvas import MapScene, MapView, intents
from journeymapper.ui.canvas.palette import Entry, PaletteDock
from journeymapper.ui.panels import install_panels
from journeymapper.ui.panels.docks import LazyDock
from journeymapper.ui.selection import Selection
from journeymapper.ui.theme_qt import Theme, apply_theme, canvas_color, is_dark

APP_NAME = "Journeymapper"
STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    """Menus, the map canvas, the palette and the panels of one open journey map."""

    closing = Signal()
    """The window is closing: the user agreed to every question the close asked."""
    startup_finished = Signal()
    """Everything the first frame did not need is built now (emitted once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self.document = Document(parent=self)
        self.selection = Selection(self.document, self)
        self.scene = MapScene(self.document, self.selection, self)
        self.view = MapView(self.scene, self)
        self.setCentralWidget(self.view)
        self.settings = AppSettings()
        self.recent = RecentFiles(self.settings, self)
        self.commands = Actions(self)
        self.menus = Menus(self, self.commands)
        self.palette = PaletteDock(self)
        self.palette.list.entry_activated.connect(self.insert)
        self.add_panel(self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.safety = Safety(self)
        # The docks take their places now (the first frame has its final layout); what is in
        # them is built after that frame.
        held = [dock for dock in install_panels(self).values() if isinstance(dock, LazyDock)]
        for dock in held:
            dock.hold()
        self._zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self._zoom_label)
        self.view.zoom_changed.connect(lambda z: self._zoom_label.setText(f"{z:.0%}"))
        self.view.error_reported.connect(self.show_status)
        self.document.modified_changed.connect(self.setWindowModified)
        self.document.modified_changed.connect(lambda _m: self._update_title())
        self.document.path_changed.connect(lambda _p: self._update_title())
        self.document.project_replaced.connect(self._update_title)
        self.commands.snap.setChecked(self.settings.snap_to_grid())
        self._fitted = False
        self._presentation_docks: list[QDockWidget] = []
        # The chrome is in the user's theme from the first frame (View > Theme, a feature,
        # comes later and keeps it in step from then on).
        self._apply_saved_theme()
        self.resize(1400, 900)
        if geometry := self.settings.geometry():
            self.restoreGeometry(geometry)
        if state := self.settings.window_state():
            self.restoreState(state)
        self._update_title()
        self.view.setFocus()
        self.close_checks: list[Callable[[], bool]] = []
        """Asked in turn when the window is closed, before unsaved changes: each may ask the
        user, and keep the window open by returning False (the exports still running); what
        they agreed to is done on ``closing``."""
        # One dock per step: a visible one builds its contents then, the others when shown.
        self._startup_steps: list[Callable[[], None]] = [self._install_features,
                                                         *(dock.release for dock in held)]
        self._startup_done = False
        self.view.viewport().installEventFilter(self)

    # ----- start-up -----------------------------------------------------------------------------
    @property
    def started(self) -> bool:
        """Whether everything after the first frame is built (see ``finish_startup``)."""
        return self._startup_done

    def finish_startup(self) -> None:
        """Build now whatever the first frame did not need and is not built yet (features,
        the contents of the visible docks). Does nothing the second time."""
        while self._startup_steps:
            self._startup_steps.pop(0)()
        self._startup_ended()

    def _continue_startup(self) -> None:
        if self._startup_steps:
            self._startup_steps.pop(0)()
        if self._startup_steps:
            QTimer.singleShot(0, self, self._continue_startup)
        else:
            self._startup_ended()

    def _startup_ended(self) -> None:
        if not self._startup_done:
            self._startup_done = True
            self.view.viewport().removeEventFilter(self)
            self.startup_finished.emit()

    def _install_features(self) -> None:
        install_features(self)
        # The zoom level stays at the far right of the status bar, after what features put
        # there (an export's progress).
        bar = self.statusBar()
        bar.removeWidget(self._zoom_label)
        bar.addPermanentWidget(self._zoom_label)
        self._zoom_label.show()
        # Restoring the layout again places the features' docks and toolbars as the user left
        # them (the first restore, before they existed, could not).
        if state := self.settings.window_state():
            self.restoreState(state)

    def _apply_saved_theme(self) -> None:
        apply_theme(Theme.parse(self.settings.theme() or Theme.SYSTEM.value))
        self.scene.setBackgroundBrush(canvas_color(is_dark(QGuiApplication.palette())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the map's viewport is watched, until its first paint: the rest of the start-up
        # follows on the next turns of the event loop, once that frame is on screen.
        if event.type() == QEvent.Type.Paint and not self._startup_done:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._continue_startup)
        return False

    # ----- docks --------------------------------------------------------------------------------
    def add_panel(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Add a dock; its show/hide toggle goes into View > Panels."""
        if not dock.objectName():
            dock.setObjectName(f"dock-{dock.windowTitle().lower().replace(' ', '-')}")
        self.addDockWidget(area, dock)
        self.menus.panels.addAction(dock.toggleViewAction())

    # ----- title and status ---------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] \u2014 {APP_NAME}")
        self.setWindowModified(self.document.is_modified)

    def show_status(self, message: str) -> None:
        """A message in the status bar (refused edits, saves)."""
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    # ----- files --------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False when the user cancelled."""
        if not self.document.is_modified:
            return True
        answer = dialogs.ask_save_changes(self, self.document.display_name)
        if answer is Answer.SAVE:
            return self.save()
        return answer is Answer.DISCARD

    def _replace(self, project: Project, path: Path | None) -> None:
        self.document.replace_project(project, path)
        self.view.fit_to_window()

    def new_project(self, template: str | None = None) -> bool:
        """Start a new map, blank or from a bundled template."""
        if not self.maybe_save():
            return False
        if template is None:
            project = new_project()
        else:
            try:
                project = io.load(template_files()[template])
            except (io.ProjectFileError, KeyError) as exc:
                dialogs.show_error(self, "Cannot use the template", str(exc))
                return False
            project.title = "Untitled journey"
        self.safety.closed()
        self._replace(project, None)
        return True

    def open_file(self, path: str | None = None) -> bool:
        """Open a file (asking which one when ``path`` is None)."""
        if not self.maybe_save():
            return False
        if path is None:
            path = dialogs.choose_open_path(self, self.settings.last_folder())
            if not path:
                return False
        return self.open_path(path)

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Load a project file into the window, without asking; errors are shown."""
        if not self.safety.opening(path):
            return False
        try:
            project = io.load(path)
        except io.ProjectFileError as exc:
            self.safety.open_failed()
            dialogs.show_error(self, "Cannot open the map", str(exc))
            self.recent.remove(str(path))
            return False
        self._replace(project, Path(path))
        self._remember(str(path))
        return True

    def save(self) -> bool:
        """Save to the current file (asking where when there is none)."""
        if self.document.path is None or self.safety.read_only:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Save under a new name."""
        suggestion = str(self.document.path or Path(self.settings.last_folder() or ".")
                         / f"{self.document.project.title}.json")
        path = dialogs.choose_save_path(self, suggestion)
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except OSError as exc:
            dialogs.show_error(self, "Cannot save the map",
                               f"{path}: {exc.strerror or exc}\n\nThe map is not saved.")
            return False
        self.safety.saved()
        self._remember(str(path))
        self.show_status(f"Saved {path.name}")
        return True

    def _remember(self, path: str) -> None:
        self.recent.add(path)
        self.settings.set_last_folder(os.path.dirname(os.path.abspath(path)))

    def close_document(self) -> bool:
        """Close the map (a blank one takes its place)."""
        if not self.maybe_save():
            return False
        self.safety.closed()
        self._replace(new_project(), None)
        return True

    # ----- canvas commands ----------------------------------------------------------------------
    def insert(self, entry: Entry) -> None:
        """Insert a palette entry at the map's keyboard focus."""
        self.view.insert(entry)

    def link_selected(self) -> None:
        """Link the selected touchpoints in the order they were picked."""
        ids = self.selection.ids(Kind.TOUCHPOINT)
        try:
            if len(ids) < 2 or not intents.link_chain(self.document, ids):
                self.show_status("Select two or more touchpoints to link (Ctrl+click)")
        except EditError as exc:
            self.show_status(str(exc))

    def set_snap(self, on: bool) -> None:
        """Snap to the grid, and remember the choice."""
        self.view.set_snap_enabled(on)
        self.settings.set_snap_to_grid(on)

    def set_persona_filter(self, persona_id: str | None) -> None:
        """Highlight one persona's journey (None: everyone)."""
        self.scene.set_persona_filter(persona_id)
        name = next((p.name for p in self.document.project.personas if p.id == persona_id), "")
        self.show_status(f"Highlighting {name}'s journey" if name else "Showing every persona")

    def set_presentation_mode(self, on: bool) -> None:
        """Full screen with only the map (docks hidden), fitted: for a room watching."""
        if on:
            self._presentation_docks = [d for d in self.findChildren(QDockWidget)
                                        if d.isVisible()]
            for dock in self._presentation_docks:
                dock.hide()
            self.showFullScreen()
        else:
            for dock in self._presentation_docks:
                dock.show()
            self._presentation_docks = []
            self.showNormal()
        QTimer.singleShot(0, self.view.fit_to_window)

    # ----- window events ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            # After the first layout pass, when the view has its real size.
            QTimer.singleShot(0, self.view.fit_to_window)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(check() for check in self.close_checks) or not self.maybe_save():
            event.ignore()
            return
        self.closing.emit()
        self.commands.presentation.setChecked(False)
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.safety.shutdown()
        event.accept()
