"""Reading input files into :class:`~kg.model.Document` objects.

Metadata comes from front matter (``---`` … ``---`` with ``key: value``
lines), else from a sidecar ``NAME.meta.toml`` beside the file, else from the
text itself (a ``日期:`` date line, a ``来源:`` line, the first line as title,
the year most often written as ``YYYY年``).
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .errors import MESSAGES, MetadataError, NoDocuments, UnreadableFile
from .model import Document, Skipped

SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.toml"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_DATE_LINE = re.compile(r"^\s*(?:日期|发布日期|时间|发布时间)\s*[:：]\s*(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?", re.M)
_SOURCE_LINE = re.compile(r"^\s*来源\s*[:：]\s*(\S.*?)\s*$", re.M)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Every .txt/.md file under the given files and folders, sorted; missing paths are Skipped."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        elif p.is_file():
            yield p
        else:
            yield Skipped(str(p), MESSAGES["not_found"].format(path=p))


def read_documents(paths: Iterable[str | Path]) -> tuple[list[Document], list[Skipped]]:
    """Read every document under ``paths``; unreadable files are reported, not raised."""
    paths = list(paths)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        try:
            doc = read_document(item)
        except (UnreadableFile, MetadataError) as exc:
            skipped.append(Skipped(str(item), str(exc)))
            continue
        if doc.id in seen:
            skipped.append(Skipped(str(item), f"document id {doc.id!r} is already taken by {seen[doc.id]}; rename one of them"))
            continue
        seen[doc.id] = str(item)
        docs.append(doc)
    if not docs and not skipped:
        raise NoDocuments(MESSAGES["no_documents"].format(paths=", ".join(map(str, paths))))
    return docs, skipped


def read_document(path: str | Path) -> Document:
    """Read one file; raise :class:`UnreadableFile` with the reason when it cannot be used."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise UnreadableFile(MESSAGES["empty"].format(path=path))
    if b"\x00" in raw[:65536]:
        raise UnreadableFile(MESSAGES["binary"].format(path=path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(MESSAGES["undecodable"].format(path=path, detail=exc.reason)) from exc
    doc_id = path.name[: -len(path.suffix)] if path.suffix else path.name
    meta = dict(_sidecar(path))
    meta.update(_front_matter(text))
    doc = Document(
        id=doc_id,
        path=str(path),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
    )
    return infer_metadata(doc, meta)


def infer_metadata(doc: Document, meta: dict | None = None) -> Document:
    """Fill title, date, source and reference year from ``meta``, else from the text."""
    meta = meta or {}
    text = doc.text
    body = _FRONT_MATTER.sub("", text, count=1)
    title = str(meta.get("title") or "").strip() or _first_line_title(body)
    date = str(meta.get("date") or "").strip()
    if not date:
        m = _DATE_LINE.search(body)
        if m:
            date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    source = str(meta.get("source") or "").strip()
    publisher = str(meta.get("publisher") or "").strip()
    m = _SOURCE_LINE.search(body)
    if m and not source:
        source = m.group(1)
    if m and not publisher:
        publisher = m.group(1)
    year = meta.get("covers") or meta.get("year")
    if year is not None:
        try:
            year = int(year)
        except (TypeError, ValueError) as exc:
            raise MetadataError(f"{doc.path}: 'covers' must be a year, not {year!r}") from exc
    else:
        year = infer_year(body, date)
    return replace(
        doc,
        title=title,
        date=date,
        source=source,
        publisher=publisher,
        year=year,
        language=str(meta.get("language") or "zh"),
    )


def infer_year(text: str, date: str = "") -> int | None:
    """The year undated mentions refer to: the year written most often (latest on ties), else the date's."""
    counts = Counter(int(y) for y in _YEAR.findall(text))
    if counts:
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return best[0]
    if date[:4].isdigit():
        return int(date[:4])
    return None


def _first_line_title(text: str) -> str:
    for line in text.splitlines():
        s = line.strip().lstrip("#").strip().strip("*").strip()
        if s:
            return s[:200]
    return ""


def _sidecar(path: Path) -> dict:
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side is None or not side.is_file():
        return {}
    try:
        return tomllib.loads(side.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MetadataError(MESSAGES["bad_sidecar"].format(path=side, detail=exc)) from exc


def _front_matter(text: str) -> dict:
    m = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not m:
        return {}
    out: dict[str, str] = {}
    for line in m.group(1).splitlines():
        if ":" in line and not line.lstrip().startswith("#"):
            k, v = line.split(":", 1)
            out[k.strip().lower()] = v.strip().strip("\"'")
    return out
