"""An office's own templates, the font choice, refusing to print boxes, and painting without leaks."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout, QPdfWriter

from resettle.documents import fonts as font_module
from resettle.documents import templates
from resettle.documents.render import PrintableDocument, page_layout, paint
from resettle.domain.township import TownshipDetails
from resettle.errors import ResettleError, ValidationError
from resettle.services.documents import printing as docs
from resettle.services.register import settings
from resettle.store.database import Database
from tests.documents.conftest import first_id, pdf_text


def test_a_customised_template_in_the_data_folder_is_used(priced_db: Database, tmp_path: Path) -> None:
    shipped = templates.template_source("notice")
    assert not templates.is_customised("notice")
    assert shipped == templates.default_template("notice") and shipped.is_file()

    own = templates.customise_template("notice")
    assert own == Path(os.environ["RESETTLE_DATA_DIR"]) / "templates" / "notice.html"
    own.write_text(own.read_text("utf-8").replace("{{ issue.title }}", "征收补偿决定书（本镇格式）"), "utf-8")
    assert templates.is_customised("notice") and templates.template_source("notice") == own
    assert not templates.is_customised("voucher")

    out = tmp_path / "own.pdf"
    docs.export_pdf(priced_db, "notice", out, household_ids=[first_id(priced_db)])
    text = pdf_text(out)
    assert "征收补偿决定书（本镇格式）" in text

    kept = templates.restore_default_template("notice")
    assert kept is not None and kept.is_file() and not templates.is_customised("notice")
    docs.export_pdf(priced_db, "notice", tmp_path / "back.pdf", household_ids=[first_id(priced_db)])
    assert "本镇格式" not in pdf_text(tmp_path / "back.pdf")


def test_a_broken_customised_template_is_refused_with_its_line(priced_db: Database, tmp_path: Path) -> None:
    own = templates.customise_template("voucher")
    own.write_text(own.read_text("utf-8") + "\n{% if %}\n", "utf-8")
    with pytest.raises(templates.TemplateError, match=r"自定义的领款单模板有语法错误.*第 \d+ 行"):
        docs.export_pdf(priced_db, "voucher", tmp_path / "v.pdf", household_ids=[first_id(priced_db)])
    own.write_text(own.read_text("utf-8").replace("{% if %}", "{{ h.no_such_field }}"), "utf-8")
    with pytest.raises(templates.TemplateError, match="引用了不存在的内容"):
        docs.export_pdf(priced_db, "voucher", tmp_path / "v.pdf", household_ids=[first_id(priced_db)])
    assert docs.list_documents(priced_db) == [], "a broken template numbers nothing"


def test_templates_escape_what_clerks_typed(priced_db: Database, tmp_path: Path) -> None:
    settings.save_township(priced_db, TownshipDetails(office="<b>征迁办</b>&<i>", phone="1", signing_place="x"))
    out = tmp_path / "n.pdf"
    docs.export_pdf(priced_db, "notice", out, household_ids=[first_id(priced_db)])
    assert "<b>征迁办</b>&<i>" in pdf_text(out), "shown as typed, not taken as markup"


def test_without_a_chinese_font_printing_is_refused(
    priced_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(font_module, "installed_families", lambda: {"DejaVu Sans": False, "Liberation Serif": False})
    out = tmp_path / "n.pdf"
    with pytest.raises(font_module.NoChineseFontError, match="方框") as caught:
        docs.export_pdf(priced_db, "notice", out, household_ids=[first_id(priced_db)])
    assert isinstance(caught.value, ResettleError) and "安装" in caught.value.message
    assert not out.exists()
    assert docs.list_documents(priced_db) == [], "nothing is numbered when nothing can be printed"


def test_the_font_setting_chooses_an_installed_chinese_family(priced_db: Database) -> None:
    choices = docs.document_font_choices()
    assert choices, "this machine has a Chinese font (WenQuanYi or Noto CJK)"
    assert docs.document_fonts(priced_db).configured == ""
    chosen = docs.set_document_font(priced_db, choices[-1])
    assert (chosen.body, chosen.substituted) == (choices[-1], False)
    assert settings.get_document_font(priced_db) == choices[-1]
    with pytest.raises(ValidationError, match="不能显示中文"):
        docs.set_document_font(priced_db, "No Such Font 123")
    settings.save_document_font(priced_db, "A Font Uninstalled Since")
    fallback = docs.document_fonts(priced_db)
    assert fallback.substituted and fallback.body in choices and "已改用" in fallback.note


def test_song_is_preferred_for_the_body_and_hei_for_headings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        font_module,
        "installed_families",
        lambda: {"Arial": False, "WenQuanYi Micro Hei": True, "SimSun": True, "SimHei": True},
    )
    chosen = font_module.resolve_fonts()
    assert (chosen.body, chosen.heading) == ("SimSun", "SimHei")
    assert font_module.resolve_fonts("WenQuanYi Micro Hei").body == "WenQuanYi Micro Hei"


def test_painting_a_batch_does_not_drop_references_to_none(priced_db: Database, tmp_path: Path) -> None:
    """PySide6 6.12 lost a reference to None per drawContents/setPageSize (data-safety.md, 9)."""
    run = docs.prepare_documents(priced_db, "voucher", household_ids=[first_id(priced_db)], draft=True)
    batch = [run.documents[0]] * 80
    writer = QPdfWriter(str(tmp_path / "many.pdf"))
    writer.setPageLayout(page_layout(False))
    paint(batch[:2], writer, run.fonts)  # warm up caches
    writer = QPdfWriter(str(tmp_path / "many.pdf"))
    writer.setPageLayout(page_layout(False))
    before = sys.getrefcount(None)
    pages = paint(batch, writer, run.fonts)
    after = sys.getrefcount(None)
    assert pages == 80
    assert after - before > -20, f"None lost {before - after} references in {pages} pages"


def test_a_print_run_can_go_to_any_paged_device_off_the_gui_thread(priced_db: Database, tmp_path: Path) -> None:
    """The window's op runner calls export_pdf in a worker thread."""
    result: list[object] = []

    def work() -> None:
        try:
            result.append(docs.export_pdf(priced_db, "notice", tmp_path / "t.pdf", household_ids=[first_id(priced_db)]))
        except BaseException as exc:  # reported below
            result.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert isinstance(result[0], docs.ExportResult), result
    assert "征地补偿安置通知书" in pdf_text(tmp_path / "t.pdf")

    landscape = PrintableDocument("x", "x", ("<p>横向</p>",), "", "", landscape=True, draft=True)
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    writer.setPageLayout(page_layout(False))
    assert paint([landscape], writer, docs.document_fonts(priced_db)) == 1
    assert writer.pageLayout().orientation() == QPageLayout.Orientation.Landscape


def test_printing_code_loads_no_widgets() -> None:
    """resettle/ never imports QtWidgets (QtPrintSupport would pull it in, so QPrinter stays in ui/)."""
    import subprocess

    probe = (
        "import sys; import resettle.services.documents.printing, resettle.cli; "
        "from resettle.documents import render; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    loaded = done.stdout
    assert "PySide6.QtGui" in loaded
    assert "QtWidgets" not in loaded and "QtPrintSupport" not in loaded, loaded
