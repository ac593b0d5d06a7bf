"""A realistic demo project, generated in bulk (fast enough for a million households).

Rows go in through the driver's ``executemany`` (the ORM's per-object path is ~6× slower)
with their seals, and one audit entry per household in the same transaction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from resettle.domain.ids import check_character
from resettle.domain.pinyin import initials
from resettle.errors import Cancelled, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.store import audit
from resettle.store.bulk import CHUNK, BulkWriter
from resettle.store.database import Database
from resettle.store.models import (
    ImportBatch,
    Project,
    Village,
    VillageGroup,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强海燕春梅建华金凤文秀丹辉鹏飞晓东云波根生林玲琴斌淑顺胜松"
VILLAGE_FIRST = "东西南北上下前后新老高石金青白红杨柳桃龙"
VILLAGE_SECOND = "岗岭塘坞桥源潭湾沙山口庄湖林园坝堰溪埠畈"
LAND_CLASSES = ("水田", "旱地", "园地", "林地", "其他农用地")
STRUCTURE_TYPES = ("框架", "砖混", "砖木", "简易")
REGIONS = ("330802", "330803", "330881", "330822", "330824", "330825", "430502", "510124", "321283")
BANKS = ("农村商业银行", "中国农业银行", "中国邮政储蓄银行", "中国建设银行")


@dataclass(frozen=True)
class DemoResult:
    project_id: int
    households: int
    persons: int
    batch_id: int


DemoCancelled = Cancelled  # the one cancellation error (issue 9); the old name stays for callers


class _IdMaker:
    """Unique valid IDs: a sequence counter per (region, birth date, sex)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: dict[tuple[str, date, int], int] = {}

    def make(self, birth: date, male: bool) -> str:
        for _ in range(len(REGIONS)):
            region = self.rng.choice(REGIONS)
            key = (region, birth, int(male))
            n = self.used.get(key, self.rng.randrange(0, 40))
            if n < 499:
                self.used[key] = n + 1
                seq = n * 2 + (1 if male else 0)
                first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
                return first17 + check_character(first17)
            birth = birth + timedelta(days=1)
        raise RuntimeError("ID space exhausted")


def _name(rng: random.Random, surname: str | None = None) -> str:
    s = surname or rng.choice(SURNAMES)
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return s + given


def _luhn_account(rng: random.Random) -> str:
    body = "622848" + "".join(rng.choice("0123456789") for _ in range(12))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _birth(rng: random.Random, age: int, ref: date) -> date:
    return ref - timedelta(days=age * 365 + rng.randrange(0, 365))


def _village_names(n: int) -> list[str]:
    names = [a + b + "村" for a in VILLAGE_FIRST for b in VILLAGE_SECOND]
    if n > len(names):
        raise ValidationError(f"演示数据最多 {len(names)} 个村", field="--households")
    return names[:n]


