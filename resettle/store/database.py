"""An open register, a file (SQLite) or a database on a PostgreSQL server: lock, engine,
migrations, backups, and transaction scopes.

Each user action opens its own session through :meth:`Database.write` or
:meth:`Database.read`; nothing holds a session between actions. What differs between the two
engines lives in :mod:`resettle.store.dialects`; this class only chooses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from resettle.errors import (
    Cancelled,
    ConflictError,
    DiskFullError,
    IntegrityProblem,
    LockedError,
    ResettleError,
    ValidationError,
)
from resettle.store import (
    audit,
    backup,
    schema,  # noqa: F401 - every table registered before migrations run
    witness,
)
from resettle.store.dialects import ServerAddress, is_server_url, parse_server_url, testmap
from resettle.store.engine import make_engine, make_session_factories
from resettle.store.lock import InstanceLock
from resettle.store.migrate import MigrationOutcome, migrate, refuse_unusable_file
from resettle.store.paths import data_dir, refuse_network_path

if TYPE_CHECKING:
    from resettle.domain.roles import Role


# Steps of SQLite's virtual machine between two looks at a read's ``cancelled`` (measured: 80 µs apart).
_CANCEL_CHECK_STEPS = 5000


class PasswordNeeded(ResettleError):
    """The server asks for a password that was not given (nor in PGPASSWORD or ~/.pgpass)."""


class Database:
    def __init__(
        self,
        path: Path,
        actor: audit.Actor | None = None,
        server: ServerAddress | None = None,
        password: str | None = None,
    ) -> None:
        # A file: its path. A server: a local path that names where this computer keeps things
        # about it (its pg_dump backups folder), never a database file.
        self.path = path
        self.server = server
        self._password = password  # in memory only
        self.actor = actor or audit.Actor.current()
        # The logged-in account (issue 12): None = nobody; set by resettle.services.accounts.login.
        self.account: str | None = None
        self.role: Role | None = None
        self.accounts_on = False  # cached once accounts are seen; checked by the role guard
        self.must_change_password = False  # logged in with a password an admin reset: only a change is allowed
        self._lock = InstanceLock(path)
        self.engine: Engine
        self._writer: sessionmaker[Session]
        self._reader: sessionmaker[Session]
        self.migration: MigrationOutcome | None = None

    @property
    def is_server(self) -> bool:
        return self.server is not None

    @property
    def location(self) -> str:
        """What to show the clerk: the file's path, or the server address without password."""
        return self.server.display if self.server is not None else str(self.path)

    @classmethod
    def open(
        cls,
        path: Path | str,
        actor: audit.Actor | None = None,
        *,
        lock: bool = True,
        startup_backup: bool = True,
        password: str | None = None,
    ) -> Database:
        """Open (creating if absent) and bring the schema up to date.

        ``path`` is a register file, or a ``postgresql://user@host:port/dbname`` server address
        (see :meth:`open_server`). ``lock=False`` is for a second connection inside the same
        process (tests, tools)."""
        if is_server_url(path):
            address, in_url = parse_server_url(path)
            return cls.open_server(address, actor, password=password if password is not None else in_url)
        refuse_network_path(Path(path))  # before absolute(): on POSIX a \\server\share path is relative
        if testmap.active():
            return cls._open_test_mapped(Path(path), actor, startup_backup)
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

    @classmethod
    def open_server(
        cls,
        address: ServerAddress,
        actor: audit.Actor | None = None,
        *,
        password: str | None = None,
        startup_backup: bool = False,
        local_path: Path | None = None,
    ) -> Database:
        """Open a register on a PostgreSQL server, migrating an empty database to the schema.

        ``password`` stays in memory; without one libpq takes PGPASSWORD or ~/.pgpass. Several
        clerks open the same server database at once: there is no instance lock and no witness
        file (each clerk's computer would witness only its own writes); the chain head is still
        printed on lists and kept with each pg_dump backup. ``startup_backup`` is off by default:
        a server is backed up by its administrator, and the program dumps before imports."""
        # ".server": the slug holds dots (an IP address), and backups are named after the path's stem
        path = local_path or (data_dir(create=False) / "servers" / f"{address.slug}.server")
        db = cls(path, actor, server=address, password=password)
        try:
            db._connect()
            db._probe()
            db.migration = migrate(db.engine, address.display, db.backup_now)
            if startup_backup and db.migration is MigrationOutcome.CURRENT and not db._recent_backup():
                db.backup_now("startup")
        except BaseException:
            db.close()
            raise
        return db

    @classmethod
    def _open_test_mapped(cls, path: Path, actor: audit.Actor | None, startup_backup: bool) -> Database:
        """TEST ONLY (RESETTLE_TEST_POSTGRES): the file path stands for a database on the test server."""
        path = path.absolute()
        address, password, created = testmap.resolve(path)
        db = cls.open_server(address, actor, password=password, local_path=path)
        if created:
            db.migration = MigrationOutcome.CREATED  # a new database, from the migrated template
        return db

    def _probe(self) -> None:
        """Connect once, so that a wrong address or password is said plainly, in Chinese."""
        from sqlalchemy.exc import OperationalError

        assert self.server is not None
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
                conn.rollback()
        except OperationalError as exc:
            raise server_error(self.server, exc) from None

    def _recent_backup(self, minutes: int = 10) -> bool:
        newest = backup.list_backups(self.path)
        return bool(newest) and (datetime.now() - newest[0].created).total_seconds() < minutes * 60

    def _connect(self) -> None:
        audit.install()
        if self.server is not None:
            from resettle.store.dialects import postgresql

            self.engine = postgresql.make_engine(self.server, self._password)
        else:
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
            if session.in_transaction() and self.server is None:  # the witness is kept for files
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
    def read(self, cancelled: Callable[[], bool] | None = None) -> Iterator[Session]:
        """A read-only session. ``cancelled``: on SQLite a statement still running when it turns true is
        stopped within a few thousand steps of the engine (``sqlite3`` progress handler) and
        :class:`Cancelled` is raised (a search the clerk has typed past does not hold a read thread)."""
        session = self._reader()
        try:
            with stoppable(session, cancelled, "已停止"):
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
    def backup_now(self, reason: str = "manual", progress: backup.Progress = None,
                   cancelled: backup.CancelCheck = None) -> Path:  # fmt: skip
        """An automatic backup beside the file (a dump on a server). ``progress``/``cancelled``: a copy
        of a large register reports its pages and stops at 取消, leaving no partial file."""
        if self.server is not None:
            from resettle.store.dialects import pg_backup
            from resettle.store.paths import backup_dir_for

            folder = backup_dir_for(self.path)
            return pg_backup.auto_dump(self.server, self._password, folder, self.path.stem, reason, self.chain_head())
        return backup.auto_backup(self.path, reason, progress=progress, cancelled=cancelled)

    def backup_to(self, out: Path, progress: backup.Progress = None, cancelled: backup.CancelCheck = None) -> None:
        if self.server is not None:
            from resettle.store.dialects import pg_backup

            pg_backup.dump(self.server, self._password, out, self.chain_head())
            return
        backup.copy_database(self.path, out, progress, cancelled)

    def restore_from(self, src: Path, progress: backup.Progress = None, cancelled: backup.CancelCheck = None) -> Path:
        """Replace the contents with a verified backup; the current state is backed up first.

        Progress runs over both copies (the safety backup, then the restore) in thousandths;
        cancelled at any point before the restore's last page, the register is left as it was
        (the safety backup, if already made, stays among the backups)."""
        if self.server is not None:
            raise ValidationError(
                "服务器上的数据库不能由本程序从备份恢复（其他同事可能正连着它）。请服务器管理员用 pg_restore 恢复到一个"
                "新建的空数据库，再让大家连接那个数据库。"
            )
        try:
            problems = backup.verify_file(src, cancelled)
            if problems:
                raise IntegrityProblem(
                    f"备份文件 {src.name} 已损坏，未恢复，当前数据库保持不变：" + "；".join(problems)
                )
            refuse_unusable_file(src)  # not ours, or from a newer version: refuse before overwriting anything
            first = _file_bytes(self.path)  # the bar's share of each copy, by the size it copies
            share = first / (first + _file_bytes(src))
            safety = self.backup_now("before-restore", _part(progress, 0.0, share), cancelled)
            before = self.chain_head()
            self.engine.dispose()
            try:
                backup.restore_into(src, self.path, _part(progress, share, 1.0 - share), cancelled, verified=True)
            finally:
                self._connect()
        except Cancelled as exc:
            raise Cancelled("已取消恢复，当前数据没有改变。") from exc
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

    def raw_connection(self) -> sqlite3.Connection | Any:
        """A plain connection for checks that must see the rows as stored: sqlite3 read-only on the
        file, or a PostgreSQL reader in one REPEATABLE READ snapshot (``dialects.postgresql.RawReader``)."""
        if self.server is not None:
            from resettle.store.dialects.postgresql import RawReader

            return RawReader(self.server, self._password)
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        return conn


