"""A member's row: name, relation, ID, sex and birth date, with the ID as the authority.

The ID is checked by the register's own rule (:func:`resettle.domain.ids.check_id`); a sex
or birth date written in the sheet that disagrees with it is a warning and the ID wins.
An ID seen before anywhere in the workbook is an error naming the first place.
"""

from __future__ import annotations

from datetime import date

from resettle.domain.ids import ID_AS_NUMBER_MESSAGE, IdCheck, check_character, check_id
from resettle.io.grid import CellValue
from resettle.io.survey.results import SurveyPerson
from resettle.io.survey.rows import HEAD_RELATION_SET
from resettle.io.survey.sheet import HouseholdState, SheetContext
from resettle.io.values import CellProblem, PartialDate, clean_name, display

__all__ = ["read_person"]


def read_person(ctx: SheetContext, r: int, household: HouseholdState) -> None:
    record = household.record
    if "name" in ctx.cols:
        name_key = "name"
        name_value = ctx.name_values[r]
    else:
        name_key = "head"
        name_value = ctx.head_values[r]
    name = clean_name(name_value) if name_value is not None else ""
    if not name:
        ctx.issue(r, name_key, name_value, "姓名为空", "missing_name")
    elif isinstance(name_value, bool) or not isinstance(name_value, str):
        ctx.issue(r, name_key, name_value, f"姓名不像是文字：{display(name_value)}", "bad_name")
    relation = ctx.text(ctx.relation_values[r])  # clean_name, once per distinct value
    if not relation and ("name" not in ctx.cols or (name and name == record.head)):
        relation = "户主" if not household.has_head_member else ""
    if relation in HEAD_RELATION_SET:
        household.has_head_member = True
    elif not relation and "relation" in ctx.cols:
        ctx.issue(r, "relation", "", "与户主关系为空", "missing_relation", "warning")

    id_sex, id_birth, id_number = _read_id(ctx, r)
    sex = _read_sex(ctx, r, id_sex)
    birth = _read_birth(ctx, r, id_birth)
    record.persons.append(SurveyPerson(name, relation, sex, id_number, birth, r + 1))


def _read_id(ctx: SheetContext, r: int) -> tuple[str | None, date | None, str]:
    """(sex, birth date, normalised number) from the ID cell; issues for anything wrong."""
    value = ctx.id_values[r]
    if value is None:
        if "id_number" in ctx.cols:
            ctx.issue(r, "id_number", "", "身份证号码为空", "missing_id", "warning")
        return None, None, ""
    shared = ctx.shared
    check = check_id(value, today=shared.today)
    if not check.ok:
        ctx.issue(r, "id_number", value, _id_message(value, check.errors), _id_kind(value, check))
        return None, None, check.normalized
    for warning in check.warnings:
        kind = "id_converted_15" if check.converted_from_15 and "15" in warning else "id_warning"
        ctx.issue(r, "id_number", value, warning, kind, "warning")
    first = shared.ids.get(check.normalized)
    if first is not None:
        ctx.issue(
            r,
            "id_number",
            value,
            f"身份证号码 {check.normalized} 重复：已在「{first[0]}」第 {first[1]} 行出现",
            "duplicate_id",
        )
    else:
        shared.ids[check.normalized] = (ctx.grid.name, r + 1)
    return check.sex, check.birth_date, check.normalized


def _id_message(value: CellValue, errors: tuple[str, ...]) -> str:
    if ID_AS_NUMBER_MESSAGE in errors:
        return (
            f"{ID_AS_NUMBER_MESSAGE}（读到的是 {display(value)}，Excel 只保留 15 位有效数字）；"
            "请把该列设为文本格式后重新录入号码"
        )
    return "身份证号码有误：" + "；".join(errors)


def _id_kind(value: CellValue, check: IdCheck) -> str:
    errors, normalized = check.errors, check.normalized
    if ID_AS_NUMBER_MESSAGE in errors or (isinstance(value, int | float) and not isinstance(value, bool)):
        return "id_as_number"
    if len(normalized) == 18 and normalized[:17].isascii() and normalized[:17].isdigit():
        try:
            if check_character(normalized[:17]) != normalized[17]:
                return "bad_checksum"
        except ValueError:
            pass
    return "bad_id"


def _read_sex(ctx: SheetContext, r: int, from_id: str | None) -> str | None:
    value = ctx.sex_values[r]
    try:
        written: str | None = ctx.parse_sex(value)
    except CellProblem as exc:
        ctx.issue(r, "sex", value, str(exc), "bad_sex", "warning")
        written = None
    if from_id is not None and written is not None and written != from_id:
        ctx.issue(
            r,
            "sex",
            value,
            f"性别「{written}」与身份证号码（{from_id}）不符，已按身份证号码",
            "sex_mismatch",
            "warning",
        )
    return from_id or written


def _read_birth(ctx: SheetContext, r: int, from_id: date | None) -> date | None:
    value = ctx.birth_values[r]
    if value is None:
        return from_id  # blank (parse_birth_date(None) is None)
    try:
        written: PartialDate | None = ctx.parse_birth(value)
    except CellProblem as exc:
        ctx.issue(r, "birth_date", value, str(exc), "bad_date")
        return from_id
    if written is None:
        return from_id
    if from_id is not None:
        if not written.agrees_with(from_id):
            ctx.issue(
                r,
                "birth_date",
                value,
                f"出生日期 {written} 与身份证号码中的 {from_id.isoformat()} 不符，已按身份证号码",
                "birth_date_mismatch",
                "warning",
            )
        return from_id
    if written.full is None:
        ctx.issue(r, "birth_date", value, f"出生日期只有「{written}」，不完整", "partial_date", "warning")
    return written.full
