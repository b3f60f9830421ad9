"""Named SPARQL queries: loading ``.rq`` files, binding parameters, running them, formatting rows.

A named query is a ``.rq`` file in ``queries/`` whose comment header says
what it answers::

    #+ summary: one line
    #+ description: more, possibly over several ``#+   `` lines
    #+ param NAME: what it filters (default: …)
    #+ example: kg query NAME --graph build --param NAME=value

A parameter ``NAME`` is the variable ``?_NAME`` in the query, which the query
projects (Oxigraph binds only projected variables) and the runner drops from
the result; its value is bound by the engine (never pasted into the text), so
a value with quotes or braces is just a value.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal

from .build import STORE_DIR
from .errors import MESSAGES, GraphNotFound, ParameterError, QueryError, UnknownQuery

_PARAM = re.compile(r"^#\+\s*param\s+([A-Za-z][A-Za-z0-9_]*)\s*:\s*(.*)$")
_FIELD = re.compile(r"^#\+\s*(summary|description|example)\s*:\s*(.*)$")
_CONT = re.compile(r"^#\+\s{2,}(.*)$")
_DEFAULT = re.compile(r"\(default:\s*([^)]*)\)\s*$")
FORMATS = ("table", "csv", "tsv", "json", "sparql-json")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: str
    text: str
    summary: str = ""
    description: str = ""
    example: str = ""
    params: dict[str, str] = field(default_factory=dict)  # name → description


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict[str, str]]

    def as_table(self) -> str:
        widths = [max([_w(c)] + [_w(r.get(c, "")) for r in self.rows]) for c in self.columns]
        out = ["  ".join(_pad(c, w) for c, w in zip(self.columns, widths))]
        out.append("  ".join("-" * w for w in widths))
        for r in self.rows:
            out.append("  ".join(_pad(r.get(c, ""), w) for c, w in zip(self.columns, widths)))
        return "\n".join(out)

    def as_delimited(self, delimiter: str) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
        w.writerow(self.columns)
        for r in self.rows:
            w.writerow([r.get(c, "") for c in self.columns])
        return buf.getvalue()

    def as_json(self) -> str:
        return json.dumps(self.rows, ensure_ascii=False, indent=2)

    def format(self, fmt: str) -> str:
        if fmt == "table":
            return self.as_table()
        if fmt == "csv":
            return self.as_delimited(",")
        if fmt == "tsv":
            return self.as_delimited("\t")
        if fmt == "json":
            return self.as_json()
        raise ParameterError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _w(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _w(s))


def queries_dir() -> Path:
    return Path(str(resources.files("kg.queries")))


def list_queries() -> list[NamedQuery]:
    return [load_query(p) for p in sorted(queries_dir().glob("*.rq"))]


def parse_header(text: str, name: str, path: str) -> NamedQuery:
    fields: dict[str, str] = {}
    params: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _PARAM.match(line)
        if m:
            params[m.group(1)] = m.group(2).strip()
            last = ("param", m.group(1))
            continue
        m = _FIELD.match(line)
        if m:
            fields[m.group(1)] = m.group(2).strip()
            last = ("field", m.group(1))
            continue
        m = _CONT.match(line)
        if m and last:
            kind, key = last
            target = params if kind == "param" else fields
            target[key] = (target[key] + " " + m.group(1).strip()).strip()
    return NamedQuery(name=name, path=path, text=text, params=params, **fields)


def load_query(name_or_path: str | Path) -> NamedQuery:
    """A named query from ``queries/`` by name, or a ``.rq`` file by path."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.is_file():
        path = p
    else:
        path = queries_dir() / f"{name_or_path}.rq"
        if not path.is_file():
            raise UnknownQuery(MESSAGES["unknown_query"].format(name=str(name_or_path)))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(MESSAGES["bad_query"].format(path=path, detail=exc)) from exc
    q = parse_header(text, path.stem, str(path))
    try:
        from rdflib.plugins.sparql import prepareQuery

        prepareQuery(text)
    except Exception as exc:
        raise QueryError(MESSAGES["bad_query"].format(path=path, detail=f"not valid SPARQL: {exc}")) from exc
    return q


def parse_params(raw: Iterable[str]) -> dict[str, str]:
    out = {}
    for item in raw:
        if "=" not in item:
            raise ParameterError(MESSAGES["bad_param"].format(raw=item))
        k, v = item.split("=", 1)
        out[k.strip()] = v
    return out


def open_dataset(graph_dir: str | Path) -> Dataset:
    """The build's Oxigraph store, opened read-only, as an rdflib Dataset querying the union of graphs."""
    path = Path(graph_dir) / STORE_DIR
    if not path.is_dir():
        raise GraphNotFound(MESSAGES["no_graph"].format(path=graph_dir))
    store = OxigraphStore(store=ox.Store.read_only(str(path)))
    return Dataset(store=store, default_union=True)


def memory_dataset(trig: bytes | str) -> Dataset:
    """An in-memory Oxigraph-backed dataset (for tests and small graphs)."""
    store = ox.Store()
    store.load(trig.encode() if isinstance(trig, str) else trig, format=ox.RdfFormat.TRIG)
    return Dataset(store=OxigraphStore(store=store), default_union=True)


def run_query(
    query: str | Path | NamedQuery,
    dataset: Dataset | str | Path,
    params: Mapping[str, str] | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Run a named query (or .rq file) with parameters bound by the engine."""
    q = query if isinstance(query, NamedQuery) else load_query(query)
    ds = dataset if isinstance(dataset, Dataset) else open_dataset(dataset)
    params = dict(params or {})
    for k in params:
        if k not in q.params:
            raise ParameterError(
                MESSAGES["unknown_param"].format(query=q.name, name=k, known=", ".join(sorted(q.params)) or "none")
            )
    bindings = {f"_{k}": Literal(v) for k, v in params.items()}
    try:
        res = ds.query(q.text, initBindings=bindings)
    except Exception as exc:
        raise QueryError(MESSAGES["bad_query"].format(path=q.path, detail=exc)) from exc
    # Parameters are projected so that the engine can bind them; they are not result columns.
    columns = [str(v) for v in res.vars or []]
    keep = [i for i, c in enumerate(columns) if not c.startswith("_")]
    rows = []
    for b in res:
        row = {columns[i]: ("" if b[i] is None else str(b[i])) for i in keep}
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    return QueryResult([columns[i] for i in keep], rows)
