"""The living-map tools in the main window: menus, docks, KPI colouring, import, compare."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from journeymapper.app.living_map_actions import living_map_of
from journeymapper.document import Kind
from journeymapper.io import dumps


def action_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_menus_and_docks_are_installed(window) -> None:
    living = living_map_of(window)
    assert living.review_action in window.menus.tools.actions()
    assert living.import_kpis_action in window.menus.import_menu.actions()
    assert living.colouring_action in window.menus.view.actions()
    assert "&Compare With Version" in action_texts(window.menus.view)
    panels = action_texts(window.menus.panels)
    assert "Versions" in panels and "Compare" in panels
    assert not living.versions_dock.isVisible() and not living.versions_dock.built


def test_kpi_colouring_is_stored_in_the_map_and_undoable(examples, window, qtbot) -> None:
    assert window.open_path(examples / "bakery.json")
    living = living_map_of(window)
    before = dumps(window.document.project)
    assert not living.colouring_action.isChecked()
    living.colouring_action.trigger()
    assert window.document.project.kpi_colouring.enabled
    assert window.document.undo_stack.text(0) == "Turn KPI colouring on"
    alerts = {i: c.content().alert for i, c in window.scene.cards.items()}
    assert alerts["tp-online-checkout"] == "#d62728"
    window.document.undo_stack.undo()
    assert not living.colouring_action.isChecked()
    assert dumps(window.document.project) == before
    assert all(not c.content().alert for c in window.scene.cards.values())


def test_review_session_from_the_menu(examples, window, qtbot) -> None:
    assert window.open_path(examples / "bakery.json")
    living = living_map_of(window)
    dialog = living.start_review_session()
    assert dialog.current_id() is not None
    assert window.selection.ids(Kind.TOUCHPOINT) == [dialog.current_id()]
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()


def test_kpi_import_dialog_applies_good_rows(examples, window, qtbot, tmp_path: Path) -> None:
    assert window.open_path(examples / "bakery.json")
    path = tmp_path / "kpis.csv"
    path.write_text("touchpoint,KPI,value,date\n"
                    "Online checkout with delivery slots,Checkout conversion,53,2026-11-20\n"
                    "Online chekout,Checkout conversion,53,2026-11-20\n", encoding="utf-8")
    dialog = living_map_of(window).import_kpis(str(path))
    assert dialog.errors.count() == 1 and "row 3" in dialog.errors.item(0).text()
    assert dialog.import_button.text() == "Import 1 Value"
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    tp = window.document.get(Kind.TOUCHPOINT, "tp-online-checkout")
    assert tp.kpis[0].actual == 53
    assert window.document.undo_stack.count() == 1


def test_bad_kpi_file_cannot_be_imported(window, tmp_path: Path) -> None:
    path = tmp_path / "kpis.csv"
    path.write_text("name;value\nx;1\n", encoding="utf-8")
    dialog = living_map_of(window).import_kpis(str(path))
    assert not dialog.import_button.isEnabled()
    assert "missing: KPI, date" in dialog.summary.text()
    dialog.done(QDialog.DialogCode.Rejected)


def test_compare_with_a_version_from_the_view_menu(examples, window, qtbot) -> None:
    assert window.open_path(examples / "bakery.json")
    living = living_map_of(window)
    living.compare_menu.aboutToShow.emit()
    choices = action_texts(living.compare_menu)
    assert choices[0] == "&Off" and "To-be 2027" in choices
    to_be = next(a for a in living.compare_menu.actions() if a.text() == "To-be 2027")
    to_be.trigger()
    panel = living.compare_panel()
    assert living.compare_dock.isVisible()
    assert panel.comparison is not None
    assert panel.comparison.summary() == "1 added, 1 removed, 4 changed; budget -1,900.00"
    # Switching versions from the Versions dock rebuilds the map; undo switches back.
    versions = living.versions_panel()
    versions.select("version-to-be-2027")
    before = dumps(window.document.project)
    assert versions.switch_selected()
    assert "tp-office-subscription" in window.scene.cards
    assert window.document.project.version_name == "To-be 2027"
    window.document.undo_stack.undo()
    assert dumps(window.document.project) == before
    assert "tp-office-subscription" not in window.scene.cards
