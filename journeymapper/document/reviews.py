"""Undoable review edits: record one review, merge imported KPI measurements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from journeymapper.analysis.reviews import measured, recorded
from journeymapper.document.kinds import Kind
from journeymapper.model import Review, Touchpoint

if TYPE_CHECKING:
    from journeymapper.document.document import Document

Measurements = Mapping[str, Mapping[dt.date, Mapping[str, float]]]
"""{touchpoint id: {date: {KPI name: value}}}"""


def record_review(doc: Document, touchpoint_id: str, review: Review) -> bool:
    """Append a review to a touchpoint's history and take its performance and KPI values as
    the current ones: one undo step."""
    tp: Touchpoint = doc.get(Kind.TOUCHPOINT, touchpoint_id)
    return doc.edit_each(Kind.TOUCHPOINT, {touchpoint_id: recorded(tp, review)},
                         f"Review '{tp.name}'") > 0


def merge_measurements(doc: Document, values: Measurements, text: str) -> int:
    """Merge KPI measurements into the touchpoints' review histories and update the actuals
    (the latest date wins), all as one undo step named ``text``. Returns how many touchpoints
    changed."""
    changes = {tp_id: measured(doc.get(Kind.TOUCHPOINT, tp_id), by_date)
               for tp_id, by_date in values.items()}
    return doc.edit_each(Kind.TOUCHPOINT, changes, text)
