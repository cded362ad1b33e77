"""The one way the window runs work off the GUI thread (Anki's taskman with CollectionOp/QueryOp as the
model): say what to run, and what to do on success, failure or cancel.

    tasks.run(work, on_success=show, on_failure=warn, lane="compare")

- `work(context)` runs in a worker thread on plain Python data and never touches a widget. Long work
  checks `context.cancelled()` between steps and may report `context.progress(value)`.
- The callbacks run on the GUI thread: exactly one of on_success(result), on_failure(error) and
  on_cancel() per task, and on_progress(value) before it while the task is not cancelled.
- A lane runs its tasks one at a time, in order, and each new task supersedes the older ones of its
  lane: those not started are skipped, a running one sees `cancelled()` turn true, and a result that
  arrives after a newer request is dropped (on_cancel instead of on_success). A task without a lane
  gets a thread of its own (an import) and ends when it finishes or is cancelled.
- `pause_gc=True`: the cyclic garbage collector is paused while the task runs (`gc_paused`).
"""

from __future__ import annotations

import gc
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.view.errorlog import record_error

STOP_SECONDS = 10.0  # how long shutdown waits for a running task to notice it was cancelled

_gc_lock = threading.Lock()
_gc_pauses = 0


@contextmanager
def gc_paused(pause: bool = True) -> Iterator[None]:
    """Millions of new objects (a million-word comparison) would set off full collections, each walking
    every object while holding the GIL: a second-long freeze of the window. None of them form cycles,
    so nothing is collected while they are built, and after the last paused task they are moved out
    of the collector's sight (`gc.freeze`; reference counting still frees them)."""
    global _gc_pauses
    if not pause:
        yield
        return
    with _gc_lock:
        if _gc_pauses == 0:
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0:
                gc.freeze()
                gc.enable()


@dataclass(eq=False)
class Task:
    """One piece of background work and what the GUI thread does with its outcome."""

    work: Callable[[TaskContext], Any]
    on_success: Callable[[Any], None] | None = None
    on_failure: Callable[[Exception], None] | None = None
    on_cancel: Callable[[], None] | None = None
    on_progress: Callable[[Any], None] | None = None
    lane: str | None = None
    pause_gc: bool = False
    log_errors_as: str | None = None  # a failure is written to the error log with this context
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    _ended: threading.Event = field(default_factory=threading.Event, repr=False)

    def cancel(self) -> None:
        """Skip it if not started; a running one sees `cancelled()` and its result is dropped."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def ended(self) -> bool:
        """The work returned, raised or was skipped (its callback may still be on its way)."""
        return self._ended.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended; False if it is still running after `timeout` seconds."""
        return self._ended.wait(timeout)


class TaskContext:
    """What the work sees of its task: whether it was cancelled, and a way to report progress."""

    def __init__(self, manager: TaskManager, task: Task) -> None:
        self._manager = manager
        self._task = task

    def cancelled(self) -> bool:
        return self._task.cancelled

    def progress(self, value: object) -> None:
        self._manager._post(self._task, "progress", value)


class _Lane:
    """A worker thread running one lane's tasks in order."""

    def __init__(self, name: str, execute: Callable[[Task], None]) -> None:
        self._queue: queue.SimpleQueue[Task | None] = queue.SimpleQueue()
        self._live: list[Task] = []  # queued or running, oldest first
        self._lock = threading.Lock()
        self._execute = execute
        self._thread = threading.Thread(target=self._loop, name=f"qarin-{name}", daemon=True)
        self._thread.start()

    def submit(self, task: Task) -> None:
        with self._lock:
            for older in self._live:
                older.cancel()
            self._live.append(task)
        self._queue.put(task)

    def cancel_all(self) -> None:
        with self._lock:
            for task in self._live:
                task.cancel()

    def _loop(self) -> None:
        while (task := self._queue.get()) is not None:
            try:
                self._execute(task)
            finally:
                with self._lock:
                    self._live.remove(task)

    def stop(self, timeout: float) -> None:
        self.cancel_all()
        self._queue.put(None)
        self._thread.join(timeout)


