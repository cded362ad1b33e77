"""The window's comparisons, run as tasks (`reader.ui.tasks`): `request()` a pair and get
`resultReady(CompareResult)` for the newest request only. Library-wide work (how much of each
article the pinned one shares, the opening pair) runs in a lane of its own, superseded the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.compare import CompareOptions
from reader.ui.tasks import TaskManager
from reader.view.child_process import warm_up
from reader.view.compare_process import shares_in_child
from reader.view.comparison import CompareRequest, CompareResult, pick_opening_pair, prepare_result
from reader.view.errorlog import record_error

COMPARE_LANE = "compare"
LIBRARY_LANE = "library"  # shares and the opening pair: they read the whole library


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


class Comparer(QObject):
    resultReady = Signal(object)  # noqa: N815 - Qt naming; CompareResult
    busyChanged = Signal(bool)  # noqa: N815
    failed = Signal(str)
    sharesReady = Signal(object, bool)  # noqa: N815 - {id: share}, done
    pairPicked = Signal(object)  # noqa: N815 - CompareResult of the most similar pair, or None

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.busy = False
        try:
            warm_up()
        except (OSError, ValueError) as error:  # no fork server: children are spawned when needed
            record_error(error, "no fork server; children will be spawned")

    def request(self, left_id: int, right_id: int, text_a: str, text_b: str, options: CompareOptions) -> None:
        request = CompareRequest(left_id, right_id, text_a, text_b, options)
        self._set_busy(True)
        self.tasks.run(
            lambda context: prepare_result(request, context.cancelled),
            on_success=self._finished,
            on_failure=self._failed,
            lane=COMPARE_LANE,
            pause_gc=request.large,
            log_errors_as="comparison failed",
        )

    def supersede(self) -> None:
        """Drop whatever is pending (a result shown from elsewhere answers what was asked)."""
        self.tasks.cancel_lane(COMPARE_LANE)
        self._set_busy(False)

    def request_shares(
        self,
        library_path: Path,
        pinned_text: str,
        others: list[tuple[int, int]],
        options: CompareOptions,
    ) -> None:
        """Shares of every other (id, words) article in the pinned text, as partial results arrive."""
        self.tasks.run(
            lambda context: shares_in_child(
                library_path, pinned_text, others, options, context.cancelled,
                lambda shares, done: context.progress((shares, done)),
            ),
            on_progress=lambda update: self.sharesReady.emit(*update),
            on_failure=self._background_failed,
            lane=LIBRARY_LANE,
            log_errors_as="background work failed",
        )  # fmt: skip

    def request_pick(self, library_path: Path, ids: list[int], options: CompareOptions) -> None:
        """The most similar pair, compared already (`pairPicked`)."""
        self.tasks.run(
            lambda context: pick_opening_pair(library_path, ids, options, context.cancelled),
            on_success=self.pairPicked.emit,
            on_failure=self._background_failed,
            lane=LIBRARY_LANE,
            log_errors_as="background work failed",
        )

    def cancel_background(self) -> None:
        self.tasks.cancel_lane(LIBRARY_LANE)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    def _finished(self, result: CompareResult | None) -> None:
        self._set_busy(False)
        if result is not None:
            self.resultReady.emit(result)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.failed.emit(_describe(error))

    def _background_failed(self, error: Exception) -> None:
        self.failed.emit(_describe(error))
