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
