"""Livelihood benchmark: 100,000 persons — social-security roster, reconciliation of a 100,000-row reply,
and matching 2,000 places.

Usage: python benchmarks/livelihood_bench.py [--households 27000] [--places 2000] [--db PATH] [--reuse]

Each step is timed through the program's service (what the clerk's click does: role check,
reference date, land-lost test, band by sex and age, audit for what it writes) and
against the raw library doing the same work:

- roster: one plain ``sqlite3`` join of the same persons, the band found in a dict by
  (sex, age), the same columns written with bare xlsxwriter;
- reconciliation: the reply read with bare python-calamine and joined ID by ID with a
  dict of the roster rows (no outcome kept, no workbook);
- matching: the program's minimum-cost maximum matching against a first-come greedy pass
  over the same qualified people (plain loops), with the places each fills.

Prints seconds and the ratio (program ÷ raw) per step.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

import openpyxl
import python_calamine
import xlsxwriter
from common import bench

from resettle.domain.labour import age_on
from resettle.domain.matching import Candidate, Post, Proposal, greedy_first_come, match
from resettle.services.demo.generate import generate_demo
from resettle.services.livelihood import jobs, labour, social_security
from resettle.services.livelihood.common import load_people
from resettle.store.database import Database

STANDARD = Path(__file__).resolve().parents[2] / "shared" / "data" / "wave2" / "ss_standard.xlsx"
REFERENCE = date(2026, 3, 31)
BANDS = [
    ("第一年龄段", "男", 0, 16), ("第一年龄段", "女", 0, 16), ("第二年龄段", "男", 16, 40), ("第二年龄段", "女", 16, 35),
    ("第三年龄段", "男", 40, 60), ("第三年龄段", "女", 35, 50), ("第四年龄段", "男", 60, 200), ("第四年龄段", "女", 50, 200),
]  # fmt: skip


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"  {label:<46} {seconds:8.2f} s")
    return result, seconds


def raw_roster(path: Path, out: Path) -> int:
    conn = sqlite3.connect(path)
    band = {(sex, a): name for name, sex, lo, hi in BANDS for a in range(lo, min(hi, 130))}
    benefit = {"第一年龄段": ("一次性生活补助", 6000), "第二年龄段": ("缴费补贴", 26000), "第三年龄段": ("缴费补贴", 41000),
               "第四年龄段": ("按月领取", 52000)}  # fmt: skip
    rows = conn.execute(
        "SELECT p.name, p.id_number, p.sex, p.birth_date, v.name, g.name, h.household_no "
        "FROM person p JOIN household h ON h.id = p.household_id JOIN village_group g ON g.id = h.group_id "
        "JOIN village v ON v.id = g.village_id WHERE h.project_id = 1 "
        "AND EXISTS (SELECT 1 FROM land_parcel l WHERE l.household_id = h.id AND l.area_mu > 0) "
        "ORDER BY v.id, g.id, h.household_no, p.seq"
    ).fetchall()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = book.add_worksheet("花名册")
    for r, (name, idn, sex, birth, village, group, hno) in enumerate(rows, 3):  # the same 12 columns
        b = date.fromisoformat(birth)
        age = age_on(b, REFERENCE)
        which = band.get((sex, age), "")
        what, amount = benefit.get(which, ("", 0))
        ws.write_number(r, 0, r - 2)
        ws.write_string(r, 1, name)
        ws.write_string(r, 2, idn)
        ws.write_string(r, 3, sex)
        ws.write_string(r, 4, birth)
        ws.write_number(r, 5, age)
        ws.write_string(r, 6, which)
        ws.write_string(r, 7, what)
        ws.write_number(r, 8, amount)
        ws.write_string(r, 9, village)
        ws.write_string(r, 10, group)
        ws.write_string(r, 11, hno)
    book.close()
    conn.close()
    return len(rows)


def make_reply(roster_rows: list[social_security.RosterRow], out: Path, seed: int = 14) -> int:
    """The bureau's reply: every roster row but 1 %, 1 % refused, 0.5 % with another band, 200 outsiders."""
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = book.add_worksheet("回执")
    ws.write_string(0, 0, "被征地农民养老保障审核回执")
    for c, h in enumerate(("序号", "姓名", "身份证号码", "年龄段", "审核结果", "备注")):
        ws.write_string(1, c, h)
    r = 2
    for row in roster_rows:
        roll = rng.random()
        if roll < 0.01:
            continue
        idn = row.id_number if rng.random() > 0.05 else " " + row.id_number.replace("X", "x") + " "
        ws.write_number(r, 0, r - 1)
        ws.write_string(r, 1, row.name)
        ws.write_string(r, 2, idn)
        ws.write_string(r, 3, "第一年龄段" if roll < 0.015 else row.band)
        ws.write_string(r, 4, "不通过" if 0.015 <= roll < 0.025 else "通过")
        ws.write_string(r, 5, "已参加城镇职工养老保险" if 0.015 <= roll < 0.025 else "")
        r += 1
    for k in range(200):
        ws.write_number(r, 0, r - 1)
        ws.write_string(r, 1, f"外来{k}")
        ws.write_string(r, 2, f"99{k:016d}")
        ws.write_string(r, 3, "第二年龄段")
        ws.write_string(r, 4, "通过")
        r += 1
    book.close()
    return r - 2


