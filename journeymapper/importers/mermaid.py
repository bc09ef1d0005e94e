"""A new project from Mermaid ``journey`` text (user-journey diagram), no Qt.

Reads what Mermaid documents and accepts: the ``journey`` header, ``title``, ``section``,
tasks ``Task name: score: Actor1, Actor2`` (actors optional), ``accTitle:``, ``accDescr:`` and
``accDescr { ... }``, ``%%`` comments and ``%%{...}%%`` directives, ``#`` comments, YAML front
matter (``---`` ... ``---``, its ``title:`` is used), blank lines, any indentation, CRLF, and
entity codes (``#58;``, ``#quot;``), which are decoded. A literal ``;`` (which Mermaid refuses)
is kept as text. Lines that are not understood raise ``MermaidSyntaxError`` listing each as
``line N: ...``.

What the project gets:

- **Title**: ``title=`` if given, else the diagram's ``title``, the front matter's ``title:``,
  ``accTitle``, or "Imported journey". ``accDescr`` becomes the project description.
- **Stages** from sections, in order (colours from the default stage palette). Without any
  section the project has the default stages. Tasks written before the first section go to
  the first stage.
- **Touchpoints** in the first touchpoints lane, in text order, placed as ``free_slot`` places
  new cards (a section with more than two tasks gets a wider stage, so they sit two or three
  to a row); emotion = score - 3 (scores must be whole numbers 1..5).
- **Personas** from actor names in order of appearance (colours from a palette). A task that
  names every actor of the diagram, or none, serves everyone (no personas listed), which is
  what ``journeymapper.export.mermaid`` writes for such touchpoints.

Ids are derived from names and positions, so importing the same text twice gives the same
file.

Normal form: ``to_mermaid(from_mermaid(text))`` is ``text`` with ``journey`` on the first line,
``title``/``accDescr``/``section`` indented 4 spaces and tasks 6, tasks written
``Name: score: A, B``; comments, directives, front matter and ``accTitle`` dropped (their title
becomes the ``title`` line, "Imported journey" when there is none); tasks before the first
section moved into it (or into the first default stage); whitespace runs in names made one
space; entity codes only where the sanitising rule needs them; a task naming every actor (or
none) written with every actor, in order of first appearance. A text already in normal form
comes back unchanged (Mermaid's own "My working day" example is one).

Mermaid itself is not consulted; see ``journeymapper.export.mermaid`` for the writing side and
the sanitising rule that these two undo.
"""

from __future__ import annotations

import html
import re
from collections import deque
from dataclasses import dataclass, field

from journeymapper.layout import CARD_HEIGHT, CARD_WIDTH, PADDING
from journeymapper.model import (
    LaneKind,
    Persona,
    Project,
    Stage,
    Touchpoint,
    default_scoring,
    new_project,
)
from journeymapper.model.defaults import DEFAULT_STAGES
from journeymapper.model.fields import MAX_ITEMS, MAX_NAME, MAX_SHORT_LIST, MAX_TEXT
from journeymapper.model.stage import DEFAULT_STAGE_WIDTH

DEFAULT_TITLE = "Imported journey"
# The canvas's persona colours (journeymapper/ui/canvas/style.py, which imports Qt).
PERSONA_COLORS = ("#e45756", "#4c78a8", "#54a24b", "#b279a2", "#f58518", "#17becf",
                  "#9d755d", "#eeca3b")
STAGE_COLORS = tuple(color for *_, color in DEFAULT_STAGES)
MAX_REPORTED = 20
SCORE_TO_EMOTION = -3  # emotion = score - 3: 1..5 -> -2..+2

_NEWLINE = re.compile(r"\r\n|\r|\n")
_ENTITY = re.compile(r"#(\w+);")
_COMMENT = re.compile(r"#\w+;|#|%%")
_HEADER = re.compile(r"journey(?![^\s])", re.IGNORECASE)
_ACC_TITLE = re.compile(r"acctitle\s*:\s*(.*)$", re.IGNORECASE)
_ACC_DESCR = re.compile(r"accdescr\s*:\s*(.*)$", re.IGNORECASE)
_ACC_BLOCK = re.compile(r"accdescr\s*\{(.*)$", re.IGNORECASE)
_TITLE = re.compile(r"title\s(.*)$", re.IGNORECASE)
_SECTION = re.compile(r"section\s(.*)$", re.IGNORECASE)
_SCORE = re.compile(r"\d+")
_SLUG = re.compile(r"[^a-z0-9]+")


