"""The window's first screen read before the store opens: the same rows, count, tree and demo mark
as the store's own reading, and no first view where the store must decide first."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from resettle.domain.roles import Role
from resettle.services.accounts.users import add_user
from resettle.services.compensation import reviewing
from resettle.services.demo.generate import demo_compensation
from resettle.services.demo.register import is_demo, mark_demo
from resettle.services.payments import agreements
from resettle.services.register import projects, search
from resettle.services.register.first_view import QUERY, first_view, head_revision
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database
from resettle.store.migrate import head_revision as store_head

# the first view reads a register file with sqlite3 (a server opens the store first)
pytestmark = pytest.mark.sqlite_only


def test_the_head_is_the_stores() -> None:
    assert head_revision() == store_head()


def _same_as_the_store(path: Path, limit: int) -> None:
    with Database.open(path, startup_backup=False) as db:
        first = search.first_page(db, HouseholdQuery(), limit)
        tree = projects.tree(db, with_counts=False)
        demo = is_demo(db)
    view = first_view(path, limit)
    assert view is not None
    assert view.total == first.total
    assert view.rows == first.rows  # every field, Decimals to the hundredth, stages and totals
    assert view.tree == tree
    assert view.demo == demo


def test_the_first_view_is_what_the_store_reads(demo_db: Database) -> None:
    db = demo_db
    first_project = projects.tree(db, with_counts=False)[0].id
    demo_compensation(db, first_project)
    first_rows = search.list_households(db, QUERY, 0, 3).rows
    reviewing.review_many(db, [r.id for r in first_rows])
    agreements.sign_agreements(db, first_project, [first_rows[1].id], date(2026, 7, 1), "100")  # 已签约 too
    path = db.path
    db.close()
    for limit in (1, 7, 256):
        _same_as_the_store(path, limit)
    rows = first_view(path, 256)
    assert rows is not None and {r.status for r in rows.rows} >= {"已计算", "已复核", "已签约"}
    assert any(r.compensation_total is not None for r in rows.rows)
    assert any(r.land_mu > 0 for r in rows.rows) and any(r.floor_area_m2 > 0 for r in rows.rows)


def test_the_demo_mark_and_an_empty_register(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Database.open(path, startup_backup=False) as db:
        projects.create_project(db, "城东项目")
    _same_as_the_store(path, 256)
    with Database.open(path, startup_backup=False) as db:
        mark_demo(db)
    _same_as_the_store(path, 256)
    view = first_view(path, 256)
    assert view is not None and view.demo and view.total == 0 and view.rows == []


def test_no_first_view_where_the_store_decides(tmp_path: Path, demo_template: Path) -> None:
    assert first_view(tmp_path / "absent.sqlite3", 256) is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert first_view(tmp_path / "empty.sqlite3", 256) is None
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database" * 100)
    assert first_view(tmp_path / "junk.sqlite3", 256) is None

    path = tmp_path / "register.sqlite3"
    with Database.open(path, startup_backup=False) as db:
        projects.create_project(db, "城东项目")
        assert first_view(path, 256) is None  # held by an instance (this one)
    assert first_view(path, 256) is not None

    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '0009'")
    raw.commit()
    raw.close()
    assert first_view(path, 256) is None  # to migrate (with its backup): the store first


def test_no_first_view_of_a_register_with_accounts(tmp_path: Path) -> None:
    path = tmp_path / "accounts.sqlite3"
    with Database.open(path, startup_backup=False) as db:
        add_user(db, "admin", Role.ADMIN, "correct-horse-battery-9")
    assert first_view(path, 256) is None