def _plan(households: int) -> list[tuple[str, list[int]]]:
    """Villages with their groups' household counts (≤ 999 households a group)."""
    per_group = 30 if households <= 2_000 else 60 if households <= 20_000 else 500
    n_groups = max(1, -(-households // per_group))
    groups_per_village = min(n_groups, 4 if households <= 2_000 else 8)
    n_villages = -(-n_groups // groups_per_village)
    names = _village_names(n_villages)
    plan: list[tuple[str, list[int]]] = []
    left = households
    for v in range(n_villages):
        sizes: list[int] = []
        for _ in range(groups_per_village):
            if left <= 0:
                break
            take = min(per_group, left)
            sizes.append(take)
            left -= take
        plan.append((names[v], sizes))
    return plan


def _free_name(s: Session, name: str) -> str:
    """``name``, or ``name（2）`` … when a project has it (a second demo project must be told apart)."""
    taken = set(s.scalars(select(Project.name).where(Project.name.startswith(name))))
    n, free = 2, name
    while free in taken:
        free, n = f"{name}（{n}）", n + 1
    return free


def generate_demo(
    db: Database,
    households: int = 300,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoResult:
    require(db, Need.ENTER, "生成演示数据")
    if households < 1 or households > 5_000_000:
        raise ValidationError("户数应在 1 到 5,000,000 之间", field="--households")
    rng = random.Random(seed)
    ref = date(2026, 3, 1)
    try:
        with db.write(reason=f"生成演示数据（{households} 户，种子 {seed}）") as s:
            project = Project(
                name=_free_name(s, "城东产业园区建设项目"),
                approval_no="浙政土〔2026〕118号",
                approval_date=date(2026, 5, 20),
                cutoff_date=ref,
                remarks="演示数据",
            )
            s.add(project)
            s.flush()
            group_ids: list[tuple[int, str, int]] = []
            for vname, sizes in _plan(households):
                v = Village(project_id=project.id, name=vname)
                s.add(v)
                s.flush()
                for gi, size in enumerate(sizes, start=1):
                    g = VillageGroup(village_id=v.id, name=f"{_cn_number(gi)}组")
                    s.add(g)
                    s.flush()
                    group_ids.append((g.id, vname[:2] + f"{gi:02d}", size))
            batch = ImportBatch(
                kind="demo",
                file_name=f"演示数据（{households} 户，随机种子 {seed}）",
                households=households,
                user=db.actor.user,
                host=db.actor.host,
                created_at=datetime.now(),
            )
            s.add(batch)
            s.flush()
            conn = s.connection()
            writer = _DemoWriter(conn, rng, project.id, batch.id, db.actor)
            done = 0
            for gid, prefix, size in group_ids:
                for n in range(1, size + 1):
                    writer.household(gid, f"{prefix}{n:03d}", ref)
                    done += 1
                    if done % CHUNK == 0:
                        if progress:
                            progress(done, households)
                        if cancelled and cancelled():
                            raise DemoCancelled("已取消，未生成任何数据。")
            writer.flush()
            s.execute(
                text("UPDATE import_batch SET persons = :n WHERE id = :id"),
                {"n": writer.persons, "id": batch.id},
            )
            if progress:
                progress(households, households)
            return DemoResult(project.id, households, writer.persons, batch.id)
    except IntegrityError as exc:
        raise ValidationError(
            "演示数据与库中已有数据冲突（户号或身份证号重复），请换一个 --seed 或使用新数据库。"
        ) from exc


def _cn_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


class _DemoWriter(BulkWriter):
    """Generates one household at a time into the bulk writer."""

    def __init__(self, conn: Connection, rng: random.Random, project_id: int, batch_id: int, actor: audit.Actor):
        super().__init__(conn, actor, batch_id, reason="演示数据")
        self.rng, self.project_id = rng, project_id
        self.ids = _IdMaker(rng)
        self.persons = 0

    def household(self, group_id: int, household_no: str, ref: date) -> None:
        rng = self.rng
        surname = rng.choice(SURNAMES)
        head_age = rng.randint(28, 80)
        head_male = rng.random() < 0.8
        head = _name(rng, surname)
        members: list[tuple[str, str, bool, int]] = [(head, "户主", head_male, head_age)]
        if rng.random() < 0.85:
            members.append((_name(rng), "配偶", not head_male, max(22, head_age + rng.randint(-5, 5))))
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            male = rng.random() < 0.5
            age = max(0, head_age - rng.randint(22, 35))
            members.append((_name(rng, surname if head_male else None), "子" if male else "女", male, age))
        if head_age < 55 and rng.random() < 0.25:
            members.append((_name(rng, surname), "母亲", False, head_age + rng.randint(22, 30)))
        tags = ""
        r = rng.random()
        if r < 0.03:
            tags = "低保户"
        elif r < 0.04:
            tags = "五保户"
        elif r < 0.06:
            tags = "残疾"
        phone = "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))
        hid = self.add(
            "household",
            {
                "project_id": self.project_id,
                "group_id": group_id,
                "household_no": household_no,
                "head_name": head,
                "head_initials": initials(head),
                "phone": phone,
                "address": f"{household_no[:2]}村{rng.randint(1, 300)}号",
                "bank_name": rng.choice(BANKS),
                "bank_account": _luhn_account(rng),
                "tags": tags,
                "status": "已调查",
                "remarks": "",
                "batch_id": self.batch_id,
                "updated_at": None,
            },
        )
        for seq, (name, relation, male, age) in enumerate(members, start=1):
            birth = _birth(rng, age, ref)
            self.add(
                "person",
                {
                    "household_id": hid,
                    "seq": seq,
                    "name": name,
                    "name_initials": initials(name),
                    "id_number": self.ids.make(birth, male),
                    "relation": relation,
                    "sex": "男" if male else "女",
                    "birth_date": birth.isoformat(),
                    "hukou_type": "农业",
                    "resettled": 1,
                },
            )
        self.persons += len(members)
        for seq in range(1, rng.choice((1, 1, 2)) + 1):
            self.add(
                "land_parcel",
                {
                    "household_id": hid,
                    "seq": seq,
                    "parcel_no": f"{household_no}-{seq}",
                    "land_class": rng.choice(LAND_CLASSES),
                    "area_mu": rng.randint(20, 500) * 100,  # 0.20–5.00 亩, stored in 10^-4 亩
                    "contract_no": f"HT{household_no}",
                },
            )
        for seq in range(1, rng.choice((0, 1, 1, 1, 2)) + 1):
            self.add(
                "structure",
                {
                    "household_id": hid,
                    "seq": seq,
                    "use": "住宅" if seq == 1 else "附属用房",
                    "structure_type": rng.choice(STRUCTURE_TYPES),
                    "floor_area_m2": rng.randint(3000, 30000),
                    "legal_status": "合法" if rng.random() < 0.95 else "违法",
                    "year_built": rng.randint(1980, 2020),
                    "decoration_value": rng.randint(0, 50000) * 100,
                },
            )
        seq = 0
        for kind, unit, chance, low, high in (
            ("果树", "棵", 0.5, 1, 40),
            ("水井", "口", 0.2, 1, 1),
            ("围墙", "米", 0.3, 5, 60),
        ):
            if rng.random() < chance:
                seq += 1
                self.add(
                    "attachment",
                    {
                        "household_id": hid,
                        "seq": seq,
                        "kind": kind,
                        "spec": "",
                        "quantity": rng.randint(low, high) * 100,
                        "unit": unit,
                    },
                )
        self.created(hid, f"户号 {household_no}，户主 {head}，{len(members)} 人")


def demo_township(db: Database) -> None:
    """Township details for the demo's printed documents (kept if the office already set its own)."""
    require(db, Need.ENTER, "生成演示数据")
    from resettle.domain.township import TownshipDetails
    from resettle.services.register.settings import get_township, save_township

    if get_township(db).township:
        return
    save_township(db, TownshipDetails(township="城东镇", office="城东镇征迁办公室", phone="0579-8888 1234",
                                      signing_place="城东镇人民政府二楼征迁办", complaint_phone="0579-8888 1235"))  # fmt: skip


def demo_compensation(db: Database, project_id: int, transition_months: int = 18, *, age_bands: bool = False) -> None:
    """Give a demo project the sample rate table (published) and compute every household once; with
    ``age_bands`` its 社保费用 follows the project's published social-security standard (publish it first)."""
    require(db, Need.ENTER, "生成演示数据")
    from resettle.domain.sample_rates import sample_rate_table
    from resettle.services.compensation import computing, rate_tables

    table = sample_rate_table(age_bands=age_bands)
    info = rate_tables.create_rate_table(
        db, table.name, effective_date=table.effective_date, source_doc=table.source_doc, rules=table.rules
    )
    rate_tables.publish_rate_table(db, info.id)
    rate_tables.set_project_rate_table(db, project_id, info.id, transition_months=transition_months)
    computing.compute(db, project_id)
