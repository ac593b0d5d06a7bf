"""Opening a register for the window's worker thread: a file or a server, with the clerk's 取消.

Opening can take a while (a server across the network, a migration with its backup first, the
startup backup of a large file). The window runs it through the op runner; ``cancelled`` is asked
before anything is opened and once the register is open. A register opened after the clerk pressed
取消 is closed again and not used; what the open itself did stays whole: a migration is one
transaction, a backup is verified before it is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from resettle.errors import Cancelled
from resettle.store.database import Database
from resettle.store.dialects import ServerAddress

CancelCheck = Callable[[], bool] | None
NOT_OPENED = "已取消，未打开该登记册；当前登记册不变。"


def open_register(
    path: Path | None = None,
    address: ServerAddress | None = None,
    password: str | None = None,
    cancelled: CancelCheck = None,
) -> Database:
    """The register file at ``path``, or the one on the server at ``address`` (exactly one of them)."""
    if (path is None) == (address is None):
        raise ValueError("open_register needs a path or a server address")
    if cancelled is not None and cancelled():
        raise Cancelled(NOT_OPENED)
    db = Database.open(path) if path is not None else Database.open_server(address, password=password)  # type: ignore[arg-type]
    if cancelled is not None and cancelled():
        db.close()
        raise Cancelled(NOT_OPENED)
    return db
