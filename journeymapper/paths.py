"""Where the bundled resources, examples and templates live (no Qt)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
EXAMPLES = ROOT / "examples"
TEMPLATES = RESOURCES / "templates"
SCHEMA_FILE = RESOURCES / "project.schema.json"


def template_files() -> dict[str, Path]:
    """Bundled templates by name: ``resources/templates/NAME.json``."""
    return {p.stem: p for p in sorted(TEMPLATES.glob("*.json"))}
