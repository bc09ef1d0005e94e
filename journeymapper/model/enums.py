"""Closed vocabularies of the domain."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    """Where a customer meets the brand."""

    WEBSITE = "website"
    SEARCH = "search"
    SOCIAL = "social"
    EMAIL = "email"
    CHAT = "chat"
    PHONE = "phone"
    STORE = "store"
    EVENT = "event"
    ADVERTISING = "advertising"
    REVIEWS = "reviews"
    REFERRAL = "referral"
    APP = "app"
    PRINT = "print"
    DELIVERY = "delivery"
    OTHER = "other"


class Status(StrEnum):
    """Lifecycle of a touchpoint."""

    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    LIVE = "live"
    RETIRED = "retired"


class LaneKind(StrEnum):
    """What a lane (row) of the map holds."""

    TOUCHPOINTS = "touchpoints"
    ACTIONS = "actions"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    BACKSTAGE = "backstage"


class BusinessSize(StrEnum):
    """Size of the business the map is for."""

    SOLO = "solo"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    ENTERPRISE = "enterprise"


class MarketPosition(StrEnum):
    """Where the business stands against its competitors."""

    NEW_ENTRANT = "new_entrant"
    CHALLENGER = "challenger"
    NICHE = "niche"
    FOLLOWER = "follower"
    LEADER = "leader"


class Quadrant(StrEnum):
    """Importance-performance analysis quadrants."""

    CONCENTRATE = "concentrate_here"
    KEEP_UP = "keep_up_the_good_work"
    LOW_PRIORITY = "low_priority"
    OVERKILL = "possible_overkill"

    @property
    def label(self) -> str:
        """Human wording of the quadrant."""
        return {
            Quadrant.CONCENTRATE: "Concentrate here",
            Quadrant.KEEP_UP: "Keep up the good work",
            Quadrant.LOW_PRIORITY: "Low priority",
            Quadrant.OVERKILL: "Possible overkill",
        }[self]
