"""Deadlines as iCalendar: one all-day event per deadline, stable UIDs, parsed back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from journeymapper.export.ics import PRODID, export_ics, ics_bytes
from journeymapper.io import load
from journeymapper.model import Touchpoint, new_project
from journeymapper.paths import EXAMPLES

NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_one_all_day_event_per_deadline_with_stable_uids() -> None:
    project = load(EXAMPLES / "saas-trial.json")
    dated = [t for t in project.touchpoints if t.deadline is not None]
    assert dated
    found = events(ics_bytes(project, now=NOW))
    assert len(found) == len(dated)
    by_uid = {str(e["UID"]): e for e in found}
    assert set(by_uid) == {f"{t.id}@journeymapper" for t in dated}
    for tp in dated:
        event = by_uid[f"{tp.id}@journeymapper"]
        assert event.decoded("DTSTART") == tp.deadline
        assert not isinstance(event.decoded("DTSTART"), dt.datetime), "all-day"
        assert event.decoded("DTEND") == tp.deadline + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == f"Deadline: {tp.name}"
        assert event.decoded("DTSTAMP") == NOW
    dates = [e.decoded("DTSTART") for e in found]
    assert dates == sorted(dates)


def test_calendar_header_and_description() -> None:
    project = load(EXAMPLES / "bakery.json")
    data = ics_bytes(project, now=NOW)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["X-WR-CALNAME"]) == project.title
    assert calendar.calendar_name == project.title
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    reels = next(e for e in events(data) if str(e["UID"]) == "tp-instagram-reels@journeymapper")
    assert str(reels["DESCRIPTION"]).splitlines() == [
        "Stage: Awareness", "Owner: Tom Okafor", "Status: Live",
        "Budget: 1,200.00 EUR (spent 1,460.00 EUR)"]


def test_same_now_same_bytes_and_default_now_is_utc() -> None:
    project = load(EXAMPLES / "bakery.json")
    assert ics_bytes(project, now=NOW) == ics_bytes(project, now=NOW)
    naive = ics_bytes(project, now=NOW.replace(tzinfo=None))
    assert naive == ics_bytes(project, now=NOW)
    stamp = events(ics_bytes(project))[0].decoded("DTSTAMP")
    assert stamp.utcoffset() == dt.timedelta(0)


def test_unicode_and_special_characters_survive(tmp_path: Path) -> None:
    project = new_project("Tiệm bánh; Ελληνικά, Кириллица")
    project.touchpoints = [
        Touchpoint(id="t1", name="Đặt bánh, giao hàng; \"nhanh\"\\", stage_id="purchase",
                   lane_id="touchpoints", deadline=dt.date(2026, 12, 31), owner="Мария"),
        Touchpoint(id="t2", name="No deadline", stage_id="purchase", lane_id="touchpoints"),
    ]
    path = tmp_path / "deadlines.ics"
    export_ics(project, path, now=NOW)
    (event,) = events(path.read_bytes())
    assert str(event["SUMMARY"]) == "Deadline: Đặt bánh, giao hàng; \"nhanh\"\\"
    assert "Owner: Мария" in str(event["DESCRIPTION"])
    assert icalendar.Calendar.from_ical(path.read_bytes()).calendar_name == project.title


def test_a_project_without_deadlines_gives_an_empty_calendar() -> None:
    calendar = icalendar.Calendar.from_ical(ics_bytes(new_project("Empty"), now=NOW))
    assert calendar.walk("VEVENT") == []
