"""Comparing off the GUI thread. Workers live in QThreads, get plain Python data, and hand back plain
Python results through queued signals; they never touch a widget.

Every request carries a generation number: a request that is superseded before it starts is skipped,
and a result that arrives after a newer request is dropped. Long background jobs (shares against the
whole library) also stop between articles once superseded.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.compare import CompareOptions
from reader.view.compare_process import LARGE_INPUT_CHARS, shares_in_child, warm_up
from reader.view.comparison import (
    PICK_CANDIDATES,
    CompareRequest,
    CompareResult,
    pick_similar_pair,
    prepare_result,
)
from reader.view.errorlog import record_error


class _CompareWorker(QObject):
    finished = Signal(object)  # CompareResult
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # written by the GUI thread; an int store is atomic under the GIL

    @Slot(object)
    def run(self, request: CompareRequest) -> None:
        if request.generation < self.latest:
            return  # superseded while queued
        large = len(request.text_a) + len(request.text_b) >= LARGE_INPUT_CHARS
        try:
            if large:
                # Millions of new objects would set off full garbage collections, each walking
                # every object while holding the GIL (a second-long freeze of the window). None
                # of these objects form cycles: collect nothing while building them, then move
                # them out of the collector's sight (refcounting still frees them).
                gc.disable()
            result = prepare_result(request, lambda: request.generation < self.latest)
        except Exception as error:  # noqa: BLE001 - reported to the user, never a traceback
            record_error(error, "comparison failed")
            self.failed.emit(request.generation, f"{type(error).__name__}: {error}")
            return
        finally:
            if large:
                gc.freeze()
                gc.enable()
        if result is not None and request.generation >= self.latest:
            self.finished.emit(result)


@dataclass(frozen=True)
class SharesRequest:
    generation: int
    library_path: Path
    pinned_id: int
    pinned_text: str
    others: tuple[tuple[int, int], ...]  # (article id, words)
    options: CompareOptions


@dataclass(frozen=True)
class PickRequest:
    generation: int
    library_path: Path
    ids: tuple[int, ...]
    options: CompareOptions


class _BackgroundWorker(QObject):
    """Library-wide jobs; opens its own library connection (one sqlite connection per thread)."""

    shares = Signal(int, object, bool)  # generation, {article id: share}, done
    picked = Signal(int, object)  # generation, CompareResult of the chosen pair or None
    failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0

    def _open(self, path: Path):  # noqa: ANN202 - reader.library imported lazily
        from reader.library import open_library  # noqa: PLC0415

        return open_library(path, seed_if_empty=False)

    @Slot(object)
    def run(self, request: SharesRequest | PickRequest) -> None:
        if request.generation < self.latest:
            return
        try:
            if isinstance(request, PickRequest):
                self._pick(request)
            else:
                self._shares(request)
        except Exception as error:  # noqa: BLE001 - shown in the status line
            record_error(error, "background work failed")
            self.failed.emit(request.generation, f"{type(error).__name__}: {error}")

    def _pick(self, request: PickRequest) -> None:
        """Choose the pair, and compare it here too so the window can show it at once."""
        library = self._open(request.library_path)
        try:
            texts = {i: library.text(i) for i in request.ids}
        finally:
            library.close()
        pair = pick_similar_pair(texts, request.options)
        result = None
        if pair is not None and request.generation >= self.latest:
            left, right = pair
            result = prepare_result(
                CompareRequest(0, left, right, texts[left], texts[right], request.options)
            )
        self.picked.emit(request.generation, result)

    def _shares(self, request: SharesRequest) -> None:
        """In a child process: shares of million-word articles would hold the GIL for seconds."""

        def progress(shares: dict[int, float], done: bool) -> None:
            self.shares.emit(request.generation, shares, done)

        shares_in_child(
            request.library_path, request.pinned_text, request.others, request.options,
            lambda: request.generation < self.latest, progress,
        )  # fmt: skip


class Comparer(QObject):
    """GUI-side handle: `request()` a pair, get `resultReady(CompareResult)` for the newest only."""

    resultReady = Signal(object)  # noqa: N815 - Qt naming
    busyChanged = Signal(bool)  # noqa: N815
    failed = Signal(str)
    sharesReady = Signal(object, bool)  # noqa: N815 - {id: share}, done
    pairPicked = Signal(object)  # noqa: N815 - CompareResult of the most similar pair, or None
    _submit = Signal(object)
    _submit_background = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.background_generation = 0
        self.busy = False
        self._thread = QThread()
        self._thread.setObjectName("qarin-compare")
        self._worker = _CompareWorker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self._background_thread = QThread()
        self._background_thread.setObjectName("qarin-background")
        self._background = _BackgroundWorker()
        self._background.moveToThread(self._background_thread)
        self._submit_background.connect(self._background.run)
        self._background.shares.connect(self._shares)
        self._background.picked.connect(self._picked)
        self._background.failed.connect(self._background_failed)
        self._thread.start()
        self._background_thread.start()
        try:
            warm_up()
        except (OSError, ValueError) as error:  # no fork server: children are spawned when needed
            record_error(error, "no fork server; children will be spawned")

    def request(self, left_id: int, right_id: int, text_a: str, text_b: str, options: CompareOptions) -> int:
        self.generation += 1
        self._worker.latest = self.generation
        self._set_busy(True)
        self._submit.emit(CompareRequest(self.generation, left_id, right_id, text_a, text_b, options))
        return self.generation

    def adopt(self, result: CompareResult) -> CompareResult:
        """A result computed elsewhere (swap, opening pair) becomes the current one."""
        return replace(result, generation=self.supersede())

    def supersede(self) -> int:
        """Drop whatever is pending (e.g. a swap answered from the last result)."""
        self.generation += 1
        self._worker.latest = self.generation
        self._set_busy(False)
        return self.generation

    def request_shares(
        self,
        library_path: Path,
        pinned_id: int,
        pinned_text: str,
        others: list[tuple[int, int]],
        options: CompareOptions,
    ) -> None:
        self.background_generation += 1
        self._background.latest = self.background_generation
        request = SharesRequest(
            self.background_generation, library_path, pinned_id, pinned_text, tuple(others), options
        )
        self._submit_background.emit(request)

    def request_pick(self, library_path: Path, ids: list[int], options: CompareOptions) -> None:
        self.background_generation += 1
        self._background.latest = self.background_generation
        recent = tuple(sorted(ids)[-PICK_CANDIDATES:])
        self._submit_background.emit(PickRequest(self.background_generation, library_path, recent, options))

    def cancel_background(self) -> None:
        self.background_generation += 1
        self._background.latest = self.background_generation

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    def _finished(self, result: CompareResult) -> None:
        if result.generation != self.generation:
            return
        self._set_busy(False)
        self.resultReady.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._set_busy(False)
            self.failed.emit(message)

    def _shares(self, generation: int, shares: dict, done: bool) -> None:
        if generation == self.background_generation:
            self.sharesReady.emit(shares, done)

    def _picked(self, generation: int, pair: object) -> None:
        if generation == self.background_generation:
            self.pairPicked.emit(pair)

    def _background_failed(self, generation: int, message: str) -> None:
        if generation == self.background_generation:
            self.failed.emit(message)

    def shutdown(self) -> None:
        """Stop the threads; a running comparison finishes first (Python code cannot be interrupted)."""
        self.supersede()
        self.cancel_background()
        for thread in (self._thread, self._background_thread):
            thread.quit()
        for thread in (self._thread, self._background_thread):
            thread.wait()
