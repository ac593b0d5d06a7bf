"""The register read for the household workbooks: rows in export order, in SQLAlchemy Core.

Households come in the register's order (village, group as created, 户号, id). An export
reads its whole scope with one statement per table: the households, and each child table
(members, parcels, houses, attachments) joined to its household and sorted the same way,
all streamed side by side and zipped household by household (:class:`_Follow`). No id
lists are sent to the database and nothing is compiled per chunk, so the read costs about
what the raw driver costs, on SQLite and on a server alike (results are streamed:
``stream_results``). :func:`households_by_id` reads any list of households, in chunks.

Rows are the exports' tuples (:class:`resettle.io.exports.common.RosterHousehold`): plain
driver rows turned straight into them, with the scaled columns converted by their own
column type's scale.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Integer, func, select, type_coerce
from sqlalchemy.orm import Session

from resettle.domain.head import HEAD_RELATIONS
from resettle.io.exports.common import RosterAttachment, RosterHousehold, RosterPerson
from resettle.io.exports.roster import GroupCount
from resettle.store.models import Attachment, Household, LandParcel, Person, Structure, Village, VillageGroup

__all__ = [
    "ALL_PARTS",
    "CHUNK",
    "ExportScope",
    "count_households",
    "group_counts",
    "households_by_id",
    "land_classes",
    "ordered_ids",
    "scope_households",
]

CHUNK = 500  # households per round of child queries when reading by id
STREAM = 2000  # rows fetched at a time from each open result
ALL_PARTS = frozenset({"persons", "parcels", "structures", "attachments"})

_H, _P = Household.__table__, Person.__table__
_L, _S, _A = LandParcel.__table__, Structure.__table__, Attachment.__table__
_G, _V = VillageGroup.__table__, Village.__table__
_ORDER = (_G.c.village_id, _G.c.id, _H.c.household_no, _H.c.id)  # the register's order (village.id = group.village_id)


@dataclass(frozen=True)
class ExportScope:
    project_id: int
    project_name: str
    village_id: int | None = None
    village_name: str = ""
    group_id: int | None = None  # one village group (村民小组) of the village
    group_name: str = ""

    @property
    def title(self) -> str:
        return self.project_name + (f"（{self.village_name}{self.group_name}）" if self.village_name else "")


def _in_scope(q: Any, scope: ExportScope) -> Any:
    """``q`` (which joins household and village_group) limited to the scope."""
    q = q.where(_H.c.project_id == scope.project_id)
    if scope.village_id is not None:
        q = q.where(_G.c.village_id == scope.village_id)
    if scope.group_id is not None:
        q = q.where(_H.c.group_id == scope.group_id)
    return q


_HOUSEHOLD_GROUP = _H.join(_G, _G.c.id == _H.c.group_id)


def ordered_ids(s: Session, scope: ExportScope) -> list[int]:
    """The scope's household ids in export order."""
    return [
        int(i) for i in s.scalars(_in_scope(select(_H.c.id).select_from(_HOUSEHOLD_GROUP), scope).order_by(*_ORDER))
    ]


def _scope_conditions(scope: ExportScope) -> list[Any]:
    """The scope as conditions on the household table alone (no join: cheaper for counts)."""
    conditions = [_H.c.project_id == scope.project_id]
    if scope.group_id is not None:
        conditions.append(_H.c.group_id == scope.group_id)
    if scope.village_id is not None:
        conditions.append(_H.c.group_id.in_(select(_G.c.id).where(_G.c.village_id == scope.village_id)))
    return conditions


def group_counts(s: Session, scope: ExportScope, with_persons: bool = True) -> list[GroupCount]:
    """The scope's village groups in export order, with their households and (``with_persons``) members."""
    where = _scope_conditions(scope)
    households = select(_H.c.group_id, func.count().label("n")).where(*where).group_by(_H.c.group_id).subquery()
    joined = households.join(_G, _G.c.id == households.c.group_id).join(_V, _V.c.id == _G.c.village_id)
    columns: list[Any] = [_V.c.name, _G.c.name, households.c.n]
    if with_persons:
        members = select(_H.c.group_id, func.count().label("n")).select_from(_P.join(_H, _H.c.id == _P.c.household_id))
        persons = members.where(*where).group_by(_H.c.group_id).subquery()
        joined = joined.outerjoin(persons, persons.c.group_id == households.c.group_id)
        columns.append(func.coalesce(persons.c.n, 0))
    q = select(*columns).select_from(joined).order_by(_G.c.village_id, _G.c.id)
    return [
        GroupCount(str(row[0]), str(row[1]), int(row[2]), int(row[3]) if with_persons else 0) for row in s.execute(q)
    ]


