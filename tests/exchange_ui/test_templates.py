"""New from Template (a preview of each) and Save as Template (the user's own templates)."""

from __future__ import annotations

from decimal import Decimal

from journeymapper import io
from journeymapper.document import Kind
from journeymapper.paths import template_files
from journeymapper.ui.dialogs.templates import NEW_TITLE, NewFromTemplateDialog


def labels(dialog: NewFromTemplateDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_dialog_lists_blank_and_bundled_templates_with_a_preview(window, exchange):
    dialog = exchange.new_from_template()
    assert dialog.isVisible()
    keys = [t.key for t in dialog.templates]
    assert keys == ["blank", *(f"bundled:{name}" for name in template_files())]
    assert labels(dialog)[0] == "Blank map"
    assert labels(dialog)[1:] == [io.load(p).title for p in template_files().values()]
    dialog.select("bundled:restaurant")
    assert not dialog.picture.pixmap().isNull()
    assert dialog.picture.pixmap().width() <= dialog.picture.width()
    template = io.load(template_files()["restaurant"])
    details = dialog.details.text()
    assert template.stages[0].name in details
    assert f"<b>Touchpoints:</b> {len(template.touchpoints)}" in details
    dialog.reject()


def test_create_from_a_template(window, exchange):
    dialog = exchange.new_from_template()
    dialog.select("bundled:e-commerce")
    dialog.create_button.click()
    project, template = window.document.project, io.load(template_files()["e-commerce"])
    assert project.title == NEW_TITLE
    assert [t.name for t in project.touchpoints] == [t.name for t in template.touchpoints]
    assert window.document.path is None and not window.document.is_modified
    assert set(window.scene.cards) == {t.id for t in project.touchpoints}


def test_new_from_template_keeps_unsaved_work_when_cancelled(window, exchange, monkeypatch):
    from journeymapper.app import dialogs

    window.document.edit("project", title="Work in progress")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.Answer.CANCEL)
    dialog = exchange.new_from_template()
    dialog.select("bundled:restaurant")
    dialog.create_button.click()
    assert window.document.project.title == "Work in progress"
    assert window.document.is_modified


def test_save_as_template_round_trip(examples, window, exchange, user_templates):
    assert window.open_path(examples / "bakery.json")
    doc = window.document
    planned = [t for t in doc.project.touchpoints if t.owner or t.budget or t.deadline]
    assert planned, "the example should have planned touchpoints"
    dialog = exchange.save_as_template()
    dialog.name.setText("Neighbourhood shop")
    assert str(user_templates / "neighbourhood-shop.json") in dialog.where.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = user_templates / "neighbourhood-shop.json"
    assert dialog.saved_path == saved and saved.exists()
    template = io.load(saved)
    assert template.title == doc.project.title  # the title is kept
    assert all(t.owner == "" and t.budget == Decimal(0) and t.spent == Decimal(0)
               and t.deadline is None for t in template.touchpoints)
    assert [t.name for t in template.touchpoints] == [t.name for t in doc.project.touchpoints]
    assert doc.get(Kind.TOUCHPOINT, planned[0].id).owner == planned[0].owner  # map untouched

    chooser = exchange.new_from_template()
    assert f"{template.title}  (yours)" in labels(chooser)
    chooser.select("mine:neighbourhood-shop")
    chooser.create_button.click()
    assert [t.name for t in doc.project.touchpoints] == [t.name for t in template.touchpoints]
    assert doc.project.title == NEW_TITLE


def test_save_as_template_can_keep_the_planning_and_asks_before_replacing(
        examples, window, exchange, user_templates, messages):
    assert window.open_path(examples / "bakery.json")
    for keep in (True, False):
        dialog = exchange.save_as_template()
        dialog.name.setText("Planned")
        dialog.clear_planning.setChecked(not keep)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert [m[0] for m in messages] == ["question"]  # the second save replaced the first
    template = io.load(user_templates / "planned.json")
    assert all(t.owner == "" for t in template.touchpoints)


def test_broken_user_template_is_listed_but_cannot_be_used(exchange, user_templates):
    user_templates.mkdir()
    (user_templates / "broken.json").write_text("{not json", encoding="utf-8")
    dialog = exchange.new_from_template()
    dialog.select("mine:broken")
    assert not dialog.create_button.isEnabled()
    assert "broken.json" in dialog.details.text()
    dialog.reject()
