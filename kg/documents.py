"""Reading input files into :class:`~kg.model.Document` objects.

A file is decoded whatever its encoding (:mod:`kg.decoding`: UTF-8 with or
without a mark, UTF-16, GB18030/GBK, Big5); an ``.html`` page is reduced to
its article (:mod:`kg.html_text`); the text is then normalised for the
extractor (:mod:`kg.textnorm`: simplified characters, half-width digits)
while the original is kept for evidence. A file that is empty, binary,
undecodable, too large or without text is reported with the reason and
skipped; the rest are read.

Metadata comes from front matter (``---`` … ``---`` with ``key: value``
lines), else from a sidecar ``NAME.meta.toml`` beside the file, else from a
collection's ``SOURCES.tsv`` (beside the file or one folder up), else from
an HTML page's own title and date, else from the text itself (a ``日期:``
date line, a ``来源:`` line, the first line as title, the year most often
written as ``YYYY年``).
"""
from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .decoding import NotText, decode
from .errors import MESSAGES, MetadataError, NoDocuments, UnreadableFile
from .html_text import main_text
from .model import Document, Skipped
from .textnorm import normalise_text

SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# Files larger than this are reported and skipped, never read whole (override with max_bytes / --max-size).
MAX_BYTES = 16 * 1024 * 1024
# The per-file time limit (seconds): a file that takes longer to read or to extract is skipped.
FILE_TIMEOUT = 60.0
SIDECAR_SUFFIX = ".meta.toml"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_DATE_LINE = re.compile(r"^\s*(?:日期|发布日期|时间|发布时间)\s*[:：]\s*(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?", re.M)
_SOURCE_LINE = re.compile(r"^\s*来源\s*[:：]\s*(\S.*?)\s*$", re.M)
# 来源：X after other fields of a page's top line (发布时间：2022-09-16 09:30  来源：宁波日报): X, up to a space.
_SOURCE_FIELD = re.compile(r"(?:^|\s)来源\s*[:：]\s*([^\s|｜]+)")
# A line that starts with a date (a dateline, 2021年11月25日 来源：广州日报): no title.
_DATE_FIRST = re.compile(r"^\s*(?:发布时间|发布日期|时间|日期)?\s*[:：]?\s*(?:19|20)\d\d(?:-|/|\.|年)\d{1,2}(?:-|/|\.|月)\d{1,2}")
# A page's own date near its top: ``2015-10-14 09:15``, ``时间:2024-03-19``, ``2019年11月05日``.
_TOP_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})(?!\d)")
_TOP_DATE_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")
_TOP_LINES = 15
MIN_YEAR, MAX_YEAR = 1000, 9999  # the years a document may cover: four digits, as dates and xsd:gYear write them
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_BOOK_TITLE = re.compile(r"《[^《》]{0,80}》")
_SINCE_BEFORE = re.compile(r"(?:自|早在|始于|从)\s*$")
_SINCE_AFTER = re.compile(r"\s*(?:以来|起|开始|建立|将|即将|缔结|结好|结为)")


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


