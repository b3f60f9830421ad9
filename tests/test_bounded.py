"""Queries that must stop: kg.bounded runs them in a child process ended at the deadline (issue 19, item 2)."""
from __future__ import annotations

import multiprocessing
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.bounded import run_bounded
from kg.errors import QueryMemory, QueryTimeout
from kg.serve import Server, ServeConfig

# A count over a cartesian product of every quad with itself, three times: hours on any graph.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }"


def _sleep(seconds: float) -> str:
    import time

    time.sleep(seconds)
    return "woke"


def _allocate(n: int) -> int:
    return len(bytearray(n))


def _fail() -> None:
    raise ValueError("inside")


def test_work_past_its_deadline_is_ended():
    with pytest.raises(QueryTimeout):
        run_bounded(_sleep, (600,), timeout=1)
    assert multiprocessing.active_children() == []  # killed and reaped
    assert run_bounded(_sleep, (0,), timeout=30) == "woke"


def test_work_past_its_memory_cap_fails_alone():
    with pytest.raises(QueryMemory):
        run_bounded(_allocate, (2 * 2**30,), timeout=60, memory=512 * 2**20)
    assert run_bounded(_allocate, (2**20,), timeout=60, memory=512 * 2**20) == 2**20


def test_an_error_inside_is_raised_outside():
    with pytest.raises(ValueError, match="inside"):
        run_bounded(_fail, (), timeout=30)


def test_cli_query_stops_at_its_timeout(seed_build, tmp_path):
    """``kg query --timeout`` used to print E024 and never exit: the query went on in a thread."""
    out, _ = seed_build
    rq = tmp_path / "runaway.rq"
    rq.write_text(RUNAWAY, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "query", str(rq), "--graph", str(out), "--timeout", "2"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 4 and "E024" in proc.stderr


def test_server_answers_after_a_runaway_query(seed_build):
    out, _ = seed_build
    with Server(out, port=0, config=ServeConfig(timeout=2)) as srv:
        def ask(q: str) -> int:
            try:
                return urllib.request.urlopen(srv.url + "?" + urllib.parse.urlencode({"query": q}), timeout=60).status
            except urllib.error.HTTPError as exc:
                return exc.code

        assert ask(RUNAWAY) == 503
        assert ask("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }") == 200
        assert ask(RUNAWAY) == 503
        assert ask("ASK { GRAPH ?g { ?s ?p ?o } }") == 200
