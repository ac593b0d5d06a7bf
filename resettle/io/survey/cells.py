"""The household's own cells on a row: phone, address, bank, remarks, land, houses, trees.

A household's cells are usually written once (often merged down over its member rows);
a sheet that repeats them on every member row gives the same values again, which are
then not counted twice. A different value for a field read once is a warning naming both.
"""

from __future__ import annotations

from decimal import Decimal

from resettle.domain.area import M2_WORDS, MU_WORDS, m2_to_mu
from resettle.domain.contacts import check_bank_account, check_phone
from resettle.domain.household import ParcelData, StructureData
from resettle.domain.ids import ID_AS_NUMBER_MESSAGE
from resettle.io.grid import CellValue
from resettle.io.headers import field_label
from resettle.io.survey.sheet import HouseholdState, SheetContext
from resettle.io.values import (
    CellProblem,
    clean_text,
    compact,
    display,
    is_placeholder,
    parse_count,
    parse_quantity_cell,
)

__all__ = ["add_remark", "read_household_cells"]

_TREE_UNITS = ("棵", "株")


def read_household_cells(ctx: SheetContext, r: int, household: HouseholdState) -> None:
    once = r in ctx.household_cell_rows  # else every field read once per household is blank on this row
    if once:
        _read_once_cells(ctx, r, household)
    _read_parcel(ctx, r, household)
    _read_structure(ctx, r, household)
    if once:
        _read_trees(ctx, r, household)
    for key in ctx.wide:
        _read_wide(ctx, r, key, household)


def _read_once_cells(ctx: SheetContext, r: int, household: HouseholdState) -> None:
    phone = ctx.own(r, "phone")
    if not is_placeholder(phone):
        check = check_phone(phone)  # the editor's rule too (resettle.domain.contacts)
        if check.ok:
            _set_once(ctx, r, "phone", phone, household, "phone", check.normalized)
        else:
            ctx.issue(r, "phone", phone, "；".join(check.errors), "bad_phone", "error")
    address = ctx.own(r, "address")
    if not is_placeholder(address):
        _set_once(ctx, r, "address", address, household, "address", clean_text(address))
    bank_name = ctx.own(r, "bank_name")
    if not is_placeholder(bank_name):
        _set_once(ctx, r, "bank_name", bank_name, household, "bank_name", clean_text(bank_name))
    account = ctx.own(r, "bank_account")
    if not is_placeholder(account):
        _read_account(ctx, r, account, household)
    remarks = ctx.own(r, "remarks")
    if remarks is not None:
        add_remark(household, remarks)


def add_remark(household: HouseholdState, value: CellValue) -> None:
    text = clean_text(value)
    record = household.record
    if text and text not in record.remarks.split("；"):
        record.remarks = f"{record.remarks}；{text}" if record.remarks else text


def _set_once(
    ctx: SheetContext, r: int, key: str, value: CellValue, household: HouseholdState, attribute: str, text: str
) -> None:
    record = household.record
    existing = getattr(record, attribute)
    if not existing:
        setattr(record, attribute, text)
    elif existing != text:
        ctx.issue(
            r,
            key,
            value,
            f"该户已有{field_label(key)}「{existing}」，本行的「{display(value)}」未导入",
            "conflicting_value",
            "warning",
        )


def _read_account(ctx: SheetContext, r: int, value: CellValue, household: HouseholdState) -> None:
    check = check_bank_account(value)
    if not check.ok:
        message = "；".join(check.errors)
        if message == ID_AS_NUMBER_MESSAGE:
            message = f"银行账号被 Excel 存成了数字（{display(value)}），末几位可能已丢失；请把该列设为文本后重新录入"
        ctx.issue(r, "bank_account", value, message, "bad_account")
        return
    for warning in check.warnings:
        ctx.issue(r, "bank_account", value, warning, "bad_account", "warning")
    _set_once(ctx, r, "bank_account", value, household, "bank_account", check.normalized)


