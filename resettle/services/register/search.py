"""Listing and searching the register: the paged, sorted, filtered table and search-as-you-type.

A page is two statements: the page's rows, each with its village, group, stage, member count,
land and floor sums and compensation total (the page's ids chosen, sorted and cut by the
database in a subquery, the rest read for those rows only), and, for a name, initials or ID
search, the member each household was found by. The statements are built once per shape (which
filters, which sort, which kind of search text) and run with the values bound; all of it is
plain SQLAlchemy Core, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, bindparam, case, func, select, union
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from resettle.domain import progress
from resettle.errors import Cancelled, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.register.first_view import FirstPage
from resettle.services.register.records import HouseholdQuery, HouseholdRow, Page
from resettle.store.accounts_models import Agreement
from resettle.store.compensation_models import STATUS_COMPUTED, STATUS_NONE, STATUS_REVIEWED, HouseholdCompensation
from resettle.store.database import Database
from resettle.store.models import (
    Household,
    LandParcel,
    Person,
    Structure,
    Village,
    VillageGroup,
)

# The tables, not the mapped classes: a statement of mapped attributes is compiled through the ORM
# (every mapper configured at its first use, ~100 ms CPU for each new statement shape — the first
# search after opening paid it); a Core statement compiles in a few ms, with the same column types.
_household, _person = Household.__table__, Person.__table__
_land, _structure = LandParcel.__table__, Structure.__table__
_village, _group = Village.__table__, VillageGroup.__table__
H, P, LP, ST, V, VG = _household.c, _person.c, _land.c, _structure.c, _village.c, _group.c

SORT_COLUMNS: dict[str, Any] = {
    "household_no": (H.household_no,),
    "head_name": (H.head_name, H.household_no),
    "group": (H.group_id, H.household_no),
    "phone": (H.phone, H.household_no),
    "status": (None, H.household_no),  # None: the derived stage, see _stage()
}


TOP = "\U0010ffff"  # sorts after every character: col >= p AND col < p + TOP is a prefix search


def _prefix(col: Any, text: str) -> ColumnElement[bool]:
    return and_(col >= text, col < text + TOP)


def _bound_prefix(col: Any) -> ColumnElement[bool]:
    """A prefix search on ``col`` for the bound text (parameters ``t`` and ``t_top``)."""
    return and_(col >= bindparam("t"), col < bindparam("t_top"))


SEARCH_CAP = 2000  # per branch: a search that matches more is shown in part and the clerk types more

NAME, INITIALS, DIGITS = "name", "initials", "digits"  # what the clerk typed


def _typed(text: str) -> tuple[str, str] | None:
    """(kind, the text as searched) for what the clerk typed; None for nothing."""
    t = "".join(text.replace("\u3000", " ").split())
    if not t:
        return None
    if t.isascii() and t.isalpha():
        return INITIALS, t
    if t.isascii() and t.rstrip("xX").isdigit():
        return DIGITS, t.upper()
    return NAME, t


def _branch_selects(kind: str, counting: bool = False) -> list[Select[Any]]:
    """One index range scan per place the text may be found (bound: ``t``, ``t_top``, ``t_key``).

    ``counting``: the members' own keys instead of their household's (the scan never leaves the index)."""
    key = and_(H.household_no >= bindparam("t_key"), H.household_no < bindparam("t_key_top"))
    member = P.id if counting else P.household_id
    if kind == INITIALS:
        return [
            select(H.id).where(_bound_prefix(H.head_initials)),
            select(member).where(_bound_prefix(P.name_initials)),
            select(H.id).where(key),
        ]
    if kind == DIGITS:
        return [
            select(member).where(P.id_number != "", _bound_prefix(P.id_number)),
            select(H.id).where(_bound_prefix(H.phone)),
            select(H.id).where(key),
        ]
    return [
        select(H.id).where(_bound_prefix(H.head_name)),
        select(member).where(_bound_prefix(P.name)),
        select(H.id).where(key),
    ]


def _text_params(text: str) -> dict[str, str]:
    typed = _typed(text)
    if typed is None:
        return {}
    kind, t = typed
    searched = t.lower() if kind == INITIALS else t
    key = t  # 户号 as typed (letters keep their case; an ID's x is upper-cased as in the ID branch)
    return {"t": searched, "t_top": searched + TOP, "t_key": key, "t_key_top": key + TOP}


def _matches(kind: str) -> Any:
    """Ids of households matching what a clerk types: 户号, name, pinyin initials, ID or phone prefix
    (bound: :func:`_text_params`). Each branch is an index range scan cut at SEARCH_CAP rows, so even
    a one-letter search does bounded work; queries start from this small set (a join on the key)."""
    limited = [b.limit(SEARCH_CAP).subquery() for b in _branch_selects(kind)]
    return union(*(select(sub.c[0].label("id")) for sub in limited)).subquery("matches")


def search_capped(db: Database, text: str) -> bool:
    """Whether a search matched more than the register shows (the clerk should type more)."""
    require(db, Need.READ, "查找户")
    with db.read() as s:
        return _capped(s, text)


_CAPS: dict[str, list[Any]] = {}


def _capped(s: Session, text: str) -> bool:
    typed = _typed(text)
    if typed is None:
        return False
    counts = _CAPS.get(typed[0])
    if counts is None:
        counts = _CAPS[typed[0]] = [
            select(func.count()).select_from(b.limit(SEARCH_CAP).subquery())
            for b in _branch_selects(typed[0], counting=True)
        ]
    params = _text_params(text)
    return any((s.scalar(count, params) or 0) >= SEARCH_CAP for count in counts)


class _Progress(NamedTuple):
    """The rows a household's stage is read from: its compensation, its agreement (协议, seq 0)."""

    hc: Any
    ag: Any


