"""SQLite on a network share corrupts: such paths are refused before anything is created."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resettle.errors import ValidationError
from resettle.store.database import Database
from resettle.store.paths import backup_dir_for, data_dir, default_db_path, is_network_path, refuse_network_path
from tests.conftest import CLERK

pytestmark = pytest.mark.sqlite_only  # network shares and file paths of register files

UNC = ["//server/share/x.db", "\\\\server\\share\\x.db", "//192.168.1.5/征迁/register.sqlite3"]


@pytest.mark.parametrize("raw", UNC)
def test_unc_paths_are_network_paths(raw: str) -> None:
    assert is_network_path(Path(raw))
    with pytest.raises(ValidationError, match="网络共享盘") as info:
        refuse_network_path(Path(raw))
    assert info.value.field == "数据库路径"


def test_a_local_path_is_not_a_network_path(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path / "register.sqlite3")
    assert not is_network_path(tmp_path)
    refuse_network_path(tmp_path / "register.sqlite3")


@pytest.mark.parametrize("raw", UNC)
def test_database_open_refuses_unc_paths_and_creates_nothing(
    raw: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    with pytest.raises(ValidationError, match="网络共享盘"):
        Database.open(Path(raw), actor=CLERK)
    assert os.listdir(work) == []


def test_data_dir_follows_the_environment(tmp_path: Path) -> None:
    assert data_dir() == tmp_path / "userdata"
    assert default_db_path().parent == tmp_path / "userdata"
    assert backup_dir_for(tmp_path / "a" / "register.sqlite3") == tmp_path / "a" / "register-backups"
