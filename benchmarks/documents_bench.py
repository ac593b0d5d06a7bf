"""Documents benchmark: 1,000 补偿通知书 into one PDF and into 1,000 files, against bare Qt.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/documents_bench.py [--households 1000] [--db PATH] [--reuse]

The program's path is ``services.documents.export_pdf``: households and lines read in bulk,
documents numbered with codes and snapshots (audited), Jinja templates, then QTextDocument
layout and painting with page furniture (page X of Y, number, code). Each run starts from
the same priced register, so every notice is newly issued.

The bare path renders the very same HTML with nothing else: ``QTextDocument.setHtml`` and
``print_`` to a ``QPdfWriter`` (one writer per file; for the single PDF, the notices'
bodies joined into one document with page breaks). Prints wall and CPU seconds, sizes and
the ratio program / bare (the aim is ≤ 1.3). CPU time is the fairer figure on a shared
machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from common import bench
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from resettle.documents.fonts import DocumentFonts, ensure_gui_app
from resettle.documents.render import PDF_RESOLUTION
from resettle.domain.sample_rates import sample_rate_table
from resettle.domain.township import TownshipDetails
from resettle.services.compensation import computing, rate_tables
from resettle.services.demo.generate import generate_demo
from resettle.services.documents import printing as docs
from resettle.services.register import projects, settings
from resettle.store.audit import Actor
from resettle.store.database import Database

ACTOR = Actor("bench", "bench-host")


@contextmanager
def timed(label: str, results: dict[str, tuple[float, float]]) -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    results[label] = (time.perf_counter() - wall, time.process_time() - cpu)


def priced_register(path: Path, households: int) -> None:
    with Database.open(path, actor=ACTOR, startup_backup=False) as db:
        generate_demo(db, households=households, seed=2026)
        project_id = projects.resolve_project(db, None)
        table = sample_rate_table()
        info = rate_tables.create_rate_table(
            db, table.name, effective_date=table.effective_date, source_doc=table.source_doc, rules=table.rules
        )
        rate_tables.publish_rate_table(db, info.id)
        rate_tables.set_project_rate_table(db, project_id, info.id, transition_months=24)
        computing.compute(db, project_id)
        settings.save_township(
            db,
            TownshipDetails("城东镇", "城东镇征迁办公室", "0571-88881234", "城东镇政府一楼", "0571-88889999"),
        )


def fresh_copy(src: Path, folder: Path, name: str) -> Path:
    dst = folder / name
    shutil.copyfile(src, dst)
    return dst


def size_of(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def writer(path: Path) -> QPdfWriter:
    w = QPdfWriter(str(path))
    w.setResolution(PDF_RESOLUTION)
    w.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QPageLayout().margins())
    )
    return w


def bare_document(html: str, fonts: DocumentFonts) -> QTextDocument:
    text = QTextDocument()
    font = QFont(fonts.body)
    font.setPointSizeF(11)
    text.setDefaultFont(font)
    text.setHtml(html)
    return text


def bare_files(htmls: list[str], folder: Path, fonts: DocumentFonts) -> list[Path]:
    out = []
    for i, html in enumerate(htmls):
        path = folder / f"{i:05d}.pdf"
        bare_document(html, fonts).print_(writer(path))
        out.append(path)
    return out


_BODY = re.compile(r"<body>(.*)</body>", re.S)


def bare_book(htmls: list[str], path: Path, fonts: DocumentFonts) -> Path:
    head = htmls[0][: htmls[0].index("<body>")]
    bodies = [m.group(1) for m in map(_BODY.search, htmls) if m is not None]
    joined = '<p style="page-break-before: always;"></p>'.join(bodies)
    bare_document(f"{head}<body>{joined}</body></html>", fonts).print_(writer(path))
    return path


def report(
    label: str, program: tuple[float, float], bare: tuple[float, float], size: int, bare_size: int, n: int
) -> None:
    wall, cpu = program
    b_wall, b_cpu = bare
    print(
        f"{label:<22} program {wall:7.1f} s wall / {cpu:6.1f} s CPU ({n / wall:5.1f} notices/s), "
        f"{size / 1e6:7.1f} MB | bare Qt {b_wall:6.1f} s wall / {b_cpu:6.1f} s CPU, {bare_size / 1e6:7.1f} MB | "
        f"ratio {wall / b_wall:4.2f} wall, {cpu / b_cpu:4.2f} CPU"
    )
    bench(f"{n:,} notices, {label} vs bare Qt render", wall, b_wall, "≤ 1.3×")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/documents-bench.sqlite3"))
    parser.add_argument("--reuse", action="store_true", help="keep an existing priced register")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_gui_app()
    n = args.households
    if not (args.reuse and args.db.exists()):
        args.db.unlink(missing_ok=True)
        args.db.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        priced_register(args.db, n)
        print(f"priced register of {n:,} households in {time.perf_counter() - started:.1f} s: {args.db}")
    results: dict[str, tuple[float, float]] = {}
    progress: Callable[[int, int], None] | None = None
    with tempfile.TemporaryDirectory(prefix="documents-bench-") as tmp:
        work = Path(tmp)
        path = fresh_copy(args.db, work, "one.sqlite3")
        with Database.open(path, actor=ACTOR, startup_backup=False) as db:
            project_id = projects.resolve_project(db, None)
            book = work / "notices.pdf"
            with timed("program one PDF", results):
                one = docs.export_pdf(db, "notice", book, project_id=project_id, progress=progress)
            fonts = docs.document_fonts(db)
            # The very HTML the program printed (numbers reused: nothing new is issued here).
            run = docs.prepare_documents(db, "notice", project_id=project_id)
            htmls = [d.parts[0] for d in run.documents]
        assert one.documents == n == len(htmls) and one.issued == n, (one, len(htmls))

        path = fresh_copy(args.db, work, "files.sqlite3")
        with Database.open(path, actor=ACTOR, startup_backup=False) as db, timed("program files", results):
            many = docs.export_pdf(db, "notice", work / "files", project_id=project_id, one_per_household=True)
        assert len(many.files) == n

        with timed("bare one PDF", results):
            bare_one = bare_book(htmls, work / "bare.pdf", fonts)
        (work / "bare-files").mkdir()
        with timed("bare files", results):
            bare_many = bare_files(htmls, work / "bare-files", fonts)

        print(f"{n:,} notices, {one.pages:,} pages, font {fonts.body}")
        report("one PDF", results["program one PDF"], results["bare one PDF"], book.stat().st_size,
               bare_one.stat().st_size, n)  # fmt: skip
        report("one file per household", results["program files"], results["bare files"], size_of(list(many.files)),
               size_of(bare_many), n)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
