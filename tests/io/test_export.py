"""Roster, public list and bank list workbooks: round trip through the survey reader, masking, injection, layout."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.workbook.workbook import Workbook
from sqlalchemy import text

from resettle.domain.household import AttachmentData, HouseholdData, ParcelData, PersonData, StructureData
from resettle.domain.ids import random_valid_id
from resettle.domain.mask import mask
from resettle.domain.posting import ChainStamp
from resettle.domain.sample_rates import sample_rate_table
from resettle.io.cell_text import csv_text, put_text, restore, xlsx_text
from resettle.io.exports import roster as export_module
from resettle.io.exports.common import ExportCancelled, RosterHousehold, RosterPerson
from resettle.io.exports.disclosure import DisclosureOptions, write_disclosure
from resettle.io.exports.roster import GroupCount, write_roster
from resettle.io.rate_workbook import write_rate_workbook
from resettle.io.survey import SurveyReadResult, read_survey
from resettle.io.xlsx_style import safe_text
from resettle.services.compensation import computing, rate_tables, summaries
from resettle.services.documents.data import load_households
from resettle.services.payments.common import head_ids
from resettle.services.register import exports, households, imports, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.database import Database

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"  # /work/shared/data
ID_18 = re.compile(r"[0-9]{17}[0-9Xx]")
MOBILE = re.compile(r"1[3-9][0-9]{9}")


@contextmanager
def opened(path: Path) -> Iterator[Workbook]:
    book = openpyxl.load_workbook(path)
    try:
        yield book
    finally:
        book.close()


def _canonical_stored(db: Database) -> dict[str, dict[str, Any]]:
    """Every stored household in the reader's terms, from the register service (not the exporter)."""
    page = search.list_households(db, HouseholdQuery(), 0, 100_000)
    out: dict[str, dict[str, Any]] = {}
    for row in page.rows:
        detail = households.get_household(db, row.id)
        data = detail.data
        out[data.household_no] = {
            "head": data.head_name,
            "village": detail.village,
            "group": detail.group,
            "phone": data.phone,
            "bank": (data.bank_name, data.bank_account),
            "remarks": data.remarks,
            "persons": [(p.name, p.relation, p.sex, p.id_number, p.birth_date) for p in data.persons],
            "parcels": [(x.land_class, x.area_mu) for x in data.parcels],
            "structures": [(s.structure_type, s.floor_area_m2) for s in data.structures],
            "trees": sum((a.quantity for a in data.attachments if a.kind == "果树"), Decimal(0)),
        }
    return out


def _canonical_read(result: SurveyReadResult) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for h in result.households:
        assert h.household_no not in out
        out[h.household_no] = {
            "head": h.head,
            "village": h.village,
            "group": h.group,
            "phone": h.phone,
            "bank": (h.bank_name, h.bank_account),
            "remarks": h.remarks,
            "persons": [(p.name, p.relation, p.sex, p.id_number, p.birth_date) for p in h.persons],
            "parcels": [(x.land_class, x.area_mu) for x in h.parcels],
            "structures": [(s.structure_type, s.floor_area_m2) for s in h.structures],
            "trees": sum((a.quantity for a in h.attachments if a.kind == "果树"), Decimal(0)),
        }
    return out


def _import(db: Database, path: Path) -> None:
    preview = imports.preview_import(db, path)
    assert preview.errors == []
    imports.apply_import(db, preview)


def _all_cells(book: Workbook) -> Iterator[Any]:
    for ws in book.worksheets:
        for row in ws.iter_rows():
            yield from row


# -- round trip ---------------------------------------------------------------------------------


