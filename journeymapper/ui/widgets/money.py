"""Money amounts: parsing what people type, and a spin box that never goes below zero."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

CENT = Decimal("0.01")
MONEY_MAX = Decimal("9999999999999.99")  # 15 digits, 2 decimals: what the model stores
# A currency code or symbol before or after the number is allowed, and ignored.
_SYMBOLS = re.compile(r"^(?:[A-Za-z]{3}|[€$£¥₹₩₽₺₪₫])\s*|\s*(?:[A-Za-z]{3}|[€$£¥₹₩₽₺₪₫])$")
_GROUPING = str.maketrans("", "", " \u00a0\u202f'\u2019_")
_THOUSANDS_ONLY = re.compile(r"\d{1,3}(,\d{3})+")
_PLAIN = re.compile(r"\d+(\.\d*)?|\.\d+")


def format_amount(value: Decimal) -> str:
    """``Decimal('1234.5')`` -> ``1,234.50`` (rounded half up, as accountants expect)."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


def parse_amount(text: str) -> Decimal | None:
    """An amount as people type it; None for empty; ValueError says what is wrong.

    Accepts ``1250``, ``1,250.50``, ``1.250,50``, ``12,50``, ``1 250``, ``€ 12`` and ``12 EUR``.
    A lone comma followed by exactly three digits groups thousands (``1,500``); otherwise it
    is a decimal comma (``12,5``), as small business owners in Europe type it.
    """
    if not text.strip():
        return None
    s = _SYMBOLS.sub("", text.strip()).strip().translate(_GROUPING)
    if s[:1] in ("-", "\u2212", "(") or s.endswith("-"):
        raise ValueError("cannot be negative")
    if "," in s and "." in s:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        s = s.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in s:
        s = s.replace(",", "") if _THOUSANDS_ONLY.fullmatch(s) else s.replace(",", ".")
    if not _PLAIN.fullmatch(s):
        raise ValueError("must be an amount such as 1250 or 1,250.50")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError("must be an amount such as 1250 or 1,250.50") from None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and value != value.quantize(CENT):
        raise ValueError("can have at most 2 decimals (cents)")
    if value > MONEY_MAX:
        raise ValueError(f"cannot be more than {format_amount(MONEY_MAX)}")
    return value.quantize(CENT)


class MoneySpinBox(QAbstractSpinBox):
    """An amount with two decimals: typed freely (checked by whoever reads it), stepped by 1.

    Anything may be typed, so that the form can say *why* an input is refused (a negative
    amount, three decimals) instead of silently swallowing keys as QDoubleSpinBox does.
    """

    text_edited = Signal(str)
    """The user typed or stepped the amount (never emitted by ``set_value``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setAccelerated(True)
        self.lineEdit().textEdited.connect(self.text_edited)
        self.step = Decimal(1)

    def value(self) -> Decimal | None:
        """The amount typed (None when empty); ValueError when it is not a valid amount."""
        return parse_amount(self.text())

    def set_value(self, value: Decimal | None) -> None:
        """Show an amount formatted with thousands separators and two decimals."""
        self.lineEdit().setText("" if value is None else format_amount(value))

    def set_placeholder(self, text: str) -> None:
        """Grey text shown when empty (e.g. "mixed" when selected items differ)."""
        self.lineEdit().setPlaceholderText(text)

    # ----- QAbstractSpinBox overrides ---------------------------------------------------
    def validate(self, text: str, pos: int) -> QValidator.State:
        return QValidator.State.Acceptable

    def stepBy(self, steps: int) -> None:
        try:
            current = self.value() or Decimal(0)
        except ValueError:
            current = Decimal(0)
        new = min(MONEY_MAX, max(Decimal(0), current + steps * self.step))
        self.set_value(new)
        self.text_edited.emit(self.text())

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.isReadOnly():
            return QAbstractSpinBox.StepEnabledFlag.StepNone
        try:
            current = self.value() or Decimal(0)
        except ValueError:
            return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if current < MONEY_MAX:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if current > 0:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance("000,000,000.00") + 40
        return QSize(max(hint.width(), width), hint.height())
