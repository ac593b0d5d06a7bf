"""Printed documents as the window and the CLI call them: prepare, print, export PDFs, reprint, verify, fonts, templates.

The work is in three modules: :mod:`~resettle.services.documents.fonts` (the office's fonts),
:mod:`~resettle.services.documents.job` (the print job: issue and render one run's documents)
and :mod:`~resettle.services.documents.output` (a printer, PDF files, a reprint). This module
names them in one place.
"""

from __future__ import annotations

from resettle.documents.fonts import DocumentFonts
from resettle.documents.kinds import DocumentKind
from resettle.documents.render import PrintableDocument, PrintCancelled, PrinterOutput
from resettle.documents.templates import customise_template, is_customised, restore_default_template, template_source
from resettle.services.documents.fonts import document_font_choices, document_fonts, set_document_font
from resettle.services.documents.job import (
    CHUNK,
    NumberingOutlook,
    PrintRun,
    check_printable,
    numbering_outlook,
    prepare_documents,
)
from resettle.services.documents.output import ExportResult, export_pdf, print_documents, reprint_document
from resettle.services.documents.register import DocumentOptions, IssuedDocumentInfo, list_documents, record_printed
from resettle.services.documents.verify import VerifyResult, verify_document

__all__ = [
    "CHUNK",
    "DocumentFonts",
    "DocumentKind",
    "DocumentOptions",
    "ExportResult",
    "IssuedDocumentInfo",
    "NumberingOutlook",
    "PrintCancelled",
    "PrintRun",
    "PrintableDocument",
    "PrinterOutput",
    "VerifyResult",
    "check_printable",
    "customise_template",
    "document_font_choices",
    "document_fonts",
    "export_pdf",
    "is_customised",
    "list_documents",
    "numbering_outlook",
    "prepare_documents",
    "print_documents",
    "record_printed",
    "reprint_document",
    "restore_default_template",
    "set_document_font",
    "template_source",
    "verify_document",
]
