"""Where issued documents go: a printer the window set up, PDF files, a reprint under the same number.

Each function issues through :class:`resettle.services.documents.job.PrintJob`, writes, and
records as printed only what was really written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from resettle.collector import long_lived_frozen
from resettle.documents.kinds import HOUSING_KINDS, DocumentKind, kind_of
from resettle.documents.render import PdfBook, PrintableDocument, PrintCancelled, PrinterOutput, write_pdf
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.documents.data import PrintScope, scope_from_key
from resettle.services.documents.job import (
    Cancelled,
    PrintJob,
    Progress,
    chunks,
    nothing_printable,
    prepare_documents,
    scope_of,
)
from resettle.services.documents.register import DocumentOptions, record_printed
from resettle.services.housing.documents import housing_documents
from resettle.store.database import Database
from resettle.store.document_models import IssuedDocument

__all__ = ["ExportResult", "export_pdf", "print_documents", "reprint_document"]


@dataclass(frozen=True)
class ExportResult:
    kind: str
    files: tuple[Path, ...]
    documents: int
    pages: int
    issued: int  # newly numbered
    reprints: int  # printed before: marked 重印
    skipped: tuple[str, ...] = ()  # households left out, with the reason
    font_note: str = ""

    @property
    def message(self) -> str:
        text = f"已打印 {self.documents:,} 份（{self.pages:,} 页），新编号 {self.issued:,} 份"
        if self.reprints:
            text += f"，重印 {self.reprints:,} 份"
        if self.skipped:
            text += f"；{len(self.skipped):,} 户未打印（{self.skipped[0]}{'等' if len(self.skipped) > 1 else ''}）"
        if self.font_note:
            text += "。" + self.font_note
        return text


def _result(job: PrintJob, files: Sequence[Path], documents: int, pages: int) -> ExportResult:
    skipped = tuple(job.skipped)
    return ExportResult(job.info.kind.value, tuple(files), documents, pages, job.issued, job.reprints, skipped,
                        job.fonts.note)  # fmt: skip


def print_documents(
    db: Database,
    kind: str | DocumentKind,
    output: PrinterOutput,
    *,
    household_ids: Sequence[int] | None = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Issue and print on ``output`` (the window's printer, see :class:`resettle.documents.render.PrinterOutput`),
    then record the printing."""
    require(db, Need.ENTER, "打印文书")
    with long_lived_frozen():  # the collector's passes scan the print's objects only, not the window's
        return _print_documents(db, kind, output, household_ids, project_id, village_id, group_id, options,
                                progress, cancelled)  # fmt: skip


