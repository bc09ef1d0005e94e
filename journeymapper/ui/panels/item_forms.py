"""Inspector forms of stages, lanes, personas, links and notes, and the project's own fields."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from journeymapper.document import Document, Kind
from journeymapper.ui.panels import options as opt
from journeymapper.ui.panels.fields import LineField, LinesField, PercentField, TextField
from journeymapper.ui.panels.form import EntityForm
from journeymapper.ui.panels.value_fields import ChecklistField, ChoiceField, ColorField, IntField


class StageForm(EntityForm):
    """A stage: name, description, the customer's goal, colour."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, Kind.STAGE, parent)
        self.add_field(LineField("name", "Name", required=True, multi=False))
        self.add_field(TextField("description", "Description"))
        self.add_field(TextField("goal", "Customer goal", lines=2))
        self.add_field(ColorField("color", "Colour"))


class LaneForm(EntityForm):
    """A lane: name and what it holds."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, Kind.LANE, parent)
        self.add_field(LineField("name", "Name", required=True, multi=False))
        self.add_field(ChoiceField("kind", "Holds", opt.lane_kind_options))


class PersonaForm(EntityForm):
    """A persona's profile: segment, goals, needs, pain points, channels, quote, colour."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, Kind.PERSONA, parent)
        self.add_field(LineField("name", "Name", required=True, multi=False))
        self.add_field(LineField("segment", "Segment", placeholder="e.g. working parents"))
        self.add_field(LinesField("goals", "Goals", lines=3))
        self.add_field(LinesField("needs", "Needs", lines=3))
        self.add_field(LinesField("pain_points", "Pain points", lines=3))
        self.add_field(ChecklistField("preferred_channels", "Preferred channels",
                                      opt.channel_checks, multi=False))
        self.add_field(TextField("quote", "Quote", lines=2))
        self.add_field(ColorField("color", "Colour"))
        for name in ("goals", "needs", "pain_points"):
            self.fields[name].editor.setToolTip("One per line")


class LinkForm(EntityForm):
    """A flow between two touchpoints: for which persona, what share, labelled how."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, Kind.LINK, parent)
        self.route = QLabel()
        self.route.setWordWrap(True)
        self.form_layout.addRow("Flow", self.route)
        self.add_field(ChoiceField(
            "persona_id", "Persona", lambda: opt.persona_options(document, "All personas"),
            depends_on=("persona",)))
        share = self.add_field(PercentField("share", "Share", placeholder="% of customers"))
        share.editor.setToolTip("Share of customers taking this path, 0 to 100 %")
        self.add_field(LineField("label", "Label"))
        document.item_changed.connect(
            lambda kind, _id, names: kind == Kind.TOUCHPOINT and "name" in names
            and self.values_shown(None))

    def values_shown(self, names: Iterable[str] | None) -> None:
        objects = self.objects()
        if len(objects) == 1:
            link = objects[0]
            names_of = {tp.id: tp.name for tp in self.document.project.touchpoints}
            self.route.setText(f"{names_of.get(link.source_id, '?')} \u2192 "
                               f"{names_of.get(link.target_id, '?')}")
        else:
            self.route.setText(f"{len(objects)} links")


class NoteForm(EntityForm):
    """A sticky note: its text, colour and cell."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, Kind.NOTE, parent)
        self.add_field(TextField("text", "Text", lines=4, required=True))
        self.add_field(ColorField("color", "Colour"))
        self.add_field(ChoiceField("stage_id", "Stage", lambda: opt.stage_options(document),
                                   depends_on=("stage",)))
        self.add_field(ChoiceField("lane_id", "Lane", lambda: opt.lane_options(document),
                                   depends_on=("lane",)))


class CurrencyField(LineField):
    """An ISO currency code, upper-cased as typed (``eur`` is taken as EUR)."""

    def read(self) -> str:
        code = self.line.text().strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise self.refuse("must be a 3-letter code such as EUR, USD or GBP")
        return code


class ProjectForm(EntityForm):
    """The project's title and description."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, "project", parent)
        self.add_field(LineField("title", "Title", required=True))
        self.add_field(TextField("description", "Description", lines=4))
        self.reload()


class BusinessForm(EntityForm):
    """Who the map is for: name, industry, size, competitors, market position, currency."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, "business", parent)
        self.add_field(LineField("name", "Business name"))
        self.add_field(LineField("industry", "Industry", placeholder="e.g. bakery, SaaS"))
        self.add_field(ChoiceField("size", "Size", opt.size_options))
        self.add_field(IntField("competitors", "Competitors", 0, 100_000))
        self.add_field(ChoiceField("market_position", "Market position", opt.position_options))
        self.add_field(CurrencyField("currency", "Currency",
                                     completions=lambda: opt.COMMON_CURRENCIES))
        self.reload()
