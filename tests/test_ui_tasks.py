"""The one background-task API: outcomes on the GUI thread, lanes that supersede, progress, failures,
cancel, the garbage-collector pause, shutdown."""

from __future__ import annotations

import gc
import threading

import pytest

from reader.ui import tasks as tasks_module
from reader.ui.tasks import TaskManager, gc_paused


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


class Outcomes:
    """Records every callback, and on which thread it ran."""

    def __init__(self) -> None:
        self.seen: list[tuple] = []
        self.on_gui_thread: list[bool] = []

    def _note(self, *entry) -> None:
        self.seen.append(entry)
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())

    def callbacks(self, name: str) -> dict:
        return {
            "on_success": lambda value: self._note(name, "success", value),
            "on_failure": lambda error: self._note(name, "failure", str(error)),
            "on_cancel": lambda: self._note(name, "cancel"),
            "on_progress": lambda value: self._note(name, "progress", value),
        }


def test_success_arrives_once_on_the_gui_thread_with_the_result(qtbot, tasks):
    outcomes = Outcomes()
    worker_threads = []

    def work(context) -> int:
        worker_threads.append(threading.current_thread())
        return 6 * 7

    task = tasks.run(work, **outcomes.callbacks("a"))
    qtbot.waitUntil(lambda: bool(outcomes.seen), timeout=5000)
    qtbot.wait(50)
    assert outcomes.seen == [("a", "success", 42)]
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert threading.current_thread() is threading.main_thread()
    assert task.ended and not task.cancelled


def test_a_newer_task_in_a_lane_cancels_the_running_one_and_drops_its_result(qtbot, tasks):
    outcomes = Outcomes()
    started, saw_cancel = threading.Event(), threading.Event()

    def slow(context) -> str:
        started.set()
        while not context.cancelled():  # long work checks between steps
            threading.Event().wait(0.005)
        saw_cancel.set()
        return "stale"

    first = tasks.run(slow, lane="compare", **outcomes.callbacks("first"))
    assert started.wait(5)
    queued = tasks.run(lambda context: "never run", lane="compare", **outcomes.callbacks("queued"))
    newest = tasks.run(lambda context: "fresh", lane="compare", **outcomes.callbacks("newest"))
    qtbot.waitUntil(lambda: len(outcomes.seen) == 3, timeout=5000)
    assert saw_cancel.is_set() and first.cancelled and queued.cancelled and not newest.cancelled
    assert sorted(outcomes.seen) == [
        ("first", "cancel"),
        ("newest", "success", "fresh"),
        ("queued", "cancel"),
    ]


def test_a_result_still_on_its_way_when_a_newer_request_comes_is_dropped(qtbot, tasks):
    """The first task has ended (its result is queued for the GUI thread, not yet delivered) when a
    newer one is asked for: the window must not show the stale result first."""
    outcomes = Outcomes()
    first = tasks.run(lambda context: "stale", lane="compare", **outcomes.callbacks("first"))
    assert first.wait(5)  # ended, and no event processed since
    tasks.run(lambda context: "fresh", lane="compare", **outcomes.callbacks("second"))
    qtbot.waitUntil(lambda: len(outcomes.seen) == 2, timeout=5000)
    assert outcomes.seen == [("first", "cancel"), ("second", "success", "fresh")]


def test_cancel_lane_drops_what_is_pending_and_other_lanes_go_on(qtbot, tasks):
    outcomes = Outcomes()
    compare = tasks.run(lambda context: "compare", lane="compare", **outcomes.callbacks("compare"))
    shares = tasks.run(lambda context: "shares", lane="library", **outcomes.callbacks("shares"))
    assert compare.wait(5) and shares.wait(5)
    tasks.cancel_lane("compare")
    qtbot.waitUntil(lambda: len(outcomes.seen) == 2, timeout=5000)
    assert sorted(outcomes.seen) == [("compare", "cancel"), ("shares", "success", "shares")]


def test_progress_comes_in_order_before_the_outcome(qtbot, tasks):
    outcomes = Outcomes()

    def work(context) -> str:
        for step in range(5):
            context.progress(step)
        return "done"

    tasks.run(work, **outcomes.callbacks("job"))
    qtbot.waitUntil(lambda: bool(outcomes.seen) and outcomes.seen[-1][1] == "success", timeout=5000)
    assert outcomes.seen == [*(("job", "progress", step) for step in range(5)), ("job", "success", "done")]
    assert all(outcomes.on_gui_thread)


def test_a_failure_reaches_on_failure_and_the_error_log(qtbot, tasks, monkeypatch):
    logged = []
    monkeypatch.setattr(
        tasks_module, "record_error", lambda error, context: logged.append((str(error), context))
    )
    outcomes = Outcomes()

    def broken(context) -> None:
        raise ValueError("engine exploded")

    tasks.run(broken, log_errors_as="comparison failed", **outcomes.callbacks("job"))
    tasks.run(broken, **outcomes.callbacks("quiet"))  # no context: an expected failure, not logged
    qtbot.waitUntil(lambda: len(outcomes.seen) == 2, timeout=5000)
    assert sorted(outcomes.seen) == [
        ("job", "failure", "engine exploded"),
        ("quiet", "failure", "engine exploded"),
    ]
    assert logged == [("engine exploded", "comparison failed")]


def test_tasks_without_a_lane_run_side_by_side(qtbot, tasks):
    both_running = threading.Barrier(2, timeout=5)
    outcomes = Outcomes()
    for name in ("one", "two"):
        tasks.run(lambda context: both_running.wait() >= 0, **outcomes.callbacks(name))
    qtbot.waitUntil(lambda: len(outcomes.seen) == 2, timeout=10000)
    assert sorted(outcomes.seen) == [("one", "success", True), ("two", "success", True)]


def test_shutdown_cancels_running_work_waits_for_it_and_refuses_new_work(qtbot, tasks):
    outcomes = Outcomes()
    started = threading.Event()

    def slow(context) -> None:
        started.set()
        while not context.cancelled():
            threading.Event().wait(0.005)

    running = tasks.run(slow, **outcomes.callbacks("running"))
    in_lane = tasks.run(slow, lane="compare")
    assert started.wait(5)
    tasks.shutdown()
    assert running.ended and in_lane.ended  # shutdown returned after the work did
    late = tasks.run(lambda context: "too late", **outcomes.callbacks("late"))
    assert late.cancelled
    qtbot.waitUntil(lambda: len(outcomes.seen) == 2, timeout=5000)
    assert sorted(outcomes.seen) == [("late", "cancel"), ("running", "cancel")]


def test_gc_is_paused_while_any_paused_task_runs_and_what_they_made_is_frozen():
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    with gc_paused():
        with gc_paused():  # two tasks at once: the first to end must not switch it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(made)
    gc.unfreeze()
    with gc_paused(False):
        assert gc.isenabled()


def test_a_paused_task_pauses_the_collector_in_its_thread(qtbot, tasks):
    seen = []
    done = tasks.run(lambda context: seen.append(gc.isenabled()), pause_gc=True)
    assert done.wait(5)
    assert seen == [False] and gc.isenabled()
