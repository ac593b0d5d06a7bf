"""The migration scripts' revisions read from their text, without Alembic or SQLAlchemy: opening a
current register never loads them, and the window's first view (before the store opens) knows the
head too."""

from __future__ import annotations

import functools
import re
from pathlib import Path

_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*["']([0-9A-Za-z_]+)["']\s*$""", re.M)
_DOWN_REVISION = re.compile(r"""^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|["']([0-9A-Za-z_]+)["'])\s*$""", re.M)


@functools.cache
def read_scripts(folder: Path) -> tuple[str, frozenset[str]] | None:
    """(head, every revision) from the migration files' text, without importing Alembic (opening a
    current register then never loads it). None when a file does not say its revisions as plain
    literals, or the chain has no single head: then Alembic reads the scripts itself."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((folder / "versions").glob("*.py")):
        if script.name == "__init__.py":
            continue
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = revisions - parents
    if len(heads) != 1 or not parents <= revisions:
        return None
    return next(iter(heads)), frozenset(revisions)
