"""Fixed-column text batch files, one layout per bank (定长文本代发文件).

A layout names its columns (field, width in bytes of the file's encoding, alignment,
padding) plus an optional header and trailer line. The built-in layouts are examples of
the usual shape; an office adds its bank's layout in ``bank_formats.json`` in the data
folder (same keys), so a new bank needs no new program.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from resettle.errors import ValidationError
from resettle.io.bank_batch import BankLine

__all__ = ["BUILT_IN_FORMATS", "BankTextFormat", "TextColumn", "load_formats", "write_bank_text"]

FIELDS = ("seq", "household_no", "payee", "id_number", "bank_name", "bank_account", "amount", "amount_fen")


@dataclass(frozen=True)
class TextColumn:
    field: str
    width: int
    align: str = "left"  # left / right
    pad: str = " "


@dataclass(frozen=True)
class BankTextFormat:
    name: str
    columns: tuple[TextColumn, ...]
    encoding: str = "gbk"
    newline: str = "\r\n"
    header: str = ""  # may use {batch_no} {count} {total} {total_fen}
    trailer: str = ""


BUILT_IN_FORMATS: dict[str, BankTextFormat] = {
    "定长-通用": BankTextFormat(
        "定长-通用",
        (
            TextColumn("seq", 6, "right", "0"),
            TextColumn("bank_account", 32),
            TextColumn("payee", 40),
            TextColumn("id_number", 18),
            TextColumn("amount", 15, "right"),
            TextColumn("household_no", 20),
        ),
        header="H{batch_no:<20}{count:0>8}{total:>17}",
        trailer="T{count:0>8}",
    ),
    "定长-分": BankTextFormat(
        "定长-分",
        (
            TextColumn("bank_account", 25),
            TextColumn("payee", 30),
            TextColumn("amount_fen", 15, "right", "0"),
            TextColumn("id_number", 18),
        ),
        header="{batch_no}|{count}|{total_fen}",
    ),
}


def load_formats(folder: Path | None) -> dict[str, BankTextFormat]:
    """Built-in layouts plus the office's ``bank_formats.json`` (refused, with the reason, when malformed)."""
    formats = dict(BUILT_IN_FORMATS)
    if folder is None:
        return formats
    path = folder / "bank_formats.json"
    if not path.is_file():
        return formats
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, spec in data.items():
            columns = tuple(TextColumn(**c) for c in spec["columns"])
            for c in columns:
                if c.field not in FIELDS or c.width <= 0 or c.align not in ("left", "right") or len(c.pad) != 1:
                    raise ValueError(f"列 {c.field}")
            formats[name] = BankTextFormat(
                name,
                columns,
                spec.get("encoding", "gbk"),
                spec.get("newline", "\r\n"),
                spec.get("header", ""),
                spec.get("trailer", ""),
            )
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationError(f"银行文件格式配置 {path} 有误：{exc}", field="银行格式") from exc
    return formats


def _value(line: BankLine, name: str) -> str:
    if name == "amount":
        return f"{line.amount:.2f}"
    if name == "amount_fen":
        return str(int(line.amount * 100))
    return str(getattr(line, name))


def _fit(text: str, col: TextColumn, encoding: str, where: str) -> bytes:
    raw = text.encode(encoding)
    if len(raw) > col.width:
        raise ValidationError(
            f"{where}：「{text}」超过银行格式 {col.field} 列的 {col.width} 字节，未写出文件", field=col.field
        )
    padding = col.pad.encode(encoding) * (col.width - len(raw))
    return padding + raw if col.align == "right" else raw + padding


def write_bank_text(path: Path | str, fmt: BankTextFormat, batch_no: str, lines: Sequence[BankLine]) -> None:
    """Every value is checked against its width first; the file appears complete or not at all."""
    total = sum((line.amount for line in lines), Decimal("0.00"))
    params = {"batch_no": batch_no, "count": len(lines), "total": f"{total:.2f}", "total_fen": int(total * 100)}
    nl = fmt.newline.encode("ascii")
    out: list[bytes] = []
    try:
        if fmt.header:
            out.append(fmt.header.format(**params).encode(fmt.encoding))
        for line in lines:
            where = f"第 {line.seq} 笔（户 {line.household_no}）"
            out.append(b"".join(_fit(_value(line, c.field), c, fmt.encoding, where) for c in fmt.columns))
        if fmt.trailer:
            out.append(fmt.trailer.format(**params).encode(fmt.encoding))
    except UnicodeEncodeError as exc:
        raise ValidationError(
            f"有字符无法用 {fmt.encoding} 编码写入银行文件：{exc.object[exc.start : exc.end]}"
        ) from exc
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(nl.join(out) + nl)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
