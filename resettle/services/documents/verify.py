"""Verifying a printed document by its code: which document, and are its amounts still current."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import select

from resettle.documents.codes import format_code, normalise_code, verification_code
from resettle.documents.data import (
    PAYEE_HOUSEHOLD,
    ZERO,
    Compensation,
    Terms,
    amounts_of,
    disclosure_rows,
    disclosure_snapshot,
    household_snapshot,
    listed_lines,
)
from resettle.documents.kinds import DocumentKind, kind_of
from resettle.domain.money import format_yuan, to_fen
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation import reviewing
from resettle.services.documents.data import (
    lines_of_view,
    load_compensation,
    load_households,
    scope_from_key,
    scope_households,
)
from resettle.services.documents.register import CODE_KEY, IssuedDocumentInfo, info_of
from resettle.store.database import Database
from resettle.store.document_models import IssuedDocument
from resettle.store.models import Setting

__all__ = ["VerifyResult", "verify_document"]


@dataclass(frozen=True)
class VerifyResult:
    """What a verification code printed on a document refers to, and whether its amounts still hold."""

    code: str
    status: Literal["current", "changed"]
    document: IssuedDocumentInfo
    issued_total: Decimal
    current_total: Decimal | None  # None when the household no longer exists
    authentic: bool  # the register row still matches the code it was issued with
    changes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def message(self) -> str:
        d = self.document
        who = f"户号 {d.household_no}，户主 {d.head_name}" if d.household_id is not None else d.scope_label
        text = (
            f"{d.kind_title} {d.number}（{who}），{d.issued_at:%Y年%m月%d日} 由 {d.issued_by} 出具，"
            f"已打印 {d.print_count} 次。所列金额 {format_yuan(to_fen(self.issued_total))} 元"
        )
        if self.status == "current":
            text += "，与现在登记的金额一致。"
        else:
            text += "，与现在登记的金额不一致：" + "；".join(self.changes[:5])
            if len(self.changes) > 5:
                text += f" 等 {len(self.changes)} 处"
            text += "。"
        if not self.authentic:
            text += "注意：登记簿中这份文书的记录与校验码不符，可能被改动过。"
        return text


def _line_changes(old: list[list[str]], new: list[list[str]]) -> list[str]:
    def by_item(lines: list[list[str]]) -> dict[tuple[str, str], Decimal]:
        out: dict[tuple[str, str], Decimal] = {}
        for item, payee, amount in lines:
            out[(item, payee)] = out.get((item, payee), ZERO) + Decimal(amount)
        return out

    a, b = by_item(old), by_item(new)
    changes = []
    for key in dict.fromkeys([*a, *b]):
        before, after = a.get(key), b.get(key)
        if before == after:
            continue
        label = key[0] if key[1] == PAYEE_HOUSEHOLD else f"{key[0]}（{key[1]}）"
        changes.append(f"{label} {_money(before)} → {_money(after)}")
    return changes


def _money(value: Decimal | None) -> str:
    return "无" if value is None else f"{format_yuan(to_fen(value))} 元"


def _current_household(db: Database, doc: IssuedDocument) -> tuple[dict[str, Any] | None, Decimal | None]:
    assert doc.household_id is not None
    try:
        view = reviewing.get_household_compensation(db, doc.household_id)
    except NotFoundError:
        return None, None
    comp = Compensation(view.status, lines_of_view(view))
    lines = listed_lines(kind_of(doc.kind), comp)
    snap = household_snapshot(lines, Terms())
    return snap, Decimal(snap["total"])


def _current_allocation(db: Database, doc: IssuedDocument) -> tuple[dict[str, Any] | None, Decimal | None]:
    """The 分配确认书's statement as the register stands now (None when the household chose no flats any more)."""
    from resettle.services.housing import placement, settlement
    from resettle.services.housing.documents import allocation_snapshot

    assert doc.household_id is not None
    try:
        detail = placement.placement_detail(db, doc.project_id, doc.household_id)
    except NotFoundError:
        return None, None
    rows = settlement.settle(db, doc.project_id, household_ids=[doc.household_id]).households
    if not detail.flats or not rows:
        return None, None
    snap = allocation_snapshot(detail, rows[0].settlement)
    return snap, Decimal(snap["total"])


