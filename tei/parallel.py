"""Batches over worker processes: results in input order, memory bounded, failures per item.

A collection is thousands of independent documents, so the commands spread them over one
worker process per core. :func:`map_ordered` is the one way they do it:

- results come back in the order of the inputs, so messages, summaries and outputs are the
  same whatever the number of workers (``jobs=1`` runs in this process, through the same code);
- a failing item is an :class:`Outcome` holding its exception, never the end of the batch;
- work is sent in small chunks, and only a few chunks per worker are in flight at once: the
  inputs are consumed as the workers need them and each result is dropped once the caller has
  used it, so memory stays flat however long the batch;
- workers are forked after the caller's :func:`preload` hook has compiled what they need
  (stylesheets, schemas), so each worker starts with it instead of compiling it again;
- a worker killed by the system (the OOM killer, ``kill -9``) fails the batch with
  :class:`WorkerDied` instead of hanging it (``concurrent.futures`` notices a lost worker,
  ``multiprocessing.Pool`` waits for it forever);
- workers ignore Ctrl-C (the parent decides what an interruption means), die on SIGTERM and
  when the parent dies, and never write files: only the caller does, so an interrupted batch
  leaves whole files or none.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tei.errors import TeiError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

#: exit code of a batch whose worker was killed (the same as an internal error)
EXIT_WORKER_DIED = 3
#: chunks in flight per worker: enough to keep each busy while the parent handles results
IN_FLIGHT_PER_WORKER = 3
#: the most items sent to a worker at once (a long chunk delays the first results)
MAX_CHUNK = 32


class WorkerDied(TeiError):
    """A worker process was killed: the batch cannot go on (files written so far are whole)."""

    exit_code = EXIT_WORKER_DIED


@dataclass
class Outcome(Generic[R]):
    """One item's result, or the exception its work raised (re-raised by :meth:`get`)."""

    value: R | None = None
    error: BaseException | None = None
    #: a worker's traceback of a bug, as text (tracebacks do not cross processes)
    trace: str | None = None

    def get(self) -> R:
        """The value, or raise the item's exception (with the worker's traceback as cause)."""
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]


def cpu_count() -> int:
    """CPUs this process may use (a container's or ``taskset``'s limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def workers_for(jobs: int, items: int, min_per_worker: int = 8) -> int:
    """How many workers are worth starting: none for a handful of items (forking costs more
    than it saves), never more than ``jobs`` (0 means one per CPU)."""
    jobs = jobs or cpu_count()
    return max(1, min(jobs, items // min_per_worker))


def map_ordered(
    function: Callable[[Any, T], R],
    tasks: Iterable[T],
    jobs: int,
    context: Any = None,
    *,
    total: int | None = None,
    preload: Callable[[], None] | None = None,
) -> Iterator[Outcome[R]]:
    """``function(context, task)`` for each task, as outcomes in the order of ``tasks``.

    ``context`` is what every task shares (options, an authority): it is handed to each worker
    once, not with every task. ``function`` must be a module-level function (workers import it
    by name). With ``jobs`` 1, or fewer tasks than make workers worth it (``total``), everything
    runs here. Stopping the iteration early (an exception, Ctrl-C) stops the workers.
    """
    workers = workers_for(jobs, total if total is not None else 0) if jobs != 1 else 1
    if preload is not None:
        preload()
    if workers == 1:
        for task in tasks:
            yield _attempt(function, context, task)
        return
    size = max(1, min(MAX_CHUNK, (total or 0) // (workers * 8)))
    pool = worker_pool(workers, initializer=_set_context, initargs=(function, context, preload))
    finished = False
    try:
        yield from _stream(pool, _chunks(tasks, size), workers * IN_FLIGHT_PER_WORKER)
        finished = True
    finally:
        stop_pool(pool, finished)


def _stream(
    pool: ProcessPoolExecutor, chunks: Iterator[list[T]], limit: int
) -> Iterator[Outcome[R]]:
    """Keep ``limit`` chunks in flight; yield each chunk's outcomes as the oldest completes."""
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[Future[list[Outcome[R]]]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(_run_chunk, chunk))
        if len(pending) >= limit:
            break
    while pending:
        try:
            outcomes = pending.popleft().result()
        except BrokenProcessPool:
            raise WorkerDied(
                "a worker process was killed (by the system running out of memory, or a "
                "signal); the batch stopped",
                source="tei",
                hint="files written so far are complete; run again (with --jobs 1 to use less "
                "memory)",
            ) from None
        chunk = next(chunks, None)
        if chunk is not None:
            pending.append(pool.submit(_run_chunk, chunk))
        for outcome in outcomes:
            if outcome.error is not None and outcome.trace is not None:
                outcome.error.__cause__ = RemoteTraceback(outcome.trace)
            yield outcome


