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
from collections import Counter
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
    # A graph too large to hold (a dense table): its sorted N-Triples lines are in this file instead,
    # and ``trig`` and ``ntriples`` are empty. The file is the build's to remove.
    path: str = ""


def _header(prefixes: Mapping[str, str], fmt: ox.RdfFormat) -> bytes:
    """The prefix lines Oxigraph writes for ``prefixes``, in name order, then a blank line."""
    probe = ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"))
    if fmt == TRIG:
        probe = ox.Quad(probe.subject, probe.predicate, probe.object, ox.NamedNode("urn:g"))
    return prefix_block(ln for ln in ox.serialize([probe], format=fmt, prefixes=dict(prefixes)).split(b"\n") if ln.startswith(b"@prefix "))


RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


class GraphLines:
    """Where a graph's triples go as they are made (``add`` them as to a set): as N-Triples lines.

    Up to ``run_lines`` lines are held; past that (a dense table's graph has millions of
    triples) they are sorted, repeats dropped, and written to a run file in ``workdir``, and
    :meth:`chunk` merges the runs into one sorted file. Without a ``workdir`` (a Dask worker,
    which shares no disk with the build) every line is held. The set of rdflib triples this
    replaces, with the terms, tuples and sort keys made from it to write it, held 20 KB per row
    of a dense table at once.

    A line sorts as the triple's terms do (subject, then predicate, then object, by their
    N-Triples form): a term never ends where another goes on, except before the space, ``@``
    or ``^`` that follows it, and space sorts first.
    """

    def __init__(self, terms: TermCache | None = None, workdir: str | Path | None = None,
                 run_lines: int = 250_000) -> None:
        self.terms = terms if terms is not None else TermCache()
        self.workdir = workdir
        self.run_lines = run_lines
        self.lines: list[str] = []
        self.runs: list[Path] = []

    def add(self, triple: tuple) -> None:
        s, p, o = triple
        nt = self.terms.nt
        self.lines.append(f"{nt(s)} {nt(p)} {nt(o)} .\n")
        if len(self.lines) >= self.run_lines and self.workdir is not None:
            self._spill()

    def _spill(self) -> None:
        lines, self.lines = _sorted_unique(self.lines), []
        fd, path = tempfile.mkstemp(prefix="run-", suffix=".nt", dir=self.workdir)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.writelines(lines)
        self.runs.append(Path(path))

    def chunk(self, graph, prefixes: Mapping[str, object]) -> GraphChunk:
        """The graph named ``graph`` (an IRI), serialized."""
        if not self.runs:
            lines, self.lines = _sorted_unique(self.lines), []
            data = "".join(lines).encode("utf-8")
            return GraphChunk(str(graph), trig_block(data, str(graph), prefixes) if lines else b"", data, len(lines))
        if self.lines:
            self._spill()
        path, quads = merge_runs(self.runs, Path(self.workdir))
        self.runs = []
        return GraphChunk(str(graph), b"", b"", quads, path=str(path))


def _sorted_unique(lines: list) -> list:
    lines.sort()
    return list(dict.fromkeys(lines))


def merge_runs(runs: list[Path], workdir: Path) -> tuple[Path, int]:
    """Sorted runs of N-Triples lines merged into one sorted file (each line once), the runs removed:
    the file and its number of lines."""
    if len(runs) == 1:
        with open(runs[0], "rb") as fh:
            return runs[0], sum(1 for _ in fh)
    fd, path = tempfile.mkstemp(prefix="merged-", suffix=".nt", dir=workdir)
    n = 0
    with os.fdopen(fd, "wb") as out:
        files = [open(r, "rb") for r in runs]
        try:
            last = None
            for line in heapq.merge(*files):
                if line != last:
                    out.write(line)
                    n += 1
                    last = line
        finally:
            for f in files:
                f.close()
    for r in runs:
        r.unlink()
    return Path(path), n


def _in_graph(ntriples, graph: str) -> Iterator[ox.Quad]:
    """N-Triples (bytes, or a file's path) parsed into the named graph ``graph``."""
    g = ox.NamedNode(graph)
    parsed = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES) if isinstance(ntriples, bytes) else \
        ox.parse(path=ntriples, format=ox.RdfFormat.N_TRIPLES)
    return (ox.Quad(q.subject, q.predicate, q.object, g) for q in parsed)


def trig_block(ntriples: bytes, graph: str, prefixes: Mapping[str, object]) -> bytes:
    """A graph's TriG block (without prefix lines) from its sorted N-Triples lines."""
    body = ox.serialize(_in_graph(ntriples, graph), format=TRIG, prefixes=_prefixes(prefixes))
    n = len(prefixes)
    return body.split(b"\n", n)[n]


