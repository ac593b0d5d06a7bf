"""Bank files: fixed-column text layouts (built-in and configured), and reading a reply."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resettle.errors import ValidationError
from resettle.io.bank_batch import BankLine, read_bank_reply, write_bank_workbook
from resettle.io.bank_text import BUILT_IN_FORMATS, load_formats, write_bank_text

LINES = [
    BankLine(
        1, "东岗01001", "彭刚", "33088119610227063X", "中国邮政储蓄银行", "6228480479666972514", Decimal("474196.78")
    ),
    BankLine(2, "东岗01002", "欧阳娜娜", "330881196102270630", "农商银行", "0012345", Decimal("0.05")),
]


def test_fixed_columns_are_fixed_in_bytes_of_the_encoding(tmp_path: Path) -> None:
    out = tmp_path / "b.txt"
    write_bank_text(out, BUILT_IN_FORMATS["定长-通用"], "P1-20260701-001", LINES)
    rows = out.read_bytes().split(b"\r\n")[:-1]
    assert len(rows) == 4  # header, two lines, trailer
    assert len(rows[1]) == len(rows[2]) == sum(c.width for c in BUILT_IN_FORMATS["定长-通用"].columns)
    assert rows[1].decode("gbk").startswith("000001" + "6228480479666972514")
    assert b"474196.78" in rows[1] and rows[2].decode("gbk").count("0.05") == 1
    assert rows[0].decode("gbk") == "H" + "P1-20260701-001".ljust(20) + "00000002" + "474196.83".rjust(17)


def test_an_office_layout_from_bank_formats_json(tmp_path: Path) -> None:
    (tmp_path / "bank_formats.json").write_text(
        json.dumps(
            {
                "某农商行": {
                    "encoding": "gbk",
                    "newline": "\n",
                    "columns": [
                        {"field": "bank_account", "width": 20},
                        {"field": "amount_fen", "width": 12, "align": "right", "pad": "0"},
                    ],
                    "trailer": "END{count}",
                }
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    formats = load_formats(tmp_path)
    assert set(BUILT_IN_FORMATS) < set(formats)
    out = tmp_path / "x.txt"
    write_bank_text(out, formats["某农商行"], "B1", LINES)
    assert out.read_text(encoding="gbk").splitlines() == [
        "6228480479666972514 000047419678",
        "0012345             000000000005",
        "END2",
    ]
    (tmp_path / "bank_formats.json").write_text(
        '{"坏": {"columns": [{"field": "nope", "width": 3}]}}', encoding="utf-8"
    )
    with pytest.raises(ValidationError, match=r"bank_formats\.json"):
        load_formats(tmp_path)


def test_a_value_too_wide_for_its_column_writes_no_file(tmp_path: Path) -> None:
    out = tmp_path / "b.txt"
    wide = [BankLine(1, "X", "名" * 30, "", "", "1", Decimal("1.00"))]
    with pytest.raises(ValidationError, match="超过"):
        write_bank_text(out, BUILT_IN_FORMATS["定长-通用"], "B", wide)
    assert not out.exists() and not list(tmp_path.iterdir())


@settings(max_examples=25, deadline=None)
@given(
    amounts=st.lists(st.integers(min_value=1, max_value=10**11), min_size=1, max_size=20),
)
def test_workbook_total_and_reply_amounts_round_trip(
    tmp_path_factory: pytest.TempPathFactory, amounts: list[int]
) -> None:
    folder = tmp_path_factory.mktemp("wb")
    lines = [
        BankLine(i, f"H{i:03d}", "某", "", "", f"62{i:017d}", (Decimal(a) / 100).quantize(Decimal("0.01")))
        for i, a in enumerate(amounts, start=1)
    ]
    out = folder / "b.xlsx"
    total = write_bank_workbook(out, "B-1", lines, project="测试", instalment=1, chain_head="0" * 64)
    assert total == sum((line.amount for line in lines), Decimal("0.00"))
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws is not None
    ws.cell(3, 8, "结果")
    for r in range(4, 4 + len(lines)):
        ws.cell(r, 8, "成功")
    wb.save(folder / "r.xlsx")
    reply = read_bank_reply(folder / "r.xlsx")
    assert reply.batch_no == "B-1"
    assert [(x.seq, x.household_no, x.bank_account, x.amount) for x in reply.lines] == [
        (line.seq, line.household_no, line.bank_account, line.amount) for line in lines
    ]


def test_an_unreadable_result_is_named_by_row_and_column(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    write_bank_workbook(out, "B-2", LINES, project="测试", instalment=1, chain_head="")
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws is not None
    ws.cell(3, 8, "结果")
    ws.cell(4, 8, "成功")
    ws.cell(5, 8, "待定")
    wb.save(tmp_path / "r.xlsx")
    with pytest.raises(ValidationError, match="第 5 行 H 列"):
        read_bank_reply(tmp_path / "r.xlsx")
