"""What a printed document says, as plain data for the templates (no Qt, no database).

Services fill these from the register; templates only lay them out. Amounts are Decimal
元 built from the stored 分, totals are sums of the rounded lines (domain.md), and 大写 is
always :func:`resettle.domain.money.to_capital`. Anything that goes on a public list is
masked through :func:`resettle.domain.mask.mask` here, so that no template can forget it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from resettle.documents.kinds import DocumentKind, KindInfo
from resettle.domain.head import head_member
from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.mask import mask
from resettle.domain.money import to_capital, to_fen
from resettle.domain.posting import ChainStamp
from resettle.domain.township import TownshipDetails

__all__ = [
    "DISCLOSURE_FIRST_PAGE_ROWS",
    "DISCLOSURE_LAST_PAGE_RESERVE",
    "DISCLOSURE_PAGE_ROWS",
    "PAYEE_HOUSEHOLD",
    "Compensation",
    "DisclosureDocument",
    "DisclosurePage",
    "DisclosureRow",
    "HouseholdDocument",
    "HouseholdInfo",
    "Issue",
    "ItemLine",
    "PlanLine",
    "ProjectInfo",
    "Terms",
    "amounts_of",
    "disclosure_pages",
    "disclosure_rows",
    "disclosure_snapshot",
    "household_snapshot",
    "issuer_of",
    "land_order",
    "listed_lines",
]

PAYEE_HOUSEHOLD = "户"
ZERO = Decimal("0.00")

# A 公示表 page holds a fixed number of one-line rows, so that the page count is known
# before layout and every page is a whole table with its header. The first page also
# carries the title block; the last page keeps room for the totals and the signature block.
DISCLOSURE_FIRST_PAGE_ROWS = 28
DISCLOSURE_PAGE_ROWS = 32
DISCLOSURE_LAST_PAGE_RESERVE = 8


def _sum(values: Sequence[Decimal]) -> Decimal:
    return sum(values, ZERO)


@dataclass(frozen=True)
class HouseholdInfo:
    """A household as a document shows it: the one read model (domain.household) and where it lives."""

    id: int
    village: str
    group: str
    data: HouseholdData

    @property
    def household_no(self) -> str:
        return self.data.household_no

    @property
    def head_name(self) -> str:
        return self.data.head_name

    @property
    def phone(self) -> str:
        return self.data.phone

    @property
    def address(self) -> str:
        return self.data.address

    @property
    def bank_name(self) -> str:
        return self.data.bank_name

    @property
    def bank_account(self) -> str:
        return self.data.bank_account

    @property
    def tags(self) -> str:
        return self.data.tags

    @property
    def members(self) -> tuple[PersonData, ...]:
        return self.data.persons

    @property
    def parcels(self) -> tuple[ParcelData, ...]:
        return self.data.parcels

    @property
    def houses(self) -> tuple[StructureData, ...]:
        return self.data.structures

    @property
    def attachments(self) -> tuple[AttachmentData, ...]:
        return self.data.attachments

    @property
    def head(self) -> PersonData | None:
        """The head among the members (resettle.domain.head: the rule every list and document uses)."""
        return head_member(self.members, self.head_name, lambda m: m.name, lambda m: m.relation)

    @property
    def head_id_number(self) -> str:
        head = self.head
        return head.id_number if head else ""

    @property
    def rights_holders(self) -> tuple[PersonData, ...]:
        """The head and every member entitled to resettlement: each of them signs the agreement."""
        head = self.head
        return tuple(m for m in self.members if m.resettled or m is head)

    @property
    def village_group(self) -> str:
        return f"{self.village}{self.group}"

    @property
    def persons(self) -> int:
        return len(self.members)

    @property
    def land_mu(self) -> Decimal:
        return sum((p.area_mu for p in self.parcels), Decimal("0"))

    @property
    def floor_area_m2(self) -> Decimal:
        return _sum([h.floor_area_m2 for h in self.houses])

    def land_by_class(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        for p in self.parcels:
            out[p.land_class] = out.get(p.land_class, Decimal("0")) + p.area_mu
        return out


@dataclass(frozen=True)
class ItemLine:
    """One printed line of the item table: a computed line or a manual adjustment."""

    item: str
    formula: str
    amount: Decimal
    payee: str
    adjustment: bool = False


@dataclass(frozen=True)
class Compensation:
    status: str
    lines: tuple[ItemLine, ...]
    table_label: str = ""
    table_source: str = ""  # the standard's 文号
    transition_months: int | None = None

    @property
    def total(self) -> Decimal:
        return _sum([ln.amount for ln in self.lines])

    def to(self, payee: str) -> tuple[ItemLine, ...]:
        return tuple(ln for ln in self.lines if ln.payee == payee)


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    name: str
    approval_no: str
    approval_date: date | None
    posting_days: int | None = None  # 公示期（天）; None = DEFAULT_POSTING_DAYS (resettle.domain.posting)


@dataclass(frozen=True)
class Terms:
    """Dates and periods an office sets when it issues (kept with the document for reprints)."""

    sign_deadline: date | None = None
    payment_days: int = 30
    moving_deadline: date | None = None
    posting_from: date | None = None
    posting_to: date | None = None

    def as_json(self) -> dict[str, Any]:
        def d(v: date | None) -> str | None:
            return v.isoformat() if v else None

        return {
            "sign_deadline": d(self.sign_deadline),
            "payment_days": self.payment_days,
            "moving_deadline": d(self.moving_deadline),
            "posting_from": d(self.posting_from),
            "posting_to": d(self.posting_to),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Terms:
        def d(v: Any) -> date | None:
            return date.fromisoformat(v) if v else None

        return cls(
            sign_deadline=d(data.get("sign_deadline")),
            payment_days=int(data.get("payment_days", 30)),
            moving_deadline=d(data.get("moving_deadline")),
            posting_from=d(data.get("posting_from")),
            posting_to=d(data.get("posting_to")),
        )


@dataclass(frozen=True)
class Issue:
    """The register entry a printed page carries: number, verification code, date, reprint."""

    kind: str
    title: str
    number: str  # empty on a draft
    code: str  # as printed (ABCDE-12345); empty on a draft
    issued_on: date
    reprint: bool = False
    print_no: int = 1  # this is the n-th printing of the document
    draft: bool = False


def issuer_of(township: TownshipDetails) -> str:
    """Who issues the documents: the office, else the township government."""
    if township.office:
        return township.office
    if township.township:
        return f"{township.township}人民政府"
    return "（征收实施单位）"


@dataclass(frozen=True)
class PlanLine:
    """One instalment of a signed agreement's payment plan, as the printed agreement states it."""

    seq: int
    percent: str  # as the plan was written: "70"
    condition: str  # 签约 / 腾房
    amount: Decimal


