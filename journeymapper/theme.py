"""Colours, glyphs and labels shared by the canvas, the PDF and the slides (no Qt, no reportlab).

Keeping them in one place is what makes the printed map look like the screen.
"""

from __future__ import annotations

from journeymapper.model import Channel, Status

INK = "#1f2328"
MUTED = "#57606a"
PAPER = "#ffffff"
RULE = "#b9bec6"
LANE_FILLS = ("#f7f7f5", "#eeeeea")
LABEL_FILL = "#dfe3e8"
OVERDUE = "#d62728"
LINK = "#4a4f57"

CHANNEL_COLORS: dict[Channel, str] = {
    Channel.WEBSITE: "#4c78a8", Channel.SEARCH: "#72b7b2", Channel.SOCIAL: "#e45756",
    Channel.EMAIL: "#f58518", Channel.CHAT: "#54a24b", Channel.PHONE: "#b279a2",
    Channel.STORE: "#9d755d", Channel.EVENT: "#ff9da6", Channel.ADVERTISING: "#eeca3b",
    Channel.REVIEWS: "#bab0ac", Channel.REFERRAL: "#17becf", Channel.APP: "#1f77b4",
    Channel.PRINT: "#8c564b", Channel.DELIVERY: "#2ca02c", Channel.OTHER: "#7f7f7f",
}

# Every glyph is in the bundled DejaVu Sans, so screen and PDF draw the same shapes.
CHANNEL_GLYPHS: dict[Channel, str] = {
    Channel.WEBSITE: "\u25a3", Channel.SEARCH: "\u25ce", Channel.SOCIAL: "\u263a",
    Channel.EMAIL: "\u2709", Channel.CHAT: "\u2637", Channel.PHONE: "\u260e",
    Channel.STORE: "\u2302", Channel.EVENT: "\u2605", Channel.ADVERTISING: "\u25b6",
    Channel.REVIEWS: "\u2606", Channel.REFERRAL: "\u21c4", Channel.APP: "\u25ae",
    Channel.PRINT: "\u25a4", Channel.DELIVERY: "\u25a0", Channel.OTHER: "\u25cf",
}

CHANNEL_LABELS: dict[Channel, str] = {
    Channel.WEBSITE: "Website", Channel.SEARCH: "Search", Channel.SOCIAL: "Social media",
    Channel.EMAIL: "Email", Channel.CHAT: "Chat", Channel.PHONE: "Phone",
    Channel.STORE: "Store", Channel.EVENT: "Event", Channel.ADVERTISING: "Advertising",
    Channel.REVIEWS: "Reviews", Channel.REFERRAL: "Referral", Channel.APP: "App",
    Channel.PRINT: "Print", Channel.DELIVERY: "Delivery", Channel.OTHER: "Other",
}

STATUS_COLORS: dict[Status, str] = {
    Status.IDEA: "#9e9e9e", Status.PLANNED: "#4c78a8", Status.IN_PROGRESS: "#f58518",
    Status.LIVE: "#54a24b", Status.RETIRED: "#bab0ac",
}

STATUS_LABELS: dict[Status, str] = {
    Status.IDEA: "Idea", Status.PLANNED: "Planned", Status.IN_PROGRESS: "In progress",
    Status.LIVE: "Live", Status.RETIRED: "Retired",
}

PERSONA_COLORS = ("#e45756", "#4c78a8", "#54a24b", "#b279a2", "#f58518", "#17becf",
                  "#9d755d", "#eeca3b")
NOTE_COLORS = ("#fff3a8", "#ffd6e0", "#d3f0d6", "#d6e6ff", "#ffe3c2")


def importance_hex(importance: float) -> str:
    """Badge colour: pale for minor touchpoints, deep blue for those that matter most."""
    if importance >= 75:
        return "#1d4e89"
    if importance >= 50:
        return "#4c78a8"
    if importance >= 25:
        return "#8fb0d3"
    return "#c9d3de"


def channel_label(channel: Channel) -> str:
    """Human name of a channel."""
    return CHANNEL_LABELS.get(channel, str(channel).replace("_", " ").capitalize())


def status_label(status: Status) -> str:
    """Human name of a status."""
    return STATUS_LABELS.get(status, str(status).replace("_", " ").capitalize())
