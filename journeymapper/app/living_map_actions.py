"""A map the business keeps working with: reviews, versions, measured KPIs.

- **Tools > Review Session...** (Ctrl+Shift+R) walks the touchpoints due for review, from the
  keyboard; each saved review is one undo step. Cards due for review show a small mark; the
  register and the summary list them.
- **Versions** and **Compare** docks (View > Panels): save a copy of the map as a named version,
  switch, rename, delete (each one undo step); compare the active map with a stored version:
  the dock lists the differences, the map frames added/changed cards, shows removed ones as
  ghosts and the other version's emotion curves dashed. **View > Compare With Version**.
- **File > Import > KPI Values...** previews a CSV/XLSX of measurements and applies the good
  rows as one undo step.
- **View > KPI Colouring** colours card borders by the project's KPI rules. It is stored in
  the project file (``Project.kpi_colouring``), so everyone opening the map sees the same
  colours; switching it is therefore an undoable edit of the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QFileDialog, QWidget

from journeymapper.app.actions import make_action
from journeymapper.document import Kind
from journeymapper.document.commands import SetFields
from journeymapper.ui.canvas.content import card_content
from journeymapper.ui.panels.docks import LazyDock

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow
    from journeymapper.ui.canvas.compare_overlay import CompareOverlay
    from journeymapper.ui.panels.compare import ComparePanel
    from journeymapper.ui.panels.review_session import ReviewSessionDialog
    from journeymapper.ui.panels.versions import VersionsPanel

VERSIONS_DOCK, COMPARE_DOCK = "dock-versions", "dock-compare"
TABLE_FILTER = "Tables (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx);;All files (*)"


class LivingMap(QObject):
    """The review, version and KPI tools of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: ReviewSessionDialog | None = None
        self._overlay: CompareOverlay | None = None
        doc, a = window.document, make_action
        self.review_action = a(window, "&Review Session\u2026", self.start_review_session,
                               "Ctrl+Shift+R",
                               "Walk the touchpoints due for review, one by one")
        self.review_action.setObjectName("action-review-session")
        self.save_version_action = a(window, "Save Map as &Version\u2026",
                                     self._ask_save_version,
                                     tip="Store a copy of the map as a named version")
        self.import_kpis_action = a(window, "&KPI Values\u2026", self.ask_import_kpis,
                                    tip="Import measured KPI values from a CSV or XLSX table")
        self.import_kpis_action.setObjectName("action-import-kpi-values")
        self.colouring_action = a(window, "&KPI Colouring", None,
                                  tip="Colour card borders by KPI results (stored in the map)",
                                  checkable=True)
        self.colouring_action.setObjectName("action-kpi-colouring")
        self.colouring_action.toggled.connect(self.set_kpi_colouring)
        self.versions_dock = LazyDock("Versions", VERSIONS_DOCK, self._make_versions, window)
        self.compare_dock = LazyDock("Compare", COMPARE_DOCK, self._make_compare, window)
        self.compare_menu = window.menus.view.addMenu("&Compare With Version")
        self.compare_menu.aboutToShow.connect(self._fill_compare_menu)
        doc.project_replaced.connect(self._sync_colouring)
        doc.item_changed.connect(self._project_changed)
        self._sync_colouring()

    # ----- docks -------------------------------------------------------------------------------
    def versions_panel(self) -> VersionsPanel:
        """The Versions dock's panel (built now if it was not yet)."""
        from journeymapper.ui.panels.versions import VersionsPanel

        panel = self.versions_dock.content()
        assert isinstance(panel, VersionsPanel)
        return panel

    def compare_panel(self) -> ComparePanel:
        """The Compare dock's panel (built now if it was not yet)."""
        from journeymapper.ui.panels.compare import ComparePanel

        panel = self.compare_dock.content()
        assert isinstance(panel, ComparePanel)
        return panel

    def compare_with(self, version_id: str | None) -> None:
        """Compare the active map with a stored version (None: stop comparing)."""
        panel = self.compare_panel()
        panel.set_other(version_id)
        if version_id is not None:
            self.compare_dock.show()
            self.compare_dock.raise_()

    def _make_versions(self) -> QWidget:
        from journeymapper.ui.panels.versions import VersionsPanel

        panel = VersionsPanel(self.window.document)
        panel.compare_requested.connect(self.compare_with)
        panel.error_reported.connect(self.window.show_status)
        return panel

    def _make_compare(self) -> QWidget:
        from journeymapper.ui.canvas.compare_overlay import CompareOverlay
        from journeymapper.ui.panels.compare import ComparePanel

        self._overlay = CompareOverlay(self.window.scene)
        return ComparePanel(self.window.document, self.window.selection, self._overlay)

    def _fill_compare_menu(self) -> None:
        menu = self.compare_menu
        menu.clear()
        group = QActionGroup(menu)
        current = self.compare_panel().other_id() if self.compare_dock.built else None
        choices: list[tuple[QAction, str | None]] = [(menu.addAction("&Off"), None)]
        menu.addSeparator()
        for version in self.window.document.project.versions:
            choices.append((menu.addAction(version.name), version.id))
        if len(choices) == 1:
            hint = menu.addAction("No stored version: Tools > Save Map as Version\u2026")
            hint.setEnabled(False)
        for action, version_id in choices:
            action.setCheckable(True)
            action.setChecked(version_id == current)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, v=version_id: self.compare_with(v))

    # ----- reviews -----------------------------------------------------------------------------
    def start_review_session(self) -> ReviewSessionDialog:
        """Open the review session over the touchpoints due today (window-modal)."""
        from journeymapper.ui.panels.review_session import ReviewSessionDialog

        dialog = ReviewSessionDialog(self.window.document, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.current_changed.connect(self._follow)
        dialog.finished.connect(lambda _r: self._session_over(dialog))
        self.session = dialog
        self._follow(dialog.current_id() or "")  # the first one was shown before connecting
        dialog.open()
        return dialog

    def _follow(self, tp_id: str) -> None:
        # The map shows the touchpoint being reviewed: selected, and scrolled into view.
        if tp_id and self.window.document.find(Kind.TOUCHPOINT, tp_id) is not None:
            self.window.selection.set_items([(Kind.TOUCHPOINT, tp_id)])
            card = self.window.scene.cards.get(tp_id)
            if card is not None:
                self.window.view.ensureVisible(card, 80, 80)

    def _session_over(self, dialog: ReviewSessionDialog) -> None:
        if self.session is dialog:
            self.session = None
        saved = len(dialog.saved)
        self.window.show_status(f"Review session over: {saved} review"
                                f"{'s' if saved != 1 else ''} saved")

    # ----- versions ----------------------------------------------------------------------------
    def _ask_save_version(self) -> None:
        self.versions_dock.show()
        self.versions_dock.raise_()
        self.versions_panel().ask_save_copy()

    # ----- KPI values and colouring ------------------------------------------------------------
    def ask_import_kpis(self) -> None:
        """Choose a table of measured KPI values, preview it, import the good rows."""
        path, _ = QFileDialog.getOpenFileName(self.window, "Import KPI values",
                                              self.window.settings.last_folder(), TABLE_FILTER)
        if path:
            self.import_kpis(path).open()

    def import_kpis(self, path: str) -> QWidget:
        """The preview dialog of a KPI table (not shown yet)."""
        from journeymapper.ui.panels.kpi_import import KpiImportDialog

        dialog = KpiImportDialog(self.window.document, path, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.window.show_status(
            f"Imported KPI values into {dialog.applied} touchpoints (Ctrl+Z undoes)"))
        return dialog

    def set_kpi_colouring(self, on: bool) -> None:
        """Switch KPI colouring of the cards on or off (an undoable edit of the map)."""
        doc = self.window.document
        colouring = doc.project.kpi_colouring
        if colouring.enabled == on:
            return
        new = colouring.model_copy(update={"enabled": on})
        doc.push_all(f"Turn KPI colouring {'on' if on else 'off'}",
                     [SetFields(doc, "project", "", {"kpi_colouring": new})])

    def _sync_colouring(self) -> None:
        with QSignalBlocker(self.colouring_action):
            self.colouring_action.setChecked(self.window.document.project.kpi_colouring.enabled)
        self._refresh_cards()

    def _project_changed(self, target: str, _item_id: str, names: list[str]) -> None:
        if target == "project" and "kpi_colouring" in names:
            self._sync_colouring()

    def _refresh_cards(self) -> None:
        # The scene updates cards on touchpoint changes; the rules are a project field.
        scene, project = self.window.scene, self.window.document.project
        for tp in project.touchpoints:
            card = scene.cards.get(tp.id)
            if card is not None:
                card.set_content(card_content(project, tp, scene.today))


def install(window: MainWindow) -> None:
    """Add reviews, versions, compare and KPI tools to the window's menus and docks."""
    living = LivingMap(window)
    window.living_map = living  # type: ignore[attr-defined]
    menus = window.menus
    menus.tools.addSeparator()
    menus.tools.addActions([living.review_action, living.save_version_action])
    menus.import_menu.addAction(living.import_kpis_action)
    menus.view.addAction(living.colouring_action)
    right = Qt.DockWidgetArea.RightDockWidgetArea
    inspector = next((d for d in window.findChildren(QDockWidget)
                      if d.objectName() == "dock-inspector"), None)
    for dock in (living.versions_dock, living.compare_dock):
        window.add_panel(dock, right)
        if inspector is not None:
            window.tabifyDockWidget(inspector, dock)
        dock.hide()  # until asked for (View > Panels); a saved window state may show it
    if inspector is not None:
        inspector.raise_()


def living_map_of(window: MainWindow) -> LivingMap:
    """The living-map tools installed on a window."""
    return window.living_map  # type: ignore[attr-defined,no-any-return]
