"""社保费用 by the published social-security standard: the compensation line of each land-lost household
is the sum of its members' band amounts, the same persons and bands as the bureau's roster."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from resettle.domain.sample_rates import sample_rate_table
from resettle.errors import ValidationError
from resettle.services.compensation import computing, rate_tables
from resettle.services.livelihood import social_security as ss
from resettle.services.register import households
from resettle.store.database import Database
from tests.dbraw import rows as raw
from tests.livelihood.conftest import WAVE2

EXPECTED = json.loads((WAVE2 / "ss_expected.json").read_text(encoding="utf-8"))


def _age_band_table(db: Database, *projects: int) -> int:
    table = sample_rate_table("按年龄段计社保的标准", age_bands=True)
    info = rate_tables.create_rate_table(db, table.name, rules=table.rules)
    rate_tables.publish_rate_table(db, info.id)
    for project in projects:
        rate_tables.set_project_rate_table(db, project, info.id)
    return info.id


def _ss_lines(db: Database, project: int) -> dict[int, tuple[int, str, str]]:
    sql = (
        "SELECT l.household_id, l.amount, l.payee, l.formula FROM compensation_line l "
        "JOIN household h ON h.id = l.household_id WHERE h.project_id = ? AND l.rule_code = 'SB-01'"
    )
    return {int(h): (int(a), str(p), str(f)) for h, a, p, f in raw(db, sql, (project,))}  # type: ignore[call-overload]


def _computed(db: Database, project: int) -> int:
    sql = (
        "SELECT count(*) FROM household_compensation c JOIN household h ON h.id = c.household_id WHERE h.project_id = ?"
    )
    return int(raw(db, sql, (project,))[0][0])  # type: ignore[call-overload]


def test_the_line_of_each_household_is_its_members_on_the_roster(
    two_db: Database, demo_project: int, sample_project: int
) -> None:
    _age_band_table(two_db, demo_project, sample_project)
    with pytest.raises(ValidationError, match="还没有已发布的社保标准") as refused:
        computing.compute(two_db, sample_project)
    assert refused.value.field == "社保标准" and _computed(two_db, sample_project) == 0  # nothing half-written
    ss.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx", publish=True)
    computing.compute(two_db, sample_project)
    lines = _ss_lines(two_db, sample_project)
    roster = ss.roster(two_db, sample_project)
    by_household: Counter[str] = Counter()
    for row in roster.rows:
        by_household[row.household_no] += int((row.amount or Decimal(0)) * 100)
    numbers = dict(raw(two_db, "SELECT id, household_no FROM household WHERE project_id = ?", (sample_project,)))
    assert {numbers[h]: amount for h, (amount, _p, _f) in lines.items()} == {k: v for k, v in by_household.items() if v}
    assert sum(a for a, _p, _f in lines.values()) == int(Decimal(EXPECTED["total_amount"]) * 100)
    assert {p for _a, p, _f in lines.values()} == {"社保"}  # into the social-security account
    assert all("年龄段" in f and f.endswith(" 元") for _a, _p, f in lines.values())
    # The other project has no standard of its own: refused, and the first project's results stand.
    with pytest.raises(ValidationError, match="社保标准"):
        computing.compute(two_db, demo_project)
    assert _computed(two_db, demo_project) == 0 and _ss_lines(two_db, sample_project) == lines


def _standard_with(path: Path, band: str, amount: int) -> Path:
    book = openpyxl.load_workbook(WAVE2 / "ss_standard.xlsx")
    ws = book["社保标准"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == band:
            row[5].value = amount
    book.save(path)
    return path


def test_a_new_standard_or_a_member_leaving_reprices_exactly_the_households_it_touches(
    two_db: Database, sample_project: int, tmp_path: Path
) -> None:
    _age_band_table(two_db, sample_project)
    ss.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx", publish=True)
    computing.compute(two_db, sample_project)
    assert computing.compute(two_db, sample_project).changed == 0  # unchanged: nothing priced again
    before = _ss_lines(two_db, sample_project)
    numbers = {str(no): int(h) for h, no in raw(two_db, "SELECT id, household_no FROM household")}  # type: ignore[misc]
    roster = ss.roster(two_db, sample_project).rows
    young = Counter(numbers[r.household_no] for r in roster if r.band == "第一年龄段")
    ss.import_standard(two_db, sample_project, _standard_with(tmp_path / "ss2.xlsx", "第一年龄段", 8000), publish=True)
    result = computing.compute(two_db, sample_project)
    after = _ss_lines(two_db, sample_project)
    assert result.changed == len(young) > 0
    assert {h: after[h][0] - before[h][0] for h in after if after[h][0] != before[h][0]} == {
        h: n * 200000
        for h, n in young.items()  # 2,000 元 more for each member in the first band
    }
    # One member leaves a household: that household alone is priced again, less their band's amount.
    member = next(r for r in roster if r.band == "第四年龄段" and r.amount)
    hid = numbers[member.household_no]
    detail = households.get_household(two_db, hid)
    kept = tuple(p for p in detail.data.persons if p.id != member.person_id)
    assert len(kept) == len(detail.data.persons) - 1
    others = {h: v for h, v in _ss_lines(two_db, sample_project).items() if h != hid}
    households.update_household(two_db, detail, replace(detail.data, persons=kept), reason="迁出")  # priced again
    assert _ss_lines(two_db, sample_project)[hid][0] == after[hid][0] - int(member.amount * 100)
    assert {h: v for h, v in _ss_lines(two_db, sample_project).items() if h != hid} == others
    assert computing.compute(two_db, sample_project).changed == 0  # nothing left for the next compute


def test_a_standard_without_a_reference_date_takes_the_labour_settings_or_is_refused(
    two_db: Database, sample_project: int, tmp_path: Path
) -> None:
    from datetime import date

    from resettle.services.livelihood import labour

    book = openpyxl.load_workbook(WAVE2 / "ss_standard.xlsx")
    del book["说明"]  # no 基准日 on the sheet
    book.save(tmp_path / "undated.xlsx")
    _age_band_table(two_db, sample_project)
    assert ss.import_standard(two_db, sample_project, tmp_path / "undated.xlsx", publish=True).reference_date is None
    with pytest.raises(ValidationError, match="没有基准日") as refused:
        computing.compute(two_db, sample_project)
    assert refused.value.field == "基准日" and _computed(two_db, sample_project) == 0
    labour.set_settings(two_db, sample_project, reference=date(2026, 3, 31))  # the same day as the sheet's
    computing.compute(two_db, sample_project)
    assert sum(a for a, _p, _f in _ss_lines(two_db, sample_project).values()) == int(
        Decimal(EXPECTED["total_amount"]) * 100
    )
