"""Templates: the blank map, the bundled ones and the user's own, with a preview to choose
from; and "Save as Template", which puts the current map into the user's templates folder.

The user's templates live in ``<AppDataLocation>/templates`` as ordinary project files, so
they can be shared by copying a file. A template keeps the map's structure and wording; its
planning (owners, budgets, spending, deadlines) can be cleared, since the next map built on it
belongs to another plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from journeymapper import io
from journeymapper.model import Project, new_project
from journeymapper.paths import template_files
from journeymapper.ui.dialogs.map_image import preview_pixmap

NEW_TITLE = "Untitled journey"
PREVIEW_SIZE = QSize(440, 250)
_SLUG = re.compile(r"[^a-z0-9]+")


def user_templates_folder() -> Path:
    """Where the user's own templates are saved (``<AppDataLocation>/templates``)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".journeymapper") / "templates"


@dataclass(frozen=True)
class Template:
    """One entry of the template list: ``path`` None is the blank map."""

    key: str
    label: str
    path: Path | None = None
    mine: bool = False

    def load(self) -> Project:
        """The template's project as stored (ProjectFileError when the file is broken)."""
        return new_project() if self.path is None else io.load(self.path)

    def new_map(self) -> Project:
        """A new map from the template: its content, a fresh title."""
        project = self.load()
        project.title = NEW_TITLE
        return project


def label_of(stem: str) -> str:
    """``b2b-saas`` -> ``B2b saas`` (as File > New names them)."""
    return stem.replace("-", " ").replace("_", " ").capitalize()


def available_templates() -> list[Template]:
    """The blank map, the bundled templates, then the user's own, each group by name."""
    found = [Template("blank", "Blank map")]
    found += [Template(f"bundled:{stem}", label_of(stem), path)
              for stem, path in template_files().items()]
    folder = user_templates_folder()
    if folder.is_dir():
        found += [Template(f"mine:{path.stem}", label_of(path.stem), path, mine=True)
                  for path in sorted(folder.glob("*.json"))]
    return found


def as_template(project: Project, clear_planning: bool) -> Project:
    """A copy of the map to save as a template (title kept); with ``clear_planning`` the
    touchpoints lose their owner, budget, spending and deadline."""
    data = project.model_dump()
    if clear_planning:
        for tp in data["touchpoints"]:
            tp.update(owner="", budget="0.00", spent="0.00", deadline=None)
    return Project.model_validate(data)


def template_path(name: str, folder: Path | None = None) -> Path:
    """The file a template named ``name`` is saved to."""
    slug = _SLUG.sub("-", name.casefold()).strip("-")[:60] or "template"
    return (folder or user_templates_folder()) / f"{slug}.json"


def describe(project: Project) -> str:
    """A few lines (HTML) on what a template holds."""
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;")

    stages = " \u2192 ".join(esc(s.name) for s in project.stages) or "none"
    personas = ", ".join(esc(p.name) for p in project.personas) or "none"
    lines = [f"<b>{esc(project.title)}</b>"]
    if project.description:
        lines.append(esc(project.description))
    lines += [f"<b>Stages:</b> {stages}",
              f"<b>Touchpoints:</b> {len(project.touchpoints)} &nbsp; <b>Links:</b> "
              f"{len(project.links)} &nbsp; <b>Notes:</b> {len(project.notes)}",
              f"<b>Personas:</b> {personas}"]
    return "<br>".join(lines)


class NewFromTemplateDialog(QDialog):
    """The template list with a picture and a summary of the one selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New from Template")
        self.setObjectName("new-from-template-dialog")
        self.templates = available_templates()
        self._projects: dict[str, Project | str] = {}
        self.list = QListWidget()
        self.list.setMinimumWidth(200)
        for template in self.templates:
            # The template's own title names it better than its file ("B2B SaaS trial
            # journey" rather than "B2b saas"); a broken file keeps its file name.
            project = self._project(template) if template.path else None
            label = project.title if isinstance(project, Project) else template.label
            item = QListWidgetItem(label + ("  (yours)" if template.mine else ""))
            item.setData(Qt.ItemDataRole.UserRole, template.key)
            item.setToolTip(str(template.path or "An empty map with the default stages"))
            self.list.addItem(item)
        self.picture = QLabel()
        self.picture.setFixedSize(PREVIEW_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: #e6e8ec; border-radius: 4px")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        side.addWidget(self.picture)
        side.addWidget(self.details, 1)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(side, 1)
        folder = QLabel(f"Your templates are in {user_templates_folder()}")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setStyleSheet("color: #667")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            "Create", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(folder)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.setCurrentRow(0)

    def chosen(self) -> Template | None:
        """The selected template."""
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def select(self, key: str) -> None:
        """Select the template with this key (``blank``, ``bundled:restaurant``...)."""
        for row, template in enumerate(self.templates):
            if template.key == key:
                self.list.setCurrentRow(row)
                return
        raise KeyError(key)

    def _project(self, template: Template) -> Project | str:
        if template.key not in self._projects:
            try:
                self._projects[template.key] = template.load()
            except io.ProjectFileError as exc:
                self._projects[template.key] = str(exc)
        return self._projects[template.key]

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.templates):
            return
        project = self._project(self.templates[row])
        if isinstance(project, str):  # a broken file in the user's folder
            self.picture.clear()
            self.details.setText(f"<span style='color:#b71c1c'>{project}</span>")
            self.create_button.setEnabled(False)
            return
        self.picture.setPixmap(preview_pixmap(project, PREVIEW_SIZE))
        self.details.setText(describe(project))
        self.create_button.setEnabled(True)


class SaveAsTemplateDialog(QDialog):
    """Name the template, choose whether to clear the planning, and save it."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save as Template")
        self.setObjectName("save-as-template-dialog")
        self.project = project
        self.saved_path: Path | None = None
        self.name = QLineEdit(project.title)
        self.name.textChanged.connect(self._update)
        self.clear_planning = QCheckBox("Clear owners, budgets, spending and deadlines")
        self.clear_planning.setChecked(True)
        self.where = QLabel()
        self.where.setStyleSheet("color: #667")
        self.where.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Template name:", self.name)
        form.addRow("", self.clear_planning)
        form.addRow("", self.where)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(460, self.sizeHint().height())

    def target(self) -> Path:
        """The file the template goes to."""
        return template_path(self.name.text())

    def _update(self) -> None:
        self.where.setText(f"Saved as {self.target()}")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.name.text().strip()))

    def save(self) -> None:
        """Write the template (asking before replacing one of the same name) and close."""
        path = self.target()
        if path.exists():
            answer = QMessageBox.question(
                self, "Save as Template", f"A template named \u201c{path.stem}\u201d exists."
                " Replace it?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        # The map's title is kept: the name only names the file (and the list entry).
        template = as_template(self.project, self.clear_planning.isChecked())
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            io.save(template, path, backup=False)
        except OSError as exc:
            QMessageBox.critical(self, "Cannot save the template", str(exc))
            return
        self.saved_path = path
        self.accept()
