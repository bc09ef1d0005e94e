"""The main window: one document, menus, files, the unsaved-changes prompt and settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMessageBox

from journeymapper import io
from journeymapper.document import Kind
from journeymapper.paths import EXAMPLES, ROOT, template_files

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def answer(monkeypatch, button):
    """Make QMessageBox.question answer ``button`` and count the questions."""
    asked = []

    def question(*args, **kwargs):
        asked.append(args)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


def edit(window):
    tp = window.document.project.stages[0].id
    window.document.create(Kind.TOUCHPOINT, stage_id=tp,
                           lane_id=window.document.project.lanes[0].id, name="Flyer")


def test_window_parts(window):
    assert window.view.scene() is window.scene
    assert window.scene.document is window.document
    assert window.scene.selection is window.selection
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Insert", "&Tools", "&Help"]
    assert window.palette.toggleViewAction() in window.menus.panels.actions()


def test_add_panel_puts_the_toggle_in_view_panels(window):
    dock = QDockWidget("Inspector", window)
    dock.setWidget(QLabel("x"))
    window.add_panel(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.toggleViewAction() in window.menus.panels.actions()
    assert dock.objectName()


def test_one_document_for_the_window_lifetime(window, tmp_path):
    doc = window.document
    path = tmp_path / "a.json"
    io.save(window.document.project, path)
    assert window.open_path(path)
    assert window.new_project(None)
    assert window.document is doc


def test_title_shows_file_name_and_modified_mark(window, tmp_path, monkeypatch):
    assert window.windowTitle() == "Untitled journey[*] \u2014 Journeymapper"
    assert not window.isWindowModified()
    edit(window)
    assert window.isWindowModified()
    path = tmp_path / "shop.json"
    monkeypatch.setattr("journeymapper.app.dialogs.choose_save_path", lambda *a: str(path))
    assert window.save()
    assert window.windowTitle().startswith("shop.json[*]")
    assert not window.isWindowModified()
    assert io.load(path).touchpoints[0].name == "Flyer"


def test_undo_actions_name_the_command(window):
    edit(window)
    assert window.commands.undo.text() == "&Undo Add touchpoint 'Flyer'"
    window.commands.undo.trigger()
    assert window.document.project.touchpoints == []
    assert window.commands.redo.text().startswith("&Redo Add touchpoint")


@pytest.mark.parametrize("action", ["close", "new", "open"])
def test_cancel_keeps_the_unsaved_map(window, monkeypatch, tmp_path, action):
    edit(window)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    other = tmp_path / "other.json"
    io.save(window.document.project, other)
    if action == "close":
        assert not window.close()
        assert window.isVisible()
    elif action == "new":
        assert not window.new_project(None)
    else:
        assert not window.open_file(str(other))
    assert len(asked) == 1
    assert window.document.project.touchpoints[0].name == "Flyer"
    assert window.document.is_modified


def test_discard_drops_the_changes(window, monkeypatch):
    edit(window)
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.new_project(None)
    assert window.document.project.touchpoints == []
    assert not window.document.is_modified


def test_save_answer_saves_before_closing(window, monkeypatch, tmp_path):
    edit(window)
    path = tmp_path / "kept.json"
    monkeypatch.setattr("journeymapper.app.dialogs.choose_save_path", lambda *a: str(path))
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    assert window.close()
    assert io.load(path).touchpoints[0].name == "Flyer"


def test_no_question_without_changes(window, monkeypatch):
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert window.new_project(None)
    assert asked == []


def test_open_error_shows_the_message_and_keeps_running(window, monkeypatch, tmp_path):
    shown = errors(monkeypatch)
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json")
    before = io.dumps(window.document.project)
    assert not window.open_path(bad)
    assert len(shown) == 1 and "broken.json" in shown[0] and "JSON" in shown[0]
    assert io.dumps(window.document.project) == before


def test_save_failure_leaves_the_map_modified(window, monkeypatch, tmp_path):
    shown = errors(monkeypatch)
    edit(window)
    target = tmp_path / "missing-folder" / "map.json"
    monkeypatch.setattr("journeymapper.app.dialogs.choose_save_path", lambda *a: str(target))
    assert not window.save()
    assert len(shown) == 1 and "not saved" in shown[0]
    assert window.document.is_modified and window.isWindowModified()


def test_recent_files_persist_across_windows(window, make_window, tmp_path):
    paths = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.json"
        io.save(window.document.project, path)
        window.open_path(path)
        paths.append(str(path))
    assert window.recent.paths() == paths[::-1]
    window.menus.recent.aboutToShow.emit()
    labels = [a.text() for a in window.menus.recent.actions()]
    assert labels[:2] == ["&1 two.json", "&2 one.json"]
    second = make_window()
    assert second.recent.paths() == paths[::-1]
    window.menus.recent.actions()[1].trigger()
    assert window.document.path == Path(paths[0])


def test_window_geometry_and_snap_persist(window, make_window):
    # The offscreen screen is 800x600: stay inside it so nothing is clamped.
    window.resize(760, 560)
    window.commands.snap.setChecked(True)
    assert window.view.snap_enabled()
    size = window.size()
    window.close()
    second = make_window()
    assert second.size() == size
    assert second.commands.snap.isChecked() and second.view.snap_enabled()


def test_settings_live_in_the_temporary_folder(window, temporary_settings):
    window.close()
    assert list(temporary_settings.rglob("*.ini"))


def test_new_offers_blank_and_templates(window, monkeypatch):
    window.menus.new.aboutToShow.emit()
    names = [a.objectName() for a in window.menus.new.actions() if a.objectName()]
    assert names == [f"template-{n}" for n in template_files()]
    if names:
        window.menus.new.actions()[-1].trigger()
        name = list(template_files())[-1]
        assert len(window.document.project.stages) == len(
            io.load(template_files()[name]).stages)
        assert window.document.path is None


def test_persona_filter_menu(window, monkeypatch, tmp_path):
    path = tmp_path / "p.json"
    from tests.canvas.helpers import sample_project

    io.save(sample_project(), path)
    window.open_path(path)
    window.menus.personas.aboutToShow.emit()
    actions = window.menus.personas.actions()
    anna = next(a for a in actions if a.text() == "Anna")
    anna.trigger()
    assert window.scene.persona_filter() == "anna"
    assert window.scene.cards["tp0"].is_dimmed() is False
    assert window.scene.cards["tp2"].is_dimmed() is False
    next(a for a in actions if a.text() == "&Everyone").trigger()
    assert window.scene.persona_filter() is None


def test_insert_menu_adds_at_the_focus(window, qtbot):
    from journeymapper.model import Channel
    from journeymapper.ui.canvas.palette import Entry

    window.commands.insert[Entry(Kind.TOUCHPOINT, Channel.EMAIL)].trigger()
    tp = window.document.project.touchpoints[-1]
    assert (tp.channel, tp.stage_id) == (Channel.EMAIL, "awareness")
    assert window.view.editor is not None
    window.view.editor.finish(False)
    window.commands.insert[Entry(Kind.STAGE)].trigger()
    assert window.document.project.stages[1].name == "New stage"


def test_link_selected_links_in_picking_order(window):
    doc = window.document
    ids = [doc.create(Kind.TOUCHPOINT, stage_id=s.id, lane_id="touchpoints", name=s.name)
           for s in doc.project.stages[:3]]
    window.selection.set_items([(Kind.TOUCHPOINT, ids[2]), (Kind.TOUCHPOINT, ids[0])])
    window.commands.link.trigger()
    assert [(ln.source_id, ln.target_id) for ln in doc.project.links] == [(ids[2], ids[0])]


def test_examples_exist():
    assert EXAMPLE_FILES, f"no example maps in {EXAMPLES}"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_open_each_example(window, examples, path):
    assert window.open_path(examples / path.name)
    project = window.document.project
    assert set(window.scene.cards) == {t.id for t in project.touchpoints}
    assert set(window.scene.links) == {ln.id for ln in project.links}
    assert window.windowTitle().startswith(path.name)
    assert not window.document.is_modified


def test_start_up_imports_no_networkx_or_reportlab(tmp_path):
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtCore import QSettings;"
        "QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,"
        f" {str(tmp_path)!r});"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from journeymapper.app.main_window import MainWindow; w = MainWindow(); w.show();"
        "app.processEvents();"
        "print(sorted(m for m in ('networkx', 'reportlab') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_presentation_mode_hides_the_docks_and_brings_them_back(window, qtbot):
    assert window.palette.isVisible()
    window.commands.presentation.setChecked(True)
    assert not window.palette.isVisible()
    window.commands.presentation.setChecked(False)
    assert window.palette.isVisible()