def _compensation() -> _Progress:
    return _Progress(HouseholdCompensation.__table__.alias("hc"), Agreement.__table__.alias("ag"))


def _joined(q: Select[Any], rows: _Progress) -> Select[Any]:
    return q.outerjoin(rows.hc, rows.hc.c.household_id == H.id).outerjoin(
        rows.ag, (rows.ag.c.household_id == H.id) & (rows.ag.c.seq == 0)
    )


def _stage(rows: _Progress) -> Any:
    """The household's stage (``progress.stage_of`` in SQL): its agreement's once signed or paid, else
    compensation's once computed, else what the survey recorded."""
    return case(
        (rows.ag.c.status.in_(progress.AGREEMENT_PAID), progress.PAID),
        (rows.ag.c.status.in_(progress.AGREEMENT_SIGNED), progress.SIGNED),
        (rows.hc.c.status == STATUS_REVIEWED, progress.REVIEWED),
        (rows.hc.c.status == STATUS_COMPUTED, progress.COMPUTED),
        else_=H.status,
    )


Shape = tuple[str, bool, bool, bool, bool, str, bool]  # text kind, project, village, group, status, sort, desc


def _shape(query: HouseholdQuery) -> Shape:
    typed = _typed(query.text)
    return (typed[0] if typed else "", query.project_id is not None, query.village_id is not None,
            query.group_id is not None, bool(query.status), query.sort, query.descending)  # fmt: skip


def _params(query: HouseholdQuery) -> dict[str, Any]:
    params: dict[str, Any] = _text_params(query.text)
    for name in ("project_id", "village_id", "group_id", "status"):
        value = getattr(query, name)
        if value:
            params[name] = value
    return params


def _filtered(shape: Shape, columns: list[Any], hc: _Progress) -> Select[Any]:
    """The households of the query (text, place, stage), with ``columns`` and the compensation row."""
    kind, project, village, group, status, _sort, _desc = shape
    q = select(*columns)
    if kind:
        matches = _matches(kind)
        q = q.select_from(matches).join(_household, H.id == matches.c[0])
    else:
        q = q.select_from(_household)
    if status or shape[5] == "status":  # the stage is read only where it is filtered or sorted on
        q = _joined(q, hc)
    if group:
        q = q.where(H.group_id == bindparam("group_id"))
    elif village:
        q = q.where(H.group_id.in_(select(VG.id).where(VG.village_id == bindparam("village_id"))))
    if project:
        q = q.where(H.project_id == bindparam("project_id"))
    if status:
        q = q.where(_stage(hc) == bindparam("status"))
    return q


_COUNTS: dict[Shape, Any] = {}  # statements by shape, built once
_PAGES: dict[tuple[Shape, bool], Any] = {}


def _count_statement(shape: Shape) -> Any:
    found = _COUNTS.get(shape)
    if found is None:
        kind, project, village, group, status = shape[:5]
        if kind and not (project or village or group or status):  # every match is a household: count them
            found = select(func.count()).select_from(_matches(kind))
        else:
            found = select(func.count()).select_from(_filtered(shape, [H.id], _compensation()).subquery())
        _COUNTS[shape] = found
    return found


def _page_statement(shape: Shape, with_total: bool) -> Any:
    """The rows of one page: the page's ids chosen, sorted and cut in a subquery; each row's place,
    stage, counts and sums read for those rows only."""
    found = _PAGES.get((shape, with_total))
    if found is not None:
        return found
    sort, descending = shape[5], shape[6]
    hc = _compensation()
    keys = [_stage(hc) if c is None else c for c in SORT_COLUMNS[sort]] + [H.id]
    labelled = [k.label(f"k{i}") for i, k in enumerate(keys)]
    columns = [H.id.label("page_id"), *labelled]
    if with_total:
        columns.append(func.count().over().label("total"))  # the whole filter's size, before the cut
    order = [c.desc() if descending else c.asc() for c in keys]
    page = (_filtered(shape, columns, hc).order_by(*order)
            .limit(bindparam("limit")).offset(bindparam("offset")).subquery("page"))  # fmt: skip
    row_hc = _compensation()
    persons = select(func.count()).where(P.household_id == H.id).scalar_subquery()
    land = select(func.sum(LP.area_mu)).where(LP.household_id == H.id).scalar_subquery()
    floor = select(func.sum(ST.floor_area_m2)).where(ST.household_id == H.id).scalar_subquery()
    total = case((row_hc.hc.c.status != STATUS_NONE, row_hc.hc.c.total), else_=None)
    columns = [H.id, H.household_no, H.head_name, V.name, VG.name,
               H.phone, _stage(row_hc), H.version, total, persons, land, floor]  # fmt: skip
    if with_total:
        columns.append(page.c.total)
    found = _joined(
        select(*columns)
        .select_from(page)
        .join(_household, H.id == page.c.page_id)
        .join(_group, H.group_id == VG.id)
        .join(_village, VG.village_id == V.id),
        row_hc,
    ).order_by(*[page.c[f"k{i}"].desc() if descending else page.c[f"k{i}"].asc() for i in range(len(keys))])
    _PAGES[(shape, with_total)] = found
    return found


