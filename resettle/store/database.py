"""An open register file: lock, engine, migrations, backups, and transaction scopes.

Each user action opens its own session through :meth:`Database.write` or
:meth:`Database.read`; nothing holds a session between actions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from resettle.errors import ConflictError, DiskFullError, IntegrityProblem, LockedError, ResettleError
from resettle.store import (
    audit,
    backup,
    schema,  # noqa: F401 - every table registered before migrations run
    witness,
)
from resettle.store.engine import make_engine, make_session_factories
from resettle.store.lock import InstanceLock
from resettle.store.migrate import MigrationOutcome, migrate, refuse_unusable_file
from resettle.store.paths import refuse_network_path

if TYPE_CHECKING:
    from resettle.services.accounts.guard import Role


class Database:
    def __init__(self, path: Path, actor: audit.Actor | None = None) -> None:
        self.path = path
        self.actor = actor or audit.Actor.current()
        # The logged-in account (issue 12): None = nobody; set by resettle.services.accounts.login.
        self.account: str | None = None
        self.role: Role | None = None
        self.accounts_on = False  # cached once accounts are seen; checked by the role guard
        self._lock = InstanceLock(path)
        self.engine: Engine
        self._writer: sessionmaker[Session]
        self._reader: sessionmaker[Session]
        self.migration: MigrationOutcome | None = None

    @classmethod
    def open(
        cls, path: Path, actor: audit.Actor | None = None, *, lock: bool = True, startup_backup: bool = True
    ) -> Database:
        """Open (creating if absent) and bring the schema up to date.

        ``lock=False`` is for a second connection inside the same process (tests, tools)."""
        refuse_network_path(Path(path))  # before absolute(): on POSIX a \\server\share path is relative
        path = Path(path).absolute()
        refuse_network_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = cls(path, actor)
        if lock:
            db._lock.acquire()
        try:
            existed = path.exists() and path.stat().st_size > 0
            if existed:
                refuse_unusable_file(path)
            db._connect()
            db.migration = migrate(db.engine, path, db.backup_now)
            if startup_backup and existed and db.migration is MigrationOutcome.CURRENT and not db._recent_backup():
                db.backup_now("startup")
            if not witness.path_for(path).exists():
                witness.start(path, db.chain_head())  # first use: later heads are compared with this one
        except BaseException:
            db.close()
            raise
        return db

    def _recent_backup(self, minutes: int = 10) -> bool:
        newest = backup.list_backups(self.path)
        return bool(newest) and (datetime.now() - newest[0].created).total_seconds() < minutes * 60

    def _connect(self) -> None:
        audit.install()
        self.engine = make_engine(self.path)
        self._writer, self._reader = make_session_factories(self.engine)

    def close(self) -> None:
        if hasattr(self, "engine"):
            self.engine.dispose()
        self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self, reason: str = "", batch_id: int | None = None) -> Iterator[Session]:
        """One user action that changes data: ``BEGIN IMMEDIATE`` … commit, or nothing at all."""
        session = self._writer()
        session.info.update(actor=self.actor, reason=reason, batch_id=batch_id)
        try:
            yield session
            heads = None
            if session.in_transaction():
                session.flush()
                conn = session.connection()
                before = audit.head_before(conn)
                if before is not None:
                    heads = (before, audit.chain_head_info(conn))
            with witness.lock_for(self.path):  # witness updates in commit order, whatever the thread
                if heads is not None:
                    witness.expect(self.path, *heads)  # a kill during the commit leaves either head acceptable
                session.commit()
                if heads is not None:
                    witness.advance(self.path, *heads)
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError("另一位用户已修改或删除了这条记录，本次保存未写入。请重新打开后再改。") from exc
        except DBAPIError as exc:
            session.rollback()
            known = translate_db_error(exc)
            if known is None:
                raise
            raise known from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader()
        try:
            yield session
        except DBAPIError as exc:
            known = translate_db_error(exc)
            if known is None:
                raise
            raise known from exc
        finally:
            session.rollback()
            session.close()

    # -- backups -----------------------------------------------------------------
    def backup_now(self, reason: str = "manual") -> Path:
        return backup.auto_backup(self.path, reason)

    def backup_to(self, out: Path) -> None:
        backup.copy_database(self.path, out)

    def restore_from(self, src: Path) -> Path:
        """Replace the contents with a verified backup; the current state is backed up first."""
        problems = backup.verify_file(src)
        if problems:
            raise IntegrityProblem(f"备份文件 {src.name} 已损坏，未恢复，当前数据库保持不变：" + "；".join(problems))
        refuse_unusable_file(src)  # not ours, or from a newer version: refuse before overwriting anything
        safety = self.backup_now("before-restore")
        before = self.chain_head()
        self.engine.dispose()
        try:
            backup.restore_into(src, self.path)
        finally:
            self._connect()
        self.migration = migrate(self.engine, self.path, self.backup_now)
        witness.record_restore(self.path, before, self.chain_head(), src.name)
        return safety

    # -- the chain head outside the file (witness) ---------------------------------------
    def chain_head(self) -> audit.ChainHead:
        conn = self.raw_connection()
        try:
            return audit.chain_head_info(conn)
        finally:
            conn.close()

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for checks that must see the file as stored."""
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        return conn


def translate_db_error(exc: DBAPIError) -> ResettleError | None:
    """The clerk-facing error for a known SQLite condition; None for a bug."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "locked" in text or "busy" in text:
        return LockedError("数据库正被另一位用户写入，请稍后再试。")
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError("磁盘已满，本次操作未保存。请清理磁盘空间后重试。")
    return None