@contextmanager
def stoppable(session: Session, cancelled: Callable[[], bool] | None, message: str) -> Iterator[None]:
    """On a SQLite file, a statement of ``session`` still running when ``cancelled()`` turns true is
    stopped within a few thousand steps of the engine (``sqlite3`` progress handler) and
    :class:`Cancelled` (``message``) is raised; the caller's transaction is then rolled back as after
    any error. On a server, or without ``cancelled``, statements run to their end."""
    raw = None
    if cancelled is not None:
        driver = session.connection().connection.driver_connection
        if isinstance(driver, sqlite3.Connection):
            raw = driver
    if raw is None or cancelled is None:
        yield
        return
    raw.set_progress_handler(lambda: 1 if cancelled() else 0, _CANCEL_CHECK_STEPS)
    try:
        yield
    except DBAPIError as exc:
        if cancelled():
            raise Cancelled(message) from exc
        raise
    finally:
        raw.set_progress_handler(None, 0)


def _file_bytes(path: Path) -> int:
    """A SQLite file's size with its write-ahead log (a register's recent pages live there)."""
    wal = path.with_name(path.name + "-wal")
    return max(path.stat().st_size + (wal.stat().st_size if wal.exists() else 0), 1)


def _part(progress: backup.Progress, start: float, share: float) -> backup.Progress:
    """One stage's (done, total) as thousandths of the whole job, the stage taking ``share`` of it from ``start``."""
    if progress is None:
        return None
    whole = progress

    def report(done: int, total: int) -> None:
        whole(int(1000 * (start + share * done / max(total, 1))), 1000)

    return report


