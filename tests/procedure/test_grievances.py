"""Grievances and objections: due dates across holidays, overdue ones, postings they belong to, printing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from resettle.domain.household import HouseholdData
from resettle.errors import NotFoundError, ValidationError
from resettle.services.demo.register import mark_demo
from resettle.services.procedure import grievances as gv
from resettle.services.procedure import printing
from resettle.services.register import households, projects
from resettle.store.audit import chain_head
from resettle.store.database import Database


def d(text: str) -> date:
    return date.fromisoformat(text)


def two_projects(db: Database) -> tuple[int, int]:
    a = projects.create_project(db, "甲项目")
    b = projects.create_project(db, "乙项目")
    for pid, no in ((a, "A-001"), (b, "B-001")):
        gid = projects.add_group(db, pid, "红星村", "一组")
        households.create_household(db, HouseholdData(household_no=no, head_name="张三", group_id=gid))
    return a, b


def objection(received: str, **kw: object) -> gv.GrievanceInput:
    return gv.GrievanceInput(person="李四", channel="公示期异议", received_on=d(received), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("channel", "received", "period", "unit", "due"),
    [
        # 5 working days after Friday 2024-09-27: 9-29 (make-up Sunday), 9-30, 10-08, 10-09, 10-10
        ("公示期异议", "2024-09-27", None, None, "2024-10-10"),
        # 2025 Spring Festival: 1-26 (Sun) worked, 1-28..2-04 off, 2-08 (Sat) worked
        ("信件", "2025-01-20", 10, "工作日", "2025-02-08"),
        # 60 days after 2025-01-01 is Sunday 03-02: rolled to Monday
        ("来访", "2025-01-01", None, None, "2025-03-03"),
        # 2026 Spring Festival 2-15..2-23 off, 2-14 and 2-28 worked
        ("电话", "2026-02-13", 2, "工作日", "2026-02-24"),
    ],
)
def test_due_dates_across_holidays(
    db: Database, channel: str, received: str, period: int | None, unit: str | None, due: str
) -> None:
    pid = projects.create_project(db, "甲项目")
    g = gv.add_grievance(
        db,
        pid,
        gv.GrievanceInput(person="王五", channel=channel, received_on=d(received), period=period, period_unit=unit),
    )
    assert g.due_on == d(due)


def test_an_overdue_grievance_is_shown_and_closing_it_late_is_recorded(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    g = gv.add_grievance(db, pid, objection("2024-09-27"), today=d("2024-10-10"))
    assert (g.status, g.overdue) == ("办理中", False)
    [late] = gv.list_grievances(db, pid, d("2024-10-12"), overdue_only=True)
    assert (late.id, late.overdue, late.days_over, late.status) == (g.id, True, 2, "已逾期")
    assert gv.overdue_count(db, pid, d("2024-10-12")) == 1
    assert gv.overdue_count(db, pid, d("2024-10-10")) == 0
    closed = gv.close_grievance(db, pid, g.id, "经复核，面积无误。", d("2024-10-14"), "赵六")
    assert (closed.status, closed.overdue, closed.handler) == ("逾期办结", False, "赵六")
    assert gv.list_grievances(db, pid, d("2024-10-20"), open_only=True) == []


def test_an_objection_during_a_posting_is_linked_to_it(db: Database) -> None:
    a, b = two_projects(db)
    head_before = chain_head_of(db)
    post = gv.add_posting(
        db, a, "第一批补偿公示", "红星村村委会公示栏", d("2024-09-20"), d("2024-09-30"), minimum=7, unit="日"
    )
    assert post.chain_head == head_before and len(post.chain_head) == 64
    assert not post.too_short
    gv.add_posting(db, b, "乙项目公示", "村委会", d("2024-09-20"), d("2024-09-30"))
    g = gv.add_grievance(db, a, objection("2024-09-27", household_no="A-001", subject="房屋面积少算"))
    assert (g.posting_id, g.posting_title, g.household_no, g.subject_kind) == (post.id, "第一批补偿公示", "A-001", "户")
    outside = gv.add_grievance(db, a, objection("2024-10-15"))
    assert outside.posting_id is None
    [listed] = gv.list_postings(db, a)
    assert (listed.objections, listed.open_objections) == (1, 1)
    short = gv.add_posting(db, a, "短公示", "村委会", d("2024-09-27"), d("2024-10-03"), minimum=7, unit="日")
    assert short.too_short and short.earliest_end == d("2024-10-08")


def chain_head_of(db: Database) -> str:
    with db.read() as s:
        return chain_head(s.connection())


def test_grievances_stay_in_their_project(db: Database) -> None:
    a, b = two_projects(db)
    ga = gv.add_grievance(db, a, objection("2025-03-03", household_no="A-001"))
    gb = gv.add_grievance(db, b, objection("2025-03-03"))
    assert ga.number == gb.number == "2025-001"  # numbered per project
    with pytest.raises(NotFoundError, match="B-001"):
        gv.add_grievance(db, a, objection("2025-03-03", household_no="B-001"))
    assert [g.id for g in gv.list_grievances(db, a)] == [ga.id]
    assert [g.id for g in gv.list_grievances(db, b)] == [gb.id]
    with pytest.raises(NotFoundError):
        gv.close_grievance(db, a, gb.id, "答复", d("2025-03-05"))
    assert gv.get_grievance(db, b, gb.id).closed_on is None


def test_bad_input_is_refused_with_reasons(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    with pytest.raises(ValidationError, match="渠道"):
        gv.add_grievance(db, pid, gv.GrievanceInput(person="甲", channel="微信", received_on=d("2025-03-03")))
    with pytest.raises(ValidationError, match="2027"):
        gv.add_grievance(db, pid, objection("2026-12-29"), today=d("2026-12-31"))  # 5 working days run into 2027
    # a 60-day 来访 period ending in 2027 (notice not known): the plain date, never a later one
    visit = gv.add_grievance(
        db, pid, gv.GrievanceInput(person="乙", channel="来访", received_on=d("2026-12-01")), today=d("2026-12-31")
    )
    assert visit.due_on == d("2027-01-30")
    g = gv.add_grievance(db, pid, objection("2025-03-03"))
    with pytest.raises(ValidationError, match="早于"):
        gv.close_grievance(db, pid, g.id, "答复", d("2025-03-01"))
    with pytest.raises(ValidationError, match="答复"):
        gv.close_grievance(db, pid, g.id, " ", d("2025-03-05"))


def test_log_export_marks_overdue_rows(db: Database, tmp_path: Path) -> None:
    pid = projects.create_project(db, "甲项目")
    gv.add_grievance(db, pid, objection("2024-09-27", content="=HYPERLINK(1)"))
    ok = gv.add_grievance(db, pid, objection("2024-10-14"))
    gv.close_grievance(db, pid, ok.id, "已答复", d("2024-10-15"))
    out = tmp_path / "台账.xlsx"
    assert printing.export_grievance_log(db, pid, out, today=d("2024-10-20")) == 2
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A3"].value == "2024-001"
    assert ws["J3"].value == "已逾期"
    assert ws["A3"].font.color.rgb.endswith("C00000")
    assert ws["J4"].value == "已办结"
    assert ws["A4"].font.color is None or not str(ws["A4"].font.color.rgb).endswith("C00000")


def test_receipt_and_answer_print(db: Database, tmp_path: Path) -> None:
    from resettle.domain.township import TownshipDetails

    pid = projects.create_project(db, "甲项目")
    g = gv.add_grievance(db, pid, objection("2024-09-27", subject="房屋面积少算", handler="赵六"))
    # no issuer anywhere: the petitioner is never handed a paper signed 「（征收实施单位）」
    with pytest.raises(ValidationError, match="征迁办名称") as info:
        printing.print_grievance_letter(db, pid, g.id, "receipt", tmp_path / "r.pdf")
    assert info.value.field == "乡镇信息" and "样稿" not in str(info.value)
    assert not (tmp_path / "r.pdf").exists()
    # the project's own office is enough; another project of the register without one still refuses
    projects.update_project(
        db, pid, projects.ProjectDetails("甲项目", township=TownshipDetails(office="甲镇征迁办公室"))
    )
    other = projects.create_project(db, "乙项目")
    g2 = gv.add_grievance(db, other, objection("2024-09-27"))
    with pytest.raises(ValidationError, match="征迁办名称"):
        printing.print_grievance_letter(db, other, g2.id, "receipt", tmp_path / "r2.pdf")
    receipt = printing.print_grievance_letter(db, pid, g.id, "receipt", tmp_path / "r.pdf")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(receipt).pages)
    assert "受理回执" in text and g.number in text and "2024年10月10日" in text
    assert "甲镇征迁办公室" in text and "征收实施单位" not in text
    with pytest.raises(ValidationError, match="尚未办结"):
        printing.print_grievance_letter(db, pid, g.id, "answer", tmp_path / "a.pdf")
    gv.close_grievance(db, pid, g.id, "经复核，你户房屋面积测量无误。", d("2024-10-09"))
    answer = printing.print_grievance_letter(db, pid, g.id, "answer", tmp_path / "a.pdf")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(answer).pages)
    assert "答复意见书" in text and "测量无误" in text and "演示数据" not in text
    mark_demo(db)  # the same letter from a demo register says so on its page
    again = printing.print_grievance_letter(db, pid, g.id, "answer", tmp_path / "a2.pdf")
    assert "演示数据" in "".join(p.extract_text() for p in PdfReader(again).pages)


def test_roles_an_auditor_reads_but_does_not_enter(db: Database) -> None:
    from resettle.domain.roles import Role
    from resettle.errors import PermissionDenied
    from resettle.services.procedure import steps

    pid = projects.create_project(db, "甲项目")
    g = gv.add_grievance(db, pid, objection("2025-03-03"))
    db.role = Role.AUDITOR  # type: ignore[attr-defined]
    try:
        assert [x.id for x in gv.list_grievances(db, pid)] == [g.id]
        assert steps.list_steps(db, pid)[0].code == "pre_notice"
        with pytest.raises(PermissionDenied):
            gv.add_grievance(db, pid, objection("2025-03-04"))
        with pytest.raises(PermissionDenied):
            gv.close_grievance(db, pid, g.id, "答复", d("2025-03-05"))
        with pytest.raises(PermissionDenied):
            steps.set_step(db, pid, "survey", start_date=d("2025-03-01"))
        with pytest.raises(PermissionDenied):
            gv.add_posting(db, pid, "公示", "村委会", d("2025-03-01"), d("2025-03-08"))
    finally:
        del db.role  # type: ignore[attr-defined]


def test_dashboard_figures_per_project(db: Database) -> None:
    from resettle.services.procedure import steps
    from resettle.services.procedure.progress import procedure_counts

    a, b = two_projects(db)
    gv.add_grievance(db, a, objection("2024-09-27"))  # due 2024-10-10
    gv.add_grievance(db, a, objection("2024-10-14"))  # due 2024-10-21
    steps.set_step(db, a, "pre_notice", start_date=d("2024-09-27"), end_date=d("2024-10-15"))
    counts = procedure_counts(db, a, d("2024-10-15"))
    assert (counts.open_grievances, counts.overdue_grievances) == (2, 1)
    assert counts.step_problems == ("征收土地预公告（期限不足）",) and counts.agreements_allowed
    assert procedure_counts(db, b, d("2024-10-15")) == type(counts)(0, 0, (), True)


def test_a_households_history_names_the_grievances_household_and_project(db: Database) -> None:
    """The trail stores ids; the 变更记录 shows what the clerk knows them by (户号, the project's name)."""
    a, b = two_projects(db)
    gv.add_grievance(db, b, objection("2025-03-03", household_no="B-001", subject="房屋面积少算"))
    hid = households.find_household_id(db, "B-001", b)
    shown = {e.field: e.new for e in households.history(db, hid) if e.entity == "grievance"}
    assert shown["household_id"] == "B-001" and shown["project_id"] == "乙项目"
    other = households.find_household_id(db, "A-001", a)
    assert not any(e.entity == "grievance" for e in households.history(db, other))


def test_a_closed_grievance_is_not_closed_again(db: Database) -> None:
    """办结 on a closed grievance overwrote its answer and date (the letter sent said otherwise)."""
    pid = projects.create_project(db, "甲项目")
    g = gv.add_grievance(db, pid, objection("2026-10-12"), today=d("2026-10-12"))
    assert g.number == "2026-001"
    gv.close_grievance(db, pid, g.id, "经复核，面积无误。", d("2026-10-15"), today=d("2026-10-20"))
    with pytest.raises(ValidationError) as refused:
        gv.close_grievance(db, pid, g.id, "另一个答复", d("2026-10-20"), today=d("2026-10-20"))
    assert refused.value.message == "信访 2026-001 已于 2026年10月15日 办结，不能再次办结"
    kept = gv.get_grievance(db, pid, g.id)
    assert (kept.answer, kept.closed_on) == ("经复核，面积无误。", d("2026-10-15"))


def test_dates_after_today_are_refused(db: Database) -> None:
    """A grievance 'received' 2027-01-20 (a typo for 2026) was numbered 2027-001."""
    pid = projects.create_project(db, "甲项目")
    with pytest.raises(ValidationError, match="受理日期 2027年1月20日 晚于今天"):
        gv.add_grievance(db, pid, objection("2027-01-20"), today=d("2026-12-03"))
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError, match="晚于今天"):  # the window passes no today: the real one
        gv.add_grievance(db, pid, gv.GrievanceInput(person="甲", channel="来访", received_on=tomorrow))
    assert gv.list_grievances(db, pid) == []
    g = gv.add_grievance(db, pid, gv.GrievanceInput(person="甲", channel="来访", received_on=date.today()))
    with pytest.raises(ValidationError, match=r"办结日期 .* 晚于今天"):
        gv.close_grievance(db, pid, g.id, "答复", tomorrow)
    assert gv.get_grievance(db, pid, g.id).closed_on is None
    assert gv.close_grievance(db, pid, g.id, "答复", date.today()).closed_on == date.today()


