"""The one mapper between the ORM rows and the household read model (resettle.domain.household).

``detail_of`` reads a stored household into the read model; ``write_into`` writes the read
model onto the ORM rows (members, parcels, structures and attachments matched by id).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session, selectinload

from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.pinyin import initials
from resettle.services.common import view_of
from resettle.services.register.records import HouseholdDetail
from resettle.store.models import (
    Attachment,
    Household,
    LandParcel,
    Person,
    Structure,
    VillageGroup,
)

CHILDREN = ("persons", "parcels", "structures", "attachments")
SCALARS = tuple(f.name for f in fields(HouseholdData) if f.name not in CHILDREN)  # household_no, group_id, head_name …


def whole_household() -> tuple[Any, ...]:
    """Loader options for a household with everything its detail shows (members … group and village)."""
    return (
        selectinload(Household.persons),
        selectinload(Household.parcels),
        selectinload(Household.structures),
        selectinload(Household.attachments),
        selectinload(Household.group).selectinload(VillageGroup.village),
    )


def detail_of(h: Household) -> HouseholdDetail:
    """The one mapper from the ORM: each field read from the column of the same name."""
    data = view_of(
        HouseholdData,
        h,
        persons=tuple(view_of(PersonData, p) for p in h.persons),
        parcels=tuple(view_of(ParcelData, x) for x in h.parcels),
        structures=tuple(view_of(StructureData, x) for x in h.structures),
        attachments=tuple(view_of(AttachmentData, x) for x in h.attachments),
    )
    return HouseholdDetail(
        id=h.id,
        version=h.version,
        project_id=h.project_id,
        village_id=h.group.village_id,
        village=h.group.village.name,
        group=h.group.name,
        data=data,
    )


def _apply_scalars(target: Any, source: Any, names: Sequence[str]) -> None:
    for name in names:
        value = getattr(source, name)
        if getattr(target, name) != value:
            setattr(target, name, value)


def _sync_children(
    existing: list[Any], wanted: tuple[Any, ...], factory: type[Any], s: Session, extra: dict[str, Any]
) -> None:
    """Update children matched by id, add new ones, remove the ones no longer listed."""
    wanted_ids = {item.id for item in wanted if item.id is not None}
    gone = [c for c in existing if c.id not in wanted_ids]
    if gone:
        # Deleted first (the ORM flushes inserts before deletes): a member removed and entered
        # again in one edit would otherwise collide with its own ID number.
        existing[:] = [c for c in existing if c.id in wanted_ids]
        for obj in gone:
            s.delete(obj)
        s.flush()
    by_id = {c.id: c for c in existing}
    names = [f.name for f in fields(wanted[0])] if wanted else []
    names = [n for n in names if n != "id"]
    keep: list[Any] = []
    for seq, item in enumerate(wanted, start=1):
        obj = by_id.pop(item.id, None) if item.id is not None else None
        if obj is None:
            obj = factory(**{n: getattr(item, n) for n in names}, seq=seq, **extra)
        else:
            _apply_scalars(obj, item, names)
            if obj.seq != seq:
                obj.seq = seq
        keep.append(obj)
    existing[:] = keep


def _release_changing_ids(s: Session, h: Household, data: HouseholdData) -> None:
    """Members whose ID numbers change (e.g. two swapped) would meet the unique index mid-flush.

    Their stored numbers are blanked first in the same transaction; the ORM then writes the new
    ones, so the audit trail records old → new exactly once and the row seals are recomputed."""
    wanted = {p.id: p.id_number for p in data.persons if p.id is not None}
    changing = [p.id for p in h.persons if p.id in wanted and wanted[p.id] != p.id_number and p.id_number]
    if len(changing) > 0 and any(wanted[pid] in {q.id_number for q in h.persons if q.id != pid} for pid in changing):
        s.execute(update(Person).where(Person.id.in_(changing)).values(id_number=""),
                  execution_options={"synchronize_session": False})  # fmt: skip


def write_into(s: Session, h: Household, data: HouseholdData) -> None:
    """Copy validated data onto a loaded household and its children (inside the caller's transaction)."""
    _apply_scalars(h, data, SCALARS)
    h.head_initials = initials(data.head_name)
    h.updated_at = datetime.now()
    _release_changing_ids(s, h, data)
    _sync_children(h.persons, data.persons, Person, s, {})
    for p in h.persons:
        want = initials(p.name)
        if p.name_initials != want:
            p.name_initials = want
    _sync_children(h.parcels, data.parcels, LandParcel, s, {})
    _sync_children(h.structures, data.structures, Structure, s, {})
    _sync_children(h.attachments, data.attachments, Attachment, s, {})
