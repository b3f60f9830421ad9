"""kg serve: a read-only SPARQL endpoint, asked with a standard SPARQL client."""
import socket
import threading

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from urllib.error import HTTPError

from kg import run_query
from kg.query import load_query
from kg.serve import ServeConfig, Server


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
    assert remote == local


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
