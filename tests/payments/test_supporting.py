"""Supporting documents: stored with their SHA-256 inside the register, audited, checklisted."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from resettle.errors import NotFoundError, ValidationError
from resettle.services.payments import supporting
from tests import dbraw
from tests.payments.conftest import Two, household_ids


def test_attach_list_read_back_and_checklist(two: Two, tmp_path: Path) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    scan = tmp_path / "身份证.jpg"
    scan.write_bytes(b"\xff\xd8fake-jpeg" * 100)
    info = supporting.attach_document(db, two.a, hid, "身份证", scan)
    assert info.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert [d.kind for d in supporting.list_supporting(db, two.a, hid)] == ["身份证"]
    name, content = supporting.document_content(db, two.a, info.id)
    assert (name, content) == ("身份证.jpg", scan.read_bytes())
    items = {(i.step, i.kind): i.present for i in supporting.checklist(db, two.a, hid)}
    assert items[("签约", "身份证")] and not items[("签约", "产权证明")]
    with db.read() as s:
        audited = (
            s.connection()
            .exec_driver_sql("SELECT count(*) FROM audit_log WHERE entity = 'supporting_document' AND field = 'sha256'")
            .scalar()
        )
    assert audited == 1
    # the other project's household is refused, and this one's list stays in its project
    with pytest.raises(ValidationError):
        supporting.attach_document(db, two.a, household_ids(db, two.b)[0], "身份证", scan)
    with pytest.raises(NotFoundError):
        supporting.document_content(db, two.b, info.id)


def test_a_changed_scan_is_detected(two: Two, tmp_path: Path) -> None:
    db = two.db
    hid = household_ids(db, two.a)[0]
    scan = tmp_path / "deed.pdf"
    scan.write_bytes(b"%PDF-1.4 deed")
    info = supporting.attach_document(db, two.a, hid, "产权证明", scan)
    conn = dbraw.connect(db.path)
    conn.execute("UPDATE supporting_blob SET content = ?", (b"%PDF-1.4 forged",))
    conn.commit()
    conn.close()
    with pytest.raises(ValidationError, match="SHA-256"):
        supporting.document_content(db, two.a, info.id)


def test_only_scans_are_accepted(two: Two, tmp_path: Path) -> None:
    bad = tmp_path / "run.exe"
    bad.write_bytes(b"MZ")
    with pytest.raises(ValidationError, match="扫描件"):
        supporting.attach_document(two.db, two.a, household_ids(two.db, two.a)[0], "其他", bad)
