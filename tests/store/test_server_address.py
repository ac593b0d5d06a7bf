"""A server address is refused with a message, never taken for a file path (no folder named postgresql:)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resettle.cli import main
from resettle.errors import ValidationError
from resettle.store.database import Database


def test_cli_refuses_a_postgresql_url_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["--db", "postgresql://clerk@127.0.0.1/resettle", "--json", "check"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1 and "postgresql://clerk@127.0.0.1/resettle" in payload["error"] and "服务器" in payload["error"]
    assert list(tmp_path.iterdir()) == []


def test_database_open_refuses_a_url_but_not_a_drive_letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationError, match="服务器地址"):
        Database.open(Path("postgresql://clerk@host/db"))
    assert list(tmp_path.iterdir()) == []
    from resettle.store.paths import refuse_url

    refuse_url("C:/Users/clerk/resettle.sqlite3")  # a Windows drive is a file path
    refuse_url(tmp_path / "r.sqlite3")
