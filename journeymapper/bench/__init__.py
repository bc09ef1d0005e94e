"""``journeymapper bench``: measure what users feel, each as a ratio to a floor measured alongside."""