def read_documents(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> tuple[list[Document], list[Skipped]]:
    """Read every document under ``paths``; unreadable files are reported, not raised."""
    paths = list(paths)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in iter_documents(paths, max_bytes):
        (skipped if isinstance(item, Skipped) else docs).append(item)
    if not docs and not skipped:
        raise NoDocuments(MESSAGES["no_documents"].format(paths=", ".join(map(str, paths))))
    return docs, skipped


def iter_documents(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES, by_id: bool = False,
                   file_timeout: float | None = None) -> Iterator[Document | Skipped]:
    """Each document under ``paths`` in turn (or the reason it was skipped): one file in memory at a time.

    Files come in path order, or with ``by_id`` in the order of the document ids
    they give (files giving the same id in path order: the first readable one is used).
    """
    seen: dict[str, str] = {}
    files: Iterable[Path | Skipped] = iter_files(paths)
    if by_id:
        files = sorted(files, key=lambda f: (0, "") if isinstance(f, Skipped) else (1, _doc_id(f)))
    for item in files:
        if isinstance(item, Skipped):
            yield item
            continue
        doc_id = _doc_id(item)
        if doc_id in seen:
            yield Skipped(shown(str(item)), f"document id {doc_id!r} is already taken by {seen[doc_id]}; rename one of them")
            continue
        try:
            doc = _read_bounded(item, max_bytes, file_timeout)
        except (UnreadableFile, MetadataError) as exc:
            yield Skipped(shown(str(item)), shown(str(exc)))
            continue
        except Exception as exc:  # a reader bug must not stop the build either
            yield Skipped(shown(str(item)), shown(f"could not be read: {type(exc).__name__}: {exc}"))
            continue
        seen[doc_id] = shown(str(item))
        yield doc


def _read_bounded(path: Path, max_bytes: int, file_timeout: float | None) -> Document:
    """:func:`read_document`; an HTML page (whose parse runs in C and cannot be interrupted) in a
    process of its own, ended past ``file_timeout`` seconds (:mod:`kg.bounded`)."""
    if not file_timeout or path.suffix.lower() not in HTML_SUFFIXES:
        return read_document(path, max_bytes)
    from .bounded import run_bounded
    from .errors import QueryError

    try:
        return run_bounded(read_document, (path, max_bytes), file_timeout, memory=None, what=str(path))
    except QueryError as exc:  # past the time limit, or the reading process died
        raise UnreadableFile(MESSAGES["file_timeout"].format(path=shown(str(path)), step="read",
                                                             detail=str(exc).split(": ", 1)[-1])) from exc


def shown(text: str) -> str:
    """A file name or path as text that can be written anywhere: bytes of the name that are not
    UTF-8 (read by Python as surrogate escapes) are written as ``\\xff``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _doc_id(path: Path) -> str:
    """The document's id: its file name without the suffix (a name that is not UTF-8 under its
    escaped form, ``bad\\xff``)."""
    return shown(path.name[: -len(path.suffix)] if path.suffix else path.name)


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file; raise :class:`UnreadableFile` with the reason when it cannot be used."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFile(MESSAGES["too_large"].format(path=path, size=size / 2**20, limit=max_bytes / 2**20))
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise UnreadableFile(MESSAGES["empty"].format(path=path))
    try:
        text, encoding = decode(raw)
    except NotText as exc:
        raise UnreadableFile(MESSAGES[exc.kind].format(path=path, detail=exc.detail)) from exc
    meta = {**sources_row(path), **_sidecar(path)}
    if path.suffix.lower() in HTML_SUFFIXES:
        try:
            text, page_meta = main_text(text)
        except Exception as exc:
            raise UnreadableFile(MESSAGES["bad_html"].format(path=path, detail=f"{type(exc).__name__}: {exc}")) from exc
        if not text.strip():
            raise UnreadableFile(MESSAGES["no_main_text"].format(path=path))
        meta = {**page_meta, **meta}
    else:
        meta.update(_front_matter(text))
    if not text.strip():
        raise UnreadableFile(MESSAGES["empty"].format(path=path))
    normal = normalise_text(text)
    doc = Document(
        id=_doc_id(path),
        path=shown(str(path)),
        text=normal,
        original=text if normal != text else "",
        encoding=encoding,
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
        ymd = (m.group(1), m.group(2), m.group(3)) if m else _top_date(body)
        if ymd:
            date = f"{ymd[0]}-{int(ymd[1]):02d}-{int(ymd[2]):02d}"
    source = str(meta.get("source") or "").strip()
    publisher = str(meta.get("publisher") or "").strip()
    m = _SOURCE_LINE.search(body) or _SOURCE_FIELD.search("\n".join(body.splitlines()[:_TOP_LINES]))
    if m and not source:
        source = m.group(1)
    if m and not publisher:
        publisher = m.group(1)
    key = "covers" if meta.get("covers") not in (None, "") else "year"
    year = meta.get(key)
    if year not in (None, ""):
        year = _covered_year(doc.path, key, year)
    else:
        # (A title's year, 2022年工作总结, before the years the body writes most, some of them plans:
        # 2023年工作打算. A dated page goes by its date, unless its title reports on an earlier year.)
        # (Not a first line that is a sentence, read as the title of a one-paragraph item.)
        headline = not re.search(r"[，。,；;]", title or "")
        titled = title_year(title)
        if headline and titled and date[:4].isdigit() and titled < int(date[:4]):
            year = titled  # a report on a year, published after it (2022年友城工作综述, 2023-01-10)
        elif re.fullmatch(r"\d{4}", date) and infer_year(body) == int(date) - 1:
            year = int(date) - 1  # a yearbook dated by the year it came out (2014), on the year before, which its text writes most
        else:
            year = (titled if headline and not date[:4].isdigit() else None) or infer_year(body, date) or (titled if headline else None)
    return replace(
        doc,
        title=title,
        date=date,
        source=source,
        publisher=publisher,
        year=year,
        language=str(meta.get("language") or "zh"),
    )


def _covered_year(path: str, key: str, value) -> int:
    """The year a metadata field (``covers``) gives, written with four digits: undated mentions are
    dated by it, and no date or xsd:gYear holds a year of fewer digits or below zero (``covers: -5``
    gave ``-005-10-16``). Anything else raises :class:`MetadataError`: the file is skipped, named."""
    try:
        year = None if isinstance(value, bool) else int(value)
    except (TypeError, ValueError):
        year = None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise MetadataError(f"{path}: {key!r} must be a year from {MIN_YEAR} to {MAX_YEAR}, not {value!r}")
    return year


def _top_date(body: str) -> tuple[str, str, str] | None:
    """(year, month, day) of the first full date written in the page's first lines (a news page's
    dateline or time stamp): year first (2017-11-28), or day first with dots (28.11.2017)."""
    head = "\n".join(body.splitlines()[:_TOP_LINES])
    found = [(m.start(), (m.group(1), m.group(2), m.group(3))) for m in _TOP_DATE.finditer(head)]
    found += [(m.start(), (m.group(3), m.group(2), m.group(1))) for m in _TOP_DATE_DMY.finditer(head)]
    for _, (y, mo, d) in sorted(found):
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            return y, mo, d
    return None


_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A yearbook's title names the year it is published in (宁波年鉴2019): it tells the year before.
_YEARBOOK = re.compile(r"年鉴")


def title_year(title: str) -> int | None:
    """The year a title gives a text that writes none (宁波年鉴2019 → 2018, a yearbook reporting
    its previous year; 2019年度报告 → 2019), or None."""
    m = _TITLE_YEAR.search(title or "")
    if m is None:
        return None
    year = int(m.group(1))
    return year - 1 if _YEARBOOK.search(title) and not re.search(rf"{year}\s*年", title) else year


def infer_year(text: str, date: str = "") -> int | None:
    """The year undated mentions refer to: the publication date's, else the year written most often
    (latest on ties). A dated page reports what happened around its date; a text that only
    mentions years (a yearbook entry) is about the year it writes most."""
    if date[:4].isdigit():
        return int(date[:4])
    # (Not the years of what began long before or is still to come: 自1998年, 于2010年缔结, 2024年将迎来;
    # nor those in the name of a text: 《2024—2025年合作计划》.)
    text = _BOOK_TITLE.sub(lambda m: " " * len(m.group(0)), text)
    counts = Counter(int(m.group(1)) for m in _YEAR.finditer(text)
                     if not _SINCE_BEFORE.search(text, max(0, m.start() - 3), m.start()) and not _SINCE_AFTER.match(text, m.end()))
    if counts:
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return best[0]
    if date[:4].isdigit():
        return int(date[:4])
    return None


def _first_line_title(text: str) -> str:
    for line in text.splitlines():
        s = line.strip().lstrip("#").strip().strip("*").strip()
        if s and not _DATE_FIRST.match(s) and not _NOTE_FIRST.match(s):
            return s[:200]
    return ""


# An editor's note that may open a page before its title (【编者按】…, 编者按：…).
_NOTE_FIRST = re.compile(r"[【\[]?(?:编者按|编者的话|编辑按|编按)[】\]：:]")


# A collection's table of sources (``SOURCES.tsv``: one row per page, as the dev corpus keeps it)
# and the metadata keys its columns give.
SOURCES_NAMES = ("SOURCES.tsv", "sources.tsv")
_SOURCES_ID = ("slug", "id", "doc")
_SOURCES_KEYS = {"title": "title", "publisher": "publisher", "pub_date": "date", "date": "date",
                 "url": "source", "source": "source", "covers": "covers"}
# Other names a sidecar or front matter may give these keys (as other tools write them): read as kg's own.
META_ALIASES = {"published": "date", "pub_date": "date", "pubdate": "date", "issued": "date", "url": "source"}


def _own_keys(meta: dict) -> dict:
    """``meta`` with its keys under kg's names (``published`` is ``date``); a key kg names itself wins."""
    out = {META_ALIASES[k]: v for k, v in meta.items() if k in META_ALIASES}
    out.update((k, v) for k, v in meta.items() if k not in META_ALIASES)
    return out


def sources_row(path: Path) -> dict:
    """Metadata for ``path`` from a ``SOURCES.tsv`` beside it or in the folder above (tab-separated,
    a header row with ``slug`` (or ``id``) and any of ``title``, ``publisher``, ``pub_date``
    (or ``date``), ``url`` (or ``source``), ``covers``). A sidecar or front matter wins over it."""
    for folder in (path.parent, path.parent.parent):
        for name in SOURCES_NAMES:
            table = _sources_table(folder / name)
            if table:
                row = table.get(_doc_id(path))
                if row:
                    return row
    return {}


@lru_cache(maxsize=64)
def _sources_table(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise MetadataError(f"{path}: cannot read the table of sources ({exc})") from exc
    out = {}
    for row in rows:
        key = next((row[k].strip() for k in _SOURCES_ID if row.get(k)), "")
        if key:
            out[key] = {meta: row[col].strip() for col, meta in _SOURCES_KEYS.items() if (row.get(col) or "").strip()}
    return out


def _sidecar(path: Path) -> dict:
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side is None or not side.is_file():
        return {}
    try:
        return _own_keys(tomllib.loads(side.read_text(encoding="utf-8")))
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
    return _own_keys(out)
