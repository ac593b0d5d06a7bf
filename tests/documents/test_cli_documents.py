"""`resettle print KIND OUT` and `resettle verify CODE` without a window."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from resettle.cli import main
from resettle.services.register import households
from resettle.store.database import Database
from tests.conftest import CLERK, child_server_env
from tests.documents.conftest import _copy, pdf_text


@pytest.fixture
def register(tmp_path: Path, priced_template: Path) -> Path:
    """A closed copy of the priced register (the CLI takes the instance lock itself)."""
    return _copy(priced_template, tmp_path / "register.sqlite3")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def first_household(path: Path) -> tuple[int, str, str]:
    with Database.open(path, actor=CLERK, lock=False, startup_backup=False) as db:
        conn = db.raw_connection()
        try:
            hid = int(conn.execute("SELECT min(id) FROM household").fetchone()[0])
        finally:
            conn.close()
        d = households.get_household(db, hid)
    return hid, d.data.household_no, d.data.head_name


def test_print_one_household_and_verify_its_code(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hid, no, head = first_household(register)
    out = tmp_path / "notice.pdf"
    code, text, err = run(capsys, "--db", str(register), "print", "notice", str(out), "--household", no)
    assert code == 0, err
    assert "已打印 1 份" in text and str(out) in text
    assert no in pdf_text(out) and head in pdf_text(out)

    code, text, err = run(capsys, "--db", str(register), "--json", "print", "notice", str(out), "--household", no)
    payload: dict[str, Any] = json.loads(text)
    assert (payload["documents"], payload["issued"], payload["reprints"]) == (1, 0, 1)
    assert "重印" in pdf_text(out)

    conn_db = Database.open(register, actor=CLERK, lock=False, startup_backup=False)
    try:
        from resettle.services.documents import printing as docs

        (doc,) = docs.list_documents(conn_db)
    finally:
        conn_db.close()
    code, text, err = run(capsys, "--db", str(register), "verify", doc.code, "--json")
    assert code == 0, err
    result = json.loads(text)
    assert (result["status"], result["number"], result["household_no"]) == ("current", doc.number, no)
    assert result["print_count"] == 2

    code, text, err = run(capsys, "--db", str(register), "verify", "ZZZZZ-ZZZZZ")
    assert code == 1 and "没有校验码" in err


def test_print_a_village_one_file_per_household(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "vouchers"
    code, _text, err = run(
        capsys,
        "--db",
        str(register),
        "print",
        "voucher",
        str(folder),
        "--village",
        "东岗村",
        "--group",
        "一组",
        "--one-per-household",
    )
    assert code == 0, err
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 30 and all("_" in f.stem for f in files)
    assert all(len(PdfReader(f).pages) == 1 for f in files[:3])


def test_print_refusals_exit_1(register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys, "--db", str(register), "print", "notice", str(tmp_path / "x.pdf"), "--household", "NOPE"
    )
    assert code == 1 and "户号 NOPE 不存在" in err
    code, _out, err = run(
        capsys, "--db", str(register), "print", "disclosure", str(tmp_path / "d"), "--one-per-household"
    )
    assert code == 1 and "不能按户分文件" in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", str(register), "print", "letter", str(tmp_path / "x.pdf")])
    assert usage.value.code == 2


def test_the_command_prints_without_a_window_in_a_fresh_process(register: Path, tmp_path: Path) -> None:
    """No QApplication exists in a CLI process: an offscreen QGuiApplication is made for printing."""
    _hid, no, head = first_household(register)
    out = tmp_path / "v.pdf"
    env = {"RESETTLE_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", **child_server_env()}
    done = subprocess.run(
        [sys.executable, "-m", "resettle", "--db", str(register), "print", "voucher", str(out), "--household", no],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "已打印 1 份" in done.stdout
    assert "领款单" in pdf_text(out) and head in pdf_text(out)
