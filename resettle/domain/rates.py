"""Rate tables (补偿标准): rules that say which quantity of a household is paid at which price.

Figures differ by province and project, so they live in tables the clerks import and
publish, never in code. A rule names its basis (what is counted), conditions (which
parcels, houses, attachments or households it applies to), a unit price in 分, an
optional minimum/maximum per household, and who is paid. Conditions are written as
clerks write them in a workbook cell: ``地类=水田;合法性=合法``; ``、`` or ``|`` lists
alternatives (``地类=水田、旱地``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from resettle.domain.bases import (
    AGE_BANDS,
    ATTACHMENT,
    BASIS_REGISTRY,
    DECORATION,
    FLOOR_AREA,
    LAND_AREA,
    PER_HOUSEHOLD,
    PERSON_MONTHS,
    PERSONS,
)

__all__ = [
    "AGE_BANDS",
    "ATTACHMENT",
    "BASES",
    "CONDITION_FIELDS",
    "DECORATION",
    "FLOOR_AREA",
    "LAND_AREA",
    "PAYEES",
    "PERSONS",
    "PERSON_MONTHS",
    "PER_HOUSEHOLD",
    "STATUS_DRAFT",
    "STATUS_PUBLISHED",
    "Condition",
    "RateError",
    "RateTable",
    "Rule",
    "basis_fields",
    "basis_unit",
    "format_conditions",
    "normalise_basis",
    "normalise_payee",
    "normalise_unit",
    "parse_conditions",
    "parse_date_text",
]


class RateError(ValueError):
    """A rule or table that cannot be used; the message is shown to the clerk."""


BASES: tuple[str, ...] = tuple(BASIS_REGISTRY)  # the bases of this program, in registration order
PAYEES: tuple[str, ...] = ("户", "集体", "社保")
CONDITION_FIELDS: tuple[str, ...] = ("地类", "结构", "用途", "合法性", "附着物", "标签", "签约截止")
STATUS_DRAFT = "草稿"
STATUS_PUBLISHED = "已发布"


def basis_fields(basis: str) -> frozenset[str]:
    """Which conditions make sense for which basis: 地类 on a per-person rule is a typing error."""
    return BASIS_REGISTRY[basis].fields


def basis_unit(basis: str) -> str | None:
    """The unit each basis is counted in; None: the table says (棵, 口, 米 … for attachments)."""
    return BASIS_REGISTRY[basis].unit


def _basis_aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for b in BASIS_REGISTRY.values():
        out[b.name] = b.name
        for alias in b.aliases:
            out.setdefault(alias, b.name)
    return out


_PAYEE_ALIASES = {
    "户": "户",
    "农户": "户",
    "被征收户": "户",
    "本户": "户",
    "集体": "集体",
    "村集体": "集体",
    "集体经济组织": "集体",
    "社保": "社保",
    "社保账户": "社保",
    "社保专户": "社保",
}
_UNIT_ALIASES = {
    "平方米": "㎡",
    "平米": "㎡",
    "m2": "㎡",
    "m²": "㎡",
    "M2": "㎡",
    "人月": "人·月",
    "人.月": "人·月",
    "人/月": "人·月",
    "人・月": "人·月",
}
# Published standards write the unit of the price (元/亩); the rule counts the quantity (亩).
_PRICE_UNIT = re.compile(r"^(?:元|人民币元)\s*(?:/|／|每)\s*")
_TIMES = re.compile(r"[*xX×✕＊]")
_SPACES = re.compile(r"\s+")
_ALTERNATIVES = re.compile(r"[、|｜]")
_CONDITION_SPLIT = re.compile(r"[;；]")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _compact(text: str) -> str:
    return _SPACES.sub("", text.replace("\u3000", " "))


def normalise_basis(text: str) -> str:
    key = _TIMES.sub("×", _compact(text))
    basis = _basis_aliases().get(key)
    if basis is None:
        raise RateError(f"依据「{text}」无法识别，应为：{'、'.join(BASIS_REGISTRY)}")
    return basis


def normalise_payee(text: str) -> str:
    key = _compact(text)
    if not key:
        return "户"
    payee = _PAYEE_ALIASES.get(key)
    if payee is None:
        raise RateError(f"支付对象「{text}」无法识别，应为：{'、'.join(PAYEES)}")
    return payee


def normalise_unit(text: str, basis: str) -> str:
    """The unit as printed in formulas; the basis fixes it except for attachments."""
    unit = _compact(text)
    expected = basis_unit(basis)
    if unit == "元" and expected == "元":
        return expected
    unit = _PRICE_UNIT.sub("", unit)
    unit = _UNIT_ALIASES.get(unit, unit)
    if expected is None:
        if not unit:
            raise RateError("依据为附着物数量时必须填写单位（如 棵、口、米）")
        return unit
    if unit and unit != expected:
        raise RateError(f"依据为{basis}时单位应为「{expected}」或「元/{expected}」，不能是「{_compact(text)}」")
    return expected


def parse_date_text(text: str) -> date:
    """``2026-06-30``, ``2026/6/30``, ``2026.6.30`` or ``2026年6月30日``."""
    m = _DATE.fullmatch(text.strip())
    if m is None:
        raise RateError(f"日期「{text}」无法识别，请写成 2026-06-30")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise RateError(f"日期「{text}」不存在") from exc


@dataclass(frozen=True)
class Condition:
    """``field`` equals one of ``values``; for 签约截止, signed on or before ``values[0]``."""

    field: str
    values: tuple[str, ...]

    @property
    def deadline(self) -> date:
        return date.fromisoformat(self.values[0])

    def text(self) -> str:
        return f"{self.field}={'、'.join(self.values)}"


def parse_conditions(text: str) -> tuple[Condition, ...]:
    """``地类=水田、旱地;合法性=合法`` → conditions in the order written."""
    out: list[Condition] = []
    seen: set[str] = set()
    for part in _CONDITION_SPLIT.split(text.replace("＝", "=")):
        part = part.strip()
        if not part:
            continue
        name, eq, raw_values = part.partition("=")
        name = _compact(name)
        if not eq:
            raise RateError(f"条件「{part}」应写成 字段=值，如 地类=水田")
        if name not in CONDITION_FIELDS:
            raise RateError(f"条件字段「{name}」无法识别，可用：{'、'.join(CONDITION_FIELDS)}")
        if name in seen:
            raise RateError(f"条件字段「{name}」重复出现，多个取值请用「、」分隔")
        seen.add(name)
        values = tuple(v for v in (_compact(x) for x in _ALTERNATIVES.split(raw_values)) if v)
        if not values:
            raise RateError(f"条件「{part}」没有取值")
        if name == "签约截止":
            if len(values) != 1:
                raise RateError("签约截止只能有一个日期")
            values = (parse_date_text(values[0]).isoformat(),)
        out.append(Condition(name, tuple(dict.fromkeys(values))))
    return tuple(out)


def format_conditions(conditions: tuple[Condition, ...]) -> str:
    return ";".join(c.text() for c in conditions)


@dataclass(frozen=True)
class Rule:
    """One row of a rate table. Amounts in 分; ``minimum_fen``/``maximum_fen`` clamp each household's line."""

    code: str
    item: str
    basis: str
    conditions: tuple[Condition, ...]
    unit_price_fen: int
    unit: str
    minimum_fen: int | None = None
    maximum_fen: int | None = None
    payee: str = "户"

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise RateError("编码不能为空")
        if len(self.code) > 30:
            raise RateError(f"编码「{self.code}」超过 30 个字符")
        if not self.item.strip():
            raise RateError("项目不能为空")
        if len(self.item) > 50:
            raise RateError(f"项目「{self.item}」超过 50 个字符")
        if self.basis not in BASIS_REGISTRY:
            raise RateError(f"依据「{self.basis}」无法识别，应为：{'、'.join(BASIS_REGISTRY)}")
        if self.payee not in PAYEES:
            raise RateError(f"支付对象「{self.payee}」无法识别，应为：{'、'.join(PAYEES)}")
        for amount, label in ((self.unit_price_fen, "单价"), (self.minimum_fen, "最低"), (self.maximum_fen, "最高")):
            if amount is None:
                continue
            if isinstance(amount, bool) or not isinstance(amount, int):
                raise RateError(f"{label}必须是整数分")
            if amount < 0:
                raise RateError(f"{label}不能为负数")
        if self.minimum_fen is not None and self.maximum_fen is not None and self.minimum_fen > self.maximum_fen:
            raise RateError("最低金额不能高于最高金额")
        allowed = basis_fields(self.basis)
        for c in self.conditions:
            if c.field not in allowed:
                raise RateError(f"依据为{self.basis}的规则不能带条件「{c.field}」")
        if self.basis == ATTACHMENT and "附着物" not in self.by_field:
            raise RateError("依据为附着物数量的规则必须写明条件 附着物=…（如 附着物=果树）")
        if self.basis == AGE_BANDS and self.payee != "社保":
            raise RateError("依据为社保年龄段的规则支付对象应为「社保」（划入社保专户，不付给各户）")
        if normalise_unit(self.unit, self.basis) != self.unit:
            raise RateError(f"单位「{self.unit}」应写成「{normalise_unit(self.unit, self.basis)}」")

    @cached_property
    def by_field(self) -> dict[str, frozenset[str]]:
        return {c.field: frozenset(c.values) for c in self.conditions}

    @property
    def conditions_text(self) -> str:
        return format_conditions(self.conditions)

    @classmethod
    def from_text(
        cls,
        *,
        code: str,
        item: str,
        basis: str,
        conditions: str,
        unit_price_fen: int,
        unit: str = "",
        minimum_fen: int | None = None,
        maximum_fen: int | None = None,
        payee: str = "",
    ) -> Rule:
        """A rule from the texts a clerk typed (aliases accepted, units filled in)."""
        b = normalise_basis(basis)
        return cls(
            code=code.strip(),
            item=_compact(item),
            basis=b,
            conditions=parse_conditions(conditions),
            unit_price_fen=unit_price_fen,
            unit=normalise_unit(unit, b),
            minimum_fen=minimum_fen,
            maximum_fen=maximum_fen,
            payee=normalise_payee(payee),
        )


@dataclass(frozen=True)
class RateTable:
    """A versioned, effective-dated set of rules; a published table never changes."""

    name: str
    version: int = 1
    effective_date: date | None = None
    source_doc: str = ""
    status: str = STATUS_DRAFT
    rules: tuple[Rule, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise RateError("补偿标准名称不能为空")
        if isinstance(self.version, bool) or not isinstance(self.version, int) or self.version < 1:
            raise RateError("版本号必须是正整数")
        if self.status not in (STATUS_DRAFT, STATUS_PUBLISHED):
            raise RateError(f"状态「{self.status}」无法识别")
        seen: set[str] = set()
        for rule in self.rules:
            if rule.code in seen:
                raise RateError(f"编码「{rule.code}」重复")
            seen.add(rule.code)

    @property
    def label(self) -> str:
        return f"{self.name}（第{self.version}版）"

    def items(self) -> list[str]:
        """Item names in the order the table first lists them (columns of summaries)."""
        return list(dict.fromkeys(r.item for r in self.rules))
