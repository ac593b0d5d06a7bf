"""What a rate rule counts (its basis): one small object per basis, registered in one table.

A basis says what it counts, in which unit, which conditions select what it counts, how it
reads a household's facts and how its line is written. The engine (``domain/compensation``)
and the rate-table checks (``domain/rates``) only ever look bases up here, so a new area
(placement bands, age bands, time-based fees …) adds a basis without touching either.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from resettle.domain.compensation import HouseholdFacts, StructureFact

LAND_AREA = "土地面积"
FLOOR_AREA = "房屋面积"
DECORATION = "装修评估价"
ATTACHMENT = "附着物数量"
PERSONS = "安置人口"
PER_HOUSEHOLD = "每户"
PERSON_MONTHS = "过渡月数×人口"
AGE_BANDS = "社保年龄段"

HOUSEHOLD_FIELDS = frozenset({"标签", "签约截止"})
STRUCTURE_FIELDS = frozenset({"结构", "用途", "合法性"})
_ZERO = Decimal(0)
_ONE = Decimal(1)


class Selection(Protocol):
    """What a prepared rule tells its basis: the items its conditions select."""

    @property
    def selects(self) -> frozenset[str] | None: ...  # 地类 of parcels, 附着物 kinds; None = all

    def house(self, s: StructureFact) -> bool: ...


Count = Callable[[Selection, "HouseholdFacts"], Decimal]
# (quantity, facts, unit price as text, unit) -> the line's formula before " = amount"
Formula = Callable[[Decimal, "HouseholdFacts", str, str], str]
# What of a household's facts, besides the quantity, its line's text depends on (see Basis.line_key).
LineKey = Callable[["HouseholdFacts"], Hashable]


def quantity_only(_facts: HouseholdFacts) -> Hashable:
    """A :data:`LineKey` for a formula that reads nothing but the quantity."""
    return None


@dataclass(frozen=True)
class Basis:
    name: str  # as written in the rate table's 依据 column
    unit: str | None  # the quantity's unit; None: the table names it (棵, 口, 米 …)
    fields: frozenset[str]  # conditions that make sense for it (地类 on a per-person rule is a typo)
    count: Count
    aliases: tuple[str, ...] = ()  # other spellings offices use in 依据
    area: bool = False  # printed with its full precision (1.2345 亩), not as a whole number
    selects_by: str | None = None  # the condition field that selects the counted items
    formula: Formula | None = None  # None: "quantity unit × price 元/unit"
    # The engine prices each distinct (quantity, line_key(facts)) once per rule and reuses the line:
    # a basis whose formula reads facts must say which. Without a formula the quantity alone decides;
    # with a formula and no line_key, every line is priced anew (always right, only slower).
    line_key: LineKey | None = None
    # The HouseholdFacts fields count, formula and line_key read (the conditions' tags and signing
    # date aside). Pricing many households keeps each rule group's lines per distinct value of
    # these (``compensation.Pricer``); None: priced anew for every household (always right).
    reads: tuple[str, ...] | None = None

    @property
    def reuses_lines(self) -> bool:
        return self.formula is None or self.line_key is not None


BASIS_REGISTRY: dict[str, Basis] = {}


def register(basis: Basis) -> Basis:
    if basis.name in BASIS_REGISTRY:
        raise ValueError(f"basis {basis.name} registered twice")
    BASIS_REGISTRY[basis.name] = basis
    return basis


def basis_of(name: str) -> Basis:
    return BASIS_REGISTRY[name]


def _land(step: Selection, facts: HouseholdFacts) -> Decimal:
    return sum((p.area_mu for p in facts.parcels if step.selects is None or p.land_class in step.selects), _ZERO)


def _floor(step: Selection, facts: HouseholdFacts) -> Decimal:
    return sum((s.floor_area_m2 for s in facts.structures if step.house(s)), _ZERO)


def _decoration(step: Selection, facts: HouseholdFacts) -> Decimal:
    return Decimal(sum(s.decoration_fen for s in facts.structures if step.house(s))).scaleb(-2)


def _attachments(step: Selection, facts: HouseholdFacts) -> Decimal:
    return sum((a.quantity for a in facts.attachments if step.selects is None or a.kind in step.selects), _ZERO)


def _decoration_formula(quantity: Decimal, _facts: HouseholdFacts, price: str, _unit: str) -> str:
    from resettle.domain.money import format_yuan

    return f"装修评估价 {format_yuan(int(quantity.scaleb(2)))} 元 × {price}"


def _age_bands(_step: Selection, facts: HouseholdFacts) -> Decimal:
    return Decimal(sum(share.persons * share.amount_fen for share in facts.ss_bands)).scaleb(-2)


def _age_bands_formula(_quantity: Decimal, facts: HouseholdFacts, price: str, _unit: str) -> str:
    from resettle.domain.money import format_yuan

    def each(fen: int) -> str:  # band amounts are whole yuan as a rule: 26,000 元, not 26,000.00 元
        return f"{fen // 100:,}" if fen % 100 == 0 else format_yuan(fen)

    parts = " + ".join(f"{s.band} {s.persons} 人 × {each(s.amount_fen)} 元" for s in facts.ss_bands)
    text = f"（{parts}）× {price}"
    if facts.ss_unbanded:
        text = f"{text}（另 {facts.ss_unbanded} 人缺出生日期或性别、或不在任何年龄段，未计）"
    return text


def _person_months_formula(_quantity: Decimal, facts: HouseholdFacts, price: str, _unit: str) -> str:
    return f"{facts.resettled_persons} 人 × {facts.transition_months} 个月 × {price} 元/人·月"


register(Basis(LAND_AREA, "亩", HOUSEHOLD_FIELDS | {"地类"}, _land, ("面积", "土地"), area=True, selects_by="地类",
                  reads=("parcels",)))  # fmt: skip
register(Basis(FLOOR_AREA, "㎡", HOUSEHOLD_FIELDS | STRUCTURE_FIELDS, _floor, ("建筑面积",), area=True,
                  reads=("structures",)))  # fmt: skip
register(
    Basis(
        DECORATION,
        "元",
        HOUSEHOLD_FIELDS | STRUCTURE_FIELDS,
        _decoration,
        ("装修", "装修评估"),
        formula=_decoration_formula,
        line_key=quantity_only,
        reads=("structures",),
    )
)
register(Basis(ATTACHMENT, None, HOUSEHOLD_FIELDS | {"附着物"}, _attachments, ("附着物", "数量"), selects_by="附着物",
                  reads=("attachments",)))  # fmt: skip
register(Basis(PERSONS, "人", HOUSEHOLD_FIELDS, lambda _s, f: Decimal(f.resettled_persons), ("人口",),
                  reads=("resettled_persons",)))  # fmt: skip
register(Basis(PER_HOUSEHOLD, "户", HOUSEHOLD_FIELDS, lambda _s, _f: _ONE, ("户",), reads=()))
register(
    Basis(
        PERSON_MONTHS,
        "人·月",
        HOUSEHOLD_FIELDS,
        lambda _s, f: Decimal(f.resettled_persons * f.transition_months),
        ("人口×过渡月数",),
        formula=_person_months_formula,
        line_key=lambda f: (f.resettled_persons, f.transition_months),
        reads=("resettled_persons", "transition_months"),
    )
)
# 社保费用 by the project's published social-security standard (被征地农民养老保障): each land-lost
# member's band amount on the standard's reference date, summed; the rule's price is a factor (1.00).
register(
    Basis(
        AGE_BANDS,
        "元",
        HOUSEHOLD_FIELDS,
        _age_bands,
        ("社保标准", "年龄段", "社保年龄段标准"),
        formula=_age_bands_formula,
        line_key=lambda f: (f.ss_bands, f.ss_unbanded),
        reads=("ss_bands", "ss_unbanded"),
    )
)
