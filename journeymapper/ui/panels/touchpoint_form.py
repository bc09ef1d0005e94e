"""The inspector form of touchpoints: every field, the live importance score, KPIs."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from journeymapper.document import Document, Kind
from journeymapper.model import priority, quadrant
from journeymapper.ui.panels import options as opt
from journeymapper.ui.panels.fields import Field, LineField, TagsField, TextField
from journeymapper.ui.panels.form import EntityForm
from journeymapper.ui.panels.kpis import KpiField
from journeymapper.ui.panels.review_history import ReviewHistoryField, cadence_field
from journeymapper.ui.panels.scores import ScoreField
from journeymapper.ui.panels.value_fields import ChecklistField, ChoiceField, DateField, MoneyField

# Fields whose change alters the importance line.
_SCORE_INPUTS = {"scores", "performance"}


class TouchpointForm(EntityForm):
    """Edits one touchpoint, or the shared fields of several."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, Kind.TOUCHPOINT, parent)
        d = document
        self.add_section("Touchpoint")
        self.add_field(LineField("name", "Name", required=True, multi=False))
        self.add_field(TextField("description", "Description", lines=3))
        self.add_section("Where")
        self.add_field(ChoiceField("stage_id", "Stage", lambda: opt.stage_options(d),
                                   depends_on=("stage",)))
        self.add_field(ChoiceField("lane_id", "Lane", lambda: opt.lane_options(d),
                                   depends_on=("lane",)))
        self.add_field(ChoiceField("channel", "Channel", opt.channel_options))
        personas = ChecklistField("persona_ids", "Personas", lambda: opt.persona_checks(d),
                                  depends_on=("persona",),
                                  empty_hint="None ticked: the touchpoint serves every persona.")
        self.add_field(personas)
        self.add_section("Importance")
        self.scores = ScoreField(lambda: d.project.scoring)
        self.scores.changing.connect(self._show_importance)
        self.add_field(self.scores)
        self.importance_label = QLabel()
        self.importance_label.setWordWrap(True)
        self.form_layout.addRow("Importance", self.importance_label)
        self.add_field(ChoiceField("performance", "Performance", opt.performance_options))
        self.add_field(ChoiceField("emotion", "Emotion", opt.emotion_options))
        self.add_section("Plan")
        self.add_field(LineField("owner", "Owner", completions=lambda: opt.owners(d),
                                 placeholder="Who looks after it"))
        self.add_field(ChoiceField("status", "Status", opt.status_options))
        self.add_field(DateField("deadline", "Deadline"))
        self.add_field(MoneyField("budget", "Budget"))
        self.add_field(MoneyField("spent", "Spent"))
        self.add_section("Measure")
        self.add_field(KpiField())
        self.add_field(TagsField("tags", "Tags", placeholder="comma, separated"))
        self.add_field(TextField("notes", "Notes", lines=3))
        self.add_section("Reviews")
        self.add_field(cadence_field())
        self.add_field(ReviewHistoryField())
        document.item_changed.connect(self._other_changed)
        for signal in (document.item_added, document.item_removed):
            signal.connect(lambda kind, _id: self._other_changed(kind, "", []))
        self._show_currency()

    def place_field(self, field: Field) -> None:
        if field is getattr(self, "scores", None):
            # The criteria name their own sliders: give them the whole width of the dock.
            self.form_layout.addRow(field.container)
        else:
            super().place_field(field)

    def importance_text(self) -> str:
        """The live importance line (for tests and screen readers)."""
        return self.importance_label.text()

    def values_shown(self, names: Iterable[str] | None) -> None:
        if names is None or _SCORE_INPUTS & set(names):
            self._show_importance()

    def _other_changed(self, kind: str, _item_id: str, names: list[str]) -> None:
        if kind == "criterion":
            self._show_importance()
        elif kind == "business" and "currency" in names:
            self._show_currency()

    def _show_currency(self) -> None:
        currency = self.document.project.business.currency
        for name, label in (("budget", "Budget"), ("spent", "Spent")):
            widget = self.form_layout.labelForField(self.fields[name].container)
            if isinstance(widget, QLabel):
                widget.setText(f"{label} ({currency})")

    def _show_importance(self) -> None:
        """Importance 0..100 from the sliders as they are now, with its quadrant."""
        objects = self.objects()
        if not objects:
            self.importance_label.setText("")
            return
        preview = self.scores.preview()
        scoring = self.document.project.scoring
        if preview is None:
            values = sorted(scoring.importance(tp) for tp in objects)
            self.importance_label.setText(f"{values[0]:g} to {values[-1]:g} / 100 (mixed)")
            return
        # Every touchpoint shows the same sliders now, so they share one importance.
        importance = scoring.importance(objects[0].model_copy(update={"scores": preview}))
        quadrants = {quadrant(importance, tp).label for tp in objects}
        where = quadrants.pop() if len(quadrants) == 1 else "mixed quadrants"
        text = f"<b>{importance:g}</b> / 100 &middot; {where}"
        if len(objects) == 1:
            text += f" &middot; priority {priority(importance, objects[0]):g}"
        self.importance_label.setText(text)
