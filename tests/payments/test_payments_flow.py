"""Agreements and payments end to end, on two projects in one register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from resettle.errors import Cancelled, PermissionDenied, ValidationError
from resettle.services import accounts
from resettle.services.compensation import adjustments, reviewing
from resettle.services.payments import agreements, batches, progress, reconcile
from resettle.services.register import households
from resettle.store.database import Database
from tests import dbraw
from tests.payments.conftest import Two, household_ids
from tests.payments.replies import answer

SIGNED = date(2026, 7, 1)


def raw(db: Database, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = db.raw_connection()
    try:
        return list(conn.execute(sql, params).fetchall())
    finally:
        conn.close()


def test_sign_freezes_the_reviewed_lines_and_splits_the_plan(two: Two) -> None:
    db = two.db
    ids = household_ids(db, two.a)
    result = agreements.sign_agreements(db, two.a, ids, SIGNED, "70,30")
    assert result.signed == len(ids) and not result.skipped
    view = agreements.get_agreements(db, two.a, ids[0])
    comp = reviewing.get_household_compensation(db, ids[0])
    main = view.agreements[0]
    assert main.total == comp.total
    assert sum(ln.amount for ln in main.lines) == comp.total
    # The plan divides the family's part; 社保费用 is one transfer of its own into the social-security account.
    family = sum((ln.amount for ln in main.lines if ln.payee == "户"), Decimal("0.00"))
    to_ss = sum((ln.amount for ln in main.lines if ln.payee == "社保"), Decimal("0.00"))
    assert to_ss > 0 and family + to_ss == main.total
    assert [i.condition for i in main.instalments] == ["签约", "腾房", "划入社保专户"]
    assert sum(i.amount for i in main.instalments) == main.total
    assert main.instalments[0].amount == (family * Decimal("0.7")).quantize(Decimal("0.01"))
    assert main.instalments[2].amount == to_ss
    # the other project is untouched
    assert progress.payment_counts(db, two.b).signed == 0
    assert progress.payment_counts(db, two.a).signed == len(ids)
    # signing again skips, it never signs twice
    again = agreements.sign_agreements(db, two.a, ids[:1], SIGNED, "70,30")
    assert again.signed == 0 and "已签约" in again.skipped[0]
    # a household of the other project is refused by name
    with pytest.raises(ValidationError, match="不属于此项目"):
        agreements.sign_agreements(db, two.a, household_ids(db, two.b)[:1], SIGNED)


def test_a_signed_agreement_cannot_be_edited_even_by_raw_sql(two: Two) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], SIGNED)
    conn = dbraw.connect(db.path)
    try:
        for sql in (
            "UPDATE agreement SET total = 1",
            "UPDATE agreement_line SET amount = 1",
            "DELETE FROM agreement_line",
        ):
            with pytest.raises(dbraw.INTEGRITY_ERRORS, match="frozen"):
                conn.execute(sql)
    finally:
        conn.close()


def test_a_line_slipped_into_a_signed_agreement_shows_in_reconciliation(two: Two) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], SIGNED)
    assert reconcile.reconcile(db, two.a).differences == tuple(
        d for d in reconcile.reconcile(db, two.a).differences if d.cause == reconcile.CAUSE_UNSIGNED
    )
    conn = dbraw.connect(db.path)
    aid = conn.execute("SELECT id FROM agreement WHERE household_id = ?", (hid,)).fetchone()[0]
    conn.execute(
        "INSERT INTO agreement_line (agreement_id, household_id, seq, item, formula, amount, payee) "
        "VALUES (?, ?, 99, '伪造', '', 100000, '户')",
        (aid, hid),
    )
    conn.commit()
    conn.close()
    causes = [d.cause for d in reconcile.reconcile(db, two.a).differences]
    assert reconcile.CAUSE_LINES in causes


def test_unreviewed_households_are_not_signed(two: Two) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    adjustments.add_adjustment(db, hid, "搬迁奖励", Decimal("500"), "提前搬迁")  # resets the review
    result = agreements.sign_agreements(db, two.a, [hid], SIGNED)
    assert result.signed == 0 and "尚未复核" in result.skipped[0]


def _batch_file(db: Database, project_id: int, instalment: int, out: Path, **kw: object) -> batches.BatchInfo:
    info = batches.make_batch(db, project_id, instalment, **kw)  # type: ignore[arg-type]
    assert info.status == "已审批"  # one clerk without accounts: approved as made
    batches.write_bank_files(db, project_id, info.id, out)
    return info


def test_bank_reply_with_failures_then_a_second_batch_pays_them(two: Two, tmp_path: Path) -> None:
    db = two.db
    ids = household_ids(db, two.a)
    agreements.sign_agreements(db, two.a, ids, SIGNED, "70,30")
    agreements.sign_agreements(db, two.b, household_ids(db, two.b), SIGNED, "70,30")
    first = _batch_file(db, two.a, 1, tmp_path / "b1.xlsx")
    assert first.rows == len(ids)
    assert first.total == sum(d.amount for d in agreements_first(db, two.a, ids))
    # the workbook: IDs and accounts as text, chain head on the sheet
    ws = openpyxl.load_workbook(tmp_path / "b1.xlsx").active
    assert ws is not None
    assert first.batch_no in str(ws["A1"].value) and first.chain_head in str(ws["A2"].value)
    assert [c.value for c in ws[3]] == ["序号", "户号", "收款人", "身份证号码", "开户银行", "银行账号", "金额(元)"]
    assert ws["F4"].data_type == "s" and ws["D4"].data_type == "s"

    nos = [households.get_household(db, h).data.household_no for h in ids]
    failing = set(nos[:2])
    reply = answer(tmp_path / "b1.xlsx", tmp_path / "r1.xlsx", fail=lambda no: no in failing)
    result = batches.apply_reply(db, two.a, reply)
    assert (result.paid, result.failed) == (len(ids) - 2, 2)
    assert result.applied == len(ids)
    # the same reply again changes nothing
    audit_before = raw(db, "SELECT count(*) FROM audit_log")[0][0]
    again = batches.apply_reply(db, two.a, reply)
    assert again.applied == 0 and (again.paid, again.failed) == (result.paid, result.failed)
    assert raw(db, "SELECT count(*) FROM audit_log")[0][0] == audit_before

    # failed lines are due again; correct one account, then the second batch pays them
    due = batches.due_instalments(db, two.a, 1)
    assert {d.household_no for d in due} == failing and all(d.failed_before == 1 for d in due)
    fixed = households.get_household(db, due[0].household_id)
    households.update_household(
        db, fixed, replace(fixed.data, bank_account="6228480000000000011"), reason="更正银行账号"
    )
    second = _batch_file(db, two.a, 1, tmp_path / "b2.xlsx")
    assert second.rows == 2
    paid = batches.apply_reply(db, two.a, answer(tmp_path / "b2.xlsx", tmp_path / "r2.xlsx"))
    assert paid.paid == 2 and paid.failed == 0
    assert batches.due_instalments(db, two.a, 1) == []
    rec = reconcile.reconcile(db, two.a)
    assert rec.computed == rec.agreed == rec.paid + rec.outstanding
    assert rec.paid == first.total
    assert rec.differences == ()
    # project b: nothing paid, its first instalments still due
    assert reconcile.reconcile(db, two.b).paid == 0
    assert len(batches.due_instalments(db, two.b, 1)) == len(household_ids(db, two.b))
    # the second instalment needs the house vacated
    assert batches.due_instalments(db, two.a, 2) == []
    agreements.mark_vacated(db, two.a, ids[:3], date(2026, 8, 1))
    assert len(batches.due_instalments(db, two.a, 2)) == 3


def agreements_first(db: Database, project_id: int, ids: list[int]) -> list[agreements.InstalmentView]:
    return [agreements.get_agreements(db, project_id, h).agreements[0].instalments[0] for h in ids]


def _reply_refused(db: Database, two: Two, tmp_path: Path, edit: object, match: str) -> None:
    before = raw(db, "SELECT count(*) FROM audit_log")[0][0]
    reply = answer(tmp_path / "b.xlsx", tmp_path / "bad.xlsx", edit=edit)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=match):
        batches.apply_reply(db, two.a, reply)
    assert raw(db, "SELECT count(*) FROM audit_log")[0][0] == before
    assert raw(db, "SELECT count(*) FROM payment WHERE result <> '待回盘'")[0][0] == 0


def test_a_reply_that_does_not_fit_is_refused_whole_naming_each_row(two: Two, tmp_path: Path) -> None:
    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), SIGNED, "70,30")
    _batch_file(db, two.a, 1, tmp_path / "b.xlsx")

    def amount(rows: list[list[object]]) -> None:
        rows[3][6] = 1.23
        rows[5][1] = "X999"

    _reply_refused(db, two, tmp_path, amount, r"共 2 处(.|\n)*第 4 行(.|\n)*金额(.|\n)*第 6 行(.|\n)*户号")

    def missing(rows: list[list[object]]) -> None:
        del rows[4]

    _reply_refused(db, two, tmp_path, missing, "缺少批次第 2 笔")

    def extra(rows: list[list[object]]) -> None:
        rows.insert(4, [99, "Z1", "某某", "", "", "1", 1, "成功", ""])

    _reply_refused(db, two, tmp_path, extra, "多出的行")

    def account(rows: list[list[object]]) -> None:
        rows[3][5] = "0000"

    _reply_refused(db, two, tmp_path, account, "银行账号")

    def other_batch(rows: list[list[object]]) -> None:
        rows[1][0] = "批次号：P1-20000101-001"

    _reply_refused(db, two, tmp_path, other_batch, "不是本数据库生成的批次")


def test_a_batch_of_another_project_is_refused(two: Two, tmp_path: Path) -> None:
    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), SIGNED)
    _batch_file(db, two.a, 1, tmp_path / "b.xlsx")
    reply = answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx")
    with pytest.raises(ValidationError, match="另一个项目"):
        batches.apply_reply(db, two.b, reply)


def test_supplement_after_a_change_brings_agreed_back_to_computed(two: Two) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], SIGNED, "70,30")
    adjustments.add_adjustment(db, hid, "困难补助", Decimal("1234.56"), "低保户")
    rec = reconcile.reconcile(db, two.a)
    changed = [d for d in rec.differences if d.cause == reconcile.CAUSE_CHANGED]
    assert [d.amount for d in changed] == [Decimal("1234.56")]
    with pytest.raises(ValidationError, match="复核"):
        agreements.supplement_from_recompute(db, two.a, hid, "增加困难补助", date(2026, 7, 5))
    from resettle.store.audit import Actor

    db.actor = Actor("reviewer2", "pc")
    reviewing.review(db, hid)
    sup = agreements.supplement_from_recompute(db, two.a, hid, "增加困难补助", date(2026, 7, 5))
    assert sup.kind == "补充协议" and sup.total == Decimal("1234.56")
    assert [i.amount for i in sup.instalments] == [Decimal("1234.56")]
    rec = reconcile.reconcile(db, two.a)
    assert not [d for d in rec.differences if d.household_no == sup and d.cause == reconcile.CAUSE_CHANGED]
    mine = next(r for r in rec.households if r.household_id == hid)
    assert mine.computed == mine.agreed == mine.paid + mine.outstanding


def test_a_negative_supplement_reduces_what_is_not_yet_paid(two: Two) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], SIGNED, "70,30")
    before = agreements.get_agreements(db, two.a, hid).agreements[0]
    agreements.supplement(db, two.a, hid, [("面积更正", Decimal("-100.00"))], "复测面积减少", date(2026, 7, 3))
    after = agreements.get_agreements(db, two.a, hid)
    assert after.agreed == before.total - Decimal("100.00")
    inst = after.agreements[0].instalments
    assert inst[1].amount == before.instalments[1].amount - Decimal("100.00")  # the last one first
    with pytest.raises(ValidationError, match="超过尚未支付"):
        agreements.supplement(db, two.a, hid, [("更正", -before.total)], "错误", date(2026, 7, 3))


def test_self_approval_of_a_batch_is_refused(two: Two, tmp_path: Path) -> None:
    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), SIGNED)
    secret = "a-long-password"
    accounts.add_user(db, "admin", "admin", secret)
    accounts.login(db, "admin", secret)
    accounts.add_user(db, "fin", "finance", secret)
    accounts.add_user(db, "rev", "reviewer", secret)
    accounts.login(db, "fin", secret)
    info = batches.make_batch(db, two.a, 1)
    with pytest.raises(PermissionDenied):
        batches.approve_batch(db, two.a, info.id)  # finance may not approve
    with pytest.raises(PermissionDenied):
        agreements.sign_agreements(db, two.a, None, SIGNED)  # nor sign
    # the same person, later holding the reviewer role, still may not approve their own batch
    from sqlalchemy import select

    from resettle.store.accounts_models import UserAccount

    with db.write(reason="测试：改角色") as s:  # through the store (audited and sealed), not behind its back
        s.scalars(select(UserAccount).where(UserAccount.name == "fin")).one().role = "审核"
    accounts.login(db, "fin", secret)
    with pytest.raises(PermissionDenied, match="本人"):
        batches.approve_batch(db, two.a, info.id)
    accounts.login(db, "rev", secret)
    assert batches.approve_batch(db, two.a, info.id).status == "已审批"
    with pytest.raises(PermissionDenied):
        batches.write_bank_files(db, two.a, info.id, tmp_path / "x.xlsx")  # reviewer: no bank files


def test_a_reply_counts_its_lines_and_a_cancel_enters_none_of_them(two: Two, tmp_path: Path) -> None:
    """The runner's progress sees the reply's lines counted; a cancel part-way leaves every payment 待回盘,
    no instalment paid and no audit entry, in this project and the other."""
    db = two.db
    agreements.sign_agreements(db, two.a, household_ids(db, two.a), SIGNED, "70,30")
    agreements.sign_agreements(db, two.b, household_ids(db, two.b), SIGNED, "70,30")
    first = _batch_file(db, two.a, 1, tmp_path / "b.xlsx")
    reply = answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx")
    before = raw(db, "SELECT count(*) FROM audit_log")[0][0]
    asked: list[int] = []

    def cancel_at_the_sixth() -> bool:
        asked.append(1)
        return len(asked) >= 6

    with pytest.raises(Cancelled):
        batches.apply_reply(db, two.a, reply, cancelled=cancel_at_the_sixth)
    assert raw(db, "SELECT count(*) FROM audit_log")[0][0] == before
    assert raw(db, "SELECT count(*) FROM payment WHERE result <> '待回盘'")[0][0] == 0
    assert raw(db, "SELECT count(*) FROM instalment WHERE paid_on IS NOT NULL")[0][0] == 0
    counted: list[tuple[int, int]] = []
    done = batches.apply_reply(db, two.a, reply, progress=lambda n, total: counted.append((n, total)))
    assert done.paid == first.rows and counted[-1] == (first.rows, first.rows)
    assert reconcile.reconcile(db, two.b).paid == 0


def test_the_social_security_part_goes_by_transfer_never_to_the_family(two: Two, tmp_path: Path) -> None:
    """社保费用 is paid into the social-security account: no household batch carries it, whatever instalment is
    asked for; finance records the transfer, and only then is an agreement fully paid. The other project is
    untouched."""
    from resettle.services.payments import transfers

    db = two.db
    ids = household_ids(db, two.a)
    agreements.sign_agreements(db, two.a, ids, SIGNED, "100")
    agreements.sign_agreements(db, two.b, household_ids(db, two.b), SIGNED, "100")
    owed = transfers.transfers_due(db, two.a, "社保")
    lines = [agreements.get_agreements(db, two.a, h).agreements[0].lines for h in ids]
    assert owed.total == sum(ln.amount for ls in lines for ln in ls if ln.payee == "社保") > 0
    assert owed.households == len(ids)
    first = _batch_file(db, two.a, 1, tmp_path / "b.xlsx")
    family = sum((ln.amount for ls in lines for ln in ls if ln.payee == "户"), Decimal("0.00"))
    assert first.total == family  # the family's money only
    with pytest.raises(ValidationError, match="没有可付的分期"):
        batches.make_batch(db, two.a, 2)  # the transfer is instalment 2 in the table, never a bank batch's
    assert progress.payment_counts(db, two.a).partly_paid == 0  # a batch sent is not money paid
    batches.apply_reply(db, two.a, answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx"))
    assert {a.status for a in agreements.list_agreements(db, two.a)} == {"已签约"}  # 社保 still owed
    counts = progress.payment_counts(db, two.a)
    assert (counts.signed, counts.paid, counts.partly_paid) == (len(ids), 0, len(ids))  # the family paid, 社保 not yet
    rec = reconcile.reconcile(db, two.a)
    assert rec.outstanding == owed.total and rec.paid == family
    # finance records the transfer for two households, then for the rest
    done = transfers.record_transfers(db, two.a, "社保", date(2026, 7, 20), ids[:2])
    assert done.households == 2
    rest = transfers.record_transfers(db, two.a, "社保", date(2026, 7, 21))
    assert rest.households == len(ids) - 2 and done.total + rest.total == owed.total
    with pytest.raises(ValidationError, match="没有待登记的划转"):
        transfers.record_transfers(db, two.a, "社保", date(2026, 7, 22))
    assert {a.status for a in agreements.list_agreements(db, two.a)} == {"已兑付"}
    counts = progress.payment_counts(db, two.a)
    assert (counts.paid, counts.partly_paid) == (len(ids), 0)
    balanced = reconcile.reconcile(db, two.a)
    assert balanced.outstanding == 0 and balanced.paid == balanced.agreed  # a transfer is money paid
    assert balanced.differences == () and balanced.balanced
    listed = {a.household_id: a.paid for a in agreements.list_agreements(db, two.a)}
    assert sum(listed.values()) == balanced.agreed  # the 协议 table's 已付 counts the transfers too
    assert transfers.transfers_due(db, two.b, "社保").households == len(household_ids(db, two.b))
    # the other project: its family payments not yet made, its 社保 transferred: nobody is partly paid
    transfers.record_transfers(db, two.b, "社保", date(2026, 7, 19))
    assert progress.payment_counts(db, two.b).partly_paid == 0  # a transfer is not money the family received
    with pytest.raises(ValidationError, match="不属于此项目"):
        transfers.record_transfers(db, two.a, "社保", date(2026, 7, 22), household_ids(db, two.b)[:1])


def test_a_supplement_settles_each_payee_apart(two: Two) -> None:
    """A recomputed 社保费用 is 社保's: an increase is one more transfer (the family's increase one more instalment),
    a decrease takes from the 社保 transfer, never from the family's unpaid money."""
    from resettle.services.payments import transfers

    db = two.db
    hid = household_ids(db, two.a)[0]
    agreements.sign_agreements(db, two.a, [hid], SIGNED, "70,30")
    before = transfers.transfers_due(db, two.a, "社保").total
    family_before = sum(i.amount for i in agreements.get_agreements(db, two.a, hid).agreements[0].instalments[:2])
    more = agreements.supplement(db, two.a, hid, [("社保费用", Decimal("48000.00")), ("安置补助费", Decimal("1000.00"))],
                                 "新增安置人口", date(2026, 7, 3), payees={"社保费用": "社保"})  # fmt: skip
    assert [(i.condition, i.amount) for i in more.instalments] == [("签约", Decimal("1000.00")),
                                                                    ("划入社保专户", Decimal("48000.00"))]  # fmt: skip
    assert transfers.transfers_due(db, two.a, "社保").total == before + Decimal("48000.00")
    info = batches.make_batch(db, two.a, 1)
    assert Decimal("48000.00") not in {line.amount for line in batches.batch_lines(db, two.a, info.id)}
    agreements.supplement(db, two.a, hid, [("社保费用", Decimal("-50000.00"))], "核减安置人口", date(2026, 7, 4),
                          payees={"社保费用": "社保"})  # fmt: skip
    assert transfers.transfers_due(db, two.a, "社保").total == before - Decimal("2000.00")
    family_after = sum(i.amount for i in agreements.get_agreements(db, two.a, hid).agreements[0].instalments[:2])
    assert family_after == family_before  # the family's instalments untouched
    rec = reconcile.reconcile(db, two.a)
    mine = next(r for r in rec.households if r.household_id == hid)
    assert mine.agreed == mine.paid + mine.outstanding


