"""``kg build``: files in, graph files and store out, written atomically."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from .cache import FactCache, stream_facts
from .curation import load as load_curation
from .documents import FILE_TIMEOUT, MAX_BYTES, iter_documents, iter_files
from .errors import MESSAGES, BuildBusy, NoDocuments
from .model import Block, Document, Facts, Skipped
from .outputs import (GRAPH_TRIG, GRAPH_TTL, STORE_DIR, VIEWS_DIR, atomic_write, cannot_write, is_write_error,
                      new_generation, remove_stale, shown_path, switch)
from .parallel import Mapper
from .rdf import serialize as rdf_out
from .rdf.graph import PREFIXES, TYPE_CLASS, document_triples, ontology_graph, register
from .rdf.vocab import GRAPH, ONTOLOGY_GRAPH, segment
from .rdf.writers import GraphChunk, GraphLines, StoreLoader, TrigWriter, TurtleWriter, make_chunk
from .resolve import Resolver
from .tables import write_tables
from .terminal import printable

MAX_VIEW_NODES = 5000  # default views with more nodes are not written
MANY_FACTS = 20_000  # a document with more facts than this is read back from the cache a part at a time
LARGE_TEXT = 1_000_000  # characters: a document longer than this is extracted in a process of its own


@dataclass
class BuildResult:
    out: Path
    documents: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    blocks: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    facts: Counter = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    endpoint: str = ""
    loaded: list[str] = field(default_factory=list)  # graphs sent to the endpoint (new or changed)
    deleted: list[str] = field(default_factory=list)  # graphs dropped from the endpoint (removed documents)
    notes: list[str] = field(default_factory=list)
    curation: dict[str, int] = field(default_factory=dict)  # changes applied, by kind
    extracted: list[str] = field(default_factory=list)  # documents read by the extractor this time
    reused: list[str] = field(default_factory=list)  # unchanged documents whose facts came from the cache
    curation_file: str = ""

    def summary(self) -> str:
        lines = [f"documents: {len(self.documents)} read, {len(self.skipped)} skipped"
                 + (f" ({len(self.extracted)} extracted, {len(self.reused)} unchanged)" if self.reused else "")]
        for s in self.skipped:
            lines.append(f"  skipped {s.path}: {s.reason}")
        lines.append("blocks: " + ", ".join(f"{k} {v}" for k, v in sorted(self.blocks.items())))
        lines.append("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items())))
        lines.append("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())))
        if self.curation_file:
            lines.append(f"curation {self.curation_file}: " + ", ".join(f"{k} {v}" for k, v in self.curation.items()))
        lines.append(f"triples: {self.triples}")
        lines.append(f"time: {self.seconds:.1f} s")
        for f in self.files:
            lines.append(f"wrote {f}")
        lines.extend(self.notes)
        if self.endpoint:
            lines.append(f"loaded {len(self.loaded)} graphs into {self.endpoint}"
                         + (f", deleted {len(self.deleted)}" if self.deleted else ""))
        # For a terminal: file names and skip reasons may hold escape sequences; each line shows them as text.
        return "\n".join(printable(line) for line in lines)


def serialize_turtle(ds) -> bytes:
    """All triples of an rdflib dataset (the union of its graphs) as Turtle, in a stable order."""
    return rdf_out.turtle(_dataset_quads(ds), PREFIXES)


def serialize_trig(ds) -> bytes:
    """An rdflib dataset as TriG: prefixes once, then each named graph in IRI order, each in a stable order."""
    return rdf_out.trig(_dataset_quads(ds), PREFIXES)


def _dataset_quads(ds) -> list:
    graphs: dict = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        iri = getattr(g, "identifier", g)
        if not str(iri).startswith("urn:x-rdflib:"):
            graphs.setdefault(iri, []).append((s, p, o))
    return rdf_out.to_quads(graphs)


def _clean_stale(out: Path) -> None:
    """Remove what an interrupted build left behind: its working files, and generations no ``current`` points to."""
    if out.is_dir():
        remove_stale(out)


def extract(doc: Document) -> Facts:
    """Everything kg reads from ``doc``: :func:`kg.extract.document.extract`, imported on first use,
    so that reading a build (queries, views, exports) does not load spaCy and jieba."""
    from .extract.document import extract as run

    return run(doc)


class FileTimeout(Exception):
    """A document's extraction ran past the per-file time limit."""


