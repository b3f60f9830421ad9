"""``kg serve``: the browser workbench and a read-only SPARQL 1.1 endpoint over a build, on localhost by default.

The web application (pages, JSON API, the endpoint's HTTP side) is :mod:`kg.web`,
served by uvicorn; this module holds what runs the queries and the server:

- :func:`answer` runs one SPARQL text sent by a client. With a store's directory
  it runs in a process of its own (:mod:`kg.bounded`), ended at the timeout and
  capped in memory: a runaway query stops and gives its memory back, and the
  server goes on. Answers SELECT and ASK in the SPARQL 1.1 Query Results JSON,
  XML, CSV or TSV format, CONSTRUCT and DESCRIBE in Turtle, N-Triples or RDF/XML
  (:mod:`kg.web.results`). The default graph is the union of all graphs.
  Updates are refused, and ``SERVICE`` unless ``allow_service``
  (:class:`~kg.errors.QueryRefused`, ``403``); at most ``limit`` rows are returned.
- :class:`Server` serves :func:`kg.web.app.make_app` with uvicorn on a socket it
  binds at once (a busy port fails here, not later), in this thread
  (:meth:`Server.serve_forever`) or in a thread of its own (:meth:`Server.start`).

Limits on what a client sends are in :mod:`kg.web.protocol` (the HTTP side) and
:mod:`kg.web.sparql` (the endpoint): each is answered with a status and the
server goes on.
"""
from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import MESSAGES, GraphNotFound, QueryError, QueryTimeout
from .outputs import STORE_DIR
from .query import check_query_text

QUERY_PATHS = ("/query", "/sparql")
# How long a refused request's unread remainder is discarded before the connection closes (kg.web.protocol).
DRAIN_SECONDS = 2.0
# The longest request line accepted (as http.server, which kg serve used before): longer ones get 414.
MAX_REQUEST_LINE = 65536
# The most the request line and headers together may take (past it: 414 for the line, 431 for headers).
MAX_HEAD = MAX_REQUEST_LINE + 16384


@dataclass
class ServeConfig:
    timeout: float = 30.0
    limit: int = 10000
    allow_service: bool = False
    memory: int = 4 * 2**30  # the cap on one query's process (bytes)
    max_body: int = 2**20  # the longest request body, and query string, accepted (bytes)


def open_store(graph_dir: str | Path) -> ox.Store:
    path = Path(graph_dir) / STORE_DIR
    if not path.is_dir():
        raise GraphNotFound(MESSAGES["no_graph"].format(path=graph_dir))
    return ox.Store.read_only(str(path))


def answer(store: ox.Store | str, text: str, config: ServeConfig, results: str = "json",
           graph: str = "turtle") -> tuple[str, bytes]:
    """(content type, body) for one query; raises QueryRefused, QueryError, QueryMemory or TimeoutError.

    ``results`` is the format of a SELECT or ASK answer (json, xml, csv, tsv), ``graph`` that of a
    CONSTRUCT or DESCRIBE answer (turtle, ntriples, rdfxml). With ``store`` a store's directory, the
    query runs in a process of its own, ended at the timeout and capped at ``config.memory`` bytes
    (:mod:`kg.bounded`). With an open store, in a thread."""
    check_query_text(text, "query", allow_service=config.allow_service)
    if isinstance(store, str):
        from .bounded import run_bounded

        try:
            return run_bounded(_answer_in_store, (store, text, config.limit, results, graph), config.timeout, config.memory)
        except QueryTimeout:
            raise TimeoutError(f"no answer within {config.timeout} s") from None
    return _answer(store, text, config.limit, results, graph, threading.Event(), config.timeout)


def _answer_in_store(store_dir: str, text: str, limit: int, results: str = "json", graph: str = "turtle") -> tuple[str, bytes]:
    """One query on the store opened in this process (the child of :func:`kg.bounded.run_bounded`)."""
    try:
        return _answer(ox.Store.read_only(store_dir), text, limit, results, graph, threading.Event(), None)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(str(exc)) from exc


def _answer(store: ox.Store, text: str, limit: int, results: str, graph: str, cancel: threading.Event,
            timeout: float | None) -> tuple[str, bytes]:
    from .web import results as fmt

    def run() -> tuple[str, bytes]:
        res = store.query(text, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return fmt.content_type(results), fmt.boolean(bool(res), results)
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            rows = []
            for sol in res:
                if cancel.is_set():
                    break
                rows.append(tuple(sol[n] for n in names))
                if len(rows) >= limit:
                    break
            del res  # Oxigraph's solutions belong to this thread
            return fmt.content_type(results), fmt.solutions(names, rows, results)
        items = []
        for i, t in enumerate(res):
            if i >= limit or cancel.is_set():
                break
            items.append(t)
        del res
        return fmt.content_type(graph), fmt.triples(items, graph)

    if timeout is None:
        return run()
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(run).result(timeout=timeout)
    except FutureTimeout:
        cancel.set()  # solutions are read one by one; the reader stops at the next
        raise TimeoutError(f"no answer within {timeout} s") from None
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(str(exc)) from exc
    finally:
        pool.shutdown(wait=False)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=2048)
    sock.set_inheritable(True)
    return sock


def _warm() -> None:
    from .query import list_queries

    try:
        list_queries()
    except Exception:  # noqa: BLE001 - a page that needs them says what is wrong
        pass


class Server:
    """The running workbench and endpoint; ``url`` is the endpoint's query URL, ``base`` the home page's.
    Use as a context manager or call ``close()``."""

    def __init__(self, graph_dir: str | Path, host: str = "127.0.0.1", port: int = 7879, config: ServeConfig | None = None) -> None:
        import uvicorn

        from .web.app import make_app
        from .web.protocol import KgH11Protocol

        open_store(graph_dir)  # a graph folder that is no build fails at once
        self.config = config or ServeConfig()
        self.app = make_app(graph_dir, self.config)
        self.sock = _bind(host, port)
        self.address = self.sock.getsockname()[:2]
        h, p = self.address
        h = f"[{h}]" if ":" in h else h
        self.base = f"http://{h}:{p}"
        self.url = f"{self.base}{QUERY_PATHS[0]}"
        self.uvicorn = uvicorn.Server(uvicorn.Config(
            self.app, http=KgH11Protocol, lifespan="off", log_level="warning", access_log=False,
            h11_max_incomplete_event_size=MAX_HEAD, timeout_graceful_shutdown=5, server_header=False,
        ))
        self._thread: threading.Thread | None = None
        # The named queries are read and checked once per process (a second or two): before the first page asks.
        threading.Thread(target=_warm, daemon=True).start()

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (Ctrl-C stops it cleanly)."""
        self.uvicorn.run(sockets=[self.sock])

    def start(self) -> "Server":
        self._thread = threading.Thread(target=self.uvicorn.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self.uvicorn.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.uvicorn.started:
            raise RuntimeError("kg serve did not start")
        return self

    def close(self) -> None:
        self.uvicorn.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self.sock.close()

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()
