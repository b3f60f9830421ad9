"""A build directory's layout, and how its files are written: whole or not at all.

A build writes all its outputs into a generation folder of its own, then makes
it the current one by replacing one symbolic link::

    DIR/current     -> .gen-<pid>-<random>   (replaced in one step by each build)
    DIR/graph.ttl   -> current/graph.ttl     (made once, never replaced)
    DIR/graph.trig  -> current/graph.trig
    DIR/store       -> current/store
    DIR/views       -> current/views
    DIR/.cache/                              (the build cache, kept across generations)

A reader opening ``DIR/graph.ttl``, ``DIR/store`` … goes through ``current``
and sees one generation, the old one or the new one, never a mix.

Kept apart from :mod:`kg.build` so that reading a build (queries, exports,
the server) does not import the extraction pipeline.
"""
from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
from pathlib import Path

from .errors import MESSAGES, OutputError

GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
STORE_DIR = "store"
VIEWS_DIR = "views"
CURRENT = "current"  # the link to the current generation
GEN_PREFIX = ".gen-"  # generation folders
OUTPUTS = (GRAPH_TTL, GRAPH_TRIG, STORE_DIR, VIEWS_DIR)  # each a link through ``current``


def staging_path(path: Path) -> Path:
    """The temporary file an output is written to beside ``path`` (a later build removes it if left behind)."""
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def stage_file(path: Path, data: bytes) -> Path:
    """``data`` written and synced to a temporary file beside ``path``; the temporary file."""
    tmp = staging_path(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)  # a part written before the disk filled up
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """``path`` replaced by ``data`` in one step: a reader sees the old file or the new one, never a part.
    A disk that is full or read-only raises :class:`~kg.errors.OutputError` naming ``path``."""
    path = Path(path)
    try:
        os.replace(stage_file(path, data), path)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


# -- errors while writing ------------------------------------------------------------------------

def reason(exc: OSError) -> str:
    """Why an OSError happened, in a few words: its ``strerror``, or the last part of Oxigraph's
    message (RocksDB's ``IO error: While appending to file: …/000012.sst: No space left on device``)."""
    if exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text.splitlines()[0].rsplit(": ", 1)[-1] if text else type(exc).__name__


def cannot_write(path: Path, exc: OSError) -> OutputError:
    """The one-line error for an output that could not be written."""
    return OutputError(MESSAGES["cannot_write"].format(path=path, reason=reason(exc)))


def is_write_error(exc: OSError) -> bool:
    """An error of the file system (full, read-only, no permission …), not a bug: the system's, with an
    errno, or Oxigraph's (RocksDB's ``IO error``, which carries none)."""
    return exc.errno is not None or str(exc).startswith("IO error")


def shown_path(out: Path, exc: OSError) -> Path:
    """The path an error in a build names: the file it names, or ``out`` for a build's hidden working
    files (a generation, a staged file), which mean nothing to a reader."""
    if not exc.filename:
        return out
    path = Path(os.fsdecode(exc.filename))
    try:
        first = path.relative_to(out).parts[0]
    except (ValueError, IndexError):
        return path
    return out if first.startswith(".") and first != ".cache" else path


# -- generations ---------------------------------------------------------------------------------

def new_generation(out: Path) -> Path:
    """An empty generation folder in ``out``, for a build to write all its outputs into. Made with the
    user's umask, as the files in it are (not ``mkdtemp``'s 0700: others may read a build)."""
    while True:
        gen = out / f"{GEN_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            os.mkdir(gen, 0o777)
            return gen
        except FileExistsError:
            continue


def live_generation(out: Path) -> Path | None:
    """The generation ``out/current`` points to, if any."""
    link = out / CURRENT
    if not link.is_symlink():
        return None
    target = out / os.readlink(link)
    return target if target.is_dir() else None


def _is_output_link(out: Path, name: str) -> bool:
    path = out / name
    return path.is_symlink() and os.readlink(path) == f"{CURRENT}/{name}"


def _replace_link(path: Path, target: str) -> None:
    """``path`` made a symbolic link to ``target`` in one step (a new link renamed over it)."""
    tmp = path.with_name(f".{path.name}.link-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def switch(out: Path, gen: Path) -> None:
    """Make ``gen`` the current generation of ``out``: one link replaced.

    Before that, a folder of an older layout (real files where the links go, ``store`` a link to a
    ``.store-…`` folder) is moved to this one without changing what a reader sees (:func:`_adopt`)."""
    if any((out / name).exists() or (out / name).is_symlink() for name in OUTPUTS if not _is_output_link(out, name)):
        _adopt(out)
    for name in OUTPUTS:
        if not _is_output_link(out, name):
            _link_output(out, name)
    _replace_link(out / CURRENT, gen.name)
    _fsync_dir(out)


def _adopt(out: Path) -> None:
    """Make what a reader sees now (real files, or links) a generation of its own, and current.

    Its files are hard links to those shown (a copy where the file system has none): nothing is
    moved, so every output still shows the same bytes at each step."""
    gen = new_generation(out)
    for name in OUTPUTS:
        shown = out / name
        if shown.is_dir():
            shutil.copytree(shown, gen / name, copy_function=_link_or_copy, ignore=shutil.ignore_patterns(".*.tmp-*"))
        elif shown.is_file():
            _link_or_copy(shown, gen / name)
    _replace_link(out / CURRENT, gen.name)


def _link_or_copy(src, dst) -> None:
    try:
        os.link(src, dst)
    except OSError:  # no hard links on this file system
        shutil.copy2(src, dst)


def _link_output(out: Path, name: str) -> None:
    """``out/name`` made the link ``current/name``. A real folder cannot be renamed over: it is swapped
    with the new link in one step where the system can (Linux), else moved aside first. Either way the
    next clean-up removes it."""
    path = out / name
    if not (path.is_dir() and not path.is_symlink()):
        _replace_link(path, f"{CURRENT}/{name}")
        return
    tmp = path.with_name(f".{name}.link-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(f"{CURRENT}/{name}", tmp)
    if not exchange(tmp, path):  # (a moment without ``out/name``, once, on other systems)
        os.rename(path, out / f".{name}.old-{os.getpid()}")
        os.replace(tmp, path)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux's ``renameat2`` with ``RENAME_EXCHANGE``); False where the
    system or the file system has no such call."""
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), os.fsdecode(a))


def _fsync_dir(path: Path) -> None:
    """Sync a folder's entries (the renames in it) to disk, where the system allows it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_stale(out: Path, name: str) -> bool:
    """Whether ``out/name`` is left over from a build (its working files, a generation no longer
    current, a store or folder of the older layout that no link shows)."""
    if not name.startswith("."):
        return False
    if ".tmp-" in name or ".link-" in name or ".old-" in name or name.startswith((".ttl-runs-", ".graph-runs-", ".kg-context-")):
        return True
    if name.startswith(GEN_PREFIX):
        live = live_generation(out)
        return live is None or live.name != name
    if name.startswith(f".{STORE_DIR}-"):  # the older layout's store folders: live while ``store`` links to one
        store = out / STORE_DIR
        return not (store.is_symlink() and os.readlink(store) == name)
    return False


def remove_stale(out: Path) -> None:
    """Remove what earlier builds left behind (see :func:`is_stale`)."""
    for p in out.iterdir():
        if is_stale(out, p.name):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
