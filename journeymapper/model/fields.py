"""Constrained field types shared by the model classes."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WrapValidator

from journeymapper.model.ids import ID_PATTERN

MAX_NAME = 200
MAX_TEXT = 10_000
MAX_SHORT_LIST = 100
MAX_ITEMS = 50_000


def _not_blank(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_NAME), AfterValidator(_not_blank)
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_NAME)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
NoteText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT), AfterValidator(_not_blank)
]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
CENTS = Decimal("0.01")
# How every saved amount is written ("4769.69"): 0 <= amount < 10**13, exactly two places.
_CANONICAL_MONEY = re.compile(r"[0-9]{1,13}\.[0-9]{2}").fullmatch


def _money(value: Any, checked: Callable[[Any], Decimal]) -> Decimal:
    """An amount as saved passes every rule of ``Money`` and already has two places, so it
    becomes a Decimal at once; anything else goes through the full checks, whose errors
    stay exactly as they were. pydantic's digit and place checks made amounts the costliest
    field to load (about 2 us each, 40 ms for the 20,000 of a 10,000-touchpoint file); this
    takes less than half of that."""
    if type(value) is str and _CANONICAL_MONEY(value):
        return Decimal(value)
    return checked(value)


# Always two places, so "12.5" and "12.50" are one value and files stay diff-stable.
Money = Annotated[Decimal, Field(ge=0, max_digits=15, decimal_places=2, allow_inf_nan=False),
                  AfterValidator(lambda d: d.quantize(CENTS)), WrapValidator(_money)]
Coordinate = Annotated[float, Field(ge=-100_000, le=100_000, allow_inf_nan=False)]


def new_list() -> list[Any]:
    """A new empty list: the default of list fields.

    The same as ``default_factory=list``, but pydantic inspects the signature of every
    default factory when it builds a class, and for a builtin such as ``list`` that means
    parsing its text signature with the tokenizer: 8% of the cost of importing the model
    (building its classes) at start-up, for nothing."""
    return []


def new_dict() -> dict[Any, Any]:
    """A new empty dict: the default of dict fields (see ``new_list``)."""
    return {}


class Entity(BaseModel):
    """Base of every stored object: unknown fields are refused, whitespace trimmed."""

    # No NaN or infinity in any number, whatever its own bounds: this is also what lets
    # journeymapper.io.files give a file to pydantic's own JSON parser (which reads NaN and
    # Infinity literals, unlike json.loads) without scanning all its bytes for them first.
    model_config = ConfigDict(extra="forbid", validate_default=False, allow_inf_nan=False)
