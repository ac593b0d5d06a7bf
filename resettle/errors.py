"""Typed errors the clerk sees as plain messages (in Chinese); anything else is a bug."""

from __future__ import annotations


class ResettleError(Exception):
    """A known, expected refusal. ``message`` is shown to the clerk as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(ResettleError):
    """Input that breaks a rule; ``field`` names the place when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(ResettleError):
    pass


class ConflictError(ResettleError):
    """Another save changed the record since it was read.

    ``changes`` lists (field, value seen when read, value now stored) so the clerk can see
    what the other save did.
    """

    def __init__(self, message: str, changes: list[tuple[str, str, str]] | None = None) -> None:
        super().__init__(message)
        self.changes = changes or []


class LockedError(ResettleError):
    """The database is open in another instance or busy."""


class DiskFullError(ResettleError):
    pass


class DatabaseVersionError(ResettleError):
    """The file was written by a newer version of the program."""


class IntegrityProblem(ResettleError):
    """A check found damage (integrity, foreign keys, audit chain)."""


class PermissionDenied(ResettleError):
    """The logged-in account's role may not do this (checked in the service layer)."""


class Cancelled(ResettleError):
    """The clerk cancelled a long job; nothing of it was kept."""

    def __init__(self, message: str = "已取消，未保存任何改动。") -> None:
        super().__init__(message)
