"""Link captions: how each one wraps and where it sits, clear of cards and of each other
(no Qt; the canvas and the PDF export place them alike)."""

from journeymapper.captions.board import CaptionBoard, place_all
from journeymapper.captions.placer import PAD_X, PAD_Y, CaptionLayout, CaptionPlace, CaptionPlacer
from journeymapper.captions.text import caption_of

__all__ = ["PAD_X", "PAD_Y", "CaptionBoard", "CaptionLayout", "CaptionPlace", "CaptionPlacer",
           "caption_of", "place_all"]
