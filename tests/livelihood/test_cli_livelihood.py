"""``resettle employment|training|jobs|social-security|report …`` with --json, on a register with two projects."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from resettle.cli import main
from tests.livelihood.conftest import SAMPLE_PROJECT, WAVE2

SS = json.loads((WAVE2 / "ss_expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def register_file(tmp_path: Path, two_project_template: Path) -> Path:
    path = tmp_path / "register.sqlite3"
    shutil.copyfile(two_project_template, path)
    return path


def _employed_of_working_age() -> int:
    """From the sheet and jobs_expected.json, not from the program: 已就业 rows of working-age people."""
    people = json.loads((WAVE2 / "jobs_expected.json").read_text(encoding="utf-8"))["people"]
    ws = openpyxl.load_workbook(WAVE2 / "jobs_employment.xlsx")["就业"]
    employed = {row[1] for row in ws.iter_rows(min_row=2, values_only=True) if row[2] == "已就业"}
    return sum(1 for n in employed if 16 <= people[n]["age"] < (50 if people[n]["sex"] == "女" else 60))


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, Any]:
    code = main(["--db", str(db), *args, "--json"])
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out else None


def test_the_whole_livelihood_flow_on_the_command_line(
    capsys: pytest.CaptureFixture[str], register_file: Path, tmp_path: Path
) -> None:
    p = ("--project", SAMPLE_PROJECT)
    code, payload = run(capsys, register_file, "employment", "import", str(WAVE2 / "jobs_employment.xlsx"), *p)
    assert code == 0 and payload["rows"] == 40 and payload["added"] == 40
    code, payload = run(capsys, register_file, "training", "import", str(WAVE2 / "jobs_training.xlsx"), *p)
    assert code == 0 and payload["added"] == 22
    code, payload = run(capsys, register_file, "jobs", "import", str(WAVE2 / "jobs_posts.xlsx"), *p)
    assert code == 0 and payload["added"] == 5
    code, dry = run(capsys, register_file, "jobs", "match", "--date", "2026-03-31", "--dry-run", *p)
    assert code == 0 and dry["referrals"]
    first = dry["referrals"][0]
    assert set(first) == {"enterprise", "post", "id_number", "name", "reasons"} and first["reasons"]
    code, saved = run(capsys, register_file, "jobs", "match", "--date", "2026-03-31", *p)
    assert saved == dry
    code, again = run(capsys, register_file, "jobs", "match", "--date", "2026-03-31", *p)
    assert code == 0 and not {r["id_number"] for r in again["referrals"]} & {r["id_number"] for r in saved["referrals"]}

    code, payload = run(
        capsys, register_file, "social-security", "standard", str(WAVE2 / "ss_standard.xlsx"), "--publish", *p
    )
    assert code == 0 and payload["status"] == "已发布" and payload["reference_date"] == SS["reference_date"]
    assert payload["bands"][0]["amount"] == "6000.00"
    roster = tmp_path / "roster.xlsx"
    code, payload = run(capsys, register_file, "social-security", "roster", str(roster), *p)
    assert code == 0 and roster.is_file()
    assert payload["persons"] == SS["persons"]
    assert {k: v["persons"] for k, v in payload["bands"].items()} == SS["band_counts"]
    assert {k: v["amount"] for k, v in payload["bands"].items()} == {
        k: f"{v}.00" for k, v in SS["band_amounts"].items()
    }
    out = tmp_path / "reconcile.xlsx"
    code, payload = run(
        capsys, register_file, "social-security", "reconcile", str(WAVE2 / "ss_reply.xlsx"), "--out", str(out), *p
    )
    assert code == 0 and out.is_file()
    assert {k: payload[k] for k in SS["reconcile"]} == SS["reconcile"]
    assert sorted(r["id_number"] for r in payload["rows"] if r["outcome"] == "refused") == sorted(SS["refused_ids"])

    for name in ("monitoring.xlsx", "monitoring.pdf"):
        code, payload = run(
            capsys, register_file, "report", "monitoring", str(tmp_path / name), "--date", "2026-03-31", *p
        )
        assert code == 0 and (tmp_path / name).is_file()
    assert payload["reference_date"] == "2026-03-31"
    assert payload["employed"] == _employed_of_working_age()
    assert (
        sum(payload["ss_enrolled"].values())
        == SS["reconcile"]["matched"] + SS["reconcile"]["name_differs"] + SS["reconcile"]["band_differs"]
    )


def test_two_projects_need_a_project_and_errors_are_refusals(
    capsys: pytest.CaptureFixture[str], register_file: Path
) -> None:
    code, payload = run(capsys, register_file, "jobs", "import", str(WAVE2 / "jobs_posts.xlsx"))
    assert code == 1 and "--project" in payload["error"]
    code, payload = run(capsys, register_file, "social-security", "roster", "x.xlsx", "--project", SAMPLE_PROJECT)
    assert code == 1 and "已发布的社保标准" in payload["error"]
    # The sample's employment sheet names people of the sample project: refused for the demo project.
    code, payload = run(
        capsys, register_file, "employment", "import", str(WAVE2 / "jobs_employment.xlsx"), "--project", "1"
    )
    assert code == 1 and "不在本项目的登记册中" in payload["error"] and "第 2 行 B 列" in payload["error"]