def _chunks(tasks: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --------------------------------------------------------------------------- in the worker

#: what :func:`map_ordered` handed this worker: its function and the shared context
_WORK: tuple[Callable[[Any, Any], Any], Any] | None = None


def _set_context(
    function: Callable[[Any, Any], Any], context: Any, preload: Callable[[], None] | None
) -> None:
    global _WORK
    _WORK = (function, context)
    if preload is not None:
        preload()  # already done before a fork; a spawned worker does it here, once


def _run_chunk(chunk: list[Any]) -> list[Outcome[Any]]:
    assert _WORK is not None, "worker started without its context"
    function, context = _WORK
    return [_portable(_attempt(function, context, task)) for task in chunk]


def _attempt(function: Callable[[Any, T], R], context: Any, task: T) -> Outcome[R]:
    try:
        return Outcome(value=function(context, task))
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        return Outcome(error=exc)


def _portable(outcome: Outcome[R]) -> Outcome[R]:
    """The outcome as it can cross to the parent: the error rebuilt, a bug's traceback as text."""
    error = outcome.error
    if error is None:
        return outcome
    trace = None
    if not isinstance(error, TeiError):
        trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return Outcome(error=portable_error(error), trace=trace)


def portable_error(error: BaseException) -> BaseException:
    """An exception that survives the trip to the parent process: one that does not unpickle
    as itself becomes a TeiError with the same message and place, and a bug's traceback is
    kept as text (``--debug`` shows it as the cause, as ``concurrent.futures`` does)."""
    remote = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        copy = pickle.loads(pickle.dumps(error))
        if type(copy) is not type(error) or str(copy) != str(error):
            raise TypeError("does not round-trip")
    except Exception:
        copy = _stand_in(error)
    if not isinstance(copy, TeiError):
        copy.__cause__ = RemoteTraceback(remote)
    return copy


def _stand_in(error: BaseException) -> BaseException:
    if isinstance(error, TeiError):
        stand_in = TeiError(
            error.message,
            source=error.location.source,
            line=error.location.line,
            column=error.location.column,
            hint=error.hint,
        )
        stand_in.exit_code = error.exit_code
        return stand_in
    return RuntimeError(f"{type(error).__name__}: {error}")


class RemoteTraceback(Exception):
    """A worker's traceback, as text, chained to the exception it explains."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f'\n"""\n{self.text}"""'


# --------------------------------------------------------------------------- the pool


def worker_pool(
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, all started before it returns.

    Forked where the platform can (workers inherit what the parent compiled), and forked at
    once: Python otherwise forks them at the first tasks, possibly after the caller started a
    thread (jing's), and forking a process that runs threads can copy a lock some thread holds.
    ``concurrent.futures`` rather than ``multiprocessing.Pool``, because its futures raise when
    a worker dies where ``Pool`` waits forever for the lost task.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(initializer, initargs),
    )
    for future in [pool.submit(int) for _ in range(workers)]:
        future.result()
    return pool


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    """A worker dies on SIGTERM and with its parent, and leaves Ctrl-C to its parent.

    A forked worker inherits the handlers of ``tei``'s main process, which turn SIGTERM into
    an unwinding SystemExit; a worker caught unwinding while it held the pool's queue lock once
    left its parent waiting forever. Dying with the parent (Linux) means a ``kill -9`` of
    ``tei`` leaves no idle workers behind.
    """
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if initializer is not None:
        initializer(*initargs)


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, 9)  # SIGKILL when the parent exits
    except (OSError, AttributeError):  # not Linux: the workers exit when the pipe closes
        pass


def stop_pool(pool: ProcessPoolExecutor, finished: bool = False) -> None:
    """Let the workers exit after a whole batch; stop them at once after an interrupted one:
    they hold no file open for writing, so nothing they were doing needs to finish."""
    if finished:
        pool.shutdown(wait=True)
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
