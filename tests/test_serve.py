"""kg serve: a read-only SPARQL endpoint, asked with a standard SPARQL client."""
import json
import logging
import socket
import threading
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from urllib.error import HTTPError

from kg import run_query
from kg.query import load_query
from kg.query import MAX_NESTING
from kg.serve import ServeConfig, Server

def _grouped(rows):
    """Rows with their GROUP_CONCAT columns (;-joined names) as sorted lists."""
    return [{k: sorted(v.split(";")) if k in ("organizationName", "countryName") else v for k, v in r.items()} for r in rows]



@pytest.fixture(scope="module")
def server(seed_build):
    out, _ = seed_build
    with Server(out, port=0, config=ServeConfig(timeout=10)) as srv:
        yield srv


class Listener:
    """A TCP listener that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


def test_named_query_over_http_matches_the_local_store(server, seed_build):
    out, _ = seed_build
    client = SPARQLWrapper(server.url)
    client.setQuery(load_query("who-met-whom").text)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    local = run_query("who-met-whom", out).rows
    remote = [{c: b.get(c, {}).get("value", "") for c in local[0]} for b in data["results"]["bindings"]]
    # (GROUP_CONCAT's order is the engine's plan's, which SPARQL leaves open: compared as sets.)
    assert _grouped(remote) == _grouped(local)


def test_update_is_refused_and_changes_nothing(server):
    client = SPARQLWrapper(server.url)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
    with pytest.raises((SPARQLWrapperException, HTTPError)):
        client.query()
    ask = SPARQLWrapper(server.url)
    ask.setQuery("ASK { GRAPH <urn:g> { ?s ?p ?o } }")
    ask.setReturnFormat(JSON)
    assert ask.query().convert()["boolean"] is False


def test_service_is_refused_before_anything_reaches_the_target(server):
    target = Listener()
    client = SPARQLWrapper(server.url)
    client.setQuery(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{target.port}/> {{ ?s ?p ?o }} }}")
    client.setReturnFormat(JSON)
    with pytest.raises((SPARQLWrapperException, HTTPError)) as err:
        client.query()
    assert "403" in str(err.value) or "SERVICE" in str(err.value)
    assert target.connections == 0


# The edges of the endpoint: each request below is answered with a status, and the server answers the next one.

COUNT = "SELECT (COUNT(*) AS ?n) {?s ?p ?o}"


def exchange(server: Server, data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes to the server; its status, headers and body (read to the end, as the connection closes)."""
    host, port = server.address
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(data)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply, "the connection closed without an answer"
    head, _, body = reply.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
    return int(status_line.split()[1]), headers, body


def post(server: Server, body: bytes, length: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """A POST of ``body`` as application/sparql-query, with ``length`` as its Content-Length (the true one if None)."""
    head = ("POST /query HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
            f"Content-Length: {len(body) if length is None else length}\r\n\r\n")
    return exchange(server, head.encode() + body)


def assert_still_answers(server: Server) -> None:
    with urllib.request.urlopen(server.url + "?" + urllib.parse.urlencode({"query": COUNT}), timeout=10) as resp:
        assert resp.status == 200
        assert int(json.load(resp)["results"]["bindings"][0]["n"]["value"]) > 0


@pytest.mark.parametrize("text", [
    "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    # Under the nesting limit, but deeper than rdflib's parser follows (it recurses ~40 frames a level).
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * (MAX_NESTING - 10) + "1" + ")" * (MAX_NESTING - 10) + ") }",
], ids=["braces-5000", "parentheses-5000", "parentheses-past-the-parser"])
def test_deeply_nested_query_is_a_400(server, text):
    status, headers, body = post(server, text.encode())
    assert status == 400 and b"nested" in body and headers["content-type"].startswith("text/plain")
    assert_still_answers(server)


@pytest.mark.parametrize("length", ["abc", "-5", "1_0", "+5"])
def test_content_length_must_be_a_non_negative_integer(server, length):
    status, _, body = post(server, b"ASK {}", length=length)
    assert status == 400 and b"Content-Length must be a non-negative integer" in body
    assert_still_answers(server)


def test_body_over_the_limit_is_413_and_not_kept(server):
    status, headers, body = post(server, b"#" * (2 * 2**20))
    assert status == 413 and b"2,097,152 bytes, more than 1,048,576" in body
    assert headers["connection"] == "close"
    assert_still_answers(server)


def test_request_line_past_http_server_limit_is_answered(server):
    status, headers, body = exchange(server, f"GET /query?query={'a' * 100_000} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert status == 414 and headers["content-type"].startswith("text/plain") and b"POST" in body
    assert_still_answers(server)


def test_max_body_limits_query_string_and_body(seed_build):
    out, _ = seed_build
    with Server(out, port=0, config=ServeConfig(timeout=10, max_body=200)) as small:
        long_query = COUNT + " " * 300
        assert exchange(small, f"GET /query?query={urllib.parse.quote(long_query)} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())[0] == 414
        assert post(small, long_query.encode())[0] == 413
        assert post(small, COUNT.encode())[0] == 200
        assert_still_answers(small)


def test_a_fault_inside_the_server_is_a_500(server, monkeypatch):
    def broken(*args):
        raise RuntimeError("a bug")

    monkeypatch.setattr("kg.serve.answer", broken)
    monkeypatch.setattr(logging.getLogger("kg.serve"), "disabled", True)  # (no traceback in the test's output)
    status, _, body = post(server, COUNT.encode())
    assert status == 500 and b"RuntimeError" in body
    monkeypatch.undo()
    assert_still_answers(server)
