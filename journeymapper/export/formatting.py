"""Words and numbers as printed: money, dates, channel and status labels (no reportlab)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

# Labels live in journeymapper.theme (shared with the canvas); re-exported for the exporters.
from journeymapper.theme import CHANNEL_LABELS as CHANNEL_LABELS
from journeymapper.theme import STATUS_LABELS as STATUS_LABELS
from journeymapper.theme import channel_label as channel_label
from journeymapper.theme import status_label as status_label

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NO_OWNER = "(no owner)"
CENT = Decimal("0.01")


def clean(text: str) -> str:
    """NFC-normalised text on one line: composed accents print and extract as one letter."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def amount(value: Decimal) -> str:
    """``Decimal('1234.5')`` -> ``1,234.50`` (rounded half up, as accountants expect)."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


def money(value: Decimal, currency: str) -> str:
    """``1234.5`` -> ``1,234.50 EUR``."""
    return f"{amount(value)} {currency}"


def short_date(day: dt.date) -> str:
    """ISO date: unambiguous in every country the map may be printed in."""
    return day.isoformat()


def long_date(day: dt.date) -> str:
    """``3 March 2025`` for page headings."""
    # Month names from a table, not strftime: the process locale must not change the PDF.
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_label(day: dt.date) -> str:
    """``Mar 2025`` for the timeline axis."""
    return f"{MONTHS[day.month - 1][:3]} {day.year}"


def owner_label(owner: str) -> str:
    """The owner as printed; touchpoints nobody owns are grouped under one label."""
    return clean(owner) or NO_OWNER


def percent(part: Decimal, whole: Decimal) -> str:
    """Share of ``whole`` as ``42%``; a dash when there is nothing to divide by."""
    if whole <= 0:
        return "\u2013"
    return f"{(100 * part / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"