def _land_m2_as_mu(value: CellValue) -> Decimal | None:
    m2 = parse_quantity_cell(value, M2_WORDS)
    return None if m2 is None else m2_to_mu(m2, places=4)


def _quantity(ctx: SheetContext, r: int, key: str, unit_words: tuple[str, ...], kind: str) -> Decimal | None:
    value = ctx.own(r, key)
    if value is None:
        return None
    unit = ctx.units.get(key, "")
    if key.startswith("land_area_mu") and unit == "㎡":
        parse = ctx.parsers.get(_land_m2_as_mu)
        if parse is None:
            parse = ctx.parsers[_land_m2_as_mu] = ctx.shared.cached(_land_m2_as_mu)
    else:
        parse = ctx.parsers.get(unit_words)
        if parse is None:
            parse = ctx.parsers[unit_words] = ctx.shared.cached(parse_quantity_cell, unit_words)
    try:
        result: Decimal | None = parse(value)
        return result
    except CellProblem as exc:
        ctx.issue(r, key, value, str(exc), kind)
        return None


def _kind_text(ctx: SheetContext, value: CellValue) -> str:
    return ctx.text(value) if value is not None and not is_placeholder(value) else ""


def _read_parcel(ctx: SheetContext, r: int, household: HouseholdState) -> None:
    area = _quantity(ctx, r, "land_area_mu", MU_WORDS, "bad_area")
    land_class = _kind_text(ctx, ctx.land_class_values[r])
    if area is None:
        if land_class and "land_area_mu" in ctx.cols and ctx.own(r, "land_area_mu") is None:
            ctx.issue(r, "land_area_mu", "", f"有地类「{land_class}」但没有面积", "bad_area", "warning")
        return
    if area > 0:
        if not land_class:
            land_class = compact(display(ctx.filled(r, "land_class")))
        _add_parcel(ctx, household, ParcelData(land_class, area))


def _read_structure(ctx: SheetContext, r: int, household: HouseholdState) -> None:
    area = _quantity(ctx, r, "floor_area_m2", M2_WORDS, "bad_area")
    structure = _kind_text(ctx, ctx.structure_type_values[r])
    if area is None:
        if structure and "floor_area_m2" in ctx.cols and ctx.own(r, "floor_area_m2") is None:
            ctx.issue(r, "floor_area_m2", "", f"有房屋结构「{structure}」但没有建筑面积", "bad_area", "warning")
        return
    if area > 0:
        if not structure:
            structure = compact(display(ctx.filled(r, "structure_type")))
        _add_structure(ctx, household, StructureData(structure, area))


def _read_trees(ctx: SheetContext, r: int, household: HouseholdState) -> None:
    value = ctx.own(r, "trees")
    if value is None:
        return
    try:
        count: Decimal | None = ctx.shared.parsed(parse_count, value, _TREE_UNITS)
    except CellProblem as exc:
        ctx.issue(r, "trees", value, str(exc), "bad_quantity")
        return
    if count and not (ctx.repeat_row and count in household.tree_counts):
        household.tree_counts.append(count)
        household.trees += count
        if isinstance(value, str) and "株" in value:
            household.tree_unit = "株"


def _read_wide(ctx: SheetContext, r: int, key: str, household: HouseholdState) -> None:
    base, _, detail = key.partition(":")
    if base == "land_area_mu":
        area = _quantity(ctx, r, key, MU_WORDS, "bad_area")
        if area:
            _add_parcel(ctx, household, ParcelData(detail, area))
    else:
        area = _quantity(ctx, r, key, M2_WORDS, "bad_area")
        if area:
            _add_structure(ctx, household, StructureData(detail, area))


def _add_parcel(ctx: SheetContext, household: HouseholdState, parcel: ParcelData) -> None:
    if not (ctx.repeat_row and parcel in household.record.parcels):
        household.record.parcels.append(parcel)


def _add_structure(ctx: SheetContext, household: HouseholdState, structure: StructureData) -> None:
    if not (ctx.repeat_row and structure in household.record.structures):
        household.record.structures.append(structure)
