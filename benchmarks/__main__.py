"""``python -m benchmarks``: kg's costs as ratios and growth factors measured in one run, printed as a table.

- extraction: the whole pipeline (structure, spaCy with the jieba segmenter,
  rules, facts) against bare ``jieba.lcut`` over the same texts;
- build: ``kg build`` of 100, 1,000 and 10,000 generated documents
  (:mod:`benchmarks.corpus`), each in a fresh process: wall time, peak memory
  (the child's maximum resident set) and the growth per tenfold;
- ``--jobs 2`` against ``--jobs 1`` on 1,000 documents;
- ``who-met-whom`` and ``city-partners`` on a graph of about a million
  triples: Oxigraph's on-disk store against rdflib's in-memory store;
- writing a who-met-whom view of 2,000 nodes;
- the workbench's pages (``kg serve``) on the largest build: the home page, a
  query page, an entity page and the map, first and median request.

Targets (issue 8) are printed beside each figure; nothing here fails a build.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import write_corpus

KG = "import sys; from kg.cli import main; sys.argv = ['kg', *sys.argv[1:]]; main()"


def _build(corpus: Path, out: Path, *extra: str) -> dict:
    """``kg build`` in a fresh process, its time and peak memory (from wait4's rusage)."""
    if out.exists():
        shutil.rmtree(out)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", KG, "build", str(corpus), "--out", str(out), "--full", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (ru_maxrss in KiB on Linux); communicate() would reap it first.
    stdout = proc.stdout.read()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 8):
        raise RuntimeError(f"kg build failed ({proc.returncode}): {stderr.decode()[-2000:]}")
    triples = next((int(line.split()[1]) for line in stdout.decode().splitlines() if line.startswith("triples:")), 0)
    return {"seconds": seconds, "rss": usage.ru_maxrss * 1024, "triples": triples}


def bench_extraction(work: Path, docs: int = 300) -> dict:
    import jieba

    from kg.documents import read_document
    from kg.extract.document import extract, forget_memos

    paths = write_corpus(work / "extraction", docs, seed=3)
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    paths += sorted(seeds.glob("*.txt"))
    documents = [read_document(p) for p in paths]
    chars = sum(len(d.text) for d in documents)
    jieba.lcut("预热")  # load both before timing
    extract(documents[0])
    best_j, best_p = float("inf"), float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for d in documents:
            jieba.lcut(d.text)
        best_j = min(best_j, time.perf_counter() - t)
        forget_memos()  # each run starts with the rules' memos empty, as a build's first pass does
        t = time.perf_counter()
        for d in documents:
            extract(d)
        best_p = min(best_p, time.perf_counter() - t)
    return {"chars": chars, "jieba": best_j, "pipeline": best_p}


RDFLIB_RUN = """
import json, sys, time
from rdflib import Dataset
from kg.query import load_query
t = time.perf_counter()
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
print(json.dumps({"load": time.perf_counter() - t}), flush=True)
for name in sys.argv[2:]:
    q = load_query(name)
    t = time.perf_counter()
    rows = len(list(ds.query(q.text)))
    print(json.dumps({"query": name, "seconds": time.perf_counter() - t, "rows": rows}), flush=True)
"""


