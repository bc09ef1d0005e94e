"""Channel glyphs print and show as themselves: in the bundled font, distinct, never tofu."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from journeymapper.export.pdf.fonts import FONT, FONT_BOLD, font_path
from journeymapper.model import Channel
from journeymapper.theme import CHANNEL_GLYPHS

# Shapes a reader takes for a missing glyph: an empty box, or the replacement character.
LOOK_MISSING = {"\u25a1", "\u25af", "\u2610", "\ufffd"}


@pytest.mark.parametrize("face", [FONT, FONT_BOLD])
def test_every_channel_glyph_is_in_the_bundled_font(face):
    covered = TTFontFile(str(font_path(face))).charToGlyph
    assert set(CHANNEL_GLYPHS) == set(Channel)
    missing = {ch: g for ch, g in CHANNEL_GLYPHS.items() if ord(g) not in covered}
    assert missing == {}


def test_channel_glyphs_are_distinct_and_do_not_look_missing():
    glyphs = list(CHANNEL_GLYPHS.values())
    assert len(set(glyphs)) == len(glyphs)
    assert LOOK_MISSING.isdisjoint(glyphs)
