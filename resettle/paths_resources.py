"""One helper for every path to a bundled resource, from source and when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``resettle/``: the checkout, or the frozen build's
    ``_internal`` folder (``sys._MEIPASS``; ``packaging/resettle.spec`` puts the files there)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_root() -> Path:
    return bundle_root() / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def migrations_path() -> Path:
    """Alembic's script folder (``resettle/store/migrations``): read as source files, also when frozen."""
    return bundle_root() / "resettle" / "store" / "migrations"
