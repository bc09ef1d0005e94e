"""The find bar: typing highlights and jumps, Enter/F3 walk the matches, Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journeymapper.document import Kind
from journeymapper.ui.canvas.find import CURRENT, MATCH, FindBar
from journeymapper.ui.canvas.search import find_cards, fold

K = Qt.Key


def expected_matches(project, text: str) -> set[tuple[Kind, str]]:
    needle = fold(text)
    found = {(Kind.TOUCHPOINT, tp.id) for tp in project.touchpoints
             if any(needle in fold(t) for t in (tp.name, tp.owner, *tp.tags, tp.notes,
                                                  tp.description))}
    return found | {(Kind.NOTE, n.id) for n in project.notes if needle in fold(n.text)}


def halos(window) -> list:
    """The cards with a halo."""
    return window.findChild(FindBar).halos.refs()


def card_visible(window, ref) -> bool:
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    return shown.contains(window.scene.model_rect(*ref))


def open_and_type(window, workshop, qtbot, text: str):
    find_action = workshop.find_actions[0]
    assert find_action.shortcut().matches(Qt.Modifier.CTRL | K.Key_F)
    find_action.trigger()
    bar = workshop.find
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, text)
    return bar


def test_typing_highlights_every_match_and_jumps_to_the_first(window, workshop, qtbot):
    bar = open_and_type(window, workshop, qtbot, "tom")
    expected = expected_matches(window.document.project, "tom")
    assert len(expected) >= 3
    assert set(bar.matches()) == expected
    assert bar.count.text() == f"1 of {len(expected)}"
    assert set(halos(window)) == expected
    first = bar.matches()[0]
    assert bar.halos.current() == first
    assert window.selection.items() == [first]
    assert card_visible(window, first)


def test_enter_and_f3_walk_forward_shift_walks_back(window, workshop, qtbot):
    bar = open_and_type(window, workshop, qtbot, "tom")
    matches, n = bar.matches(), len(bar.matches())
    qtbot.keyClick(bar.edit, K.Key_Return)
    assert bar.count.text() == f"2 of {n}"
    assert window.selection.items() == [matches[1]]
    assert card_visible(window, matches[1])
    qtbot.keyClick(bar.edit, K.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.items() == [matches[0]]
    workshop.find_actions[2].trigger()  # Shift+F3 wraps round to the last
    assert bar.count.text() == f"{n} of {n}"
    assert window.selection.items() == [matches[-1]]
    workshop.find_actions[1].trigger()  # F3
    assert bar.count.text() == f"1 of {n}"
    assert workshop.find_actions[1].shortcut().toString() == "F3"
    assert workshop.find_actions[2].shortcut().toString() == "Shift+F3"


def test_matching_ignores_case_accents_and_covers_every_text_field(window, workshop, qtbot):
    doc = window.document
    tp = doc.project.touchpoints[0].id
    doc.edit(Kind.TOUCHPOINT, tp, name="Café crème", owner="", tags=[], notes="",
             description="")
    other = doc.project.touchpoints[1].id
    doc.edit(Kind.TOUCHPOINT, other, notes="We serve CAFE au lait")
    bar = open_and_type(window, workshop, qtbot, "cafe")
    assert set(bar.matches()) == {(Kind.TOUCHPOINT, tp), (Kind.TOUCHPOINT, other)}
    for field, value in (("tags", ["kaffee-special"]), ("description", "Kaffee special"),
                         ("owner", "Kaffee Special")):
        doc.edit(Kind.TOUCHPOINT, other, notes="", tags=[], description="", owner="")
        doc.edit(Kind.TOUCHPOINT, other, **{field: value})
        assert find_cards(doc.project, window.scene.map_layout(), "KAFFEE") == [
            (Kind.TOUCHPOINT, other)], field


def test_matches_follow_edits(window, workshop, qtbot):
    bar = open_and_type(window, workshop, qtbot, "zebra")
    assert bar.count.text() == "No matches"
    assert not halos(window)
    tp = window.document.project.touchpoints[3].id
    window.document.edit(Kind.TOUCHPOINT, tp, name="Zebra crossing flyer")
    qtbot.waitUntil(lambda: bar.matches() == [(Kind.TOUCHPOINT, tp)])
    assert bar.count.text() == "1 of 1"
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: bar.matches() == [])


def test_escape_closes_and_clears_the_highlight(window, workshop, qtbot):
    bar = open_and_type(window, workshop, qtbot, "email")
    assert halos(window)
    qtbot.keyClick(bar.edit, K.Key_Escape)
    assert not bar.isVisible()
    assert not halos(window)
    assert window.document.undo_stack.count() == 0


def test_the_bar_sits_over_the_map_and_is_not_a_dialog(window, workshop, qtbot):
    bar = open_and_type(window, workshop, qtbot, "x")
    assert bar.parentWidget() is window.view
    assert not bar.isWindow()
    viewport = window.view.viewport().geometry()
    assert viewport.contains(bar.geometry())


def test_the_halos_are_drawn_round_the_matches_only(window, workshop, qtbot):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    bar = open_and_type(window, workshop, qtbot, "tom")
    window.scene.link_layer.setVisible(False)  # a link may leave a card where we look
    first, second = bar.matches()[:2]
    other = next((Kind.TOUCHPOINT, tp.id) for tp in window.document.project.touchpoints
                 if (Kind.TOUCHPOINT, tp.id) not in bar.matches())

    def just_left_of(ref) -> QColor:  # in the halo's ring, outside the card
        rect = window.scene.model_rect(*ref)
        area = QRectF(rect.left() - 20, rect.center().y() - 10, 20, 20)
        image = QImage(20, 20, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        window.scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        return QColor(image.pixel(15, 10))

    assert just_left_of(first).name() == CURRENT.name()
    assert just_left_of(second).name() == MATCH.name()
    assert just_left_of(other).name() not in (CURRENT.name(), MATCH.name())
    qtbot.keyClick(bar.edit, K.Key_Return)  # the next match becomes the current one
    assert just_left_of(first).name() == MATCH.name()
    assert just_left_of(second).name() == CURRENT.name()
