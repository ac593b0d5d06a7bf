"""The compensation engine: one household's facts and a rate table in, priced lines out.

Each rule gives at most one line per household: the quantity it counts (summed over the
parcels, houses or attachments its conditions select) times its unit price, rounded once
to 分 half-up, then clamped to the rule's minimum/maximum. Totals are sums of lines.
Houses that are not 合法 get nothing unless a rule names them (``合法性=违法``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from resettle.domain.bases import BASIS_REGISTRY, Basis
from resettle.domain.memo import Memo
from resettle.domain.money import format_yuan, times
from resettle.domain.rates import (
    ATTACHMENT,
    DECORATION,
    FLOOR_AREA,
    PAYEES,
    PERSONS,
    RateError,
    RateTable,
    Rule,
)
from resettle.domain.social_security import BandShare

__all__ = [
    "Adjustment",
    "AttachmentFact",
    "HouseholdFacts",
    "Line",
    "ParcelFact",
    "Pricer",
    "StructureFact",
    "compute",
    "cutoff_guard",
    "digest_of_parts",
    "facts_digest",
    "format_quantity",
    "line_digest_part",
    "lines_digest",
    "total_fen",
    "totals_by",
]

LEGAL = "合法"
AFTER_CUTOFF = "截止后登记"  # how a house registered after the cut-off counts (合法性=截止后登记 prices it)
# Part of every facts digest: raise it when the engine prices or prints lines differently,
# so that stored results are recomputed rather than taken as current.
ENGINE_VERSION = 1
# Facts and lines are NamedTuples: a project has hundreds of thousands of them and a
# tuple is built several times faster than a frozen dataclass.


class ParcelFact(NamedTuple):
    land_class: str
    area_mu: Decimal


class StructureFact(NamedTuple):
    structure_type: str
    floor_area_m2: Decimal
    use: str = "住宅"
    legal_status: str = LEGAL
    decoration_fen: int = 0
    registered_on: date | None = None  # after the project's cut-off: 不予补偿 unless a rule names it


class AttachmentFact(NamedTuple):
    kind: str
    quantity: Decimal
    unit: str = ""
    registered_on: date | None = None  # after the project's cut-off: 不予补偿


class HouseholdFacts(NamedTuple):
    """What the engine needs to know about one household (read from the register)."""

    parcels: tuple[ParcelFact, ...] = ()
    structures: tuple[StructureFact, ...] = ()
    attachments: tuple[AttachmentFact, ...] = ()
    resettled_persons: int = 0
    tags: frozenset[str] = frozenset()
    signed_on: date | None = None
    transition_months: int = 0
    cutoff: date | None = None  # 征收土地预公告日 (issue 15)
    late_persons: int = 0  # registered after the cut-off and not counted (not in resettled_persons)
    # Land-lost members by social-security age band (read only when a rule counts 社保年龄段).
    ss_bands: tuple[BandShare, ...] = ()
    ss_unbanded: int = 0  # members without a band (no birth date or sex): nothing counted for them


class Line(NamedTuple):
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


@lru_cache(maxsize=1 << 16)
def format_quantity(quantity: Decimal, basis: str) -> str:
    """Areas keep at least two decimals (``1.25``, ``0.3375``); counts print whole (``4``)."""
    if not BASIS_REGISTRY[basis].area and quantity == quantity.to_integral_value():
        return f"{int(quantity):,}"
    _sign, digits, exponent = quantity.as_tuple()
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    i = len(digits) - 1
    while places > 2 and i >= 0 and digits[i] == 0:  # drop trailing zeros beyond the second place
        places -= 1
        i -= 1
    return f"{quantity:,.{max(places, 2)}f}"


@dataclass(frozen=True)
class _Step:
    """One rule prepared for pricing many households: its conditions as sets, its price as text."""

    rule: Rule
    basis: Basis  # what the rule counts, from the one registry (domain/bases)
    selects: frozenset[str] | None  # 地类 for land, 附着物 for attachments
    types: frozenset[str] | None
    uses: frozenset[str] | None
    legality: frozenset[str]
    tags: frozenset[str] | None
    deadline: date | None
    price_text: str
    # Lines already priced by this rule, by quantity (and basis.line_key(facts) when the basis has
    # one): equal quantities recur across households (persons, 户, common areas); lines are immutable.
    # A rule whose quantities rarely recur (house areas, decoration values) soon stops keeping them.
    priced: Memo[object, Line] = field(default_factory=Memo, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, rule: Rule) -> _Step:
        by = rule.by_field
        deadline = next((c.deadline for c in rule.conditions if c.field == "签约截止"), None)
        basis = BASIS_REGISTRY[rule.basis]
        selects = by.get(basis.selects_by) if basis.selects_by else None
        return cls(
            rule,
            basis,
            selects,
            by.get("结构"),
            by.get("用途"),
            by.get("合法性", frozenset({LEGAL})),
            by.get("标签"),
            deadline,
            format_yuan(rule.unit_price_fen),
        )

    def applies(self, facts: HouseholdFacts) -> bool:
        if self.tags is not None and not (self.tags & facts.tags):
            return False
        return self.deadline is None or (facts.signed_on is not None and facts.signed_on <= self.deadline)

    def house(self, s: StructureFact) -> bool:
        return (
            s.legal_status in self.legality
            and (self.types is None or s.structure_type in self.types)
            and (self.uses is None or s.use in self.uses)
        )

    def quantity(self, facts: HouseholdFacts) -> Decimal:
        return self.basis.count(self, facts)

    def formula(self, quantity: Decimal, facts: HouseholdFacts, raw_fen: int, amount_fen: int) -> str:
        rule, price, basis = self.rule, self.price_text, self.basis
        if basis.formula is not None:
            text = basis.formula(quantity, facts, price, rule.unit)
        else:
            text = f"{format_quantity(quantity, rule.basis)} {rule.unit} × {price} 元/{rule.unit}"
        text += f" = {format_yuan(raw_fen)} 元"
        if amount_fen > raw_fen:
            text += f"，低于最低标准，按 {format_yuan(amount_fen)} 元计"
        elif amount_fen < raw_fen:
            text += f"，超过最高标准，按 {format_yuan(amount_fen)} 元计"
        return text

    def line(self, quantity: Decimal, facts: HouseholdFacts, version: int) -> Line:
        """:meth:`price`, reusing the line of an equal quantity when the basis allows it."""
        basis = self.basis
        if not basis.reuses_lines:
            return self.price(quantity, facts, version)
        key = quantity if basis.line_key is None else (quantity, basis.line_key(facts))
        priced = self.priced
        priced.asked += 1
        hit = priced.get(key)
        if hit is None or hit.table_version != version:
            hit = self.price(quantity, facts, version)
            priced.keep(key, hit)
        return hit

    def price(self, quantity: Decimal, facts: HouseholdFacts, version: int) -> Line:
        rule = self.rule
        raw = times(quantity, rule.unit_price_fen)
        amount = raw
        if rule.minimum_fen is not None and amount < rule.minimum_fen:
            amount = rule.minimum_fen
        if rule.maximum_fen is not None and amount > rule.maximum_fen:
            amount = rule.maximum_fen
        return Line(
            rule.code,
            rule.item,
            rule.basis,
            quantity,
            rule.unit,
            rule.unit_price_fen,
            amount,
            rule.payee,
            version,
            self.formula(quantity, facts, raw, amount),
        )


_ZERO = Decimal(0)
_ONE = Decimal(1)
# Prepared steps of the tables in use, by identity (a table object is immutable).
_PLANS: dict[int, tuple[RateTable, tuple[_Step, ...]]] = {}


def _plan(table: RateTable) -> tuple[_Step, ...]:
    cached = _PLANS.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    if len(_PLANS) > 16:
        _PLANS.clear()
    steps = tuple(_Step.of(rule) for rule in table.rules)
    _PLANS[id(table)] = (table, steps)
    return steps


def compute(facts: HouseholdFacts, table: RateTable, *, with_refusals: bool = False) -> list[Line]:
    """The lines one household is owed under ``table``, in the table's rule order.

    A rule whose conditions select nothing (no such land, no such house, not signed in
    time) gives no line at all, so a minimum is never paid for nothing. Items registered
    after ``facts.cutoff`` are left out; ``with_refusals`` adds a 0.00 line for each that
    says why (what the register stores and prints).
    """
    refused: list[Line] = []
    if facts.cutoff is not None:
        facts, refused = cutoff_guard(facts, table)
    out: list[Line] = []
    version = table.version
    for step in _plan(table):
        if (step.tags is not None or step.deadline is not None) and not step.applies(facts):
            continue
        quantity = step.basis.count(step, facts)
        if quantity > 0:
            out.append(step.line(quantity, facts, version))
    return out + refused if with_refusals else out


class Pricer:
    """:func:`compute` for many households under one table, with the same lines.

    Rules are grouped by what their basis reads (``Basis.reads``); a group's lines depend only on
    those facts, the tags and the signing date, so households alike in them share the group's
    lines (most persons, 户 and attachment lines, many land ones). Rules whose basis does not say
    what it reads are priced for every household, as :func:`compute` does."""

    def __init__(self, table: RateTable, *, with_refusals: bool = False) -> None:
        self.table, self.with_refusals = table, with_refusals
        steps = _plan(table)
        by_reads: dict[tuple[str, ...] | None, list[tuple[int, _Step]]] = {}
        self.groups: list[tuple[Callable[[HouseholdFacts], object] | None, tuple[tuple[int, _Step], ...]]] = []
        # Rules reading only a household's numbers (persons, months: few distinct values) form one
        # group; each collection (parcels, houses, attachments) read makes its own.
        scalars = tuple(
            sorted({f for st in steps for f in (st.basis.reads or ()) if HouseholdFacts._field_defaults.get(f) != ()})
        )
        for index, step in enumerate(steps):
            reads = step.basis.reads
            if reads is None:
                self.groups.append((None, ((index, step),)))
            else:
                key = scalars if all(HouseholdFacts._field_defaults.get(f) != () for f in reads) else reads
                by_reads.setdefault(key, []).append((index, step))
        for reads, members in by_reads.items():
            assert reads is not None
            self.groups.append((attrgetter("tags", "signed_on", *reads), tuple(members)))
        # Each group's lines by its facts; a group whose facts rarely recur (houses) soon stops keeping them.
        self.caches: list[Memo[object, tuple[tuple[int, Line], ...]]] = [Memo() for _ in self.groups]
        self.size = len(steps)

    def _group(self, members: tuple[tuple[int, _Step], ...], facts: HouseholdFacts) -> tuple[tuple[int, Line], ...]:
        """The loop of :func:`compute` over one group's rules."""
        out: list[tuple[int, Line]] = []
        version = self.table.version
        for index, step in members:
            if (step.tags is not None or step.deadline is not None) and not step.applies(facts):
                continue
            quantity = step.basis.count(step, facts)
            if quantity > 0:
                out.append((index, step.line(quantity, facts, version)))
        return tuple(out)

    def __call__(self, facts: HouseholdFacts) -> list[Line]:
        refused: list[Line] = []
        if facts.cutoff is not None:
            facts, refused = cutoff_guard(facts, self.table)
        slots: list[Line | None] = [None] * self.size
        for (key_of, members), cache in zip(self.groups, self.caches, strict=True):
            if key_of is None:
                priced = self._group(members, facts)
            else:
                key = key_of(facts)
                cache.asked += 1
                priced = cache.get(key)  # type: ignore[assignment]
                if priced is None:
                    priced = self._group(members, facts)
                    cache.keep(key, priced)
            for index, line in priced:
                slots[index] = line
        out = [line for line in slots if line is not None]
        return out + refused if self.with_refusals else out


