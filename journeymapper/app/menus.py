"""The menu bar: File, Edit, View, Insert."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup

from journeymapper.document import Kind
from journeymapper.paths import template_files

if TYPE_CHECKING:
    from journeymapper.app.actions import Actions
    from journeymapper.app.main_window import MainWindow


class Menus:
    """The window's menus; Open Recent, templates and personas are filled when shown."""

    def __init__(self, window: MainWindow, actions: Actions) -> None:
        self.window = window
        bar = window.menuBar()
        self.file = bar.addMenu("&File")
        self.new = self.file.addMenu("&New")
        self.new.aboutToShow.connect(self._fill_new)
        self._fill_new()
        self.file.addAction(actions.open)
        self.recent = self.file.addMenu("Open &Recent")
        self.recent.aboutToShow.connect(self._fill_recent)
        self.file.addSeparator()
        for action in (actions.save, actions.save_as, actions.close):
            self.file.addAction(action)
        self.file.addSeparator()
        # Filled by the features (journeymapper/app/features.py).
        self.import_menu = self.file.addMenu("&Import")
        self.export_menu = self.file.addMenu("&Export")
        self.file.addSeparator()
        self.file.addAction(actions.quit)

        self.edit = bar.addMenu("&Edit")
        self.edit.addActions([actions.undo, actions.redo])
        self.edit.addSeparator()
        self.edit.addActions([actions.cut, actions.copy, actions.paste, actions.duplicate])
        self.edit.addSeparator()
        self.edit.addActions([actions.select_all, actions.rename, actions.delete, actions.link])
        move = self.edit.addMenu("&Move Selection")
        move.addActions(list(actions.move.values()))

        self.view = bar.addMenu("&View")
        self.view.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_reset,
                              actions.fit])
        self.view.addAction(actions.presentation)
        self.view.addSeparator()
        self.view.addAction(actions.snap)
        self.personas = self.view.addMenu("Highlight &Persona")
        self.personas.aboutToShow.connect(self._fill_personas)
        self._fill_personas()
        self.view.addSeparator()
        self.panels = self.view.addMenu("P&anels")

        self.insert = bar.addMenu("&Insert")
        self.tools = bar.addMenu("&Tools")
        touchpoints = None
        for entry, action in actions.insert.items():
            if entry.kind is Kind.TOUCHPOINT:
                if touchpoints is None:
                    touchpoints = self.insert.addMenu("&Touchpoint")
                touchpoints.addAction(action)
            else:
                self.insert.addAction(action)
        self.help = bar.addMenu("&Help")

    def _fill_new(self) -> None:
        self.new.clear()
        self.new.addAction(self.window.commands.new)
        templates = template_files()
        if templates:
            self.new.addSeparator()
        for name in templates:
            label = name.replace("-", " ").replace("_", " ").capitalize()
            action = self.new.addAction(f"From template: {label}")
            action.setObjectName(f"template-{name}")
            action.triggered.connect(lambda _c=False, n=name: self.window.new_project(n))

    def _fill_recent(self) -> None:
        self.recent.clear()
        paths = self.window.recent.paths()
        for i, path in enumerate(paths):
            prefix = f"&{i + 1} " if i < 9 else ""
            action = self.recent.addAction(f"{prefix}{os.path.basename(path)}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.window.open_file(p))
        if paths:
            self.recent.addSeparator()
        clear = self.recent.addAction("&Clear List")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.window.recent.clear)

    def _fill_personas(self) -> None:
        self.personas.clear()
        group = QActionGroup(self.personas)
        current = self.window.scene.persona_filter()
        everyone = self.personas.addAction("&Everyone")
        choices: list[tuple[QAction, str | None]] = [(everyone, None)]
        self.personas.addSeparator()
        for persona in self.window.document.project.personas:
            choices.append((self.personas.addAction(persona.name), persona.id))
        for action, pid in choices:
            action.setCheckable(True)
            action.setChecked(pid == current)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, p=pid: self.window.set_persona_filter(p))
