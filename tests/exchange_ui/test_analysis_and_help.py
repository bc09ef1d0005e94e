"""Tools > Analyze (the analysis dock), Project Settings, and the Help menu."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

import journeymapper
from journeymapper.document import Kind
from journeymapper.paths import ROOT


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


def test_clicking_a_finding_selects_its_touchpoints(examples, window, qtbot):
    assert window.open_path(examples / "saas-trial.json")
    panel = analysis_panel(window, qtbot)
    assert panel.brief is not None and not panel.stale
    assert "errors" in panel.counts.text()
    item = first_finding_with_touchpoints(panel)
    finding = next(f for f in panel.brief.findings if f.message == item.text(0))
    window.view.set_zoom(3.0)
    window.view.centerOn(window.scene.sceneRect().bottomRight())
    click(qtbot, panel.findings, item)
    assert window.selection.ids(Kind.TOUCHPOINT) == list(finding.touchpoint_ids)
    assert all(window.scene.cards[t].isSelected() for t in finding.touchpoint_ids)
    # ... and the map scrolls to the first of them.
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    card = window.scene.cards[finding.touchpoint_ids[0]]
    assert shown.contains(card.sceneBoundingRect().center())


def test_a_finding_about_a_card_deleted_since_selects_what_is_left(examples, window, qtbot):
    assert window.open_path(examples / "saas-trial.json")
    panel = analysis_panel(window, qtbot)
    tree = panel.findings
    item = next(row for i in range(tree.topLevelItemCount())
                for row in (tree.topLevelItem(i).child(j)
                            for j in range(tree.topLevelItem(i).childCount()))
                if len(tree.refs_of(row)) >= 2)
    named = [i for kind, i in tree.refs_of(item) if kind is Kind.TOUCHPOINT]
    window.document.remove([(Kind.TOUCHPOINT, named[0])])  # the dock has not looked again
    click(qtbot, panel.findings, item)
    assert window.selection.ids(Kind.TOUCHPOINT) == named[1:]


def test_groups_funnel_paths_coverage_and_actions(examples, window, qtbot):
    assert window.open_path(examples / "saas-trial.json")
    panel = analysis_panel(window, qtbot)
    project, brief = window.document.project, panel.brief
    groups = [panel.findings.topLevelItem(i).text(0)
              for i in range(panel.findings.topLevelItemCount())]
    assert sum(int(g.rsplit("(", 1)[1].rstrip(")")) for g in groups) == len(brief.findings)
    panel.tabs.setCurrentIndex(1)  # each tab is filled when picked
    assert [s.label for s in panel.funnel.shares()] == [s.name for s in project.stages]
    panel.tabs.setCurrentWidget(panel.paths)
    assert panel.paths.topLevelItemCount() == 1 + len(project.personas)
    path_item = panel.paths.topLevelItem(0)
    assert brief.paths[0].persona_id is None and brief.paths[0].probability is not None
    click(qtbot, panel.paths, path_item)
    assert window.selection.ids(Kind.TOUCHPOINT) == list(brief.paths[0].touchpoint_ids)
    panel.tabs.setCurrentWidget(panel.coverage)
    assert panel.coverage.topLevelItemCount() >= len(project.personas)
    panel.tabs.setCurrentWidget(panel.actions)
    first = panel.actions.topLevelItem(0)
    assert brief.actions and first.text(0) == "1"
    click(qtbot, panel.actions, first)
    assert window.selection.ids(Kind.TOUCHPOINT) == [brief.actions[0].touchpoint_id]


def test_a_tab_picked_after_another_analysis_shows_that_one(examples, window, qtbot):
    assert window.open_path(examples / "saas-trial.json")
    panel = analysis_panel(window, qtbot)
    panel.tabs.setCurrentWidget(panel.actions)
    first = panel.brief.actions[0].touchpoint_id
    window.document.edit(Kind.TOUCHPOINT, first, performance=5)  # performs as it should now
    panel.refresh()
    assert panel.brief.actions[0].touchpoint_id != first
    assert panel.actions.topLevelItem(0).text(1) == window.document.get(
        Kind.TOUCHPOINT, panel.brief.actions[0].touchpoint_id).name
    named = next(f.touchpoint_ids[0] for f in panel.brief.findings if f.touchpoint_ids)
    window.document.edit(Kind.TOUCHPOINT, named, name="Renamed page")
    panel.refresh()  # while the actions are in sight
    panel.tabs.setCurrentWidget(panel.findings)
    texts = [panel.findings.topLevelItem(i).child(j).text(0)
             for i in range(panel.findings.topLevelItemCount())
             for j in range(panel.findings.topLevelItem(i).childCount())]
    assert sorted(f.message for f in panel.brief.findings) == sorted(texts)
    assert any("'Renamed page'" in text for text in texts)


def test_the_dock_follows_changes_only_while_visible(window, qtbot):
    panel = analysis_panel(window, qtbot)
    doc = window.document
    stage, lane = doc.project.stages[0].id, doc.project.lanes[0].id
    doc.create(Kind.TOUCHPOINT, stage_id=stage, lane_id=lane, name="New flyer")
    assert panel.stale
    qtbot.waitUntil(lambda: not panel.stale, timeout=5000)
    assert "1 touchpoint, " in panel.counts.text()
    window.exchange.analysis_dock.hide()
    doc.create(Kind.TOUCHPOINT, stage_id=stage, lane_id=lane, name="Second flyer")
    assert panel.stale and not panel._timer.isActive()
    window.exchange.show_analysis()
    qtbot.waitUntil(lambda: not panel.stale, timeout=5000)
    assert "2 touchpoints" in panel.counts.text()


def add_flyer(document, name="New flyer"):
    project = document.project
    document.create(Kind.TOUCHPOINT, stage_id=project.stages[0].id,
                    lane_id=project.lanes[0].id, name=name)


def test_a_big_map_is_analysed_in_a_child_process_while_the_window_goes_on(examples, window, qtbot):
    from journeymapper.analysis import analyze
    from journeymapper.analysis.brief import Brief
    from journeymapper.ui.panels.analysis import ANALYSING_NOTE, STALE_NOTE

    assert window.open_path(examples / "saas-trial.json")
    panel = analysis_panel(window, qtbot)  # small: analysed at once, here
    doc, before = window.document, panel.brief.touchpoints
    panel.analyser.out_of_process_at = 0  # as if it were big
    add_flyer(doc)
    panel.refresh()
    assert panel.analyser.running and panel.counts.text().endswith(ANALYSING_NOTE)
    add_flyer(doc, "Second flyer")  # while the child works on the map with one flyer
    assert panel.stale and panel.counts.text().endswith(STALE_NOTE)
    qtbot.waitUntil(lambda: panel.brief.touchpoints == before + 1, timeout=30_000)
    assert panel.counts.text().endswith(STALE_NOTE)  # shown, but the map changed since
    # ... so the map is analysed again, and the window shows what it would have found.
    qtbot.waitUntil(lambda: panel.brief.touchpoints == before + 2 and not panel.stale
                    and not panel.analyser.running, timeout=30_000)
    assert panel.brief == Brief.of(analyze(doc.project, panel.today()), doc.project)
    assert STALE_NOTE not in panel.counts.text() and ANALYSING_NOTE not in panel.counts.text()
    groups = [panel.findings.topLevelItem(i) for i in range(panel.findings.topLevelItemCount())]
    assert sum(g.childCount() for g in groups) == len(panel.brief.findings)


def test_a_big_map_says_it_is_being_analysed_when_the_dock_opens(examples, window, qtbot,
                                                                 monkeypatch):
    from journeymapper.ui.panels.analyser import Analyser

    monkeypatch.setattr(Analyser, "out_of_process_at", 10)  # saas-trial: 31 touchpoints
    assert window.open_path(examples / "saas-trial.json")
    window.exchange.show_analysis()
    panel = window.exchange.analysis_dock.widget()
    assert panel.analyser.running and panel.brief is None
    assert panel.counts.text() == "<i>Analysing the map\u2026</i>"
    qtbot.waitUntil(lambda: panel.brief is not None, timeout=30_000)
    assert panel.counts.text().startswith("<b>") and "31 touchpoints" in panel.counts.text()


def test_the_child_is_stopped_for_another_map_and_with_the_dock(examples, window, qtbot):
    from PySide6.QtCore import QProcess

    assert window.open_path(examples / "saas-trial.json")
    panel = analysis_panel(window, qtbot)
    panel.analyser.out_of_process_at = 0
    panel.refresh()
    first = panel.analyser._server
    assert first is not None and panel.analyser.running
    assert window.open_path(examples / "bakery.json")  # what the child finds is of no use
    assert first.state() is QProcess.ProcessState.NotRunning
    # Nor the last map's results: none is shown for the new one until it is analysed.
    assert panel.brief is None and panel.findings.topLevelItemCount() == 0
    assert panel.counts.text().startswith("<i>Another map")
    bakery = window.document.project
    qtbot.waitUntil(lambda: panel.brief is not None and not panel.stale
                    and panel.brief.touchpoints == len(bakery.touchpoints), timeout=30_000)
    second = panel.analyser._server
    assert second is not None and second is not first  # kept for the next analysis
    add_flyer(window.document)  # the dock waits for the edits to pause...
    assert panel._timer.isActive()
    window.exchange.analysis_dock.hide()  # ... and not once it is hidden
    assert panel.analyser._server is None and second.state() is QProcess.ProcessState.NotRunning
    assert panel.stale and not panel._timer.isActive()


@pytest.mark.parametrize(("code", "said"), [
    ("import sys; sys.stdin.readline(); print('error \"ValueError: no stages\"', flush=True);"
     " sys.stdin.readline()", "ValueError: no stages"),
    ("import sys; sys.stdin.readline(); sys.exit('no memory left')", "no memory left"),
    ("import sys; sys.stdin.readline(); sys.exit(3)", "the analysis process stopped (exit code 3)"),
    ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "the analysis process crashed"),
])
def test_a_failing_child_analysis_is_reported(window, qtbot, monkeypatch, code, said):
    from journeymapper.ui.panels import analyser

    panel = analysis_panel(window, qtbot)
    panel.analyser.out_of_process_at = 0
    monkeypatch.setattr(analyser, "server_command", lambda: ["-c", code])
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.analyser.running, timeout=30_000)
    assert panel.brief is None
    assert panel.counts.text().endswith(f"The analysis failed: {said}</span>")


def test_analyze_tries_again_after_a_failure(window, qtbot, monkeypatch):
    from journeymapper.ui.panels import analyser

    panel = analysis_panel(window, qtbot)
    panel.analyser.out_of_process_at = 0
    real = analyser.server_command
    monkeypatch.setattr(analyser, "server_command", lambda: ["-c", "raise SystemExit(3)"])
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.analyser.running, timeout=30_000)
    assert panel.brief is None
    monkeypatch.setattr(analyser, "server_command", real)  # say the machine had no memory
    window.exchange.actions["analyze"].trigger()  # Tools > Analyze, the dock still shown
    qtbot.waitUntil(lambda: panel.brief is not None, timeout=30_000)


def test_a_child_that_cannot_start_is_reported(window, qtbot, monkeypatch, tmp_path):
    from journeymapper.ui.panels import analyser

    panel = analysis_panel(window, qtbot)
    panel.analyser.out_of_process_at = 0
    monkeypatch.setattr(analyser.sys, "executable", str(tmp_path / "no-python"))
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.analyser.running, timeout=30_000)
    assert f"cannot start {tmp_path / 'no-python'}" in panel.counts.text()


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
    from journeymapper.ui.panels import analyser

    def broken(*args):
        raise RuntimeError("half-finished <analysis>")
    monkeypatch.setattr(analyser, "analyze", broken)
    panel = analysis_panel(window, qtbot)
    assert panel.brief is None
    assert "half-finished &lt;analysis&gt;" in panel.counts.text()  # as text, not markup


def test_a_slow_analysis_waits_longer_for_the_edits_to_pause(window, qtbot, monkeypatch):
    """A big map's analysis stops the window for a second: not after every short pause."""
    import time

    from journeymapper.ui.panels import analyser, analysis

    assert analysis.refresh_delay(5) == analysis.REFRESH_DELAY_MS
    assert analysis.refresh_delay(900) == 1800
    assert analysis.refresh_delay(60_000) == analysis.MAX_REFRESH_DELAY_MS
    panel = analysis_panel(window, qtbot)
    assert panel._timer.interval() == analysis.REFRESH_DELAY_MS  # a small map: as before
    quick = analyser.analyze

    def slow(*args):
        time.sleep(0.6)
        return quick(*args)
    monkeypatch.setattr(analyser, "analyze", slow)
    panel.refresh()
    assert panel._timer.interval() >= 1200
    doc = window.document
    doc.create(Kind.TOUCHPOINT, stage_id=doc.project.stages[0].id,
               lane_id=doc.project.lanes[0].id, name="New flyer")
    assert panel.counts.text().endswith(analysis.STALE_NOTE)  # why nothing changed yet
    assert panel._timer.isActive()
    monkeypatch.setattr(analyser, "analyze", quick)
    panel.refresh()
    assert panel._timer.interval() == analysis.REFRESH_DELAY_MS
    assert analysis.STALE_NOTE not in panel.counts.text()
