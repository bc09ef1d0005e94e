"""Constrained field types shared by the model classes."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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
# Always two places, so "12.5" and "12.50" are one value and files stay diff-stable.
Money = Annotated[Decimal, Field(ge=0, max_digits=15, decimal_places=2, allow_inf_nan=False),
                  AfterValidator(lambda d: d.quantize(CENTS))]
Coordinate = Annotated[float, Field(ge=-100_000, le=100_000, allow_inf_nan=False)]


class Entity(BaseModel):
    """Base of every stored object: unknown fields are refused, whitespace trimmed."""

    model_config = ConfigDict(extra="forbid", validate_default=False)