def land_classes(s: Session, scope: ExportScope) -> tuple[str, ...]:
    """The land classes of the scope's parcels, in the order they were first entered."""
    first = func.min(_L.c.id)
    in_scope = _L.c.household_id.in_(select(_H.c.id).where(*_scope_conditions(scope)))
    q = select(_L.c.land_class, first).where(in_scope).group_by(_L.c.land_class).order_by(first)
    return tuple(str(c) for c, _ in s.execute(q))


def count_households(s: Session, scope: ExportScope) -> int:
    return int(s.scalar(select(func.count()).select_from(_H).where(*_scope_conditions(scope))) or 0)


# -- the statements ----------------------------------------------------------------------------


def _head_id(household: Any) -> Any:
    """The head's ID number as SQL (resettle.domain.head: the first member whose relation is the
    head's, else the one named like the head, else the first member; '' without members)."""

    def pick(*conditions: Any) -> Any:
        q = select(_P.c.id_number).where(_P.c.household_id == household.c.id, *conditions)
        return q.order_by(_P.c.seq, _P.c.id).limit(1).scalar_subquery()

    return func.coalesce(pick(_P.c.relation.in_(HEAD_RELATIONS)), pick(_P.c.name == household.c.head_name), pick(), "")


def _base(light: bool) -> Any:
    """Household rows; a one-row list (``light``) also gets the member count and the head's ID."""
    columns: list[Any] = [_H.c.id, _H.c.household_no, _H.c.head_name, _V.c.name, _G.c.name, _H.c.phone, _H.c.bank_name]
    columns += [_H.c.bank_account, _H.c.remarks, _H.c.address]
    if light:
        columns.append(select(func.count()).where(_P.c.household_id == _H.c.id).scalar_subquery())
        columns.append(_head_id(_H))
    return select(*columns).select_from(_HOUSEHOLD_GROUP.join(_V, _V.c.id == _G.c.village_id))


def _stored(column: Any) -> Any:
    """A scaled column read as its stored integer (see :func:`_scaled`)."""
    return type_coerce(column, Integer)


def _scaled(column: Any) -> Callable[[int | None], Decimal]:
    """The column's own conversion from the stored integer to Decimal (one source of truth for the scale)."""
    places = int(column.type.places)

    def convert(value: int | None) -> Decimal:
        return Decimal(int(value or 0)).scaleb(-places)

    return convert


_AREA, _FLOOR, _QUANTITY = _scaled(_L.c.area_mu), _scaled(_S.c.floor_area_m2), _scaled(_A.c.quantity)

# Per part: the child table and its columns (after household_id), and the export's tuple for a row.
_PARTS: dict[str, tuple[Any, tuple[Any, ...], Callable[[Any], Any]]] = {
    "persons": (
        _P,
        (_P.c.name, _P.c.relation, _P.c.sex, _P.c.id_number, _P.c.birth_date),
        lambda r: RosterPerson(r[1], r[2], r[3], r[4], r[5]),
    ),
    "parcels": (_L, (_L.c.land_class, _stored(_L.c.area_mu)), lambda r: (r[1], _AREA(r[2]))),
    "structures": (_S, (_S.c.structure_type, _stored(_S.c.floor_area_m2)), lambda r: (r[1], _FLOOR(r[2]))),
    "attachments": (
        _A,
        (_A.c.kind, _stored(_A.c.quantity), _A.c.unit, _A.c.spec),
        lambda r: RosterAttachment(r[1], _QUANTITY(r[2]), r[3], r[4]),
    ),
}
_PART_ORDER = ("persons", "parcels", "structures", "attachments")


