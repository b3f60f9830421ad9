"""The spine end to end: seeds → graph files and store → who-met-whom, checked against the gold."""
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Dataset, Graph

from kg import build, run_query
from kg.rdf.graph import ontology_graph

from .conftest import SEEDS, read_gold

# 表2, 表3, 表5 and 表1 (whose 座谈 rows 432, 433 meet groups, not persons).
TABLE_LINES = set(range(92, 93)) | set(range(99, 126)) | {172, 173, 432, 433, 434}


def _norm(s: str) -> str:
    return "".join(s.split()).replace("·", "")


def _alts(cell: str) -> list[set[str]]:
    return [{_norm(a) for a in item.split("|")} for item in cell.split(";") if item]


def test_every_table_meeting_row_matches_gold(seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out).rows
    gold = [g for g in read_gold("meetings.tsv") if g["doc"].startswith("beijing-yearbook") and int(g["line"]) in TABLE_LINES]
    assert len(gold) == 33
    for g in gold:
        got = [r for r in rows if r["line"] == g["line"] and r["doc"] == g["doc"]]
        assert got, f"no meeting at line {g['line']}"
        homes = {_norm(h) for h in g["home"].split(";") if h}
        assert {_norm(r["personName"]) for r in got} == homes, g["line"]
        for r in got:
            assert r["date"] == g["date"], g["line"]
            assert r["mode"] == g["mode"], g["line"]
            assert set(r["countryName"].split(";")) == set(g["country"].split(";")), g["line"]
        if g["counterparts"]:
            want = [_norm(c) for c in g["counterparts"].split(";")]
            assert {_norm(r["counterpartName"]) for r in got} == set(want), g["line"]
            orgs = {_norm(o) for r in got for o in r["organizationName"].split(";") if o}
            for alts in _alts(g["counterpart_orgs"]):
                assert orgs & alts, (g["line"], alts, orgs)
        else:
            names = {_norm(r["counterpartName"]) for r in got}
            for alts in _alts(g["counterpart_orgs"]):
                assert names & alts, (g["line"], alts, names)
        pairs = {(r["personName"], r["counterpartName"]) for r in got}
        assert len(pairs) == len(got), "one row per pair"


def test_table1_group_rows(seed_build):
    out, _ = seed_build
    lines = {r["line"] for r in run_query("who-met-whom", out).rows}
    assert {"432", "433"} <= lines


def test_table4_rows_are_attendance_not_meetings(seed_build):
    out, result = seed_build
    rows = run_query("who-met-whom", out).rows
    assert not [r for r in rows if 132 <= int(r["line"]) <= 164]
    assert result.facts["attendance"] >= 33  # 33 rows, several leaders per row


