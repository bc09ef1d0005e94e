"""Journeymapper: a desktop customer-journey-map designer."""

__version__ = "0.1.0"
