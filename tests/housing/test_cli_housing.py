"""``resettle housing …`` and ``resettle transition statement`` end to end on a register file."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from hashlib import sha256
from pathlib import Path
from typing import Any

import pytest

from resettle.cli import main
from tests.housing.conftest import EXPECTED, STANDARD, STOCK, choices_workbook, expected_choice_rows

DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.fixture
def register(tmp_path: Path, housing_template: Path) -> Path:
    path = tmp_path / "reg.sqlite3"
    shutil.copyfile(housing_template, path)
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, Any]:
    code = main(["--db", str(db), *argv, "--json"])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else None


def test_import_and_standard_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.sqlite3"
    assert (
        main(["--db", str(db), "import", str(STOCK.parents[1] / "sample_survey_clean.xlsx"), "--project", "东岗"]) == 0
    )
    capsys.readouterr()
    code, out = run(capsys, db, "housing", "import", str(STOCK))
    assert code == 0 and out["added"] == EXPECTED["flats"] and out["frozen"] == len(EXPECTED["frozen"])
    code, out = run(capsys, db, "housing", "standard", str(STANDARD), "--publish")
    assert code == 0 and out["status"] == "已发布" and out["band_prices"] == ["3600", "5200", "6900"]


def test_lottery_prints_the_order_and_verifies(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, register, "housing", "lottery", "--seed", "S-42")
    assert code == 0 and set(out) == {"seed", "digest", "order"}
    numbers = [o["household_no"] for o in out["order"]]
    assert numbers == sorted(numbers, key=lambda no: sha256(f"S-42|{no}".encode()).hexdigest())
    assert [o["position"] for o in out["order"]] == list(range(1, len(numbers) + 1))
    assert out["digest"] == sha256("\n".join(numbers).encode()).hexdigest()
    code, out = run(capsys, register, "housing", "lottery", "--seed", "S-43")
    assert code == 1 and "不能再抽" in out["error"]
    assert run(capsys, register, "housing", "lottery", "--verify", "--seed", "S-42")[0] == 0
    code, out = run(capsys, register, "housing", "lottery", "--verify", "--seed", "S-41")
    assert code == 1 and out["ok"] is False


def test_choose_settle_and_refusals(register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        capsys,
        register,
        "housing",
        "choose",
        "--from",
        str(choices_workbook(tmp_path / "c.xlsx", expected_choice_rows())),
    )
    assert code == 0 and out["households"] == len(EXPECTED["choices"])
    code, out = run(capsys, register, "housing", "settle")
    assert code == 0
    assert out["total_net"] == EXPECTED["total_net"]
    got = {h["household_no"]: h for h in out["households"]}
    for no, want in EXPECTED["settlement"].items():
        assert Decimal(got[no]["net"]) == Decimal(want["net"])
        assert [Decimal(ln["amount"]) for ln in got[no]["lines"]] == [Decimal(x[3]) for x in want["lines"]]
        for key in ("entitled_m2", "chosen_m2", "flat_price", "refund", "net", "balance"):
            assert isinstance(got[no][key], str) and DECIMAL.match(got[no][key])
    bad = choices_workbook(
        tmp_path / "bad.xlsx", [("东岗01001", "产权调换", "1幢-1单元-101", None), ("东岗00000", "货币安置", None, None)]
    )
    code, out = run(capsys, register, "housing", "choose", "--from", str(bad))
    assert code == 1
    assert {(e["sheet"], e["row"], e["column"]) for e in out["errors"]} == {("选房结果", 2, "C"), ("选房结果", 3, "A")}
    free = "2幢-2单元-101"
    code, out = run(capsys, register, "housing", "choose", "东岗01001", free)
    assert code == 1 and "已选过房" in out["error"]
    # 撤销选房, with its reason: the flats are free again and the household can choose anew
    assert run(capsys, register, "housing", "cancel", "东岗01001", "--reason", " ")[0] == 1  # no reason: refused
    code, out = run(capsys, register, "housing", "cancel", "东岗01001", "--reason", "家庭改选")
    assert code == 0 and out["released"] and out["reason"] == "家庭改选"
    code, out = run(capsys, register, "housing", "choose", "东岗01001", free)
    assert code == 0 and out["flats"] == [free]


def test_choose_one_household_with_owners_then_handover_and_statement(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, register, "housing", "choose", "东岗01001", "2幢-2单元-101", "2幢-2单元-102")
    assert code == 0 and out["flats"] == ["2幢-2单元-101", "2幢-2单元-102"]
    code, out = run(capsys, register, "housing", "choose", "东岗01002", "--cash")
    assert code == 0 and out["mode"] == "货币安置"
    assert run(capsys, register, "housing", "move-out", "东岗01001", "--date", "2025-12-20")[0] == 0
    assert run(capsys, register, "housing", "promise", "--date", "2026-06-30")[0] == 0
    code, out = run(capsys, register, "housing", "handover", "东岗01001", "--date", "2026-09-01", "--keys", "4")
    assert code == 0 and out["notice_no"] == "安入〔2026〕第 1 号"
    xlsx = tmp_path / "fee.xlsx"
    code, out = run(capsys, register, "transition", "statement", "--until", "2026-12-31", str(xlsx))
    assert code == 0 and xlsx.is_file()
    row = out["households"][0]
    assert (row["normal_months"], row["overdue_months"], row["fitout_months"]) == (7, 2, 4)
    assert Decimal(out["total"]) == Decimal(4 * 450 * 7 + 4 * 675 * 2 + 4 * 450 * 4)
    code, out = run(capsys, register, "housing", "choose", "东岗01003", "1幢-1单元-1002", "--owners", "不存在的人")
    assert code == 1


def test_freeze_and_title_status(register: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, register, "housing", "freeze", "1幢-1单元-101", "--reason", "留作周转房")
    assert code == 0 and out["status"] == "冻结"
    code, out = run(capsys, register, "housing", "choose", "东岗01001", "1幢-1单元-101")
    assert code == 1 and "冻结" in out["error"]
    assert (
        run(capsys, register, "housing", "freeze", "1幢-1单元-101", "--unfreeze", "--reason", "不再保留")[1]["status"]
        == "可选"
    )
    assert run(capsys, register, "housing", "choose", "东岗01001", "1幢-1单元-101")[0] == 0
    assert run(capsys, register, "housing", "title", "东岗01001", "--status", "已办证")[0] == 1  # not handed over yet
    assert run(capsys, register, "housing", "handover", "东岗01001", "--date", "2026-10-01")[0] == 0
    code, out = run(capsys, register, "housing", "title", "东岗01001", "--status", "已办证")
    assert code == 0 and out["title_status"] == "已办证"
