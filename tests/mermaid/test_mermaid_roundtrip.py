"""Mermaid journey text: export, import, and both round trips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from journeymapper.export.mermaid import actor_names, journey_touchpoints, task_name, to_mermaid
from journeymapper.importers.mermaid import from_mermaid
from journeymapper.io import load
from journeymapper.model import Persona, Project, Stage, Touchpoint, new_project
from journeymapper.paths import EXAMPLES
from tests.strategies import projects

# The example of Mermaid's own documentation ("User Journey Diagram"), as printed there.
MERMAID_DOC_EXAMPLE = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def served(project: Project, tp: Touchpoint, names: dict[str, str]) -> set[str]:
    """The actor names of the personas a touchpoint serves (none listed: every persona)."""
    ids = tp.persona_ids or [p.id for p in project.personas]
    return {names[pid] for pid in ids}


def journey(project: Project) -> list[tuple[str, list[tuple[str, int, frozenset[str]]]]]:
    """What the Mermaid text carries: stages in order, each with its tasks in order."""
    names = actor_names(project.personas)
    return [(" ".join(stage.name.split()), [(" ".join(tp.name.split()), tp.emotion,
                           frozenset(served(project, tp, names)))
                          for tp in journey_touchpoints(project, stage.id)])
            for stage in project.stages]


def test_mermaid_documentation_example_round_trips_exactly() -> None:
    project = from_mermaid(MERMAID_DOC_EXAMPLE)
    assert project.title == "My working day"
    assert [s.name for s in project.stages] == ["Go to work", "Go home"]
    assert [p.name for p in project.personas] == ["Me", "Cat"]
    tea, upstairs, work = journey_touchpoints(project, project.stages[0].id)
    assert (tea.name, tea.emotion, tea.persona_ids) == ("Make tea", 2, ["persona-me"])
    assert (upstairs.name, upstairs.emotion) == ("Go upstairs", 0)
    # Naming every actor of the diagram is "serves everyone".
    assert (work.name, work.emotion, work.persona_ids) == ("Do work", -2, [])
    assert to_mermaid(project) == MERMAID_DOC_EXAMPLE


def test_hand_written_text_with_comments_acc_lines_and_odd_spacing() -> None:
    text = (
        "---\r\n"
        "title: From front matter\r\n"
        "---\r\n"
        "%% who wrote this\r\n"
        "%%{init: {'theme': 'forest'}}%%\r\n"
        "\r\n"
        "JOURNEY\r\n"
        "accTitle: Morning routine\r\n"
        "   accDescr: How a weekday starts\r\n"
        "Wake up:2:Me   # before any section\r\n"
        "\r\n"
        "\tsection    Morning   \r\n"
        "        Make coffee :  4 :  Me ,   Cat  \r\n"
        "  %% an indented comment\r\n"
        "Feed the cat: 3: Cat, Me, Cat\r\n"
        "    section Commute %% trailing comment\r\n"
        "      Bus#58; line 12: 1: Me\r\n"
        "      Read a book: 5\r\n"
    )
    project = from_mermaid(text)
    assert project.title == "From front matter"
    assert project.description == "How a weekday starts"
    assert to_mermaid(project) == (
        "journey\n"
        "    title From front matter\n"
        "    accDescr: How a weekday starts\n"
        "    section Morning\n"
        "      Wake up: 2: Me\n"
        "      Make coffee: 4: Me, Cat\n"
        "      Feed the cat: 3: Me, Cat\n"
        "    section Commute\n"
        "      Bus#58; line 12: 1: Me\n"
        "      Read a book: 5: Me, Cat\n"
    )
    bus = next(t for t in project.touchpoints if t.name.startswith("Bus"))
    assert bus.name == "Bus: line 12"


def test_title_argument_wins_and_acc_title_is_the_last_fallback() -> None:
    text = "journey\n  accTitle: Accessible\n  section A\n    Task: 3\n"
    assert from_mermaid(text).title == "Accessible"
    assert from_mermaid(text, title="Chosen").title == "Chosen"
    assert from_mermaid("journey\n section A\n").title == "Imported journey"


def test_multi_line_acc_descr_block() -> None:
    text = ("journey\n  title T\n  accDescr {\n    First line\n\n    Second #125; line\n  }\n"
            "  section S\n    A: 3\n")
    project = from_mermaid(text)
    assert project.description == "First line\n\nSecond } line"
    assert to_mermaid(project) == ("journey\n    title T\n    accDescr {\n      First line\n\n"
                                   "      Second #125; line\n    }\n    section S\n      A: 3\n")
    one_line = from_mermaid("journey\naccDescr { all on one line } \nsection S\n")
    assert one_line.description == "all on one line"


def test_no_section_gives_default_stages_with_tasks_in_the_first() -> None:
    project = from_mermaid("journey\n  title Quick\n  Call us: 4: Me\n  Visit: 2: Me\n")
    assert [s.name for s in project.stages] == [s.name for s in new_project().stages]
    assert {t.stage_id for t in project.touchpoints} == {project.stages[0].id}
    assert [t.name for t in journey_touchpoints(project, project.stages[0].id)] == \
        ["Call us", "Visit"]


def test_without_actors_there_are_no_personas_and_no_actors_are_written() -> None:
    project = from_mermaid("journey\n  section S\n    A: 1\n    B: 5\n")
    assert project.personas == []
    assert [t.emotion for t in project.touchpoints] == [-2, 2]
    assert to_mermaid(project).splitlines()[-2:] == ["      A: 1", "      B: 5"]


def test_imported_cards_sit_in_the_touchpoints_lane_without_overlapping() -> None:
    from journeymapper.layout import compute_layout

    project = from_mermaid("journey\n section S\n" + "".join(f"  T{i}: 3\n" for i in range(9)))
    lane = next(lane for lane in project.lanes if lane.kind == "touchpoints")
    assert {t.lane_id for t in project.touchpoints} == {lane.id}
    cards = list(compute_layout(project).cards.values())
    assert not any(a.intersects(b) for i, a in enumerate(cards) for b in cards[i + 1:])


def test_import_places_cards_where_free_slot_would() -> None:
    """The direct computation gives the positions free_slot gives card after card."""
    from journeymapper.importers.mermaid import slot
    from journeymapper.slots import free_slot

    for width in (280.0, 442.0, 656.0):
        project = new_project()
        project.stages[0] = Stage(id="awareness", name="A", width=width)
        for i in range(12):
            expected = free_slot(project, "awareness", "touchpoints")
            assert slot(project.stages[0], i) == expected
            project.touchpoints.append(Touchpoint(
                id=f"t{i}", name="x", stage_id="awareness", lane_id="touchpoints",
                x=expected[0], y=expected[1]))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_survives_export_then_import(path: Path) -> None:
    project = load(path)
    text = to_mermaid(project)
    back = from_mermaid(text)
    assert back.title == project.title
    assert back.description == "\n".join(
        " ".join(line.split()) for line in project.description.strip().splitlines())
    assert journey(back) == journey(project)
    # Exported again, the text is the same: export -> import -> export is stable.
    assert to_mermaid(back) == text


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_only_touchpoints_lanes_become_tasks(path: Path) -> None:
    project = load(path)
    text = to_mermaid(project)
    kinds = {lane.id: lane.kind for lane in project.lanes}
    for tp in project.touchpoints:
        line = f"{task_name(tp.name)}: {tp.emotion + 3}"
        assert (line in text) == (kinds[tp.lane_id] == "touchpoints"), tp.name


def test_one_persona_keeps_its_touchpoints_with_it_as_the_only_actor() -> None:
    project = load(EXAMPLES / "bakery.json")
    persona = project.personas[1]
    text = to_mermaid(project, persona.id)
    tasks = [line for line in text.splitlines() if line.startswith("      ")]
    expected = [tp for stage in project.stages
                for tp in journey_touchpoints(project, stage.id, persona.id)]
    assert len(tasks) == len(expected)
    assert all(line.endswith(": Markus#44; the office manager") for line in tasks)
    assert not any(tp.name in text for tp in project.touchpoints if not tp.serves(persona.id))
    with pytest.raises(ValueError, match="unknown persona id"):
        to_mermaid(project, "nobody")


NASTY_NAMES = [
    "Step 1: sign up", "Issue #5; then #35; literally", "50%% off %%% now", "Title page",
    "title: the keyword", "section 2 opens", "Journey planner", "accTitle: x", "accDescr {y",
    "Line one\nline two\tand tab", "Ends with a colon:", "  padded  ", "Komma, and; more",
    "#quot;entity#quot;", "}", "%", "%%", "#", ";", ":",
]


def test_nasty_names_survive_and_never_break_mermaid_syntax() -> None:
    project = new_project("Odd: #1; %% title")
    project.personas = [Persona(id="p1", name="Ann, the #1; buyer"), Persona(id="p2", name="Bo"),
                        Persona(id="p3", name="Bo")]
    project.touchpoints = [
        Touchpoint(id=f"t{i}", name=name, stage_id="awareness", lane_id="touchpoints",
                   emotion=i % 5 - 2, y=i * 120.0, persona_ids=["p1", "p3"] if i % 2 else [])
        for i, name in enumerate(NASTY_NAMES)]
    project.stages[1] = project.stages[1].model_copy(update={"name": "Think: #2; %%"})
    text = to_mermaid(project)
    for line in text.splitlines()[1:]:
        stripped = line.strip()
        # No comment starts, no stray semicolons: every '#' opens an entity code.
        assert "%%" not in stripped
        assert not set("#;") & set(re.sub(r"#\w+;", "", stripped)), line
        if line.startswith("      "):
            assert stripped.count(":") == 2, line
            assert not stripped.lower().startswith(("journey", "title ", "section ", "acc"))
    back = from_mermaid(text)
    assert back.title == "Odd: #1; %% title"
    assert journey(back) == journey(project)
    assert [p.name for p in back.personas] == ["Ann, the #1; buyer", "Bo", "Bo (2)"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_touchpoints=10))
def test_random_projects_round_trip(project: Project) -> None:
    text = to_mermaid(project)
    back = from_mermaid(text)
    assert back.title == " ".join(project.title.split())
    assert journey(back) == journey(project)
    # After one pass through the text the form is normal: a second pass changes nothing.
    normal = to_mermaid(back)
    assert to_mermaid(from_mermaid(normal)) == normal