def test_roster_round_trip_on_demo_data(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    info = exports.export_roster(demo_db, out)
    stored = _canonical_stored(demo_db)
    assert info.households == len(stored) == 60
    result = read_survey(out)
    assert result.issues == []
    assert _canonical_read(result) == stored
    # And the register agrees: importing the roster again changes nothing (wells and walls,
    # which the survey shape has no column for, stay as stored).
    preview = imports.preview_import(demo_db, out)
    assert (preview.added, preview.changed, preview.removed, preview.unchanged) == ([], [], [], 60)


def test_roster_round_trip_on_the_imported_sample(db: Database, tmp_path: Path) -> None:
    _import(db, DATA / "sample_survey_clean.xlsx")
    out = tmp_path / "roster.xlsx"
    exports.export_roster(db, out)
    result = read_survey(out)
    assert result.errors == []
    assert _canonical_read(result) == _canonical_stored(db)
    parcels = [x for h in result.households for x in h.parcels]
    assert sum((x.area_mu for x in parcels), Decimal(0)) == Decimal("93.11")
    structures = [s for h in result.households for s in h.structures]
    assert sum((s.floor_area_m2 for s in structures), Decimal(0)) == Decimal("6214.12")
    assert sum(a.quantity for h in result.households for a in h.attachments) == 512
    assert [s.name for s in result.sheets] == ["一组", "二组"]


def test_roster_keeps_several_parcels_and_houses_and_odd_group_names(db: Database, tmp_path: Path) -> None:
    pid = projects.create_project(db, "测试项目")
    gid = projects.add_group(db, pid, "新丰村", "东风队")  # a name the title cannot carry
    data = HouseholdData(
        household_no="XF-1",
        group_id=gid,
        head_name="王芳",
        phone="13812345678",
        persons=(PersonData("王芳", "11010519491231002X", "户主"),),
    )
    households.create_household(db, data)
    detail = households.get_household(db, households.find_household_id(db, "XF-1"))
    more = replace(
        detail.data,
        parcels=(
            ParcelData("水田", Decimal("1.25")),
            ParcelData("旱地", Decimal("0.50")),
            ParcelData("林地", Decimal(2)),
        ),
        structures=(StructureData("砖混", Decimal("120.50")),),
        attachments=(AttachmentData("果树", Decimal(12), "株"), AttachmentData("坟墓", Decimal(1), "座")),
    )
    households.update_household(db, detail, more)
    out = tmp_path / "roster.xlsx"
    exports.export_roster(db, out)
    result = read_survey(out)
    assert result.errors == []
    assert _canonical_read(result) == _canonical_stored(db)
    (h,) = result.households
    assert (h.village, h.group) == ("新丰村", "东风队")
    assert [a.unit for a in h.attachments] == ["株"]
    with opened(out) as book:
        ws = book.worksheets[0]
        assert ws.title == "东风队"
        headers = [ws.cell(3, c).value for c in range(1, ws.max_column + 1)]
        assert headers[-2:] == ["村", "组"]  # the place is written per row when the title cannot say it
        assert "坟墓 1座" in [c.value for c in _all_cells(book)]
    preview = imports.preview_import(db, out)
    assert preview.changed == [] and preview.unchanged == 1


def test_roster_layout_is_the_survey_shape_and_office_ready(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    exports.export_roster(demo_db, out)
    first = next(iter(exports.iter_roster(demo_db, exports.resolve_scope(demo_db))))
    with opened(out) as book:
        assert book.sheetnames == ["一组", "二组"]
        ws = book["一组"]
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert {"A1:S1", "A2:S2", "D3:H3", "K3:L3", "M3:N3", "A3:A4", "B3:B4", "I3:I4", "J3:J4"} <= merged
        assert ws["J3"].value == "家庭住址" and ws["J5"].value == first.address != ""
        assert ws["A1"].value == "东岗村征地拆迁入户调查登记表（一组）"
        assert [ws.cell(3, c).value for c in (4, 11, 13)] == ["家庭成员", "被征收土地", "房屋"]
        assert [ws.cell(4, c).value for c in range(4, 9)] == ["姓名", "与户主关系", "性别", "身份证号码", "出生日期"]
        assert ws["C3"].font.b and ws["C3"].border.left.style == "thin"
        height = max(len(first.persons), len(first.parcels), len(first.structures))
        if height > 1:
            assert f"B5:B{4 + height}" in merged
        # Numbers are numbers with a format; IDs and accounts are text.
        assert ws["L5"].data_type == "n" and ws["L5"].number_format == "#,##0.00"
        assert Decimal(str(ws["L5"].value)) == first.parcels[0][1]
        assert (
            ws["G5"].data_type == "s" and ws["G5"].number_format == "@" and ws["G5"].value == first.persons[0].id_number
        )
        assert ws["R5"].data_type == "s" and ws["R5"].value == first.bank_account
        assert ws["H5"].is_date and ws["H5"].number_format == "yyyy-mm-dd"
        # Totals row: the sums of the column (as numbers: no formula slows a re-import).
        total_row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
        for column in ("L", "N", "O"):
            cells = [ws[f"{column}{r}"].value for r in range(5, total_row)]
            expected = sum((Decimal(str(v)) for v in cells if isinstance(v, int | float)), Decimal(0))
            total = ws[f"{column}{total_row}"]
            assert total.data_type == "n" and Decimal(str(total.value)) == expected > 0
        assert not [c for c in _all_cells(book) if c.data_type == "f"]
        # Frozen header, print setup, widths.
        assert ws.freeze_panes == "D5"
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # absent = 1 (OOXML default)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$3:$4"
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert ws.column_dimensions["G"].width > 18


def test_roster_spreads_a_group_over_continuation_sheets(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "MAX_ROWS", 60)
    out = tmp_path / "roster.xlsx"
    info = exports.export_roster(demo_db, out)
    assert len(info.sheets) > 2 and any("续" in name for name in info.sheets)
    result = read_survey(out)
    assert result.issues == []
    assert _canonical_read(result) == _canonical_stored(demo_db)


def test_progress_and_cancel(demo_db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    exports.export_roster(demo_db, tmp_path / "a.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (60, 60) and len(seen) >= 1
    target = tmp_path / "b.xlsx"
    target.write_bytes(b"old")
    groups = [GroupCount("村", "一组", 500, 500)]
    rows = (
        RosterHousehold(f"H{i}", "张三", "村", "一组", persons=(RosterPerson("张三", "户主", "男", "", None),))
        for i in range(500)
    )
    with pytest.raises(ExportCancelled):
        write_roster(target, groups, rows, cancelled=lambda: True)
    assert target.read_bytes() == b"old"  # the old file is untouched, no half file
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == ["a.xlsx", "b.xlsx"]  # no temporary left


# -- disclosure ---------------------------------------------------------------------------------


def test_disclosure_masks_ids_and_phones(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "disclosure.xlsx"
    info = exports.export_disclosure(demo_db, out)
    assert info.households == 60
    first = next(iter(exports.iter_roster(demo_db, exports.resolve_scope(demo_db))))
    with opened(out) as book:
        texts = [str(c.value) for c in _all_cells(book) if c.value is not None]
        for text in texts:
            assert not ID_18.search(text), text
            assert not MOBILE.search(text), text
        assert mask(first.head_id, "id") in texts
        assert mask(first.phone, "phone") in texts
        assert first.head_name in texts
        ws = book.worksheets[0]
        assert ws.title == "东岗村"
        assert any("公示期" in t for t in texts) and any("监督（异议）电话" in t for t in texts)
        headers = [ws.cell(4, c).value for c in range(1, ws.max_column + 1)]
        assert "合计" in headers and "水田" in headers
        assert ws.print_title_rows == "$3:$4" and ws.page_setup.orientation == "landscape"


def test_disclosure_and_payments_with_computed_compensation(demo_db: Database, tmp_path: Path) -> None:
    rates = tmp_path / "rates.xlsx"
    write_rate_workbook(sample_rate_table(), rates)
    table = rate_tables.import_rate_table(demo_db, rates)
    rate_tables.publish_rate_table(demo_db, table.id)
    rate_tables.set_project_rate_table(demo_db, 1, table.id)
    computing.compute(demo_db, 1)
    _, totals = summaries.household_totals(demo_db, 1)
    by_no = {row.household_no: row for row in totals}

    out = tmp_path / "payments.xlsx"
    info = exports.export_payments(demo_db, out)
    assert info.households == 60
    with opened(out) as book:
        ws = book["兑付清册"]
        assert [ws.cell(3, c).value for c in range(1, 11)] == [
            "序号", "户号", "村", "组", "收款人", "身份证号码", "开户银行", "银行账号", "金额(元)", "备注",
        ]  # fmt: skip
        rows = [r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value and ws.cell(r, 1).value != "合计"]
        assert len(rows) == 60
        paid = Decimal("0.00")
        for r in rows:
            no = ws.cell(r, 2).value
            amount = ws.cell(r, 9)
            assert amount.data_type == "n" and amount.number_format == "#,##0.00"
            assert ws.cell(r, 6).data_type == "s" and ID_18.fullmatch(ws.cell(r, 6).value)
            assert ws.cell(r, 8).data_type == "s" and ws.cell(r, 8).value.isdigit()
            value = Decimal(str(amount.value)).quantize(Decimal("0.01"))
            assert value <= by_no[no].total
            if value != by_no[no].total:
                assert "付集体/社保" in (ws.cell(r, 10).value or "")
            paid += value
        assert paid == info.total > 0
        total_row = rows[-1] + 1
        assert ws.cell(total_row, 1).value == "合计"
        assert Decimal(str(ws.cell(total_row, 9).value)).quantize(Decimal("0.01")) == info.total
        assert ws.freeze_panes == "F4" and ws.print_title_rows == "$3:$3"

    disclosure = tmp_path / "disclosure.xlsx"
    exports.export_disclosure(demo_db, disclosure)
    with opened(disclosure) as book:
        ws = book.worksheets[0]
        parents = [ws.cell(3, c).value for c in range(1, ws.max_column + 1)]
        assert "补偿金额（元）" in parents
        for cell in _all_cells(book):
            assert not (isinstance(cell.value, str) and (ID_18.search(cell.value) or MOBILE.search(cell.value)))


def test_payments_without_compensation_are_zero_with_a_note(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "payments.xlsx"
    info = exports.export_payments(demo_db, out)
    assert info.total == 0
    with opened(out) as book:
        ws = book["兑付清册"]
        assert ws.cell(4, 9).value == 0 and ws.cell(4, 9).data_type == "n"
        assert "尚未计算补偿" in ws.cell(4, 10).value


# -- injection ----------------------------------------------------------------------------------

HOSTILE = ('=HYPERLINK("http://evil.example/x","点我")', "+1", "-2+3", "@SUM(A1:A9)", "\tTAB")


def test_user_text_is_written_as_text_never_a_formula(db: Database, tmp_path: Path) -> None:
    pid = projects.create_project(db, "注入测试")
    gid = projects.add_group(db, pid, "东岗村", "一组")
    for n, name in enumerate(HOSTILE, start=1):
        households.create_household(db, HouseholdData(household_no=f"X{n}", group_id=gid, head_name="占位"))
        with db.write(reason="测试：写入恶意文本") as s:  # the editor would refuse such a name; the file may not
            s.execute(text("UPDATE household SET head_name = :v, remarks = :w WHERE household_no = :n"),
                      {"v": name, "w": name, "n": f"X{n}"})  # fmt: skip
    files = {}
    for kind in ("roster", "disclosure", "payments"):
        files[kind] = tmp_path / f"{kind}.xlsx"
        getattr(exports, f"export_{kind}")(db, files[kind])
    for kind, path in files.items():
        with opened(path) as book:
            cells = list(_all_cells(book))
            assert [c.value for c in cells if c.data_type == "f"] == [], kind
            values = {c.value for c in cells if c.data_type == "s"}
            for name in HOSTILE:
                assert name in values, (kind, name)  # a text cell, content unchanged
                assert not {" " + name, "'" + name} & values, (kind, name)
    # The roster re-imports to the same names (the reader trims outer whitespace, as on any sheet).
    assert sorted(h.head for h in read_survey(files["roster"]).households) == sorted(h.strip() for h in HOSTILE)


@given(st.text(max_size=30))
def test_xlsx_text_is_unchanged_and_only_csv_is_shielded(value: str) -> None:
    assert safe_text is xlsx_text
    assert xlsx_text(value) == value
    shielded = csv_text(value)
    assert shielded == ("'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value)
    assert restore(shielded) == value or value.startswith("'")


def test_openpyxl_text_cells_keep_formula_leads_as_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    for r, name in enumerate(HOSTILE, start=1):
        put_text(ws.cell(r, 1), name)
    book.save(tmp_path / "t.xlsx")
    with opened(tmp_path / "t.xlsx") as back:
        cells = [back.worksheets[0].cell(r, 1) for r in range(1, len(HOSTILE) + 1)]
        assert [(c.value, c.data_type) for c in cells] == [(name, "s") for name in HOSTILE]


def test_roster_of_an_empty_project_is_a_valid_workbook(db: Database, tmp_path: Path) -> None:
    projects.create_project(db, "空项目")
    out = tmp_path / "empty.xlsx"
    info = exports.export_roster(db, out)
    assert info.households == 0
    with opened(out) as book:
        assert book.sheetnames == ["花名册"]


def test_disclosure_has_a_sheet_per_village_with_its_totals(tmp_path: Path) -> None:
    def home(no: str, village: str, land: str) -> RosterHousehold:
        person = RosterPerson("张三", "户主", "男", "11010519491231002X", None)
        return RosterHousehold(no, "张三", village, "一组", phone="13812345678", persons=(person, person),
                               parcels=(("水田", Decimal(land)),))  # fmt: skip

    rows = [
        (home("A1", "东岗村", "1.25"), None),
        (home("A2", "东岗村", "0.75"), None),
        (home("B1", "西岭村", "2"), None),
    ]
    stamp = ChainStamp(4321, "0123456789abcdef" * 4, date(2026, 3, 9))
    options = DisclosureOptions(land_classes=("水田",), chain_head=stamp)
    out = tmp_path / "d.xlsx"
    info = write_disclosure(out, rows, [("东岗村", 2), ("西岭村", 1)], options, project="测试项目")
    assert info.sheets == ["东岗村", "西岭村"] and info.households == 3
    with opened(out) as book:
        ws = book["东岗村"]
        total = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
        assert total == 7  # two households, then the totals
        assert ws.cell(total, 7).value == 4  # persons
        assert Decimal(str(ws.cell(total, 8).value)) == Decimal("2.00")  # 水田
        texts = [str(c.value) for c in _all_cells(book) if c.value is not None]
        assert "审计链头：第 4321 条 0123 4567 89ab cdef（2026-03-09）" in texts
        assert all(not MOBILE.search(t) and not ID_18.search(t) for t in texts)


def test_one_row_lists_pick_the_same_head_as_the_roster(db: Database) -> None:
    pid = projects.create_project(db, "户主测试")
    gid = projects.add_group(db, pid, "东岗村", "一组")
    rng = random.Random(5)

    def member(name: str, relation: str, with_id: bool = True) -> PersonData:
        return PersonData(name, random_valid_id(rng, date(1970, 1, 1), "男") if with_id else "", relation)

    cases = {
        "H1": ("张三", [member("李四", "配偶"), member("张三", "")]),  # the one named like the head
        "H2": ("王五", [member("赵六", "子"), member("钱七", "女")]),  # nobody: the first member
        "H3": ("孙八", [member("周九", "配偶"), member("孙八", "户主"), member("吴十", "户主")]),  # the first 户主
        "H4": ("郑一", []),
        "H5": ("冯二", [member("冯二", "户主", with_id=False), member("陈三", "配偶")]),  # 户主 without an ID
    }
    for no, (head, persons) in cases.items():
        households.create_household(
            db, HouseholdData(household_no=no, group_id=gid, head_name=head, persons=tuple(persons))
        )
    scope = exports.resolve_scope(db)
    with db.read() as s:
        ids = exports._ordered_ids(s, scope)
        full = {h.household_no: h for _, h in exports._households(s, ids)}
        light = {h.household_no: h for _, h in exports._households(s, ids, frozenset())}
    expected = {"H1": 1, "H2": 0, "H3": 1, "H4": None, "H5": 0}
    for no, position in expected.items():
        persons = cases[no][1]
        want = "" if position is None else persons[position].id_number
        assert full[no].head_id == light[no].head_id == want, no
        assert full[no].person_count == light[no].person_count == len(persons)
        assert light[no].persons == ()
    # …and so do the printed documents and the payment batches (one rule: resettle.domain.head).
    with db.read() as s:
        number_of = {int(hid): str(no) for hid, no in s.execute(text("SELECT id, household_no FROM household"))}
        documents = load_households(s, ids)
        batches = head_ids(s.connection(), ids)
    for hid in ids:
        no = number_of[hid]
        assert documents[hid].head_id_number == batches[hid] == full[no].head_id, no
