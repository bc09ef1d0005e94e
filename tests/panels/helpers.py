"""Helpers of the panel tests: a small map, and selecting items."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from journeymapper.document import Kind
from journeymapper.model import KPI, Persona, Status, Touchpoint, new_project

TODAY = dt.date(2026, 5, 10)


def small_project():
    """Five stages, two personas, four touchpoints with money, owners and deadlines."""
    project = new_project("Bakery test")
    project.personas = [Persona(id="p-parent", name="Busy parent", color="#e45756"),
                        Persona(id="p-office", name="Office manager", color="#4c78a8")]
    project.touchpoints = [
        Touchpoint(id="tp-reels", name="Instagram reels", stage_id="awareness",
                   lane_id="touchpoints", channel="social", persona_ids=["p-parent"],
                   scores={"reach": 5, "influence": 3, "frequency": 4, "retention": 2},
                   performance=4, owner="Tom", budget=Decimal("1200.00"),
                   spent=Decimal("1460.00"), deadline=dt.date(2026, 5, 1), status=Status.PLANNED,
                   kpis=[KPI(name="Views", unit="views", target=5000, actual=3800)],
                   tags=["social"]),
        Touchpoint(id="tp-site", name="Order website", stage_id="purchase",
                   lane_id="touchpoints", channel="website",
                   scores={"reach": 4, "influence": 5, "frequency": 3, "retention": 3},
                   performance=2, owner="Ana", budget=Decimal("3000.00"),
                   spent=Decimal("900.50"), deadline=dt.date(2026, 5, 20),
                   status=Status.IN_PROGRESS),
        Touchpoint(id="tp-flyer", name="Flyers in school bags", stage_id="awareness",
                   lane_id="touchpoints", channel="print", persona_ids=["p-parent", "p-office"],
                   scores={"reach": 1, "influence": 1}, performance=5, owner="",
                   budget=Decimal("150.00"), spent=Decimal("0.00"), status=Status.IDEA),
        Touchpoint(id="tp-loyalty", name="Loyalty card", stage_id="loyalty",
                   lane_id="touchpoints", channel="store", persona_ids=["p-office"],
                   scores={"reach": 2, "influence": 2, "frequency": 5, "retention": 5},
                   performance=1, owner="Ana", budget=Decimal("400.00"),
                   spent=Decimal("120.00"), deadline=dt.date(2026, 8, 1), status=Status.LIVE),
    ]
    return project


def select(selection, *ids, kind=Kind.TOUCHPOINT):
    """Select items of one kind."""
    selection.set_items((kind, i) for i in ids)
