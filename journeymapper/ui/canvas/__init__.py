"""The map canvas: scene, view and items drawn from the layout."""
