"""Payments benchmark: a batch of 10,000 payments — build it, write the bank file, apply the bank's reply.

Usage: python benchmarks/payments_bench.py [--households 10000] [--db PATH] [--reuse]

Set-up (not timed): a demo register of N households, computed, reviewed and signed (plan 100).
Then, best of three where it is repeatable:

- build: ``payments.batches.make_batch`` (due instalments, head IDs, one Payment row per line
  through the ORM, so every line is audited and sealed) — against SQLite inserting the same
  rows with one ``INSERT … SELECT`` into a scratch table (the database's own limit);
- bank file: ``write_bank_files`` (the office layout) — against bare xlsxwriter writing the
  same cells with the same formats;
- reply: ``apply_reply`` (read, check every row against the batch, mark paid, audit) — against
  openpyxl (read-only) reading the same cells.

Prints seconds and the ratio (program / raw library) for each.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import xlsxwriter
from common import bench

from resettle.services.compensation import reviewing
from resettle.services.demo.generate import demo_compensation, generate_demo
from resettle.services.payments import agreements, batches
from resettle.store.audit import Actor
from resettle.store.database import Database

PROJECT = 1  # the demo project of a fresh register
CLERK = Actor("clerk1", "bench")
REVIEWER = Actor("reviewer1", "bench")


def best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def prepare(path: Path, households: int) -> int:
    with Database.open(path, actor=CLERK, startup_backup=False) as db:
        pid = generate_demo(db, households=households, seed=2026).project_id
        demo_compensation(db, pid)
    with Database.open(path, actor=REVIEWER, startup_backup=False) as db:
        ids = agreements.household_ids(db, pid)
        reviewing.review_many(db, ids)
        db.actor = CLERK
        agreements.sign_agreements(db, pid, ids, date(2026, 7, 1), "100")
    return pid


def raw_build(path: Path) -> float:
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TABLE IF EXISTS scratch_payment")
        conn.execute(
            "CREATE TABLE scratch_payment (seq INTEGER, household_no TEXT, payee TEXT, id_number TEXT, "
            "bank_name TEXT, bank_account TEXT, amount INTEGER)"
        )
        t = time.perf_counter()
        conn.execute(
            "INSERT INTO scratch_payment SELECT row_number() OVER (ORDER BY h.household_no), h.household_no, "
            "h.head_name, (SELECT p.id_number FROM person p WHERE p.household_id = h.id ORDER BY p.seq LIMIT 1), "
            "h.bank_name, h.bank_account, i.amount FROM instalment i JOIN household h ON h.id = i.household_id "
            "WHERE i.seq = 1 AND i.paid_on IS NULL"
        )
        conn.commit()
        elapsed = time.perf_counter() - t
        conn.execute("DROP TABLE scratch_payment")
        conn.commit()
        return elapsed
    finally:
        conn.close()


def raw_xlsx(lines: list[batches.BankLine], out: Path) -> None:
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = book.add_worksheet("兑付批次")
    text = book.add_format({"border": 1, "num_format": "@"})
    money = book.add_format({"border": 1, "num_format": "#,##0.00"})
    for c, h in enumerate(("序号", "户号", "收款人", "身份证号码", "开户银行", "银行账号", "金额(元)")):
        ws.write_string(2, c, h, text)
    for r, line in enumerate(lines, start=3):
        ws.write_number(r, 0, line.seq, text)
        ws.write_string(r, 1, line.household_no, text)
        ws.write_string(r, 2, line.payee, text)
        ws.write_string(r, 3, line.id_number, text)
        ws.write_string(r, 4, line.bank_name, text)
        ws.write_string(r, 5, line.bank_account, text)
        ws.write_number(r, 6, line.amount, money)
    book.close()


def make_reply(batch_xlsx: Path, out: Path) -> None:
    """The bank's side: same sheet plus 结果 (every line 成功)."""
    wb = openpyxl.load_workbook(batch_xlsx, read_only=True)
    ws = wb.active
    assert ws is not None
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    header = next(i for i, r in enumerate(rows) if r and r[0] == "序号")
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet("兑付批次")
    text = book.add_format({"num_format": "@"})
    for r, row in enumerate(rows):
        if r > header and row[0] != "合计":
            row = [*row[:7], "成功", ""]
        elif r == header:
            row = [*row[:7], "结果", "失败原因"]
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, int | float) and c in (0, 6):
                sheet.write_number(r, c, v)
            else:
                sheet.write_string(r, c, str(v), text)
    book.close()


def raw_read(reply: Path) -> int:
    wb = openpyxl.load_workbook(reply, read_only=True)
    ws = wb.active
    assert ws is not None
    n = 0
    for row in ws.iter_rows(values_only=True):
        if row and row[7] in ("成功", "失败"):
            n += 1
    wb.close()
    return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--reuse", action="store_true", help="reuse a prepared --db (signed, not yet batched)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="payments-bench-"))
    prepared = args.db or folder / "prepared.sqlite3"
    if not (args.reuse and prepared.exists()):
        t = time.perf_counter()
        assert prepare(prepared, args.households) == PROJECT
        print(
            f"set-up: {args.households:,} households computed, reviewed and signed in {time.perf_counter() - t:.1f} s"
        )
    work = folder / "work.sqlite3"

    build_times: list[float] = []
    info: batches.BatchInfo | None = None
    for _ in range(3):
        shutil.copyfile(prepared, work)
        with Database.open(work, actor=CLERK, startup_backup=False) as db:
            t = time.perf_counter()
            info = batches.make_batch(db, PROJECT, 1)
            build_times.append(time.perf_counter() - t)
    assert info is not None
    build = min(build_times)
    raw_b = min(raw_build(prepared) for _ in range(3))

    with Database.open(work, actor=CLERK, startup_backup=False) as db:
        lines = batches.batch_lines(db, PROJECT, info.id)
        out = folder / "batch.xlsx"
        write = best(lambda: batches.write_bank_files(db, PROJECT, info.id, out))
    raw_w = best(lambda: raw_xlsx(lines, folder / "raw.xlsx"))

    reply = folder / "reply.xlsx"
    make_reply(out, reply)
    apply_times: list[float] = []
    for _ in range(3):
        shutil.copyfile(work, folder / "apply.sqlite3")
        with Database.open(folder / "apply.sqlite3", actor=CLERK, startup_backup=False) as db:
            t = time.perf_counter()
            result = batches.apply_reply(db, PROJECT, reply)
            apply_times.append(time.perf_counter() - t)
    apply = min(apply_times)
    raw_r = best(lambda: raw_read(reply))
    assert result.paid == info.rows and result.paid_total == info.total

    print(f"batch of {info.rows:,} payments, {info.total:,} 元 (paid back: {result.paid_total:,} 元)")
    print(f"build batch     : {build:7.3f} s   raw INSERT…SELECT : {raw_b:7.3f} s   ratio {build / raw_b:6.1f}")
    print(f"write bank xlsx : {write:7.3f} s   raw xlsxwriter    : {raw_w:7.3f} s   ratio {write / raw_w:6.2f}")
    print(f"apply reply     : {apply:7.3f} s   raw openpyxl read : {raw_r:7.3f} s   ratio {apply / raw_r:6.2f}")
    assert Decimal(result.paid_total) == info.total
    bench(f"build a batch of {info.rows:,} vs raw INSERT…SELECT", build, raw_b)
    bench(f"write the bank xlsx, {info.rows:,} rows vs raw xlsxwriter", write, raw_w, "≤ 1.3×")
    bench(f"apply the bank reply, {info.rows:,} rows vs raw openpyxl read", apply, raw_r)


if __name__ == "__main__":
    main()
