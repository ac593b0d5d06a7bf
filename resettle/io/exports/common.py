"""What the household workbooks share: the row they take, what they return, progress and cancel.

The rows are built by :mod:`resettle.services.register.exports` (one raw read per chunk of
households) and are tuples on purpose: a roster of 100,000 households makes hundreds of
thousands of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from resettle.domain.head import head_member
from resettle.errors import Cancelled as CancelledError
from resettle.pace import let_the_window_in

__all__ = [
    "Cancelled",
    "ExportCancelled",
    "ExportInfo",
    "Progress",
    "RosterAttachment",
    "RosterHousehold",
    "RosterPerson",
    "Ticker",
    "quantity_text",
    "stamp_text",
]

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

ExportCancelled = CancelledError  # the one cancellation error (issue 9); the old name stays for callers


class RosterPerson(NamedTuple):  # a tuple: hundreds of thousands are made per export
    name: str
    relation: str
    sex: str
    id_number: str
    birth_date: date | None


class RosterAttachment(NamedTuple):
    kind: str
    quantity: Decimal
    unit: str
    spec: str = ""


class RosterHousehold(NamedTuple):  # a tuple: cheap to build a hundred thousand times
    household_no: str
    head_name: str
    village: str
    group: str
    phone: str = ""
    bank_name: str = ""
    bank_account: str = ""
    remarks: str = ""
    persons: tuple[RosterPerson, ...] = ()
    parcels: tuple[tuple[str, Decimal], ...] = ()  # (land class, 亩)
    structures: tuple[tuple[str, Decimal], ...] = ()  # (structure type, ㎡)
    attachments: tuple[RosterAttachment, ...] = ()
    # One-row lists need only these two; a loader may give them instead of ``persons``.
    members: int | None = None
    head_id_number: str | None = None
    address: str = ""  # 家庭住址 (last: the loader builds these positionally)

    @property
    def person_count(self) -> int:
        return self.members if self.members is not None else len(self.persons)

    @property
    def head_id(self) -> str:
        """The head's ID number (resettle.domain.head)."""
        if self.head_id_number is not None:
            return self.head_id_number
        head = head_member(self.persons, self.head_name, lambda p: p.name, lambda p: p.relation)
        return head.id_number if head is not None else ""

    @property
    def land_mu(self) -> Decimal:
        return sum((area for _, area in self.parcels), Decimal("0.00"))

    @property
    def floor_area_m2(self) -> Decimal:
        return sum((area for _, area in self.structures), Decimal("0.00"))


@dataclass
class ExportInfo:
    path: Path
    sheets: list[str] = field(default_factory=list)
    households: int = 0
    persons: int = 0
    rows: int = 0
    total: Decimal = Decimal("0.00")


class Ticker:
    """Progress every ``every`` households and a cancel check at the same moments."""

    def __init__(self, total: int, progress: Progress, cancelled: Cancelled, every: int = 200) -> None:
        self.total, self.progress, self.cancelled, self.every = total, progress, cancelled, every
        self.done = 0

    def tick(self) -> None:
        self.done += 1
        let_the_window_in()  # a window repainting beside the export gets the interpreter (resettle.pace)
        if self.done % self.every == 0:
            if self.cancelled is not None and self.cancelled():
                raise CancelledError("导出已取消，未生成文件")
            if self.progress is not None:
                self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def quantity_text(value: Decimal) -> str:
    """``35.00`` -> ``35``, ``2.50`` -> ``2.5`` (never ``3.5E+1``)."""
    return format(value.normalize(), "f")


def stamp_text(when: datetime | None) -> str:
    return (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