def _print_documents(
    db: Database,
    kind: str | DocumentKind,
    output: PrinterOutput,
    household_ids: Sequence[int] | None,
    project_id: int | None,
    village_id: int | None,
    group_id: int | None,
    options: DocumentOptions | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ExportResult:
    run = prepare_documents(
        db,
        kind,
        household_ids=household_ids,
        project_id=project_id,
        village_id=village_id,
        group_id=group_id,
        options=options,
        cancelled=cancelled,
    )
    done: list[int] = []
    if progress is not None:
        progress(0, len(run.documents))  # the dialog shows the count before the first page is painted

    def one(document: PrintableDocument, _pages: int) -> None:
        done.append(document.document_id or 0)
        if progress is not None:
            progress(len(done), len(run.documents))

    pages = output.paint(run.documents, run.fonts, on_document=one, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise PrintCancelled("已取消：打印未完成，已编号的文书下次打印时沿用原编号。")
    record_printed(db, done)
    return ExportResult(run.kind, (), len(run.documents), pages, run.issued, run.reprints, run.skipped, run.fonts.note)


def export_pdf(
    db: Database,
    kind: str | DocumentKind,
    out: Path,
    *,
    household_ids: Sequence[int] | None = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
    one_per_household: bool = False,
    options: DocumentOptions | None = None,
    draft: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Issue and write PDFs: one file ``out``, or (``one_per_household``) ``out/户号_户主.pdf`` each.

    Runs in the op runner (``progress(done, total)``, ``cancelled()``). Cancelling a single
    file leaves no file; cancelling per-household files keeps the finished ones."""
    require(db, Need.READ if draft else Need.ENTER, "导出文书")
    with long_lived_frozen():  # the collector's passes scan the batch's objects only, not the window's
        return _export_pdf(db, kind, out, household_ids, project_id, village_id, group_id, one_per_household,
                           options, draft, progress, cancelled)  # fmt: skip


def _export_pdf(
    db: Database,
    kind: str | DocumentKind,
    out: Path,
    household_ids: Sequence[int] | None,
    project_id: int | None,
    village_id: int | None,
    group_id: int | None,
    one_per_household: bool,
    options: DocumentOptions | None,
    draft: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ExportResult:
    out = Path(out)
    scope = scope_of(household_ids, project_id, village_id, group_id)
    if kind_of(kind).kind in HOUSING_KINDS:  # 安置房 documents come from the housing services (issue 13)
        run = housing_documents(db, kind, scope, draft=draft)
        pages = write_pdf(run.documents, out, run.fonts, cancelled=cancelled)
        registered = [d.document_id for d in run.documents if d.document_id]  # 分配确认书 of a real register
        if registered:
            record_printed(db, registered)
        return ExportResult(
            run.kind, (out,), len(run.documents), pages, run.issued, run.reprints, run.skipped, run.fonts.note
        )
    job = PrintJob.start(db, kind, scope, options, draft)
    if job.info.kind is DocumentKind.DISCLOSURE:
        if one_per_household:
            raise ValidationError("公示表按村、组或项目出具，不能按户分文件。")
        document = job.disclosure_document()
        pages = write_pdf([document], out, job.fonts, cancelled=cancelled)
        if not draft:
            record_printed(db, [document.document_id or 0])
        if progress is not None:
            progress(1, 1)
        return _result(job, (out,), 1, pages)
    if one_per_household:
        return _export_files(job, out, progress, cancelled)
    return _export_book(job, out, progress, cancelled)


def _export_book(job: PrintJob, out: Path, progress: Progress | None, cancelled: Cancelled | None) -> ExportResult:
    total = len(job.household_ids)
    printed: list[int] = []
    if progress is not None:
        progress(0, total)  # the dialog shows the count before the first chunk is issued and painted

    def one(document: PrintableDocument, _pages: int) -> None:
        printed.append(document.document_id or 0)
        if progress is not None:
            progress(len(printed) + len(job.skipped), total)

    with PdfBook(out, job.fonts, title=job.info.title, landscape=job.info.landscape) as book:
        for chunk in chunks(job.household_ids):
            if cancelled is not None and cancelled():
                break
            book.add(job.household_documents(chunk), on_document=one, cancelled=cancelled)
        if cancelled is not None and cancelled():
            book.abort()
            raise PrintCancelled("已取消，未写出文件；已编号的文书下次打印时沿用原编号。")
        if not printed:
            book.abort()
            raise nothing_printable(job.skipped)
        book.finish()
    if not job.draft:
        record_printed(job.db, printed)
    return _result(job, (out,), len(printed), book.pages)


def _export_files(job: PrintJob, folder: Path, progress: Progress | None, cancelled: Cancelled | None) -> ExportResult:
    if folder.suffix.lower() == ".pdf":
        raise ValidationError("按户分文件时请给出一个文件夹，而不是 .pdf 文件名。", field="输出")
    folder.mkdir(parents=True, exist_ok=True)
    total = len(job.household_ids)
    files: list[Path] = []
    pages = 0
    if progress is not None:
        progress(0, total)
    for chunk in chunks(job.household_ids):
        printed: list[int] = []
        try:
            for document in job.household_documents(chunk):
                if cancelled is not None and cancelled():
                    break
                path = folder / f"{document.file_stem}.pdf"
                pages += write_pdf([document], path, job.fonts)
                files.append(path)
                printed.append(document.document_id or 0)
                if progress is not None:
                    progress(len(files) + len(job.skipped), total)
        finally:
            if not job.draft:
                record_printed(job.db, printed)  # what was written counts as printed, even on an error
        if cancelled is not None and cancelled():
            raise PrintCancelled(f"已取消：已写出 {len(files):,} 个文件，其余未打印。")
    if not files:
        raise nothing_printable(job.skipped)
    return _result(job, files, len(files), pages)


def reprint_document(db: Database, document_id: int, out: Path) -> ExportResult:
    """Print an issued document again under its own number (marked 重印), into the PDF ``out``.

    Refused when its amounts are no longer the current ones: then a new document is due."""
    require(db, Need.ENTER, "补打文书")
    with db.read() as s:
        doc = s.get(IssuedDocument, document_id)
        if doc is None:
            raise NotFoundError(f"登记簿中没有编号为 {document_id} 的文书。")
        s.expunge(doc)
    info = kind_of(doc.kind)
    if doc.household_id is not None:
        scope = PrintScope(household_ids=(doc.household_id,))
    else:
        scope = scope_from_key(doc.scope, json.loads(doc.snapshot))
    job = PrintJob.start(db, info.kind, scope, None, False)
    if info.kind is DocumentKind.DISCLOSURE:
        document = job.disclosure_document(exact=doc)
    else:
        documents = job.household_documents(job.household_ids, exact=doc)
        if not documents:
            raise nothing_printable(job.skipped, "该户现在不能打印：")
        document = documents[0]
    pages = write_pdf([document], Path(out), job.fonts)
    record_printed(db, [doc.id])
    return ExportResult(info.kind.value, (Path(out),), 1, pages, 0, int(document.reprint), (), job.fonts.note)