@contextmanager
def _time_limit(seconds: float | None):
    """Raise :class:`FileTimeout` in this thread after ``seconds`` (a real-time timer; only in a
    process's main thread, where signals arrive: the build and its worker processes, not Dask's
    worker threads). Python code is stopped at once; a C call when it returns."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise FileTimeout(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extract_one(file_timeout, doc):
    """Extract one document (in this process, a worker process or a Dask worker): its Facts, or why it
    failed. ``file_timeout`` (seconds) is the per-file time limit."""
    try:
        with _time_limit(file_timeout):
            facts = extract(doc)
    except FileTimeout as exc:
        return Skipped(doc.path, MESSAGES["file_timeout"].format(path=doc.path, step="extract", detail=exc))
    except Exception as exc:  # one bad document must not stop the build
        return Skipped(doc.path, f"extraction failed: {type(exc).__name__}: {exc}")
    # Blocks are only counted from here on: keep their kind, one block of each kind standing for all
    # (not their text, place and offset maps: a dense table has hundreds of thousands).
    kinds: dict[str, Block] = {}
    return replace(facts, blocks=tuple(kinds.setdefault(b.kind, Block(b.doc_id, b.kind, 0, 0, 0, "")) for b in facts.blocks))


@dataclass
class Cached:
    """A document's facts newly extracted in a process of its own, and put in the build cache there."""

    doc_id: str
    path: str


@dataclass
class _Apart:
    """A document to extract in a process of its own (see :func:`iter_facts`)."""

    doc: Document


def _extract_into(cache: FactCache, file_timeout, doc: Document) -> Skipped | Cached:
    """Extract ``doc`` and put its facts in ``cache`` (in a process of its own): where they are, or why it failed."""
    facts = _extract_one(file_timeout, doc)
    if isinstance(facts, Skipped):
        return facts
    cache.put(facts)
    return Cached(facts.doc.id, str(cache.path(facts.doc.id)))


