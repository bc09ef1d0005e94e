"""Undoable version operations: switch, save a copy, rename, delete; and the removal cascade.

The project's own lists are the active version; ``project.versions`` holds the others (see
``journeymapper.model.version``). Switching swaps the active lists with a stored snapshot in
place, so the ids follow their content and undo swaps back to exactly the same bytes. Views
rebuild from ``project_replaced`` (``Document.content_replaced``), as when a file is opened,
but the undo history stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from journeymapper.document.commands import SetFields
from journeymapper.model import MapVersion, new_id
from journeymapper.model.version import CONTENT_FIELDS, MAX_VERSIONS

if TYPE_CHECKING:
    from journeymapper.document.document import Document


def _edit_error(message: str) -> Exception:
    from journeymapper.document.document import EditError

    return EditError(message)


def swap_active(doc: Document, version_id: str) -> str:
    """Low level (commands only): make a stored version active, storing the active map at its
    place in the list; returns the id of the version that was active."""
    p = doc.project
    index = next(i for i, v in enumerate(p.versions) if v.id == version_id)
    stored = p.versions[index]
    # The lists move, they are not copied: a switch is instant even for a big map.
    p.versions[index] = MapVersion.model_construct(
        id=p.version_id, name=p.version_name, **{n: getattr(p, n) for n in CONTENT_FIELDS})
    previous = p.version_id
    for name in CONTENT_FIELDS:
        setattr(p, name, getattr(stored, name))
    p.version_id, p.version_name = stored.id, stored.name
    doc.content_replaced()
    return previous


class SwitchVersion(QUndoCommand):
    """Make a stored version the active map; undo makes the previous one active again."""

    def __init__(self, doc: Document, version_id: str) -> None:
        version = doc.project.find_version(version_id)
        assert version is not None
        super().__init__(f"Switch to version '{version.name}'")
        self.doc, self.target, self.previous = doc, version_id, ""

    def redo(self) -> None:
        self.previous = swap_active(self.doc, self.target)

    def undo(self) -> None:
        swap_active(self.doc, self.previous)


def switch_version(doc: Document, version_id: str) -> bool:
    """Make a stored version the active map (one undo step); False when it already is."""
    if version_id == doc.project.version_id:
        return False
    if all(v.id != version_id for v in doc.project.versions):
        raise _edit_error(f"there is no version {version_id!r}")
    doc.undo_stack.push(SwitchVersion(doc, version_id))
    return True


def _set_versions(doc: Document, versions: list[MapVersion], text: str) -> None:
    if len(versions) > MAX_VERSIONS:
        raise _edit_error(f"a project keeps at most {MAX_VERSIONS} versions besides the "
                          f"active one; delete one first")
    doc.push_all(text, [SetFields(doc, "project", "", {"versions": versions})])


def _checked_name(name: str) -> str:
    from journeymapper.document.document import field_adapter

    try:
        return str(field_adapter(MapVersion, "name").validate_python(name))
    except ValueError:
        raise _edit_error("a version needs a name of at most 200 characters") from None


def save_as_version(doc: Document, name: str) -> str:
    """Store a copy of the active map as a new version named ``name`` (the active map stays
    active); one undo step. Returns the new version's id."""
    p = doc.project
    name = _checked_name(name)
    taken = {p.version_id, *(v.id for v in p.versions)}
    version = MapVersion(id=new_id("version", taken), name=name,
                         **{n: [x.model_copy(deep=True) for x in getattr(p, n)]
                            for n in CONTENT_FIELDS})
    _set_versions(doc, [*p.versions, version], f"Save version '{name}'")
    return version.id


def rename_version(doc: Document, version_id: str, name: str) -> bool:
    """Rename the active or a stored version; one undo step (False when nothing changes)."""
    p = doc.project
    name = _checked_name(name)
    if version_id == p.version_id:
        if name == p.version_name:
            return False
        doc.push_all(f"Rename version to '{name}'",
                     [SetFields(doc, "project", "", {"version_name": name})])
        return True
    index = next((i for i, v in enumerate(p.versions) if v.id == version_id), None)
    if index is None:
        raise _edit_error(f"there is no version {version_id!r}")
    if p.versions[index].name == name:
        return False
    versions = list(p.versions)
    versions[index] = versions[index].model_copy(update={"name": name})
    _set_versions(doc, versions, f"Rename version to '{name}'")
    return True


def delete_version(doc: Document, version_id: str) -> None:
    """Delete a stored version (one undo step); the active map cannot be deleted."""
    p = doc.project
    if version_id == p.version_id:
        raise _edit_error("the active version cannot be deleted; switch to another one first")
    version = next((v for v in p.versions if v.id == version_id), None)
    if version is None:
        raise _edit_error(f"there is no version {version_id!r}")
    _set_versions(doc, [v for v in p.versions if v.id != version_id],
                  f"Delete version '{version.name}'")


def version_cascade(doc: Document, personas: Iterable[str],
                    criteria: Iterable[str]) -> list[QUndoCommand]:
    """Commands that make stored versions forget removed personas and criteria (shared by all
    versions): touchpoints drop them, links for a removed persona go. Empty when none uses
    them."""
    gone_personas, gone_criteria = set(personas), set(criteria)
    if not (gone_personas or gone_criteria) or not doc.project.versions:
        return []
    changed = False
    versions: list[MapVersion] = []
    for version in doc.project.versions:
        update: dict[str, Any] = {}
        touchpoints = []
        for tp in version.touchpoints:
            fields: dict[str, Any] = {}
            if gone_personas & set(tp.persona_ids):
                fields["persona_ids"] = [x for x in tp.persona_ids if x not in gone_personas]
            if gone_criteria & tp.scores.keys():
                fields["scores"] = {k: v for k, v in tp.scores.items() if k not in gone_criteria}
            touchpoints.append(tp.model_copy(update=fields) if fields else tp)
            if fields:
                update["touchpoints"] = touchpoints
        links = [ln for ln in version.links if ln.persona_id not in gone_personas]
        if len(links) != len(version.links):
            update["links"] = links
        if update:
            update["touchpoints"] = touchpoints
            changed = True
            versions.append(version.model_copy(update=update))
        else:
            versions.append(version)
    if not changed:
        return []
    return [SetFields(doc, "project", "", {"versions": versions})]
