"""A real Oxigraph server as the store: load with kg build --endpoint, query with --endpoint."""
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from click.testing import CliRunner

from kg import build, run_query
from kg.cli import main

from .conftest import SEEDS

def _grouped(rows):
    """Rows with their GROUP_CONCAT columns (;-joined names) as sorted lists."""
    return [{k: sorted(v.split(";")) if k in ("organizationName", "countryName") else v for k, v in r.items()} for r in rows]



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    exe = shutil.which("oxigraph")
    assert exe, "the oxigraph server (pip package oxigraph, in the test extras) is not installed"
    port = free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("oxigraph server did not start")
    yield url
    proc.terminate()
    proc.wait(10)


def test_build_loads_each_document_graph_and_queries_agree(oxigraph_server, seed_build, tmp_path):
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "b"), "--endpoint", oxigraph_server])
    assert res.exit_code == 0, res.output
    assert "loaded 3 graphs" in res.output  # two documents and the ontology
    local_out, _ = seed_build
    for name, params in [("who-met-whom", {}), ("who-met-whom", {"counterpart": "康林松"}), ("city-partners", {"country": "俄罗斯"})]:
        local = run_query(name, local_out, params).rows
        remote = run_query(name, endpoint=oxigraph_server, params=params).rows
        # (GROUP_CONCAT's order is the engine's plan's, which SPARQL leaves open: compared as sets.)
        assert _grouped(remote) == _grouped(local) and remote
    # Parameters with SPARQL syntax in them stay values on the server too.
    evil = '康林松" ) } UNION { ?s ?p ?o } #'
    assert run_query("who-met-whom", endpoint=oxigraph_server, params={"counterpart": evil}).rows == []


def test_reloading_replaces_a_document_graph(oxigraph_server, tmp_path):
    doc = tmp_path / "src" / "news.txt"
    doc.parent.mkdir()
    doc.write_text("2021年3月1日，上海市市长龚正会见德国西门子股份公司总裁博乐仁。\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(doc.parent), "--out", str(tmp_path / "b1"), "--endpoint", oxigraph_server]).exit_code == 0
    first = run_query("who-met-whom", endpoint=oxigraph_server, params={"person": "龚正"}).rows
    assert [r["counterpartName"] for r in first] == ["博乐仁"]
    doc.write_text("2021年3月2日，上海市市长龚正会见法国达能集团首席执行官范易谋。\n", encoding="utf-8")
    assert runner.invoke(main, ["build", str(doc.parent), "--out", str(tmp_path / "b2"), "--endpoint", oxigraph_server]).exit_code == 0
    second = run_query("who-met-whom", endpoint=oxigraph_server, params={"person": "龚正"}).rows
    assert [r["counterpartName"] for r in second] == ["范易谋"]


def test_rebuild_sends_only_changed_graphs_and_drops_removed_ones(oxigraph_server, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "inc-a.txt").write_text("2021年4月1日，广州市市长温国辉会见法国道达尔公司首席执行官潘彦磊。\n", encoding="utf-8")
    (src / "inc-b.txt").write_text("2021年4月2日，天津市市长廖国勋会见日本丰田汽车公司社长丰田章男。\n", encoding="utf-8")
    out = tmp_path / "b"
    first = build([src], out, endpoint=oxigraph_server)
    g = "https://kg.example.org/graph/"
    assert {g + "inc-a", g + "inc-b", g + "ontology"} <= set(first.loaded)
    (src / "inc-a.txt").write_text("2021年4月3日，广州市市长温国辉会见法国达能集团首席执行官范易谋。\n", encoding="utf-8")
    (src / "inc-b.txt").unlink()
    second = build([src], out, endpoint=oxigraph_server)
    assert second.loaded == [g + "inc-a"] and second.deleted == [g + "inc-b"]
    rows = run_query("who-met-whom", endpoint=oxigraph_server).rows
    names = {r["counterpartName"] for r in rows if r["doc"].startswith("inc-")}
    assert names == {"范易谋"}


def test_dask_build_loads_the_same_graph_as_a_local_build(oxigraph_server, seed_build, tmp_path):
    """Documents extracted on a local Dask cluster of two worker processes, graphs loaded into a real Oxigraph server."""
    from dask.distributed import LocalCluster

    from benchmarks.corpus import write_corpus

    docs = write_corpus(tmp_path / "docs", 12, seed=7)[0].parent
    local = build([docs], tmp_path / "local", store=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = build([docs], tmp_path / "dask", scheduler=cluster.scheduler_address, endpoint=oxigraph_server)
    assert sorted(on_dask.extracted) == sorted(local.extracted) and len(on_dask.extracted) == 12
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    # The server holds what the local store holds.
    rows = run_query("who-met-whom", endpoint=oxigraph_server).rows
    gen = [r for r in rows if r["doc"].startswith(("news-", "report-", "yearbook-"))]
    local_rows = run_query("who-met-whom", tmp_path / "dask").rows
    assert _unordered(gen) == _unordered(local_rows) and gen


def _unordered(rows):
    """Rows as a sorted list, GROUP_CONCAT lists as sets: SPARQL leaves the order of ties and of concatenated values open."""
    return sorted(tuple(sorted((k, ";".join(sorted(v.split(";")))) for k, v in r.items())) for r in rows)
