"""Official documents can't go out half-filled: numbered printing waits for the township details it prints."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from resettle.documents.kinds import DocumentKind
from resettle.domain.township import TownshipDetails
from resettle.errors import ValidationError
from resettle.services.documents import printing as documents
from resettle.services.register import imports, projects, settings
from resettle.store.database import Database
from tests.documents.conftest import TOWNSHIP

CLEAN = Path(__file__).resolve().parents[3] / "shared" / "data" / "sample_survey_clean.xlsx"


def test_numbered_notice_refused_naming_what_is_missing_and_nothing_numbered(
    priced_db: Database, tmp_path: Path
) -> None:
    db = priced_db
    settings.save_township(db, TownshipDetails(township="城东镇"))
    pid = projects.resolve_project(db, None)
    with pytest.raises(ValidationError) as info:
        documents.export_pdf(db, DocumentKind.NOTICE, tmp_path / "n.pdf", project_id=pid)
    for label in ("征迁办名称", "联系电话", "签约地点"):
        assert label in info.value.message
    assert "设置" in info.value.message and "样稿" in info.value.message
    assert documents.list_documents(db) == []
    assert not (tmp_path / "n.pdf").exists()
    draft = documents.export_pdf(db, DocumentKind.NOTICE, tmp_path / "d.pdf", project_id=pid, draft=True)
    assert draft.files and documents.list_documents(db) == []  # a 样稿 takes no number
    with pytest.raises(ValidationError, match="监督（投诉）电话"):
        documents.export_pdf(db, DocumentKind.DISCLOSURE, tmp_path / "p.pdf", project_id=pid)
    settings.save_township(db, TOWNSHIP)
    done = documents.export_pdf(db, DocumentKind.NOTICE, tmp_path / "n.pdf", project_id=pid)
    assert done.issued > 0 and documents.list_documents(db)


def test_a_project_with_its_own_details_prints_while_the_other_waits(priced_db: Database, tmp_path: Path) -> None:
    db = priced_db
    imports.apply_import(db, imports.preview_import(db, CLEAN, project="德源村项目"))
    first, second = (p.id for p in projects.tree(db, with_counts=False))
    settings.save_township(db, TownshipDetails())  # no office default at all
    own = projects.get_project(db, first)
    projects.update_project(db, first, dataclasses.replace(own.details, township=TOWNSHIP), own.version)
    result = documents.export_pdf(db, DocumentKind.NOTICE, tmp_path / "a.pdf", project_id=first)
    assert result.issued > 0
    with pytest.raises(ValidationError, match="征迁办名称"):
        documents.export_pdf(db, DocumentKind.NOTICE, tmp_path / "b.pdf", project_id=second)