@dataclass(frozen=True)
class HouseholdDocument:
    """Context of the notice, agreement and voucher templates."""

    issue: Issue
    township: TownshipDetails
    project: ProjectInfo
    household: HouseholdInfo
    compensation: Compensation
    terms: Terms
    plan: tuple[PlanLine, ...] = ()  # a signed agreement's instalments to the family (empty: not yet signed)

    @property
    def issuer(self) -> str:
        return issuer_of(self.township)

    @property
    def lines(self) -> tuple[ItemLine, ...]:
        return self.compensation.lines

    @property
    def total(self) -> Decimal:
        return self.compensation.total

    @property
    def total_capital(self) -> str:
        return to_capital(to_fen(self.total))

    @property
    def payable_lines(self) -> tuple[ItemLine, ...]:
        """Lines paid to the household itself (social-security money goes to its account)."""
        return self.compensation.to(PAYEE_HOUSEHOLD)

    @property
    def payable_total(self) -> Decimal:
        return _sum([ln.amount for ln in self.payable_lines])

    @property
    def payable_capital(self) -> str:
        return to_capital(to_fen(self.payable_total))

    @property
    def other_lines(self) -> tuple[ItemLine, ...]:
        return tuple(ln for ln in self.lines if ln.payee != PAYEE_HOUSEHOLD)


@dataclass(frozen=True)
class DisclosureRow:
    seq: int
    household_id: int
    household_no: str
    head_name: str
    village_group: str
    persons: int
    id_masked: str
    phone_masked: str
    land: dict[str, Decimal]  # land class -> 亩
    floor_area_m2: Decimal
    amounts: dict[str, Decimal]  # item -> 元
    total: Decimal


@dataclass(frozen=True)
class DisclosurePage:
    number: int
    rows: tuple[DisclosureRow, ...]
    subtotal: dict[str, Decimal]  # item -> 元 of this page's rows
    subtotal_total: Decimal
    first: bool
    last: bool


@dataclass(frozen=True)
class DisclosureDocument:
    """Context of the 公示表 template."""

    issue: Issue
    township: TownshipDetails
    project: ProjectInfo
    scope_label: str
    table_label: str
    land_classes: tuple[str, ...]
    items: tuple[str, ...]
    pages: tuple[DisclosurePage, ...]
    terms: Terms
    chain_head: str  # hash of the newest audit entry when the list was issued ("" on a draft)
    totals: dict[str, Decimal] = field(default_factory=dict)  # item -> 元
    land_totals: dict[str, Decimal] = field(default_factory=dict)
    floor_total: Decimal = ZERO
    persons_total: int = 0
    total: Decimal = ZERO
    chain_seq: int = 0  # its sequence number

    @property
    def issuer(self) -> str:
        return issuer_of(self.township)

    @property
    def chain_line(self) -> str:
        """``审计链头：第 N 条 <16 hex>（date）``; "" on a draft."""
        if not self.chain_head:
            return ""
        return ChainStamp(self.chain_seq, self.chain_head, self.issue.issued_on).text

    @property
    def households(self) -> int:
        return sum(len(p.rows) for p in self.pages)

    @property
    def total_capital(self) -> str:
        return to_capital(to_fen(self.total))


