"""Project files: load and save JSON atomically, migrations, clear errors (no Qt)."""

from journeymapper.io.atomic import SaveError, atomic_open
from journeymapper.io.errors import ProjectFileError
from journeymapper.io.files import (
    MAX_FILE_BYTES,
    atomic_write,
    dumps,
    load,
    parse,
    read_bytes,
    save,
)
from journeymapper.io.migrations import NewerSchemaError
from journeymapper.io.schema import project_schema, schema_text

__all__ = ["MAX_FILE_BYTES", "NewerSchemaError", "ProjectFileError", "SaveError", "atomic_open",
           "atomic_write", "dumps", "load", "parse", "project_schema", "read_bytes", "save",
           "schema_text"]
