"""Imports every model module so that ``Base.metadata`` is complete (migrations, checks)."""

from __future__ import annotations

from resettle.store import (
    accounts_models,
    compensation_models,
    document_models,
    housing_models,
    livelihood_models,
    models,
    procedure_models,
)

__all__ = [
    "accounts_models",
    "compensation_models",
    "document_models",
    "housing_models",
    "livelihood_models",
    "models",
    "procedure_models",
]