def disclosure_pages(rows: Sequence[DisclosureRow], items: Sequence[str]) -> tuple[DisclosurePage, ...]:
    """Rows cut into pages: a shorter first page (title), full pages, and a last page with room for the totals.

    A page is the last one when the rows left fit on it with DISCLOSURE_LAST_PAGE_RESERVE rows
    to spare; otherwise it is filled (keeping at least one row for the last page)."""
    chunks: list[list[DisclosureRow]] = []
    rest = list(rows)
    capacity = DISCLOSURE_FIRST_PAGE_ROWS
    while True:
        if len(rest) <= capacity - DISCLOSURE_LAST_PAGE_RESERVE:
            chunks.append(rest)
            break
        take = min(capacity, len(rest) - 1)  # the totals never stand alone on a page without rows
        chunks.append(rest[:take])
        rest = rest[take:]
        capacity = DISCLOSURE_PAGE_ROWS
    out = []
    for i, chunk in enumerate(chunks):
        subtotal = {item: _sum([r.amounts.get(item, ZERO) for r in chunk]) for item in items}
        out.append(
            DisclosurePage(
                number=i + 1,
                rows=tuple(chunk),
                subtotal=subtotal,
                subtotal_total=_sum([r.total for r in chunk]),
                first=i == 0,
                last=i == len(chunks) - 1,
            )
        )
    return tuple(out)


LAND_CLASS_ORDER = ("水田", "旱地", "园地", "林地", "其他农用地")


def disclosure_rows(
    households: dict[int, HouseholdInfo], comps: dict[int, Compensation], ids: Sequence[int]
) -> list[DisclosureRow]:
    rows = []
    one_village = len({households[i].village for i in ids}) == 1  # then the group alone says where
    for seq, hid in enumerate(ids, start=1):
        h, comp = households[hid], comps[hid]
        amounts: dict[str, Decimal] = {}
        for ln in comp.lines:
            amounts[ln.item] = amounts.get(ln.item, ZERO) + ln.amount
        rows.append(
            DisclosureRow(
                seq=seq,
                household_id=h.id,
                household_no=h.household_no,
                head_name=h.head_name,
                village_group=h.group if one_village else h.village_group,
                persons=h.persons,
                id_masked=mask(h.head_id_number, "id"),
                phone_masked=mask(h.phone, "phone"),
                land=h.land_by_class(),
                floor_area_m2=h.floor_area_m2,
                amounts=amounts,
                total=comp.total,
            )
        )
    return rows


def land_order(classes: set[str]) -> tuple[str, ...]:
    known = [c for c in LAND_CLASS_ORDER if c in classes]
    return (*known, *sorted(classes - set(known)))


def listed_lines(info: KindInfo, comp: Compensation) -> tuple[ItemLine, ...]:
    """What a document lists: the voucher only what is paid to the household itself."""
    if info.kind is DocumentKind.VOUCHER:
        return comp.to(PAYEE_HOUSEHOLD)
    return comp.lines


# -- snapshots: what the register keeps of each issued document --------------------------------


def _line_key(ln: ItemLine) -> list[str]:
    return [ln.item, ln.payee, str(ln.amount)]


def household_snapshot(lines: Sequence[ItemLine], terms: Terms) -> dict[str, Any]:
    """Lines (item, payee, amount) and their total as the document states them, plus its terms."""
    return {
        "lines": [_line_key(ln) for ln in lines],
        "formulas": [ln.formula for ln in lines],
        "total": str(_sum([ln.amount for ln in lines])),
        "terms": terms.as_json(),
    }


def disclosure_snapshot(rows: Sequence[DisclosureRow], terms: Terms, chain_head: str) -> dict[str, Any]:
    return {
        "households": [[r.household_id, r.household_no, str(r.total)] for r in rows],
        "total": str(_sum([r.total for r in rows])),
        "terms": terms.as_json(),
        "chain_head": chain_head,
    }


def amounts_of(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The part of a snapshot that decides whether a document is still current: amounts only (and the
    flats of a 分配确认书: another flat at the same price is another paper)."""
    keys = ("lines", "households", "total", "flats")
    return {k: snapshot[k] for k in keys if k in snapshot}
