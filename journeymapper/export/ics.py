"""Touchpoint deadlines as an iCalendar file (RFC 5545) that calendar apps import (no Qt).

One all-day event per touchpoint with a deadline, in date order: ``DTSTART;VALUE=DATE`` on the
deadline and ``DTEND`` the day after (exclusive, as RFC 5545 wants for all-day events), shown
as free time (``TRANSP:TRANSPARENT``) so a deadline does not block the day. The UID is
``<touchpoint id>@journeymapper``, stable across exports, so importing a newer export updates
the events instead of doubling them. The calendar is named after the project
(``X-WR-CALNAME`` and ``NAME``). The icalendar package is imported only when a calendar is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from journeymapper.export.formatting import money, owner_label, status_label
from journeymapper.io import atomic_write
from journeymapper.model import Project, Touchpoint

PRODID = "-//Journeymapper//Touchpoint deadlines//EN"
UID_DOMAIN = "journeymapper"


def uid(touchpoint: Touchpoint) -> str:
    """The stable UID of a touchpoint's deadline event."""
    return f"{touchpoint.id}@{UID_DOMAIN}"


def describe(project: Project, touchpoint: Touchpoint) -> str:
    """The event description: stage, owner, status and budget, one per line."""
    stage = next((s.name for s in project.stages if s.id == touchpoint.stage_id),
                 touchpoint.stage_id)
    currency = project.business.currency
    return "\n".join((
        f"Stage: {stage}",
        f"Owner: {owner_label(touchpoint.owner)}",
        f"Status: {status_label(touchpoint.status)}",
        f"Budget: {money(touchpoint.budget, currency)} (spent {money(touchpoint.spent, currency)})",
    ))


def ics_bytes(project: Project, *, now: dt.datetime | None = None) -> bytes:
    """The calendar as bytes. ``now`` is the DTSTAMP of every event (default: the current
    time; naive values are taken as UTC), so tests and reproducible builds can fix it."""
    from icalendar import Calendar, Event

    stamp = dt.datetime.now(dt.UTC) if now is None else now
    stamp = stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # NAME (RFC 7986) and X-WR-CALNAME (what most apps read), on one line.
    calendar.calendar_name = " ".join(project.title.split())
    dated = [(tp.deadline, i, tp) for i, tp in enumerate(project.touchpoints) if tp.deadline]
    for deadline, _, tp in sorted(dated, key=lambda item: (item[0], item[1])):
        event = Event()
        event.add("uid", uid(tp))
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline)
        event.add("dtend", deadline + dt.timedelta(days=1))
        event.add("summary", f"Deadline: {tp.name}")
        event.add("description", describe(project, tp))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def export_ics(project: Project, path: Path | str, *, now: dt.datetime | None = None) -> None:
    """Write the deadlines calendar to ``path`` atomically (``SaveError`` when it cannot)."""
    atomic_write(path, ics_bytes(project, now=now), backup=False)
