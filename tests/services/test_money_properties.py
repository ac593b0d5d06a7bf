"""Properties that must always hold: money round-trips exactly; list totals are the sums of the parts."""

from __future__ import annotations

import itertools
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, StructureData
from resettle.services.register import households, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from tests import dbraw
from tests.conftest import CLERK

YUAN = st.integers(min_value=0, max_value=10**14).map(lambda fen: Decimal(fen).scaleb(-2))  # 0.00 … 10^12 元
AREA_MU = st.integers(min_value=0, max_value=10**8).map(lambda units: Decimal(units).scaleb(-4))
AREA_M2 = st.integers(min_value=0, max_value=10**9).map(lambda units: Decimal(units).scaleb(-2))
PROPERTY_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def open_register(path: Path) -> tuple[Database, int]:
    db = Database.open(path, actor=CLERK, startup_backup=False)
    pid = projects.create_project(db, "测试项目")
    return db, projects.add_group(db, pid, "东岗村", "一组")


def stored_fen(db: Database, structure_id: int) -> tuple[int, str]:
    conn = dbraw.connect(db.path)
    # the stored value's own type: SQLite's typeof() per value; on a server the column's type, whose
    # name for an 8-byte integer is bigint
    kind_of = "pg_typeof(decoration_value)::text" if conn.server else "typeof(decoration_value)"
    try:
        value, kind = conn.execute(
            f"SELECT decoration_value, {kind_of} FROM structure WHERE id = ?", (structure_id,)
        ).fetchone()
    finally:
        conn.close()
    return int(value), {"bigint": "integer"}.get(str(kind), str(kind))


def test_money_round_trips_exactly_through_the_database(tmp_path: Path) -> None:
    db, group_id = open_register(tmp_path / "r.sqlite3")
    numbers = itertools.count(1)
    try:

        @PROPERTY_SETTINGS
        @given(amounts=st.lists(YUAN, min_size=1, max_size=3), later=YUAN)
        def check(amounts: list[Decimal], later: Decimal) -> None:
            data = HouseholdData(
                household_no=f"M{next(numbers):05d}",
                group_id=group_id,
                head_name="张三",
                structures=tuple(StructureData("砖混", Decimal("10.00"), decoration_value=a) for a in amounts),
            )
            created = households.create_household(db, data)
            back = [s.decoration_value for s in households.get_household(db, created.id).data.structures]
            assert back == amounts
            assert all(str(b) == str(a) for a, b in zip(amounts, back, strict=True)), "two places, as typed"
            for s, amount in zip(created.data.structures, amounts, strict=True):
                assert s.id is not None
                assert stored_fen(db, s.id) == (int(amount * 100), "integer")
            first = created.data.structures[0]
            edited = replace(created.data, structures=(replace(first, decoration_value=later),))
            updated = households.update_household(db, created, edited)
            assert updated.data.structures[0].decoration_value == later
            assert households.get_household(db, created.id).data.structures[0].decoration_value == later

        check()
    finally:
        db.close()


def test_list_totals_equal_the_sum_of_the_parts(tmp_path: Path) -> None:
    db, group_id = open_register(tmp_path / "r.sqlite3")
    numbers = itertools.count(1)
    try:

        @PROPERTY_SETTINGS
        @given(
            areas=st.lists(AREA_MU, max_size=4),
            floors=st.lists(AREA_M2, max_size=4),
            quantities=st.lists(AREA_M2, max_size=2),
        )
        def check(areas: list[Decimal], floors: list[Decimal], quantities: list[Decimal]) -> None:
            data = HouseholdData(
                household_no=f"T{next(numbers):05d}",
                group_id=group_id,
                head_name="李四",
                parcels=tuple(ParcelData("水田", a) for a in areas),
                structures=tuple(StructureData("砖混", f) for f in floors),
                attachments=tuple(AttachmentData("果树", q, "棵") for q in quantities),
            )
            created = households.create_household(db, data)
            (row,) = [
                r
                for r in search.list_households(db, HouseholdQuery(text=data.household_no), 0, 10).rows
                if r.id == created.id
            ]
            detail = households.get_household(db, created.id)
            assert [p.area_mu for p in detail.data.parcels] == areas
            assert [s.floor_area_m2 for s in detail.data.structures] == floors
            assert [a.quantity for a in detail.data.attachments] == quantities
            assert row.floor_area_m2 == sum(floors, Decimal("0.00"))
            # land is summed exactly, then shown to 0.01 亩, rounded once (half-up)
            assert row.land_mu == sum(areas, Decimal(0)).quantize(Decimal("0.01"), ROUND_HALF_UP)
            if all(a == a.quantize(Decimal("0.01")) for a in areas):
                assert row.land_mu == sum(areas, Decimal(0))
            assert row.persons == 0

        check()
    finally:
        db.close()
