"""KPI values from a CSV: per-row errors, good rows applied in one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journeymapper.document import Document, Kind
from journeymapper.document.reviews import merge_measurements
from journeymapper.importers.kpi_values import KpiTableError, plan_kpi_import
from journeymapper.importers.tabular import read_table
from journeymapper.io import dumps
from tests.living_map.helpers import living_project

D = dt.date
CSV = """Touchpoint,kpi,VALUE,Date
Website,CTR,3.1,2026-11-01
Chekout,Conversion,50,2026-11-01
website,ctr,3.4,2026-11-20
Website,Bounce rate,"48,5",2026-11-20
Website,Signups,7,2026-11-20
tp-checkout,Conversion,abc,2026-11-20
Checkout,Conversion,52,2026-02-30
Checkout,Conversion,51,20.11.2026
tp-checkout,Conversion,47,2026-11-15
Website,CTR,1.0,2026-09-01
Flyer,,3,2026-11-01
"""


def plan_of(tmp_path: Path, text: str = CSV):
    path = tmp_path / "kpis.csv"
    path.write_text(text, encoding="utf-8")
    return plan_kpi_import(living_project(), read_table(path))


def test_bad_rows_are_reported_by_row(tmp_path: Path) -> None:
    plan = plan_of(tmp_path)
    assert plan.errors == [
        "row 3: no touchpoint named 'Chekout' (did you mean 'Checkout'?)",
        "row 6: KPI 'Signups' not on 'Website'",
        "row 7: the value must be a number, got 'abc'",
        "row 8: the date is not a real date, got '2026-02-30'",
        "row 9: the date must be a date as YYYY-MM-DD, got '20.11.2026'",
        "row 12: the KPI is empty",
    ]
    assert [(r.row, r.touchpoint_id, r.kpi, r.value) for r in plan.rows] == [
        (2, "tp-site", "CTR", 3.1), (4, "tp-site", "CTR", 3.4),
        (5, "tp-site", "Bounce rate", 48.5), (10, "tp-checkout", "Conversion", 47.0),
        (11, "tp-site", "CTR", 1.0)]
    assert plan.summary() == "5 values for 2 touchpoints; 6 rows with errors"


def test_missing_columns_are_named(tmp_path: Path) -> None:
    with pytest.raises(KpiTableError, match="missing: value, date"):
        plan_of(tmp_path, "Touchpoint,KPI\nWebsite,CTR\n")


def test_good_rows_apply_in_one_undo_step(qapp, tmp_path: Path) -> None:
    doc = Document(living_project())
    before = dumps(doc.project)
    plan = plan_of(tmp_path)
    assert merge_measurements(doc, plan.measurements(), "Import KPI values") == 2
    assert doc.undo_stack.count() == 1
    site = doc.get(Kind.TOUCHPOINT, "tp-site")
    # Latest date wins: CTR 3.4 (Nov 20), not 3.1 (Nov 1) nor 1.0 (Sep 1, older than known).
    assert {k.name: k.actual for k in site.kpis} == {"CTR": 3.4, "Bounce rate": 48.5}
    history = {r.date: (r.performance, r.kpi_values) for r in site.reviews}
    assert history[D(2026, 9, 1)] == (None, {"CTR": 1.0})
    assert history[D(2026, 9, 30)] == (2, {"CTR": 2.0})  # untouched
    assert history[D(2026, 11, 20)] == (None, {"CTR": 3.4, "Bounce rate": 48.5})
    assert [r.date for r in site.reviews] == sorted(r.date for r in site.reviews)
    checkout = doc.get(Kind.TOUCHPOINT, "tp-checkout")
    assert checkout.kpis[0].actual == 47.0
    assert checkout.performance == 2  # measurements do not score performance
    doc.undo_stack.undo()
    assert dumps(doc.project) == before


def test_same_day_values_merge_into_that_days_review(qapp, tmp_path: Path) -> None:
    doc = Document(living_project())
    plan = plan_of(tmp_path, "touchpoint,kpi,value,date\nWebsite,Bounce rate,44,2026-10-15\n")
    merge_measurements(doc, plan.measurements(), "Import")
    site = doc.get(Kind.TOUCHPOINT, "tp-site")
    same = [r for r in site.reviews if r.date == D(2026, 10, 15)]
    assert len(same) == 1
    assert same[0].performance == 3 and same[0].comment == "faster now"
    assert same[0].kpi_values == {"CTR": 2.5, "Bounce rate": 44.0}
    assert site.kpis[1].actual == 44.0
