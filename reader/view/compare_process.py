"""Large comparisons run in a child process, so the window's event loop never waits for the GIL.

The engine holds the GIL in long C calls (diffing, sorting) on million-word inputs, which would
freeze the GUI thread of the same process for seconds. A spawned child (no Qt) runs `compare`
and sends the result back packed into flat arrays, which unpickle in one memcpy; the worker thread
rebuilds the frozen result objects in plain Python loops, which let the GUI thread run between
bytecodes. A superseded request kills its child at once. No Qt in this module.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from array import array
from collections.abc import Callable

from reader.compare import CompareOptions, Comparison, Passage, Segment, Stats, compare
from reader.text.normalize import fold_word
from reader.text.stopwords import stopword_keys
from reader.text.tokens import token_spans

# Inputs longer than this (characters of both texts) go to a child process.
LARGE_INPUT_CHARS = 400_000
_KINDS = ("same", "changed", "only")
_POLL_SECONDS = 0.05


def _context() -> multiprocessing.context.BaseContext:
    """A fork server where there is one: it starts once, while this process is small, and forks
    children already holding the engine. Starting a child from a process holding a million-word
    comparison would otherwise copy its page tables with the GIL held (a 0.2 s freeze)."""
    if not getattr(sys, "frozen", False) and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["reader.view.compare_process"])
        return context
    return multiprocessing.get_context("spawn")


def warm_up() -> None:
    """Start the fork server now (the window calls this at start-up)."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver  # noqa: PLC0415

        forkserver.ensure_running()


class ComparisonFailed(RuntimeError):
    """The child process reported an error or died."""


def pack(comparison: Comparison) -> dict:
    out: dict = {
        "lengths": (comparison.a_length, comparison.b_length),
        "stats": (comparison.stats.shared_a, comparison.stats.shared_b, comparison.stats.passages,
                  comparison.stats.moved),
        "passages": [(p.a, p.b, p.moved, p.similarity) for p in comparison.passages],
    }  # fmt: skip
    for side in ("a", "b"):
        segments = comparison.segments(side)
        starts, ends, passages = array("q"), array("q"), array("q")
        kinds = bytearray()
        chars = array("q")  # triples: segment index, start, end
        for index, segment in enumerate(segments):
            starts.append(segment.start)
            ends.append(segment.end)
            passages.append(-1 if segment.passage is None else segment.passage)
            kinds.append(_KINDS.index(segment.kind))
            for lo, hi in segment.chars:
                chars.extend((index, lo, hi))
        out[side] = (starts.tobytes(), ends.tobytes(), passages.tobytes(), bytes(kinds), chars.tobytes())
    return out


def _unpack_side(packed: tuple[bytes, bytes, bytes, bytes, bytes]) -> tuple[Segment, ...]:
    starts, ends, passages, chars = array("q"), array("q"), array("q"), array("q")
    starts.frombytes(packed[0])
    ends.frombytes(packed[1])
    passages.frombytes(packed[2])
    kinds = packed[3]
    chars.frombytes(packed[4])
    by_segment: dict[int, list[tuple[int, int]]] = {}
    for k in range(0, len(chars), 3):
        by_segment.setdefault(chars[k], []).append((chars[k + 1], chars[k + 2]))
    out = []
    for index in range(len(starts)):
        passage = passages[index]
        out.append(
            Segment(
                starts[index], ends[index], _KINDS[kinds[index]], None if passage < 0 else passage,
                tuple(by_segment.get(index, ())),
            )
        )  # fmt: skip
    return tuple(out)


def unpack(packed: dict) -> Comparison:
    passages = tuple(
        Passage(tuple(a), tuple(b), moved, similarity) for a, b, moved, similarity in packed["passages"]
    )
    a_length, b_length = packed["lengths"]
    return Comparison(
        a_length,
        b_length,
        Stats(*packed["stats"]),
        passages,
        _unpack_side(packed["a"]),
        _unpack_side(packed["b"]),
    )


_CHUNK = 1 << 18  # bytes per pipe message: no single call holds the GIL for long


