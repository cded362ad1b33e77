"""Work in a child process, so the window's event loop never waits for the GIL.

The engine holds the GIL in long C calls (diffing, sorting) on million-word inputs, which would
freeze the GUI thread of the same process for seconds. `run_in_child` starts a child (no Qt, no
`reader.ui`), sends it texts, hands each message it sends back to the caller, and kills it at once
when the caller cancels. Big values travel as raw byte messages in slices, so neither side holds
the GIL for long on one call, and nothing big is unpickled.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

_CHUNK = 1 << 18  # bytes per pipe message
_POLL_SECONDS = 0.05

# What a child's `work` is given: the texts, then `send(kind, payload, blobs=())`.
Send = Callable[..., None]


class ChildFailed(RuntimeError):
    """The child process reported an error or died."""


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


def _send_blob(connection: Connection, blob: bytes) -> None:
    connection.send(len(blob) // _CHUNK + 1)
    for start in range(0, len(blob) + 1, _CHUNK):
        connection.send_bytes(blob[start : start + _CHUNK])


def _receive_blob(connection: Connection) -> bytes:
    return b"".join(connection.recv_bytes() for _ in range(connection.recv()))


def _send_text(connection: Connection, text: str) -> None:
    """In slices, each encoded on its own: one call over megabytes would hold the GIL."""
    step = _CHUNK // 4
    connection.send(len(text) // step + 1)
    for start in range(0, len(text) + 1, step):
        connection.send_bytes(text[start : start + step].encode("utf-8", "surrogatepass"))


def _receive_text(connection: Connection) -> str:
    pieces = [connection.recv_bytes() for _ in range(connection.recv())]
    return b"".join(pieces).decode("utf-8", "surrogatepass")


def _send_message(
    connection: Connection, kind: str, payload: object = None, blobs: Sequence[bytes] = ()
) -> None:
    """A message: its kind and small payload pickled, then its blobs as raw byte messages."""
    connection.send((kind, payload, len(blobs)))
    for blob in blobs:
        _send_blob(connection, blob)


def _receive_message(connection: Connection) -> tuple[str, Any, tuple[bytes, ...]]:
    kind, payload, count = connection.recv()
    return kind, payload, tuple(_receive_blob(connection) for _ in range(count))


def _child_main(receiver: Connection, sender: Connection, work: Callable[..., None], args: tuple) -> None:
    """In the child: receive the texts, run `work(texts, send, *args)`; an error goes back as one line."""
    try:
        texts = [_receive_text(receiver) for _ in range(receiver.recv())]
        work(texts, lambda kind, payload=None, blobs=(): _send_message(sender, kind, payload, blobs), *args)
    except BaseException as error:  # noqa: BLE001 - reported to the parent as one line
        _send_message(sender, "error", f"{type(error).__name__}: {error}")
    finally:
        sender.close()


def run_in_child(
    work: Callable[..., None],
    args: tuple,
    texts: Sequence[str],
    cancelled: Callable[[], bool],
    on_message: Callable[[str, Any, tuple[bytes, ...]], bool],
) -> bool:
    """Run `work(texts, send, *args)` (a module-level function) in a child process.

    Each `send(kind, payload, blobs)` of the child reaches `on_message(kind, payload, blobs)` here,
    which returns True for the last one. Returns False when `cancelled()` turned true first (the
    child is killed); raises ChildFailed when the child reports an error or dies.
    """
    context = _context()
    to_child, child_in = context.Pipe(duplex=False)[::-1]
    from_child, child_out = context.Pipe(duplex=False)
    process = context.Process(target=_child_main, args=(child_in, child_out, work, args), daemon=True)
    process.start()
    child_in.close()
    child_out.close()
    try:
        to_child.send(len(texts))
        for text in texts:
            _send_text(to_child, text)
        to_child.close()
        while True:
            if cancelled():
                process.kill()
                return False
            if not from_child.poll(_POLL_SECONDS):
                if not process.is_alive() and not from_child.poll(0):
                    raise ChildFailed(f"the child process stopped (exit code {process.exitcode})")
                continue
            kind, payload, blobs = _receive_message(from_child)
            if kind == "error":
                raise ChildFailed(payload)
            if on_message(kind, payload, blobs):
                return True
    except (EOFError, BrokenPipeError):
        raise ChildFailed("the child process stopped without an answer") from None
    finally:
        _reap(process, from_child)


def _reap(process: BaseProcess, from_child: Connection) -> None:
    """Close the pipe and make sure the child is gone (a killed or finished child is joined)."""
    from_child.close()
    process.join(timeout=2)
    if process.is_alive():
        process.kill()
