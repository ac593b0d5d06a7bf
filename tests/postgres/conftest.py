"""Tests that need a PostgreSQL server (RESETTLE_TEST_POSTGRES; make test's second run)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from resettle.store.database import Database
from resettle.store.dialects import ServerAddress, testmap
from tests.conftest import CLERK, ON_POSTGRES


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database on the test server (dropped after the test)."""
    if not ON_POSTGRES:
        pytest.skip("needs RESETTLE_TEST_POSTGRES")
    import psycopg

    from resettle.store.dialects.postgresql import conninfo

    address, password = testmap.server()
    name = testmap.database_for(tmp_path / "empty-server-db")
    with psycopg.connect(**conninfo(address, password), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield ServerAddress(address.host, address.port, name, address.user).display
    with psycopg.connect(**conninfo(address, password), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server_db(server_url: str) -> Iterator[Database]:
    database = Database.open(server_url, actor=CLERK)
    yield database
    database.close()
