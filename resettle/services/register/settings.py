"""Township details that printed documents use, kept in the register file itself."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import select

from resettle.domain.township import TownshipDetails
from resettle.services.accounts.guard import Need, require
from resettle.store.database import Database
from resettle.store.models import Setting

PREFIX = "township."


def get_township(db: Database) -> TownshipDetails:
    require(db, Need.READ, "查看乡镇信息")
    with db.read() as s:
        stored = {k.removeprefix(PREFIX): v for k, v in s.execute(select(Setting.key, Setting.value))
                  if k.startswith(PREFIX)}  # fmt: skip
    known = {f.name for f in fields(TownshipDetails)}
    return TownshipDetails(**{k: v for k, v in stored.items() if k in known})


def save_township(db: Database, details: TownshipDetails) -> None:
    require(db, Need.ENTER, "修改乡镇信息")
    with db.write(reason="修改乡镇信息") as s:
        for key, value in asdict(details).items():
            row = s.get(Setting, PREFIX + key)
            if row is None:
                s.add(Setting(key=PREFIX + key, value=value.strip()))
            elif row.value != value.strip():
                row.value = value.strip()


DOCUMENT_FONT_KEY = "documents.font"


def get_document_font(db: Database) -> str:
    """The font family an office chose for printed documents; "" = choose automatically."""
    require(db, Need.READ, "查看文书字体")
    with db.read() as s:
        row = s.get(Setting, DOCUMENT_FONT_KEY)
        return row.value if row is not None else ""


def save_document_font(db: Database, family: str) -> None:
    """Store the family as given (checking that it can print Chinese is the documents service's job)."""
    require(db, Need.ENTER, "设置文书字体")
    with db.write(reason="修改文书字体") as s:
        row = s.get(Setting, DOCUMENT_FONT_KEY)
        if row is None:
            s.add(Setting(key=DOCUMENT_FONT_KEY, value=family.strip()))
        elif row.value != family.strip():
            row.value = family.strip()