def bench_queries(trig: Path, target: int = 1_000_000, rdflib_timeout: float = 150.0) -> dict:
    """Latency of the two main queries on ~``target`` quads: Oxigraph's on-disk store vs rdflib's in-memory store.

    rdflib runs each query in a child process that loads the graph first, stopped after
    ``rdflib_timeout`` seconds (load included): a query not done by then gives a lower bound.
    """
    import json

    import pyoxigraph as ox
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    from kg.query import run_query

    base = list(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    copies = max(1, -(-target // len(base)))
    quads = [q if k == 0 else ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(f"{q.graph_name.value}-copy{k}"))
             for k in range(copies) for q in base]
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    store = ox.Store(str(tmp / "store"))
    store.bulk_extend(quads)
    store.flush()
    nq = tmp / "graph.nq"
    ox.serialize(quads, str(nq), format=ox.RdfFormat.N_QUADS)
    oxds = Dataset(store=OxigraphStore(store=store), default_union=True)
    names = ("who-met-whom", "city-partners")
    out: dict = {"quads": len(quads), "rdflib_load": None, "rdflib_timeout": rdflib_timeout}
    for name in names:
        runs, rows = [], 0
        for _ in range(3):
            t = time.perf_counter()
            rows = len(run_query(name, oxds).rows)
            runs.append(time.perf_counter() - t)
        out[name] = {"oxigraph": statistics.median(runs), "rows": rows, "rdflib": None}
    del oxds, store
    for name in names:  # each query in its own child, with its own time allowance
        proc = subprocess.Popen([sys.executable, "-c", RDFLIB_RUN, str(nq), name], stdout=subprocess.PIPE, text=True)
        try:
            lines, _ = proc.communicate(timeout=rdflib_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            lines, _ = proc.communicate()
        for line in lines.splitlines():
            r = json.loads(line)
            if "load" in r:
                out["rdflib_load"] = r["load"]
                out[name]["rdflib_started"] = r["load"]
            else:
                out[r["query"]].update(rdflib=r["seconds"], rows_rdflib=r["rows"])
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def bench_view(build_dir: Path, nodes: int = 2000) -> dict:
    from kg import views
    from kg.query import QueryResult, open_dataset, run_query

    ds = open_dataset(build_dir)
    res = run_query("who-met-whom", ds)
    seen: set[str] = set()
    rows = []
    for r in res.rows:
        if len(seen | {r["person"], r["counterpart"]}) > nodes:
            break
        seen |= {r["person"], r["counterpart"]}
        rows.append(r)
    t = time.perf_counter()
    view = views.who_met_whom(ds, QueryResult(res.columns, rows))
    path = views.write(view, Path(tempfile.mkdtemp()) / "view.html")
    return {"nodes": len(view.nodes), "edges": len(view.edges), "seconds": time.perf_counter() - t, "bytes": path.stat().st_size}


PAGE_SPARQL = {
    # The home-side persons with the most meetings, and the countries met most: pages to open.
    "persons": """PREFIX kg: <https://kg.example.org/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH ?g { ?m kg:participation ?hp . ?hp kg:side "home" ; kg:agent ?p . ?p a schema:Person } }
GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 5""",
    "countries": """PREFIX kg: <https://kg.example.org/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH ?g { ?m kg:counterpartCountry ?c . ?c skos:prefLabel ?name FILTER(LANG(?name) = "zh") } }
GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 5""",
}


def bench_pages(build_dir: Path, repeats: int = 5) -> dict:
    """The workbench's page times on a build (``kg serve``'s app over HTTP): for the home page, a query
    page, an entity page and the map, the first (cold) request and the median of ``repeats`` more. The
    query and entity pages are opened for different parameters and entities each time, so no answer
    comes from the server's cache."""
    import json as _json
    import urllib.error
    import urllib.parse
    import urllib.request

    from kg.serve import Server
    from kg.web.links import entity_url, query_url

    failed: dict[str, int] = {}

    def get(url: str) -> float:
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=300) as r:
                r.read()
        except urllib.error.HTTPError as exc:  # (503: the page's query ran past the server's timeout)
            failed[url] = exc.code
        return time.perf_counter() - t

    def sparql(base: str, text: str) -> list[dict]:
        req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": text}), headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return _json.loads(r.read())["results"]["bindings"]

    out = {}
    with Server(build_dir, port=0) as server:
        base = server.base
        persons = [b["p"]["value"] for b in sparql(base, PAGE_SPARQL["persons"])]
        countries = [b["name"]["value"] for b in sparql(base, PAGE_SPARQL["countries"])]
        pages = {
            "home": [base + "/"] * (repeats + 1),
            "query page (who-met-whom by country)": [base + query_url("who-met-whom", {"country": c}) for c in countries],
            "entity page": [base + entity_url(p) for p in persons],
            "map": [base + "/views/map"] * (repeats + 1),
        }
        for name, urls in pages.items():
            if not urls:
                continue
            times = [get(u) for u in urls]
            rest = times[1:] or times
            out[name] = {"first": times[0], "median": statistics.median(rest if len(urls) == repeats + 1 else times), "n": len(times),
                         "failed": sorted({failed[u] for u in urls if u in failed})}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="corpus sizes for the build benchmark (default: 100,1000,10000)")
    ap.add_argument("--work", default=None, help="working directory (default: a temporary one, removed after)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: extraction, build, jobs, queries, view, pages")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    skip = set(filter(None, args.skip.split(",")))
    work = Path(args.work or tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = []

    def say(what: str, figure: str, target: str = "") -> None:
        rows.append((what, figure, target))
        print(f"  {what}: {figure}" + (f"  (target {target})" if target else ""), flush=True)

    print(f"kg benchmarks on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}", flush=True)
    if "extraction" not in skip:
        e = bench_extraction(work)
        say("extraction, jieba.lcut alone", f"{e['chars'] / e['jieba']:,.0f} chars/s")
        say("extraction, whole pipeline", f"{e['chars'] / e['pipeline']:,.0f} chars/s")
        say("pipeline time / jieba time", f"{e['pipeline'] / e['jieba']:.2f}×", "≤ 2×")  # (issue 16; issue 8 asked ≤ 3×)
    built: dict[int, dict] = {}
    if "build" not in skip:
        for n in sizes:
            corpus = work / f"corpus-{n}"
            if not corpus.is_dir():
                write_corpus(corpus, n)
            b = built[n] = _build(corpus, work / f"build-{n}")
            say(f"build {n:,} documents", f"{b['seconds']:.1f} s, peak {b['rss'] / 2**20:,.0f} MiB, {b['triples']:,} triples")
        for small, big in zip(sizes, sizes[1:]):
            if big == small * 10:
                say(f"build time growth {small:,} → {big:,}", f"{built[big]['seconds'] / built[small]['seconds']:.1f}×", "≤ 11×")
                say(f"peak memory growth {small:,} → {big:,}", f"{built[big]['rss'] / built[small]['rss']:.2f}×",
                    "≤ 1.5×" if small >= 1000 else "")
    if "jobs" not in skip:
        n = 1000
        corpus = work / f"corpus-{n}"
        if not corpus.is_dir():
            write_corpus(corpus, n)
        one = built.get(n) or _build(corpus, work / f"build-{n}")
        two = _build(corpus, work / f"build-{n}-jobs2", "--jobs", "2")
        say(f"build {n:,} documents --jobs 2", f"{two['seconds']:.1f} s; --jobs 1 / --jobs 2 = {one['seconds'] / two['seconds']:.2f}×", "≥ 1.6×")
    if "queries" not in skip:
        n = 1000 if (work / "build-1000").is_dir() else min(built or {100: None})
        if not (work / f"build-{n}").is_dir():
            write_corpus(work / f"corpus-{n}", n)
            _build(work / f"corpus-{n}", work / f"build-{n}")
        q = bench_queries(work / f"build-{n}" / "graph.trig")
        load = f"{q['rdflib_load']:.0f} s" if q["rdflib_load"] is not None else "not finished"
        say("query graph", f"{q['quads']:,} quads (the {n:,}-document build, its graphs repeated); rdflib load {load}")
        for name in ("who-met-whom", "city-partners"):
            r = q[name]
            if r["rdflib"] is not None:
                rd, ratio = f"{r['rdflib']:.2f} s", f"{r['rdflib'] / r['oxigraph']:.0f}×"
            elif r.get("rdflib_started") is not None:
                waited = q["rdflib_timeout"] - r["rdflib_started"]
                rd, ratio = f"not done after {waited:.0f} s", f"> {waited / r['oxigraph']:.0f}×"
            else:
                rd, ratio = "not loaded in time", "n/a"
            say(f"{name} latency", f"Oxigraph {r['oxigraph']:.2f} s ({r['rows']:,} rows), rdflib {rd}; rdflib / Oxigraph = {ratio}", "≥ 10×")
    if "view" not in skip:
        n = max((s for s in built if (work / f"build-{s}").is_dir()), default=None)
        if n is not None:
            v = bench_view(work / f"build-{n}")
            say("who-met-whom view", f"{v['nodes']:,} nodes, {v['edges']:,} edges written in {v['seconds']:.2f} s ({v['bytes'] / 2**20:.1f} MiB)")
    if "pages" not in skip:
        n = max((s for s in built if (work / f"build-{s}").is_dir()), default=None)
        if n is not None:
            for name, t in bench_pages(work / f"build-{n}").items():
                failed = f"; answered {', '.join(map(str, t['failed']))} (a query past the server's timeout)" if t["failed"] else ""
                say(f"{name}, {n:,}-document build", f"median {t['median']:.2f} s of {t['n']} (first {t['first']:.2f} s){failed}", "< 1 s")
    print("\n| measure | figure | target |\n|---|---|---|")
    for what, figure, target in rows:
        print(f"| {what} | {figure} | {target} |")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
