"""``resettle calendar add-days``, ``procedure``, ``grievances``: exit 0 done, 1 refused with a message."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from resettle.cli import main
from resettle.domain.township import TownshipDetails
from resettle.services.register import projects, settings
from resettle.store.database import Database
from tests.conftest import CLERK


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def register(tmp_path: Path) -> str:
    path = tmp_path / "r.sqlite3"
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        projects.create_project(db, "甲项目", approval_date=None)
        projects.create_project(db, "乙项目")
        settings.save_township(db, TownshipDetails(township="东岗镇", office="东岗镇征迁办公室"))  # letters name it
    return str(path)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [("2024-09-30", "1", "2024-10-08"), ("2025-01-27", "1", "2025-02-05"), ("2024-02-09", "1", "2024-02-18")],
)
def test_add_days(capsys: pytest.CaptureFixture[str], register: str, start: str, n: str, expected: str) -> None:
    assert run_json(capsys, "--db", register, "calendar", "add-days", start, n) == {"date": expected}


def test_add_days_refuses_an_unknown_year(capsys: pytest.CaptureFixture[str], register: str) -> None:
    code, _out, err = run(capsys, "--db", register, "calendar", "add-days", "2026-12-30", "5")
    assert code == 1
    assert err.startswith("错误：") and "2027" in err


def test_office_loads_a_new_year_from_a_workbook(
    capsys: pytest.CaptureFixture[str], register: str, tmp_path: Path
) -> None:
    book_path = tmp_path / "2027节假日.xlsx"
    book = xlsxwriter.Workbook(str(book_path))
    ws = book.add_worksheet("节假日")
    ws.write_row(0, 0, ["日期", "休班", "节日"])
    ws.write_row(1, 0, ["2027-01-01", "休", "元旦"])
    ws.write_row(2, 0, ["2027-01-02", "班", "元旦"])
    book.close()
    loaded = run_json(capsys, "--db", register, "calendar", "import", str(book_path), "--source", "测试通知")
    assert loaded == {"years": [2027], "days": 2}
    assert run_json(capsys, "--db", register, "calendar", "add-days", "2026-12-31", "1") == {"date": "2027-01-02"}
    shown = run_json(capsys, "--db", register, "calendar", "show", "--year", "2027")
    assert [x["date"] for x in shown["days"]] == ["2027-01-01", "2027-01-02"]
    assert 2027 in shown["years"]


def test_a_bad_holiday_workbook_names_the_cells(
    capsys: pytest.CaptureFixture[str], register: str, tmp_path: Path
) -> None:
    book_path = tmp_path / "bad.xlsx"
    book = xlsxwriter.Workbook(str(book_path))
    ws = book.add_worksheet("节假日")
    ws.write_row(0, 0, ["日期", "休班"])
    ws.write_row(1, 0, ["2027-13-01", "休"])
    ws.write_row(2, 0, ["2027-01-04", "加班"])
    book.close()
    code, _out, err = run(capsys, "--db", register, "calendar", "import", str(book_path))
    assert code == 1
    assert "第 2 行 A 列" in err and "第 3 行 B 列" in err
    assert run(capsys, "--db", register, "calendar", "add-days", "2026-12-31", "1")[0] == 1  # nothing saved


def test_procedure_lists_steps_and_flags_a_short_one(capsys: pytest.CaptureFixture[str], register: str) -> None:
    code, _out, err = run(capsys, "--db", register, "procedure")
    assert code == 1 and "--project" in err  # two projects: never guesses
    set_out = run_json(
        capsys, "--db", register, "procedure", "set", "pre_notice", "--project", "甲项目",
        "--start", "2024-09-27", "--end", "2024-10-15", "--today", "2024-11-01",
    )  # fmt: skip
    assert set_out["status"] == "期限不足" and set_out["earliest_end"] == "2024-10-16"
    listed = run_json(capsys, "--db", register, "procedure", "--project", "甲项目", "--today", "2024-11-01")
    pre = next(s for s in listed["steps"] if s["code"] == "pre_notice")
    assert pre["status"] == "期限不足"
    other = run_json(capsys, "--db", register, "procedure", "--project", "乙项目")
    assert next(s for s in other["steps"] if s["code"] == "pre_notice")["start_date"] is None
    code, out, _err = run(capsys, "--db", register, "procedure", "--project", "甲项目", "--today", "2024-11-01")
    assert code == 0 and "期限不足" in out and "2024-10-16" in out


def test_grievances_add_list_close(capsys: pytest.CaptureFixture[str], register: str, tmp_path: Path) -> None:
    added = run_json(
        capsys, "--db", register, "grievances", "add", "--project", "甲项目", "--person", "李四",
        "--channel", "公示期异议", "--received", "2024-09-27", "--subject", "面积少算",
    )  # fmt: skip
    assert added["due_on"] == "2024-10-10" and added["number"] == "2024-001"
    listed = run_json(capsys, "--db", register, "grievances", "list", "--project", "甲项目", "--today", "2024-10-11")
    assert listed["overdue"] == 1 and listed["grievances"][0]["overdue"] is True
    code, out, _ = run(capsys, "--db", register, "grievances", "list", "--project", "甲项目", "--today", "2024-10-11")
    assert code == 0 and "逾期 1 天" in out
    assert run_json(capsys, "--db", register, "grievances", "list", "--project", "乙项目")["grievances"] == []
    closed = run_json(
        capsys, "--db", register, "grievances", "close", str(added["id"]), "--project", "甲项目",
        "--answer", "已重新丈量", "--date", "2024-10-09",
    )  # fmt: skip
    assert closed["status"] == "已办结" and closed["closed_on"] == "2024-10-09"
    code, _out, err = run(
        capsys, "--db", register, "grievances", "close", str(added["id"]), "--project", "乙项目", "--answer", "x"
    )
    assert code == 1 and err.startswith("错误：")
    out_file = tmp_path / "log.xlsx"
    assert run_json(capsys, "--db", register, "grievances", "export", str(out_file), "--project", "甲项目")["rows"] == 1
    assert out_file.is_file()


def test_settings_override_attach_and_print(capsys: pytest.CaptureFixture[str], register: str, tmp_path: Path) -> None:
    shown = run_json(capsys, "--db", register, "procedure", "settings", "--project", "甲项目")
    assert shown["family_changes_after_cutoff_count"] is True and shown["agreements_allowed"] is True
    changed = run_json(
        capsys, "--db", register, "procedure", "settings", "--project", "甲项目", "--family-changes", "refuse"
    )
    assert changed["family_changes_after_cutoff_count"] is False
    other = run_json(capsys, "--db", register, "procedure", "settings", "--project", "乙项目")
    assert other["family_changes_after_cutoff_count"] is True
    today = date.today()
    run_json(
        capsys, "--db", register, "procedure", "set", "plan_notice", "--project", "甲项目",
        "--start", (today - timedelta(days=3)).isoformat(),
    )  # fmt: skip
    held = run_json(capsys, "--db", register, "procedure", "settings", "--project", "甲项目")
    assert held["agreements_allowed"] is False and "方案公告" in held["agreements_message"]
    opened = run_json(
        capsys, "--db", register, "procedure", "allow-agreements", "--project", "甲项目", "--reason", "抢险工程"
    )
    assert opened["allowed"] is True and opened["override_reason"] == "抢险工程"

    g = run_json(
        capsys, "--db", register, "grievances", "add", "--project", "乙项目", "--person", "王五", "--channel", "信件",
        "--received", "2025-01-20", "--period", "10", "--unit", "工作日",
    )  # fmt: skip
    assert g["due_on"] == "2025-02-08"
    letter = tmp_path / "来信.jpg"
    letter.write_bytes(b"scan")
    ev = run_json(capsys, "--db", register, "grievances", "attach", str(g["id"]), str(letter), "--project", "乙项目")
    assert len(ev["sha256"]) == 64
    code, _out, err = run(
        capsys, "--db", register, "grievances", "attach", str(g["id"]), str(letter), "--project", "甲项目"
    )
    assert code == 1 and err.startswith("错误：")
    pdf = tmp_path / "回执.pdf"
    assert run_json(
        capsys, "--db", register, "grievances", "print", str(g["id"]), "receipt", str(pdf), "--project", "乙项目"
    )
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    code, _out, err = run(
        capsys, "--db", register, "grievances", "print", str(g["id"]), "answer", str(pdf), "--project", "乙项目"
    )
    assert code == 1 and "尚未办结" in err


def test_holiday_workbook_round_trip(capsys: pytest.CaptureFixture[str], register: str, tmp_path: Path) -> None:
    out = tmp_path / "2025.xlsx"
    exported = run_json(capsys, "--db", register, "calendar", "export", str(out), "--year", "2025")
    assert exported["days"] == 33
    loaded = run_json(capsys, "--db", register, "calendar", "import", str(out), "--source", "核对")
    assert loaded == {"years": [2025], "days": 33}
    shown = run_json(capsys, "--db", register, "calendar", "show", "--year", "2025")
    assert {x["source"] for x in shown["days"]} == {"核对"}
    assert run_json(capsys, "--db", register, "calendar", "add-days", "2025-09-30", "1") == {"date": "2025-10-09"}
    code, _out, err = run(capsys, "--db", register, "calendar", "export", str(out), "--year", "2027")
    assert code == 1 and "2027" in err


def test_grievances_are_named_by_their_number(
    capsys: pytest.CaptureFixture[str], register: str, tmp_path: Path
) -> None:
    """`grievances close 2024-001` failed with argparse's "invalid int value": the 编号 is what clerks quote."""
    for person in ("李四", "王五"):
        run_json(
            capsys, "--db", register, "grievances", "add", "--project", "甲项目", "--person", person,
            "--channel", "公示期异议", "--received", "2024-09-27",
        )  # fmt: skip
    other = run_json(
        capsys, "--db", register, "grievances", "add", "--project", "乙项目", "--person", "乙户",
        "--channel", "来访", "--received", "2024-09-27",
    )  # fmt: skip
    assert other["number"] == "2024-001"  # the same 编号 in the other project
    code, out, err = run(
        capsys, "--db", register, "grievances", "close", "2024-002", "--project", "甲项目",
        "--answer", "已重新丈量", "--date", "2024-10-09",
    )  # fmt: skip
    assert code == 0, err
    assert "已办结信访 2024-002" in out and "王五" in out
    listed = run_json(capsys, "--db", register, "grievances", "list", "--project", "甲项目")["grievances"]
    assert [(g["number"], g["closed_on"]) for g in listed] == [("2024-001", None), ("2024-002", "2024-10-09")]
    assert (
        run_json(capsys, "--db", register, "grievances", "list", "--project", "乙项目")["grievances"][0]["closed_on"]
        is None
    )
    letter = tmp_path / "来信.jpg"
    letter.write_bytes(b"scan")
    code, out, err = run(
        capsys, "--db", register, "grievances", "attach", "2024-002", str(letter), "--project", "甲项目"
    )
    assert code == 0 and "信访 2024-002" in out, err
    pdf = tmp_path / "答复.pdf"
    code, out, err = run(
        capsys, "--db", register, "grievances", "print", "2024-002", "answer", str(pdf), "--project", "甲项目"
    )
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF"), err
    by_id = run_json(
        capsys, "--db", register, "grievances", "close", str(listed[0]["id"]), "--project", "甲项目", "--answer", "好"
    )  # the id in brackets still works
    assert by_id["number"] == "2024-001"
    code, _out, err = run(
        capsys, "--db", register, "grievances", "close", "2024-009", "--project", "甲项目", "--answer", "x"
    )
    assert code == 1 and "编号为 2024-009" in err


