"""The CLI of issue 12: users, review, agreements, payments (``--json`` with decimal strings)."""

from __future__ import annotations

import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from resettle.cli import main
from resettle.services.compensation import adjustments
from resettle.services.register import households, projects
from resettle.store.database import Database
from tests.conftest import CLERK
from tests.payments.conftest import household_ids
from tests.payments.replies import answer

DECIMAL_2 = re.compile(r"^-?\d+\.\d{2}$")


@pytest.fixture
def reg(tmp_path: Path, two_project_template: Path) -> Path:
    path = tmp_path / "reg.sqlite3"
    shutil.copyfile(two_project_template, path)
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, Any]:
    code = main(["--db", str(db), "--json", *args])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else None


def test_review_sign_batch_reply_reconcile(reg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Database.open(reg, actor=CLERK, startup_backup=False) as db:
        a, b = (p.id for p in projects.tree(db, with_counts=False))
        hid = household_ids(db, a)[0]
        no = households.get_household(db, hid).data.household_no
        adjustments.add_adjustment(db, hid, "困难补助", Decimal("88.88"), "低保户")  # review reset
        n = len(household_ids(db, a))
    code, out = run(
        capsys, reg, "agreements", "sign", "--all", "--project", str(a), "--date", "2026-07-01", "--plan", "70,30"
    )
    assert code == 0 and out["signed"] == n - 1 and "尚未复核" in out["skipped"][0]
    code, out = run(capsys, reg, "review", "--household", no, "--project", str(a))  # the OS user, not clerk1
    assert code == 0 and out == {"reviewed": 1}
    code, out = run(
        capsys,
        reg,
        "agreements",
        "sign",
        "--household",
        no,
        "--project",
        str(a),
        "--date",
        "2026-07-02",
        "--plan",
        "70,30",
    )
    assert out["signed"] == 1 and DECIMAL_2.match(out["total"])

    xlsx = tmp_path / "batch.xlsx"
    code, out = run(
        capsys,
        reg,
        "payments",
        "batch",
        "--instalment",
        "1",
        "--project",
        str(a),
        str(xlsx),
        "--bank-format",
        "定长-通用",
    )
    assert code == 0 and out["rows"] == n and DECIMAL_2.match(out["total"])
    assert set(out) >= {"batch", "rows", "total"}
    txt = xlsx.with_suffix(".txt").read_bytes().decode("gbk").splitlines()
    assert len(txt) == n + 2 and txt[0].startswith("H" + out["batch"])
    assert len({len(line.encode("gbk")) for line in txt[1:-1]}) == 1  # fixed columns
    batch_total = Decimal(out["total"])

    reply = answer(xlsx, tmp_path / "reply.xlsx", fail=lambda x: x == no)
    code, out = run(capsys, reg, "payments", "result", str(reply))
    assert code == 0 and (out["paid"], out["failed"]) == (n - 1, 1)
    assert DECIMAL_2.match(out["paid_total"]) and Decimal(out["paid_total"]) < batch_total
    code, again = run(capsys, reg, "payments", "result", str(reply))
    assert again["applied"] == 0 and again["paid_total"] == out["paid_total"]

    code, rec = run(capsys, reg, "payments", "reconcile", "--project", str(a))
    assert code == 0
    computed, agreed, paid, outstanding = (Decimal(rec[k]) for k in ("computed", "agreed", "paid", "outstanding"))
    assert computed == agreed == paid + outstanding
    assert paid == Decimal(out["paid_total"])
    assert [d["cause"] for d in rec["differences"]] == ["银行退回，待重新支付"]
    assert rec["differences"][0]["detail"] == "账户不存在"  # the bank's reason, beside the cause
    # the other project is untouched
    code, rec_b = run(capsys, reg, "payments", "reconcile", "--project", str(b))
    assert rec_b["agreed"] == "0.00" and rec_b["paid"] == "0.00"
    code, listing = run(capsys, reg, "payments", "list", "--project", str(a))
    assert len(listing["batches"]) == 1 and len(listing["chain_head"]) == 64
    code, printed = run(capsys, reg, "payments", "vouchers", listing["batches"][0]["batch"], str(tmp_path / "v.pdf"))
    assert code == 0 and printed["vouchers"] == n - 1
    # the 社保 part: still owed after the bank paid the families, recorded by transfer, then nothing is left
    code, due = run(capsys, reg, "payments", "transfer", "--due", "--project", str(a))
    assert code == 0 and due["households"] == n and Decimal(due["total"]) > 0
    code, done = run(capsys, reg, "payments", "transfer", "--project", str(a), "--date", "2026-07-20",
                     "--household", no)  # fmt: skip
    assert code == 0 and done["households"] == 1
    code, done = run(capsys, reg, "payments", "transfer", "--project", str(a), "--date", "2026-07-21")
    assert code == 0 and done["households"] == n - 1
    code, due = run(capsys, reg, "payments", "transfer", "--due", "--project", str(a))
    assert due["households"] == 0 and due["total"] == "0.00"
    code, rec_b = run(capsys, reg, "payments", "transfer", "--due", "--project", str(b))
    assert rec_b["households"] == 0  # the other project signed nothing


def test_users_and_login_from_the_environment(
    reg: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password\n"))
    code, out = run(capsys, reg, "users", "add", "admin", "--role", "管理员", "--password-stdin")
    assert code == 0 and out["role"] == "管理员"
    code, _ = run(capsys, reg, "payments", "reconcile", "--project", "1")
    assert code == 1  # nobody logged in
    monkeypatch.setenv("RESETTLE_USER", "admin")
    monkeypatch.setenv("RESETTLE_PASSWORD", "admin-password")
    for name, role in (("li", "reviewer"), ("wang", "财务")):
        monkeypatch.setattr("sys.stdin", io.StringIO("secret-pass-1\n"))
        code, _ = run(capsys, reg, "users", "add", name, "--role", role, "--password-stdin")
        assert code == 0
    code, out = run(capsys, reg, "users", "list")
    assert {u["name"]: u["role"] for u in out} == {"admin": "管理员", "li": "审核", "wang": "财务"}
    code, _ = run(capsys, reg, "payments", "reconcile", "--project", "1")
    assert code == 1  # admin: accounts only
    monkeypatch.setenv("RESETTLE_USER", "wang")
    monkeypatch.setenv("RESETTLE_PASSWORD", "secret-pass-1")
    code, out = run(capsys, reg, "payments", "reconcile", "--project", "1")
    assert code == 0 and DECIMAL_2.match(out["computed"])
    code, out = run(capsys, reg, "users", "list")
    assert code == 1 and "无权" in out["error"]
    monkeypatch.setenv("RESETTLE_PASSWORD", "wrong-password")
    code, out = run(capsys, reg, "payments", "reconcile", "--project", "1")
    assert code == 1 and "不正确" in out["error"]
    monkeypatch.setenv("RESETTLE_USER", "admin")
    monkeypatch.setenv("RESETTLE_PASSWORD", "admin-password")
    code, out = run(capsys, reg, "users", "reset", "wang")
    assert code == 0 and out["must_change"] and len(out["temporary_password"]) >= 8


def test_the_bank_file_waits_for_the_approval(
    reg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from resettle.services import accounts
    from resettle.services.payments import agreements

    secret = "cli-bank-secret-1"
    with Database.open(reg, actor=CLERK, startup_backup=False) as db:
        a = projects.tree(db, with_counts=False)[0].id
        accounts.add_user(db, "admin", "admin", secret)
        accounts.login(db, "admin", secret)
        for name in ("clerk", "fin", "rev"):
            accounts.add_user(db, name, {"clerk": "clerk", "fin": "finance", "rev": "reviewer"}[name], secret)
        accounts.login(db, "clerk", secret)
        assert agreements.sign_agreements(db, a, None, date(2026, 7, 1)).signed
    monkeypatch.setenv("RESETTLE_PASSWORD", secret)
    out = tmp_path / "bank.xlsx"
    monkeypatch.setenv("RESETTLE_USER", "fin")
    code, made = run(capsys, reg, "payments", "batch", str(out), "--instalment", "1", "--project", str(a))
    assert code == 0 and made["files"] == [] and not out.exists()
    assert run(capsys, reg, "payments", "bank-file", made["batch"], str(out))[0] == 1  # not approved yet
    monkeypatch.setenv("RESETTLE_USER", "rev")
    assert run(capsys, reg, "payments", "approve", made["batch"])[0] == 0
    monkeypatch.setenv("RESETTLE_USER", "fin")
    code, written = run(capsys, reg, "payments", "bank-file", made["batch"], str(out))
    assert code == 0 and written["files"] == [str(out)] and out.is_file()
