"""Text fitting on cards: every line fits its width, nothing is lost without an ellipsis."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.export.pdf.fonts import register_fonts, text_width
from journeymapper.export.pdf.text import ELLIPSIS, elide, markup, wrap

register_fonts()

words = st.text(alphabet=st.characters(categories=("L", "N", "P", "S")), min_size=1,
                max_size=40)
texts = st.lists(words, min_size=1, max_size=30).map(" ".join)
widths = st.floats(min_value=40, max_value=400)
sizes = st.sampled_from([8.0, 13.0, 16.0])


@settings(max_examples=150, deadline=None)
@given(texts, widths, sizes, st.booleans())
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: float, size: float,
                                                    bold: bool) -> None:
    lines = wrap(text, width, size, bold=bold)
    for line in lines:
        assert text_width(line, size, bold) <= width + 1e-6
    # Every character is kept (in NFC, the form the PDF uses), only spaces may move.
    assert "".join("".join(lines).split()) == unicodedata.normalize("NFC", "".join(text.split()))


@settings(max_examples=150, deadline=None)
@given(texts, widths, sizes, st.integers(min_value=1, max_value=3))
def test_line_limit_elides_the_last_line(text: str, width: float, size: float,
                                         limit: int) -> None:
    full = wrap(text, width, size)
    lines = wrap(text, width, size, max_lines=limit)
    assert len(lines) == min(limit, len(full))
    for line in lines:
        assert text_width(line, size) <= width + 1e-6
    if len(full) > limit:
        assert lines[-1].endswith(ELLIPSIS)


@settings(max_examples=100, deadline=None)
@given(texts, widths, sizes)
def test_unbroken_words_are_elided_not_cut(text: str, width: float, size: float) -> None:
    for line in wrap(text, width, size, break_words=False):
        assert text_width(line, size) <= width + 1e-6


@given(texts, widths)
def test_elide_fits(text: str, width: float) -> None:
    out = elide(text, width, 13)
    assert text_width(out, 13) <= width + 1e-6
    assert out == text or out.endswith(ELLIPSIS) or out == ""


def test_markup_escapes_paragraph_tags() -> None:
    assert markup("<b>x</b> & <font>") == "&lt;b&gt;x&lt;/b&gt; &amp; &lt;font&gt;"


def test_composed_and_decomposed_accents_print_the_same() -> None:
    decomposed = "Nguye\u0302\u0303n"
    assert wrap(decomposed, 200, 13) == ["Nguyễn"]
