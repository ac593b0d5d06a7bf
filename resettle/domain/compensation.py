"""The compensation engine: one household's facts and a rate table in, priced lines out.

Each rule gives at most one line per household: the quantity it counts (summed over the
parcels, houses or attachments its conditions select) times its unit price, rounded once
to 分 half-up, then clamped to the rule's minimum/maximum. Totals are sums of lines.
Houses that are not 合法 get nothing unless a rule names them (``合法性=违法``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from resettle.domain.money import format_yuan, times
from resettle.domain.rates import (
    ATTACHMENT,
    DECORATION,
    FLOOR_AREA,
    LAND_AREA,
    PAYEES,
    PER_HOUSEHOLD,
    PERSON_MONTHS,
    PERSONS,
    RateError,
    RateTable,
    Rule,
)

__all__ = [
    "Adjustment",
    "AttachmentFact",
    "HouseholdFacts",
    "Line",
    "ParcelFact",
    "StructureFact",
    "compute",
    "format_quantity",
    "lines_digest",
    "total_fen",
    "totals_by",
]

LEGAL = "合法"
_AREA_BASES = frozenset({LAND_AREA, FLOOR_AREA})


@dataclass(frozen=True)
class ParcelFact:
    land_class: str
    area_mu: Decimal


@dataclass(frozen=True)
class StructureFact:
    structure_type: str
    floor_area_m2: Decimal
    use: str = "住宅"
    legal_status: str = LEGAL
    decoration_fen: int = 0


@dataclass(frozen=True)
class AttachmentFact:
    kind: str
    quantity: Decimal
    unit: str = ""


@dataclass(frozen=True)
class HouseholdFacts:
    """What the engine needs to know about one household (read from the register)."""

    parcels: tuple[ParcelFact, ...] = ()
    structures: tuple[StructureFact, ...] = ()
    attachments: tuple[AttachmentFact, ...] = ()
    resettled_persons: int = 0
    tags: frozenset[str] = frozenset()
    signed_on: date | None = None
    transition_months: int = 0


@dataclass(frozen=True)
class Line:
    """One priced item: ``quantity × unit price = amount``, with the rule and table version it came from."""

    rule_code: str
    item: str
    basis: str
    quantity: Decimal
    unit: str
    unit_price_fen: int
    amount_fen: int
    payee: str
    table_version: int
    formula: str


@dataclass(frozen=True)
class Adjustment:
    """A clerk's correction outside the rules; always with a reason, shown as its own line."""

    item: str
    amount_fen: int
    reason: str
    payee: str = "户"
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise RateError("人工调整必须填写原因")
        if not self.item.strip():
            raise RateError("人工调整必须写明项目")
        if isinstance(self.amount_fen, bool) or not isinstance(self.amount_fen, int):
            raise RateError("调整金额必须是整数分")
        if self.amount_fen == 0:
            raise RateError("调整金额不能为零")
        if self.payee not in PAYEES:
            raise RateError(f"支付对象「{self.payee}」无法识别，应为：{'、'.join(PAYEES)}")


def format_quantity(quantity: Decimal, basis: str) -> str:
    """Areas keep at least two decimals (``1.25``, ``0.3375``); counts print whole (``4``)."""
    if quantity == quantity.to_integral_value() and basis not in _AREA_BASES:
        return f"{int(quantity):,}"
    q = quantity.normalize()
    exponent = q.as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 2)
    return f"{quantity:,.{places}f}"


def _matches(rule: Rule, field_name: str, value: str) -> bool:
    wanted = rule.by_field.get(field_name)
    return wanted is None or value in wanted


def _household_applies(rule: Rule, facts: HouseholdFacts) -> bool:
    tags = rule.by_field.get("标签")
    if tags is not None and not (tags & facts.tags):
        return False
    deadline = next((c for c in rule.conditions if c.field == "签约截止"), None)
    return deadline is None or (facts.signed_on is not None and facts.signed_on <= deadline.deadline)


def _structure_applies(rule: Rule, s: StructureFact) -> bool:
    legality = rule.by_field.get("合法性", frozenset({LEGAL}))
    return s.legal_status in legality and _matches(rule, "结构", s.structure_type) and _matches(rule, "用途", s.use)


