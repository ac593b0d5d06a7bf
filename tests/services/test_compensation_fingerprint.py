"""What makes a recompute price a household again: its facts, its terms, the project's settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from resettle.domain.compensation_records import RateTableInfo
from resettle.domain.sample_rates import sample_rate_table
from resettle.services.compensation import computing, rate_tables
from resettle.services.procedure import steps
from resettle.services.register import households, projects
from resettle.store.database import Database
from tests.dbraw import rows as raw


def audit_count(db: Database) -> int:
    return len(raw(db, "SELECT id FROM audit_log"))


def project_with_table(db: Database, months: int = 24) -> tuple[int, RateTableInfo]:
    pid = projects.resolve_project(db, None)
    t = sample_rate_table()
    info = rate_tables.create_rate_table(db, t.name, rules=t.rules)
    info = rate_tables.publish_rate_table(db, info.id)
    rate_tables.set_project_rate_table(db, pid, info.id, transition_months=months)
    return pid, info


def digests(db: Database) -> dict[int, str]:
    rows = raw(db, "SELECT household_id, inputs_digest FROM household_compensation")
    return {int(h): str(d) for h, d in rows}  # type: ignore[call-overload]


def codes(db: Database, hid: int) -> set[str]:
    return {str(c) for (c,) in raw(db, "SELECT rule_code FROM compensation_line WHERE household_id = ?", (hid,))}


def test_a_tag_given_in_the_register_prices_that_household_alone(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    before = digests(demo_db)
    hid = next(h for h in before if "KN-01" not in codes(demo_db, h))
    detail = households.get_household(demo_db, hid)
    households.update_household(demo_db, detail, replace(detail.data, tags="低保户"), reason="民政认定")
    assert "KN-01" in codes(demo_db, hid)  # the save priced the household again
    after = digests(demo_db)
    assert {h for h in before if before[h] != after[h]} == {hid}
    assert computing.compute(demo_db, pid).changed == 0


def test_the_project_months_reprice_every_household(demo_db: Database) -> None:
    pid, info = project_with_table(demo_db, months=24)
    computing.compute(demo_db, pid)
    rate_tables.set_project_rate_table(demo_db, pid, info.id, transition_months=12)
    result = computing.compute(demo_db, pid)
    formulas = [str(f) for (f,) in raw(demo_db, "SELECT formula FROM compensation_line WHERE rule_code = 'GD-01'")]
    assert result.changed > 0 and formulas and all("12 个月" in f for f in formulas)


def test_a_new_cutoff_reprices_but_keeps_results_that_come_out_the_same(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    before, count = digests(demo_db), audit_count(demo_db)
    lines = raw(demo_db, "SELECT * FROM compensation_line ORDER BY id")
    steps.set_step(demo_db, pid, "pre_notice", start_date=date(2099, 1, 1))  # nothing was registered after it
    count = audit_count(demo_db)
    result = computing.compute(demo_db, pid)
    assert result.changed == 0 and audit_count(demo_db) == count
    assert raw(demo_db, "SELECT * FROM compensation_line ORDER BY id") == lines
    after = digests(demo_db)
    assert after.keys() == before.keys() and all(after[h] != before[h] for h in before)  # fingerprints moved
    assert computing.compute(demo_db, pid).changed == 0 and digests(demo_db) == after
