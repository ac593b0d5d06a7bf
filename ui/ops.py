"""Runs a service call off the GUI thread; progress, cancel and the result come back on it.

A service function takes ``progress(done, total)`` and ``cancelled()`` keyword callbacks
when it supports them (``with_progress=True``, the default): the runner always passes its
own, so the dialog's 取消 reaches the job (a function without ``cancelled`` gets a busy
dialog without a 取消 button); ``read_only=True`` jobs (counts, quick reads) run beside the
one writer instead of queueing behind it; a job that stops raises
:class:`resettle.errors.Cancelled` and the clerk sees its message, not an error box.
After success the runner announces what changed (``changed`` signal with a set of topic
names such as ``{"households", "tree"}``) so that pages refresh only what they show.

Signals: ``changed(object)`` – a frozenset of topics; ``cancelled(str)`` – a job was
cancelled (its message).
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from resettle import pace
from resettle.errors import Cancelled, ResettleError

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object, str)


class Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], kwargs: dict[str, Any], cancel_event: threading.Event) -> None:
        super().__init__()
        self.fn, self.kwargs, self.cancel_event = fn, kwargs, cancel_event
        self.signals = _Signals()
        self.superseded = False  # a newer job made this one's answer pointless (OpRunner.supersede)
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(**self.kwargs)
        except BaseException as exc:  # delivered to the GUI thread, shown there
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class OpRunner(QObject):
    changed = Signal(object)
    cancelled = Signal(str)  # a job stopped at the clerk's request; the message says what was kept

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one write at a time; SQLite has one writer anyway
        self.read_pool = QThreadPool(self)  # quick reads (counts) never wait behind a long export
        self.read_pool.setMaxThreadCount(2)
        self._jobs: set[Job] = set()
        # While a job runs, the window beats (resettle.pace): a worker holding the interpreter in long Qt
        # calls (printing) pauses when the beats stop, so that the window can finish its repaint.
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(10)
        self._heartbeat.timeout.connect(pace.beat)
        self.on_error: Callable[[QWidget | None, BaseException, str], None] | None = None

    def run(
        self,
        parent: QWidget | None,
        title: str,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], object] | None = None,
        changes: frozenset[str] = frozenset(),
        with_progress: bool = True,
        on_cancelled: Callable[[], object] | None = None,
        on_failed: Callable[[BaseException], bool] | None = None,
        read_only: bool = False,
        **kwargs: Any,
    ) -> Job:
        cancel_event = threading.Event()
        kwargs = dict(kwargs)
        takes = _callbacks_of(fn)
        if "cancelled" in takes and (with_progress or "cancelled" not in kwargs):
            # The runner's own, whatever the caller passed (issue 9): the dialog's 取消, cancel_all when the
            # window closes, and supersede() for a job without a dialog.
            kwargs["cancelled"] = cancel_event.is_set
        job = Job(fn, kwargs, cancel_event)
        dialog: QProgressDialog | None = None
        if with_progress:
            dialog = QProgressDialog(title, self.tr("取消"), 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(cancel_event.set)
            if "cancelled" not in takes:
                dialog.setCancelButton(None)  # a job that cannot stop midway offers no 取消 it would ignore
            _paint_once(dialog)
            job.signals.progress.connect(lambda done, total: _update(dialog, done, total))
            if "progress" in takes:
                kwargs["progress"] = job.signals.progress.emit
            job.kwargs = kwargs

        def finish(result: Any) -> None:
            self._discard(job)
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            if on_done is not None:
                on_done(result)
            if changes:
                self.changed.emit(changes)

        def fail(exc: BaseException, trace: str) -> None:
            self._discard(job)
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            if isinstance(exc, Cancelled):
                if job.superseded:
                    return  # nobody waits for it: nothing to tell the clerk
                self.cancelled.emit(exc.message)
                if on_cancelled is not None:
                    on_cancelled()
                return
            if on_failed is not None and on_failed(exc):
                return  # the caller dealt with it (e.g. asked the clerk and ran again)
            if not isinstance(exc, ResettleError):
                log.error("operation %s failed:\n%s", title, trace)
            if self.on_error is not None:
                self.on_error(parent, exc, trace)

        job.signals.finished.connect(finish, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(fail, Qt.ConnectionType.QueuedConnection)
        self._jobs.add(job)
        if not self._heartbeat.isActive():
            pace.start()
            self._heartbeat.start()
        (self.read_pool if read_only else self.pool).start(job)
        return job

    def _discard(self, job: Job) -> None:
        self._jobs.discard(job)
        if not self._jobs and self._heartbeat.isActive():
            self._heartbeat.stop()
            pace.stop()

    def call(self, parent: QWidget | None, title: str, fn: Callable[..., Any], **kwargs: Any) -> Any:
        """``fn`` on a read worker, waited for with the event loop running: the window keeps painting
        (a progress dialog after 300 ms) and the caller gets the result in line, as from a plain call.
        Its exception is raised here; ``None`` when the clerk cancelled it."""
        loop = QEventLoop()
        outcome: dict[str, Any] = {}

        def done(result: Any) -> None:
            outcome["result"] = result
            loop.quit()

        def failed(exc: BaseException) -> bool:
            outcome["error"] = exc
            loop.quit()
            return True

        def cancelled() -> None:
            outcome["result"] = None
            loop.quit()

        self.run(parent, title, fn, on_done=done, on_failed=failed, on_cancelled=cancelled, read_only=True, **kwargs)
        if not outcome:
            loop.exec()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def supersede(self, job: Job) -> None:
        """A newer job replaces ``job`` (a search typed past): still queued, it never runs and
        delivers nothing; running, it is asked to stop, and stopping is not reported."""
        if job not in self._jobs:
            return  # already delivered
        job.superseded = True
        job.cancel_event.set()
        if self.read_pool.tryTake(job) or self.pool.tryTake(job):
            self._discard(job)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs) and self.read_pool.waitForDone(msecs)

    def busy(self) -> bool:
        """Whether a job is queued or running (its result not yet delivered)."""
        return bool(self._jobs)

    def cancel_all(self) -> None:
        """Ask every queued or running job to stop (each stops at its next check)."""
        for job in list(self._jobs):
            job.cancel_event.set()

    @Slot()
    def announce(self, *topics: str) -> None:
        """For changes made on the GUI thread (a quick save): tell the views."""
        self.changed.emit(frozenset(topics))


def _callbacks_of(fn: Callable[..., Any]) -> frozenset[str]:
    """Which of ``progress`` / ``cancelled`` the function takes (a bound method or plain function)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return frozenset()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return frozenset({"progress", "cancelled"})
    return frozenset(name for name in ("progress", "cancelled") if name in params)


def _paint_once(dialog: QProgressDialog) -> None:
    """Paint the dialog off screen now, on the GUI thread before its job starts: its texts' glyphs are
    made here, not at its first show while the job runs. A print's worker lays out text (QTextDocument,
    holding Qt's font locks); the dialog's first paint meanwhile stalled the window 0.2-1.5 s."""
    dialog.grab()


def _update(dialog: QProgressDialog, done: int, total: int) -> None:
    if dialog.maximum() != total:
        dialog.setMaximum(total)
    dialog.setValue(done)