class MermaidSyntaxError(ValueError):
    """Text that is not a Mermaid journey diagram; ``errors`` holds (line, message) pairs."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = list(errors)
        shown = [f"line {line}: {message}" for line, message in self.errors[:MAX_REPORTED]]
        if len(self.errors) > MAX_REPORTED:
            shown.append(f"... and {len(self.errors) - MAX_REPORTED} more problems")
        super().__init__("\n".join(shown))


@dataclass(slots=True)
class Task:
    """One task line: name, score 1..5 and actor names."""

    line: int
    name: str
    score: int
    actors: list[str]


@dataclass(slots=True)
class Section:
    """A ``section`` line and the tasks under it (name None: before the first section)."""

    line: int
    name: str | None
    tasks: list[Task] = field(default_factory=list)


@dataclass(slots=True)
class Journey:
    """What a journey text says, before it becomes a project."""

    title: str = ""
    front_title: str = ""
    acc_title: str = ""
    description: str = ""
    sections: list[Section] = field(default_factory=lambda: [Section(0, None)])


def decode(text: str) -> str:
    """Mermaid entity codes back to characters: ``#58;`` -> ``:``, ``#quot;`` -> ``"``."""
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.isdigit():
            value = int(code)
            return chr(value) if 0 < value <= 0x10FFFF and value < 10**7 else match.group(0)
        decoded = html.unescape(f"&{code};")
        return match.group(0) if decoded.startswith("&") else decoded

    return _ENTITY.sub(one, text)


def flat(text: str) -> str:
    """Decoded text on one line: whitespace runs become one space, ends trimmed."""
    return " ".join(decode(text).split())


def strip_comment(text: str) -> str:
    """The part of a line before a ``#`` or ``%%`` comment (entity codes are not comments)."""
    for match in _COMMENT.finditer(text):
        if match.group(0) in ("#", "%%"):
            return text[:match.start()]
    return text


def shown(text: str) -> str:
    """A line as quoted in an error message."""
    text = text.strip()
    return repr(text if len(text) <= 60 else text[:57] + "...")