def _late(day: date | None, cutoff: date) -> bool:
    return day is not None and day > cutoff


def cutoff_guard(facts: HouseholdFacts, table: RateTable) -> tuple[HouseholdFacts, list[Line]]:
    """Items registered after the cut-off (抢栽抢建): priced only by a rule that names them.

    A house registered after the 预公告 date counts as ``合法性=截止后登记``, so only a rule
    with that condition prices it; attachments and persons registered after it are never
    priced. Each item refused gets a line of 0.00 that says why (the line is printed)."""
    cutoff = facts.cutoff
    assert cutoff is not None
    days = [s.registered_on for s in facts.structures if s.registered_on is not None]
    days.extend(a.registered_on for a in facts.attachments if a.registered_on is not None)
    if not facts.late_persons and not (days and max(days) > cutoff):
        return facts, []  # the common case: nothing registered after the cut-off
    steps = [st for st in _plan(table) if st.rule.basis in (FLOOR_AREA, DECORATION) and st.applies(facts)]
    reason = f"在补偿截止日（征收土地预公告日 {cutoff.isoformat()}）之后登记，不予补偿"
    structures: list[StructureFact] = []
    refused: list[Line] = []
    for n, s in enumerate(facts.structures, start=1):
        if not _late(s.registered_on, cutoff):
            structures.append(s)
            continue
        marked = s._replace(legal_status=AFTER_CUTOFF)
        structures.append(marked)
        if not any(st.house(marked) for st in steps):
            area = format_quantity(s.floor_area_m2, FLOOR_AREA)
            why = f"登记日 {s.registered_on}，{reason}"
            item = f"房屋（{s.structure_type} {area}㎡）"
            refused.append(_refused(f"截止S{n}", item, FLOOR_AREA, s.floor_area_m2, "㎡", why))
    attachments: list[AttachmentFact] = []
    for n, a in enumerate(facts.attachments, start=1):
        if not _late(a.registered_on, cutoff):
            attachments.append(a)
            continue
        why = f"登记日 {a.registered_on}，{reason}"
        refused.append(_refused(f"截止A{n}", f"附着物（{a.kind}）", ATTACHMENT, a.quantity, a.unit, why))
    if facts.late_persons:
        why = f"{facts.late_persons} 人{reason}，不计安置人口"
        refused.append(_refused("截止P", "截止日后登记人口", PERSONS, Decimal(facts.late_persons), "人", why))
    refused = [ln._replace(table_version=table.version) for ln in refused]
    return facts._replace(structures=tuple(structures), attachments=tuple(attachments)), refused