def test_graph_files_byte_identical_across_builds(seed_build, tmp_path):
    out, _ = seed_build
    # Another process with another hash seed: set and dict orders differ, the files must not.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "--out", str(tmp_path), "--no-store"], check=True, env=env,
                   capture_output=True)
    for name in ("graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_turtle_parses_the_same_with_pyoxigraph(seed_build):
    out, _ = seed_build
    data = (out / "graph.ttl").read_bytes()
    g = Graph().parse(data=data, format="turtle")
    ox_triples = {
        (str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(data, format=ox.RdfFormat.TURTLE)
    }
    rd_triples = {(ox_str(s), ox_str(p), ox_str(o)) for s, p, o in g}
    assert len(ox_triples) == len(g) > 1000
    assert ox_triples == rd_triples


def ox_str(term):
    from oxrdflib._converter import to_ox

    return str(to_ox(term))


def test_trig_has_one_named_graph_per_document(seed_build):
    out, _ = seed_build
    ds = Dataset().parse(data=(out / "graph.trig").read_bytes(), format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    assert "https://kg.example.org/graph/beijing-yearbook-2020-foreign-affairs" in names
    assert "https://kg.example.org/graph/beijing-fao-2024-h1-progress" in names


def test_graph_validates_against_shapes(seed_build):
    out, _ = seed_build
    from importlib import resources

    shapes = Graph().parse(data=resources.files("kg.rdf").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    data = Graph().parse(out / "graph.ttl")
    conforms, _, text = validate(data, shacl_graph=shapes, ont_graph=ontology_graph())
    assert conforms, text[:3000]


def test_shapes_reject_a_meeting_without_evidence():
    from importlib import resources

    shapes = Graph().parse(data=resources.files("kg.rdf").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    bad = Graph().parse(
        data='@prefix kg: <https://kg.example.org/ns#> . <urn:m> a kg:Meeting ; kg:date "2020" ; kg:mode "video" .',
        format="turtle",
    )
    conforms, _, _ = validate(bad, shacl_graph=shapes)
    assert not conforms


def test_every_evidence_quote_is_the_source_text(seed_build):
    out, _ = seed_build
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    ds = Dataset().parse(data=(out / "graph.trig").read_bytes(), format="trig")
    q = """PREFIX kg: <https://kg.example.org/ns#>
    SELECT ?doc ?s ?e ?quote WHERE { GRAPH ?g { ?ev a kg:Evidence ; kg:document/kg:docId ?doc ;
      kg:startOffset ?s ; kg:endOffset ?e ; kg:quote ?quote } } """
    n = 0
    for doc, s, e, quote in ds.query(q):
        src = texts[str(doc)][int(s) : int(e)]
        assert src == str(quote), (doc, s)
        n += 1
    assert n > 100


def test_unreadable_file_is_skipped_and_reported(tmp_path):
    (tmp_path / "good.txt").write_text("表1 2021年某市领导会见外宾一览表\n\n时间\t市领导\t国别\t活动内容\n4月1日\t王 五\t法国\t会见法国某某集团董事长让·杜邦\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    result = build([tmp_path], tmp_path / "out")
    reasons = {p.split("/")[-1]: r for p, r in ((s.path, s.reason) for s in result.skipped)}
    assert set(reasons) == {"bad.txt", "empty.md"}
    rows = run_query("who-met-whom", tmp_path / "out").rows
    assert [(r["personName"], r["counterpartName"], r["organizationName"], r["countryName"]) for r in rows] == [
        ("王五", "让·杜邦", "某某集团", "法国")
    ]


def test_a_file_name_that_is_not_utf8_is_built_under_an_escaped_id(tmp_path):
    import os

    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text("2024年5月8日，市长王五会见了法国里昂市市长格雷戈里·杜塞。\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(src), b"bad\xff\xfe.txt"), "wb") as fh:
        fh.write("2024年5月9日，市长王五会见了德国汉堡市市长彼得·岑切尔。\n".encode("utf-8"))
    result = build([src], tmp_path / "out")
    assert not result.skipped
    rows = run_query("who-met-whom", tmp_path / "out").rows
    assert {(r["counterpartName"], r["doc"]) for r in rows} == {("格雷戈里·杜塞", "good"), ("彼得·岑切尔", "bad\\xff\\xfe")}


def test_a_second_build_into_the_same_folder_stops_at_once(tmp_path):
    """A build holds a lock on its output folder: another build into it stops with E006 (exit 9)
    and touches nothing; once the first is done, the folder builds again."""
    from click.testing import CliRunner

    from kg.build import _output_lock
    from kg.cli import main
    from kg.errors import BuildBusy

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("2024年5月8日，市长王五会见了法国里昂市市长格雷戈里·杜塞。\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".graph.ttl.tmp-1234").write_text("a build's working file")
    with _output_lock(out):  # a build in progress
        with pytest.raises(BuildBusy):
            build([src], out)
        res = CliRunner().invoke(main, ["build", str(src), "--out", str(out)])
        assert res.exit_code == 9 and "E006" in res.output
        assert (out / ".graph.ttl.tmp-1234").exists()  # its working files are left alone
    assert not build([src], out).skipped
    assert run_query("who-met-whom", out).rows


def test_a_file_past_the_per_file_time_limit_is_skipped(tmp_path, monkeypatch):
    """No file holds a build longer than --file-timeout: one whose extraction, or whose HTML page's
    reading (in C, in a process of its own), runs past it is skipped with the reason (issue 19, item 3)."""
    import importlib
    import time

    build_module = importlib.import_module("kg.build")
    documents = importlib.import_module("kg.documents")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("2024年5月8日，市长王五会见了法国里昂市市长格雷戈里·杜塞。\n", encoding="utf-8")
    (src / "slow.txt").write_text("2024年5月9日，市长王五会见了德国汉堡市市长彼得·岑切尔。\n", encoding="utf-8")
    (src / "slow-page.html").write_text("<html><body><p>2024年5月10日，市长王五会见了客人。</p></body></html>", encoding="utf-8")
    real_extract, real_main_text = build_module.extract, documents.main_text

    def extract(doc):
        if doc.id == "slow":
            time.sleep(600)
        return real_extract(doc)

    def main_text(html):
        time.sleep(600)
        return real_main_text(html)

    monkeypatch.setattr(build_module, "extract", extract)
    monkeypatch.setattr(documents, "main_text", main_text)
    result = build([src], tmp_path / "out", file_timeout=2)
    reasons = {s.path.split("/")[-1]: s.reason for s in result.skipped}
    assert set(reasons) == {"slow.txt", "slow-page.html"}
    assert "could not extract it within the per-file time limit" in reasons["slow.txt"]
    assert "could not read it within the per-file time limit" in reasons["slow-page.html"]
    assert result.extracted == ["a"]


def test_a_tag_with_thousands_of_attributes_is_read_without_them():
    """libxml2 parses a tag with 200,000 attributes in quadratic time: such a tag loses them first."""
    from kg.html_text import _HUGE_TAG, main_text

    attrs = " ".join(f'a{i}="v"' for i in range(2000))
    page = f"<html><body><div {attrs}><p>北京市市长殷勇会见了纽约市市长埃里克·亚当斯。</p></div></body></html>"
    assert _HUGE_TAG.sub(r"<\1>", page).startswith("<html><body><div><p>")
    assert "北京市市长殷勇会见了纽约市市长埃里克·亚当斯。" in main_text(page)[0]


# -- interruption and incremental builds ---------------------------------------

def _state(out):
    """What a reader of the build sees: the graph files, and the store's answer to who-met-whom."""
    rows = run_query("who-met-whom", out).rows
    return (out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes(), [tuple(r.values()) for r in rows]


def _leftovers(out):
    return sorted(p.name for p in list(out.iterdir()) + list((out / "views").iterdir()) if ".tmp-" in p.name or ".link-" in p.name or ".old-" in p.name)


@pytest.mark.parametrize("where", ["extract", "document_triples", "store", "views"])
def test_interrupted_build_leaves_the_previous_graph(tmp_path, monkeypatch, where):
    import importlib
    from types import SimpleNamespace

    kb = importlib.import_module("kg.build")
    kv = importlib.import_module("kg.views")

    out = tmp_path / "out"
    build([SEEDS / "beijing-fao-2024-h1-progress.txt"], out)
    before = _state(out)
    generations = sorted(p.name for p in out.iterdir() if p.name.startswith(".gen-"))

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    def after(real):
        def wrapped(*a, **k):
            real(*a, **k)
            raise KeyboardInterrupt
        return wrapped

    if where == "views":
        monkeypatch.setattr(kv, "make", interrupt)
    elif where == "store":
        class HalfLoaded:  # a part is loaded into the new store, then the user presses Ctrl-C
            def __init__(self, path):
                self.store = ox.Store(path)

            def bulk_load(self, *a, **k):
                self.store.bulk_load(*a, **k)
                raise KeyboardInterrupt

        monkeypatch.setattr(kb, "ox", SimpleNamespace(Store=HalfLoaded, RdfFormat=ox.RdfFormat))
    elif where == "extract":
        monkeypatch.setattr(kb, "extract", interrupt)
    else:
        monkeypatch.setattr(kb, where, after(getattr(kb, where)))
    with pytest.raises(KeyboardInterrupt):
        build([SEEDS], out, incremental=False)
    monkeypatch.undo()
    assert _state(out) == before
    assert _leftovers(out) == []
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".gen-")) == generations


def test_killed_build_leaves_the_previous_graph(tmp_path):
    """A real process killed (SIGKILL, then SIGINT) at some point of a longer build."""
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, docs / f"{seed.stem}-{i}.txt")
    out = tmp_path / "out"
    build([SEEDS], out)
    before = _state(out)
    # (Ctrl-C as in a terminal, also when the tests run as a background job, which starts with SIGINT ignored.)
    code = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); from kg.cli import main; "
            "sys.argv = ['kg', 'build', sys.argv[1], '--out', sys.argv[2], '--full']; main()")
    for sig, wait in ((signal.SIGKILL, 4.0), (signal.SIGKILL, 8.0), (signal.SIGINT, 4.0)):
        proc = subprocess.Popen([sys.executable, "-c", code, str(docs), str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(wait)
        if proc.poll() is not None:
            pytest.fail(f"the build ended before it could be interrupted: {proc.returncode}")
        os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=60)
        assert _state(out) == before
        if sig == signal.SIGINT:
            assert proc.returncode == 130 and b"previous outputs are unchanged" in err
    # The next build cleans up what the killed ones left, and lands.
    build([SEEDS], out)
    assert _state(out) == before
    assert _leftovers(out) == [] and len([p for p in out.iterdir() if p.name.startswith(".gen-")]) == 1


def test_rebuild_after_an_edit_re_extracts_only_that_document(tmp_path):
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    out = tmp_path / "out"
    first = build([docs], out)
    trig = (out / "graph.trig").read_bytes()
    assert sorted(first.extracted) == sorted(DOCS) and first.reused == []
    again = build([docs], out)
    assert again.extracted == [] and sorted(again.reused) == sorted(DOCS)
    assert (out / "graph.trig").read_bytes() == trig

    fao = docs / "beijing-fao-2024-h1-progress.txt"
    text = fao.read_text(encoding="utf-8")
    assert "洛伦索" in text
    fao.write_text(text.replace("完成安哥拉总统洛伦索等128个党宾国宾团组的接待任务", "完成128个党宾国宾团组的接待任务"), encoding="utf-8")
    edited = build([docs], out)
    assert edited.extracted == ["beijing-fao-2024-h1-progress"] and edited.reused == ["beijing-yearbook-2020-foreign-affairs"]
    rows = run_query("who-met-whom", out).rows
    assert not [r for r in rows if r["counterpartName"] == "洛伦索"]  # its old facts are gone
    assert [r for r in rows if r["doc"] == "beijing-yearbook-2020-foreign-affairs"]  # the other's stay
    # The same graph as a full build of the edited folder.
    full = build([docs], tmp_path / "full", incremental=False, store=False)
    assert full.reused == [] and (out / "graph.trig").read_bytes() == (tmp_path / "full" / "graph.trig").read_bytes()

    fao.unlink()
    removed = build([docs], out)
    assert removed.documents == ["beijing-yearbook-2020-foreign-affairs"] and removed.extracted == []
    graphs = {r["doc"] for r in run_query("entities", out).rows}
    assert graphs == {"beijing-yearbook-2020-foreign-affairs"}


DOCS = ["beijing-fao-2024-h1-progress", "beijing-yearbook-2020-foreign-affairs"]


def test_parallel_build_is_byte_identical_to_serial(tmp_path):
    from benchmarks.corpus import write_corpus

    docs = write_corpus(tmp_path / "docs", 24, seed=11)[0].parent
    for seed in SEEDS.glob("*"):
        (docs / seed.name).write_bytes(seed.read_bytes())
    serial = build([docs], tmp_path / "serial", store=False, incremental=False)
    parallel = build([docs], tmp_path / "parallel", store=False, incremental=False, jobs=2)
    assert parallel.extracted == serial.extracted and len(serial.extracted) == 26
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "parallel" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes()


def test_a_network_too_large_for_a_browser_is_not_drawn(tmp_path, monkeypatch):
    import importlib

    kb = importlib.import_module("kg.build")
    monkeypatch.setattr(kb, "MAX_VIEW_NODES", 30)  # the seeds: who-met-whom has 49 nodes, city-partners 25
    out = tmp_path / "out"
    (out / "views").mkdir(parents=True)
    (out / "views" / "who-met-whom.html").write_text("a stale view")
    result = build([SEEDS], out)
    assert not (out / "views" / "who-met-whom.html").exists()
    assert (out / "views" / "city-partners.html").exists()
    assert any(n.startswith("view who-met-whom not written: 49 nodes, more than 30") for n in result.notes)
    assert out / "views" / "who-met-whom.html" not in result.files


# -- one generation at a time (issue 19, item 9) --------------------------------

FAO = SEEDS / "beijing-fao-2024-h1-progress.txt"


def _seen(out):
    """What a reader sees of a build: both graph files, a view, and the store's count of who-met-whom rows."""
    return ((out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes(),
            (out / "views" / "who-met-whom.html").read_bytes(), len(run_query("who-met-whom", out).rows))


@pytest.fixture(scope="module")
def two_generations(tmp_path_factory):
    """A build of one seed (the first generation), and what a reader sees of it and of a build of both."""
    root = tmp_path_factory.mktemp("generations")
    build([FAO], root / "first")
    build([SEEDS], root / "second")
    first, second = _seen(root / "first"), _seen(root / "second")
    assert first != second and all(a != b for a, b in zip(first, second))
    return root / "first", first, second


def _older_layout(build_dir, to):
    """``build_dir`` copied as kg wrote builds before generations: real files and views folder, and
    ``store`` a link to a ``.store-…`` folder."""
    import shutil

    gen = build_dir / os.readlink(build_dir / "current")
    to.mkdir()
    shutil.copytree(build_dir / ".cache", to / ".cache")
    for name in ("graph.ttl", "graph.trig"):
        shutil.copy(gen / name, to / name)
    shutil.copytree(gen / "views", to / "views")
    (to / "views" / ".who-met-whom.html.tmp-99").write_text("a killed build's staged view")
    shutil.copytree(gen / "store", to / ".store-abc123")
    os.symlink(".store-abc123", to / "store")


class Killed(BaseException):
    """The build stopped at a step of its final swap, as if killed there."""


def _swap_stopping_at(monkeypatch, k):
    """Make the next build's final swap stop at its ``k``-th step: a rename, replace, symlink or exchange
    (``k`` = 0: none). The list it returns collects the steps taken."""
    import importlib

    kb, ko = importlib.import_module("kg.build"), importlib.import_module("kg.outputs")
    steps = []

    def step(name, real):
        def run(*a, **kw):
            steps.append(name)
            if len(steps) == k:
                raise Killed(name)
            return real(*a, **kw)
        return run

    real_switch = kb.switch

    def switch(out, gen):
        with pytest.MonkeyPatch.context() as mp:
            for module, name in ((os, "replace"), (os, "rename"), (os, "symlink"), (ko, "exchange")):
                mp.setattr(module, name, step(name, getattr(module, name)))
            real_switch(out, gen)

    monkeypatch.setattr(kb, "switch", switch)
    return steps


def _only_the_live_generation(out):
    names = sorted(p.name for p in out.iterdir())
    gens = [n for n in names if n.startswith(".gen-")]
    assert gens == [os.readlink(out / "current")], names
    assert [n for n in names if n.startswith(".") and n not in gens] == [".cache", ".kg-build.lock"], names
    assert sorted(n for n in names if not n.startswith(".")) == ["current", "graph.trig", "graph.ttl", "store", "views"]
    assert all((out / n).is_symlink() for n in ("graph.trig", "graph.ttl", "store", "views"))
    assert not [p.name for p in (out / "views").iterdir() if p.name.startswith(".")]


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["generations", "older"])
def test_a_build_stopped_at_any_step_of_its_swap_shows_one_generation(two_generations, tmp_path, monkeypatch, layout):
    """Stopped at each rename of the final swap, a build leaves the outputs all old or all new, never
    a new graph.trig with the old graph.ttl (issue 19, item 9); the next build lands. Also for a
    folder of the older layout, which the swap first moves to generations without changing what it shows."""
    import shutil

    first, old, new = two_generations
    template = tmp_path / "template"
    if layout == "older":
        _older_layout(first, template)
    else:
        shutil.copytree(first, template, symlinks=True)
    assert _seen(template) == old

    def folder(name):
        out = tmp_path / name
        shutil.copytree(template, out, symlinks=True)
        return out

    out = folder("whole")
    steps = _swap_stopping_at(monkeypatch, 0)
    build([SEEDS], out)
    monkeypatch.undo()
    assert _seen(out) == new
    _only_the_live_generation(out)
    # One link replaced switches a generation; the older layout first becomes one (each output a link).
    assert steps == (["symlink", "replace"] if layout == "generations" else
                     ["symlink", "replace"] * 4 + ["symlink", "exchange", "symlink", "replace"])

    for k in range(1, len(steps) + 1):
        out = folder(f"stopped-{k}")
        _swap_stopping_at(monkeypatch, k)
        with pytest.raises(Killed):
            build([SEEDS], out)
        monkeypatch.undo()
        assert _seen(out) in (old, new), f"stopped at step {k} ({steps[k - 1]})"
        build([SEEDS], out)
        assert _seen(out) == new
        _only_the_live_generation(out)


@pytest.mark.slow
def test_a_build_killed_at_each_step_of_its_swap_shows_one_generation(two_generations, tmp_path):
    """The same with a real SIGKILL: nothing of the build's own clean-up runs."""
    import shutil
    import signal

    first, old, new = two_generations
    code = """if True:
        import importlib, os, signal, sys
        kb, ko = importlib.import_module("kg.build"), importlib.import_module("kg.outputs")
        k, steps, real_switch = int(sys.argv[3]), [], kb.switch

        def step(real):
            def run(*a, **kw):
                steps.append(1)
                if len(steps) == k:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*a, **kw)
            return run

        def switch(out, gen):
            os.replace, os.rename, os.symlink = step(os.replace), step(os.rename), step(os.symlink)
            ko.exchange = step(ko.exchange)
            real_switch(out, gen)

        kb.switch = switch
        kb.build([sys.argv[1]], sys.argv[2])
    """
    for k in (1, 2):  # the new link made, then renamed over ``current``
        out = tmp_path / f"killed-{k}"
        shutil.copytree(first, out, symlinks=True)
        proc = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(out), str(k)], capture_output=True)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
        assert _seen(out) == old
        build([SEEDS], out)
        assert _seen(out) == new
        _only_the_live_generation(out)


def test_a_build_into_a_folder_of_the_older_layout_keeps_its_cache(two_generations, tmp_path):
    """The build cache is kept across the change of layout: nothing is extracted again."""
    first, _, new = two_generations
    out = tmp_path / "older"
    _older_layout(first, out)
    again = build([FAO], out)
    assert again.extracted == [] and again.reused == ["beijing-fao-2024-h1-progress"]
    _only_the_live_generation(out)
    assert not [p for p in out.iterdir() if p.name.startswith(".store-")]


@pytest.mark.slow
def test_a_dense_table_of_200000_rows_builds_within_1_gb(tmp_path):
    """One text file of 200,000 meeting rows (14.8 MB, under the 16 MB limit): the whole build (graph
    files, store, tables, views) peaks under 1 GiB in its process, and every row is a meeting in the graph.
    (Before its graph was written in runs on disk, its facts cached and read back a part at a time and
    its table read 5,000 meetings at a time, 20,000 rows peaked at 1.0 GB and 200,000 needed about 10 GB.)"""
    import kg
    from benchmarks.dense import write_dense_table

    rows = 200_000
    write_dense_table(tmp_path / "docs" / "table.txt", rows)
    out = tmp_path / "out"
    code = "import sys; from kg.cli import main; sys.argv = ['kg', *sys.argv[1:]]; main()"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(kg.__file__).parents[1]), os.environ.get("PYTHONPATH", "")])}
    # (The extraction alone takes about 35 s here: a slower machine must not skip the file.)
    proc = subprocess.Popen([sys.executable, "-c", code, "build", str(tmp_path / "docs"), "--out", str(out),
                             "--file-timeout", "1200"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout, stderr = proc.stdout.read(), proc.stderr.read()
    # wait4 gives this child's own peak resident set (ru_maxrss, KiB on Linux), as RUSAGE_CHILDREN would.
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, stderr.decode()[-3000:]
    assert usage.ru_maxrss < 1 << 20, f"peak {usage.ru_maxrss / 1024:.0f} MiB\n{stdout.decode()}"
    store = ox.Store.read_only(str(out / "store"))
    n = store.query("PREFIX kg: <https://kg.example.org/ns#> SELECT (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m a kg:Meeting } }")
    assert int(next(iter(n))["n"].value) == rows
