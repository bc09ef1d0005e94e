"""Project files: load and save JSON atomically, migrations, clear errors (no Qt)."""

from journeymapper.io.errors import ProjectFileError
from journeymapper.io.files import MAX_FILE_BYTES, atomic_write, dumps, load, parse, save
from journeymapper.io.schema import project_schema, schema_text

__all__ = ["MAX_FILE_BYTES", "ProjectFileError", "atomic_write", "dumps", "load", "parse",
           "project_schema", "save", "schema_text"]
