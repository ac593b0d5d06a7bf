from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """Printing needs a QGuiApplication; pytest-qt's QApplication serves (and keeps widget tests working)."""
