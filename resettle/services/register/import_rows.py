"""The survey's households as the register stores them: one mapper into the household read
model (:func:`to_data`) and the stored rows of a new household for the bulk writer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.pinyin import initials
from resettle.io.survey import SurveyHousehold
from resettle.services.register.records import HouseholdDetail
from resettle.store.bulk import BulkWriter

__all__ = ["SURVEY_ATTACHMENT_KINDS", "add_survey_household", "to_data"]

# Attachment kinds a survey sheet carries (the reader's 果树 column).
SURVEY_ATTACHMENT_KINDS = frozenset({"果树"})


def to_data(h: SurveyHousehold, group_id: int, existing: HouseholdDetail | None = None) -> HouseholdData:
    """The survey's household as service data; fields the survey does not carry keep their stored values.

    The survey's land, houses and trees already are the domain's ParcelData / StructureData /
    AttachmentData; a new household takes them as they are."""
    old = existing.data if existing else None
    old_persons = {p.id_number: p for p in old.persons if p.id_number} if old else {}
    persons = []
    for p in h.persons:
        prev = old_persons.get(p.id_number)
        persons.append(
            PersonData(
                id=prev.id if prev else None,
                name=p.name,
                id_number=p.id_number,
                relation=p.relation,
                sex=p.sex or "",
                birth_date=p.birth_date,
                hukou_type=prev.hukou_type if prev else "农业",
                education=prev.education if prev else "",
                resettled=prev.resettled if prev else True,
            )
        )
    if old is None:
        return HouseholdData(
            household_no=h.household_no,
            group_id=group_id,
            head_name=h.head,
            phone=h.phone,
            address=h.address,
            bank_name=h.bank_name,
            bank_account=h.bank_account,
            remarks=h.remarks,
            persons=tuple(persons),
            parcels=tuple(h.parcels),
            structures=tuple(h.structures),
            attachments=tuple(h.attachments),
        )

    def kept(items: tuple[object, ...], i: int) -> object | None:
        return items[i] if old and i < len(items) else None

    parcels = []
    for i, x in enumerate(h.parcels):
        prev_p = kept(old.parcels, i) if old else None
        parcels.append(
            replace(prev_p, land_class=x.land_class, area_mu=x.area_mu)
            if isinstance(prev_p, ParcelData)
            else ParcelData(land_class=x.land_class, area_mu=x.area_mu)
        )
    structures = []
    for i, s in enumerate(h.structures):
        prev_s = kept(old.structures, i) if old else None
        structures.append(
            replace(prev_s, structure_type=s.structure_type, floor_area_m2=s.floor_area_m2)
            if isinstance(prev_s, StructureData)
            else StructureData(structure_type=s.structure_type, floor_area_m2=s.floor_area_m2)
        )
    # A survey sheet only carries some kinds of attachment (its 果树 column); the others (wells,
    # walls …) stay as stored, in place, and the survey's items replace stored ones of their kinds.
    carried = SURVEY_ATTACHMENT_KINDS | {a.kind for a in h.attachments}
    incoming = list(h.attachments)
    attachments: list[AttachmentData] = []
    for prev_a in old.attachments if old else ():
        if prev_a.kind not in carried:
            attachments.append(prev_a)
        elif incoming:
            a = incoming.pop(0)
            attachments.append(replace(prev_a, kind=a.kind, quantity=a.quantity, unit=a.unit))
    attachments += [AttachmentData(kind=a.kind, quantity=a.quantity, unit=a.unit) for a in incoming]
    base = old or HouseholdData(household_no=h.household_no, group_id=group_id, head_name=h.head)
    return replace(
        base,
        household_no=h.household_no,
        group_id=group_id,
        head_name=h.head,
        phone=h.phone,
        address=h.address if h.address or not old else old.address,  # a sheet without addresses keeps them
        bank_name=h.bank_name,
        bank_account=h.bank_account,
        remarks=h.remarks if h.remarks or not old else old.remarks,
        persons=tuple(persons),
        parcels=tuple(parcels),
        structures=tuple(structures),
        attachments=tuple(attachments),
    )


_HOUSEHOLD = ("project_id", "group_id", "household_no", "head_name", "head_initials", "phone", "address",
              "bank_name", "bank_account", "tags", "status", "remarks", "batch_id", "updated_at")  # fmt: skip
_PERSON = ("household_id", "seq", "name", "name_initials", "id_number", "relation", "sex", "birth_date",
           "hukou_type", "education", "resettled")  # fmt: skip
_PARCEL = ("household_id", "seq", "parcel_no", "land_class", "area_mu", "contract_no")
_STRUCTURE = ("household_id", "seq", "use", "structure_type", "floor_area_m2", "legal_status", "year_built",
              "decoration_value")  # fmt: skip
_ATTACHMENT = ("household_id", "seq", "kind", "spec", "quantity", "unit")


@lru_cache(maxsize=65536)
def _initials(name: str) -> str:
    """:func:`initials`, once per distinct name (a survey repeats given names and surnames)."""
    return initials(name)


def _scaled(value: Decimal, places: int) -> int:
    return int(value.scaleb(places).to_integral_value())


# What a new household and member take when the survey does not say (the read model's own defaults).
_NEW_HOUSEHOLD = HouseholdData(household_no="", group_id=0, head_name="")
_NEW_PERSON = PersonData(name="")


def add_survey_household(writer: BulkWriter, project_id: int, group_id: int, batch_id: int, h: SurveyHousehold) -> None:
    """A new household's rows straight from the survey into the writer's row layouts: what
    :func:`to_data` makes of it, stored (tested against it), without building the read model in between
    (no frozen dataclass per member and per household)."""
    tags, status = _NEW_HOUSEHOLD.tags, _NEW_HOUSEHOLD.status
    hid = writer.add_stored(
        "household",
        writer.layout("household", _HOUSEHOLD)(
            (project_id, group_id, h.household_no, h.head, _initials(h.head), h.phone, h.address, h.bank_name,
             h.bank_account, tags, status, h.remarks, batch_id, None)
        ),
    )  # fmt: skip
    add = writer.add_stored
    person = writer.layout("person", _PERSON)
    hukou, education, resettled = _NEW_PERSON.hukou_type, _NEW_PERSON.education, 1 if _NEW_PERSON.resettled else 0
    seq = 0
    for p in h.persons:
        seq += 1
        birth = p.birth_date.isoformat() if p.birth_date else None
        add("person", person((hid, seq, p.name, _initials(p.name), p.id_number, p.relation, p.sex or "", birth,
                              hukou, education, resettled)))  # fmt: skip
    _add_items(writer, hid, h.parcels, h.structures, h.attachments)
    writer.created(hid, f"户号 {h.household_no}，户主 {h.head}，{seq} 人")


def _add_items(
    writer: BulkWriter,
    hid: int,
    parcels: Sequence[ParcelData],
    structures: Sequence[StructureData],
    attachments: Sequence[AttachmentData],
) -> None:
    add = writer.add_stored
    if parcels:
        parcel = writer.layout("land_parcel", _PARCEL)
        for seq, x in enumerate(parcels, start=1):
            add("land_parcel", parcel((hid, seq, x.parcel_no, x.land_class, _scaled(x.area_mu, 4), x.contract_no)))
    if structures:
        structure = writer.layout("structure", _STRUCTURE)
        for seq, st in enumerate(structures, start=1):
            add("structure", structure((hid, seq, st.use, st.structure_type, _scaled(st.floor_area_m2, 2),
                                        st.legal_status, st.year_built, _scaled(st.decoration_value, 2))))  # fmt: skip
    if attachments:
        attachment = writer.layout("attachment", _ATTACHMENT)
        for seq, a in enumerate(attachments, start=1):
            add("attachment", attachment((hid, seq, a.kind, a.spec, _scaled(a.quantity, 2), a.unit)))