def test_a_grievance_is_found_by_its_number_or_its_id(db: Database) -> None:
    a, b = two_projects(db)
    first = gv.add_grievance(db, a, objection("2025-03-03"))
    second = gv.add_grievance(db, a, objection("2025-03-04"))
    other = gv.add_grievance(db, b, objection("2025-03-03"))
    assert (first.number, second.number, other.number) == ("2025-001", "2025-002", "2025-001")
    assert gv.find_grievance(db, a, "2025-002") == second.id
    assert gv.find_grievance(db, a, "2025-2") == second.id  # as a clerk may type it
    assert gv.find_grievance(db, b, "2025-001") == other.id  # numbered per project
    assert gv.find_grievance(db, a, str(first.id)) == first.id
    with pytest.raises(NotFoundError, match="项目「甲项目」没有编号为 2025-009 的信访记录"):
        gv.find_grievance(db, a, "2025-009")
    with pytest.raises(NotFoundError, match="没有序号为"):
        gv.find_grievance(db, a, str(other.id))
    with pytest.raises(ValidationError, match="不是信访编号"):
        gv.find_grievance(db, a, "李四")


def test_a_posting_for_a_step_not_entered_names_the_step_and_where_to_enter_it(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    with pytest.raises(NotFoundError) as missing:
        gv.add_posting(db, pid, "补偿公示", "村委会", d("2025-03-01"), d("2025-03-08"), step_code="disclosure")
    message = missing.value.message
    assert "「补偿公示」" in message and "disclosure」" not in message
    assert "程序 → 程序时间线" in message and "登记日期…" in message and "procedure set disclosure" in message
    with pytest.raises(ValidationError, match="没有「nonsense」这个程序步骤"):
        gv.add_posting(db, pid, "补偿公示", "村委会", d("2025-03-01"), d("2025-03-08"), step_code="nonsense")
    assert gv.list_postings(db, pid) == []
