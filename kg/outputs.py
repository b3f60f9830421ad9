"""A build directory's layout, and how its files are written: whole or not at all.

Kept apart from :mod:`kg.build` so that reading a build (queries, exports,
the server) does not import the extraction pipeline.
"""
from __future__ import annotations

import os
from pathlib import Path

GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
STORE_DIR = "store"
VIEWS_DIR = "views"


def staging_path(path: Path) -> Path:
    """The temporary file an output is written to beside ``path`` (a later build removes it if left behind)."""
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def stage_file(path: Path, data: bytes) -> Path:
    """``data`` written and synced to a temporary file beside ``path``; the temporary file."""
    tmp = staging_path(path)
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """``path`` replaced by ``data`` in one step: a reader sees the old file or the new one, never a part."""
    os.replace(stage_file(path, data), path)
