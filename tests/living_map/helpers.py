"""Helpers of the living-map tests: a small map with reviews and KPIs, and a version pair."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from journeymapper.model import KPI, Cadence, Link, Persona, Review, Touchpoint, new_project

TODAY = dt.date(2026, 11, 23)


def living_project():
    """Three touchpoints: two with KPIs and a cadence, one link, one persona."""
    project = new_project("Living map test")
    project.personas = [Persona(id="p-parent", name="Busy parent")]
    project.touchpoints = [
        Touchpoint(id="tp-site", name="Website", stage_id="consideration",
                   lane_id="touchpoints", channel="website", persona_ids=["p-parent"],
                   scores={"reach": 4}, performance=3, budget=Decimal("1000.00"),
                   review_cadence=Cadence.MONTHLY,
                   kpis=[KPI(name="CTR", unit="%", target=4, actual=2.5),
                         KPI(name="Bounce rate", unit="%", target=40, actual=55,
                             higher_is_better=False)],
                   reviews=[Review(date=dt.date(2026, 9, 30), performance=2,
                                   kpi_values={"CTR": 2.0}, comment="slow pages"),
                            Review(date=dt.date(2026, 10, 15), performance=3,
                                   kpi_values={"CTR": 2.5}, comment="faster now")]),
        Touchpoint(id="tp-checkout", name="Checkout", stage_id="purchase",
                   lane_id="touchpoints", channel="website", performance=2,
                   budget=Decimal("2000.00"), review_cadence=Cadence.WEEKLY,
                   kpis=[KPI(name="Conversion", unit="%", target=60, actual=45)]),
        Touchpoint(id="tp-flyer", name="Flyer", stage_id="awareness", lane_id="touchpoints",
                   channel="print", performance=4, budget=Decimal("100.00")),
    ]
    project.links = [Link(id="link-1", source_id="tp-site", target_id="tp-checkout",
                          persona_id="p-parent")]
    return project
