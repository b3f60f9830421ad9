"""The build's graph files and store, written one document graph at a time.

A document's graph becomes a :class:`GraphChunk` (its TriG text and its
sorted N-Triples lines) wherever it was made, a worker process included.
The writers here take chunks in graph-IRI order and keep only a bounded
amount in memory whatever the size of the corpus:

- :class:`TrigWriter` appends each chunk's TriG to ``graph.trig``;
- :class:`TurtleWriter` keeps the union of all graphs for ``graph.ttl``: its
  N-Triples lines are sorted in runs of bounded size, spilled to disk and
  merged at the end (each triple once), then written as Turtle;
- :class:`StoreLoader` bulk-loads the chunks into an Oxigraph store, a
  bounded part at a time (a document's graph larger than a part in slices of
  its N-Triples), in a thread beside the build.

The bytes are those of :func:`kg.rdf.serialize.trig` and
:func:`kg.rdf.serialize.turtle` on the whole dataset.
"""
from __future__ import annotations

import heapq
import io
import os
import queue
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Mapping

import pyoxigraph as ox

from .serialize import TermCache, _prefixes, prefix_block, turtle_prefixes

TRIG = ox.RdfFormat.TRIG


@dataclass(frozen=True)
class GraphChunk:
    """One named graph, serialized: what a worker sends back for one document."""

    graph: str  # the graph IRI
    trig: bytes  # its TriG block (``kgg:… { … }``), without prefix lines
    ntriples: bytes  # its triples as sorted N-Triples lines (the Graph Store Protocol payload)
    quads: int
    typed: tuple[tuple[str, str], ...] = ()  # (class IRI, entity IRI) for each rdf:type triple in the graph


def _header(prefixes: Mapping[str, str], fmt: ox.RdfFormat) -> bytes:
    """The prefix lines Oxigraph writes for ``prefixes``, in name order, then a blank line."""
    probe = ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"))
    if fmt == TRIG:
        probe = ox.Quad(probe.subject, probe.predicate, probe.object, ox.NamedNode("urn:g"))
    return prefix_block(ln for ln in ox.serialize([probe], format=fmt, prefixes=dict(prefixes)).split(b"\n") if ln.startswith(b"@prefix "))


RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def make_chunk(graph, triples: Iterable[tuple], prefixes: Mapping[str, object], terms: TermCache | None = None) -> GraphChunk:
    """A graph's triples (rdflib terms) serialized as a :class:`GraphChunk`."""
    terms = terms or TermCache()
    g = terms(graph)
    pair = terms.pair
    rows = []
    for s, p, o in triples:
        (ts, ss), (tp, sp), (to, so) = pair(s), pair(p), pair(o)
        rows.append((ss, sp, so, ts, tp, to))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    # (Streamed into bytes, not made into lists of quads and lines first: a dense table's graph has
    # a million triples, and such lists took several times the size of the text.)
    body = ox.serialize((ox.Quad(r[3], r[4], r[5], g) for r in rows), format=TRIG, prefixes=_prefixes(prefixes)) if rows else b""
    n = len(prefixes)
    body = body.split(b"\n", n)[n] if rows else b""
    nt = io.BytesIO()
    for r in rows:
        nt.write(f"{r[0]} {r[1]} {r[2]} .\n".encode("utf-8"))
    typed = tuple((r[5].value, r[3].value) for r in rows if r[1] == RDF_TYPE and isinstance(r[5], ox.NamedNode))
    return GraphChunk(g.value, body, nt.getvalue(), len(rows), typed)


class TrigWriter:
    """``graph.trig`` from chunks in graph order."""

    def __init__(self, fh: IO[bytes], prefixes: Mapping[str, object]) -> None:
        self.fh = fh
        self.header = _header(_prefixes(prefixes), TRIG)
        self.empty = True

    def add(self, chunk: GraphChunk) -> None:
        if not chunk.quads:
            return
        if self.empty:
            self.fh.write(self.header)
            self.empty = False
        self.fh.write(chunk.trig)