def raw_reconcile(path: Path, reply: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    band = {(sex, a): name for name, sex, lo, hi in BANDS for a in range(lo, min(hi, 130))}
    ours = {}
    for name, idn, sex, birth in conn.execute(
        "SELECT p.name, p.id_number, p.sex, p.birth_date FROM person p JOIN household h ON h.id = p.household_id "
        "WHERE h.project_id = 1"
    ):
        ours[idn] = (name, band.get((sex, age_on(date.fromisoformat(birth), REFERENCE)), ""))
    conn.close()
    sheet = python_calamine.CalamineWorkbook.from_path(str(reply)).get_sheet_by_name("回执").to_python()
    counts = dict.fromkeys(
        ("matched", "name_differs", "band_differs", "refused", "missing_in_reply", "unknown_in_reply"), 0
    )
    seen = set()
    for row in sheet[2:]:
        idn = "".join(str(row[2]).split()).upper()
        seen.add(idn)
        mine = ours.get(idn)
        if mine is None:
            counts["unknown_in_reply"] += 1
        elif row[4] != "通过":
            counts["refused"] += 1
        elif row[1] != mine[0]:
            counts["name_differs"] += 1
        elif row[3] != mine[1]:
            counts["band_differs"] += 1
        else:
            counts["matched"] += 1
    counts["missing_in_reply"] = sum(1 for idn in ours if idn not in seen)
    return counts


def raw_match(path: Path, posts: list[Post]) -> tuple[list[Candidate], list[Proposal]]:
    """The same people read with plain sqlite3 (age, working age, status), then first-come greedy."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT p.id, p.name, p.sex, p.birth_date, coalesce(l.state, '') FROM person p "
        "JOIN household h ON h.id = p.household_id LEFT JOIN labour_person l ON l.person_id = p.id "
        "WHERE h.project_id = 1 AND EXISTS (SELECT 1 FROM land_parcel x WHERE x.household_id = h.id AND x.area_mu > 0)"
    ).fetchall()
    conn.close()
    cands = []
    for pid, name, sex, birth, state in rows:
        age = age_on(date.fromisoformat(birth), REFERENCE)
        cands.append(Candidate(pid, name, sex, age, 16 <= age < (50 if sex == "女" else 60), state, True))
    return cands, greedy_first_come(posts, cands)


def make_posts(places: int, out: Path, seed: int = 5) -> int:
    rng = random.Random(seed)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "岗位"
    ws.append(["企业", "岗位", "类别", "人数", "最低年龄", "最高年龄", "性别要求", "证书要求", "月薪(元)"])
    kinds = ("保洁", "保安", "仓储", "餐饮", "电工", "家政")
    left, n = places, 0
    while left > 0:
        k = min(left, rng.randint(10, 80))
        kind = rng.choice(kinds)
        ws.append([f"企业{n // 5}", f"{kind}岗{n}", kind, k, rng.choice([16, 18, 20]), rng.choice([45, 50, 55, 58]),
                   rng.choice(["", "", "男", "女"]), "", rng.randint(2500, 5000)])  # fmt: skip
        left -= k
        n += 1
    book.save(out)
    return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=27_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--db", default="")
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="livelihood-bench-"))
    path = Path(args.db) if args.db else folder / "bench.sqlite3"
    fresh = not (args.reuse and path.exists())
    with Database.open(path, startup_backup=False) as db:
        if fresh:
            t = time.perf_counter()
            generate_demo(db, households=args.households, seed=2026)
            social_security.import_standard(db, 1, STANDARD, publish=True)
            labour.set_settings(db, 1, reference=REFERENCE)
            print(f"register: {args.households:,} households in {time.perf_counter() - t:.1f} s")
        with db.read() as s:
            persons = len(load_people(s, 1, REFERENCE))
        print(f"persons: {persons:,}")

        print("roster")
        result, ours = timed(
            "program (write_roster)", lambda: social_security.write_roster(db, 1, folder / "roster.xlsx")
        )
        n, raw = timed("raw (sqlite3 join + dict + xlsxwriter)", lambda: raw_roster(path, folder / "raw.xlsx"))
        assert n == result.persons
        print(f"  ratio {ours / raw:.2f}")
        bench(f"social-security roster of {persons:,} persons vs raw sqlite3+xlsxwriter", ours, raw)

        reply = folder / "reply.xlsx"
        rows = make_reply(list(result.rows), reply)
        print(f"reconciliation of a {rows:,}-row reply")
        rec, ours = timed("program (reconcile, outcomes kept)", lambda: social_security.reconcile(db, 1, reply))
        counts, raw = timed("raw (calamine + dict join)", lambda: raw_reconcile(path, reply))
        assert counts == rec.counts, (counts, rec.counts)
        print(f"  {rec.counts}")
        print(f"  ratio {ours / raw:.2f}")
        bench(f"reconcile a {rows:,}-row reply vs calamine + dict join", ours, raw)
        _again, ours2 = timed("program again (nothing changes)", lambda: social_security.reconcile(db, 1, reply))
        print(f"  ratio {ours2 / raw:.2f}")
        bench(f"reconcile the same reply again (nothing changes), {rows:,} rows", ours2, raw)

        print(f"matching {args.places:,} places")
        made = make_posts(args.places, folder / "posts.xlsx")
        jobs.import_posts(db, 1, folder / "posts.xlsx")
        proposals, ours = timed(
            f"program ({made} posts, min-cost maximum matching)", lambda: jobs.match_jobs(db, 1, REFERENCE, save=False)
        )
        posts = [Post(p.id, p.enterprise, p.post, p.kind, p.places, p.min_age, p.max_age, p.sex, p.certificate)
                 for p in jobs.list_posts(db, 1)]  # fmt: skip
        (cands, greedy), raw = timed("raw (sqlite3 rows + first-come greedy)", lambda: raw_match(path, posts))
        solo, solo_s = timed("domain match() alone on the same candidates", lambda: match(posts, cands))
        print(f"  places filled: program {len(proposals):,}, greedy {len(greedy):,}, domain {len(solo):,}")
        print(f"  ratio {ours / raw:.2f} (domain alone {solo_s / raw:.2f})")
        bench(f"job matching, {args.places:,} places (optimal) vs first-come greedy", ours, raw)


if __name__ == "__main__":
    main()
