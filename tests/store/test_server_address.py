"""A server address is opened as a server (or refused with a message), never taken for a file path
(no folder named postgresql:)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resettle.cli import main
from resettle.errors import ValidationError
from resettle.store.database import Database
from resettle.store.dialects import is_server_url, parse_server_url, redact


def test_cli_takes_a_postgresql_url_for_a_server_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RESETTLE_TEST_POSTGRES", raising=False)
    # Port 1 on this computer: nothing listens there.
    code = main(["--db", "postgresql://clerk@127.0.0.1:1/resettle", "--json", "check"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1 and "postgresql://clerk@127.0.0.1:1/resettle" in payload["error"]
    assert "无法连接数据库服务器" in payload["error"]
    assert list(tmp_path.iterdir()) == []


def test_database_open_refuses_other_urls_but_not_a_drive_letter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationError, match="服务器地址"):
        Database.open(Path("mysql://clerk@host/db"))
    assert list(tmp_path.iterdir()) == []
    from resettle.store.paths import refuse_url

    refuse_url("C:/Users/clerk/resettle.sqlite3")  # a Windows drive is a file path
    refuse_url(tmp_path / "r.sqlite3")


def test_server_urls_are_parsed_and_passwords_never_shown() -> None:
    assert is_server_url("postgresql://a@h/db") and is_server_url(Path("postgresql://a@h/db"))
    assert is_server_url("postgres://a@h/db") and not is_server_url("C:/x.sqlite3")
    address, password = parse_server_url("postgresql://%E5%BC%A0:s3cret@10.0.0.5:6543/county")
    assert (address.host, address.port, address.database, address.user, password) == (
        "10.0.0.5",
        6543,
        "county",
        "张",
        "s3cret",
    )
    assert "s3cret" not in address.display and address.display.endswith("@10.0.0.5:6543/county")
    assert redact("postgresql://u:s3cret@h/db") == "postgresql://u:***@h/db"
    assert parse_server_url(Path("postgresql://u@h/db"))[0].port == 5432  # as folded by Path()
    with pytest.raises(ValidationError, match="不完整"):
        parse_server_url("postgresql://u@h/")
