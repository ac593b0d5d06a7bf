"""Money and areas are INTEGER in the file, Decimal in Python, never float."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.exc import StatementError

from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.ids import check_character
from resettle.domain.money import to_fen
from resettle.services.register import households, projects
from resettle.store import schema  # noqa: F401 - every table registered
from resettle.store.database import Database
from resettle.store.models import Base
from resettle.store.types import Money, ScaledDecimal, is_scaled
from tests import dbraw

DIALECT = sqlite_dialect.dialect()


def scaled_columns() -> list[tuple[Table, Column[Decimal]]]:
    return [(t, c) for t in Base.metadata.sorted_tables for c in t.columns if is_scaled(c)]


# The register's own columns, filled by the household services and the demo generator.
REGISTER_SCALED = [
    "land_parcel.area_mu",
    "structure.floor_area_m2",
    "structure.decoration_value",
    "attachment.quantity",
]
REGISTER_TABLES = {c.split(".")[0] for c in REGISTER_SCALED}


def person_id(birth: str, seq: str) -> str:
    first17 = f"330802{birth}{seq}"
    return first17 + check_character(first17)


def tables_in(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def assert_all_scaled_integer(db: Database) -> None:
    """Every money/area column of Base.metadata holds only INTEGER values; the register's tables have rows."""
    if db.server is not None:  # a BIGINT column holds nothing else; the tables must exist and have rows
        present = dbraw.table_names(db)
        types = dict(
            ((t, c), k)
            for t, c, k in dbraw.rows(
                db,
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
            )
        )
        for table, col in scaled_columns():
            assert table.name in present, f"no migration creates {table.name}"
            assert types[(table.name, col.name)] == "bigint", (
                f"{table.name}.{col.name} is {types[(table.name, col.name)]}"
            )
            if table.name in REGISTER_TABLES:
                assert dbraw.rows(db, f"SELECT count({col.name}) FROM {table.name}")[0][0], f"{table.name} has no rows"
        return
    conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        present = tables_in(conn)
        for table, col in scaled_columns():
            assert table.name in present, f"no migration creates {table.name}"
            kinds = dict(conn.execute(f"SELECT typeof({col.name}), count(*) FROM {table.name} GROUP BY 1").fetchall())
            assert set(kinds) <= {"integer"}, f"{table.name}.{col.name} holds {kinds}"
            if table.name in REGISTER_TABLES:
                assert kinds, f"{table.name} has no rows: the check would prove nothing"
    finally:
        conn.close()


def assert_all_scaled_integer_types(db: Database) -> None:
    kinds = {
        (t, c): k
        for t, c, k in dbraw.rows(
            db,
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
        )
    }
    for table, col in scaled_columns():
        assert kinds[(table.name, col.name)] == "bigint"


def test_the_known_money_and_area_columns_are_scaled() -> None:
    assert set(REGISTER_SCALED) <= {f"{t.name}.{c.name}" for t, c in scaled_columns()}
    assert isinstance(Base.metadata.tables["structure"].c.decoration_value.type, Money)


def test_schema_in_the_file_has_a_typeof_check_for_every_scaled_column(db: Database) -> None:
    if db.server is not None:  # PostgreSQL: a BIGINT column with the range check that replaces typeof()
        checks = dict(
            dbraw.rows(db, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c'")
        )
        for table, col in scaled_columns():
            definition = checks.get(f"ck_{table.name}_{col.name}_integer", "")
            assert f"{col.name} >= '-999999999999999'::bigint" in definition, f"{table.name}.{col.name} has no CHECK"
        assert_all_scaled_integer_types(db)
        return
    conn = db.raw_connection()
    try:
        present = tables_in(conn)
        for table, col in scaled_columns():
            assert table.name in present, f"no migration creates {table.name}"
            (sql,) = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (table.name,)
            ).fetchone()
            assert f"typeof({col.name}) IN ('integer', 'null')" in sql, f"{table.name}.{col.name} has no CHECK"
            decl = conn.execute(f"SELECT type FROM pragma_table_info('{table.name}') WHERE name=?", (col.name,))
            assert decl.fetchone()[0] == "INTEGER"
    finally:
        conn.close()


