"""The JSON Schema of project files, generated from the pydantic model."""

from __future__ import annotations

import json

from journeymapper.model import Project


def project_schema() -> dict[str, object]:
    """JSON Schema (draft 2020-12) of a project file."""
    schema = Project.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Journeymapper project"
    return schema


def schema_text() -> str:
    """The schema as stable, pretty JSON text."""
    return json.dumps(project_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
