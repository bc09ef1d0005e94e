"""A project as Mermaid ``journey`` text (user-journey diagram), no Qt.

What is written, in this order::

    journey
        title <project title>
        accDescr: <project description>          (only when there is one)
        section <stage name>                     (every stage, in order, even empty ones)
          <touchpoint name>: <score>: <actor>, <actor>

- **Which cards become tasks**: the touchpoints in lanes of kind ``touchpoints`` (every such
  lane, in lane order). Cards in the other lanes (customer actions, backstage, ...) are not
  steps the customer takes with the brand and are left out. Inside a stage, tasks follow the
  map's reading order: lane by lane, then top to bottom, then left to right.
- **Score** = emotion + 3, so the emotion scale -2..+2 becomes Mermaid's 1..5.
- **Actors** are persona names: the personas the touchpoint serves, or every persona of the
  project when it names none ("serves everyone"). A project without personas writes tasks
  without actors (``Task: 3``), which Mermaid accepts. Two personas whose names are written
  the same get `` (2)``, `` (3)``... so they stay two actors.
- **One persona** (``persona_id``): only the touchpoints that serve that persona, each with that
  persona as the only actor.
- What Mermaid has no place for (channels, money, owners, stage goals and colours, links,
  notes, cards of other lanes) is not written; a project without stages has no sections.

Sanitising rule (``mermaid_text``): Mermaid cannot hold some characters literally, so they are
written as Mermaid entity codes ``#<decimal>;``, which Mermaid itself turns back into the
character when it draws the diagram (and ``journeymapper.importers.mermaid`` decodes):

- every run of whitespace (newlines, tabs) becomes one space, ends are trimmed (the only loss);
- ``#`` (starts a comment) -> ``#35;`` and ``;`` -> ``#59;`` everywhere;
- ``:`` -> ``#58;`` in task, section and actor names (it separates name, score and actors);
- ``,`` -> ``#44;`` in actor names (it separates actors);
- ``%`` -> ``#37;`` when another ``%`` follows (``%%`` starts a comment);
- a task name that starts with a word Mermaid reads as a keyword at the start of a line
  (``journey``, ``title ``, ``section ``, ``accTitle:``, ``accDescr:``/``accDescr {``, in any
  case) gets its first letter encoded, e.g. ``Title page`` -> ``#84;itle page``;
- the description keeps ``#`` unless it would read as an entity code (``#word;``), and inside a
  multi-line ``accDescr { ... }`` block ``}`` -> ``#125;``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from journeymapper.layout import snap
from journeymapper.model import LaneKind, Persona, Project, Touchpoint

SECTION_INDENT = " " * 4
TASK_INDENT = " " * 6
EMOTION_TO_SCORE = 3  # score = emotion + 3: -2..+2 -> 1..5

TITLE_SPECIALS = frozenset("#;")
NAME_SPECIALS = frozenset("#;:")
ACTOR_SPECIALS = frozenset("#;:,")

_KEYWORD_START = re.compile(r"(?:journey|title\s|section\s|acctitle\s*:|accdescr\s*[:{])",
                            re.IGNORECASE)
_ENTITY_LIKE = re.compile(r"#\w+;")


def entity(char: str) -> str:
    """Mermaid's entity code of one character: ``:`` -> ``#58;``."""
    return f"#{ord(char)};"


def mermaid_text(text: str, specials: Iterable[str] = NAME_SPECIALS) -> str:
    """``text`` on one line with the characters Mermaid cannot hold written as entity codes."""
    special = frozenset(specials)
    flat = " ".join(text.split())
    out: list[str] = []
    for i, char in enumerate(flat):
        if char in special or (char == "%" and flat[i + 1:i + 2] == "%"):
            out.append(entity(char))
        else:
            out.append(char)
    return "".join(out)


def task_name(name: str) -> str:
    """A touchpoint name as a Mermaid task name (see the module's sanitising rule)."""
    text = mermaid_text(name, NAME_SPECIALS)
    if _KEYWORD_START.match(" ".join(name.split())):
        text = entity(text[0]) + text[1:]
    return text


def description_lines(description: str) -> list[str]:
    """The project description as ``accDescr`` lines (none when it is empty)."""
    text = description.strip()
    if not text:
        return []

    def encode(line: str, block: bool) -> str:
        line = _ENTITY_LIKE.sub(lambda m: entity("#") + m.group(0)[1:], line)
        line = re.sub(r"%(?=%)", entity("%"), line)
        return line.replace("}", entity("}")) if block else line

    lines = [" ".join(line.split()) for line in text.splitlines()]
    if len(lines) == 1:
        return [f"{SECTION_INDENT}accDescr: {encode(lines[0], False)}"]
    body = [f"{TASK_INDENT}{encode(line, True)}" if line else "" for line in lines]
    return [f"{SECTION_INDENT}accDescr {{", *body, f"{SECTION_INDENT}}}"]


def actor_names(personas: Iterable[Persona]) -> dict[str, str]:
    """Persona id -> actor name as written; names written alike are made unique."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for persona in personas:
        base = mermaid_text(persona.name, ACTOR_SPECIALS)
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base} ({n})"
        used.add(name)
        names[persona.id] = name
    return names


def journey_touchpoints(project: Project, stage_id: str,
                        persona_id: str | None = None) -> list[Touchpoint]:
    """The touchpoints of a stage that become tasks, in the map's reading order."""
    lane_rank = {lane.id: i for i, lane in enumerate(
        lane for lane in project.lanes if lane.kind is LaneKind.TOUCHPOINTS)}
    chosen = [(i, tp) for i, tp in enumerate(project.touchpoints)
              if tp.stage_id == stage_id and tp.lane_id in lane_rank and tp.serves(persona_id)]
    chosen.sort(key=lambda item: (lane_rank[item[1].lane_id], snap(max(item[1].y, 0.0)),
                                  max(item[1].x, 0.0), item[0]))
    return [tp for _, tp in chosen]


def score_of(touchpoint: Touchpoint) -> int:
    """Mermaid's 1..5 score from the touchpoint's emotion -2..+2."""
    return touchpoint.emotion + EMOTION_TO_SCORE


def to_mermaid(project: Project, persona_id: str | None = None) -> str:
    """The project as a Mermaid ``journey`` diagram (ends with a newline).

    ``persona_id`` keeps only that persona's touchpoints, with that persona as the actor;
    an id the project does not hold raises ValueError.
    """
    names = actor_names(project.personas)
    if persona_id is not None and persona_id not in names:
        known = ", ".join(repr(p.id) for p in project.personas) or "none defined"
        raise ValueError(f"unknown persona id {persona_id!r}; persona ids: {known}")
    everyone = list(names.values())
    lines = ["journey", f"{SECTION_INDENT}title {mermaid_text(project.title, TITLE_SPECIALS)}"]
    lines += description_lines(project.description)
    for stage in project.stages:
        lines.append(f"{SECTION_INDENT}section {mermaid_text(stage.name, NAME_SPECIALS)}")
        for tp in journey_touchpoints(project, stage.id, persona_id):
            if persona_id is not None:
                actors = [names[persona_id]]
            elif tp.persona_ids:
                actors = [names[pid] for pid in tp.persona_ids]
            else:
                actors = everyone
            task = f"{TASK_INDENT}{task_name(tp.name)}: {score_of(tp)}"
            if actors:
                task += ": " + ", ".join(actors)
            lines.append(task)
    return "\n".join(lines) + "\n"