def _extract_apart(cache: FactCache, file_timeout, doc: Document) -> Skipped | Cached:
    """:func:`_extract_into` in a forked process. A dense document's extraction leaves the memory it
    freed scattered among what stays (a 200,000-row table: 0.55 GB that the rest of the build could
    not give back); in a process of its own, that memory goes with the process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            return pool.submit(_extract_into, cache, file_timeout, doc).result()
    except Exception as exc:  # the process died (killed, out of memory): the file is skipped, the build goes on
        return Skipped(doc.path, f"extraction failed: {type(exc).__name__}: {exc}")


def iter_facts(
    sources: Iterable[str | Path],
    mapper: Mapper,
    cache: FactCache | None = None,
    max_bytes: int = MAX_BYTES,
    progress: bool = False,
    file_timeout: float | None = FILE_TIMEOUT,
    apart: FactCache | None = None,
) -> Iterator[Skipped | Facts | tuple[Facts] | Cached]:
    """Each document's facts in document-id order: ``Facts`` newly extracted, ``(Facts,)`` from
    the ``cache`` (the document is unchanged since), or why a file was skipped.

    Files are read here one at a time and extracted by ``mapper`` (here, over
    processes or on a Dask cluster), a bounded number at once. With ``apart`` (a
    cache; on Linux, when the mapper runs here), a document of more than
    ``LARGE_TEXT`` characters is extracted in a forked process that puts its facts
    in that cache: it comes as :class:`Cached`.
    """
    items: Iterable = iter_documents(sources, max_bytes, by_id=True, file_timeout=file_timeout)
    if progress:
        from tqdm import tqdm

        items = tqdm(items, desc="extracting", unit="doc")

    apart = apart if sys.platform.startswith("linux") and not mapper.parallel else None

    def prepared():
        for item in items:
            cached = cache.get(item) if cache is not None and isinstance(item, Document) else None
            if cached is None and apart is not None and isinstance(item, Document) and len(item.text) > LARGE_TEXT:
                yield _Apart(item)  # (passed through the mapper, extracted below in its place)
            else:
                yield item if cached is None else (cached,)

    for out in mapper.map(_extract_one, prepared(), context=file_timeout, local=lambda item: not isinstance(item, Document)):
        yield _extract_apart(apart, file_timeout, out.doc) if isinstance(out, _Apart) else out


_TERMS = rdf_out.TermCache()  # per process: the IRIs and literals documents share are converted once


def _graph_chunk(context: tuple[Resolver, str | None], item: Facts | str) -> GraphChunk:
    """One document's graph, serialized (in this process, a worker process or a Dask worker).

    ``context`` is the resolver and the folder where a graph too large to hold is spilled (none on
    a Dask cluster); ``item`` is the document's facts or where the build cache keeps them."""
    resolver, spill = context
    facts = item if isinstance(item, Facts) else stream_facts(item)
    iri, lines = document_triples(facts, resolver, triples=GraphLines(_TERMS, spill))
    del facts  # (before its lines are merged)
    return lines.chunk(iri, PREFIXES)


