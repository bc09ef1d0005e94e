"""Tools > Analyze (the analysis dock), Project Settings, and the Help menu."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

import journeymapper
from journeymapper.document import Kind
from journeymapper.paths import EXAMPLES, ROOT


def analysis_panel(window, qtbot):
    window.exchange.show_analysis()
    dock = window.exchange.analysis_dock
    qtbot.waitUntil(lambda: dock.isVisible() and dock.built)
    return dock.widget()


def click(qtbot, tree, item):
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def first_finding_with_touchpoints(panel):
    tree = panel.findings
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            item = group.child(j)
            if any(kind is Kind.TOUCHPOINT for kind, _ in tree.refs_of(item)):
                return item
    raise AssertionError("no finding names a touchpoint")


def test_clicking_a_finding_selects_its_touchpoints(window, qtbot):
    assert window.open_path(EXAMPLES / "saas-trial.json")
    panel = analysis_panel(window, qtbot)
    assert panel.analysis is not None and not panel.stale
    assert "errors" in panel.counts.text()
    item = first_finding_with_touchpoints(panel)
    finding = next(f for f in panel.analysis.findings if f.message == item.text(0))
    window.view.set_zoom(3.0)
    window.view.centerOn(window.scene.sceneRect().bottomRight())
    click(qtbot, panel.findings, item)
    assert window.selection.ids(Kind.TOUCHPOINT) == list(finding.touchpoint_ids)
    assert all(window.scene.cards[t].isSelected() for t in finding.touchpoint_ids)
    # ... and the map scrolls to the first of them.
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    card = window.scene.cards[finding.touchpoint_ids[0]]
    assert shown.contains(card.sceneBoundingRect().center())


def test_groups_funnel_paths_coverage_and_actions(window, qtbot):
    assert window.open_path(EXAMPLES / "saas-trial.json")
    panel = analysis_panel(window, qtbot)
    project, result = window.document.project, panel.analysis
    groups = [panel.findings.topLevelItem(i).text(0)
              for i in range(panel.findings.topLevelItemCount())]
    assert sum(int(g.rsplit("(", 1)[1].rstrip(")")) for g in groups) == len(result.findings)
    assert [s.label for s in panel.funnel.shares()] == [s.name for s in project.stages]
    assert panel.paths.topLevelItemCount() == 1 + len(project.personas)
    path_item = panel.paths.topLevelItem(0)
    if result.journey.likely_path is not None:
        click(qtbot, panel.paths, path_item)
        assert window.selection.ids(Kind.TOUCHPOINT) == list(
            result.journey.likely_path.touchpoint_ids)
    assert panel.coverage.topLevelItemCount() >= len(project.personas)
    actions = result.priorities.actions
    if actions:
        first = panel.actions.topLevelItem(0)
        assert first.text(0) == "1"
        click(qtbot, panel.actions, first)
        assert window.selection.ids(Kind.TOUCHPOINT) == [actions[0].touchpoint_id]


def test_the_dock_follows_changes_only_while_visible(window, qtbot):
    panel = analysis_panel(window, qtbot)
    doc = window.document
    stage, lane = doc.project.stages[0].id, doc.project.lanes[0].id
    doc.create(Kind.TOUCHPOINT, stage_id=stage, lane_id=lane, name="New flyer")
    assert panel.stale
    qtbot.waitUntil(lambda: not panel.stale, timeout=5000)
    assert "1 touchpoints" in panel.counts.text()
    window.exchange.analysis_dock.hide()
    doc.create(Kind.TOUCHPOINT, stage_id=stage, lane_id=lane, name="Second flyer")
    assert panel.stale and not panel._timer.isActive()
    window.exchange.show_analysis()
    qtbot.waitUntil(lambda: not panel.stale, timeout=5000)
    assert "2 touchpoints" in panel.counts.text()


def test_start_up_does_not_load_the_analysis(tmp_path):
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtCore import QSettings;"
        "QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,"
        f" {str(tmp_path)!r});"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from journeymapper.app.main_window import MainWindow; w = MainWindow(); w.show();"
        "app.processEvents();"
        "print(sorted(m for m in ('networkx', 'reportlab', 'openpyxl', 'pptx',"
        " 'journeymapper.analysis', 'journeymapper.ui.panels.analysis') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_shortcut_sheet_lists_every_shortcut_of_the_window(window):
    sheet = window.exchange.show_shortcuts()
    rows = sheet.shown_rows()
    assert ("Save", "Ctrl+S") in rows
    assert ("PDF", "Ctrl+Shift+E") in rows
    assert ("Keyboard Shortcuts", "Ctrl+/") in rows
    sheet.filter.setText("ctrl+s")
    assert ("Save", "Ctrl+S") in sheet.shown_rows()
    assert all("ctrl+s" in (c + k).casefold() for c, k in sheet.shown_rows())
    sheet.close()


def test_shortcut_sheet_picks_up_new_actions(window):
    from journeymapper.app.actions import make_action

    window.menus.tools.addAction(make_action(window, "&Frobnicate", lambda: None, "Ctrl+Alt+F"))
    rows = window.exchange.show_shortcuts().shown_rows()
    assert ("Frobnicate", "Ctrl+Alt+F") in rows


def test_about_box_names_the_versions(window, messages):
    window.exchange.actions["about"].trigger()
    kind, title, text = messages[0]
    assert kind == "about" and "Journeymapper" in title
    assert journeymapper.__version__ in text and "MIT" in text and "PySide6" in text


def test_project_settings_dialog_edits_through_the_document(window, qtbot):
    window.exchange.actions["project-settings"].trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    assert dialog.windowTitle() == "Project settings"
    dialog.reject()


def test_a_failing_analysis_is_reported_not_raised(window, qtbot, monkeypatch):
    from journeymapper.ui.panels import analysis

    def broken(*args):
        raise RuntimeError("half-finished analysis")
    monkeypatch.setattr(analysis, "analyze", broken)
    panel = analysis_panel(window, qtbot)
    assert panel.analysis is None
    assert "half-finished analysis" in panel.counts.text()


def test_a_slow_analysis_waits_longer_for_the_edits_to_pause(window, qtbot, monkeypatch):
    """A big map's analysis stops the window for a second: not after every short pause."""
    import time

    from journeymapper.ui.panels import analysis

    assert analysis.refresh_delay(5) == analysis.REFRESH_DELAY_MS
    assert analysis.refresh_delay(900) == 1800
    assert analysis.refresh_delay(60_000) == analysis.MAX_REFRESH_DELAY_MS
    panel = analysis_panel(window, qtbot)
    assert panel._timer.interval() == analysis.REFRESH_DELAY_MS  # a small map: as before
    quick = analysis.analyze

    def slow(*args):
        time.sleep(0.6)
        return quick(*args)
    monkeypatch.setattr(analysis, "analyze", slow)
    panel.refresh()
    assert panel._timer.interval() >= 1200
    doc = window.document
    doc.create(Kind.TOUCHPOINT, stage_id=doc.project.stages[0].id,
               lane_id=doc.project.lanes[0].id, name="New flyer")
    assert panel.counts.text().endswith(analysis.STALE_NOTE)  # why nothing changed yet
    assert panel._timer.isActive()
    monkeypatch.setattr(analysis, "analyze", quick)
    panel.refresh()
    assert panel._timer.interval() == analysis.REFRESH_DELAY_MS
    assert analysis.STALE_NOTE not in panel.counts.text()
