"""The bundled example maps and templates load, round-trip byte for byte and look realistic."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from journeymapper.io import dumps, load
from journeymapper.layout import compute_layout
from journeymapper.model import Project
from journeymapper.paths import EXAMPLES, TEMPLATES, template_files

EXPECTED_EXAMPLES = {"bakery", "saas-trial", "workshop-starter"}
EXPECTED_TEMPLATES = {"e-commerce", "b2b-saas", "local-service", "restaurant",
                      "workshop-starter"}
REVIEW_DAY = dt.date(2026, 11, 23)

FILES = sorted(EXAMPLES.glob("*.json")) + sorted(TEMPLATES.glob("*.json"))


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def example(name: str) -> Project:
    return load(EXAMPLES / f"{name}.json")


def test_all_bundled_files_are_present() -> None:
    assert {p.stem for p in EXAMPLES.glob("*.json")} >= EXPECTED_EXAMPLES
    assert set(template_files()) >= EXPECTED_TEMPLATES


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_file_round_trips_byte_for_byte(path: Path) -> None:
    assert dumps(load(path)) == path.read_bytes()


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_cards_do_not_overlap(path: Path) -> None:
    layout = compute_layout(load(path))
    rects = list(layout.cards.values()) + list(layout.notes.values())
    overlapping = [(a, b) for a, b in itertools.combinations(rects, 2) if a.intersects(b)]
    assert not overlapping


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_every_stage_has_a_touchpoint_and_scores_use_known_criteria(path: Path) -> None:
    project = load(path)
    assert len(project.stages) == 5
    assert {t.stage_id for t in project.touchpoints} == {s.id for s in project.stages}
    criteria = {c.id for c in project.scoring.criteria}
    for tp in project.touchpoints:
        assert set(tp.scores) <= criteria


def test_bakery() -> None:
    project = example("bakery")
    assert 10 <= len(project.touchpoints) <= 14
    assert len(project.personas) == 2
    assert project.business.currency == "EUR"
    assert len({p.color for p in project.personas}) == 2
    assert project.links and project.notes
    assert any(t.spent > t.budget for t in project.touchpoints)
    assert any(t.is_overdue(REVIEW_DAY) for t in project.touchpoints)
    assert any(not t.persona_ids for t in project.touchpoints)
    assert len({t.owner for t in project.touchpoints}) >= 3


def test_saas_trial() -> None:
    project = example("saas-trial")
    assert len(project.touchpoints) >= 25
    assert len(project.personas) == 3
    assert project.business.currency == "USD"
    assert len(project.links) >= 25
    assert any(link.persona_id for link in project.links)
    assert sum(link.share is not None for link in project.links) >= len(project.links) // 2
    with_kpis = [t for t in project.touchpoints if t.kpis]
    assert len(with_kpis) > len(project.touchpoints) // 2


def test_workshop_starter() -> None:
    project = example("workshop-starter")
    assert len(project.touchpoints) == 10
    assert len(project.personas) == 1
    for tp in project.touchpoints:
        assert tp.owner == ""
        assert tp.budget == 0 and tp.spent == 0
        assert tp.deadline is None
        assert tp.status == "idea"
    per_stage = {s.id: 0 for s in project.stages}
    for tp in project.touchpoints:
        per_stage[tp.stage_id] += 1
    assert set(per_stage.values()) == {2}


@pytest.mark.parametrize("name", sorted(EXPECTED_TEMPLATES))
def test_templates_are_small_generic_starting_maps(name: str) -> None:
    project = load(template_files()[name])
    assert 6 <= len(project.touchpoints) <= 12
    assert 1 <= len(project.personas) <= 2
    # A template is copied at any date: a deadline would sooner or later be overdue.
    assert all(t.deadline is None for t in project.touchpoints)
