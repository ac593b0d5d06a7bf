"""Selection, lottery, freezing, import refusals, transition, handover, and two projects kept apart."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from resettle.domain.lottery import draw
from resettle.domain.roles import Role
from resettle.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from resettle.io.housing_sheets import HousingSheetError
from resettle.services.housing import placement, settlement, stock
from resettle.services.housing.progress import housing_counts
from resettle.services.register import projects
from resettle.store.database import Database
from resettle.store.models import Household
from tests import dbraw
from tests.conftest import CLERK
from tests.housing.conftest import STANDARD, STOCK, choices_workbook, import_survey


def hid(db: Database, pid: int, no: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(Household.id).where(Household.project_id == pid, Household.household_no == no)))


def flat(db: Database, pid: int, name: str) -> int:
    return placement.find_flat_id(db, pid, name)


def audit_rows(db: Database, entity: str) -> int:
    conn = db.raw_connection()
    try:
        return int(conn.execute("SELECT count(*) FROM audit_log WHERE entity = ?", (entity,)).fetchone()[0])
    finally:
        conn.close()


def test_choose_marks_the_flat_and_a_second_choice_of_it_is_refused(hdb: Database, pid: int) -> None:
    f = flat(hdb, pid, "1幢-1单元-101")
    result = placement.choose_flats(hdb, pid, hid(hdb, pid, "东岗01001"), [f])
    assert result.flats == ("1幢-1单元-101",)
    with pytest.raises(ConflictError, match="已选"):
        placement.choose_flats(hdb, pid, hid(hdb, pid, "东岗01002"), [f])
    detail = placement.placement_detail(hdb, pid, hid(hdb, pid, "东岗01001"))
    assert [x.status for x in detail.flats] == ["已选"]
    assert detail.owners[0][0].relation == "户主"
    assert audit_rows(hdb, "flat_selection") > 0


def test_two_clerks_at_once_on_two_connections_never_get_the_same_flat(hdb: Database, pid: int) -> None:
    f = flat(hdb, pid, "2幢-1单元-301")
    seen = {x.id: x.row_version for x in stock.board(hdb, pid, stock.list_estates(hdb, pid)[0].id).flats}
    other = Database.open(hdb.path, actor=CLERK, lock=False, startup_backup=False)
    try:
        placement.choose_flats(hdb, pid, hid(hdb, pid, "东岗01001"), [f], expected_versions={f: seen[f]})
        # the second clerk chose from the board as it was before the first save
        with pytest.raises(ConflictError, match="另一位用户"):
            placement.choose_flats(other, pid, hid(other, pid, "东岗01002"), [f], expected_versions={f: seen[f]})
        # both at the same moment, from threads: exactly one wins
        g = flat(hdb, pid, "2幢-1单元-302")
        results: list[str] = []
        barrier = threading.Barrier(2)

        def clerk(db: Database, no: str) -> None:
            barrier.wait()
            try:
                placement.choose_flats(db, pid, hid(db, pid, no), [g], expected_versions={g: seen[g]})
                results.append("ok")
            except ConflictError:
                results.append("conflict")

        threads = [
            threading.Thread(target=clerk, args=(hdb, "东岗01003")),
            threading.Thread(target=clerk, args=(other, "东岗01004")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == ["conflict", "ok"]
    finally:
        other.close()
    conn = dbraw.connect(hdb.path)
    try:
        dup = conn.execute(
            "SELECT flat_id, count(*) FROM flat_selection GROUP BY flat_id HAVING count(*) > 1"
        ).fetchall()
    finally:
        conn.close()
    assert dup == []


def test_the_file_itself_refuses_a_second_selection_of_a_flat(hdb: Database, pid: int) -> None:
    f = flat(hdb, pid, "1幢-1单元-102")
    placement.choose_flats(hdb, pid, hid(hdb, pid, "东岗01001"), [f])
    conn = dbraw.connect(hdb.path)
    try:
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match=r"(?i)unique"):
            conn.execute(
                "INSERT INTO flat_selection (household_id, flat_id, slot, owner_ids, ahead_of_order, source,"
                " chosen_by, version, seal) VALUES (?, ?, 1, '', FALSE, 'x', '', 1, '')",
                (hid(hdb, pid, "东岗01002"), f),
            )
    finally:
        conn.close()


def test_frozen_flats_need_a_reason_and_cannot_be_chosen(hdb: Database, pid: int) -> None:
    f = flat(hdb, pid, "1幢-1单元-201")
    with pytest.raises(ValidationError, match="原因"):
        stock.freeze_flat(hdb, pid, f, "  ")
    info = stock.freeze_flat(hdb, pid, f, "留作周转房")
    assert info.status == "冻结" and info.frozen_reason == "留作周转房"
    with pytest.raises(ValidationError, match="冻结"):
        placement.choose_flats(hdb, pid, hid(hdb, pid, "东岗01001"), [f])
    assert stock.unfreeze_flat(hdb, pid, f, "周转房够用").status == "可选"


def test_two_flats_owners_cancel_and_cash(hdb: Database, pid: int) -> None:
    h = hid(hdb, pid, "东岗01001")
    members = placement.placement_detail(hdb, pid, h).members
    a, b = flat(hdb, pid, "3幢-1单元-101"), flat(hdb, pid, "3幢-1单元-102")
    placement.choose_flats(hdb, pid, h, [a, b], owners=[[members[0].id, members[1].id], [members[2].id]])
    detail = placement.placement_detail(hdb, pid, h)
    assert [len(o) for o in detail.owners] == [2, 1]
    with pytest.raises(ValidationError, match="已选过房"):
        placement.choose_flats(hdb, pid, h, [flat(hdb, pid, "3幢-1单元-201")])
    with pytest.raises(ValidationError, match="撤销"):
        placement.choose_cash(hdb, pid, h)
    placement.cancel_choice(hdb, pid, h, "户主改选")
    assert stock.board(hdb, pid, stock.list_estates(hdb, pid)[0].id).counts().get("已选", 0) == 0
    assert placement.placement_detail(hdb, pid, h).flats == ()
    assert placement.choose_cash(hdb, pid, h).mode == "货币安置"
    with pytest.raises(ValidationError, match="货币安置"):
        placement.choose_flats(hdb, pid, h, [a])
    with pytest.raises(ValidationError, match="家庭成员"):
        placement.choose_flats(hdb, pid, hid(hdb, pid, "东岗01002"), [a], owners=[[members[0].id]])


def test_lottery_is_recorded_once_verified_and_redrawn_only_with_a_reason(hdb: Database, pid: int) -> None:
    info = placement.draw_lottery(hdb, pid, "20260315-8841")
    with hdb.read() as s:
        numbers = list(s.scalars(select(Household.household_no).where(Household.project_id == pid)))
    assert [no for _p, no, _h in info.order] == list(draw("20260315-8841", numbers).order)
    assert info.digest == draw("20260315-8841", numbers).digest
    with pytest.raises(ConflictError, match="不能再抽"):
        placement.draw_lottery(hdb, pid, "other")
    assert placement.verify_lottery(hdb, pid, "20260315-8841").ok
    assert not placement.verify_lottery(hdb, pid, "20260315-8842").ok
    again = placement.draw_lottery(hdb, pid, "seed-2", redraw_reason="公证员未到场")
    assert again.replaced == 1 and again.redraw_reason == "公证员未到场"
    conn = dbraw.connect(hdb.path)
    try:
        statuses = [r[0] for r in conn.execute("SELECT status FROM lottery_draw ORDER BY id")]
    finally:
        conn.close()
    assert statuses == ["已重抽", "有效"]


def test_queue_skip_and_choosing_ahead_of_the_order(hdb: Database, pid: int) -> None:
    info = placement.draw_lottery(hdb, pid, "S")
    first, second, third = (hid(hdb, pid, no) for _p, no, _h in info.order[:3])
    nxt = placement.next_household(hdb, pid)
    assert nxt is not None and nxt.household_id == first
    placement.skip_household(hdb, pid, first)
    nxt = placement.next_household(hdb, pid)
    assert nxt is not None and nxt.household_id == second
    ahead = placement.choose_flats(hdb, pid, third, [flat(hdb, pid, "1幢-1单元-301")])
    assert ahead.ahead_of_order
    on_time = placement.choose_flats(hdb, pid, second, [flat(hdb, pid, "1幢-1单元-302")])
    assert not on_time.ahead_of_order
    late = placement.choose_flats(hdb, pid, first, [flat(hdb, pid, "1幢-1单元-401")])  # 过号, chooses later
    assert not late.ahead_of_order
    states = {q.household_id: q.state for q in placement.queue(hdb, pid)}
    assert states[first] == states[second] == states[third] == "已选"


def test_choice_import_refuses_each_bad_row_and_saves_nothing(hdb: Database, pid: int, tmp_path: Path) -> None:
    stock.freeze_flat(hdb, pid, flat(hdb, pid, "1幢-2单元-101"), "开发商保留")
    placement.choose_flats(hdb, pid, hid(hdb, pid, "东岗01020"), [flat(hdb, pid, "1幢-2单元-102")])
    rows = [
        ("东岗01001", "产权调换", "1幢-1单元-101", None),  # fine
        ("东岗99999", "产权调换", "1幢-1单元-102", None),  # unknown household
        ("东岗01002", "产权调换", "99幢-1单元-101", None),  # unknown flat
        ("东岗01003", "产权调换", "4幢-1单元-1101", None),  # frozen in the stock list
        ("东岗01004", "产权调换", "1幢-2单元-102", None),  # already chosen
        ("东岗01005", "产权调换", "1幢-1单元-101", None),  # the same flat twice
        ("东岗01006", "货币安置", "1幢-1单元-201", None),  # a flat for a cash household
        ("东岗01007", "随便", None, None),  # unknown mode
    ]
    with pytest.raises(HousingSheetError) as refused:
        placement.import_choices(hdb, pid, choices_workbook(tmp_path / "bad.xlsx", rows))
    where = {(i.row, i.column) for i in refused.value.issues}
    assert where == {(3, "A"), (4, "C"), (5, "C"), (6, "C"), (7, "C"), (8, "C"), (9, "B")}
    messages = " ".join(i.message for i in refused.value.issues)
    assert "东岗99999" in messages and "冻结" in messages and "已选" in messages and "重复" in messages
    assert "不能分配安置房" in messages
    assert housing_counts(hdb, pid).chosen == 1  # nothing of the bad file was saved


def test_stock_import_refuses_bad_cells(db: Database, tmp_path: Path) -> None:
    pid = projects.create_project(db, "测试项目")
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "房源"
    ws.append(["小区", "楼号", "单元", "层", "房号", "户型", "建筑面积(㎡)", "状态"])
    ws.append(["A区", "1幢", "1单元", 1, "101", "两室", 80.5, "可选"])
    ws.append(["A区", "1幢", "1单元", "一楼", "102", "两室", "abc", "已售"])
    ws.append(["A区", "1幢", "1单元", 1, "101", "两室", 80.5, None])
    ws.append(["", "1幢", "1单元", 2, "201", "两室", -3, None])
    book.save(tmp_path / "s.xlsx")
    with pytest.raises(HousingSheetError) as refused:
        stock.import_stock(db, pid, tmp_path / "s.xlsx")
    where = {(i.row, i.column) for i in refused.value.issues}
    assert where == {(3, "D"), (3, "G"), (3, "H"), (4, "E"), (5, "A"), (5, "G")}
    assert stock.list_estates(db, pid) == []


def test_stock_export_reimports_to_the_same_flats(hdb: Database, pid: int, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert stock.export_stock(hdb, pid, out) == 528
    again = stock.import_stock(hdb, pid, out)
    assert (again.added, again.updated, again.frozen) == (0, 0, 10)


def test_standard_versions_and_publish(hdb: Database, pid: int) -> None:
    draft = stock.import_standard(hdb, pid, STANDARD)
    assert draft.revision == 2 and draft.status == "草稿"
    assert stock.current_standard(hdb, pid).revision == 1  # type: ignore[union-attr]
    stock.publish_standard(hdb, pid, draft.id)
    assert stock.current_standard(hdb, pid).revision == 2  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="已经发布"):
        stock.publish_standard(hdb, pid, draft.id)
    conn = dbraw.connect(hdb.path)
    try:
        with pytest.raises(dbraw.INTEGRITY_ERRORS, match="frozen"):
            conn.execute("UPDATE placement_standard SET price_within = 1 WHERE id = ?", (draft.id,))
    finally:
        conn.close()


def test_members_excluded_with_a_reason_reduce_the_entitlement(hdb: Database, pid: int) -> None:
    h = hid(hdb, pid, "东岗01001")
    detail = placement.placement_detail(hdb, pid, h)
    assert detail.persons == 4 and detail.entitled_m2 == Decimal("180.00")
    with pytest.raises(ValidationError, match="原因"):
        placement.exclude_member(hdb, pid, detail.members[-1].id, "")
    detail = placement.exclude_member(hdb, pid, detail.members[-1].id, "截止日后出生")
    assert detail.persons == 3 and detail.entitled_m2 == Decimal("135.00")
    assert detail.members[-1].reason == "截止日后出生"
    assert placement.include_member(hdb, pid, detail.members[-1].id, "复核认定").persons == 4


def test_simulation_offers_cash_and_each_available_layout(hdb: Database, pid: int) -> None:
    sim = placement.placement_detail(hdb, pid, hid(hdb, pid, "东岗01001"))
    result = settlement.simulate(hdb, pid, sim.household_id)
    assert result.options[0].label == "货币安置"
    singles = [o for o in result.options if o.label == "一套"]
    assert len(singles) == 6 and all(o.settlement is not None for o in singles)
    for o in result.options[1:]:
        assert o.settlement is not None and o.balance == o.settlement.compensation_total - o.settlement.net


def test_transition_statement_with_overdue_and_handover(hdb: Database, pid: int, tmp_path: Path) -> None:
    estate = stock.list_estates(hdb, pid)[0]
    stock.set_promised_handover(hdb, pid, estate.id, date(2026, 6, 30))
    a, b = hid(hdb, pid, "东岗01001"), hid(hdb, pid, "东岗01002")
    placement.set_moved_out(hdb, pid, a, date(2025, 11, 20))
    placement.set_moved_out(hdb, pid, b, date(2025, 12, 1))
    placement.choose_flats(hdb, pid, a, [flat(hdb, pid, "5幢-1单元-101")])
    handed = settlement.hand_over(hdb, pid, a, date(2026, 8, 15), keys=3, water=Decimal("12.5"))
    assert handed.notice_no == "安入〔2026〕第 1 号"
    with pytest.raises(ValidationError, match="已经交房"):
        settlement.hand_over(hdb, pid, a, date(2026, 8, 16))
    st = settlement.transition_statement(hdb, pid, date(2026, 12, 31))
    rows = {r.household_no: r for r in st.rows}
    ra = rows["东岗01001"]
    # 2025-11-20 → 2026-08-15 is 9 months (a started month counts); the first 8 reach past the
    # promised 2026-06-30, the 9th is overdue; then the 4 fit-out months
    assert (ra.fee.normal_months, ra.fee.overdue_months, ra.fee.fitout_months) == (8, 1, 4)
    assert ra.amount == Decimal(4 * 450 * 8 + 4 * 675 * 1 + 4 * 450 * 4)
    rb = rows["东岗01002"]  # not handed over: overdue until the cut-off at 1.5 ×
    assert (rb.fee.normal_months, rb.fee.overdue_months) == (7, 6)
    assert rb.amount == Decimal(3 * 450 * 7) + Decimal("3") * Decimal("675") * 6
    quarter = settlement.transition_statement(hdb, pid, date(2026, 12, 31), since=date(2026, 9, 30))
    assert {r.household_no for r in quarter.rows} == {"东岗01002"}  # the fee stopped at handover
    assert quarter.rows[0].months == 3
    out = tmp_path / "fee.xlsx"
    settlement.export_transition_statement(hdb, pid, date(2026, 12, 31), out)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "东岗01001" in values and float(st.total) in values
    assert housing_counts(hdb, pid).handed_over == 1
    assert settlement.set_title_status(hdb, pid, a, "办理中").title_status == "办理中"


def test_two_projects_stay_apart(tmp_path: Path) -> None:
    with Database.open(tmp_path / "two.sqlite3", actor=CLERK, startup_backup=False) as db:
        p1 = import_survey(db, "一期")
        p2 = projects.create_project(db, "二期")
        projects.add_group(db, p2, "西村", "一组")
        stock.import_stock(db, p1, STOCK)
        stock.import_standard(db, p1, STANDARD, publish=True)
        assert stock.list_estates(db, p2) == []
        assert stock.current_standard(db, p2) is None
        f = flat(db, p1, "1幢-1单元-101")
        h = hid(db, p1, "东岗01001")
        with pytest.raises(NotFoundError):
            placement.find_flat_id(db, p2, "1幢-1单元-101")
        with pytest.raises(NotFoundError):
            placement.choose_flats(db, p2, h, [f])
        with pytest.raises(NotFoundError):
            stock.freeze_flat(db, p2, f, "x")
        with pytest.raises(ValidationError, match="没有参加抽签"):
            placement.draw_lottery(db, p2, "S")
        placement.draw_lottery(db, p1, "S")
        assert placement.current_draw(db, p2) is None
        with pytest.raises(ValidationError, match="安置标准"):
            settlement.settle(db, p2)
        stock.import_stock(db, p2, STOCK)  # the same estate name in another project is another estate
        assert len(stock.list_estates(db, p1)) == len(stock.list_estates(db, p2)) == 1
        placement.choose_flats(db, p1, h, [f])
        f2 = flat(db, p2, "1幢-1单元-101")
        assert f2 != f
        assert housing_counts(db, p1).chosen == 1 and housing_counts(db, p2).chosen == 0


def test_roles_are_checked_in_the_services(hdb: Database, pid: int) -> None:
    hdb.role = Role.AUDITOR  # type: ignore[attr-defined]
    try:
        assert stock.list_estates(hdb, pid)
        with pytest.raises(PermissionDenied):
            placement.draw_lottery(hdb, pid, "S")
        with pytest.raises(PermissionDenied):
            stock.import_stock(hdb, pid, STOCK)
    finally:
        del hdb.role  # type: ignore[attr-defined]
