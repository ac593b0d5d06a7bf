"""Compensation services on real SQLite files: rate tables, compute, preview, review, adjustments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resettle.domain.compensation_records import RateTableInfo
from resettle.domain.rates import RateTable, Rule
from resettle.domain.sample_rates import sample_rate_table
from resettle.errors import Cancelled, ConflictError, NotFoundError, ValidationError
from resettle.io.rate_workbook import write_rate_workbook
from resettle.services.compensation import adjustments, computing, rate_tables, reviewing, summaries
from resettle.services.compensation import bulk as compensation_bulk
from resettle.services.register import households, projects
from resettle.store.audit import Actor, verify_chain
from resettle.store.compensation_models import COMPENSATION_EDITABLE_MODELS
from resettle.store.database import Database
from resettle.store.models import Base
from resettle.store.seal import iter_bad_seals
from resettle.store.types import is_scaled
from tests import dbraw

REVIEWER = Actor(user="reviewer1", host="office-pc2")
FIXTURE_SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def publish_sample(db: Database, table: RateTable | None = None) -> RateTableInfo:
    t = table or sample_rate_table()
    info = rate_tables.create_rate_table(
        db, t.name, effective_date=t.effective_date, source_doc=t.source_doc, rules=t.rules
    )
    return rate_tables.publish_rate_table(db, info.id)


def project_with_table(db: Database, months: int = 24) -> tuple[int, RateTableInfo]:
    pid = projects.resolve_project(db, None)
    info = publish_sample(db)
    rate_tables.set_project_rate_table(db, pid, info.id, transition_months=months)
    return pid, info


def raw(db: Database, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = db.raw_connection()
    try:
        return list(conn.execute(sql, params).fetchall())
    finally:
        conn.close()


def totals(db: Database) -> dict[int, int]:
    stored = raw(db, "SELECT household_id, total FROM household_compensation ORDER BY household_id")
    return {int(h): int(t) for h, t in stored}  # type: ignore[call-overload]


def audit_count(db: Database) -> int:
    return int(raw(db, "SELECT count(*) FROM audit_log")[0][0])  # type: ignore[call-overload]


def first_household(db: Database) -> int:
    return int(raw(db, "SELECT min(id) FROM household")[0][0])  # type: ignore[call-overload]


# --- rate tables ---------------------------------------------------------------------------------


def test_import_publish_and_new_version(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "rates.xlsx"
    write_rate_workbook(sample_rate_table(), path)
    info = rate_tables.import_rate_table(db, path)
    assert (info.status, info.rules, info.version) == ("草稿", 20, 1)
    with pytest.raises(ValidationError, match="已存在"):
        rate_tables.import_rate_table(db, path)
    published = rate_tables.publish_rate_table(db, info.id)
    assert published.published and published.published_by == "clerk1"
    draft = rate_tables.new_rate_table_version(db, info.id)
    assert (draft.version, draft.status, draft.based_on_id, draft.rules) == (2, "草稿", info.id, 20)
    assert rate_tables.get_rate_table(db, draft.id).table.rules == sample_rate_table().rules
    with pytest.raises(ValidationError, match="草稿"):
        rate_tables.new_rate_table_version(db, draft.id)
    assert [t.version for t in rate_tables.list_rate_tables(db)] == [1, 2]
    out = tmp_path / "back.xlsx"
    rate_tables.export_rate_table(db, info.id, out)
    assert rate_tables.import_rate_table(db, out, name="另一标准").name == "另一标准"


def test_draft_rules_can_be_edited_added_and_deleted(db: Database) -> None:
    info = rate_tables.create_rate_table(db, "草稿标准", rules=sample_rate_table().rules[:3])
    extra = Rule.from_text(code="X-1", item="其他补助", basis="每户", conditions="", unit_price_fen=100)
    detail = rate_tables.add_rule(db, info.id, extra)
    assert [r.code for r in detail.table.rules] == ["TD-01", "TD-02", "TD-03", "X-1"]
    cheaper = replace(detail.table.rules[0], unit_price_fen=1)
    detail = rate_tables.update_rule(db, info.id, "TD-01", cheaper)
    assert detail.table.rules[0].unit_price_fen == 1
    detail = rate_tables.delete_rule(db, info.id, "TD-02")
    assert [r.code for r in detail.table.rules] == ["TD-01", "TD-03", "X-1"]
    with pytest.raises(NotFoundError):
        rate_tables.delete_rule(db, info.id, "TD-02")
    with pytest.raises(ValidationError, match="重复"):
        rate_tables.replace_rules(db, info.id, [extra, extra])
    renamed = rate_tables.update_rate_table(
        db, info.id, name="改名标准", effective_date=date(2026, 5, 1), source_doc="x"
    )
    assert (renamed.name, renamed.effective_date) == ("改名标准", date(2026, 5, 1))
    with pytest.raises(ConflictError):
        rate_tables.update_rate_table(db, info.id, name="再改", effective_date=None, source_doc="", expected_version=1)
    with pytest.raises(ValidationError, match="原因"):
        rate_tables.delete_rate_table(db, info.id, " ")
    rate_tables.delete_rate_table(db, info.id, "录错了")
    assert rate_tables.list_rate_tables(db) == []
    with pytest.raises(ValidationError, match="没有任何规则"):
        rate_tables.publish_rate_table(db, rate_tables.create_rate_table(db, "空表").id)


def _frozen_edits(table_id: int, code: str) -> st.SearchStrategy[object]:
    extra = Rule.from_text(code="NEW", item="其他", basis="每户", conditions="", unit_price_fen=1)
    return st.one_of(
        st.text(min_size=1, max_size=8).map(
            lambda n: lambda db: rate_tables.update_rate_table(db, table_id, name=n, effective_date=None, source_doc="")
        ),
        st.integers(0, 10**9).map(
            lambda p: (
                lambda db: rate_tables.update_rule(
                    db,
                    table_id,
                    code,
                    replace(rate_tables.get_rate_table(db, table_id).table.rules[0], unit_price_fen=p),
                )
            )
        ),
        st.just(lambda db: rate_tables.add_rule(db, table_id, extra)),
        st.just(lambda db: rate_tables.delete_rule(db, table_id, code)),
        st.just(lambda db: rate_tables.replace_rules(db, table_id, [])),
        st.just(lambda db: rate_tables.publish_rate_table(db, table_id)),
        st.just(lambda db: rate_tables.delete_rate_table(db, table_id, "不要了")),
    )


@FIXTURE_SETTINGS
@given(data=st.data())
def test_publishing_freezes_a_table(db: Database, data: st.DataObject) -> None:
    tables = rate_tables.list_rate_tables(db)
    info = tables[0] if tables else publish_sample(db)
    before = rate_tables.get_rate_table(db, info.id)
    edits = data.draw(st.lists(_frozen_edits(info.id, "TD-01"), min_size=1, max_size=4))
    for edit in edits:
        with pytest.raises(ValidationError, match="已发布"):
            edit(db)  # type: ignore[operator]
    assert rate_tables.get_rate_table(db, info.id) == before


def test_triggers_freeze_published_tables_even_for_raw_sql(db: Database) -> None:
    info = publish_sample(db)
    conn = dbraw.connect(db.path)
    try:
        for sql in (
            "UPDATE rate_rule SET unit_price = 1 WHERE rate_table_id = ?",
            "DELETE FROM rate_rule WHERE rate_table_id = ?",
            "UPDATE rate_table SET name = 'x' WHERE id = ?",
            "DELETE FROM rate_table WHERE id = ?",
            "INSERT INTO rate_rule (rate_table_id, seq, code, item, basis, conditions, unit_price, unit, payee, "
            "version, seal) VALUES (?, 99, 'Z', 'z', '每户', '', 1, '户', '户', 1, '')",
        ):
            with pytest.raises(dbraw.INTEGRITY_ERRORS, match="published"):
                conn.execute(sql, (info.id,))
    finally:
        conn.close()


def test_only_published_tables_can_be_chosen(demo_db: Database) -> None:
    pid = projects.resolve_project(demo_db, None)
    with pytest.raises(ValidationError, match="尚未选定补偿标准"):
        computing.compute(demo_db, pid)
    draft = rate_tables.create_rate_table(demo_db, "草稿", rules=sample_rate_table().rules)
    with pytest.raises(ValidationError, match="尚未发布"):
        rate_tables.set_project_rate_table(demo_db, pid, draft.id)
    with pytest.raises(ValidationError, match="尚未发布"):
        computing.preview_rate_table_change(demo_db, pid, draft.id)
    info = rate_tables.publish_rate_table(demo_db, draft.id)
    with pytest.raises(ValidationError, match="过渡月数"):
        rate_tables.set_project_rate_table(demo_db, pid, info.id, transition_months=-1)
    linked = rate_tables.set_project_rate_table(demo_db, pid, info.id, transition_months=18)
    assert rate_tables.get_project_rate_table(demo_db, pid) == linked
    assert linked.transition_months == 18 and linked.set_by == "clerk1"


# --- compute ------------------------------------------------------------------------------------


def test_compute_stores_lines_with_formula_and_table_version(demo_db: Database) -> None:
    pid, info = project_with_table(demo_db)
    result = computing.compute(demo_db, pid)
    assert (result.households, result.changed, result.table_id) == (60, 60, info.id)
    hid = first_household(demo_db)
    view = reviewing.get_household_compensation(demo_db, hid)
    assert view.status == "已计算" and view.table_label == "城东产业园区征收补偿标准（第1版）"
    assert view.lines and all(ln.table_version == 1 and " = " in ln.formula for ln in view.lines)
    assert view.total == sum((ln.amount for ln in view.lines), Decimal("0.00"))
    assert sum(view.by_payee.values()) == view.total
    assert result.grand_total == sum((Decimal(t).scaleb(-2) for t in totals(demo_db).values()), Decimal("0.00"))
    for ln in view.lines:
        if ln.basis == "过渡月数×人口":
            assert "24 个月" in ln.formula


@pytest.mark.sqlite_only  # SQLite's typeof(); a server's BIGINT columns: tests/store/test_types.py
def test_every_stored_money_and_quantity_column_is_an_integer(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    adjustments.add_adjustment(demo_db, first_household(demo_db), "房屋补偿", Decimal("-123.45"), "复测面积减少")
    checked = 0
    for table in Base.metadata.tables.values():
        for col in table.columns:
            if not is_scaled(col):
                continue
            kinds = {k for (k,) in raw(demo_db, f"SELECT DISTINCT typeof({col.name}) FROM {table.name}")}
            assert kinds <= {"integer", "null"}, (table.name, col.name, kinds)
            checked += 1
    assert checked >= 10
    for name, col in (
        ("compensation_line", "amount"),
        ("household_compensation", "total"),
        ("compensation_adjustment", "amount"),
        ("rate_rule", "unit_price"),
    ):
        assert raw(demo_db, f"SELECT count(*), sum(typeof({col}) = 'integer') FROM {name}")[0][0] > 0
        n, ints = raw(demo_db, f"SELECT count(*), sum(typeof({col}) = 'integer') FROM {name}")[0]
        assert n == ints


def test_bulk_rows_are_sealed_and_audited(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    before = audit_count(demo_db)
    computing.compute(demo_db, pid)
    assert audit_count(demo_db) == before + 60  # one entry per household
    conn = demo_db.raw_connection()
    try:
        assert verify_chain(conn) is None
        for model in COMPENSATION_EDITABLE_MODELS:
            table = Base.metadata.tables[model.__tablename__]  # type: ignore[attr-defined]
            assert next(iter_bad_seals(conn, table), None) is None, table.name
    finally:
        conn.close()
    hid = first_household(demo_db)
    entries = households.history(demo_db, hid)
    assert any(e.entity == "household_compensation" and e.field == "total" for e in entries)


def test_recompute_changes_nothing_and_keeps_review(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    hid = first_household(demo_db)
    demo_db.actor = REVIEWER
    reviewing.review(demo_db, hid)
    lines = raw(demo_db, "SELECT * FROM compensation_line ORDER BY id")
    count = audit_count(demo_db)
    again = computing.compute(demo_db, pid)
    assert (again.changed, again.reviews_reset) == (0, 0)
    assert raw(demo_db, "SELECT * FROM compensation_line ORDER BY id") == lines
    assert audit_count(demo_db) == count
    assert reviewing.get_household_compensation(demo_db, hid).status == "已复核"


@FIXTURE_SETTINGS
@given(
    terms=st.lists(
        st.tuples(
            st.integers(0, 59),
            st.none() | st.dates(date(2026, 6, 1), date(2026, 7, 31)),
            st.none() | st.integers(0, 36),
        ),
        max_size=4,
    ),
    village_only=st.booleans(),
)
def test_recompute_is_idempotent_and_totals_are_sums_of_lines(
    demo_db: Database, terms: list[tuple[int, date | None, int | None]], village_only: bool
) -> None:
    if rate_tables.list_rate_tables(demo_db) == []:
        project_with_table(demo_db)
    pid = projects.resolve_project(demo_db, None)
    ids = [int(h) for (h,) in raw(demo_db, "SELECT id FROM household ORDER BY id")]  # type: ignore[call-overload]
    for index, signed, months in terms:
        reviewing.set_household_terms(demo_db, ids[index], signed_on=signed, transition_months=months)
    village = projects.tree(demo_db)[0].villages[0].id if village_only else None
    computing.compute(demo_db, pid, village_id=village)
    snapshot = (
        raw(demo_db, "SELECT * FROM compensation_line ORDER BY id"),
        raw(demo_db, "SELECT * FROM household_compensation ORDER BY id"),
    )
    again = computing.compute(demo_db, pid, village_id=village)
    assert again.changed == 0
    assert (
        raw(demo_db, "SELECT * FROM compensation_line ORDER BY id"),
        raw(demo_db, "SELECT * FROM household_compensation ORDER BY id"),
    ) == snapshot
    mismatched = raw(
        demo_db,
        "SELECT hc.household_id FROM household_compensation hc WHERE hc.total <> "
        "(SELECT coalesce(sum(amount), 0) FROM compensation_line l WHERE l.household_id = hc.household_id) + "
        "(SELECT coalesce(sum(amount), 0) FROM compensation_adjustment a WHERE a.household_id = hc.household_id)",
    )
    assert mismatched == []


def test_scope_of_a_village_touches_only_that_village(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    village = projects.tree(demo_db)[0].villages[0]
    result = computing.compute(demo_db, pid, village_id=village.id)
    assert result.households == village.households
    assert len(totals(demo_db)) == village.households


def test_signing_date_brings_the_reward_and_months_the_transition_fee(demo_db: Database) -> None:
    project_with_table(demo_db, months=0)
    hid = first_household(demo_db)
    view = reviewing.set_household_terms(demo_db, hid, signed_on=date(2026, 6, 30), transition_months=12)
    codes = {ln.rule_code: ln for ln in view.lines}
    assert codes["JL-01"].amount == Decimal("20000.00")
    assert "12 个月" in codes["GD-01"].formula
    assert (view.signed_on, view.transition_months) == (date(2026, 6, 30), 12)
    view = reviewing.set_household_terms(demo_db, hid, signed_on=date(2026, 7, 1), transition_months=None)
    assert {"JL-01", "GD-01"}.isdisjoint(ln.rule_code for ln in view.lines)
    with pytest.raises(ValidationError, match="过渡月数"):
        reviewing.set_household_terms(demo_db, hid, signed_on=None, transition_months=999)


def test_editing_the_register_then_recomputing_resets_the_review(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    hid = next(h for h in totals(demo_db) if households.get_household(demo_db, h).data.parcels)
    demo_db.actor = REVIEWER
    reviewing.review(demo_db, hid)
    detail = households.get_household(demo_db, hid)
    parcel = detail.data.parcels[0]
    bigger = replace(detail.data, parcels=(replace(parcel, area_mu=parcel.area_mu + 1), *detail.data.parcels[1:]))
    before = totals(demo_db)[hid]
    households.update_household(demo_db, detail, bigger, reason="复测")  # computed again with the edit
    view = reviewing.get_household_compensation(demo_db, hid)
    assert (view.status, view.reviewed_by, view.reviewed_at, view.outdated) == ("已计算", "", None, False)
    assert totals(demo_db)[hid] > before
    result = computing.compute(demo_db, pid)
    assert (result.changed, result.reviews_reset) == (0, 0)  # nothing was left for the next compute


# --- review and adjustments ------------------------------------------------------------------------


def test_review_records_who_and_when(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    hid = first_household(demo_db)
    with pytest.raises(ValidationError, match="尚未计算"):
        reviewing.review(demo_db, hid)
    computing.compute(demo_db, pid)
    demo_db.actor = REVIEWER
    version = reviewing.get_household_compensation(demo_db, hid).version
    with pytest.raises(ConflictError):
        reviewing.review(demo_db, hid, expected_version=version - 1)
    view = reviewing.review(demo_db, hid, expected_version=version)
    assert (view.status, view.reviewed_by) == ("已复核", "reviewer1")
    assert view.reviewed_at is not None
    with pytest.raises(ValidationError, match="已复核"):
        reviewing.review(demo_db, hid)
    ids = list(totals(demo_db))[:5]
    assert reviewing.review_many(demo_db, ids) == 4


def test_adjusting_after_review_resets_it_and_needs_a_reason(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    hid = first_household(demo_db)
    demo_db.actor = REVIEWER
    reviewing.review(demo_db, hid)
    before = reviewing.get_household_compensation(demo_db, hid)
    with pytest.raises(ValidationError, match="原因"):
        adjustments.add_adjustment(demo_db, hid, "房屋补偿", Decimal("100.00"), "  ")
    with pytest.raises(ValidationError, match="浮点"):
        adjustments.add_adjustment(demo_db, hid, "房屋补偿", 1.5, "复测")  # type: ignore[arg-type]
    assert reviewing.get_household_compensation(demo_db, hid).status == "已复核"
    demo_db.actor = Actor("clerk1", "office-pc")
    view = adjustments.add_adjustment(demo_db, hid, "房屋补偿", Decimal("-1,234.50".replace(",", "")), "复测面积减少")
    assert view.status == "已计算" and view.reviewed_by == ""
    assert view.total == before.total - Decimal("1234.50")
    (adj,) = view.adjustments
    assert (adj.reason, adj.created_by, adj.amount) == ("复测面积减少", "clerk1", Decimal("-1234.50"))
    with pytest.raises(ValidationError, match="本人录入"):
        reviewing.review(demo_db, hid)
    demo_db.actor = REVIEWER
    assert reviewing.review(demo_db, hid).status == "已复核"
    demo_db.actor = Actor("clerk2", "office-pc3")
    with pytest.raises(ValidationError, match="原因"):
        adjustments.update_adjustment(demo_db, adj.id, amount=Decimal("-1000.00"), reason="")
    view = adjustments.update_adjustment(
        demo_db, adj.id, amount=Decimal("-1000.00"), reason="二次复测", expected_version=1
    )
    assert view.status == "已计算" and view.total == before.total - Decimal("1000.00")
    with pytest.raises(ConflictError):
        adjustments.update_adjustment(demo_db, adj.id, amount=Decimal("1.00"), reason="x", expected_version=1)
    demo_db.actor = REVIEWER
    reviewing.review(demo_db, hid)
    demo_db.actor = Actor("clerk1", "office-pc")
    view = adjustments.delete_adjustment(demo_db, adj.id, "调整撤销")
    assert view.adjustments == () and view.total == before.total and view.status == "已计算"
    # a recompute keeps adjustments out of the rules but in the total
    adjustments.add_adjustment(demo_db, hid, "困难补助", Decimal("500.00"), "村委会决议")
    computing.compute(demo_db, pid)
    assert reviewing.get_household_compensation(demo_db, hid).total == before.total + Decimal("500.00")


# --- change of standard -------------------------------------------------------------------------


def test_preview_lists_exactly_the_households_whose_totals_change(demo_db: Database) -> None:
    pid, info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    draft = rate_tables.new_rate_table_version(demo_db, info.id)
    rules = list(rate_tables.get_rate_table(demo_db, draft.id).table.rules)
    rules = [replace(r, unit_price_fen=r.unit_price_fen + 1000) if r.code in ("FJ-01", "TD-02") else r for r in rules]
    rules = [replace(r, minimum_fen=r.minimum_fen + 1) if r.code == "BQ-01" and r.minimum_fen else r for r in rules]
    rate_tables.replace_rules(demo_db, draft.id, rules)
    new = rate_tables.publish_rate_table(demo_db, draft.id)
    old_totals = totals(demo_db)
    preview = computing.preview_rate_table_change(demo_db, pid, new.id)
    assert raw(demo_db, "SELECT rate_table_id FROM project_rate") == [(info.id,)]  # nothing written
    result = computing.change_project_rate_table(demo_db, pid, new.id)
    new_totals = totals(demo_db)
    moved = {h for h in new_totals if new_totals[h] != old_totals[h]}
    assert moved and len(moved) < 60
    assert {d.household_id for d in preview.households} == moved
    assert preview.unchanged == 60 - len(moved)
    for d in preview.households:
        assert int(d.old_total.scaleb(2)) == old_totals[d.household_id]
        assert int(d.new_total.scaleb(2)) == new_totals[d.household_id]
        assert d.changes and {c.rule_code for c in d.changes} <= {"FJ-01", "TD-02", "BQ-01"}
        assert sum((c.new_amount or 0) - (c.old_amount or 0) for c in d.changes) == d.delta
    assert preview.new_grand_total == result.grand_total
    assert preview.old_grand_total == sum((Decimal(t).scaleb(-2) for t in old_totals.values()), Decimal("0.00"))
    view = reviewing.get_household_compensation(demo_db, next(iter(moved)))
    assert view.table_label.endswith("（第2版）") and all(ln.table_version == 2 for ln in view.lines)


def test_preview_with_other_transition_months_is_what_the_change_writes(demo_db: Database) -> None:
    """The clerk enters 过渡月数 with the new table: the preview prices with those months, not the old ones."""
    pid, info = project_with_table(demo_db)
    months = rate_tables.get_project_rate_table(demo_db, pid).transition_months  # type: ignore[union-attr]
    computing.compute(demo_db, pid)
    new = rate_tables.publish_rate_table(demo_db, rate_tables.new_rate_table_version(demo_db, info.id).id)
    old_totals = totals(demo_db)
    preview = computing.preview_rate_table_change(demo_db, pid, new.id, transition_months=months + 6)
    result = computing.change_project_rate_table(demo_db, pid, new.id, transition_months=months + 6)
    new_totals = totals(demo_db)
    moved = {h for h in new_totals if new_totals[h] != old_totals[h]}
    assert moved  # the same rules, longer transition: households with 过渡费 get more
    assert {d.household_id for d in preview.households} == moved
    assert preview.new_grand_total == result.grand_total > preview.old_grand_total


def test_a_whole_project_compute_names_the_rules_that_priced_no_household(demo_db: Database) -> None:
    base = sample_rate_table()
    typo = next(r for r in base.rules if r.code == "TD-01")
    misspelt = replace(typo, code="TD-99", conditions=(replace(typo.conditions[0], values=("稻田",)),))
    pid = projects.resolve_project(demo_db, None)
    info = publish_sample(demo_db, replace(base, rules=(*base.rules, misspelt)))
    rate_tables.set_project_rate_table(demo_db, pid, info.id)
    result = computing.compute(demo_db, pid)
    assert "TD-99 土地补偿费（地类=稻田）" in result.unmatched and all("TD-01 " not in u for u in result.unmatched)
    village = raw(demo_db, "SELECT min(v.id) FROM village v")[0][0]
    assert computing.compute(demo_db, pid, village_id=village).unmatched == ()  # a village need not use every rule


def test_review_refused_when_result_is_from_an_older_standard(demo_db: Database) -> None:
    pid, info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    new = rate_tables.publish_rate_table(demo_db, rate_tables.new_rate_table_version(demo_db, info.id).id)
    rate_tables.set_project_rate_table(demo_db, pid, new.id)
    demo_db.actor = REVIEWER
    with pytest.raises(ValidationError, match="现行标准"):
        reviewing.review(demo_db, first_household(demo_db))


# --- summaries ----------------------------------------------------------------------------------


def test_project_summary_adds_up_three_ways(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    result = computing.compute(demo_db, pid)
    adjustments.add_adjustment(
        demo_db, first_household(demo_db), "其他补助", Decimal("88.88"), "村委会决议", payee="集体"
    )
    summary = summaries.project_summary(demo_db, pid)
    grand = result.grand_total + Decimal("88.88")
    assert summary.grand_total == grand
    assert sum(summary.by_item.values()) == sum(summary.by_village.values()) == sum(summary.by_payee.values()) == grand
    assert list(summary.by_item)[:2] == ["土地补偿费", "安置补助费"]
    assert list(summary.by_item)[-1] == "其他补助"
    assert set(summary.by_payee) == {"户", "集体", "社保"}
    assert (summary.households, summary.reviewed) == (60, 0)
    items, rows = summaries.household_totals(demo_db, pid)
    assert items[-1] == "其他补助" and len(rows) == 60
    assert sum((r.total for r in rows), Decimal("0.00")) == grand
    lines = summaries.detail_lines(demo_db, pid)
    assert sum((ln.amount for ln in lines), Decimal("0.00")) == grand
    assert any(ln.rule_code == "调整" and ln.formula == "人工调整：村委会决议" for ln in lines)


def test_one_household_then_deleting_it_takes_its_results_along(demo_db: Database) -> None:
    project_with_table(demo_db)
    hid = first_household(demo_db)
    view = computing.compute_household(demo_db, hid)
    assert view.status == "已计算" and list(totals(demo_db)) == [hid]
    households.delete_household(demo_db, hid, "重复登记")
    assert totals(demo_db) == {}
    assert raw(demo_db, "SELECT count(*) FROM compensation_line") == [(0,)]


def test_cancelling_a_compute_writes_nothing(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    pid, _info = project_with_table(demo_db)
    monkeypatch.setattr(compensation_bulk, "CHUNK", 10)
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        computing.compute(demo_db, pid, progress=lambda done, total: seen.append((done, total)), cancelled=lambda: True)
    assert seen == [(10, 60)]
    assert totals(demo_db) == {}
    result = computing.compute(demo_db, pid, progress=lambda done, total: seen.append((done, total)))
    assert result.changed == 60 and seen[-1] == (60, 60)


def test_facts_that_change_without_changing_lines_keep_the_review(demo_db: Database) -> None:
    pid, _info = project_with_table(demo_db)
    computing.compute(demo_db, pid)
    hid = next(h for h in totals(demo_db) if households.get_household(demo_db, h).data.parcels)
    demo_db.actor = REVIEWER
    reviewing.review(demo_db, hid)
    detail = households.get_household(demo_db, hid)
    first, *rest = detail.data.parcels
    half = (first.area_mu / 2).quantize(Decimal("0.0001"))
    split = (replace(first, area_mu=half), replace(first, id=None, parcel_no="", area_mu=first.area_mu - half))
    households.update_household(demo_db, detail, replace(detail.data, parcels=(*split, *rest)), reason="分割地块")
    count = audit_count(demo_db)
    result = computing.compute(demo_db, pid)
    assert (result.changed, result.reviews_reset) == (0, 0)
    assert audit_count(demo_db) == count  # only the fingerprint moved
    assert reviewing.get_household_compensation(demo_db, hid).status == "已复核"
    states = raw(demo_db, "SELECT * FROM household_compensation ORDER BY id")
    computing.compute(demo_db, pid)
    assert raw(demo_db, "SELECT * FROM household_compensation ORDER BY id") == states
