"""Tooltips on links and their captions: the whole caption, even where the map had no room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from journeymapper.model import Link
from journeymapper.ui.canvas.tooltips import CardToolTips, link_tooltip
from tests.canvas.helpers import vp


@pytest.fixture
def tips(bakery_view):
    return CardToolTips(bakery_view)


def on_line(link: object, t: float) -> tuple[float, float]:
    line = link.line()  # type: ignore[attr-defined]
    return (line.x1() + (line.x2() - line.x1()) * t, line.y1() + (line.y2() - line.y1()) * t)


def test_a_caption_tells_its_link_whole_even_over_a_card(tips):
    view = tips.view
    scene = view.map_scene
    link = scene.links["link-4"]  # 20% · QR code on flyer, its share drawn over the cards
    place = scene.link_layer.captions.board.place_of(link)
    assert place.lines == ("20%",) and place.over
    box = place.box
    # A point of the caption over a card.
    x, y = next((x, y) for i in range(1, 10) for j in range(1, 4)
                if view.card_at(QPointF(x := box.x + box.w * i / 10, y := box.y + box.h * j / 4)))
    view.centerOn(x, y)
    text = tips.text_at(vp(view, x, y))
    assert "Saturday market stall \u2192 Website menu and cake gallery" in text
    assert "20%" in text and "QR code on flyer" in text
    assert "Persona" not in text  # the link is everyone's


def test_a_link_whose_caption_had_no_room_tells_it_on_its_line(tips):
    view = tips.view
    scene = view.map_scene
    item = scene.links["link-6"]  # 25% · custom design: the bakery map has no room for it
    assert not scene.link_layer.captions.board.place_of(item).lines
    # A point of the line where a click would take the link (not a card, its handles or
    # another link's caption).
    point = next(p for t in (n / 20 for n in range(1, 20))
                 if (hit := view.hit(QPointF(*(p := on_line(item, t))))) and hit[1] is item
                 and tips._caption_at(*p) is None)
    view.centerOn(*point)
    text = tips.text_at(vp(view, *point))
    assert "25%" in text and "custom design" in text and "Sofia, the busy parent" in text
    line = item.line()
    normal = QPointF(line.dy(), -line.dx()) / line.length() * 30  # 30 points off the line
    assert "custom design" not in tips.text_at(vp(view, point[0] + normal.x(),
                                                  point[1] + normal.y()))


def test_a_card_wins_over_the_caption_under_it(tips):
    view = tips.view
    scene = view.map_scene
    tp = scene.document.project.touchpoints[0]
    x, y = scene.map_layout().cards[tp.id].center
    view.centerOn(x, y)
    assert tp.name in tips.text_at(vp(view, x, y))
    assert "\u2192" not in tips.text_at(vp(view, x, y))


def test_far_away_captions_are_not_drawn_so_have_no_tooltip(tips):
    view = tips.view
    scene = view.map_scene
    link = scene.links["link-4"]
    x, y = scene.link_layer.captions.board.place_of(link).box.center
    assert tips._caption_at(x, y) is link
    view.set_zoom(0.3)
    assert tips._caption_at(x, y) is None


def test_link_tooltip_escapes_user_text_and_leaves_out_what_is_not_there(tips):
    doc = tips.view.document
    first, second = doc.project.touchpoints[:2]
    link = Link(id="x", source_id=first.id, target_id=second.id, label="<b>free</b> & more")
    text = link_tooltip(link, doc.find)
    assert "&lt;b&gt;free&lt;/b&gt; &amp; more" in text
    assert "Share" not in text and "Persona" not in text
    bare = link_tooltip(Link(id="y", source_id=first.id, target_id=second.id), doc.find)
    assert bare == f"<b>{first.name} \u2192 {second.name}</b>"