def _quantity(rule: Rule, facts: HouseholdFacts) -> Decimal:
    basis = rule.basis
    if basis == LAND_AREA:
        return sum((p.area_mu for p in facts.parcels if _matches(rule, "地类", p.land_class)), Decimal(0))
    if basis == FLOOR_AREA:
        return sum((s.floor_area_m2 for s in facts.structures if _structure_applies(rule, s)), Decimal(0))
    if basis == DECORATION:
        fen = sum(s.decoration_fen for s in facts.structures if _structure_applies(rule, s))
        return Decimal(fen).scaleb(-2)
    if basis == ATTACHMENT:
        return sum((a.quantity for a in facts.attachments if _matches(rule, "附着物", a.kind)), Decimal(0))
    if basis == PERSONS:
        return Decimal(facts.resettled_persons)
    if basis == PER_HOUSEHOLD:
        return Decimal(1)
    if basis == PERSON_MONTHS:
        return Decimal(facts.resettled_persons * facts.transition_months)
    raise RateError(f"依据「{basis}」无法识别")  # pragma: no cover - Rule refuses unknown bases


def _formula(rule: Rule, quantity: Decimal, facts: HouseholdFacts, raw_fen: int, amount_fen: int) -> str:
    price = format_yuan(rule.unit_price_fen)
    if rule.basis == DECORATION:
        text = f"装修评估价 {format_yuan(int(quantity.scaleb(2)))} 元 × {price}"
    elif rule.basis == PERSON_MONTHS:
        text = f"{facts.resettled_persons} 人 × {facts.transition_months} 个月 × {price} 元/人·月"
    else:
        text = f"{format_quantity(quantity, rule.basis)} {rule.unit} × {price} 元/{rule.unit}"
    text += f" = {format_yuan(raw_fen)} 元"
    if amount_fen > raw_fen:
        text += f"，低于最低标准，按 {format_yuan(amount_fen)} 元计"
    elif amount_fen < raw_fen:
        text += f"，超过最高标准，按 {format_yuan(amount_fen)} 元计"
    return text


def _price(rule: Rule, quantity: Decimal, facts: HouseholdFacts, version: int) -> Line:
    raw = times(quantity, rule.unit_price_fen)
    amount = raw
    if rule.minimum_fen is not None and amount < rule.minimum_fen:
        amount = rule.minimum_fen
    if rule.maximum_fen is not None and amount > rule.maximum_fen:
        amount = rule.maximum_fen
    return Line(
        rule_code=rule.code,
        item=rule.item,
        basis=rule.basis,
        quantity=quantity,
        unit=rule.unit,
        unit_price_fen=rule.unit_price_fen,
        amount_fen=amount,
        payee=rule.payee,
        table_version=version,
        formula=_formula(rule, quantity, facts, raw, amount),
    )


def compute(facts: HouseholdFacts, table: RateTable) -> list[Line]:
    """The lines one household is owed under ``table``, in the table's rule order.

    A rule whose conditions select nothing (no such land, no such house, not signed in
    time) gives no line at all, so a minimum is never paid for nothing.
    """
    out: list[Line] = []
    for rule in table.rules:
        if not _household_applies(rule, facts):
            continue
        quantity = _quantity(rule, facts)
        if quantity <= 0:
            continue
        out.append(_price(rule, quantity, facts, table.version))
    return out


def total_fen(lines: Iterable[Line], adjustments: Iterable[Adjustment] = ()) -> int:
    return sum(line.amount_fen for line in lines) + sum(a.amount_fen for a in adjustments)


def totals_by(lines: Iterable[Line], key: str) -> dict[str, int]:
    """Sums per ``item`` or ``payee`` (in first-seen order)."""
    out: dict[str, int] = {}
    for line in lines:
        name = getattr(line, key)
        out[name] = out.get(name, 0) + line.amount_fen
    return out


def lines_digest(lines: Iterable[Line], table_id: int | None = None) -> str:
    """A fingerprint of the lines as stored: equal digests mean a recompute changes nothing."""
    payload = [table_id] + [
        [
            ln.rule_code,
            ln.item,
            ln.basis,
            format(ln.quantity.normalize(), "f"),
            ln.unit,
            ln.unit_price_fen,
            ln.amount_fen,
            ln.payee,
            ln.table_version,
            ln.formula,
        ]
        for ln in lines
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
