"""The one household read model: what a household is, as every layer reads and writes it.

The editor, the importer, the exports, the documents and the compensation facts all use
these dataclasses; the ORM rows map to and from them in one place
(:mod:`resettle.services.register.mapping`). A new member field goes here, in the model and
migration, in that mapper, and in the widgets that show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from resettle.domain.mask import mask

EDUCATION_LEVELS = ("小学", "初中", "高中/中专", "大专", "本科及以上")  # 文化程度, as survey forms list them


@dataclass(frozen=True)
class PersonData:
    name: str
    id_number: str = ""
    relation: str = ""
    sex: str = ""
    birth_date: date | None = None
    hukou_type: str = "农业"
    resettled: bool = True
    id: int | None = None
    education: str = ""  # 文化程度: one of EDUCATION_LEVELS, or "" when not surveyed

    @property
    def id_masked(self) -> str:
        """The ID as every public list shows it (resettle.domain.mask)."""
        return mask(self.id_number, "id")


@dataclass(frozen=True)
class ParcelData:
    land_class: str
    area_mu: Decimal
    parcel_no: str = ""
    contract_no: str = ""
    id: int | None = None


@dataclass(frozen=True)
class StructureData:
    structure_type: str
    floor_area_m2: Decimal
    use: str = "住宅"
    legal_status: str = "合法"
    year_built: int | None = None
    decoration_value: Decimal = Decimal("0.00")
    id: int | None = None


@dataclass(frozen=True)
class AttachmentData:
    kind: str
    quantity: Decimal
    unit: str = ""
    spec: str = ""
    id: int | None = None


@dataclass(frozen=True)
class HouseholdData:
    """What a clerk enters for one household (the editor's content)."""

    household_no: str
    group_id: int
    head_name: str
    phone: str = ""
    address: str = ""
    bank_name: str = ""
    bank_account: str = ""
    tags: str = ""
    status: str = "已调查"
    remarks: str = ""
    persons: tuple[PersonData, ...] = ()
    parcels: tuple[ParcelData, ...] = ()
    structures: tuple[StructureData, ...] = ()
    attachments: tuple[AttachmentData, ...] = ()