def _refused(code: str, item: str, basis: str, quantity: Decimal, unit: str, why: str) -> Line:
    return Line(code, item, basis, quantity, unit, 0, 0, "户", 0, why)


def total_fen(lines: Iterable[Line], adjustments: Iterable[Adjustment] = ()) -> int:
    return sum(line.amount_fen for line in lines) + sum(a.amount_fen for a in adjustments)


def totals_by(lines: Iterable[Line], key: str) -> dict[str, int]:
    """Sums per ``item`` or ``payee`` (in first-seen order)."""
    out: dict[str, int] = {}
    for line in lines:
        name = getattr(line, key)
        out[name] = out.get(name, 0) + line.amount_fen
    return out


def line_digest_part(ln: Line) -> str:
    """One line's share of :func:`lines_digest` (bulk writers keep it with the line)."""
    return (
        f"{ln.rule_code}\x1f{ln.item}\x1f{ln.basis}\x1f{ln.quantity.normalize():f}\x1f{ln.unit}\x1f"
        f"{ln.unit_price_fen}\x1f{ln.amount_fen}\x1f{ln.payee}\x1f{ln.table_version}\x1f{ln.formula}"
    )


def lines_digest(lines: Iterable[Line], table_id: int | None = None) -> str:
    """A fingerprint of the lines as stored: equal digests mean a recompute changes nothing."""
    return digest_of_parts((line_digest_part(ln) for ln in lines), table_id)


