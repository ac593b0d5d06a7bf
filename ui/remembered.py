"""What the window remembers between runs in the user's settings, keyed so that it cannot leak across data folders."""

from __future__ import annotations

import hashlib

from resettle.store.paths import data_dir


def last_database_key() -> str:
    """The settings key of the last database used: one per data folder, so that a new
    ``RESETTLE_DATA_DIR`` (another office, a test, a demo) never reopens another folder's file."""
    folder = str(data_dir().resolve())
    return "last_database_by_data_dir/" + hashlib.sha256(folder.encode("utf-8")).hexdigest()[:16]
