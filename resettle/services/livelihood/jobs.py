"""Jobs in park enterprises: the 岗位 import, matching people to places, referrals 推荐 → 面试 → 录用 / 未录用."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.domain.labour import STATE_EMPLOYED
from resettle.domain.matching import Candidate, Post, match
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.io.livelihood_sheets import PostTerms, read_posts
from resettle.services.accounts.guard import Need, require
from resettle.services.common import view_of
from resettle.services.livelihood.common import LivelihoodImportError, load_people, project_name, reference_date
from resettle.services.livelihood.labour import ImportSummary, apply_state
from resettle.services.livelihood.training import certificates_by_person
from resettle.store.database import Database
from resettle.store.livelihood_models import JobPost, Referral
from resettle.store.models import Household, Person

__all__ = [
    "NEXT_STATES",
    "OPEN_STATES",
    "PostInfo",
    "ReferralProposal",
    "ReferralView",
    "import_posts",
    "list_posts",
    "list_referrals",
    "match_jobs",
    "set_referral_status",
]

OPEN_STATES = ("推荐", "面试")
TAKING_STATES = ("推荐", "面试", "录用")  # a referral in these holds one of the post's places
NEXT_STATES = {"推荐": ("面试", "录用", "未录用"), "面试": ("录用", "未录用"), "录用": (), "未录用": ()}


@dataclass(frozen=True)
class PostInfo(PostTerms):
    id: int
    referred: int  # places held by open referrals
    hired: int


@dataclass(frozen=True)
class ReferralProposal:
    post_id: int
    enterprise: str
    post: str
    person_id: int
    id_number: str
    name: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ReferralView:
    id: int
    post_id: int
    enterprise: str
    post: str
    person_id: int
    name: str
    id_number: str
    status: str
    reasons: tuple[str, ...]
    referred_on: date | None
    decided_on: date | None
    note: str


def import_posts(db: Database, project_id: int, path: Path) -> ImportSummary:
    """The 岗位 sheet: posts added or updated by enterprise and post name; all or nothing."""
    require(db, Need.ENTER, "导入岗位")
    read = read_posts(Path(path))
    if read.errors:
        raise LivelihoodImportError("岗位表", read.errors)
    added = changed = 0
    with db.write(reason=f"导入岗位：{Path(path).name}") as s:
        project_name(s, project_id)
        existing = {
            (p.enterprise, p.post): p for p in s.scalars(select(JobPost).where(JobPost.project_id == project_id))
        }
        for r in read.rows:
            post = existing.get((r.enterprise, r.post))
            values = (r.kind, r.places, r.min_age, r.max_age, r.sex, r.certificate, r.wage)
            if post is None:
                post = JobPost(project_id=project_id, enterprise=r.enterprise, post=r.post)
                s.add(post)
                added += 1
            elif (post.kind, post.places, post.min_age, post.max_age, post.sex, post.certificate, post.wage) != values:
                changed += 1
            post.kind, post.places, post.min_age, post.max_age, post.sex, post.certificate, post.wage = values
    return ImportSummary(project_id, len(read.rows), added, changed, len(read.rows) - added - changed, ())


def _post_counts(s: Session, project_id: int) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    for post_id, status, n in s.execute(
        select(Referral.post_id, Referral.status, func.count())
        .join(JobPost)
        .where(JobPost.project_id == project_id)
        .group_by(Referral.post_id, Referral.status)
    ):
        out.setdefault(post_id, {})[status] = int(n)
    return out


def list_posts(db: Database, project_id: int) -> list[PostInfo]:
    require(db, Need.READ, "查看岗位")
    with db.read() as s:
        project_name(s, project_id)
        counts = _post_counts(s, project_id)
        return [
            view_of(
                PostInfo,
                p,
                referred=sum(counts.get(p.id, {}).get(k, 0) for k in OPEN_STATES),
                hired=counts.get(p.id, {}).get("录用", 0),
            )
            for p in s.scalars(select(JobPost).where(JobPost.project_id == project_id).order_by(JobPost.id))
        ]


def _proposals(s: Session, project_id: int, on: date) -> list[ReferralProposal]:
    counts = _post_counts(s, project_id)
    rows = list(s.scalars(select(JobPost).where(JobPost.project_id == project_id).order_by(JobPost.id)))
    posts = [
        Post(
            p.id,
            p.enterprise,
            p.post,
            p.kind,
            max(p.places - sum(counts.get(p.id, {}).get(k, 0) for k in TAKING_STATES), 0),
            p.min_age,
            p.max_age,
            p.sex,
            p.certificate,
        )
        for p in rows
    ]
    busy = set(
        s.scalars(
            select(Referral.person_id)
            .join(JobPost)
            .where(JobPost.project_id == project_id, Referral.status.in_(TAKING_STATES))
        )
    )
    trained = certificates_by_person(s, project_id)
    people = {p.id: p for p in load_people(s, project_id, on)}
    candidates = [
        Candidate(
            key=p.id,
            name=p.name,
            sex=p.sex,
            age=p.age,
            working_age=p.working_age,
            state=p.state,
            land_lost=p.land_lost,
            trained_kinds=trained.get(p.id, (frozenset(), frozenset()))[0],
            certificates=trained.get(p.id, (frozenset(), frozenset()))[1],
            unemployed_days=(on - p.unemployed_since).days if p.unemployed_since and p.unemployed_since <= on else 0,
        )
        for p in people.values()
        if p.id not in busy
    ]
    by_id = {p.key: p for p in posts}
    return [
        ReferralProposal(
            x.post_key,
            by_id[x.post_key].enterprise,
            by_id[x.post_key].post,
            x.candidate_key,
            people[x.candidate_key].id_number,
            people[x.candidate_key].name,
            x.reasons,
        )
        for x in match(posts, candidates)
    ]


def match_jobs(db: Database, project_id: int, on: date | None = None, *, save: bool = True) -> list[ReferralProposal]:
    """Propose people for the places still open; with ``save`` they are recorded as 推荐 referrals."""
    require(db, Need.ENTER if save else Need.READ, "推荐就业岗位" if save else "查看岗位匹配")
    if not save:
        with db.read() as s:
            project_name(s, project_id)
            return _proposals(s, project_id, reference_date(s, project_id, on))
    with db.write(reason="按岗位要求推荐人员") as s:
        project_name(s, project_id)
        day = reference_date(s, project_id, on)
        proposals = _proposals(s, project_id, day)
        for p in proposals:
            old = s.scalar(select(Referral).where(Referral.post_id == p.post_id, Referral.person_id == p.person_id))
            if old is None:
                s.add(Referral(post_id=p.post_id, person_id=p.person_id, reasons="\n".join(p.reasons), referred_on=day))
            else:  # once 未录用 for this post, proposed again
                old.status, old.reasons, old.referred_on, old.decided_on = "推荐", "\n".join(p.reasons), day, None
        return proposals


def _views(s: Session, project_id: int, person_id: int | None = None) -> list[ReferralView]:
    query = (
        select(Referral, JobPost.enterprise, JobPost.post, Person.name, Person.id_number)
        .join(JobPost, Referral.post_id == JobPost.id)
        .join(Person, Referral.person_id == Person.id)
        .where(JobPost.project_id == project_id)
        .order_by(JobPost.id, Referral.id)
    )
    if person_id is not None:
        query = query.where(Referral.person_id == person_id)
    return [
        ReferralView(
            r.id,
            r.post_id,
            ent,
            post,
            r.person_id,
            name,
            idn,
            r.status,
            tuple(line for line in r.reasons.splitlines() if line),
            r.referred_on,
            r.decided_on,
            r.note,
        )
        for r, ent, post, name, idn in s.execute(query)
    ]


def list_referrals(db: Database, project_id: int) -> list[ReferralView]:
    require(db, Need.READ, "查看推荐记录")
    with db.read() as s:
        project_name(s, project_id)
        return _views(s, project_id)


def set_referral_status(
    db: Database, project_id: int, referral_id: int, status: str, on: date | None = None, note: str = ""
) -> ReferralView:
    """Move a referral on; 录用 makes the person 已就业 at that enterprise and post (history kept)."""
    require(db, Need.ENTER, "更新推荐进度")
    with db.write(reason=f"推荐进度：{status}") as s:
        referral = s.get(Referral, referral_id)
        post = s.get(JobPost, referral.post_id) if referral is not None else None
        if referral is None or post is None or post.project_id != project_id:
            raise NotFoundError(f"本项目中没有编号为 {referral_id} 的推荐记录")
        if status not in NEXT_STATES.get(referral.status, ()):
            allowed = "、".join(NEXT_STATES.get(referral.status, ())) or "无"
            raise ValidationError(f"推荐记录现为「{referral.status}」，只能改为：{allowed}", field="进度")
        day = on or date.today()
        if status == "录用":
            hired = s.scalar(select(func.count()).where(Referral.post_id == post.id, Referral.status == "录用"))
            if int(hired or 0) >= post.places:
                raise ConflictError(f"{post.enterprise}「{post.post}」的 {post.places} 个名额已全部录用")
            apply_state(
                s,
                referral.person_id,
                STATE_EMPLOYED,
                employer=post.enterprise,
                post=post.post,
                start=day,
                income=post.wage,
                source="推荐录用",
            )
        referral.status = status
        referral.decided_on = day if status in ("录用", "未录用") else None
        if note:
            referral.note = note
        s.flush()
        return next(v for v in _views(s, project_id, referral.person_id) if v.id == referral_id)


_ = Household  # joined through Person in the views
