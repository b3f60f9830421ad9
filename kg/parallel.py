"""Mapping a function over a stream of items, in order, with a bounded number in flight.

:class:`Mapper` runs ``fn(context, batch)`` here, over ``jobs`` processes
or on a Dask cluster (``scheduler``), on batches of a
few items. Only ``window`` batches are out at once, so a stream of documents
is never all in memory; results come back in the order the items went in.

Worker processes are forked on Linux (they start with kg imported), spawned
elsewhere. ``context`` is what every call needs that is the same for all (the resolver
when writing graphs). It is sent to each worker once, not with every batch:
through a pickle file the worker processes read on first use, or scattered
to every Dask worker.
"""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections import deque
from concurrent.futures import Future
from typing import Any, Callable, Iterable, Iterator

from .errors import InputError

_CONTEXTS: dict[str, Any] = {}  # in a worker process: context file → its object, read once


def _context_from(path: str) -> Any:
    ctx = _CONTEXTS.get(path)
    if ctx is None:
        with open(path, "rb") as fh:
            ctx = pickle.load(fh)
        _CONTEXTS.clear()  # one context at a time (a build's resolver)
        _CONTEXTS[path] = ctx
    return ctx


def _run_batch(fn: Callable, context: Any, batch: list) -> list:
    return [fn(context, item) for item in batch]


def _run_batch_from_file(fn: Callable, context_path: str | None, batch: list) -> list:
    return _run_batch(fn, _context_from(context_path) if context_path else None, batch)


class Mapper:
    """``with Mapper(jobs, scheduler) as m: for r in m.map(fn, items, context): …``"""

    def __init__(self, jobs: int = 1, scheduler: str | None = None, batch: int = 8, window: int | None = None,
                 tmpdir: str | os.PathLike | None = None) -> None:
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self.batch = batch
        self.window = window or 4 * (self.jobs if not scheduler else 8)
        self.tmpdir = tmpdir
        self._pool = None
        self._client = None
        self._files: list[str] = []

    @property
    def parallel(self) -> bool:
        return bool(self.scheduler) or self.jobs > 1

    def __enter__(self) -> "Mapper":
        if self.scheduler:
            try:
                from dask.distributed import Client
            except ImportError as exc:
                raise InputError("--scheduler needs dask.distributed: pip install 'kg[dask]'") from exc
            self._client = Client(self.scheduler, timeout=30)
        elif self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # On Linux the workers are forked now, before this process starts any thread or opens a
            # store: they start at once with kg already imported (a spawned worker spends seconds
            # importing spaCy and jieba). Elsewhere fork is unsafe, and workers are spawned.
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method))
            self._pool.submit(int).result()  # start the workers here
        return self

    def __exit__(self, *exc) -> None:
        if self._client is not None:
            self._client.close()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        for f in self._files:
            try:
                os.unlink(f)
            except OSError:
                pass

    def map(self, fn: Callable[[Any, Any], Any], items: Iterable, context: Any = None,
            local: Callable[[Any], bool] | None = None) -> Iterator:
        """``fn(context, item)`` for each item, in order. Items for which ``local(item)`` is true are
        not sent anywhere: ``fn`` is not called and the item itself comes back in its place."""
        submit = self._submitter(fn, context)
        window = self.window if self.parallel else 0
        pending: deque = deque()  # (False, an item passed through) or (True, a batch's future)
        batch: list = []
        in_flight = 0

        def send() -> None:
            nonlocal batch, in_flight
            if batch:
                pending.append((True, submit(batch)))
                in_flight += 1
                batch = []

        def drain(limit: int) -> Iterator:
            nonlocal in_flight
            while pending and (in_flight > limit or not pending[0][0]):
                sent, head = pending.popleft()
                if sent:
                    in_flight -= 1
                    # Each result let go of once handed on: the batch's list would keep a dense
                    # document's facts alive while the build registers them.
                    results = head.result()
                    results.reverse()
                    while results:
                        yield results.pop()
                else:
                    yield head

        for item in items:
            if local is not None and local(item):
                send()
                pending.append((False, item))
            else:
                batch.append(item)
                if len(batch) >= self.batch:
                    send()
            yield from drain(window)
        send()
        yield from drain(-1)

    def _submitter(self, fn: Callable, context: Any) -> Callable[[list], Any]:
        """A function sending one batch off; what it returns has ``.result()``."""
        if self._client is not None:
            client = self._client
            ctx = client.scatter(context, broadcast=True) if context is not None else None
            return lambda batch: client.submit(_run_batch, fn, ctx, batch, pure=False)
        if self._pool is not None:
            path = None
            if context is not None:
                fd, path = tempfile.mkstemp(prefix=".kg-context-", suffix=".pickle", dir=self.tmpdir)
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(context, fh, protocol=pickle.HIGHEST_PROTOCOL)
                self._files.append(path)
            pool = self._pool
            return lambda batch: pool.submit(_run_batch_from_file, fn, path, batch)

        def here(batch: list) -> Future:
            out: Future = Future()
            out.set_result(_run_batch(fn, context, batch))
            return out

        return here
