"""Scene items: each paints itself from the content the scene gives it."""