def _send_text(connection, text: str) -> None:  # noqa: ANN001 - a multiprocessing Connection
    """In slices, each encoded on its own: one call over megabytes would hold the GIL."""
    step = _CHUNK // 4
    connection.send(len(text) // step + 1)
    for start in range(0, len(text) + 1, step):
        connection.send_bytes(text[start : start + step].encode("utf-8", "surrogatepass"))


def _receive_text(connection) -> str:  # noqa: ANN001
    pieces = [connection.recv_bytes() for _ in range(connection.recv())]
    return b"".join(pieces).decode("utf-8", "surrogatepass")


def _send_packed(connection, packed: dict) -> None:  # noqa: ANN001
    """The small parts pickled, the arrays as raw byte messages (no unpickling of big objects)."""
    sides = {side: packed.pop(side) for side in ("a", "b")}
    connection.send(packed)
    for side in ("a", "b"):
        for blob in sides[side]:
            connection.send(len(blob) // _CHUNK + 1)
            for start in range(0, len(blob) + 1, _CHUNK):
                connection.send_bytes(blob[start : start + _CHUNK])


def _receive_packed(connection) -> dict:  # noqa: ANN001
    packed = connection.recv()
    if "error" in packed:
        return packed
    for side in ("a", "b"):
        blobs = []
        for _ in range(5):
            blobs.append(b"".join(connection.recv_bytes() for _ in range(connection.recv())))
        packed[side] = tuple(blobs)
    return packed


def _child(receiver, sender, options: CompareOptions) -> None:  # noqa: ANN001
    try:
        text_a = _receive_text(receiver)
        text_b = _receive_text(receiver)
        _send_packed(sender, pack(compare(text_a, text_b, options)))
    except BaseException as error:  # noqa: BLE001 - reported to the parent as one line
        sender.send({"error": f"{type(error).__name__}: {error}"})
    finally:
        sender.close()


def compare_in_child(
    text_a: str, text_b: str, options: CompareOptions, cancelled: Callable[[], bool]
) -> Comparison | None:
    """`compare` in a spawned process; None when `cancelled()` turned true first (child killed)."""
    context = _context()
    to_child, child_in = context.Pipe(duplex=False)[::-1]
    from_child, child_out = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child_in, child_out, options), daemon=True)
    process.start()
    child_in.close()
    child_out.close()
    try:
        _send_text(to_child, text_a)
        _send_text(to_child, text_b)
        to_child.close()
        while not from_child.poll(_POLL_SECONDS):
            if cancelled():
                process.kill()
                return None
            if not process.is_alive() and not from_child.poll(0):
                raise ComparisonFailed(f"the comparison process stopped (exit code {process.exitcode})")
        packed = _receive_packed(from_child)
    except (EOFError, BrokenPipeError):
        raise ComparisonFailed("the comparison process stopped without an answer") from None
    finally:
        _reap(process, from_child)
    if "error" in packed:
        raise ComparisonFailed(packed["error"])
    return unpack(packed)


# Articles up to this many words are compared exactly for the shares column; longer ones estimated.
EXACT_SHARE_WORDS = 30_000
_SHARES_EMIT_SECONDS = 0.25


def word_set(text: str, options: CompareOptions) -> frozenset[str]:
    """Folded content words: cheap similarity for large texts."""
    stop = stopword_keys(options.normalize)
    _, _, words = token_spans(text)
    keys = (fold_word(w, options.normalize) for w in words)
    return frozenset(k for k in keys if len(k) > 1 and k not in stop)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _shares_child(receiver, sender, library_path: str, others, options: CompareOptions) -> None:  # noqa: ANN001
    """Share of each other article found in the pinned one; partial results as they come."""
    from reader.library import open_library  # noqa: PLC0415 - only the child needs it

    try:
        pinned = _receive_text(receiver)
        pinned_words = len(pinned) // 5  # a word and a space average ~6 characters
        pinned_set: frozenset[str] | None = None
        library = open_library(library_path, seed_if_empty=False)
        shares: dict[int, float] = {}
        last = time.perf_counter()
        for article_id, words in others:
            text = library.text(article_id)
            if max(words, pinned_words) <= EXACT_SHARE_WORDS:
                shares[article_id] = compare(pinned, text, options).stats.shared_b
            else:
                pinned_set = pinned_set if pinned_set is not None else word_set(pinned, options)
                other = word_set(text, options)
                shares[article_id] = len(pinned_set & other) / len(other) if other else 0.0
            if time.perf_counter() - last > _SHARES_EMIT_SECONDS:
                sender.send(("partial", shares))
                shares, last = {}, time.perf_counter()
        library.close()
        sender.send(("done", shares))
    except BaseException as error:  # noqa: BLE001
        sender.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        sender.close()


def shares_in_child(
    library_path,
    pinned_text: str,
    others,
    options: CompareOptions,  # noqa: ANN001
    cancelled: Callable[[], bool],
    progress: Callable[[dict[int, float], bool], None],
) -> None:
    """Run the shares job in a spawned process; `progress(all shares so far, done)`."""
    context = _context()
    to_child, child_in = context.Pipe(duplex=False)[::-1]
    from_child, child_out = context.Pipe(duplex=False)
    args = (child_in, child_out, str(library_path), tuple(others), options)
    process = context.Process(target=_shares_child, args=args, daemon=True)
    process.start()
    child_in.close()
    child_out.close()
    shares: dict[int, float] = {}
    try:
        _send_text(to_child, pinned_text)
        to_child.close()
        while True:
            if cancelled():
                process.kill()
                return
            if not from_child.poll(_POLL_SECONDS):
                if not process.is_alive() and not from_child.poll(0):
                    raise ComparisonFailed(f"the shares process stopped (exit code {process.exitcode})")
                continue
            kind, payload = from_child.recv()
            if kind == "error":
                raise ComparisonFailed(payload)
            shares.update(payload)
            progress(dict(shares), kind == "done")
            if kind == "done":
                return
    except (EOFError, BrokenPipeError):
        raise ComparisonFailed("the shares process stopped without an answer") from None
    finally:
        _reap(process, from_child)


def _reap(process, from_child) -> None:  # noqa: ANN001 - a multiprocessing Process and Connection
    """Close the pipe and make sure the child is gone (a killed or finished child is joined)."""
    from_child.close()
    process.join(timeout=2)
    if process.is_alive():
        process.kill()


def compare_anywhere(
    text_a: str, text_b: str, options: CompareOptions, cancelled: Callable[[], bool]
) -> Comparison | None:
    """Small inputs here (a child costs ~0.3 s to start), large ones in a child process."""
    if len(text_a) + len(text_b) < LARGE_INPUT_CHARS:
        return compare(text_a, text_b, options)
    return compare_in_child(text_a, text_b, options, cancelled)