@contextmanager
def _signals_deferred():
    """Hold SIGINT and SIGTERM while the outputs are swapped in, so that they are swapped in together."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def build(
    sources: Iterable[str | Path],
    out: str | Path,
    *,
    store: bool = True,
    progress: bool | None = None,
    endpoint: str | None = None,
    graph_store: str | None = None,
    views: bool = True,
    curation: str | Path | None = None,
    max_bytes: int = MAX_BYTES,
    incremental: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    file_timeout: float | None = FILE_TIMEOUT,
) -> BuildResult:
    """Read ``sources``, extract facts, and write ``out/graph.ttl``, ``out/graph.trig``, ``out/store``
    and the who-met-whom and city-partners views in ``out/views/``.

    The corpus is streamed: documents are read and extracted a few at a time,
    their facts kept in the build cache (``out/.cache``) and their entities
    registered; once every entity has its IRI, each document's graph is made
    from its facts read back, written to the graph files and loaded into the
    store. Memory follows the number of distinct entities, not the size of
    the corpus, and a document's size only in part: a document longer than
    ``LARGE_TEXT`` is extracted in a process of its own, a document's many
    facts are cached and read back a part at a time, its graph is written as
    N-Triples lines in sorted runs on disk when too large to hold
    (:class:`~kg.rdf.writers.GraphLines`), and its rows of the query tables
    are read a few thousand meetings at a time. A table of 200,000 meeting
    rows (14.8 MB) peaks under 1 GiB in each process.

    Everything is written into a new generation folder first, then switched in
    with one link (``out/current``; see :mod:`kg.outputs`): a reader sees all
    the old outputs or all the new, and a build that fails, is interrupted or
    killed leaves the previous ones as they were. With ``incremental``,
    documents unchanged since the last build into ``out`` are not extracted
    again (see :mod:`kg.cache`). A folder that cannot be written (a full disk,
    no permission) raises :class:`~kg.errors.OutputError`.

    With ``endpoint`` (a SPARQL query endpoint), each document's named graph is
    also loaded into that server with the Graph Store Protocol (at
    ``graph_store``, by default the ``/store`` beside the endpoint).

    ``jobs`` > 1 extracts documents and writes their graphs over that many
    processes; ``scheduler`` (a Dask scheduler address) does both on that
    cluster. Either way the output is byte-identical to a serial build.

    A ``curation`` file (see :mod:`kg.curation`) is checked first and applied;
    any problem with it raises :class:`~kg.errors.CurationError` before anything is written, and so
    does a source path that does not exist (:class:`~kg.errors.NoDocuments`, E003).
    """
    out = Path(out)
    sources = list(sources)
    for src in sources:
        # A source that does not exist is a mistyped path: nothing is built (an unreadable file in a
        # folder, by contrast, is skipped and named).
        if not Path(src).exists():
            raise NoDocuments(MESSAGES["not_found"].format(path=src))
    cur = load_curation(curation) if curation is not None else None
    try:
        out.mkdir(parents=True, exist_ok=True)
        with _output_lock(out):
            return _build(sources, out, cur, store=store, progress=progress, endpoint=endpoint, graph_store=graph_store,
                          views=views, max_bytes=max_bytes, incremental=incremental, jobs=jobs, scheduler=scheduler,
                          file_timeout=file_timeout)
    except OSError as exc:
        # A full disk, a read-only folder (also Oxigraph's RocksDB errors): one line, not a traceback.
        if not is_write_error(exc):
            raise
        raise cannot_write(shown_path(out, exc), exc) from exc


LOCK_FILE = ".kg-build.lock"


@contextmanager
def _output_lock(out: Path):
    """Hold ``out/.kg-build.lock`` for the build: a second build into the same folder stops at once
    with :class:`~kg.errors.BuildBusy` (its clean-up would delete the first one's working files).
    The lock is the kernel's (``flock``): it goes with the process, even one that is killed."""
    import fcntl

    fd = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildBusy(MESSAGES["build_busy"].format(out=out)) from None
        yield
    finally:
        os.close(fd)


def _build(sources, out: Path, cur, *, store, progress, endpoint, graph_store, views, max_bytes, incremental, jobs,
           scheduler, file_timeout) -> BuildResult:
    t0 = time.perf_counter()
    sources = list(sources)
    if progress is None:
        progress = sys.stderr.isatty() and sum(1 for _ in iter_files(sources)) > 20
    _clean_stale(out)
    cache = FactCache(out)
    result = BuildResult(out=out)
    gen: Path | None = None  # this build's generation, until it is current
    loader: StoreLoader | None = None
    ttl: TurtleWriter | None = None
    spill: str | None = None  # where the graphs too large to hold are written (removed at the end)
    if jobs > 1 and scheduler is None:
        from .extract import document  # noqa: F401 (imported once here, not in each forked worker)
    try:
        with Mapper(jobs, scheduler, tmpdir=out) as mapper:
            resolver, ids = _first_pass(sources, mapper, cache, incremental, max_bytes, progress, result, file_timeout)
            own = None
            retracting = None  # the resolver a curation's retractions are matched with
            if cur is not None:
                retracting = resolver
                resolver, own = _curate(cur, resolver, ids, cache)
                result.curation_file = str(cur.path)
                result.curation = cur.counts()
                retracted = sum(len(set(a.retracted)) for a in cur.of("retract"))
                if retracted:
                    result.curation["facts retracted"] = retracted
            resolver.assign_iris()

            # Second pass: each document's graph, in graph-IRI order, into the files and the store, all in
            # a generation folder of its own that no reader sees until it is switched in.
            gen = new_generation(out)
            # (Entities are counted in the union of the graphs, by the Turtle writer, which has each triple once.)
            ttl = TurtleWriter(out, PREFIXES, classes={str(cls): name for name, cls in TYPE_CLASS.items()})
            if store:
                loader = StoreLoader(ox.Store(str(gen / STORE_DIR)), PREFIXES)
            if not mapper.scheduler:  # (a Dask worker shares no disk with the build)
                spill = tempfile.mkdtemp(prefix=".graph-runs-", dir=out)
            items = _graph_items(ids, cache, mapper, resolver, cur, own, retracting)
            if progress:
                from tqdm import tqdm

                items = tqdm(items, desc="writing", unit="graph", total=len(ids) + 1 + (cur is not None))
            with open(gen / GRAPH_TRIG, "wb") as fh:
                trig = TrigWriter(fh, PREFIXES)
                chunks = mapper.map(_graph_chunk, items, context=(resolver, spill), local=lambda x: isinstance(x, GraphChunk))
                for chunk in chunks:
                    if loader is not None:
                        loader.add(chunk)  # (first: a graph in a file is loaded while it is written below)
                    trig.add(chunk)
                    ttl.add(chunk)
                    result.triples += chunk.quads
                fh.flush()
                os.fsync(fh.fileno())
        ttl.write(gen / GRAPH_TTL)
        result.entities.update(ttl.counts)
        if loader is not None:
            loader.finish()
            loader = None  # the store is closed: the views open it again
        if spill is not None:
            shutil.rmtree(spill, ignore_errors=True)
            spill = None
        _release_memory()
        if store:
            write_tables(gen)
        drawn = _write_views(gen, result) if store and views else []
        with _signals_deferred():
            switch(out, gen)
            gen = None
    finally:
        if loader is not None:
            loader.abandon()
        if ttl is not None:
            ttl.close()
        if spill is not None:
            shutil.rmtree(spill, ignore_errors=True)
        if gen is not None:
            shutil.rmtree(gen, ignore_errors=True)
    try:
        remove_stale(out)  # the previous generation
    except OSError:  # the build has landed: the next one removes it
        pass
    result.documents = ids
    result.files = [out / GRAPH_TTL, out / GRAPH_TRIG]
    if store:
        result.files.append(out / STORE_DIR)
        result.files += [out / VIEWS_DIR / f"{name}.html" for name in drawn]
    cache.prune(set(ids))  # only once the build has landed
    if endpoint:
        _load_endpoint(out, endpoint, graph_store, incremental, result)
    result.seconds = time.perf_counter() - t0
    return result


def _release_memory() -> None:
    """Give the memory of the second pass (graph parts, Turtle runs, caches) back to the system before the views."""
    import gc

    _TERMS.clear()
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass


def _first_pass(sources, mapper: Mapper, cache: FactCache, incremental: bool, max_bytes: int, progress: bool,
                result: BuildResult, file_timeout: float | None = FILE_TIMEOUT) -> tuple[Resolver, list[str]]:
    """Extract (or reuse) every document's facts, keep them in the cache, register their entities."""
    resolver = Resolver()
    ids: list[str] = []
    for item in iter_facts(sources, mapper, cache if incremental else None, max_bytes, progress, file_timeout, apart=cache):
        if isinstance(item, Skipped):
            result.skipped.append(item)
            continue
        if isinstance(item, Cached):  # (a dense document, extracted and cached in a process of its own)
            facts = stream_facts(item.path)
            result.extracted.append(item.doc_id)
        elif isinstance(item, tuple):
            facts = item[0]
            result.reused.append(facts.doc.id)
        else:
            facts = item
            cache.put(facts)
            result.extracted.append(facts.doc.id)
            if sum(map(len, (facts.meetings, facts.mentions, facts.partner_links, facts.positions))) > MANY_FACTS:
                # A dense document: its facts registered as read back a part at a time, those extracted
                # let go of first (the resolver grows by about as much as they hold).
                item = facts = stream_facts(cache.path(facts.doc.id))
        register(resolver, facts)
        ids.append(facts.doc.id)
        result.blocks.update(b.kind for b in facts.blocks)
        result.facts["meeting"] += len(facts.meetings)
        result.facts["attendance"] += len(facts.attendances)
        result.facts["partner_link"] += len(facts.partner_links)
        result.facts["position"] += len(facts.positions)
    if not ids and not result.skipped:
        raise NoDocuments(MESSAGES["no_documents"].format(paths=", ".join(map(str, sources))))
    return resolver, ids


def _curate(cur, resolver: Resolver, ids: list[str], cache: FactCache) -> tuple[Resolver, Facts]:
    """Apply a curation file: check it against every document (raising on any problem), and return a
    resolver of the entities left once retracted facts are dropped, and the file's own facts."""
    cur.start(set(ids))
    errors: list[str] = []
    own = cur.prepare(resolver, register, errors)
    kept = Resolver()
    for doc_id in ids:
        register(kept, cur.retract(cache.load(doc_id), resolver, errors))
    register(kept, own)
    cur.finish(errors)
    cur.apply_entities(kept, None)
    return kept, own


def _graph_items(ids: list[str], cache: FactCache, mapper: Mapper, resolver: Resolver, cur, own: Facts | None,
                 retracting: Resolver | None) -> Iterator:
    """What the second pass maps over, in graph-IRI order: a document's cache path (or its facts, where
    the workers share no disk or a curation drops some), or a chunk already made here (ontology, curation)."""
    entries = [(str(GRAPH[segment(i)]), i) for i in ids] + [(str(ONTOLOGY_GRAPH), None)]
    if cur is not None:
        entries.append((str(GRAPH[segment(cur.id)]), cur.id))
    entries.sort()
    for _, doc_id in entries:
        if doc_id is None:
            yield make_chunk(ONTOLOGY_GRAPH, ontology_graph(), PREFIXES)
        elif cur is not None and doc_id == cur.id:
            yield make_chunk(*document_triples(own, resolver, cur), PREFIXES)
        elif cur is not None:
            yield cur.retract(cache.load(doc_id), retracting, None)
        elif mapper.scheduler:
            yield cache.load(doc_id)
        else:
            yield str(cache.path(doc_id))


def _write_views(gen: Path, result: BuildResult) -> list[str]:
    """The default views, written into the generation ``gen``; the names of those written. A network too
    large for a browser is not drawn (and, being in no generation, no stale page of it is left)."""
    from . import views as views_mod
    from .query import open_store, run_query

    drawn = []
    ds_read = open_store(gen / STORE_DIR)
    try:
        sizes = run_query("network-size", ds_read).rows[0]
        for name, size in (("who-met-whom", sizes["whoMetWhom"]), ("city-partners", sizes["cityPartners"])):
            if int(size or 0) > MAX_VIEW_NODES:
                # (At least that many nodes.) No browser draws that many; a stale page would mislead.
                result.notes.append(f"view {name} not written: {int(size):,} nodes, more than {MAX_VIEW_NODES:,}; "
                                    f"write a narrower one with kg view {name} --param from=… --param country=…")
                continue
            page = views_mod.make(name, gen).html().encode("utf-8")  # (the folder: the rows from its tables)
            _write_synced(gen / VIEWS_DIR / f"{name}.html", page)
            drawn.append(name)
    finally:
        del ds_read
    return drawn


def _write_synced(path: Path, data: bytes) -> None:
    """``data`` written to ``path`` and synced: on disk before the generation holding it is switched in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _load_endpoint(out: Path, endpoint: str, graph_store: str | None, incremental: bool, result: BuildResult) -> None:
    """Send the graphs that changed since the last build to the remote store, and delete those of removed documents."""
    from .remote import load_graphs, trig_payloads

    sent_file = out / ".cache" / "endpoint-graphs.json"
    try:
        sent_before = json.loads(sent_file.read_text(encoding="utf-8")) if incremental else {}
    except (OSError, ValueError):
        sent_before = {}
    key = graph_store or endpoint
    result.loaded, result.deleted, digests = load_graphs(trig_payloads(out / GRAPH_TRIG), endpoint, graph_store,
                                                         sent_before.get(key))
    sent_before[key] = digests
    sent_file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(sent_file, json.dumps(sent_before, sort_keys=True, indent=1).encode("utf-8"))
    result.endpoint = endpoint
