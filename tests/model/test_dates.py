import datetime as dt

import pytest

from journeymapper.model.dates import parse_day


def test_a_day_as_written_in_files():
    assert parse_day("2026-12-03") == dt.date(2026, 12, 3)


@pytest.mark.parametrize("text", ["20261203", "2026-W49-4", "2026-12-3", " 2026-12-03",
                                  "2026-13-01", "2026-02-30", "soon", ""])
def test_other_forms_and_impossible_days_are_refused(text):
    with pytest.raises(ValueError):
        parse_day(text)
