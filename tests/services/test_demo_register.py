"""The demo is its own file, marked 演示 inside; printed pages from it carry 演示数据; a first register is made whole."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from resettle.documents.kinds import DocumentKind
from resettle.errors import ValidationError
from resettle.services.demo.register import demo_db_path, is_demo, open_demo
from resettle.services.documents import printing as documents
from resettle.services.register import projects, settings
from resettle.services.register.start import new_register, village_names
from resettle.store.paths import default_db_path
from tests.dbraw import rows as raw


def _text(pdf: Path) -> str:
    return unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(pdf).pages))


def test_the_demo_is_a_file_of_its_own_and_marked(tmp_path: Path, qapp: object) -> None:
    db = open_demo(households=12)
    try:
        assert db.path == demo_db_path() != default_db_path()
        assert not default_db_path().exists()  # the clerk's real register is untouched
        assert is_demo(db)
        pid = projects.resolve_project(db, None)
        out = tmp_path / "notice.pdf"
        documents.export_pdf(db, DocumentKind.NOTICE, out, project_id=pid, draft=True)
        assert "演示数据" in _text(out)
    finally:
        db.close()
    again = open_demo(households=12)  # opened again: the same file, not generated twice
    try:
        assert len(projects.tree(again, with_counts=False)) == 1
    finally:
        again.close()


def test_a_real_register_is_not_a_demo_and_prints_no_demo_mark(tmp_path: Path, qapp: object) -> None:
    db = new_register(tmp_path / "real.sqlite3", "德源村项目", "城东镇", "德源村、东岗村")
    try:
        assert not is_demo(db)
        (node,) = projects.tree(db, with_counts=False)
        assert node.name == "德源村项目" and [v.name for v in node.villages] == ["德源村", "东岗村"]
        assert settings.get_township(db).township == "城东镇"
    finally:
        db.close()


def test_a_first_register_is_checked_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    with pytest.raises(ValidationError, match="项目名称"):
        new_register(path, "  ", "城东镇", "东岗村")
    assert not path.exists()
    new_register(path, "甲项目").close()
    with pytest.raises(ValidationError, match="已存在"):
        new_register(path, "乙项目")
    assert village_names(" 东岗村，德源村、东岗村  西岭村") == ["东岗村", "德源村", "西岭村"]


def test_the_demo_opens_every_area_on_something_to_try(tmp_path: Path) -> None:
    """The placement estate and standard, the park's posts, the social-security standard, the first village signed
    with its first batch: each area's window has rows at once, and the register checks."""
    from resettle.services.demo.stages import first_village_households
    from resettle.services.housing import stock
    from resettle.services.livelihood import jobs, social_security
    from resettle.services.payments import agreements, batches
    from resettle.services.register.checks import check_database

    db = open_demo(tmp_path / "demo.sqlite3")
    try:
        pid = projects.resolve_project(db, None)
        (estate,) = stock.list_estates(db, pid)
        assert estate.flats == 528 and estate.by_status == {"可选": 518, "冻结": 10}
        assert stock.current_standard(db, pid) is not None
        assert social_security.current_standard(db, pid) is not None
        assert jobs.list_posts(db, pid)
        signed = [a for a in agreements.list_agreements(db, pid) if a.status == "已签约"]
        (batch,) = batches.list_batches(db, pid)
        first_village = first_village_households(db, pid)
        assert {a.household_id for a in signed} == set(first_village)  # the first village only
        assert 0 < len(first_village) < 300 and batch.rows == len(signed) and batch.instalment == 1
        # 社保费用 follows the published standard: the agreements' 社保 money is the bureau roster's.
        (ss_total,) = raw(db, "SELECT sum(amount) FROM compensation_line WHERE rule_code = 'SB-01'")[0]
        assert ss_total == int(social_security.roster(db, pid).total_amount * 100) > 0
        assert check_database(db).ok
    finally:
        db.close()


def test_the_demo_stages_touch_only_the_project_they_name(tmp_path: Path) -> None:
    from resettle.services.demo.generate import demo_compensation, generate_demo
    from resettle.services.demo.stages import demo_agreements, demo_housing, demo_livelihood_sheets
    from resettle.services.housing import stock
    from resettle.services.livelihood import jobs
    from resettle.services.payments import batches
    from resettle.store.database import Database

    with Database.open(tmp_path / "two.sqlite3", startup_backup=False) as db:
        first = generate_demo(db, households=10, seed=1).project_id
        second = generate_demo(db, households=12, seed=2).project_id
        demo_compensation(db, second)
        demo_housing(db, second)
        demo_livelihood_sheets(db, second)
        assert demo_agreements(db, second) > 0
        assert stock.list_estates(db, first) == [] and len(stock.list_estates(db, second)) == 1
        assert jobs.list_posts(db, first) == [] and jobs.list_posts(db, second)
        assert batches.list_batches(db, first) == [] and len(batches.list_batches(db, second)) == 1
