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
from typing import Iterable

import pyoxigraph as ox
from rdflib import RDF

from .curation import load as load_curation
from .cache import FactCache
from .documents import MAX_BYTES, iter_documents, iter_files
from .errors import MESSAGES, InputError, NoDocuments
from .extract.document import extract
from .model import Block, Facts, Skipped
from .rdf import serialize as rdf_out
from .rdf.graph import PREFIXES, TYPE_CLASS, build_graphs

GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
STORE_DIR = "store"
VIEWS_DIR = "views"
MAX_VIEW_NODES = 5000  # default views with more nodes are not written


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
        return "\n".join(lines)


def _stage_file(path: Path, data: bytes) -> Path:
    """``data`` written and synced to a temporary file beside ``path``; the temporary file."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return tmp


def _atomic_write(path: Path, data: bytes) -> None:
    os.replace(_stage_file(path, data), path)


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


def _stage_store(quads: list, out: Path) -> Path:
    """Load the quads into a new Oxigraph store in a hidden directory of ``out``; its path."""
    gen = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}-", dir=out))
    try:
        store = ox.Store(str(gen))
        store.bulk_extend(quads)
        store.flush()
        del store
    except BaseException:
        shutil.rmtree(gen, ignore_errors=True)
        raise
    return gen


def _swap_store(gen: Path, out: Path) -> Path:
    """Point ``out/store`` at ``gen`` in one atomic step (a symlink replaced), then remove the store it pointed to."""
    final = out / STORE_DIR
    old_target = None
    if final.is_symlink():
        old_target = out / os.readlink(final)
    elif final.exists():  # a store directory from an older kg: moved aside first
        old_target = out / f".{STORE_DIR}.old-{os.getpid()}"
        os.replace(final, old_target)
    link = out / f".{STORE_DIR}.link-{os.getpid()}"
    link.unlink(missing_ok=True)
    os.symlink(gen.name, link)
    os.replace(link, final)
    if old_target is not None and old_target.resolve() != gen.resolve() and old_target.exists():
        shutil.rmtree(old_target, ignore_errors=True)
    return final


def write_store(quads: list, out: Path) -> Path:
    """Load the quads into a fresh Oxigraph store and swap it in as ``out/store``."""
    return _swap_store(_stage_store(quads, out), out)


def _clean_stale(out: Path) -> None:
    """Remove what an interrupted build left behind: temporary files and stores no ``store`` link points to."""
    if not out.is_dir():
        return
    live = (out / os.readlink(out / STORE_DIR)).name if (out / STORE_DIR).is_symlink() else None
    for p in out.iterdir():
        if not p.name.startswith("."):
            continue
        stale = ".tmp-" in p.name or p.name.startswith((f".{STORE_DIR}.old-", f".{STORE_DIR}.link-"))
        stale = stale or (p.name.startswith(f".{STORE_DIR}-") and p.name != live)
        if stale:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
    views = out / VIEWS_DIR
    if views.is_dir():
        for p in views.glob(".*.tmp-*"):
            p.unlink(missing_ok=True)


@dataclass
class Extraction:
    facts: list[Facts] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)  # document ids read by the extractor
    reused: list[str] = field(default_factory=list)  # unchanged since the last build: facts from the cache


def _extract_one(doc):
    """Extract one document (in this process, a worker process or a Dask worker): its Facts, or why it failed."""
    try:
        facts = extract(doc)
    except Exception as exc:  # one bad document must not stop the build
        return Skipped(doc.path, f"extraction failed: {type(exc).__name__}: {exc}")
    # Blocks are only counted from here on: keep their kind and place, not their text and offset maps.
    return replace(facts, blocks=tuple(Block(b.doc_id, b.kind, b.line, b.start, b.end, "") for b in facts.blocks))


def _mapper(jobs: int, scheduler: str | None):
    """A function mapping :func:`_extract_one` over documents, in order: here, over processes, or on a Dask cluster."""
    if scheduler:
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise InputError("--scheduler needs dask.distributed: pip install 'kg[dask]'") from exc

        @contextmanager
        def on_dask():
            client = Client(scheduler, timeout=30)
            try:
                yield lambda docs: client.gather(client.map(_extract_one, docs, pure=False, key=[f"kg-extract-{i}-{d.id}" for i, d in enumerate(docs)]))
            finally:
                client.close()

        return on_dask()
    if jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        @contextmanager
        def on_processes():
            # spawn: a clean interpreter per worker (fork would copy this process's threads and locks).
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
                yield lambda docs: list(pool.map(_extract_one, docs, chunksize=max(1, len(docs) // (jobs * 8))))

        return on_processes()

    @contextmanager
    def here():
        yield lambda docs: [_extract_one(d) for d in docs]

    return here()


def extract_all(
    sources: Iterable[str | Path],
    progress: bool | None = None,
    cache: FactCache | None = None,
    max_bytes: int = MAX_BYTES,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Extraction:
    """Facts of every readable document under ``sources``.

    Files are read here, one at a time; documents unchanged since the cached
    build are not extracted again; the others are extracted in this process,
    over ``jobs`` processes, or on the Dask cluster at ``scheduler``. The
    result is the same whichever way, in the same order.
    """
    sources = list(sources)
    result = Extraction()
    todo = []
    items = iter_documents(sources, max_bytes)
    if progress is None:
        progress = sys.stderr.isatty() and len(list(iter_files(sources))) > 20
    if progress:
        from tqdm import tqdm

        items = tqdm(items, desc="reading", unit="doc")
    for item in items:
        if isinstance(item, Skipped):
            result.skipped.append(item)
            continue
        cached = cache.get(item) if cache is not None else None
        if cached is not None:
            result.facts.append(cached)
            result.reused.append(item.id)
        else:
            todo.append(item)
    if todo:
        with _mapper(jobs if len(todo) > 1 else 1, scheduler) as run:
            for doc, out in zip(todo, run(todo)):
                if isinstance(out, Skipped):
                    result.skipped.append(out)
                else:
                    result.facts.append(out)
                    result.extracted.append(doc.id)
    if not result.facts and not result.skipped:
        raise NoDocuments(MESSAGES["no_documents"].format(paths=", ".join(map(str, sources))))
    return result


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
) -> BuildResult:
    """Read ``sources``, extract facts, and write ``out/graph.ttl``, ``out/graph.trig``, ``out/store``
    and the who-met-whom and city-partners views in ``out/views/``.

    Everything is written to temporary files and a new store first, then swapped
    in together: a build that fails or is interrupted leaves the previous
    outputs as they were. With ``incremental``, documents unchanged since the
    last build into ``out`` are not extracted again (see :mod:`kg.cache`).

    With ``endpoint`` (a SPARQL query endpoint), each document's named graph is
    also loaded into that server with the Graph Store Protocol (at
    ``graph_store``, by default the ``/store`` beside the endpoint).

    ``jobs`` > 1 extracts documents over that many processes; ``scheduler``
    (a Dask scheduler address) extracts them on that cluster. Either way the
    output is byte-identical to a serial build.

    A ``curation`` file (see :mod:`kg.curation`) is checked first and applied;
    any problem with it raises :class:`~kg.errors.CurationError` before anything is written.
    """
    t0 = time.perf_counter()
    out = Path(out)
    sources = list(sources)
    cur = load_curation(curation) if curation is not None else None
    _clean_stale(out)
    cache = FactCache(out) if incremental else None
    ex = extract_all(sources, progress, cache, max_bytes, jobs=jobs, scheduler=scheduler)
    facts, skipped = ex.facts, ex.skipped
    graphs = build_graphs(facts, cur)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(out=out, documents=[f.doc.id for f in facts], skipped=skipped,
                         extracted=ex.extracted, reused=ex.reused)
    if cur is not None:
        result.curation_file = str(cur.path)
        result.curation = cur.counts()
        retracted = sum(len(set(a.retracted)) for a in cur.of("retract"))
        if retracted:
            result.curation["facts retracted"] = retracted
    for f in facts:
        result.blocks.update(b.kind for b in f.blocks)
        result.facts["meeting"] += len(f.meetings)
        result.facts["attendance"] += len(f.attendances)
        result.facts["partner_link"] += len(f.partner_links)
        result.facts["position"] += len(f.positions)
    classes = {cls: name for name, cls in TYPE_CLASS.items()}
    typed = {(classes[o], s) for triples in graphs.values() for s, p, o in triples if p == RDF.type and o in classes}
    result.entities.update(name for name, _ in typed)
    quads = rdf_out.to_quads(graphs)
    ttl = rdf_out.turtle(quads, PREFIXES)
    trig = rdf_out.trig(quads, PREFIXES)
    result.triples = len(quads)
    staged: list[tuple[Path, Path]] = []  # (temporary, final)
    removed: list[Path] = []  # outputs of the previous build that this one does not write
    gen = None
    try:
        for name, data in ((GRAPH_TTL, ttl), (GRAPH_TRIG, trig)):
            staged.append((_stage_file(out / name, data), out / name))
        if store:
            gen = _stage_store(quads, out)
            if views:
                from . import views as views_mod
                from .query import open_store

                ds_read = open_store(gen)
                for name in ("who-met-whom", "city-partners"):
                    final = out / VIEWS_DIR / f"{name}.html"
                    view = views_mod.make(name, ds_read)
                    if len(view.nodes) > MAX_VIEW_NODES:
                        # No browser draws that many; a stale page would mislead.
                        result.notes.append(f"view {name} not written: {len(view.nodes):,} nodes, more than {MAX_VIEW_NODES:,}; "
                                            f"write a narrower one with kg view {name} --param from=… --param country=…")
                        removed.append(final)
                        continue
                    final.parent.mkdir(parents=True, exist_ok=True)
                    staged.append((_stage_file(final, view.html().encode("utf-8")), final))
                del ds_read
        with _signals_deferred():
            for tmp, final in staged:
                os.replace(tmp, final)
            for final in removed:
                final.unlink(missing_ok=True)
            staged = []
            if gen is not None:
                _swap_store(gen, out)
                gen = None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        if gen is not None:
            shutil.rmtree(gen, ignore_errors=True)
    result.files = [out / GRAPH_TTL, out / GRAPH_TRIG]
    if store:
        result.files.append(out / STORE_DIR)
        if views:
            result.files += [out / VIEWS_DIR / f"{name}.html" for name in ("who-met-whom", "city-partners")
                             if out / VIEWS_DIR / f"{name}.html" not in removed]
    if cache is not None:  # only once the build has landed
        fresh = set(ex.extracted)
        for f in facts:
            if f.doc.id in fresh:
                cache.put(f)
        cache.prune({f.doc.id for f in facts} - ({cur.id} if cur else set()))
    if endpoint:
        from .remote import load_graphs

        sent_file = out / ".cache" / "endpoint-graphs.json"
        try:
            sent_before = json.loads(sent_file.read_text(encoding="utf-8")) if incremental else {}
        except (OSError, ValueError):
            sent_before = {}
        key = graph_store or endpoint
        result.loaded, result.deleted, digests = load_graphs(quads, endpoint, graph_store, sent_before.get(key))
        sent_before[key] = digests
        sent_file.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(sent_file, json.dumps(sent_before, sort_keys=True, indent=1).encode("utf-8"))
        result.endpoint = endpoint
    result.seconds = time.perf_counter() - t0
    return result
