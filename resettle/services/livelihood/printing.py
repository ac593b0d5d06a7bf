"""Printable livelihood documents (PDF): the monitoring report and a course roster.

Rendered from ``resources/templates/monitoring.html`` and ``course_roster.html`` (an
office's own copy in the template folder wins, as for the other documents) with the
shared QTextDocument → QPdfWriter painter. They are lists, not numbered documents, so
they carry no document number or verification code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from resettle.documents.fonts import DocumentFonts, resolve_fonts
from resettle.documents.render import PrintableDocument, write_pdf
from resettle.io.livelihood_export import FIGURE_COLUMNS
from resettle.io.livelihood_records import CourseLine, CourseSheet, MonitoringData
from resettle.services.documents.fonts import render_template

__all__ = ["course_roster_pdf", "monitoring_html", "monitoring_pdf"]


def _bars(data: MonitoringData) -> list[dict[str, Any]]:
    top = max((v.figures.working_age for v in data.villages), default=0) or 1
    return [
        {
            "village": v.village,
            "working_age": v.figures.working_age,
            "employed": v.figures.employed,
            "working_pct": round(75 * v.figures.working_age / top),
            "employed_pct": round(75 * v.figures.employed / top),
            "rate": v.figures.employment_rate,
        }
        for v in data.villages
    ]


def _figure_view(figures: Any) -> dict[str, Any]:
    """A Figures as a dict: the template reads ``v.figures[key]`` by column key (Jinja reads dict keys as attributes)."""
    out = {key: getattr(figures, key) for key, _label, _w in FIGURE_COLUMNS}
    out["ss_enrolled"] = figures.ss_enrolled
    return out


def monitoring_html(data: MonitoringData, fonts: DocumentFonts) -> str:
    view = {
        "project": data.project,
        "reference_date": data.reference_date,
        "total": _figure_view(data.total),
        "villages": [{"village": v.village, "figures": _figure_view(v.figures)} for v in data.villages],
        "months": data.months,
        "bands": data.bands,
    }
    columns = [(key, label) for key, label, _w in FIGURE_COLUMNS]
    return render_template(
        "monitoring.html", "监测报表", {"data": view, "columns": columns, "bars": _bars(data), "fonts": fonts}
    )


def monitoring_pdf(data: MonitoringData, out: Path, fonts: DocumentFonts | None = None, *, demo: bool = False) -> Path:
    """``demo``: printed from the demo register (every page says 演示数据)."""
    fonts = fonts or resolve_fonts()
    html = monitoring_html(data, fonts)
    doc = PrintableDocument("monitoring", f"{data.project}监测月报", (html,), "", "", landscape=True, demo=demo)
    write_pdf([doc], Path(out), fonts)
    return Path(out)


def course_roster_pdf(
    project: str,
    course: CourseSheet,
    rows: Sequence[CourseLine],
    out: Path,
    fonts: DocumentFonts | None = None,
    *,
    demo: bool = False,
) -> Path:
    fonts = fonts or resolve_fonts()
    html = render_template(
        "course_roster.html", "学员花名册", {"project": project, "course": course, "rows": rows, "fonts": fonts}
    )
    doc = PrintableDocument("course_roster", f"{course.name}学员花名册", (html,), "", "", landscape=True, demo=demo)
    write_pdf([doc], Path(out), fonts)
    return Path(out)