def server_error(address: ServerAddress, exc: BaseException) -> ResettleError:
    """Why a server could not be opened, in the clerk's words."""
    text = str(getattr(exc, "orig", None) or exc)
    low = text.lower()
    if "no password supplied" in low or "password authentication failed" in low:
        what = "需要密码" if "no password" in low else "用户名或密码不对"
        return PasswordNeeded(f"连接数据库服务器 {address.display}：{what}。")
    if "does not exist" in low and "database" in low:
        return ValidationError(
            f"服务器 {address.host}:{address.port} 上没有数据库「{address.database}」。请服务器管理员先建一个空数据库"
            f"（createdb -O {address.user or '用户名'} {address.database}）。",
            field="数据库地址",
        )
    return ValidationError(
        f"无法连接数据库服务器 {address.display}：{text.strip().splitlines()[0] if text.strip() else '未知原因'}。"
        "请检查主机、端口、网络，以及服务器是否已启动。",
        field="数据库地址",
    )


def translate_db_error(exc: DBAPIError) -> ResettleError | None:
    """The clerk-facing error for a known SQLite or PostgreSQL condition; None for a bug."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "could not serialize access" in text or "deadlock detected" in text:
        return ConflictError("另一位用户同时修改了相关记录，本次保存未写入。请重新打开后再改。")
    if "lock timeout" in text:
        return LockedError("数据库正被另一位用户写入（例如正在导入），请稍后再试。")
    if "no space left on device" in text or "could not extend file" in text:
        return DiskFullError("数据库服务器的磁盘已满，本次操作未保存。请服务器管理员清理磁盘空间。")
    if "locked" in text or "busy" in text:
        return LockedError("数据库正被另一位用户写入，请稍后再试。")
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError("磁盘已满，本次操作未保存。请清理磁盘空间后重试。")
    return None
