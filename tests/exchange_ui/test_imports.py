"""File > Import: touchpoints from a table (mapping, live preview, one undo step) and a map
from a Mermaid journey diagram."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journeymapper import io
from journeymapper.document import Kind
from journeymapper.importers.touchpoints import apply_plan

TABLE = "\r\n".join([
    "Name,Stage,Owner,Money,Touchpoint id",
    "Flyers at the school gate,Awareness,Ana,100,",
    "Radio spot,Nowhere,Ben,-5,",
    "Tasting evening,Purchase,Ana,-5,",
    "Updated owner,,Chris,,{existing}",
])


def open_bakery(window, examples):
    assert window.open_path(examples / "bakery.json")
    return window.document.project.touchpoints[0]


def write_table(tmp_path, existing_id):
    path = tmp_path / "touchpoints.csv"
    path.write_text(TABLE.format(existing=existing_id), encoding="utf-8")
    return path


def error_texts(dialog):
    model = dialog.model
    return {(r, c): model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
            for r, c in model.error_cells()}


def test_import_dialog_maps_previews_and_imports_as_one_undo_step(examples, window, exchange,
                                                                 tmp_path):
    existing = open_bakery(window, examples)
    doc = window.document
    before = io.dumps(doc.project)
    dialog = exchange.import_touchpoints(str(write_table(tmp_path, existing.id)))
    assert dialog.isVisible()
    # Auto-mapped: the known headers; "Money" is not a field name, so it is left out.
    assert dialog.mapping() == {"Name": "name", "Stage": "stage", "Owner": "owner",
                                "Money": None, "Touchpoint id": "id"}
    assert dialog.summary.text().startswith("2 new, 1 changed, 0 unchanged, 1 with errors")
    errors = error_texts(dialog)
    stage_column = 2 + 1
    assert list(errors) == [(1, stage_column)]
    assert "no stage named 'Nowhere'" in errors[(1, stage_column)]
    assert dialog.model.index(1, 1).data() == "error"
    assert dialog.model.index(0, 1).data() == "new"
    changes = dialog.model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert f"owner: {existing.owner} \u2192 Chris" in changes

    # Mapping "Money" to the budget: the negative amount is now an error of that cell too.
    dialog.set_field("Money", "budget")
    assert dialog.summary.text().startswith("1 new, 1 changed, 0 unchanged, 2 with errors")
    errors = error_texts(dialog)
    money_column = 2 + 3
    assert set(errors) == {(1, stage_column), (1, money_column), (2, money_column)}
    assert "must be >= 0" in errors[(2, money_column)]
    dialog.errors_only.setChecked(True)
    assert dialog.model.rowCount() == 2
    dialog.errors_only.setChecked(False)

    # A field chosen for two columns is refused; Import waits for a usable mapping.
    dialog.set_field("Owner", "name")
    assert "both mapped to name" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_field("Owner", "owner")
    assert dialog.import_button.text() == "Import 2 touchpoints"

    expected = io.dumps(apply_plan(doc.project, dialog.plan))
    steps = doc.undo_stack.count()
    dialog.import_button.click()
    assert not dialog.isVisible()
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Import 2 touchpoints"
    assert io.dumps(doc.project) == expected
    assert doc.get(Kind.TOUCHPOINT, existing.id).owner == "Chris"
    assert set(window.scene.cards) == {t.id for t in doc.project.touchpoints}
    doc.undo_stack.undo()
    assert io.dumps(doc.project) == before
    assert set(window.scene.cards) == {t.id for t in doc.project.touchpoints}
    doc.undo_stack.redo()
    assert io.dumps(doc.project) == expected


def test_table_that_cannot_be_read_is_reported(exchange, tmp_path, messages):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    assert exchange.import_touchpoints(str(path)) is None
    assert messages and messages[0][0] == "critical" and "broken.xlsx" in messages[0][2]


def test_import_touchpoints_asks_for_the_file(examples, exchange, tmp_path, monkeypatch, window):
    from PySide6.QtWidgets import QFileDialog

    existing = open_bakery(window, examples)
    path = write_table(tmp_path, existing.id)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (str(path), "")))
    exchange.actions["import-touchpoints"].trigger()
    dialog = exchange.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert exchange.settings.last_import_folder() == str(tmp_path)
    dialog.reject()


MERMAID = """journey
    title Visiting the bakery
    section Discover
      See the window display: 4: Sofia, Markus
      Read reviews: 3: Sofia
    section Buy
      Order a cake: 5: Sofia
"""


def test_mermaid_import_opens_a_new_unsaved_project(examples, window, exchange, tmp_path):
    open_bakery(window, examples)
    path = tmp_path / "visit.mmd"
    path.write_text(MERMAID, encoding="utf-8")
    assert exchange.import_mermaid(str(path))
    doc = window.document
    assert doc.path is None and doc.is_modified
    assert doc.project.title == "Visiting the bakery"
    assert [s.name for s in doc.project.stages] == ["Discover", "Buy"]
    assert [t.name for t in doc.project.touchpoints] == [
        "See the window display", "Read reviews", "Order a cake"]
    assert set(window.scene.cards) == {t.id for t in doc.project.touchpoints}
    assert doc.undo_stack.count() == 0


def test_mermaid_block_in_markdown_keeps_the_file_line_numbers(exchange, tmp_path, messages):
    path = tmp_path / "README.md"
    path.write_text("# Our journey\n\n```mermaid\njourney\n    section A\n"
                    "      Task without score\n```\n", encoding="utf-8")
    assert not exchange.import_mermaid(str(path))
    kind, _title, text = messages[0]
    assert kind == "critical" and "line 6" in text


def test_mermaid_from_markdown_and_title_from_the_file_name(window, exchange, tmp_path):
    path = tmp_path / "shop-visit.md"
    path.write_text("Intro\n\n```mermaid\njourney\n  section Visit\n    Walk in: 3\n```\n",
                    encoding="utf-8")
    assert exchange.import_mermaid(str(path))
    assert window.document.project.title == "shop visit"
    assert [t.name for t in window.document.project.touchpoints] == ["Walk in"]


def test_mermaid_import_keeps_unsaved_work_when_cancelled(examples, window, exchange, tmp_path,
                                                          monkeypatch):
    from journeymapper.app import dialogs

    open_bakery(window, examples)
    window.document.edit("project", title="Changed")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.Answer.CANCEL)
    path = tmp_path / "visit.mmd"
    path.write_text(MERMAID, encoding="utf-8")
    assert not exchange.import_mermaid(str(path))
    assert window.document.project.title == "Changed"
