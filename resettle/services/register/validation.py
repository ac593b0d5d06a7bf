"""Checks a household's data before it is stored; every refusal names the field."""

from __future__ import annotations

from dataclasses import replace

from resettle.domain.contacts import check_bank_account, check_phone
from resettle.domain.household import HouseholdData, PersonData
from resettle.domain.ids import check_id
from resettle.errors import ValidationError


def _clean(text: str) -> str:
    return " ".join(text.replace("\u3000", " ").split())


def _person(p: PersonData, n: int) -> PersonData:
    name = "".join(p.name.replace("\u3000", " ").split())
    if not name:
        raise ValidationError(f"第 {n} 位成员的姓名为空", field=f"成员{n}·姓名")
    if not p.id_number.strip():
        return replace(p, name=name, id_number="")
    res = check_id(p.id_number)
    if not res.ok:
        raise ValidationError(
            f"成员 {name} 的身份证号码 {p.id_number} 有误：{'；'.join(res.errors)}",
            field=f"成员{n}·身份证号码",
        )
    sex = p.sex or (res.sex or "")
    if p.sex and res.sex and p.sex != res.sex:
        raise ValidationError(
            f"成员 {name} 的性别填为「{p.sex}」，但身份证号码表明为「{res.sex}」", field=f"成员{n}·性别"
        )
    birth = p.birth_date or res.birth_date
    if p.birth_date and res.birth_date and p.birth_date != res.birth_date:
        raise ValidationError(
            f"成员 {name} 的出生日期 {p.birth_date:%Y-%m-%d} 与身份证号码中的 {res.birth_date:%Y-%m-%d} 不符",
            field=f"成员{n}·出生日期",
        )
    return replace(p, name=name, id_number=res.normalized, sex=sex, birth_date=birth)


def validated(data: HouseholdData) -> HouseholdData:
    """The data normalised (IDs, names, derived sex/birth date), or a ValidationError."""
    household_no = _clean(data.household_no)
    if not household_no:
        raise ValidationError("户号不能为空", field="户号")
    head = "".join(data.head_name.replace("\u3000", " ").split())
    if not head:
        raise ValidationError("户主姓名不能为空", field="户主")
    phone = ""
    if data.phone.strip():
        res = check_phone(data.phone)  # the importer's rule too
        if not res.ok:
            raise ValidationError(f"联系电话 {data.phone} 有误：{'；'.join(res.errors)}", field="联系电话")
        phone = res.normalized
    account = ""
    if data.bank_account.strip():
        acc = check_bank_account(data.bank_account)
        if not acc.ok:
            raise ValidationError(f"银行账号有误：{'；'.join(acc.errors)}", field="银行账号")
        account = acc.normalized
    persons = tuple(_person(p, i) for i, p in enumerate(data.persons, start=1))
    seen: dict[str, str] = {}
    for p in persons:
        if p.id_number and p.id_number in seen:
            raise ValidationError(
                f"身份证号码 {p.id_number} 在本户重复（{seen[p.id_number]} 与 {p.name}）", field="身份证号码"
            )
        if p.id_number:
            seen[p.id_number] = p.name
    for i, parcel in enumerate(data.parcels, start=1):
        if parcel.area_mu < 0:
            raise ValidationError(f"第 {i} 块地的面积不能为负数", field=f"地块{i}·面积")
    for i, s in enumerate(data.structures, start=1):
        if s.floor_area_m2 < 0:
            raise ValidationError(f"第 {i} 处房屋的建筑面积不能为负数", field=f"房屋{i}·建筑面积")
    for i, a in enumerate(data.attachments, start=1):
        if a.quantity < 0:
            raise ValidationError(f"第 {i} 项附着物的数量不能为负数", field=f"附着物{i}·数量")
    return replace(
        data,
        household_no=household_no,
        head_name=head,
        phone=phone,
        bank_account=account,
        address=data.address.strip(),
        bank_name=data.bank_name.strip(),
        persons=persons,
    )
