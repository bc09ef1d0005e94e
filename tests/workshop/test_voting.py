"""Dot voting driven with mouse clicks on cards: votes, budget, reset, apply to importance."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from journeymapper import io
from journeymapper.document import Kind
from journeymapper.ui.canvas.vote_intents import VOTES_CRITERION, vote_scores
from journeymapper.ui.canvas.voting import VoteBadgeItem, badge_of
from tests.canvas.helpers import drag
from tests.workshop.conftest import BAKERY, card_point

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
SHIFT = Qt.KeyboardModifier.ShiftModifier


def votes(window, tp_id: str) -> int:
    return window.document.get(Kind.TOUCHPOINT, tp_id).votes


def click_card(window, qtbot, tp_id: str, button=LEFT, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(window.view.viewport(), button, modifier, card_point(window, tp_id))


def start_voting(workshop, participants: int = 8, each: int = 3) -> None:
    workshop.voting.participants.setValue(participants)
    workshop.voting.votes_each.setValue(each)
    workshop.voting.action.trigger()
    assert workshop.voting.is_on()


def test_each_click_is_a_vote_and_one_undo_step(window, workshop, qtbot):
    tp = window.document.project.touchpoints[0].id
    start_voting(workshop)
    assert workshop.voting.toolbar.isVisible()
    stack = window.document.undo_stack
    for expected in (1, 2, 3):
        click_card(window, qtbot, tp)
        assert votes(window, tp) == expected
        assert stack.count() == expected  # never merged with the vote before
    stack.undo()
    assert votes(window, tp) == 2
    assert workshop.voting.remaining_text() == "22 of 24 dots left"


def test_shift_click_and_right_click_take_a_vote_back(window, workshop, qtbot):
    tp = window.document.project.touchpoints[1].id
    start_voting(workshop)
    for _ in range(3):
        click_card(window, qtbot, tp)
    click_card(window, qtbot, tp, modifier=SHIFT)
    assert votes(window, tp) == 2
    click_card(window, qtbot, tp, button=RIGHT)
    assert votes(window, tp) == 1


def test_clicks_neither_select_nor_drag_while_voting(window, workshop, qtbot):
    tp_id = window.document.project.touchpoints[2].id

    def place() -> tuple[str, str, float, float]:
        tp = window.document.get(Kind.TOUCHPOINT, tp_id)
        return (tp.stage_id, tp.lane_id, tp.x, tp.y)

    start = place()
    start_voting(workshop)
    point = card_point(window, tp_id)
    drag(window.view, point, point + QPoint(120, 80))
    assert place() == start
    assert votes(window, tp_id) == 1
    assert window.selection.items() == []
    workshop.voting.action.trigger()  # the same drag, voting off, moves the card
    point = card_point(window, tp_id)  # (the voting toolbar went away: the view grew)
    drag(window.view, point, point + QPoint(120, 80))
    assert place() != start


def test_the_budget_stops_the_votes(window, workshop, qtbot):
    a, b = (tp.id for tp in window.document.project.touchpoints[:2])
    start_voting(workshop, participants=1, each=2)
    click_card(window, qtbot, a)
    click_card(window, qtbot, b)
    assert workshop.voting.remaining_text() == "All 2 dots used"
    count = window.document.undo_stack.count()
    click_card(window, qtbot, a)
    assert (votes(window, a), votes(window, b)) == (1, 1)
    assert window.document.undo_stack.count() == count
    assert "No votes left" in window.statusBar().currentMessage()
    click_card(window, qtbot, b, modifier=SHIFT)  # taking one back frees a dot
    click_card(window, qtbot, a)
    assert (votes(window, a), votes(window, b)) == (2, 0)


def test_budget_is_remembered(window, workshop, make_window):
    workshop.voting.participants.setValue(12)
    workshop.voting.votes_each.setValue(5)
    other = make_window()
    assert other.workshop.voting.budget().total == 60


def test_badges_show_votes_and_every_card_while_voting(window, workshop, qtbot):
    cards = window.scene.cards
    assert not any(badge_of(c) for c in cards.values())
    tp = window.document.project.touchpoints[0].id
    start_voting(workshop)
    assert all(badge_of(c) for c in cards.values())
    click_card(window, qtbot, tp)
    click_card(window, qtbot, tp)
    assert badge_of(cards[tp]).votes() == 2
    workshop.voting.action.trigger()
    assert not workshop.voting.is_on() and not workshop.voting.toolbar.isVisible()
    with_badges = [i for i, c in cards.items() if badge_of(c)]
    assert with_badges == [tp]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert badge_of(cards[tp]) is None
    assert not [i for i in window.scene.items() if isinstance(i, VoteBadgeItem)]


def test_reset_is_one_undo_step(window, workshop, qtbot):
    ids = [tp.id for tp in window.document.project.touchpoints[:3]]
    start_voting(workshop)
    for tp in ids:
        click_card(window, qtbot, tp)
    before = io.dumps(window.document.project)
    count = window.document.undo_stack.count()
    workshop.voting.reset_action.trigger()
    assert window.document.undo_stack.count() == count + 1
    assert all(votes(window, tp) == 0 for tp in ids)
    assert workshop.voting.remaining_text() == "24 of 24 dots left"
    window.document.undo_stack.undo()
    assert io.dumps(window.document.project) == before


def test_apply_votes_to_importance_is_one_undo_step(window, workshop, qtbot):
    doc = window.document
    a, b, c = (tp.id for tp in doc.project.touchpoints[:3])
    start_voting(workshop)
    for tp, n in ((a, 4), (b, 2), (c, 1)):
        for _ in range(n):
            click_card(window, qtbot, tp)
    before = io.dumps(doc.project)
    importance_before = doc.project.importance(doc.get(Kind.TOUCHPOINT, c))
    count = doc.undo_stack.count()
    workshop.voting.apply_action.trigger()
    assert doc.undo_stack.count() == count + 1
    criterion = next(cr for cr in doc.project.scoring.criteria if cr.name == VOTES_CRITERION)
    scores = {tp.id: tp.scores[criterion.id] for tp in doc.project.touchpoints}
    assert scores[a] == 5 and scores[b] == 3 and scores[c] == 1  # 5*2/4 rounds half up
    assert sum(scores.values()) == 9  # every other touchpoint scores 0
    assert scores == vote_scores(doc.project)
    assert doc.project.importance(doc.get(Kind.TOUCHPOINT, c)) != importance_before
    doc.undo_stack.undo()
    assert io.dumps(doc.project) == before
    doc.undo_stack.redo()
    workshop.voting.apply_action.trigger()  # nothing changed since: no new undo step
    assert doc.undo_stack.count() == count + 1


def test_applying_without_votes_says_why(window, workshop):
    workshop.voting.apply_action.trigger()
    assert window.document.undo_stack.count() == 0
    assert "No votes" in window.statusBar().currentMessage()


def test_votes_survive_save_and_load(window, workshop, qtbot, tmp_path):
    tp = window.document.project.touchpoints[0].id
    start_voting(workshop)
    click_card(window, qtbot, tp)
    path = tmp_path / "voted.json"
    window.document.save(path)
    assert io.load(path).touchpoints[0].votes == 1


def test_presenting_shows_only_the_dots_given(window, workshop, qtbot):
    tp = window.document.project.touchpoints[0].id
    start_voting(workshop)
    click_card(window, qtbot, tp)
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert [i for i, c in window.scene.cards.items() if badge_of(c)] == [tp]
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=card_point(window, tp))
    assert votes(window, tp) == 1  # presenting: clicks do nothing, not even vote
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert all(badge_of(c) for c in window.scene.cards.values())


def test_badges_follow_removal_and_a_new_project(window, workshop, qtbot):
    doc = window.document
    tp = doc.project.touchpoints[0].id
    start_voting(workshop)
    click_card(window, qtbot, tp)
    doc.remove([(Kind.TOUCHPOINT, tp)])
    doc.undo_stack.undo()
    assert badge_of(window.scene.cards[tp]).votes() == 1
    workshop.voting.action.trigger()
    doc.replace_project(io.load(BAKERY))
    assert not [i for i in window.scene.items() if isinstance(i, VoteBadgeItem)]
