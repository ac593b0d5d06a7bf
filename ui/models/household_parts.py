"""The four editable tables of a household: members, land parcels, houses, attachments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication

from resettle.domain.area import parse_quantity
from resettle.domain.household import EDUCATION_LEVELS, AttachmentData, ParcelData, PersonData, StructureData
from resettle.domain.ids import check_id
from resettle.domain.money import MoneyError, to_fen, to_yuan
from resettle.io.values import CellProblem, parse_birth_date
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.record_list import Column, RecordListModel

RELATIONS = (
    "户主",  # data, not text
    "配偶",  # data, not text
    "子",  # data, not text
    "女",  # data, not text
    "父亲",  # data, not text
    "母亲",  # data, not text
    "孙子",  # data, not text
    "孙女",  # data, not text
    "儿媳",  # data, not text
    "女婿",  # data, not text
    "兄弟",  # data, not text
    "姐妹",  # data, not text
    "其他",  # data, not text
)
HUKOU_TYPES = ("农业", "非农业", "居民")  # data, not text
YES_NO = ("是", "否")  # data, not text
LAND_CLASSES = ("水田", "旱地", "园地", "林地", "其他农用地", "宅基地", "未利用地")  # data, not text
STRUCTURE_TYPES = ("框架", "砖混", "砖木", "简易")  # data, not text
USES = ("住宅", "附属用房", "商业", "生产")  # data, not text
LEGAL = ("合法", "违法", "临时")  # data, not text


def required(text: str) -> tuple[Any, str | None]:
    t = "".join(text.replace("\u3000", " ").split())
    return (t, None) if t else (t, QCoreApplication.translate("RecordListModel", "不能为空"))


def free(text: str) -> tuple[Any, str | None]:
    return text.strip(), None


def id_number(text: str) -> tuple[Any, str | None]:
    if not text.strip():
        return "", None
    res = check_id(text)
    return (res.normalized, None) if res.ok else (res.normalized, "；".join(res.errors))


def sex(text: str) -> tuple[Any, str | None]:
    t = text.strip()
    return (
        (t, None)
        if t in ("", "男", "女")  # data, not text
        else (t, QCoreApplication.translate("RecordListModel", "性别应为「男」或「女」"))
    )


def birth_date(text: str) -> tuple[Any, str | None]:
    """The importer's rule for a birth date (resettle.io.values.parse_birth_date: 1985-03-12,
    1985.3.12, 1985年3月12日, 19850312 …); the register keeps whole dates, so a year-month is refused."""
    if not text.strip():
        return None, None
    try:
        parsed = parse_birth_date(text)
    except CellProblem as exc:
        return None, str(exc)
    if parsed is None:
        return None, None
    if parsed.full is None:
        return None, QCoreApplication.translate("RecordListModel", "请填写完整的出生日期（年月日），如 {0}").format(
            f"{parsed.year}-{parsed.month or 1:02d}-01"
        )
    return parsed.full, None


def yes_no(text: str) -> tuple[Any, str | None]:
    t = text.strip()
    if t in ("", "是", "Y", "y", "1"):  # data, not text
        return True, None
    if t in ("否", "N", "n", "0"):  # data, not text
        return False, None
    return True, QCoreApplication.translate("RecordListModel", "应为「是」或「否」")


def quantity(text: str) -> tuple[Any, str | None]:
    t = text.strip()
    if not t:
        return Decimal("0"), None
    try:
        return parse_quantity(t, places=4), None
    except ValueError as exc:
        return Decimal("0"), str(exc)


def money(text: str) -> tuple[Any, str | None]:
    t = text.strip()
    if not t:
        return Decimal("0.00"), None
    try:
        return to_yuan(to_fen(t)), None
    except (MoneyError, ValueError) as exc:
        return Decimal("0.00"), str(exc)


def year(text: str) -> tuple[Any, str | None]:
    t = text.strip()
    if not t:
        return None, None
    if t.isascii() and t.isdigit() and 1900 <= int(t) <= date.today().year:
        return int(t), None
    return None, QCoreApplication.translate("RecordListModel", "年份应为 1900 到今年之间的四位数")


def one_of(choices: tuple[str, ...]) -> Any:
    def parse(text: str) -> tuple[Any, str | None]:
        t = text.strip()
        return (
            (t, None)
            if not t or t in choices
            else (t, QCoreApplication.translate("RecordListModel", "应为：{0}").format("、".join(choices)))
        )

    return parse


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


class MembersModel(RecordListModel):
    COL_NAME, COL_ID, COL_RELATION, COL_SEX, COL_BIRTH, COL_HUKOU, COL_RESETTLED, COL_EDUCATION = range(8)
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("MembersModel", "姓名"), required, width=80),
        Column("id_number", QT_TRANSLATE_NOOP("MembersModel", "身份证号码"), id_number, width=170),
        Column("relation", QT_TRANSLATE_NOOP("MembersModel", "与户主关系"), free, RELATIONS, width=90),
        Column("sex", QT_TRANSLATE_NOOP("MembersModel", "性别"), sex, ("男", "女"), width=50),  # data, not text
        Column("birth_date", QT_TRANSLATE_NOOP("MembersModel", "出生日期"), birth_date, width=100),
        Column("hukou_type", QT_TRANSLATE_NOOP("MembersModel", "户口性质"), free, HUKOU_TYPES, width=80),
        Column("resettled", QT_TRANSLATE_NOOP("MembersModel", "安置人口"), yes_no, YES_NO, width=70),
        Column("education", QT_TRANSLATE_NOOP("MembersModel", "文化程度"), free, ("", *EDUCATION_LEVELS), width=90),
    )

    def default_text(self, key: str) -> str:
        head = "户主" if not self.rowCount() else ""  # data, not text
        return {"hukou_type": HUKOU_TYPES[0], "resettled": YES_NO[0], "relation": head}.get(key, "")

    def after_edit(self, row: int, key: str) -> None:
        """A valid ID fills sex and birth date (the ID is the authority)."""
        if key != "id_number" or not self.text(row, "id_number").strip():
            return
        res = check_id(self.text(row, "id_number"))
        if not res.ok:
            return
        if self.text(row, "id_number") != res.normalized:
            self._set_text(row, "id_number", res.normalized)
        if res.sex:
            self._set_text(row, "sex", res.sex)
        if res.birth_date:
            self._set_text(row, "birth_date", res.birth_date.isoformat())

    def set_people(self, people: tuple[PersonData, ...]) -> None:
        self.load(
            [
                {
                    "name": p.name,
                    "id_number": p.id_number,
                    "relation": p.relation,
                    "sex": p.sex,
                    "birth_date": p.birth_date.isoformat() if p.birth_date else "",
                    "hukou_type": p.hukou_type,
                    "resettled": "是" if p.resettled else "否",  # data, not text
                    "education": p.education,
                }
                for p in people
            ],
            [p.id for p in people],
        )

    def records(self) -> tuple[PersonData, ...]:
        return tuple(
            PersonData(
                id=self.row_id(r),
                name=self.value(r, "name"),
                id_number=self.value(r, "id_number") or "",
                relation=self.value(r, "relation"),
                sex=self.value(r, "sex"),
                birth_date=self.value(r, "birth_date"),
                hukou_type=self.value(r, "hukou_type") or "农业",  # data, not text
                resettled=bool(self.value(r, "resettled")),
                education=self.value(r, "education") or "",
            )
            for r in range(self.rowCount())
        )


class ParcelsModel(RecordListModel):
    COLUMNS = (
        Column("parcel_no", QT_TRANSLATE_NOOP("ParcelsModel", "地块编号"), free, width=110),
        Column("land_class", QT_TRANSLATE_NOOP("ParcelsModel", "地类"), required, LAND_CLASSES, width=100),
        Column("area_mu", QT_TRANSLATE_NOOP("ParcelsModel", "面积(亩)"), quantity, width=90),
        Column("contract_no", QT_TRANSLATE_NOOP("ParcelsModel", "承包合同号"), free, width=120),
    )

    def set_parcels(self, parcels: tuple[ParcelData, ...]) -> None:
        self.load(
            [
                {
                    "parcel_no": p.parcel_no,
                    "land_class": p.land_class,
                    "area_mu": _fmt(p.area_mu),
                    "contract_no": p.contract_no,
                }
                for p in parcels
            ],
            [p.id for p in parcels],
        )

    def records(self) -> tuple[ParcelData, ...]:
        return self.records_as(ParcelData)


class StructuresModel(RecordListModel):
    COLUMNS = (
        Column("use", QT_TRANSLATE_NOOP("StructuresModel", "用途"), one_of(USES), USES, width=80),
        Column(
            "structure_type",
            QT_TRANSLATE_NOOP("StructuresModel", "结构"),
            one_of(STRUCTURE_TYPES),
            STRUCTURE_TYPES,
            width=70,
        ),
        Column("floor_area_m2", QT_TRANSLATE_NOOP("StructuresModel", "建筑面积(㎡)"), quantity, width=100),
        Column("legal_status", QT_TRANSLATE_NOOP("StructuresModel", "合法性"), one_of(LEGAL), LEGAL, width=70),
        Column("year_built", QT_TRANSLATE_NOOP("StructuresModel", "建成年份"), year, width=80),
        Column("decoration_value", QT_TRANSLATE_NOOP("StructuresModel", "装修评估价(元)"), money, width=120),
    )

    DEFAULTS: ClassVar[dict[str, str]] = {"use": "住宅", "legal_status": "合法"}  # data, not text

    def default_text(self, key: str) -> str:
        return self.DEFAULTS.get(key, "")

    def set_structures(self, items: tuple[StructureData, ...]) -> None:
        self.load(
            [
                {
                    "use": s.use,
                    "structure_type": s.structure_type,
                    "floor_area_m2": _fmt(s.floor_area_m2),
                    "legal_status": s.legal_status,
                    "year_built": str(s.year_built or ""),
                    "decoration_value": f"{s.decoration_value:.2f}",
                }
                for s in items
            ],
            [s.id for s in items],
        )

    def records(self) -> tuple[StructureData, ...]:
        return self.records_as(StructureData, **self.DEFAULTS)


class AttachmentsModel(RecordListModel):
    COLUMNS = (
        Column(
            "kind",
            QT_TRANSLATE_NOOP("AttachmentsModel", "种类"),
            required,
            ("果树", "水井", "围墙", "坟墓", "青苗", "竹林", "大棚"),  # data, not text
            width=90,
        ),
        Column("spec", QT_TRANSLATE_NOOP("AttachmentsModel", "规格"), free, width=120),
        Column("quantity", QT_TRANSLATE_NOOP("AttachmentsModel", "数量"), quantity, width=80),
        Column(
            "unit",
            QT_TRANSLATE_NOOP("AttachmentsModel", "单位"),
            free,
            ("棵", "口", "米", "座", "亩", "㎡"),  # data, not text
            width=60,
        ),
    )

    def set_attachments(self, items: tuple[AttachmentData, ...]) -> None:
        self.load(
            [{"kind": a.kind, "spec": a.spec, "quantity": _fmt(a.quantity), "unit": a.unit} for a in items],
            [a.id for a in items],
        )

    def records(self) -> tuple[AttachmentData, ...]:
        return self.records_as(AttachmentData)