def digest_of_parts(parts: Iterable[str], table_id: int | None = None) -> str:
    """:func:`lines_digest` from the lines' :func:`line_digest_part`."""
    text = "\x1e".join((str(table_id), *parts))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def facts_digest(facts: HouseholdFacts, table_id: int) -> str:
    """A fingerprint of everything :func:`compute` reads: same digest, same lines (tables are frozen)."""
    parts = [
        f"{ENGINE_VERSION}|{table_id}|{facts.resettled_persons}|{facts.transition_months}|{facts.signed_on}",
        "\x1f".join(sorted(facts.tags)),
        *(f"P{p.land_class}\x1f{p.area_mu}" for p in facts.parcels),
        *(
            f"S{s.structure_type}\x1f{s.floor_area_m2}\x1f{s.use}\x1f{s.legal_status}\x1f{s.decoration_fen}"
            for s in facts.structures
        ),
        *(f"A{a.kind}\x1f{a.quantity}\x1f{a.unit}" for a in facts.attachments),
    ]
    if facts.cutoff is not None:  # only then: registers without a cut-off keep their digests
        parts.append(f"C{facts.cutoff}|{facts.late_persons}")
        parts.extend(f"R{s.registered_on}" for s in facts.structures)
        parts.extend(f"R{a.registered_on}" for a in facts.attachments)
    if facts.ss_bands or facts.ss_unbanded:  # only then: tables without 社保年龄段 keep their digests
        parts.append(f"B{facts.ss_unbanded}")
        parts.extend(f"B{b.band}\x1f{b.persons}\x1f{b.amount_fen}" for b in facts.ss_bands)
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
