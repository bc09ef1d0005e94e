"""Bring touchpoints, KPI values and maps in from other formats (no Qt)."""
