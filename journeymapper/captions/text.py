"""What a link's caption says (no Qt)."""

from __future__ import annotations

from journeymapper.model import Link

SEPARATOR = " · "


def caption_of(link: Link) -> tuple[str, str]:
    """A link's caption, its share and label ("35% · link in bio"), and the share alone for
    where the whole has no room ("" when there is no label to leave out)."""
    share = f"{link.share:.0%}" if link.share is not None else ""
    label = " ".join(link.label.split())
    return SEPARATOR.join(part for part in (share, label) if part), share if label else ""
