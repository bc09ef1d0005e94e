from journeymapper.wording import plural


def test_one_is_singular_and_others_plural():
    assert plural(1, "touchpoint") == "1 touchpoint"
    assert plural(0, "touchpoint") == "0 touchpoints"
    assert plural(2, "link") == "2 links"


def test_thousands_are_separated():
    assert plural(10_000, "touchpoint") == "10,000 touchpoints"


def test_an_irregular_plural():
    assert plural(3, "persona", "people") == "3 people"
    assert plural(1, "persona", "people") == "1 persona"