def test_columns_are_integer_after_saving_through_services(db: Database) -> None:
    pid = projects.create_project(db, "测试项目")
    gid = projects.add_group(db, pid, "东岗村", "一组")
    data = HouseholdData(
        household_no="DG01001",
        group_id=gid,
        head_name="张三",
        persons=(PersonData("张三", person_id("19700101", "001"), "户主"),),
        parcels=(ParcelData("水田", Decimal("1.2345")), ParcelData("旱地", Decimal("0.5"))),
        structures=(StructureData("砖混", Decimal("120.5"), decoration_value=Decimal("12345.675")),),
        attachments=(AttachmentData("果树", Decimal("3"), "棵"),),
    )
    created = households.create_household(db, data)
    assert_all_scaled_integer(db)
    edited = replace(
        created.data,
        structures=(
            *created.data.structures,
            StructureData("框架", Decimal("33.33"), decoration_value=Decimal("0.01")),
        ),
        attachments=(AttachmentData("围墙", Decimal("12.5"), "米", id=created.data.attachments[0].id),),
    )
    changed = households.update_household(db, created, edited)
    assert len(changed.data.structures) == 2
    assert_all_scaled_integer(db)
    # Decimal 元 in, half-up rounded 分 stored, exact Decimal back.
    assert changed.data.structures[0].decoration_value == Decimal("12345.68")
    assert changed.data.parcels[0].area_mu == Decimal("1.2345")


def test_columns_are_integer_after_demo(demo_db: Database) -> None:
    assert_all_scaled_integer(demo_db)


@pytest.mark.sqlite_only  # PostgreSQL: the BIGINT column refuses text; a raw 1.5 is cast (rounded) by the server
@pytest.mark.parametrize("column", REGISTER_SCALED)
def test_raw_update_with_a_non_integer_is_refused(demo_db: Database, column: str) -> None:
    table, col = column.split(".")
    conn = sqlite3.connect(demo_db.path)
    try:
        row_id, before = conn.execute(f"SELECT id, {col} FROM {table} ORDER BY id LIMIT 1").fetchone()
        for bad in (1.5, before + 0.5, "12.5", "abc", b"\x01"):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                conn.execute(f"UPDATE {table} SET {col} = ? WHERE id = ?", (bad, row_id))
            conn.rollback()
        assert conn.execute(f"SELECT {col}, typeof({col}) FROM {table} WHERE id = ?", (row_id,)).fetchone() == (
            before,
            "integer",
        )
        # the same statement with an integer goes through (the CHECK is not refusing everything)
        conn.execute(f"UPDATE {table} SET {col} = ? WHERE id = ?", (before + 1, row_id))
        conn.rollback()
    finally:
        conn.close()


@pytest.mark.parametrize("value", [0.1, 1.0, float("nan"), True])
def test_binding_a_float_or_bool_raises_type_error(value: object) -> None:
    for column_type in (Money(), ScaledDecimal(4), ScaledDecimal(2)):
        with pytest.raises(TypeError):
            column_type.process_bind_param(value, DIALECT)


def test_money_from_float_raises_type_error() -> None:
    with pytest.raises(TypeError):
        to_fen(2.675)  # type: ignore[arg-type]


def test_saving_a_float_amount_through_the_orm_is_refused_and_nothing_is_stored(db: Database) -> None:
    pid = projects.create_project(db, "测试项目")
    gid = projects.add_group(db, pid, "东岗村", "一组")
    data = HouseholdData(
        household_no="F001",
        group_id=gid,
        head_name="李四",
        structures=(StructureData("砖混", Decimal("10"), decoration_value=2.675),),  # type: ignore[arg-type]
    )
    with pytest.raises(StatementError) as info:
        households.create_household(db, data)
    assert isinstance(info.value.orig, TypeError)
    assert dbraw.rows(db, "SELECT count(*) FROM household") == [(0,)]
    assert dbraw.rows(db, "SELECT count(*) FROM structure") == [(0,)]


@pytest.mark.parametrize(
    ("places", "given_value", "stored"),
    [
        (2, Decimal("2.675"), 268),  # half-up, where a float would give 2.67
        (2, Decimal("0.005"), 1),
        (2, Decimal("0.004"), 0),
        (2, Decimal("-0.005"), -1),
        (2, 12, 1200),
        (2, "99.9", 9990),
        (4, Decimal("1.23455"), 12346),
        (4, Decimal("0.00005"), 1),
    ],
)
def test_rounding_is_half_up(places: int, given_value: object, stored: int) -> None:
    assert ScaledDecimal(places).process_bind_param(given_value, DIALECT) == stored


@given(
    places=st.sampled_from([2, 4]),
    units=st.integers(min_value=-(10**16), max_value=10**16),
)
def test_scaled_decimal_round_trips_exactly(places: int, units: int) -> None:
    column_type = ScaledDecimal(places)
    value = Decimal(units).scaleb(-places)
    stored = column_type.process_bind_param(value, DIALECT)
    assert stored == units
    assert type(stored) is int
    back = column_type.process_result_value(stored, DIALECT)
    assert back == value
    assert back is not None and back.as_tuple().exponent == -places
