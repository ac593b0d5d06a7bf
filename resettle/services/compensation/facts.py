"""What a compute reads: the scope, each household's facts (set-based, a chunk at a time), and the
fingerprint that tells an unchanged household from a changed one without reading its facts.

The fingerprint (stored in ``household_compensation.inputs_digest``) comes from one query: the
standard and project settings in force (:func:`scope_revision`), the household's
own terms (signing date, transition months) and the newest audit entry of the tables the engine
reads (:data:`FACT_TABLES`). Every change the program makes to those rows writes such an entry
(field by field through the ORM, one per household in bulk), and audit ids only grow, so an
unchanged fingerprint means unchanged facts. A change made behind the program's back leaves no
entry; ``resettle check`` reports those (seals and the replay). Plain standard SQL, the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, select

from resettle.domain.compensation import (
    ENGINE_VERSION,
    AttachmentFact,
    HouseholdFacts,
    ParcelFact,
    StructureFact,
)
from resettle.domain.ids import birth_and_sex
from resettle.domain.rates import AGE_BANDS, RateTable
from resettle.domain.social_security import AgeBand, BandStandard
from resettle.errors import ValidationError
from resettle.services.procedure.cutoff import late_persons, project_cutoff
from resettle.store.compensation_models import STATUS_NONE, CompensationAdjustment, HouseholdCompensation
from resettle.store.livelihood_models import SS_PUBLISHED, LabourSettings, SocialSecurityBand, SocialSecurityStandard
from resettle.store.models import Attachment, Household, LandParcel, Person, Structure
from resettle.store.seal import sealed_columns

__all__ = [
    "FACT_TABLES",
    "Scope",
    "adjustment_totals",
    "age_band_standard",
    "fingerprints",
    "group_lines",
    "load_facts",
    "scope_revision",
    "stored_line_totals",
]

STATE_COLUMNS = sealed_columns(HouseholdCompensation.__table__)  # type: ignore[arg-type]
# Audited tables whose rows change what a household is owed (adjustments change its total).
# A basis that reads another table must add it here.
FACT_TABLES: tuple[str, ...] = tuple(
    str(m.__tablename__) for m in (Household, LandParcel, Structure, Attachment, Person, CompensationAdjustment)
)
FINGERPRINT_VERSION = "f2"  # older results hold a SHA-256 of the facts: never equal, so recomputed once
_LISTED = 200  # up to this many households are read by their ids, more by their id range
_TAG_SPLIT = re.compile(r"[,，、;；\s]+")


@dataclass(frozen=True)
class Scope:
    """Which households of a project: all, one village, one group, or listed ids."""

    project_id: int
    village_id: int | None = None
    group_id: int | None = None
    household_ids: tuple[int, ...] | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """``SELECT h.id …`` for use inside ``IN (…)``, with its qmark parameters."""
        sql = "SELECT h.id FROM household h"
        where = ["h.project_id = ?"]
        params: list[Any] = [self.project_id]
        if self.village_id is not None:
            sql += " JOIN village_group g ON g.id = h.group_id"
            where.append("g.village_id = ?")
            params.append(self.village_id)
        if self.group_id is not None:
            where.append("h.group_id = ?")
            params.append(self.group_id)
        if self.household_ids is not None:
            where.append(f"h.id IN ({', '.join('?' for _ in self.household_ids) or 'NULL'})")
            params.extend(self.household_ids)
        return f"{sql} WHERE {' AND '.join(where)}", params


@dataclass
class _Raw:
    """Facts of one household as read, before freezing into HouseholdFacts."""

    parcels: list[ParcelFact] = field(default_factory=list)
    structures: list[StructureFact] = field(default_factory=list)
    attachments: list[AttachmentFact] = field(default_factory=list)
    persons: int = 0
    tags: frozenset[str] = frozenset()


def _rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    return list(conn.exec_driver_sql(sql, tuple(params)).fetchall())


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else _parsed_day(str(value)[:10])


@lru_cache(maxsize=1 << 14)
def _parsed_day(text: str) -> date:
    return date.fromisoformat(text)  # a register's dates recur: each is parsed once


@lru_cache(maxsize=1 << 12)
def _tags(text: str | None) -> frozenset[str]:
    return frozenset(t for t in _TAG_SPLIT.split(text or "") if t)


def states(conn: Connection, where: str, params: Sequence[Any]) -> dict[int, dict[str, Any]]:
    """Stored review-state rows (raw, as in the file) by household id; ``where`` selects household ids."""
    names = ("id", "version", *STATE_COLUMNS)
    cols = ", ".join(f'"{c}"' for c in names)
    out: dict[int, dict[str, Any]] = {}
    for row in _rows(conn, f"SELECT {cols} FROM household_compensation WHERE {where}", params):
        values = dict(zip(names, row, strict=True))
        out[int(values["household_id"])] = values
    return out


def age_band_standard(conn: Connection, project_id: int, table: RateTable) -> BandStandard | None:
    """The project's published social-security standard when ``table`` has a rule counting 社保年龄段
    (None when it has none); such a table cannot be used before a standard with a reference date is published."""
    if not any(rule.basis == AGE_BANDS for rule in table.rules):
        return None
    standard = conn.execute(
        select(SocialSecurityStandard.id, SocialSecurityStandard.revision, SocialSecurityStandard.reference_date)
        .where(SocialSecurityStandard.project_id == project_id, SocialSecurityStandard.status == SS_PUBLISHED)
        .order_by(SocialSecurityStandard.revision.desc())
        .limit(1)
    ).first()
    if standard is None:
        raise ValidationError(
            f"补偿标准「{table.name}」的社保费用按社保年龄段计算，但本项目还没有已发布的社保标准："
            "请先在 社保 页导入并发布社保标准，再计算补偿",
            field="社保标准",
        )
    standard_id, revision, stated = standard
    if stated is None:
        stated = conn.execute(
            select(LabourSettings.reference_date).where(LabourSettings.project_id == project_id)
        ).scalar()
    day = _day(stated)
    if day is None:
        raise ValidationError(
            f"社保标准（第{revision}版）没有基准日，劳动力设置中也没有参照日：年龄无法确定，请先设定基准日",
            field="基准日",
        )
    bands = tuple(
        AgeBand(name, sex, int(start), int(end), benefit, Decimal(amount))
        for name, sex, start, end, benefit, amount in conn.execute(
            select(
                SocialSecurityBand.band,
                SocialSecurityBand.sex,
                SocialSecurityBand.start_age,
                SocialSecurityBand.end_age,
                SocialSecurityBand.benefit,
                SocialSecurityBand.amount,
            )
            .where(SocialSecurityBand.standard_id == standard_id)
            .order_by(SocialSecurityBand.seq)
        )
    )
    return BandStandard(f"ss{standard_id}.{revision}@{day}", day, bands)


def load_facts(
    conn: Connection,
    scope: Scope,
    default_months: int,
    household_ids: Sequence[int] | None = None,
    ages: BandStandard | None = None,
) -> tuple[dict[int, HouseholdFacts], dict[int, dict[str, Any]]]:
    """Facts of the households in ``scope`` (only ``household_ids`` when given) and their stored
    state rows, in a few set-based queries. With ``ages``, each land-lost household's members by
    social-security band (the same persons and bands as the 社保花名册)."""
    scope_sql, scope_params = scope.sql()
    if household_ids is None:
        where, params = f"household_id IN ({scope_sql})", list(scope_params)
    else:
        ids = list(household_ids)
        if not ids:
            return {}, {}
        if len(ids) <= _LISTED:
            where, params = f"household_id IN ({', '.join('?' for _ in ids)})", ids
        else:  # a chunk's run of ids is one index range; ``wanted`` drops the others in it
            where, params = "household_id >= ? AND household_id <= ?", [min(ids), max(ids)]
    wanted = None if household_ids is None else set(household_ids)
    raw: dict[int, _Raw] = {}
    sql = f"SELECT id, tags FROM household WHERE {where.replace('household_id', 'id')} ORDER BY id"
    for hid, tags in _rows(conn, sql, params):
        if wanted is None or hid in wanted:
            raw[int(hid)] = _Raw(tags=_tags(tags))
    # Areas arrive as stored integers; equal ones (most are) share one Decimal.
    areas: dict[int, Decimal] = {}
    hundredths: dict[int, Decimal] = {}

    def area(units: int) -> Decimal:
        d = areas.get(units)
        if d is None:
            d = areas[units] = Decimal(units).scaleb(-4)
        return d

    def cents(units: int) -> Decimal:
        d = hundredths.get(units)
        if d is None:
            d = hundredths[units] = Decimal(units).scaleb(-2)
        return d

    sql = f"SELECT household_id, land_class, area_mu FROM land_parcel WHERE {where} ORDER BY id"
    for hid, land_class, units in _rows(conn, sql, params):
        r = raw.get(hid)
        if r is not None:
            r.parcels.append(ParcelFact(land_class, area(units)))
    cutoff, family_counts = project_cutoff(conn, scope.project_id)  # issue 15: 不予补偿 after the cut-off
    sql = (
        "SELECT household_id, structure_type, use, legal_status, floor_area_m2, decoration_value, registered_on "
        f"FROM structure WHERE {where} ORDER BY id"
    )
    for hid, kind, use, legal, units, decoration, reg in _rows(conn, sql, params):
        r = raw.get(hid)
        if r is not None:
            r.structures.append(StructureFact(kind, cents(units), use, legal, int(decoration), _day(reg)))
    sql = f"SELECT household_id, kind, quantity, unit, registered_on FROM attachment WHERE {where} ORDER BY id"
    for hid, kind, units, unit, reg in _rows(conn, sql, params):
        r = raw.get(hid)
        if r is not None:
            r.attachments.append(AttachmentFact(kind, cents(units), unit, _day(reg)))
    sql = f"SELECT household_id, count(*) FROM person WHERE resettled = ? AND {where} GROUP BY household_id"
    for hid, n in _rows(conn, sql, [True, *params]):
        r = raw.get(hid)
        if r is not None:
            r.persons = int(n)
    late = late_persons(conn, cutoff, family_counts, where_sql(where), params) if cutoff is not None else {}
    members: dict[int, list[tuple[date | None, str]]] = defaultdict(list)
    if ages is not None:
        sql = f"SELECT household_id, birth_date, sex, id_number FROM person WHERE {where} ORDER BY id"
        for hid, birth, sex, id_number in _rows(conn, sql, params):
            r = raw.get(hid)
            if r is not None and any(p.area_mu > 0 for p in r.parcels):  # land-lost (失地) households only
                members[hid].append(birth_and_sex(_day(birth), sex or "", id_number or ""))
    stored = states(conn, where, params)
    facts: dict[int, HouseholdFacts] = {}
    for hid, r in raw.items():
        state = stored.get(hid)
        signed = state["signed_on"] if state else None
        months = state["transition_months"] if state else None
        facts[hid] = HouseholdFacts(
            parcels=tuple(r.parcels),
            structures=tuple(r.structures),
            attachments=tuple(r.attachments),
            resettled_persons=r.persons - late.get(hid, 0),
            tags=r.tags,
            signed_on=_day(signed),
            transition_months=default_months if months is None else int(months),
            cutoff=cutoff,
            late_persons=late.get(hid, 0),
            **_bands(ages, members.get(hid)),
        )
    if wanted is not None:
        stored = {h: s for h, s in stored.items() if h in wanted}
    return facts, stored


def _bands(ages: BandStandard | None, members: list[tuple[date | None, str]] | None) -> dict[str, Any]:
    if ages is None or not members:
        return {}
    shares, unbanded = ages.shares(members)
    return {"ss_bands": shares, "ss_unbanded": unbanded}


def where_sql(where: str) -> str:
    """``late_persons`` takes a subquery of household ids: the same condition as one."""
    return f"SELECT h2.id FROM household h2 WHERE {where.replace('household_id', 'h2.id')}"


def scope_revision(
    table_id: int, table_version: int, cutoff: date | None, family_counts: bool, months: int, ages: str = ""
) -> str:
    """The part of every fingerprint that is the same for the whole scope: engine, standard, settings
    (and the social-security standard when the table counts 社保年龄段: ``ages`` is its key)."""
    text = f"{ENGINE_VERSION}|{table_id}|{table_version}|{cutoff}|{family_counts}|{months}|{','.join(FACT_TABLES)}"
    if ages:  # only then: every other fingerprint stays as it was
        text += f"|{ages}"
    return FINGERPRINT_VERSION + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprints(
    conn: Connection, scope: Scope, revision: str, table_id: int, table_version: int
) -> list[tuple[int, int | None, str]]:
    """Every household of ``scope`` in id order: (id, its stored total when its result is current
    and its fingerprint unchanged, else None; its fingerprint now)."""
    scope_sql, params = scope.sql()
    entities = ", ".join(f"'{t}'" for t in FACT_TABLES)
    sql = (
        "SELECT h.id, hc.status, hc.rate_table_id, hc.table_version, hc.inputs_digest, hc.total, hc.signed_on, "
        "hc.transition_months, "
        f"(SELECT max(a.id) FROM audit_log a WHERE a.household_id = h.id AND a.entity IN ({entities})) "
        "FROM household h LEFT JOIN household_compensation hc ON hc.household_id = h.id "
        f"WHERE h.id IN ({scope_sql}) ORDER BY h.id"
    )
    out: list[tuple[int, int | None, str]] = []
    for hid, status, rtid, version, stored, total, signed, months, newest in _rows(conn, sql, params):
        now = f"{revision}:{_day(signed) or '-'}:{'-' if months is None else months}:{newest or 0}"
        fresh = stored == now and rtid == table_id and version == table_version and status != STATUS_NONE
        out.append((int(hid), int(total) if fresh else None, now))
    return out


def stored_line_totals(conn: Connection, scope: Scope) -> dict[int, int]:
    """Σ stored line amounts (分) per household."""
    scope_sql, params = scope.sql()
    sql = f"SELECT household_id, sum(amount) FROM compensation_line WHERE household_id IN ({scope_sql}) GROUP BY 1"
    return {int(h): int(t) for h, t in _rows(conn, sql, params)}


def adjustment_totals(conn: Connection, scope: Scope, household_ids: Iterable[int] | None = None) -> dict[int, int]:
    scope_sql, params = scope.sql()
    sql = (
        f"SELECT household_id, sum(amount) FROM compensation_adjustment WHERE household_id IN ({scope_sql}) GROUP BY 1"
    )
    out = {int(h): int(t) for h, t in _rows(conn, sql, params)}
    if household_ids is not None:
        wanted = set(household_ids)
        out = {h: t for h, t in out.items() if h in wanted}
    return out


def group_lines(rows: Iterable[tuple[int, str, str, int]]) -> dict[int, dict[str, tuple[str, int]]]:
    """(household_id, rule_code, item, amount) rows → per household {code: (item, amount)}."""
    out: dict[int, dict[str, tuple[str, int]]] = defaultdict(dict)
    for hid, code, item, amount in rows:
        out[int(hid)][code] = (item, int(amount))
    return out