def test_closing_twice_and_future_dates_are_refused(capsys: pytest.CaptureFixture[str], register: str) -> None:
    added = run_json(
        capsys, "--db", register, "grievances", "add", "--project", "甲项目", "--person", "李四",
        "--channel", "来访", "--received", "2026-10-12",
    )  # fmt: skip
    run_json(
        capsys, "--db", register, "grievances", "close", added["number"], "--project", "甲项目",
        "--answer", "已答复", "--date", "2026-10-15",
    )  # fmt: skip
    code, _out, err = run(
        capsys, "--db", register, "grievances", "close", added["number"], "--project", "甲项目",
        "--answer", "另一个答复", "--date", "2026-10-20",
    )  # fmt: skip
    assert code == 1 and err.strip() == "错误：信访 2026-001 已于 2026年10月15日 办结，不能再次办结"
    future = (date.today() + timedelta(days=48)).isoformat()
    code, _out, err = run(
        capsys, "--db", register, "grievances", "add", "--project", "甲项目", "--person", "王五",
        "--channel", "来访", "--received", future,
    )  # fmt: skip
    assert code == 1 and "晚于今天" in err
    numbers = [
        g["number"]
        for g in run_json(capsys, "--db", register, "grievances", "list", "--project", "甲项目")["grievances"]
    ]
    assert numbers == ["2026-001"]


def test_a_posting_for_a_step_not_entered_says_which_and_where(
    capsys: pytest.CaptureFixture[str], register: str
) -> None:
    code, _out, err = run(
        capsys, "--db", register, "procedure", "post", "第一批补偿公示", "--project", "甲项目",
        "--start", "2025-03-01", "--end", "2025-03-08", "--step", "disclosure",
    )  # fmt: skip
    assert code == 1 and "「补偿公示」" in err and "「disclosure」" not in err
    assert "登记日期…" in err and "procedure set disclosure" in err
    run_json(
        capsys, "--db", register, "procedure", "set", "disclosure", "--project", "甲项目", "--start", "2025-03-01",
    )  # fmt: skip
    posted = run_json(
        capsys, "--db", register, "procedure", "post", "第一批补偿公示", "--project", "甲项目",
        "--start", "2025-03-01", "--end", "2025-03-08", "--step", "disclosure",
    )  # fmt: skip
    assert posted["step_code"] == "disclosure"