class TaskManager(QObject):
    """Runs tasks for one window; `shutdown()` (on close or quit) cancels them and waits."""

    _deliver = Signal(object)  # (task, kind, value), emitted by worker threads, queued to this thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes: dict[str, _Lane] = {}
        self._newest: dict[str, Task | None] = {}  # per lane, the one task whose outcome may still count
        self._solo: set[Task] = set()  # tasks without a lane that have not ended
        self._lock = threading.Lock()
        self._closed = False
        self._deliver.connect(self._on_gui_thread)
        app = QCoreApplication.instance()
        if app is not None:  # a thread still running while Qt tears down would outlive its receivers
            app.aboutToQuit.connect(self.shutdown)

    def run(
        self,
        work: Callable[[TaskContext], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        lane: str | None = None,
        pause_gc: bool = False,
        log_errors_as: str | None = None,
    ) -> Task:
        """Start `work` in the background (in `lane`, superseding its older tasks); see the module."""
        task = Task(work, on_success, on_failure, on_cancel, on_progress, lane, pause_gc, log_errors_as)
        if self._closed:  # the window is closing: nothing new starts
            task.cancel()
            task._ended.set()
            self._post(task, "cancel")
            return task
        if lane is None:
            with self._lock:
                self._solo.add(task)
            threading.Thread(target=self._execute, args=(task,), name="qarin-task", daemon=True).start()
        else:
            if lane not in self._lanes:
                self._lanes[lane] = _Lane(lane, self._execute)
            self._newest[lane] = task
            self._lanes[lane].submit(task)
        return task

    def cancel_lane(self, lane: str) -> None:
        """Cancel every task of `lane` (a result shown from elsewhere answers what they were asked)."""
        self._newest[lane] = None
        if lane in self._lanes:
            self._lanes[lane].cancel_all()

    def shutdown(self) -> None:
        """Cancel everything and wait for the workers (a running step finishes first: Python code
        cannot be interrupted). Later tasks are cancelled at once."""
        if self._closed:
            return
        self._closed = True
        with self._lock:
            solo = list(self._solo)
        for task in solo:
            task.cancel()
        for lane in self._lanes.values():
            lane.stop(STOP_SECONDS)
        for task in solo:
            task.wait(STOP_SECONDS)

    # --- worker threads ------------------------------------------------------------------------

    def _execute(self, task: Task) -> None:
        try:
            if task.cancelled:
                self._post(task, "cancel")
                return
            try:
                with gc_paused(task.pause_gc):
                    result = task.work(TaskContext(self, task))
            except Exception as error:  # noqa: BLE001 - handed to on_failure, never a traceback
                if task.log_errors_as:
                    record_error(error, task.log_errors_as)
                self._post(task, "failure", error)
            else:
                self._post(task, "success", result)
        finally:
            task._ended.set()
            if task.lane is None:
                with self._lock:
                    self._solo.discard(task)

    def _post(self, task: Task, kind: str, value: object = None) -> None:
        try:
            self._deliver.emit((task, kind, value))
        except RuntimeError:  # the window and its manager are gone: nobody is waiting
            pass

    # --- the GUI thread ------------------------------------------------------------------------

    def _on_gui_thread(self, message: tuple[Task, str, object]) -> None:
        task, kind, value = message
        # A task that ended before a newer one of its lane was asked for is superseded all the same:
        # its outcome may still be on its way here.
        superseded = task.cancelled or (task.lane is not None and self._newest.get(task.lane) is not task)
        if kind == "progress":
            if not superseded and task.on_progress is not None:
                task.on_progress(value)
            return
        if superseded:
            kind = "cancel"  # the newer request answers
        elif task.lane is not None:
            self._newest[task.lane] = None  # answered: nothing of it is held any longer
        callback = {"success": task.on_success, "failure": task.on_failure, "cancel": task.on_cancel}[kind]
        if callback is None:
            return
        if kind == "cancel":
            callback()
        else:
            callback(value)