class _Parser:
    """Reads the lines of a journey text into a Journey, collecting errors with line numbers."""

    def __init__(self, text: str) -> None:
        self.lines = _NEWLINE.split(text.removeprefix("\ufeff"))
        self.journey = Journey()
        self.errors: list[tuple[int, str]] = []
        self.actors: dict[str, None] = {}
        self.tasks = 0

    def error(self, line: int, message: str) -> None:
        self.errors.append((line, message))

    def parse(self) -> Journey:
        start = self._front_matter()
        n = self._header(start)
        if n is None:
            return self.journey
        rest = self.lines[n - 1].strip()[len("journey"):]
        pending = deque([(n, rest)] + [(i, self.lines[i - 1])
                                       for i in range(n + 1, len(self.lines) + 1)])
        block: list[str] | None = None
        block_line = 0
        directive = False
        while pending:
            number, line = pending.popleft()
            if directive:
                directive = "}%%" not in line
                continue
            if block is not None:
                end = line.find("}")
                block.append(line if end < 0 else line[:end])
                if end >= 0:
                    self._set_description(block_line, "\n".join(block))
                    block = None
                    if line[end + 1:].strip():
                        pending.appendleft((number, line[end + 1:]))
                continue
            stripped = line.strip()
            if stripped.startswith("%%{") and "}%%" not in stripped:
                directive = True
                continue
            if not stripped or stripped.startswith("%%"):
                continue
            opened = _ACC_BLOCK.match(stripped)
            if opened:
                block, block_line = [], number
                pending.appendleft((number, opened.group(1)))
                continue
            self._statement(number, stripped)
        if block is not None:
            self.error(block_line, 'accDescr { is never closed with "}"')
        return self.journey

    def _front_matter(self) -> int:
        """Skip YAML front matter at the very start; the 1-based line after it."""
        if not self.lines or self.lines[0].strip() != "---":
            return 1
        for i in range(1, len(self.lines)):
            line = self.lines[i]
            if line.strip() == "---":
                return i + 2
            key = re.match(r"title\s*:\s*(.*)$", line.strip())
            if key and line[:1] not in (" ", "\t"):
                self.journey.front_title = flat(key.group(1).strip().strip("\"'"))
        self.error(1, 'front matter opened with "---" is never closed with "---"')
        return len(self.lines) + 1

    def _header(self, start: int) -> int | None:
        """The line number of the ``journey`` header, or None (with an error)."""
        directive = False
        for n in range(start, len(self.lines) + 1):
            stripped = self.lines[n - 1].strip()
            if directive:
                directive = "}%%" not in stripped
                continue
            if not stripped or stripped.startswith("%%"):
                directive = stripped.startswith("%%{") and "}%%" not in stripped
                continue
            if _HEADER.match(stripped):
                return n
            self.error(n, f'expected "journey" (a Mermaid user-journey diagram), got '
                          f'{shown(stripped)}')
            return None
        if not self.errors:
            self.error(max(1, start), 'the text holds no "journey" diagram')
        return None

    def _set_description(self, line: int, text: str) -> None:
        value = "\n".join(" ".join(decode(part).split()) for part in text.strip().splitlines())
        if len(value) > MAX_TEXT:
            self.error(line, f"accDescr is {len(value):,} characters long, at most "
                             f"{MAX_TEXT:,} allowed")
            return
        self.journey.description = value.strip()

    def _statement(self, n: int, line: str) -> None:
        """One line after the header, comments and blank lines already skipped."""
        for pattern, kind in ((_ACC_TITLE, "acc_title"), (_ACC_DESCR, "acc_descr")):
            match = pattern.match(line)
            if match:
                if kind == "acc_title":
                    self.journey.acc_title = flat(match.group(1))
                else:
                    self._set_description(n, match.group(1))
                return
        text = strip_comment(line).strip()
        if not text:
            return
        if _HEADER.match(text):
            self.error(n, '"journey" may only start the diagram (in a task name write '
                          '#106; for its first letter)')
            return
        title = _TITLE.match(text)
        if title:
            self.journey.title = flat(title.group(1))
            return
        section = _SECTION.match(text)
        if section:
            self._section(n, section.group(1))
            return
        self._task(n, text)

    def _section(self, n: int, raw: str) -> None:
        name = flat(raw)
        if ":" in raw:
            self.error(n, f'a section name cannot hold ":" (write #58;), got {shown(raw)}')
        elif not name:
            self.error(n, "a section needs a name")
        elif len(name) > MAX_NAME:
            self.error(n, f"the section name is {len(name)} characters long, at most "
                          f"{MAX_NAME} allowed")
        elif len(self.journey.sections) > MAX_SHORT_LIST:
            self.error(n, f"more than {MAX_SHORT_LIST} sections; a project holds at most "
                          f"{MAX_SHORT_LIST} stages")
        else:
            self.journey.sections.append(Section(n, name))

    def _task(self, n: int, text: str) -> None:
        parts = text.split(":")
        if len(parts) not in (2, 3) or not parts[0].strip():
            self.error(n, f'expected "Task: score: actors", got {shown(text)}')
            return
        name = flat(parts[0])
        score_text = parts[1].strip()
        if not _SCORE.fullmatch(score_text) or not 1 <= int(score_text) <= 5:
            self.error(n, f"the score must be a whole number from 1 to 5, got "
                          f"{shown(score_text) if score_text else 'nothing'}")
            return
        if len(name) > MAX_NAME:
            self.error(n, f"the task name is {len(name)} characters long, at most "
                          f"{MAX_NAME} allowed")
            return
        actors: list[str] = []
        for raw in (parts[2].split(",") if len(parts) == 3 else []):
            actor = flat(raw)
            if not actor or actor in actors:
                continue
            if len(actor) > MAX_NAME:
                self.error(n, f"the actor name is {len(actor)} characters long, at most "
                              f"{MAX_NAME} allowed")
                return
            if actor not in self.actors and len(self.actors) >= MAX_SHORT_LIST:
                self.error(n, f"more than {MAX_SHORT_LIST} actors; a project holds at most "
                              f"{MAX_SHORT_LIST} personas")
                return
            actors.append(actor)
            self.actors.setdefault(actor)
        if self.tasks >= MAX_ITEMS:
            self.error(n, f"more than {MAX_ITEMS:,} tasks; a project holds at most "
                          f"{MAX_ITEMS:,} touchpoints")
            return
        self.tasks += 1
        self.journey.sections[-1].tasks.append(Task(n, name, int(score_text), actors))


