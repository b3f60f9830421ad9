"""Facts of unchanged documents, kept between builds so they are not extracted again.

Each document's :class:`~kg.model.Facts` are pickled in ``DIR/.cache/facts/``
under a name derived from its id, with the document as read (its bytes' hash,
metadata and text) and a fingerprint of kg's extraction code and gazetteers.
A rebuild reuses them only when the document and the fingerprint are both
unchanged; an entry of a document no longer among the sources is dropped.
The cache holds only what kg wrote itself into the build directory.

A build also reads every document's facts back from here after extraction,
one document at a time (:meth:`FactCache.load`): the corpus's facts are
never all in memory at once.
"""
from __future__ import annotations

import hashlib
import os
import pickle
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


def _read(path: Path, fingerprint: str) -> Facts | None:
    try:
        with open(path, "rb") as fh:
            entry = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("fingerprint") != fingerprint:
        return None
    facts = entry.get("facts")
    return facts if isinstance(facts, Facts) else None


def read_facts(path: str | Path) -> Facts:
    """Facts put in a cache by this version of kg (in this process or a worker); an error if they are gone."""
    facts = _read(Path(path), code_fingerprint())
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
        facts = _read(self.path(doc.id), self.fingerprint)
        return facts if facts is not None and facts.doc == doc else None

    def load(self, doc_id: str) -> Facts:
        """The facts this build put here for ``doc_id`` (the build reads them back a document at a time)."""
        return read_facts(self.path(doc_id))

    def put(self, facts: Facts) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.path(facts.doc.id)
        tmp = staging_path(path)
        with open(tmp, "wb") as fh:
            pickle.dump({"fingerprint": self.fingerprint, "facts": facts}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def prune(self, keep: set[str]) -> None:
        """Drop the entries of documents not in ``keep`` (ids)."""
        if not self.dir.is_dir():
            return
        names = {self.path(i).name for i in keep}
        for p in self.dir.iterdir():
            if p.name not in names:
                p.unlink(missing_ok=True)
