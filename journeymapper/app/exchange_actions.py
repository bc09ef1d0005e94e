"""File exchange in the window: File > Export and Import, New from Template and Save as
Template, Tools > Analyze and Project Settings, Help > Keyboard Shortcuts and About.

The back ends are Qt-free (``journeymapper.export``, ``journeymapper.importers``,
``journeymapper.analysis``); this module puts them in menus. Exports run the matching
``journeymapper export...`` command in a child process on a copy of the map, so editing goes
on, as quick as ever, while a big PDF or deck is written; imports go through the document,
so one Undo takes them back. The dialogs and back ends are imported when first used: none of
them (nor reportlab, openpyxl, python-pptx or networkx) costs start-up time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QWidget,
)

from journeymapper import io
from journeymapper.app import dialogs
from journeymapper.app.actions import make_action
from journeymapper.app.dialogs import Leaving
from journeymapper.app.settings import APPLICATION, ORGANISATION
from journeymapper.document import Kind
from journeymapper.model import Project
from journeymapper.ui.dialogs.export_files import ExchangeSettings, ExportNotice, ask_save_path
from journeymapper.ui.dialogs.file_formats import FORMATS, FileFormat
from journeymapper.ui.dialogs.process_job import ProcessJob
from journeymapper.ui.panels import SUMMARY
from journeymapper.ui.panels.docks import LazyDock

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow
    from journeymapper.ui.dialogs.help import ShortcutSheet
    from journeymapper.ui.dialogs.pdf_export import PdfExportDialog
    from journeymapper.ui.dialogs.templates import (
        NewFromTemplateDialog,
        SaveAsTemplateDialog,
        Template,
    )
    from journeymapper.ui.dialogs.touchpoint_import import TouchpointImportDialog

ANALYSIS = "dock-analysis"


class Exchange(QObject):
    """The window's import/export, template, analysis and help commands."""

    exported = Signal(str)
    """An export was written to this path."""
    export_failed = Signal(str)
    """An export failed; the message was shown to the user."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("exchange")
        self.window = window
        self.settings = ExchangeSettings(QSettings(QSettings.Format.IniFormat,
                                                  QSettings.Scope.UserScope,
                                                  ORGANISATION, APPLICATION))
        self.notice = ExportNotice(window.statusBar())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy_label = QLabel()
        # A deck of thousands of touchpoints takes minutes: the user may change their mind.
        self.busy_cancel = QToolButton()
        self.busy_cancel.setText("Cancel")
        self.busy_cancel.setToolTip("Stop the export; nothing is written")
        self.busy_cancel.clicked.connect(self.cancel_exports)
        for widget in (self.busy_label, self.busy, self.busy_cancel):
            widget.hide()
            window.statusBar().addPermanentWidget(widget)
        self.jobs: set[ProcessJob] = set()
        self._close_when_done = False  # the user closed the window: close it once done
        self._stop_at_close = False  # the user closed the window and said to stop them
        window.close_checks.append(self.may_close)
        window.closing.connect(self._closing)
        self.pdf_dialog: PdfExportDialog | None = None
        self.import_dialog: TouchpointImportDialog | None = None
        self.actions: dict[str, QAction] = {}
        self._build_menus()
        self.analysis_dock = LazyDock("Analysis", ANALYSIS, self._make_analysis, window)
        window.add_panel(self.analysis_dock, Qt.DockWidgetArea.RightDockWidgetArea)
        # A tab behind the summary, for the height a list of findings needs; hidden until
        # Tools > Analyze (so nothing is analysed, nor networkx loaded, at start-up).
        summary = window.findChild(QDockWidget, SUMMARY)
        if summary is not None:
            window.tabifyDockWidget(summary, self.analysis_dock)
        self.analysis_dock.hide()

    # ----- menus ----------------------------------------------------------------------------
    def _action(self, key: str, text: str, slot: Callable[[], object], tip: str,
                shortcut: str | None = None) -> QAction:
        action = make_action(self.window, text, slot, shortcut, tip)
        action.setObjectName(f"action-{key}")
        self.actions[key] = action
        return action

    def _build_menus(self) -> None:
        w, menus, a = self.window, self.window.menus, self._action
        menus.file.insertAction(w.commands.open, a(
            "new-from-template", "New from &Template\u2026", self.new_from_template,
            "Start a map from a template, with a preview", "Ctrl+Shift+N"))
        menus.file.insertAction(w.commands.close, a(
            "save-as-template", "Save as Te&mplate\u2026", self.save_as_template,
            "Keep this map as a template for new maps"))
        export = menus.export_menu
        export.addAction(a("export-pdf", "&PDF\u2026", self.export_pdf,
                           "Print the map, personas, register... as a PDF", "Ctrl+Shift+E"))
        export.addSeparator()
        for fmt in FORMATS:
            export.addAction(a(f"export-{fmt.name}", fmt.menu,
                               lambda f=fmt: self.export_file(f),
                               f"Export the map as a {fmt.label}"))
        export.addSeparator()
        export.addAction(a("export-png", "&Image (PNG)\u2026", lambda: self.export_image("png"),
                           "The whole map as a picture (twice screen resolution)"))
        export.addAction(a("export-svg", "Image (&SVG)\u2026", lambda: self.export_image("svg"),
                           "The whole map as a vector drawing, text kept as text"))
        imports = menus.import_menu
        imports.addAction(a("import-touchpoints", "&Touchpoints from CSV/Excel\u2026",
                            self.import_touchpoints,
                            "Add or update touchpoints from a spreadsheet"))
        imports.addAction(a("import-mermaid", "&Map from Mermaid\u2026", self.import_mermaid,
                            "Open a Mermaid user-journey diagram as a new map"))
        menus.tools.addAction(a("analyze", "&Analyze Journey", self.show_analysis,
                                "Findings, funnel, paths, coverage and what to do first",
                                "Ctrl+Shift+A"))
        menus.tools.addAction(a("project-settings", "Project &Settings\u2026",
                                self.project_settings, "Title, description, business context"))
        menus.help.addAction(a("shortcuts", "&Keyboard Shortcuts", self.show_shortcuts,
                               "Every keyboard shortcut of the window", "Ctrl+/"))
        menus.help.addAction(a("about", "&About Journeymapper", self.show_about,
                               "Version and licence"))
        self.actions["about"].setMenuRole(QAction.MenuRole.AboutRole)

    # ----- exports --------------------------------------------------------------------------
    def _suggestion(self, extension: str) -> str:
        doc = self.window.document
        folder = str(doc.path.absolute().parent) if doc.path else ""
        return self.settings.suggestion(doc.project.title, extension, folder)

    def _done(self, path: str, label: str) -> None:
        self.settings.set_last_folder(Path(path).parent)
        self.notice.show_file(path, label)
        self.exported.emit(path)

    def _failed(self, what: str, message: str) -> None:
        QMessageBox.critical(self.window, f"Cannot export the {what}", message)
        self.export_failed.emit(message)

    def export_pdf(self) -> PdfExportDialog:
        """Open the PDF export dialog (its export runs in a child process)."""
        from journeymapper.ui.dialogs.pdf_export import PdfExportDialog

        dialog = PdfExportDialog(self.window.document, self.settings, self.window)
        dialog.exported.connect(lambda path: self._done(path, "PDF"))
        dialog.finished.connect(dialog.deleteLater)
        self.pdf_dialog = dialog
        dialog.open()
        return dialog

    def export_file(self, fmt: FileFormat, path: str | None = None) -> ProcessJob | None:
        """Ask where (unless ``path`` is given) and write ``fmt`` in a child process."""
        if path is None:
            path = ask_save_path(self.window, f"Export {fmt.label}", self._suggestion(
                fmt.extension), f"{fmt.file_filter};;All files (*)", fmt.extension)
            if not path:
                return None
        target = str(Path(path).expanduser().absolute())  # as meant, whatever the child's folder
        # The child reads a copy (the file's bytes as of now): the map stays editable.
        job = ProcessJob(fmt.arguments(target, self.window.scene.persona_filter()),
                         stdin=io.dumps(self.window.document.project, compact=True),
                         result=target)
        job.info.update(path=target, label=fmt.label)
        job.succeeded.connect(self._job_succeeded)
        job.failed.connect(self._job_failed)
        job.cancelled.connect(self._job_cancelled)
        job.finished.connect(self._job_finished)
        self.jobs.add(job)
        self._show_busy()
        job.start()
        return job

    def _job_succeeded(self, _result: object) -> None:
        info = self.sender().info
        self._done(info["path"], info["label"])

    def _job_failed(self, message: str) -> None:
        self._close_when_done = False  # the window stays, to try again
        self._failed(self.sender().info["label"], message)

    def _job_cancelled(self) -> None:
        self._close_when_done = False  # stopped by hand: the user is still at work
        self.window.show_status(f"Export cancelled: {Path(self.sender().info['path']).name} "
                                "was not written")

    def cancel_exports(self) -> None:
        """Stop the File > Export jobs still running (the PDF dialog has its own Cancel)."""
        for job in list(self.jobs):
            job.cancel()

    def may_close(self) -> bool:
        """Whether the window may close: with exports still running, as the user says (the
        window closes once they are done, or they stop when it closes, or it stays)."""
        self._stop_at_close = False
        if not self.jobs:
            return True
        names = sorted(Path(job.info["path"]).name for job in self.jobs)
        answer = dialogs.ask_running_exports(self.window, names)
        self._close_when_done = answer is Leaving.WAIT
        self._stop_at_close = answer is Leaving.STOP
        self._show_busy()
        return answer is Leaving.STOP

    def _closing(self) -> None:
        # Only now: the user may still have kept the window at the unsaved-changes question.
        if self._stop_at_close:
            self.cancel_exports()

    def _show_busy(self) -> None:
        names = ", ".join(sorted(Path(job.info["path"]).name for job in self.jobs))
        self.busy_label.setText(f"Exporting {names}\u2026" + (
            " the window closes when done" if self._close_when_done else ""))
        for widget in (self.busy_label, self.busy, self.busy_cancel):
            widget.show()

    def _job_finished(self) -> None:
        self.jobs.discard(self.sender())
        if self.jobs:
            self._show_busy()  # the exports left
            return
        for widget in (self.busy_label, self.busy, self.busy_cancel):
            widget.hide()
        if self._close_when_done:  # the user closed the window meanwhile
            self._close_when_done = False
            QTimer.singleShot(0, self.window.close)

    def export_image(self, kind: str, path: str | None = None) -> bool:
        """Draw the whole map as a PNG or SVG (on this thread: scenes are not thread-safe)."""
        from journeymapper.ui.dialogs.map_image import export_png, export_svg

        label = kind.upper()
        if path is None:
            path = ask_save_path(self.window, f"Export {label}", self._suggestion(kind),
                                 f"{label} images (*.{kind});;All files (*)", kind)
            if not path:
                return False
        persona = self.window.scene.persona_filter()
        write = export_png if kind == "png" else export_svg
        error = ""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write(self.window.document.project, path, persona_id=persona)
        except OSError as exc:
            error = str(exc)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if error:
            self._failed(label, error)
            return False
        self._done(path, label)
        return True

    # ----- imports --------------------------------------------------------------------------
    def _ask_open(self, caption: str, file_filter: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, caption,
                                              self.settings.last_import_folder(), file_filter)
        if path:
            self.settings.set_last_import_folder(Path(path).parent)
        return path

    def import_touchpoints(self, path: str | None = None) -> TouchpointImportDialog | None:
        """Read a CSV/XLSX table and open the mapping and preview dialog on it."""
        from journeymapper.importers.tabular import TableError, read_table
        from journeymapper.ui.dialogs.touchpoint_import import (
            TABLE_FILTER,
            TouchpointImportDialog,
        )

        path = path or self._ask_open("Import touchpoints", TABLE_FILTER)
        if not path:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            table = read_table(path)
        except TableError as exc:
            table, error = None, str(exc)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if table is None:
            QMessageBox.critical(self.window, "Cannot import the table", error)
            return None
        dialog = TouchpointImportDialog(self.window.document, table, path, self.window)
        dialog.imported.connect(lambda n: self.window.show_status(
            f"Imported {n} touchpoint{'s' if n != 1 else ''} from {Path(path).name} "
            f"(Undo takes the import back)"))
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def import_mermaid(self, path: str | None = None) -> bool:
        """Open a Mermaid journey diagram as a new, unsaved map (asking about unsaved changes
        once the diagram is known to be readable)."""
        from journeymapper.importers.mermaid import MermaidSyntaxError
        from journeymapper.ui.dialogs.mermaid_file import (
            MERMAID_FILTER,
            MermaidFileError,
            read_mermaid_file,
        )

        path = path or self._ask_open("Map from Mermaid", MERMAID_FILTER)
        if not path:
            return False
        try:
            project = read_mermaid_file(path)
        except (MermaidFileError, MermaidSyntaxError) as exc:
            QMessageBox.critical(self.window, "Cannot import the diagram",
                                 f"{Path(path).name} is not a Mermaid journey diagram:\n\n{exc}")
            return False
        if not self.window.maybe_save():
            return False
        self._open_new(project, modified=True)
        self.window.show_status(f"Imported {len(project.touchpoints)} touchpoints from "
                                f"{Path(path).name}")
        return True

    def _open_new(self, project: Project, *, modified: bool) -> None:
        # An imported map is unsaved work (closing asks); a map from a template is not yet.
        self.window.document.replace_project(project, None, modified=modified)
        self.window.view.fit_to_window()

    # ----- templates --------------------------------------------------------------------------
    def new_from_template(self) -> NewFromTemplateDialog:
        """Choose a template with a preview; Create starts a new map from it."""
        from journeymapper.ui.dialogs.templates import NewFromTemplateDialog

        dialog = NewFromTemplateDialog(self.window)
        dialog.accepted.connect(lambda: self._create_from(dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _create_from(self, template: Template | None) -> None:
        from journeymapper.io import ProjectFileError

        if template is None or not self.window.maybe_save():
            return
        try:
            project = template.new_map()
        except ProjectFileError as exc:
            QMessageBox.critical(self.window, "Cannot use the template", str(exc))
            return
        self._open_new(project, modified=False)
        self.window.show_status(f"New map from the template {template.label}")

    def save_as_template(self) -> SaveAsTemplateDialog:
        """Name the template and save the map into the user's templates folder."""
        from journeymapper.ui.dialogs.templates import SaveAsTemplateDialog

        dialog = SaveAsTemplateDialog(self.window.document.project, self.window)
        dialog.accepted.connect(lambda: self.window.show_status(
            f"Saved the template {dialog.saved_path}"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # ----- tools and help ---------------------------------------------------------------------
    def _make_analysis(self) -> QWidget:
        from journeymapper.ui.panels.analysis import AnalysisPanel

        panel = AnalysisPanel(self.window.document, self.window.selection)
        panel.items_selected.connect(self._reveal)
        return panel

    def _reveal(self, refs: list[tuple[Kind, str]]) -> None:
        """Scroll the map to the first card a clicked finding names."""
        scene = self.window.scene
        for kind, item_id in refs:
            item = scene.item_for(kind, item_id)
            if item is not None and kind in (Kind.TOUCHPOINT, Kind.STAGE):
                self.window.view.ensureVisible(item.sceneBoundingRect(), 80, 80)
                return

    def show_analysis(self) -> None:
        """Show the analysis dock (it analyses the map when shown)."""
        self.analysis_dock.show()
        self.analysis_dock.raise_()
        panel = self.analysis_dock.content()
        panel.catch_up()  # type: ignore[attr-defined]  # already shown: after a failure

    def project_settings(self) -> None:
        """The project's title, description and business context in a dialog."""
        from journeymapper.ui.panels.project_settings import ProjectSettingsDialog

        dialog = ProjectSettingsDialog(self.window.document, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_shortcuts(self) -> ShortcutSheet:
        """The keyboard shortcut sheet, built afresh from the window's actions."""
        from journeymapper.ui.dialogs.help import ShortcutSheet

        sheet = ShortcutSheet(self.window)
        sheet.finished.connect(sheet.deleteLater)
        sheet.show()
        return sheet

    def show_about(self) -> None:
        """Version, licence, Qt and PySide versions."""
        from journeymapper.ui.dialogs.help import show_about
        show_about(self.window)


def install(window: MainWindow) -> None:
    """Add the exchange menus, the analysis dock and the help entries to the window."""
    window.exchange = Exchange(window)  # type: ignore[attr-defined]
