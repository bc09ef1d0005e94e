"""How counts read in messages, panels and exports: ``1 touchpoint``, ``10,000 touchpoints``."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun that agrees with it, with thousands separated (``nouns``: the
    plural when it is not ``noun`` + s)."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"
