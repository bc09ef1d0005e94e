"""Malformed journey texts are refused with the line number of each problem."""

from __future__ import annotations

import pytest

from journeymapper.importers.mermaid import MermaidSyntaxError, decode, from_mermaid


def errors_of(text: str) -> list[str]:
    with pytest.raises(MermaidSyntaxError) as info:
        from_mermaid(text)
    return str(info.value).splitlines()


def test_a_task_without_score_names_its_line_and_the_expected_form() -> None:
    text = ("journey\n  title Day\n  section Morning\n    Make tea: 5: Me\n\n  %% note\n"
            "    Go upstairs Me\n")
    assert errors_of(text) == ['line 7: expected "Task: score: actors", got \'Go upstairs Me\'']


@pytest.mark.parametrize(("line", "message"), [
    ("Make tea: 6: Me", "the score must be a whole number from 1 to 5, got '6'"),
    ("Make tea: 0", "the score must be a whole number from 1 to 5, got '0'"),
    ("Make tea: 4.5: Me", "the score must be a whole number from 1 to 5, got '4.5'"),
    ("Make tea: high: Me", "the score must be a whole number from 1 to 5, got 'high'"),
    ("Make tea: : Me", "the score must be a whole number from 1 to 5, got nothing"),
    ("Step 1: Make tea: 5: Me", 'expected "Task: score: actors", got \'Step 1: Make tea: 5: Me\''),
    (": 5: Me", 'expected "Task: score: actors", got \': 5: Me\''),
    ("Issue #5: 3: Me", 'expected "Task: score: actors", got \'Issue\''),
    ("section Go: home", "a section name cannot hold \":\" (write #58;), got 'Go: home'"),
    ("journey again: 3", '"journey" may only start the diagram (in a task name write #106; '
                         "for its first letter)"),
])
def test_each_malformed_line(line: str, message: str) -> None:
    assert errors_of(f"journey\n  title T\n  section S\n  {line}\n") == [f"line 4: {message}"]


def test_every_bad_line_is_reported_in_order() -> None:
    text = "journey\nsection A\nbad one\nfine: 3\nworse: 9\r\nsection B: x\n"
    assert [e.split(":")[0] for e in errors_of(text)] == ["line 3", "line 5", "line 6"]


@pytest.mark.parametrize(("text", "message"), [
    ("", 'line 1: the text holds no "journey" diagram'),
    ("\n%% only a comment\n\n", 'line 1: the text holds no "journey" diagram'),
    ("graph TD\n  A --> B\n",
     "line 1: expected \"journey\" (a Mermaid user-journey diagram), got 'graph TD'"),
    ("%% hi\n\nsequenceDiagram\n",
     "line 3: expected \"journey\" (a Mermaid user-journey diagram), got 'sequenceDiagram'"),
    ("---\ntitle: x\njourney\n",
     'line 1: front matter opened with "---" is never closed with "---"'),
    ("journey\n  title T\n  accDescr {\n  never closed\n",
     'line 3: accDescr { is never closed with "}"'),
])
def test_texts_that_are_not_journeys(text: str, message: str) -> None:
    assert errors_of(text)[0] == message


def test_names_longer_than_the_model_allows_are_refused() -> None:
    long = "x" * 201
    lines = errors_of(f"journey\nsection {long}\n{long}: 3\nok: 3: {long}\n")
    assert lines == [
        "line 2: the section name is 201 characters long, at most 200 allowed",
        "line 3: the task name is 201 characters long, at most 200 allowed",
        "line 4: the actor name is 201 characters long, at most 200 allowed",
    ]


def test_too_many_sections_and_actors() -> None:
    sections = "".join(f"section S{i}\n" for i in range(101))
    assert errors_of("journey\n" + sections) == [
        "line 102: more than 100 sections; a project holds at most 100 stages"]
    actors = ", ".join(f"A{i}" for i in range(101))
    assert errors_of(f"journey\nsection S\nt: 3: {actors}\n") == [
        "line 3: more than 100 actors; a project holds at most 100 personas"]


def test_the_error_list_is_capped() -> None:
    text = "journey\n" + "bad\n" * 30
    lines = errors_of(text)
    assert len(lines) == 21 and lines[-1] == "... and 10 more problems"
    with pytest.raises(MermaidSyntaxError) as info:
        from_mermaid(text)
    assert len(info.value.errors) == 30 and info.value.errors[0] == (
        2, 'expected "Task: score: actors", got \'bad\'')


def test_entity_codes_decode_like_mermaid() -> None:
    assert decode("a#58;b#35;c#59;#quot;x#quot; #9829;") == 'a:b#c;"x" \u2665'
    # Unknown names and impossible code points stay as written.
    assert decode("#nosuchentity; #99999999;") == "#nosuchentity; #99999999;"


def test_literal_semicolons_are_kept_as_text() -> None:
    project = from_mermaid("journey\nsection S\nPay; then leave: 2: Me\n")
    assert project.touchpoints[0].name == "Pay; then leave"