def _household(row: Any, light: bool, children: Sequence[Sequence[Any]]) -> RosterHousehold:
    """The export row of one household; ``children`` in :data:`_PART_ORDER`, () for parts not read."""
    if light:
        _, no, head, village, group, phone, bank, account, remarks, address, members, head_id = row
    else:
        _, no, head, village, group, phone, bank, account, remarks, address = row
        members = head_id = None
    persons, parcels, structures, attachments = children
    return RosterHousehold(  # positional, in field order: a hundred thousand of these
        no, head, village, group, phone, bank, account, remarks,
        tuple(persons), tuple(parcels), tuple(structures), tuple(attachments),
        members, head_id, address,
    )  # fmt: skip


# -- the whole scope, streamed ---------------------------------------------------------------


class _Follow:
    """One child table's rows in export order, handed out household by household."""

    __slots__ = ("_make", "_next", "_rows")

    def __init__(self, rows: Iterable[Any], make: Callable[[Any], Any]) -> None:
        self._rows = iter(rows)
        self._next = next(self._rows, None)
        self._make = make

    def take(self, hid: int) -> list[Any]:
        row = self._next
        if row is None or row[0] != hid:
            return []
        out, rows, make = [], self._rows, self._make
        while row is not None and row[0] == hid:
            out.append(make(row))
            row = next(rows, None)
        self._next = row
        return out

    def done(self) -> bool:
        return self._next is None


def scope_households(
    s: Session, scope: ExportScope, parts: frozenset[str] = ALL_PARTS
) -> Generator[tuple[int, RosterHousehold], None, None]:
    """Every household of the scope, in export order, with the child rows named in ``parts``.

    Without ``persons``, a household carries its member count and its head's ID instead."""
    conn = s.connection().execution_options(stream_results=True, yield_per=STREAM)
    light = "persons" not in parts
    follows: list[_Follow | None] = []
    results: list[Any] = []  # closed however the iteration ends (a server keeps a cursor open for each)
    try:
        for part in _PART_ORDER:
            if part not in parts:
                follows.append(None)
                continue
            table, columns, make = _PARTS[part]
            q = select(table.c.household_id, *columns).select_from(
                table.join(_H, _H.c.id == table.c.household_id).join(_G, _G.c.id == _H.c.group_id)
            )
            results.append(conn.execute(_in_scope(q, scope).order_by(*_ORDER, table.c.seq, table.c.id)))
            follows.append(_Follow(chain.from_iterable(results[-1].partitions()), make))
        results.append(conn.execute(_in_scope(_base(light), scope).order_by(*_ORDER)))
        for row in chain.from_iterable(results[-1].partitions()):  # a batch at a time: no per-row fetch call
            hid = row[0]
            yield hid, _household(row, light, [() if f is None else f.take(hid) for f in follows])
        if not all(f is None or f.done() for f in follows):  # the orders disagreed: never write a wrong file
            raise RuntimeError("导出读取的子表顺序与户的顺序不一致")
    finally:
        for result in results:
            result.close()


# -- any households, by id ---------------------------------------------------------------------


def _chunk(conn: Connection, ids: list[int], parts: frozenset[str]) -> Iterator[tuple[int, RosterHousehold]]:
    light = "persons" not in parts
    found: list[dict[int, list[Any]]] = []
    for part in _PART_ORDER:
        by_household: dict[int, list[Any]] = {}
        if part in parts:
            table, columns, make = _PARTS[part]
            q = select(table.c.household_id, *columns).where(table.c.household_id.in_(ids))
            for r in conn.execute(q.order_by(table.c.household_id, table.c.seq, table.c.id)):
                by_household.setdefault(r[0], []).append(make(r))
        found.append(by_household)
    base = {r[0]: r for r in conn.execute(_base(light).where(_H.c.id.in_(ids)))}
    for hid in ids:
        yield hid, _household(base[hid], light, [f.get(hid, ()) for f in found])


def households_by_id(
    s: Session, ids: Sequence[int], parts: frozenset[str] = ALL_PARTS
) -> Iterator[tuple[int, RosterHousehold]]:
    """The households ``ids``, in that order, read :data:`CHUNK` at a time (as :func:`scope_households`)."""
    conn = s.connection()
    for start in range(0, len(ids), CHUNK):
        yield from _chunk(conn, list(ids[start : start + CHUNK]), parts)