class _AfterLines:
    """A binary file's ``write`` for Oxigraph's serializer, dropping the first ``lines`` lines it
    writes: the prefix lines, which ``graph.trig`` has once at its head. (Written by hand: Oxigraph
    writes a file's prefixes or no prefixed names at all.)"""

    def __init__(self, fh: IO[bytes], lines: int) -> None:
        self.fh = fh
        self.left = lines

    def write(self, data: bytes) -> int:
        n = len(data)
        while self.left and data:
            i = data.find(b"\n")
            if i < 0:
                return n
            data = data[i + 1 :]
            self.left -= 1
        if data:
            self.fh.write(data)
        return n

    def flush(self) -> None:
        self.fh.flush()


def make_chunk(graph, triples: Iterable[tuple], prefixes: Mapping[str, object], terms: TermCache | None = None) -> GraphChunk:
    """A graph's triples (rdflib terms) serialized as a :class:`GraphChunk`, in memory."""
    lines = GraphLines(terms)
    for t in triples:
        lines.add(t)
    return lines.chunk(graph, prefixes)


class TrigWriter:
    """``graph.trig`` from chunks in graph order."""

    def __init__(self, fh: IO[bytes], prefixes: Mapping[str, object]) -> None:
        self.fh = fh
        self.prefixes = _prefixes(prefixes)
        self.header = _header(self.prefixes, TRIG)
        self.empty = True

    def add(self, chunk: GraphChunk) -> None:
        if not chunk.quads:
            return
        if self.empty:
            self.fh.write(self.header)
            self.empty = False
        if chunk.path:
            # (Streamed from its file into this one: the block of a dense table's graph is as large as its text.)
            ox.serialize(_in_graph(chunk.path, chunk.graph), _AfterLines(self.fh, len(self.prefixes)), format=TRIG,
                         prefixes=self.prefixes)
        else:
            self.fh.write(chunk.trig)


class TurtleWriter:
    """``graph.ttl``, the union of the graphs, by an external merge sort of their N-Triples lines.

    With ``classes`` (a class's IRI → a name), it also counts the distinct resources of each
    class in the union, in :attr:`counts`, as it writes them."""

    def __init__(self, workdir: Path, prefixes: Mapping[str, object], run_bytes: int = 32 << 20,
                 classes: Mapping[str, str] | None = None) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=".ttl-runs-", dir=workdir))
        self.prefixes = turtle_prefixes(prefixes)
        self.run_bytes = run_bytes
        self.lines: list[bytes] = []
        self.size = 0
        self.runs: list[Path] = []
        self.classes = {f"<{iri}>".encode(): name for iri, name in (classes or {}).items()}
        self.counts: Counter = Counter()

    def add(self, chunk: GraphChunk) -> None:
        if chunk.path:
            # A graph too large to hold: its file is a run as it is (sorted, each line once).
            self._spill()
            run = self.dir / f"run-{len(self.runs):05d}.nt"
            try:
                os.link(chunk.path, run)
            except OSError:  # (another file system)
                shutil.copyfile(chunk.path, run)
            self.runs.append(run)
        elif len(chunk.ntriples) >= self.run_bytes:
            # A graph as large as a run: its lines are sorted and unique already, a run as they are
            # (not split into a list of lines as large again).
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

    def _counted(self, lines: Iterable[bytes]) -> Iterator[bytes]:
        """The lines, each rdf:type line of a class counted on the way."""
        if not self.classes:
            yield from lines
            return
        for line in lines:
            if RDF_TYPE in line:
                s, p, o = line.split(b" ", 2)
                name = self.classes.get(o[:-3]) if p == RDF_TYPE else None  # (the object, without " .\n")
                if name is not None:
                    self.counts[name] += 1
            yield line

    def write(self, path: Path) -> None:
        """Write the Turtle to ``path`` (a staging file)."""
        if self.lines or not self.runs:
            self._spill()
        if len(self.runs) == 1:
            merged = self.runs[0]
            with open(merged, "rb") as fh:
                for _ in self._counted(fh):
                    pass
        else:
            merged = self.dir / "merged.nt"
            with open(merged, "wb") as fh:
                fh.writelines(self._counted(self._merged()))
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
                    if isinstance(data, tuple):  # (a file's path, bytes of about part_quads lines)
                        for part in _slices(*data):
                            if self.error is not None:
                                break
                            self.store.bulk_load(part, format=fmt, to_graph=graph)
                    else:
                        self.store.bulk_load(data, format=fmt, to_graph=graph)
                except BaseException as exc:  # reported by finish()
                    self.error = exc

    def add(self, chunk: GraphChunk) -> None:
        if self.error is not None:
            raise self.error
        if chunk.path:
            # A graph too large to hold: the thread reads its file a part at a time (while this one
            # writes it into the other files; the build removes it once the loader has finished).
            self._send()
            size = os.path.getsize(chunk.path)
            self.queue.put(((chunk.path, max(1, size * self.part_quads // chunk.quads)), ox.RdfFormat.N_TRIPLES,
                            ox.NamedNode(chunk.graph)))
            return
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


def _slices(path: str, step: int) -> Iterator[bytes]:
    """A file of lines read about ``step`` bytes at a time, each part ending at a line's end."""
    with open(path, "rb") as fh:
        while True:
            part = fh.read(step)
            if not part:
                return
            yield part + fh.readline()
