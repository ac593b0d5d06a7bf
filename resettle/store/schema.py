"""Imports every model module so that ``Base.metadata`` is complete (migrations, checks)."""

from __future__ import annotations

from resettle.store import compensation_models, document_models, models

__all__ = ["compensation_models", "document_models", "models"]
