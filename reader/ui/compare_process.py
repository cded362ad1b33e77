"""Large comparisons run in a child process, so the window's event loop never waits for the GIL.

The engine holds the GIL in long C calls (diffing, sorting) on million-word inputs, which would
freeze the GUI thread of the same process for seconds. A spawned child (no Qt) runs `compare`
and sends the result back packed into flat arrays, which unpickle in one memcpy; the worker thread
rebuilds the frozen result objects in plain Python loops, which let the GUI thread run between
bytecodes. A superseded request kills its child at once. No Qt in this module.
"""

from __future__ import annotations

import multiprocessing
from array import array
from collections.abc import Callable

from reader.compare import CompareOptions, Comparison, Passage, Segment, Stats, compare

# Inputs longer than this (characters of both texts) go to a child process.
LARGE_INPUT_CHARS = 400_000
_KINDS = ("same", "changed", "only")
_POLL_SECONDS = 0.05


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


def _child(connection, text_a: str, text_b: str, options: CompareOptions) -> None:  # noqa: ANN001
    try:
        connection.send(pack(compare(text_a, text_b, options)))
    except BaseException as error:  # noqa: BLE001 - reported to the parent as one line
        connection.send({"error": f"{type(error).__name__}: {error}"})
    finally:
        connection.close()


def compare_in_child(
    text_a: str, text_b: str, options: CompareOptions, cancelled: Callable[[], bool]
) -> Comparison | None:
    """`compare` in a spawned process; None when `cancelled()` turned true first (child killed)."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, text_a, text_b, options), daemon=True)
    process.start()
    sender.close()
    try:
        while not receiver.poll(_POLL_SECONDS):
            if cancelled():
                process.kill()
                return None
            if not process.is_alive() and not receiver.poll(0):
                raise ComparisonFailed(f"the comparison process stopped (exit code {process.exitcode})")
        packed = receiver.recv()
    except EOFError:
        raise ComparisonFailed("the comparison process stopped without an answer") from None
    finally:
        receiver.close()
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
    if "error" in packed:
        raise ComparisonFailed(packed["error"])
    return unpack(packed)


def compare_anywhere(
    text_a: str, text_b: str, options: CompareOptions, cancelled: Callable[[], bool]
) -> Comparison | None:
    """Small inputs here (a child costs ~0.3 s to start), large ones in a child process."""
    if len(text_a) + len(text_b) < LARGE_INPUT_CHARS:
        return compare(text_a, text_b, options)
    return compare_in_child(text_a, text_b, options, cancelled)
