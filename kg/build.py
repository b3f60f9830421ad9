"""``kg build``: files in, graph files and store out, written atomically."""
from __future__ import annotations

import os
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import Graph

from .curation import load as load_curation
from .documents import read_documents
from .extract.document import extract
from .model import Facts, Skipped
from .rdf.graph import PREFIXES, build_dataset

GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
STORE_DIR = "store"
VIEWS_DIR = "views"


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
    loaded: list[str] = field(default_factory=list)  # graphs sent to the endpoint
    curation: dict[str, int] = field(default_factory=dict)  # changes applied, by kind
    curation_file: str = ""

    def summary(self) -> str:
        lines = [f"documents: {len(self.documents)} read, {len(self.skipped)} skipped"]
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
        if self.endpoint:
            lines.append(f"loaded {len(self.loaded)} graphs into {self.endpoint}")
        return "\n".join(lines)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def serialize_turtle(ds) -> bytes:
    """All triples of the dataset (union of its graphs) as Turtle, in a stable order."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        if prefix != "kgg":
            g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g.serialize(format="turtle").encode("utf-8")


def serialize_trig(ds) -> bytes:
    """The dataset as TriG: prefixes once, then each named graph in IRI order, each in Turtle's stable order.

    (rdflib's own TriG writer orders graphs by hash, which changes between processes.)
    """
    prefixes = {f"@prefix kgg: <{PREFIXES['kgg']}> ."}
    blocks = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(g) == 0 or str(g.identifier).startswith("urn:x-rdflib:"):
            continue
        one = Graph()
        for prefix, ns in PREFIXES.items():
            one.bind(prefix, ns)
        for t in g:
            one.add(t)
        body = one.serialize(format="turtle")
        prefixes.update(line.strip() for line in body.splitlines() if line.startswith("@prefix"))
        body = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix")).strip()
        name = one.namespace_manager.normalizeUri(g.identifier)
        # Not indented: a multi-line literal must stay exactly as written.
        blocks.append(f"{name} {{\n{body}\n}}\n")
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)).encode("utf-8")


def write_store(trig: bytes, out: Path) -> Path:
    """Load the TriG into a fresh Oxigraph store beside ``out/store`` and swap it in."""
    final = out / STORE_DIR
    tmp = out / f".{STORE_DIR}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    store = ox.Store(str(tmp))
    store.bulk_load(trig, format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    old = out / f".{STORE_DIR}.old-{os.getpid()}"
    if final.exists():
        os.replace(final, old)
    os.replace(tmp, final)
    if old.exists():
        shutil.rmtree(old)
    return final


def extract_all(sources: Iterable[str | Path], progress: bool | None = None) -> tuple[list[Facts], list[Skipped]]:
    docs, skipped = read_documents(sources)
    if progress is None:
        progress = sys.stderr.isatty() and len(docs) > 20
    facts: list[Facts] = []
    it = docs
    if progress:
        from tqdm import tqdm

        it = tqdm(docs, desc="extracting", unit="doc")
    for d in it:
        try:
            facts.append(extract(d))
        except Exception as exc:  # one bad document must not stop the build
            skipped.append(Skipped(d.path, f"extraction failed: {type(exc).__name__}: {exc}"))
    return facts, skipped


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
) -> BuildResult:
    """Read ``sources``, extract facts, and write ``out/graph.ttl``, ``out/graph.trig``, ``out/store``
    and the who-met-whom and city-partners views in ``out/views/``.

    With ``endpoint`` (a SPARQL query endpoint), each document's named graph is
    also loaded into that server with the Graph Store Protocol (at
    ``graph_store``, by default the ``/store`` beside the endpoint).

    A ``curation`` file (see :mod:`kg.curation`) is checked first and applied;
    any problem with it raises :class:`~kg.errors.CurationError` before anything is written.
    """
    t0 = time.perf_counter()
    out = Path(out)
    cur = load_curation(curation) if curation is not None else None
    facts, skipped = extract_all(sources, progress)
    ds = build_dataset(facts, cur)
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(out=out, documents=[f.doc.id for f in facts], skipped=skipped)
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
    from .rdf.graph import TYPE_CLASS
    from rdflib import RDF

    seen = set()
    for name, cls in TYPE_CLASS.items():
        for s, _, _, _ in ds.quads((None, RDF.type, cls, None)):
            if (name, s) not in seen:
                seen.add((name, s))
                result.entities[name] += 1
    ttl = serialize_turtle(ds)
    trig = serialize_trig(ds)
    result.triples = len(set(ds.quads((None, None, None, None))))
    _atomic_write(out / GRAPH_TTL, ttl)
    _atomic_write(out / GRAPH_TRIG, trig)
    result.files = [out / GRAPH_TTL, out / GRAPH_TRIG]
    if store:
        result.files.append(write_store(trig, out))
    if store and views:
        from . import views as views_mod
        from .query import open_dataset

        ds_read = open_dataset(out)
        for name in ("who-met-whom", "city-partners"):
            result.files.append(views_mod.write(views_mod.make(name, ds_read), out / VIEWS_DIR / f"{name}.html"))
        del ds_read
    if endpoint:
        from .remote import load_dataset

        result.loaded = load_dataset(ds, endpoint, graph_store)
        result.endpoint = endpoint
    result.seconds = time.perf_counter() - t0
    return result
