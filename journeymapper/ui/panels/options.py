"""Choices offered by combo boxes and check lists, read from the document (labels in words)."""

from __future__ import annotations

from journeymapper.document import Document
from journeymapper.export.formatting import channel_label, status_label
from journeymapper.model import BusinessSize, Channel, LaneKind, MarketPosition, Status

PERFORMANCE_LABELS = {1: "1 - Poor", 2: "2 - Weak", 3: "3 - Adequate", 4: "4 - Good",
                      5: "5 - Excellent"}
EMOTION_LABELS = {-2: "-2 Frustrated", -1: "-1 Unhappy", 0: "0 Neutral", 1: "+1 Pleased",
                  2: "+2 Delighted"}
COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "CAD",
                     "AUD", "NZD", "JPY", "CNY", "INR", "BRL", "MXN", "ZAR"]


def words(value: str) -> str:
    """``in_progress`` -> ``In progress``."""
    return value.replace("_", " ").capitalize()


def stage_options(doc: Document) -> list[tuple[str, str]]:
    """Stages in journey order."""
    return [(s.name, s.id) for s in doc.project.stages]


def lane_options(doc: Document) -> list[tuple[str, str]]:
    """Lanes in map order."""
    return [(lane.name, lane.id) for lane in doc.project.lanes]


def persona_checks(doc: Document) -> list[tuple[str, str, str | None]]:
    """Personas as check list options (id, name, colour)."""
    return [(p.id, p.name, p.color) for p in doc.project.personas]


def persona_options(doc: Document, none_label: str) -> list[tuple[str, str | None]]:
    """Personas to pick one of, with a first "none" choice."""
    return [(none_label, None)] + [(p.name, p.id) for p in doc.project.personas]


def channel_options() -> list[tuple[str, Channel]]:
    """Every channel, in vocabulary order."""
    return [(channel_label(c), c) for c in Channel]


def channel_checks() -> list[tuple[str, str, str | None]]:
    """Channels as check list options."""
    return [(str(c), channel_label(c), None) for c in Channel]


def status_options() -> list[tuple[str, Status]]:
    """Every status, in lifecycle order."""
    return [(status_label(s), s) for s in Status]


def lane_kind_options() -> list[tuple[str, LaneKind]]:
    """What a lane can hold."""
    return [(words(k.value), k) for k in LaneKind]


def size_options() -> list[tuple[str, BusinessSize]]:
    """Business sizes."""
    return [(words(s.value), s) for s in BusinessSize]


def position_options() -> list[tuple[str, MarketPosition]]:
    """Market positions."""
    return [(words(m.value), m) for m in MarketPosition]


def performance_options() -> list[tuple[str, int]]:
    """Performance 1..5 with words."""
    return [(label, value) for value, label in PERFORMANCE_LABELS.items()]


def emotion_options() -> list[tuple[str, int]]:
    """Emotion -2..+2 with words."""
    return [(label, value) for value, label in EMOTION_LABELS.items()]


def owners(doc: Document) -> list[str]:
    """Owners already used in the project, alphabetically."""
    return sorted({tp.owner for tp in doc.project.touchpoints if tp.owner}, key=str.casefold)
