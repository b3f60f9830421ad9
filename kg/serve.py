"""``kg serve``: a read-only SPARQL 1.1 endpoint over a build's store, on localhost by default.

The SPARQL 1.1 Protocol's query operation at ``/query`` (and ``/sparql``):
``GET ?query=…``, ``POST`` form-encoded ``query=…``, or ``POST`` with
``Content-Type: application/sparql-query``. Answers SELECT and ASK in the W3C
SPARQL JSON results format and CONSTRUCT/DESCRIBE in N-Triples. The default
graph is the union of all graphs.

Refused, with ``403`` and nothing executed: updates (``/update``, an
``update=`` form field, or update text sent as a query) and, unless the
server was started with ``allow_service``, queries using ``SERVICE``.
Each query runs under a timeout and returns at most ``limit`` rows.

Limits on what a client sends; each is answered, and the server goes on:

- a body longer than ``max_body`` (1 MiB): ``413``, before the body is read;
- a ``Content-Length`` that is no non-negative integer (or two that differ): ``400``;
- a query string longer than ``max_body``: ``414``; a request line over 65,536 bytes
  is refused with ``414`` by :mod:`http.server` itself;
- a query nested deeper than :data:`kg.query.MAX_NESTING` (100) levels of braces,
  brackets and parentheses, or deeper than the SPARQL parser can follow: ``400``;
- anything else that fails inside the server: ``500``.

A request refused before its body (or the rest of its request line) was read is
answered, and then what the client still sends is discarded for at most
``DRAIN_SECONDS`` before the connection closes: a socket closed with unread data
is reset, and the client could lose the answer.
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from .outputs import STORE_DIR
from .errors import MESSAGES, GraphNotFound, QueryError, QueryMemory, QueryRefused, QueryTimeout
from .query import check_query_text, ox_to_rdflib, term_json

QUERY_PATHS = ("/query", "/sparql")


@dataclass
class ServeConfig:
    timeout: float = 30.0
    limit: int = 10000
    allow_service: bool = False
    memory: int = 4 * 2**30  # the cap on one query's process (bytes)
    max_body: int = 2**20  # the longest request body, and query string, accepted (bytes)


# How long a refused request's unread remainder is discarded before the connection closes (see the module's docstring).
DRAIN_SECONDS = 2.0
# http.server reads at most this much of a request line, and answers 414 past it.
MAX_REQUEST_LINE = 65536
_DIGITS = re.compile(r"[0-9]+")


def ox_term_json(t) -> dict:
    return term_json(ox_to_rdflib(t))


def open_store(graph_dir: str | Path) -> ox.Store:
    path = Path(graph_dir) / STORE_DIR
    if not path.is_dir():
        raise GraphNotFound(MESSAGES["no_graph"].format(path=graph_dir))
    return ox.Store.read_only(str(path))


def answer(store: ox.Store | str, text: str, config: ServeConfig) -> tuple[str, bytes]:
    """(content type, body) for one query; raises QueryRefused, QueryError or TimeoutError.

    With ``store`` a store's directory, the query runs in a process of its own, ended at the
    timeout and capped at ``config.memory`` bytes (:mod:`kg.bounded`): a query that runs away
    stops and gives its memory back, and the server goes on. With an open store, in a thread."""
    check_query_text(text, "query", allow_service=config.allow_service)
    if isinstance(store, str):
        from .bounded import run_bounded

        try:
            return run_bounded(_answer_in_store, (store, text, config.limit), config.timeout, config.memory)
        except QueryTimeout:
            raise TimeoutError(f"no answer within {config.timeout} s") from None
    cancel = threading.Event()
    return _answer(store, text, config.limit, cancel, config.timeout)


def _answer_in_store(store_dir: str, text: str, limit: int) -> tuple[str, bytes]:
    """One query on the store opened in this process (the child of :func:`kg.bounded.run_bounded`)."""
    try:
        return _answer(ox.Store.read_only(store_dir), text, limit, threading.Event(), None)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(str(exc)) from exc


def _answer(store: ox.Store, text: str, limit: int, cancel: threading.Event, timeout: float | None) -> tuple[str, bytes]:
    def run() -> tuple[str, bytes]:
        res = store.query(text, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return "application/sparql-results+json", json.dumps({"head": {}, "boolean": bool(res)}).encode()
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            rows = []
            for sol in res:
                if cancel.is_set():
                    break
                rows.append({n: ox_term_json(sol[n]) for n in names if sol[n] is not None})
                if len(rows) >= limit:
                    break
            del res  # Oxigraph's solutions belong to this thread
            body = {"head": {"vars": names}, "results": {"bindings": rows}}
            return "application/sparql-results+json", json.dumps(body, ensure_ascii=False).encode("utf-8")
        lines = []
        for i, t in enumerate(res):
            if i >= limit or cancel.is_set():
                break
            lines.append(f"{t.subject} {t.predicate} {t.object} .")
        del res
        return "application/n-triples", ("\n".join(lines) + "\n").encode("utf-8")

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


def discard(handler: BaseHTTPRequestHandler, pending: int | None) -> None:
    """After an answer, read and drop what the client still sends: ``pending`` bytes, or (None) until it closes,
    for at most :data:`DRAIN_SECONDS`; never more than 64 KiB held at once."""
    deadline = time.monotonic() + DRAIN_SECONDS
    try:
        handler.wfile.flush()
        handler.connection.shutdown(socket.SHUT_WR)  # the answer is complete: a client reading to the end stops here
        while pending is None or pending > 0:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            handler.connection.settimeout(left)
            chunk = handler.rfile.read1(65536 if pending is None else min(pending, 65536))
            if not chunk:
                return
            if pending is not None:
                pending -= len(chunk)
    except OSError:  # the client went away, or the time is up: either way the connection closes now
        pass


def make_handler(store: ox.Store | str, config: ServeConfig):
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-serve"
        # http.server's own refusals (414, 431, 501 …) in plain text, like the others.
        error_content_type = "text/plain; charset=utf-8"
        error_message_format = "%(code)d %(message)s: %(explain)s\n"

        def log_message(self, fmt, *args):  # quiet by default; the CLI prints the address
            pass

        def handle_one_request(self) -> None:
            super().handle_one_request()
            if len(getattr(self, "raw_requestline", b"")) > MAX_REQUEST_LINE:
                discard(self, None)  # http.server answered 414 with the rest of the line unread

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code == 414 and explain is None:
                explain = f"the request line is longer than {MAX_REQUEST_LINE:,} bytes; send a long query in a POST body"
            super().send_error(code, message, explain)

        def _send(self, code: int, ctype: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")  # one request a connection (HTTP/1.0)
            self.end_headers()
            self.wfile.write(body)

        def _error(self, code: int, message: str) -> None:
            self._send(code, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

        def _run(self, text: str | None) -> None:
            if not text:
                self._error(400, "give a SPARQL query as ?query=… or in the request body")
                return
            try:
                ctype, body = answer(store, text, config)
            except QueryRefused as exc:
                self._error(403, str(exc))
            except QueryMemory as exc:
                self._error(503, str(exc))
            except QueryError as exc:
                self._error(400, str(exc))
            except TimeoutError as exc:
                self._error(503, str(exc))
            except Exception as exc:
                # A fault of kg's, not the client's: answer it, then let the server print the traceback.
                self._error(500, f"kg serve failed on this query ({type(exc).__name__}); the server goes on")
                raise
            else:
                self._send(200, ctype, body)

        def _refuse_unread(self, code: int, message: str, pending: int | None) -> None:
            """Answer ``code`` to a request whose body was not read, and close the connection."""
            self.close_connection = True
            self._error(code, message)
            discard(self, pending)

        def _content_length(self) -> int | None:
            """The body's declared length (0 without one); None, with a 400 sent, when it is unusable."""
            values = {v.strip() for v in self.headers.get_all("Content-Length") or []}
            if not values:
                return 0
            value = values.pop()
            if values or not _DIGITS.fullmatch(value):
                # int() would take "-5", "+5", " 5" and "1_000"; a negative length reads to the end of the stream.
                self._refuse_unread(400, "Content-Length must be a non-negative integer (one value)", None)
                return None
            return int(value)

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path not in QUERY_PATHS:
                self._error(404, f"the SPARQL endpoint is at {QUERY_PATHS[0]}")
                return
            if len(url.query) > config.max_body:
                self._error(414, f"the query string is {len(url.query):,} bytes, more than {config.max_body:,}; "
                                 "send a long query in a POST body")
                return
            qs = urllib.parse.parse_qs(url.query)
            if "update" in qs:
                self._error(403, MESSAGES["update_refused"].format(path="request"))
                return
            self._run((qs.get("query") or [None])[0])

        def do_POST(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            length = self._content_length()
            if length is None:
                return
            if length > config.max_body:
                self._refuse_unread(413, f"the request body is {length:,} bytes, more than {config.max_body:,}", length)
                return
            raw = self.rfile.read(length) if length else b""
            if url.path not in QUERY_PATHS:
                code = 403 if url.path in ("/update", "/store") else 404
                self._error(code, MESSAGES["update_refused"].format(path=url.path) if code == 403 else "not found")
                return
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if ctype == "application/sparql-update":
                self._error(403, MESSAGES["update_refused"].format(path="request"))
                return
            if ctype == "application/sparql-query":
                self._run(raw.decode("utf-8", "replace"))
                return
            form = urllib.parse.parse_qs(raw.decode("utf-8", "replace"))
            form.update(urllib.parse.parse_qs(url.query))
            if "update" in form:
                self._error(403, MESSAGES["update_refused"].format(path="request"))
                return
            self._run((form.get("query") or [None])[0])

        def _refuse(self) -> None:
            self._error(405, "kg serve is read-only")

        do_PUT = do_DELETE = do_PATCH = _refuse

    return Handler


class Server:
    """A running endpoint; ``url`` is its query URL. Use as a context manager or call ``close()``."""

    def __init__(self, graph_dir: str | Path, host: str = "127.0.0.1", port: int = 7879, config: ServeConfig | None = None) -> None:
        self.store = open_store(graph_dir)  # (opened once here: a graph folder that is no build fails at once)
        store_dir = str(Path(graph_dir) / STORE_DIR)
        self.httpd = ThreadingHTTPServer((host, port), make_handler(store_dir, config or ServeConfig()))
        self.httpd.daemon_threads = True
        h, p = self.httpd.server_address[:2]
        self.url = f"http://{h}:{p}/query"
        self._thread: threading.Thread | None = None

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def start(self) -> "Server":
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()
