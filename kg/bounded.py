"""Work that must stop at a deadline: a query run in a child process that is ended when time is up.

A SPARQL query inside Oxigraph (an ``ORDER BY`` or a ``COUNT`` over a cartesian
product) does not come back to Python until it has its first answer, so a
thread cannot stop it: it keeps a core busy and its memory grows after the
caller has given up. :func:`run_bounded` runs the work in a child process
instead (see :func:`_ctx` for how it is started), waits for the
answer until the deadline, and kills the child past it; the kernel takes its
memory back at once. The child's address space is capped (``RLIMIT_AS``), so
a query that would take all the machine's memory fails alone.
"""
from __future__ import annotations

import multiprocessing as mp
import resource
import threading
from typing import Any, Callable

from .errors import MESSAGES, QueryError, QueryMemory, QueryTimeout

# The default cap on a query process's address space: generous (Oxigraph maps its files), far below the machine.
DEFAULT_MEMORY = 4 * 2**30

_server = None


def _ctx():
    """How the child is started: forked from this process while it runs one thread (``kg query``:
    instant, kg already imported); from a fork server when it runs several (``kg serve``: forking a
    process with threads can copy a lock another thread holds). A fork server, like ``spawn``, starts
    by importing the caller's ``__main__``: a script that queries with a timeout puts its work under
    ``if __name__ == "__main__":``, as with any multiprocessing."""
    global _server
    methods = mp.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return mp.get_context("fork")
    if _server is None:
        _server = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            _server.set_forkserver_preload(["kg.query", "pyoxigraph"])
    return _server


def _child(conn, fn: Callable, args: tuple, memory: int | None) -> None:
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        result: tuple[str, Any] = ("ok", fn(*args))
    except MemoryError:
        result = ("memory", None)
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        result = ("error", exc)
    try:
        conn.send(result)
    except Exception as exc:  # noqa: BLE001 - an answer or exception that cannot be pickled
        conn.send(("error", QueryError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def run_bounded(fn: Callable, args: tuple, timeout: float, memory: int | None = DEFAULT_MEMORY, what: str = "query"):
    """``fn(*args)`` in a child process: its result, or :class:`~kg.errors.QueryTimeout` at ``timeout`` seconds (the
    child is killed), :class:`~kg.errors.QueryMemory` past ``memory`` bytes; an exception ``fn`` raises is
    raised here. ``fn`` and ``args`` must be picklable (``fn`` a module-level function)."""
    ctx = _ctx()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, fn, args, memory), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(MESSAGES["timeout"].format(query=what, seconds=timeout))
        try:
            kind, value = receiver.recv()
        except EOFError:
            # The child ended without an answer: Oxigraph aborts when an allocation fails.
            proc.join(5)
            raise QueryMemory(MESSAGES["query_died"].format(query=what, code=proc.exitcode, memory=(memory or 0) / 2**30)) from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receiver.close()
    if kind == "ok":
        return value
    if kind == "memory":
        raise QueryMemory(MESSAGES["query_memory"].format(query=what, memory=(memory or 0) / 2**30))
    raise value
