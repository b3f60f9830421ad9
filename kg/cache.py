"""Facts of unchanged documents, kept between builds so they are not extracted again.

Each document's :class:`~kg.model.Facts` are pickled in ``DIR/.cache/facts/``
under a name derived from its id, with the document as read (its bytes' hash,
metadata and text) and a fingerprint of kg's extraction code and gazetteers.
A rebuild reuses them only when the document and the fingerprint are both
unchanged; an entry of a document no longer among the sources is dropped.
The cache holds only what kg wrote itself into the build directory.

A build also reads every document's facts back from here after extraction,
one document at a time (:meth:`FactCache.load`): the corpus's facts are
never all in memory at once. A document's many facts (a dense table's hundreds
of thousands) are pickled a part at a time, and the build reads them back so
(:func:`stream_facts`): pickle's memo of every object written, and the facts
read back whole, each held hundreds of megabytes.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .model import Document, Facts
from .outputs import staging_path

CACHE_DIR = ".cache/facts"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every module and data file of the kg package: any change to the extractor invalidates the cache."""
    root = resources.files("kg")
    h = hashlib.sha256()
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".ttl", ".json", ".txt", ".toml") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(str(root))).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


# The fields of Facts that may hold many facts: pickled a part of PART of them at a time, after the rest.
MANY = ("mentions", "meetings", "attendances", "partner_links", "positions", "blocks")
PART = 5000


class _Parts:
    """One field of a document's cached facts, read from its file a part at a time each time it is
    iterated (the build's second pass iterates each once)."""

    def __init__(self, path: Path, field: str, offset: int, count: int) -> None:
        self.path, self.field, self.offset, self.count = path, field, offset, count

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        with open(self.path, "rb") as fh:
            fh.seek(self.offset)
            n = 0
            while n < self.count:
                part = pickle.load(fh)
                n += len(part)
                yield from part


def read_entry(path: Path, fingerprint: str | None, whole: bool = True, load=pickle.load) -> Facts | None:
    """The facts in ``path`` if kg with this ``fingerprint`` (any, if None) put them there (see
    :func:`_write`): ``whole``, or with each of their many-fact fields a :class:`_Parts` (read when
    iterated). ``load`` reads one pickle from a file (the document page's builds nothing but kg's data)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(-8, os.SEEK_END)
            fh.seek(int.from_bytes(fh.read(8), "little"))
            entry = load(fh)
            if not isinstance(entry, dict) or fingerprint is not None and entry.get("fingerprint") != fingerprint:
                return None
            facts = entry.get("facts")
            if not isinstance(facts, Facts):
                return None
            fields = {}
            for name, count, offset in entry["parts"]:
                if whole:
                    fh.seek(offset)
                    items: list = []
                    while len(items) < count:
                        items.extend(load(fh))
                    fields[name] = tuple(items)
                else:
                    fields[name] = _Parts(path, name, offset, count)
    except Exception:  # (an entry of another kg, cut short or corrupt: not reused)
        return None
    return replace(facts, **fields)


def read_facts(path: str | Path) -> Facts:
    """Facts put in a cache by this version of kg (in this process or a worker); an error if they are gone."""
    facts = read_entry(Path(path), code_fingerprint())
    if facts is None:
        raise FileNotFoundError(f"{path}: facts missing from the build cache (was it changed during the build?)")
    return facts


def stream_facts(path: str | Path) -> Facts:
    """:func:`read_facts`, but each many-fact field (meetings, mentions, …) read from the file a part at a
    time as it is iterated, not held: for writing a document's graph, which goes through each once."""
    facts = read_entry(Path(path), code_fingerprint(), whole=False)
    if facts is None:
        raise FileNotFoundError(f"{path}: facts missing from the build cache (was it changed during the build?)")
    return facts


class FactCache:
    def __init__(self, out: str | Path) -> None:
        self.dir = Path(out) / CACHE_DIR
        self.fingerprint = code_fingerprint()

    def path(self, doc_id: str) -> Path:
        """Where a document's facts are kept."""
        return self.dir / (hashlib.sha1(doc_id.encode("utf-8")).hexdigest() + ".pickle")

    def get(self, doc: Document) -> Facts | None:
        """The cached facts of ``doc`` if it and the extractor are unchanged since they were cached."""
        facts = read_entry(self.path(doc.id), self.fingerprint)
        return facts if facts is not None and facts.doc == doc else None

    def load(self, doc_id: str) -> Facts:
        """The facts this build put here for ``doc_id`` (the build reads them back a document at a time)."""
        return read_facts(self.path(doc_id))

    def put(self, facts: Facts) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.path(facts.doc.id)
        tmp = staging_path(path)
        with open(tmp, "wb") as fh:
            _write(fh, self.fingerprint, facts)
        os.replace(tmp, path)

    def prune(self, keep: set[str]) -> None:
        """Drop the entries of documents not in ``keep`` (ids)."""
        if not self.dir.is_dir():
            return
        names = {self.path(i).name for i in keep}
        for p in self.dir.iterdir():
            if p.name not in names:
                p.unlink(missing_ok=True)


def _write(fh, fingerprint: str, facts: Facts) -> None:
    """The facts pickled into ``fh``: each many-fact field PART items at a time, each part a pickle of its
    own (with its own memo: a memo of every object of a dense table's facts held more than the facts);
    then the head (the fingerprint, the facts without those fields, and each field's count and offset);
    then the head's offset, 8 bytes."""
    parts = []
    for name in MANY:
        items = getattr(facts, name)
        parts.append((name, len(items), fh.tell()))
        for i in range(0, len(items), PART):
            pickle.dump(items[i : i + PART], fh, protocol=pickle.HIGHEST_PROTOCOL)
    at = fh.tell()
    head = {"fingerprint": fingerprint, "facts": replace(facts, **{name: () for name in MANY}), "parts": parts}
    pickle.dump(head, fh, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(at.to_bytes(8, "little"))