def test_the_register_shows_and_filters_signed_and_paid_households(two: Two, tmp_path: Path) -> None:
    """已签约 and 已兑付 are stages of the register's table, its filter and the household window, like 已复核;
    the other project's households keep theirs."""
    from resettle.domain import progress as stages
    from resettle.services.payments import transfers
    from resettle.services.payments.common import STATUS_ARCHIVED, STATUS_PAID, STATUS_SIGNED, STATUS_VACATED
    from resettle.services.register.records import HouseholdQuery
    from resettle.services.register.search import count_households, list_households

    assert stages.AGREEMENT_SIGNED == (STATUS_SIGNED, STATUS_VACATED)  # the register and payments agree
    assert stages.AGREEMENT_PAID == (STATUS_PAID, STATUS_ARCHIVED)
    db = two.db
    ids = household_ids(db, two.a)
    signed, later = ids[:3], ids[3:]
    agreements.sign_agreements(db, two.a, signed, SIGNED, "100")

    def at(stage: str, project: int) -> set[int]:
        page = list_households(db, HouseholdQuery(project_id=project, status=stage), limit=500)
        assert count_households(db, HouseholdQuery(project_id=project, status=stage)) == len(page.rows)
        return {r.id for r in page.rows}

    assert at("已签约", two.a) == set(signed) and at("已复核", two.a) == set(later)
    assert at("已签约", two.b) == set() and at("已复核", two.b) == set(household_ids(db, two.b))
    rows = {
        r.id: r.status for r in list_households(db, HouseholdQuery(project_id=two.a, sort="status"), limit=500).rows
    }
    assert {rows[h] for h in signed} == {"已签约"}
    assert households.get_household(db, signed[0]).agreement_status == "已签约"
    _batch_file(db, two.a, 1, tmp_path / "b.xlsx")
    batches.apply_reply(db, two.a, answer(tmp_path / "b.xlsx", tmp_path / "r.xlsx"))
    transfers.record_transfers(db, two.a, "社保", date(2026, 7, 20))
    assert at("已兑付", two.a) == set(signed) and at("已签约", two.a) == set()
    assert stages.stage_of("已复核", "已调查", "已兑付") == "已兑付"


def test_an_unapproved_batch_writes_no_bank_file(two: Two, tmp_path: Path) -> None:
    """With accounts on, the bank file is what another person approved: none before the approval."""
    db = two.db
    secret = "bank-file-secret-1"
    accounts.add_user(db, "admin", "admin", secret)
    accounts.login(db, "admin", secret)
    accounts.add_user(db, "clerk", "clerk", secret)
    accounts.add_user(db, "fin", "finance", secret)
    accounts.add_user(db, "rev", "reviewer", secret)
    accounts.login(db, "clerk", secret)
    agreements.sign_agreements(db, two.a, None, SIGNED)
    accounts.login(db, "fin", secret)
    info = batches.make_batch(db, two.a, 1)
    out = tmp_path / "bank.xlsx"
    with pytest.raises(ValidationError, match="尚未审批，不能写出银行文件"):
        batches.write_bank_files(db, two.a, info.id, out)
    assert not out.exists()
    accounts.login(db, "rev", secret)
    batches.approve_batch(db, two.a, info.id)
    accounts.login(db, "fin", secret)
    assert batches.write_bank_files(db, two.a, info.id, out) == [out] and out.is_file()
