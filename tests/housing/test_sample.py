"""The sample sheets imported give exactly the settlement of housing_expected.json."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from resettle.services.housing import placement, settlement, stock
from resettle.services.housing.progress import housing_counts
from resettle.services.register import checks
from resettle.store.database import Database
from tests import dbraw
from tests.housing.conftest import EXPECTED, choices_workbook, expected_choice_rows


def test_stock_and_standard_of_the_sample(hdb: Database, pid: int) -> None:
    estates = stock.list_estates(hdb, pid)
    assert [e.name for e in estates] == [EXPECTED["estate"]]
    assert estates[0].flats == EXPECTED["flats"]
    flats = stock.board(hdb, pid, estates[0].id).flats
    assert sorted(f.name for f in flats if f.status == "冻结") == sorted(EXPECTED["frozen"])
    std = stock.current_standard(hdb, pid)
    assert std is not None and std.status == "已发布" and std.revision == 1
    assert std.standard.band_widths == (Decimal(8), Decimal(12))


def test_sample_choices_settle_exactly_as_expected(hdb: Database, pid: int, tmp_path: Path) -> None:
    result = placement.import_choices(hdb, pid, choices_workbook(tmp_path / "c.xlsx", expected_choice_rows()))
    assert result.households == len(EXPECTED["choices"])
    assert result.cash == sum(1 for c in EXPECTED["choices"].values() if c == "cash")
    report = settlement.settle(hdb, pid)
    got = {h.household_no: h for h in report.households}
    assert set(got) == set(EXPECTED["settlement"])
    for no, want in EXPECTED["settlement"].items():
        s = got[no].settlement
        assert s.entitled_m2 == Decimal(want["entitled_m2"]), no
        assert s.chosen_m2 == Decimal(want["chosen_m2"]), no
        assert s.flat_price == Decimal(want["flat_price"]), no
        assert s.refund == Decimal(want["refund"]), no
        assert s.net == Decimal(want["net"]), no
        lines = [(ln.code, ln.area, ln.unit_price, ln.amount) for ln in s.lines]
        assert lines == [(c, Decimal(a), Decimal(p), Decimal(m)) for c, a, p, m in want["lines"]], no
        assert s.balance == s.compensation_total - s.net
    assert report.total_net == Decimal(EXPECTED["total_net"])
    assert housing_counts(hdb, pid).chosen == len(EXPECTED["settlement"])
    assert checks.check_database(hdb).ok


def test_housing_rows_are_sealed_and_every_change_is_in_the_audit_chain(
    hdb: Database, pid: int, tmp_path: Path
) -> None:
    from resettle.store.audit import verify_chain
    from resettle.store.housing_models import HOUSING_EDITABLE_MODELS
    from resettle.store.models import Base
    from resettle.store.seal import iter_bad_seals

    placement.draw_lottery(hdb, pid, "S")
    placement.import_choices(hdb, pid, choices_workbook(tmp_path / "c.xlsx", expected_choice_rows()))
    conn = hdb.raw_connection()
    try:
        for model in HOUSING_EDITABLE_MODELS:
            table = Base.metadata.tables[model.__tablename__]  # type: ignore[attr-defined]
            assert next(iter_bad_seals(conn, table), None) is None, table.name
        assert verify_chain(conn) is None
        entities = {r[0] for r in conn.execute("SELECT DISTINCT entity FROM audit_log")}
        logged = {r[0] for r in conn.execute("SELECT DISTINCT reason FROM audit_log WHERE entity = 'flat_selection'")}
    finally:
        conn.close()
    assert {"estate", "flat", "placement_standard", "lottery_draw", "flat_selection", "placement_household"} <= entities
    assert logged == {"导入选房结果 c.xlsx"}
    hand = dbraw.connect(hdb.path)  # a hand edit behind the program's back: the flat's seal no longer fits
    try:
        with hand:
            hand.execute("UPDATE flat SET status = '可选' WHERE id = (SELECT flat_id FROM flat_selection LIMIT 1)")
        assert next(iter_bad_seals(hand, Base.metadata.tables["flat"]), None) is not None
    finally:
        hand.close()
