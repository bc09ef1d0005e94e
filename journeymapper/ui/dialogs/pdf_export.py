"""File > Export > PDF: the CLI's options in a dialog, and the export in a child process.

The options are those of ``journeymapper export``: paper (A4, A3, Letter, Tabloid), one
persona highlighted or everyone, which sections, where to write. The PDF is drawn from a copy
of the project by that command in a child process (``process_job.py``), so the map stays
editable, and as quick to answer as without an export, while the dialog shows the progress
the renderer reports; a big map takes several seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper import io
from journeymapper.document import Document
from journeymapper.export.options import (
    PAGE_SIZES,
    SECTION_TITLES,
    ExportOptionError,
    resolve_options,
)
from journeymapper.ui.dialogs.export_files import ExchangeSettings, ask_save_path
from journeymapper.ui.dialogs.process_job import ProcessJob, pdf_command

PDF_FILTER = "PDF documents (*.pdf);;All files (*)"


class PdfExportDialog(QDialog):
    """Paper, persona, sections and file of a PDF export, then a progress bar while it runs."""

    exported = Signal(str)
    """The PDF was written to this path (the dialog then closes)."""

    def __init__(self, document: Document, settings: ExchangeSettings,
                 parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.setObjectName("pdf-export-dialog")
        self.document, self.settings, self.today = document, settings, today
        self.job: ProcessJob | None = None
        self._close_when_stopped = False
        project = document.project

        self.page = QComboBox()
        for name, (w, h) in PAGE_SIZES.items():
            self.page.addItem(f"{name} landscape ({h / 72 * 25.4:.0f} \u00d7 "
                              f"{w / 72 * 25.4:.0f} mm)", name)
        self.page.setCurrentIndex(max(0, self.page.findData(settings.value("pdf/page", "A4"))))
        self.persona = QComboBox()
        self.persona.addItem("Everyone", None)
        for persona in project.personas:
            self.persona.addItem(persona.name, persona.id)
        self.persona.setToolTip("Highlight one persona's touchpoints and dim the others")
        self.sections: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (key, title) in enumerate(SECTION_TITLES.items()):
            box = self.sections[key] = QCheckBox(title)
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._update_buttons())
            grid.addWidget(box, i // 2, i % 2)
        self.path = QLineEdit(settings.suggestion(project.title, "pdf", self._folder()))
        self.path.textChanged.connect(lambda _t: self._update_buttons())
        browse = QPushButton("Browse\u2026")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        form = QFormLayout()
        form.addRow("Paper:", self.page)
        form.addRow("Persona:", self.persona)
        form.addRow("Sections:", grid)
        form.addRow("File:", where)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setFormat("Drawing %v of %m\u2026")
        self.message = QLabel("The PDF is drawn in the background: you can go on editing the "
                              "map meanwhile.")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #667")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._inputs: list[QWidget] = [self.page, self.persona, self.path, browse,
                                       *self.sections.values()]
        self._update_buttons()
        self.resize(520, self.sizeHint().height())

    # ----- options ----------------------------------------------------------------------------
    def chosen_sections(self) -> list[str]:
        """The sections ticked, in printed order."""
        return [key for key, box in self.sections.items() if box.isChecked()]

    def _folder(self) -> str:
        return str(self.document.path.absolute().parent) if self.document.path else ""

    def _browse(self) -> None:
        path = ask_save_path(self, "Export PDF", self.path.text(), PDF_FILTER, "pdf")
        if path:
            self.path.setText(path)

    def _update_buttons(self) -> None:
        running = self.job is not None and self.job.running
        self.export_button.setEnabled(not running and bool(self.chosen_sections())
                                      and bool(self.path.text().strip()))
        for widget in self._inputs:
            widget.setEnabled(not running)

    # ----- running ----------------------------------------------------------------------------
    def start(self) -> None:
        """Check the options, then draw the PDF in a child process."""
        if self.job is not None and self.job.running:
            return
        path = self.path.text().strip()
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        path = str(Path(path).expanduser().absolute())  # as meant, whatever the child's folder
        page, persona = self.page.currentData(), self.persona.currentData()
        sections = self.chosen_sections()
        project = self.document.project
        try:
            resolve_options(project, page=page, persona=persona, sections=sections)
        except ExportOptionError as exc:
            QMessageBox.warning(self, "Cannot export the PDF", str(exc))
            return
        self.settings.set_value("pdf/page", page)
        # The child reads a copy (the file's bytes as of now): the user keeps editing.
        arguments = pdf_command(path, page=page, persona=persona, sections=sections,
                                today=self.today().isoformat())
        self.job = ProcessJob(arguments, stdin=io.dumps(project, compact=True), result=path)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._stopped)
        self.progress.setRange(0, 0)  # busy until the first report gives the total
        self.progress.setVisible(True)
        self.message.setText(f"Writing {Path(path).name}\u2026")
        self.job.start()
        self._update_buttons()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _succeeded(self, path: object) -> None:
        self.exported.emit(str(path))
        self.accept()

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.message.setText("")
        QMessageBox.critical(self, "Cannot export the PDF", message)

    def _stopped(self) -> None:
        self._update_buttons()
        if self._close_when_stopped:
            super().reject()

    def reject(self) -> None:
        """Cancel: stop a running export first (it writes atomically, so no half file)."""
        if self.job is not None and self.job.running:
            self._close_when_stopped = True
            self.message.setText("Cancelling\u2026")
            self.job.cancel()
            return
        super().reject()