def count_households(db: Database, query: HouseholdQuery) -> int:
    require(db, Need.READ, "查看户")
    with db.read() as s:
        return int(s.scalar(_count_statement(_shape(query)), _params(query)) or 0)


def list_households(
    db: Database, query: HouseholdQuery, offset: int = 0, limit: int = 200, with_total: bool = False
) -> Page:
    """One page of the register, sorted by the database (never in Python)."""
    require(db, Need.READ, "查看户")
    if query.sort not in SORT_COLUMNS:
        raise ValidationError(f"不能按「{query.sort}」排序", field="排序")
    with db.read() as s:
        rows, total = _page(s, query, offset, limit, with_total)
    return Page(rows=rows, offset=offset, total=total)


def first_page(
    db: Database, query: HouseholdQuery, limit: int, cancelled: Callable[[], bool] | None = None
) -> FirstPage:
    """The filter's size, its first ``limit`` rows and whether the search was cut, in one read.

    A search (at most SEARCH_CAP households per branch) is counted by the page statement itself.
    ``cancelled``: the read stops (raising Cancelled) once it turns true, e.g. when the clerk has
    typed on and this text's answer would never be shown."""
    require(db, Need.READ, "查看户")
    if query.sort not in SORT_COLUMNS:
        raise ValidationError(f"不能按「{query.sort}」排序", field="排序")
    if cancelled is not None and cancelled():
        raise Cancelled("已停止")
    searching = _typed(query.text) is not None
    with db.read(cancelled) as s:
        rows, total = _page(s, query, 0, limit, with_total=searching)
        if total is None:
            total = int(s.scalar(_count_statement(_shape(query)), _params(query)) or 0)
        capped = searching and total >= SEARCH_CAP // 2 and _capped(s, query.text)
    return FirstPage(total=total, rows=rows, capped=capped)


def _page(
    s: Session, query: HouseholdQuery, offset: int, limit: int, with_total: bool
) -> tuple[list[HouseholdRow], int | None]:
    shape = _shape(query)
    params = {**_params(query), "offset": offset, "limit": limit}
    found = s.execute(_page_statement(shape, with_total), params).all()
    total: int | None = None
    if with_total:
        total = (
            int(found[0][12]) if found else (0 if offset == 0 else int(s.scalar(_count_statement(shape), params) or 0))
        )
    matched = _matched_members(s, [int(r[0]) for r in found], query.text)
    rows = [
        HouseholdRow.of_page_columns(r, _area(r[10]), _area(r[11]), r[8], matched.get(int(r[0]), "")) for r in found
    ]
    return rows, total


def _area(total: Decimal | None) -> Decimal:
    """A per-household sum of a scaled INTEGER column (summed exactly as integers), to the hundredth."""
    return total.quantize(Decimal("0.01"), ROUND_HALF_UP) if total is not None else Decimal("0.00")


_MEMBERS: dict[str, Any] = {}


def _matched_members(s: Session, ids: list[int], text: str) -> dict[int, str]:
    """Per household of the page: the member (not the head) a name, initials or ID search matched."""
    typed = _typed(text)
    if typed is None or not ids:
        return {}
    kind = typed[0]
    statement = _MEMBERS.get(kind)
    if statement is None:
        if kind == INITIALS:
            cond = _bound_prefix(P.name_initials)
        elif kind == DIGITS:
            cond = and_(P.id_number != "", _bound_prefix(P.id_number))
        else:
            cond = _bound_prefix(P.name)
        statement = _MEMBERS[kind] = (
            select(P.household_id, P.name, P.relation, H.head_name)
            .join(_household, H.id == P.household_id)
            .where(P.household_id.in_(bindparam("ids", expanding=True)), cond)
            .order_by(P.household_id, P.seq)
        )
    rows = s.execute(statement, {**_text_params(text), "ids": ids}).all()
    found: dict[int, str] = {}
    heads = {int(hid) for hid, name, relation, head in rows if relation == "户主" or name == head}
    for hid, name, relation, _head in rows:
        if int(hid) in heads or int(hid) in found:
            continue
        found[int(hid)] = f"{name}（{relation}）" if relation else str(name)
    return found
