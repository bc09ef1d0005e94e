"""Shared widgets: money and date parsing, the money spin box, colour button, check list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from journeymapper.ui.widgets import (
    BarChart,
    CheckList,
    ColorButton,
    MoneySpinBox,
    format_amount,
    parse_amount,
    parse_date,
)
from journeymapper.ui.widgets.bar_chart import Bar


@pytest.mark.parametrize(("text", "amount"), [
    ("1250", "1250.00"), ("1,250.50", "1250.50"), ("1.250,50", "1250.50"), ("12,5", "12.50"),
    ("1,500", "1500.00"), ("1 250", "1250.00"), ("€ 12", "12.00"), ("12 EUR", "12.00"),
    ("0.1", "0.10"), ("", None), ("   ", None),
])
def test_amounts_as_people_type_them(text, amount):
    assert parse_amount(text) == (None if amount is None else Decimal(amount))


@pytest.mark.parametrize(("text", "reason"), [
    ("-5", "cannot be negative"), ("(5)", "cannot be negative"), ("12.345", "at most 2"),
    ("abc", "must be an amount"), ("1e5", "must be an amount"), ("99999999999999", "more than"),
])
def test_refused_amounts_say_why(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_amount(text)


@given(st.decimals(min_value=0, max_value=Decimal("9999999999999.99"), places=2))
def test_a_formatted_amount_reads_back_the_same(value):
    assert parse_amount(format_amount(value)) == value


@pytest.mark.parametrize(("text", "day"), [
    ("2026-03-31", dt.date(2026, 3, 31)), ("2026/3/1", dt.date(2026, 3, 1)),
    ("31.03.2026", dt.date(2026, 3, 31)), ("", None),
])
def test_dates(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2026-02-30", "31/03/2026", "tomorrow", "2026-13-01"])
def test_refused_dates(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_money_spin_box_steps_but_never_below_zero(qtbot):
    box = MoneySpinBox()
    qtbot.addWidget(box)
    box.set_value(Decimal("1.50"))
    with qtbot.waitSignal(box.text_edited):
        box.stepBy(-1)
    assert box.value() == Decimal("0.50")
    box.stepBy(-1)
    assert box.value() == Decimal("0.00")
    assert not box.stepEnabled() & box.StepEnabledFlag.StepDownEnabled
    box.stepBy(10)
    assert box.text() == "10.00"


def test_colour_button_presets_and_mixed(qtbot):
    button = ColorButton()
    qtbot.addWidget(button)
    with qtbot.waitSignal(button.color_picked) as picked:
        button.menu().actions()[2].trigger()
    assert picked.args == ["#e45756"] and button.color() == "#e45756"
    button.set_color(None)
    assert button.text() == "mixed"


def test_check_list_reports_user_toggles_only(qtbot):
    checks = CheckList()
    qtbot.addWidget(checks)
    checks.set_options([("a", "Alpha", "#ff0000"), ("b", "Beta", None)])
    with qtbot.assertNotEmitted(checks.toggled):
        checks.set_states({"a": Qt.CheckState.PartiallyChecked})
    with qtbot.waitSignal(checks.toggled) as toggled:
        checks.item_for("b").setCheckState(Qt.CheckState.Checked)
    assert toggled.args == ["b", True]
    assert checks.states() == {"a": Qt.CheckState.PartiallyChecked, "b": Qt.CheckState.Checked}


def test_bar_chart_paints_empty_and_full(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(300, 120)
    chart.grab()
    chart.set_bars([Bar("Awareness", Decimal(100), Decimal(150)), Bar("Loyalty", Decimal(0),
                                                                      Decimal(0))], "EUR")
    assert chart.sizeHint().height() > 44
    chart.grab()