def parse_journey(text: str) -> Journey:
    """The title, description, sections and tasks of a journey text (MermaidSyntaxError)."""
    parser = _Parser(text)
    journey = parser.parse()
    if parser.errors:
        raise MermaidSyntaxError(sorted(parser.errors))
    return journey


def _slug(prefix: str, name: str, taken: set[str], number: int) -> str:
    """A readable, unique id such as ``stage-go-to-work`` (``stage-3`` when nothing is left)."""
    words = _SLUG.sub("-", name.lower()).strip("-")[:40].strip("-")
    base = f"{prefix}-{words}" if words else f"{prefix}-{number}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def columns_for(tasks: int) -> int:
    """Cards per row in an imported stage: one for up to two tasks, then two, then three."""
    return 1 if tasks <= 2 else 2 if tasks <= 8 else 3


def stage_width(tasks: int) -> float:
    """A stage wide enough for ``columns_for(tasks)`` cards side by side."""
    return max(DEFAULT_STAGE_WIDTH, PADDING + columns_for(tasks) * (CARD_WIDTH + PADDING))


def slot(stage: Stage, index: int) -> tuple[float, float]:
    """Where ``free_slot`` puts the ``index``-th card of a cell that is filled in order.

    Same grid as ``journeymapper.slots.free_slot``, computed directly: asking free_slot
    again for every card of a long section costs cubic time (400 tasks took 8 s).
    """
    per_row = max(1, int((stage.width - PADDING) // (CARD_WIDTH + PADDING)))
    col, row = index % per_row, index // per_row
    return (PADDING + col * (CARD_WIDTH + PADDING), PADDING + row * (CARD_HEIGHT + PADDING))


def from_mermaid(text: str, title: str | None = None) -> Project:
    """A new project from Mermaid ``journey`` text; MermaidSyntaxError for malformed lines."""
    journey = parse_journey(text)
    base = new_project()
    sections = journey.sections
    if len(sections) > 1:
        # Tasks before the first section open the first stage.
        sections[1].tasks[:0] = sections[0].tasks
        sections = sections[1:]
        taken: set[str] = set()
        stages = [Stage(id=_slug("stage", s.name or "", taken, i + 1), name=s.name or "",
                        color=STAGE_COLORS[i % len(STAGE_COLORS)], width=stage_width(len(s.tasks)))
                  for i, s in enumerate(sections)]
    else:
        stages = [stage.model_copy(update={"width": stage_width(len(sections[0].tasks))})
                  if i == 0 else stage for i, stage in enumerate(base.stages)]
    lane = next(lane for lane in base.lanes if lane.kind is LaneKind.TOUCHPOINTS)

    taken = set()
    personas = [Persona(id=_slug("persona", name, taken, i + 1), name=name,
                        color=PERSONA_COLORS[i % len(PERSONA_COLORS)])
                for i, name in enumerate(_actor_order(sections))]
    persona_of = {p.name: p.id for p in personas}
    everyone = set(persona_of)

    touchpoints: list[Touchpoint] = []
    for stage, section in zip(stages, sections, strict=False):
        for i, task in enumerate(section.tasks):
            x, y = slot(stage, i)
            ids = [] if set(task.actors) == everyone else [persona_of[a] for a in task.actors]
            touchpoints.append(Touchpoint(
                id=f"tp-{len(touchpoints) + 1}", name=task.name, stage_id=stage.id,
                lane_id=lane.id, emotion=task.score + SCORE_TO_EMOTION, persona_ids=ids,
                x=x, y=y))

    name = (title or "").strip() or journey.title or journey.front_title or journey.acc_title \
        or DEFAULT_TITLE
    return Project(title=name[:MAX_NAME].strip(), description=journey.description,
                   scoring=default_scoring(), stages=stages, lanes=base.lanes,
                   personas=personas, touchpoints=touchpoints)


def _actor_order(sections: list[Section]) -> list[str]:
    seen: dict[str, None] = {}
    for section in sections:
        for task in section.tasks:
            for actor in task.actors:
                seen.setdefault(actor)
    return list(seen)