class TurtleWriter:
    """``graph.ttl``, the union of the graphs, by an external merge sort of their N-Triples lines."""

    def __init__(self, workdir: Path, prefixes: Mapping[str, object], run_bytes: int = 32 << 20) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=".ttl-runs-", dir=workdir))
        self.prefixes = turtle_prefixes(prefixes)
        self.run_bytes = run_bytes
        self.lines: list[bytes] = []
        self.size = 0
        self.runs: list[Path] = []

    def add(self, chunk: GraphChunk) -> None:
        if len(chunk.ntriples) >= self.run_bytes:
            # A graph as large as a run (a dense table): its lines are sorted and unique already, a
            # run as they are (not split into a list of lines as large again).
            self._spill()
            run = self.dir / f"run-{len(self.runs):05d}.nt"
            run.write_bytes(chunk.ntriples)
            self.runs.append(run)
        elif chunk.ntriples:
            self.lines += chunk.ntriples.splitlines(keepends=True)
            self.size += len(chunk.ntriples)
            if self.size >= self.run_bytes:
                self._spill()

    def _spill(self) -> None:
        # Each chunk is sorted already: a sort of the concatenation finds those runs (Timsort), then
        # dict.fromkeys drops repeats in order. Twice as fast as sorting a set.
        if not self.lines and self.runs:
            return  # (nothing since the last run; an empty run only where there is no other)
        lines, self.lines, self.size = self.lines, [], 0
        lines.sort()
        lines = dict.fromkeys(lines)
        run = self.dir / f"run-{len(self.runs):05d}.nt"
        with open(run, "wb") as fh:
            fh.writelines(lines)
        self.runs.append(run)

    def _merged(self) -> Iterator[bytes]:
        files = [open(r, "rb") for r in self.runs]
        try:
            last = None
            for line in heapq.merge(*files):
                if line != last:
                    yield line
                    last = line
        finally:
            for f in files:
                f.close()

    def write(self, path: Path) -> None:
        """Write the Turtle to ``path`` (a staging file)."""
        if self.lines or not self.runs:
            self._spill()
        if len(self.runs) == 1:
            merged = self.runs[0]
        else:
            merged = self.dir / "merged.nt"
            with open(merged, "wb") as fh:
                fh.writelines(self._merged())
            for r in self.runs:
                r.unlink()
        if merged.stat().st_size == 0:
            path.write_bytes(b"")
            return
        ox.serialize(ox.parse(path=str(merged), format=ox.RdfFormat.N_TRIPLES), str(path), format=ox.RdfFormat.TURTLE,
                     prefixes=self.prefixes)
        _sort_header_in_place(path, len(self.prefixes))

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def _sort_header_in_place(path: Path, n: int) -> None:
    """The file's ``n`` prefix lines as :func:`~kg.rdf.serialize.prefix_block` writes them.

    The blank line is the one byte the file grows by: the rest is rewritten after it.
    """
    with open(path, "rb") as src:
        lines = [src.readline() for _ in range(n)]
        if not all(ln.startswith(b"@prefix ") for ln in lines):
            raise ValueError(f"{path}: expected {n} prefix lines")
        tmp = path.with_name(path.name + ".sorted")
        with open(tmp, "wb") as dst:
            dst.write(prefix_block(ln.rstrip(b"\n") for ln in lines))
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
    os.replace(tmp, path)


class StoreLoader:
    """Bulk-loads chunks into an Oxigraph store, ``part_quads`` at a time, in a background thread."""

    def __init__(self, store: ox.Store, prefixes: Mapping[str, object], part_quads: int = 50_000) -> None:
        self.store = store
        self.header = _header(_prefixes(prefixes), TRIG)
        self.part_quads = part_quads
        self.parts: list[bytes] = []
        self.quads = 0
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kg-store-loader", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is None:
                data, fmt, graph = item
                try:
                    self.store.bulk_load(data, format=fmt, to_graph=graph)
                except BaseException as exc:  # reported by finish()
                    self.error = exc

    def add(self, chunk: GraphChunk) -> None:
        if self.error is not None:
            raise self.error
        if chunk.quads > self.part_quads:
            # One document's graph larger than a part (a dense table): its N-Triples lines, a part at a
            # time, into its graph. Oxigraph's bulk loader holds a whole input in memory while it sorts it.
            self._send()
            data, graph = chunk.ntriples, ox.NamedNode(chunk.graph)
            step = len(data) * self.part_quads // chunk.quads  # (bytes of about part_quads lines)
            start = 0
            while start < len(data):
                end = data.find(b"\n", start + step) + 1 or len(data)
                self.queue.put((data[start:end], ox.RdfFormat.N_TRIPLES, graph))
                start = end
            return
        if chunk.quads:
            self.parts.append(chunk.trig)
            self.quads += chunk.quads
            if self.quads >= self.part_quads:
                self._send()

    def _send(self) -> None:
        if self.parts:
            self.queue.put((self.header + b"".join(self.parts), TRIG, None))
            self.parts, self.quads = [], 0

    def finish(self) -> None:
        self._send()
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error
        self.store.flush()

    def abandon(self) -> None:
        """Stop the thread after the part it is loading (the store is thrown away)."""
        self.error = self.error or RuntimeError("abandoned")
        try:
            while True:
                self.queue.get_nowait()
        except queue.Empty:
            pass
        self.queue.put(None)
        self.thread.join()
