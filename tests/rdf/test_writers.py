"""The store loader: every chunk's quads land in their graph, however large a chunk is."""
import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.rdf.writers import StoreLoader, make_chunk

PREFIXES = {"ex": "https://example.org/"}


def _chunk(name: str, n: int):
    g = URIRef(f"https://example.org/graph/{name}")
    triples = [(URIRef(f"https://example.org/{name}/{i}"), URIRef("https://example.org/p"), Literal(f"值{i}")) for i in range(n)]
    return make_chunk(g, triples, PREFIXES), {(str(s), str(o), str(g)) for s, _, o in triples}


def test_a_graph_larger_than_a_part_is_loaded_whole_into_its_graph(tmp_path):
    chunks = [_chunk("small-a", 3), _chunk("large", 23), _chunk("small-b", 4)]
    store = ox.Store(str(tmp_path / "store"))
    loader = StoreLoader(store, PREFIXES, part_quads=5)
    for chunk, _ in chunks:
        loader.add(chunk)
    loader.finish()
    got = {(q.subject.value, q.object.value, q.graph_name.value) for q in store}
    assert got == set().union(*(want for _, want in chunks))
    assert len(store) == 30


def test_the_turtle_file_is_the_same_whatever_the_size_of_its_runs(tmp_path):
    """A graph as large as a run is written as a run of its own: the file is byte-identical to one
    written from a single run (repeats across graphs once)."""
    from kg.rdf.writers import TurtleWriter

    chunks = [_chunk("small-a", 3)[0], _chunk("large", 40)[0], _chunk("small-a", 3)[0], _chunk("small-b", 4)[0]]
    out = []
    for run_bytes in (1 << 30, 200):
        (tmp_path / str(run_bytes)).mkdir()
        writer = TurtleWriter(tmp_path / str(run_bytes), PREFIXES, run_bytes=run_bytes)
        for chunk in chunks:
            writer.add(chunk)
        writer.write(tmp_path / f"{run_bytes}.ttl")
        writer.close()
        out.append((tmp_path / f"{run_bytes}.ttl").read_bytes())
    assert out[0] == out[1] and out[0].count("值".encode()) == 47


def test_a_graph_spilled_in_runs_is_written_as_one_held_whole(tmp_path):
    """A graph too large to hold (its lines sorted in runs on disk and merged) gives the same TriG, Turtle
    and store as the same graph held in memory, each triple once."""
    import io

    from kg.rdf.writers import GraphLines, TrigWriter, TurtleWriter

    g = URIRef("https://example.org/graph/g")
    triples = [(URIRef(f"https://example.org/s/{i % 37}"), URIRef(f"https://example.org/p/{i % 3}"), Literal(f"值 \"{i % 50}\"\n"))
               for i in range(400)]
    out = []
    for run_lines in (None, 7):
        lines = GraphLines(workdir=tmp_path if run_lines else None, run_lines=run_lines or 250_000)
        for t in triples:
            lines.add(t)
        chunk = lines.chunk(g, PREFIXES)
        assert bool(chunk.path) == bool(run_lines)
        trig = io.BytesIO()
        TrigWriter(trig, PREFIXES).add(chunk)
        (tmp_path / str(run_lines)).mkdir()
        ttl = TurtleWriter(tmp_path / str(run_lines), PREFIXES)
        ttl.add(chunk)
        ttl.write(tmp_path / f"{run_lines}.ttl")
        ttl.close()
        store = ox.Store(str(tmp_path / f"store-{run_lines}"))
        loader = StoreLoader(store, PREFIXES, part_quads=10)
        loader.add(chunk)
        loader.finish()
        out.append((chunk.quads, trig.getvalue(), (tmp_path / f"{run_lines}.ttl").read_bytes(), sorted(map(str, store))))
    assert out[0] == out[1] and out[0][0] == len(set(triples))