def _flat_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    before, after = old.get("flats", []), new.get("flats", [])
    return [] if before == after else [f"房号 {'、'.join(before) or '无'} → {'、'.join(after) or '无'}"]


def _current_disclosure(db: Database, doc: IssuedDocument, stored: dict[str, Any]) -> dict[str, Any]:
    scope = scope_from_key(doc.scope, stored)
    with db.read() as s:
        try:
            _project, ids, _label = scope_households(s, scope)
        except NotFoundError:  # the village or group itself was removed: what is left of the listed households
            ids = [int(r[0]) for r in stored.get("households", [])]
        households = load_households(s, ids)
        ids = [i for i in ids if i in households]
        comps = load_compensation(s, ids)
    rows = disclosure_rows(households, comps, ids)
    return disclosure_snapshot(rows, Terms(), "")


def _disclosure_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    a = {int(r[0]): (r[1], Decimal(r[2])) for r in old.get("households", [])}
    b = {int(r[0]): (r[1], Decimal(r[2])) for r in new.get("households", [])}
    changes = []
    for hid in dict.fromkeys([*a, *b]):
        if hid not in b:
            changes.append(f"户 {a[hid][0]} 已不在范围内")
        elif hid not in a:
            changes.append(f"新增户 {b[hid][0]}（{_money(b[hid][1])}）")
        elif a[hid][1] != b[hid][1]:
            changes.append(f"户 {a[hid][0]}：{_money(a[hid][1])} → {_money(b[hid][1])}")
    return changes


def verify_document(db: Database, code: str) -> VerifyResult:
    """Which document a printed verification code belongs to, and whether its amounts are still current."""
    require(db, Need.READ, "核验文书")
    normal = normalise_code(code)
    if normal is None:
        raise ValidationError(
            f"「{code.strip()}」不是有效的校验码（应为 10 位字母和数字，如 ABCDE-12345）。", field="校验码"
        )
    with db.read() as s:
        doc = s.scalars(select(IssuedDocument).where(IssuedDocument.code == normal)).one_or_none()
        if doc is None:
            raise NotFoundError(f"登记簿中没有校验码为 {format_code(normal)} 的文书，这份文书可能不是本办出具的。")
        s.expunge(doc)
        key_row = s.get(Setting, CODE_KEY)
        key = bytes.fromhex(key_row.value) if key_row is not None else b""
    authentic = verification_code(key, doc.number, doc.scope, to_fen(doc.total), doc.issued_at) == doc.code
    stored = json.loads(doc.snapshot)
    if kind_of(doc.kind).kind is DocumentKind.ALLOCATION:
        current, current_total = _current_allocation(db, doc)
        if current is None:
            changes = ["该户已不再有所选安置房（选房已撤销或该户已删除）"]
        else:
            changes = _flat_changes(stored, current) + _line_changes(stored.get("lines", []), current["lines"])
    elif doc.household_id is not None:
        current, current_total = _current_household(db, doc)
        if current is None:
            changes = ["该户已被删除"]
        else:
            changes = _line_changes(stored.get("lines", []), current["lines"])
            if amounts_of(stored) != amounts_of(current) and not changes:
                changes = [f"合计 {_money(doc.total)} → {_money(current_total)}"]
    else:
        current = _current_disclosure(db, doc, stored)
        current_total = Decimal(current["total"])
        changes = _disclosure_changes(stored, current)
    same = current is not None and amounts_of(stored) == amounts_of(current)
    if current_total is not None and current_total != doc.total:
        changes.append(f"合计 {_money(doc.total)} → {_money(current_total)}")
    return VerifyResult(
        code=format_code(normal),
        status="current" if same else "changed",
        document=info_of(doc),
        issued_total=doc.total,
        current_total=current_total,
        authentic=authentic,
        changes=tuple(dict.fromkeys(changes)) if not same else (),
    )
