"""Printing a grievance's receipt (受理回执) and answer letter (答复意见书), exporting the grievance log."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Literal

from resettle.documents.data import issuer_of
from resettle.documents.render import PrintableDocument, write_pdf
from resettle.errors import ValidationError
from resettle.io.grievance_log import GrievanceLogRow, write_grievance_log
from resettle.services.accounts.guard import Need, require
from resettle.services.demo.register import is_demo
from resettle.services.documents.fonts import document_fonts, render_template
from resettle.services.documents.ready import refuse_unless_ready
from resettle.services.procedure.grievances import GrievanceView, get_grievance, list_grievances
from resettle.services.register.projects import get_project, township_for
from resettle.store.audit import chain_head
from resettle.store.database import Database

__all__ = ["LETTERS", "export_grievance_log", "grievance_letter_html", "print_grievance_letter"]

Letter = Literal["receipt", "answer"]
LETTERS: dict[str, tuple[str, str]] = {
    "receipt": ("grievance_receipt.html", "受理回执"),
    "answer": ("grievance_answer.html", "答复意见书"),
}


def grievance_letter_html(db: Database, project_id: int, grievance_id: int, letter: str) -> tuple[str, GrievanceView]:
    require(db, Need.READ, "打印信访文书")
    if letter not in LETTERS:
        raise ValidationError(
            f"没有「{letter}」这种信访文书（可选：receipt 受理回执、answer 答复意见书）", field="文书"
        )
    g = get_grievance(db, project_id, grievance_id)
    if letter == "answer" and g.closed_on is None:
        raise ValidationError(f"信访 {g.number} 尚未办结，不能打印答复意见书", field="文书")
    template, title = LETTERS[letter]
    township = township_for(db, project_id)
    # A letter handed to the petitioner is an official paper: it names its issuer, never 「（征收实施单位）」.
    refuse_unless_ready("grievance", title, township, draft=False)
    fonts = document_fonts(db)
    context = {
        "g": g,
        "project": get_project(db, project_id).details.name,
        "issuer": issuer_of(township),
        "township": township,
        "fonts": fonts,
    }
    return render_template(template, title, context), g


def print_grievance_letter(db: Database, project_id: int, grievance_id: int, letter: str, out: Path) -> Path:
    """The receipt or the answer letter as a PDF."""
    require(db, Need.READ, "打印信访文书")
    html, g = grievance_letter_html(db, project_id, grievance_id, letter)
    title = LETTERS[letter][1]
    doc = PrintableDocument(
        kind=f"grievance_{letter}",
        title=title,
        parts=(html,),
        number=g.number,
        code="—",  # not in the document register: no verification code
        landscape=False,
        household_id=g.household_id,
        file_stem=f"{g.number}_{title}",
        demo=is_demo(db),
    )
    write_pdf([doc], out, document_fonts(db))
    return out


def export_grievance_log(db: Database, project_id: int, out: Path, today: date | None = None) -> int:
    """The project's grievance log as a workbook; overdue rows are printed in red."""
    require(db, Need.READ, "导出信访台账")
    project = get_project(db, project_id).details.name
    rows = [
        GrievanceLogRow(
            **{f.name: getattr(g, f.name) for f in dataclasses.fields(GrievanceLogRow) if f.name not in ("subject",)},
            subject=" ".join(x for x in (g.subject_kind, g.household_no, g.posting_title, g.subject) if x),
        )
        for g in list_grievances(db, project_id, today)
    ]
    with db.read() as s:
        head = chain_head(s.connection())
    return write_grievance_log(out, f"{project} 信访登记台账", rows, head)
