"""``journeymapper bench``: what users feel, each result a ratio to a floor measured alongside."""
