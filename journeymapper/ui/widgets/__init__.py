"""Small shared widgets: money and date editors, colour button, check list, bar chart."""

from journeymapper.ui.widgets.bar_chart import Bar, BarChart
from journeymapper.ui.widgets.checklist import CheckList
from journeymapper.ui.widgets.color_button import PRESETS, ColorButton
from journeymapper.ui.widgets.date_edit import DateEdit, parse_date
from journeymapper.ui.widgets.icons import calendar_icon, swatch_icon
from journeymapper.ui.widgets.money import MoneySpinBox, format_amount, parse_amount
from journeymapper.ui.widgets.text_edit import PlainTextEdit
from journeymapper.ui.widgets.validity import MessageLabel, is_invalid, set_invalid

__all__ = [
    "PRESETS", "Bar", "BarChart", "CheckList", "ColorButton", "DateEdit", "MessageLabel",
    "MoneySpinBox", "PlainTextEdit", "calendar_icon", "format_amount", "is_invalid",
    "parse_amount", "parse_date", "set_invalid", "swatch_icon",
]
