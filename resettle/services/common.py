"""Service patterns every area shares: load a row or say it is missing, check a row version, copy a row into its view.

Lower than any area package (it imports only the store and the errors), so each area's own
``common`` may build on it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy.orm import Session

from resettle.errors import Cancelled, ConflictError, NotFoundError, ValidationError
from resettle.store.models import Project

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = [
    "CancelCheck",
    "Progress",
    "audit_reason",
    "check_cancel",
    "check_version",
    "project_of",
    "row_of",
    "view_of",
]

Progress = Callable[[int, int], None] | None
CancelCheck = Callable[[], bool] | None

T = TypeVar("T")
V = TypeVar("V")


def check_cancel(cancelled: CancelCheck) -> None:
    """Raise :class:`resettle.errors.Cancelled` when the clerk has asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled()


def row_of(s: Session, model: type[T], row_id: int | None, missing: str) -> T:
    """The row ``row_id`` of ``model``, or NotFoundError(``missing``)."""
    row = s.get(model, row_id) if row_id is not None else None
    if row is None:
        raise NotFoundError(missing)
    return row


def project_of(s: Session, project_id: int) -> Project:
    """The project, or NotFoundError naming its number."""
    return row_of(s, Project, project_id, f"项目 {project_id} 不存在。")


def check_version(current: int, expected: int | None, conflict: str) -> None:
    """ConflictError(``conflict``) when the row changed since the clerk read it at version ``expected``."""
    if expected is not None and current != expected:
        raise ConflictError(conflict)


def audit_reason(reason: str, what: str, missing: str = "", field: str = "原因") -> str:
    """The write's reason for the audit log (``what：reason``); refused when the clerk gave none."""
    if not reason.strip():
        raise ValidationError(missing or f"{what}须写明原因。", field=field)
    return f"{what}：{reason.strip()}"


def view_of(view: type[V], source: object, /, **given: Any) -> V:
    """The frozen view (a dataclass) of ``source`` (a row): each field read from the attribute of the same name.

    ``given`` fills the fields the row does not hold (or holds under another name); a field
    with a default that the row lacks keeps its default."""
    values = dict(given)
    for name in _field_names(view):
        if name not in values and hasattr(source, name):
            values[name] = getattr(source, name)
    return view(**values)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(view: type) -> tuple[str, ...]:
    names = _FIELDS.get(view)
    if names is None:
        names = _FIELDS[view] = tuple(f.name for f in dataclasses.fields(cast("type[DataclassInstance]", view)))
    return names
