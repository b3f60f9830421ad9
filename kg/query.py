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
a value with quotes or braces is just a value. On a remote endpoint the
values travel in a ``VALUES`` block at the top of the query's ``WHERE``, as
RDF terms serialised by rdflib (quotes and backslashes escaped).

An optional parameter is tested as ``COALESCE(STRLEN(STR(?_NAME)) >= 0,
false)``, not ``BOUND(?_NAME)``: Oxigraph folds ``BOUND`` of a variable the
pattern never binds to false before substituting it. A test that needs an
``EXISTS`` is written ``FILTER(IF(given, EXISTS {…}, true))``: Oxigraph
evaluates both sides of ``||``, and an ``EXISTS`` on every row made
who-met-whom four times slower when the parameter was not given.

User-supplied queries (a ``.rq`` path, or text sent to ``kg serve``) that use
``SERVICE`` or are updates are refused unless explicitly allowed; every query
can be given a timeout and a row limit.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from .errors import MESSAGES, EndpointError, GraphNotFound, ParameterError, QueryError, QueryRefused, QueryTimeout, UnknownQuery
from .outputs import STORE_DIR
from .params import LABELS, check_values
from .params import check_names as _check_names
from .terminal import printable

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
    # The RDF terms behind ``rows`` (None where unbound), for the W3C SPARQL JSON format.
    terms: list[dict[str, Node | None]] = field(default_factory=list)
    # From a local store: Oxigraph's terms, one tuple per row in column order, made into ``terms`` when asked.
    raw: list[tuple] = field(default_factory=list, repr=False)

    def rdf_terms(self) -> list[dict[str, Node | None]]:
        """``terms``, made from the store's own terms the first time (they take far less memory than rdflib's)."""
        if self.raw and not self.terms:
            self.terms = [{c: ox_to_rdflib(t) for c, t in zip(self.columns, row)} for row in self.raw]
        return self.terms

    def as_table(self, width: int | None = None, iris: bool = False, columns: list[str] | None = None) -> str:
        """The rows for a terminal: aligned columns of labels, fitted to ``width`` display columns
        (a CJK character counts two), long values cut with …. IRI columns are left out unless
        ``iris``; ``columns`` picks and orders the columns. Tabs and line breaks inside a value show
        as spaces; escape sequences and controls are shown, not obeyed."""
        cols = list(columns) if columns else [c for c in self.columns if iris or not self._iri_column(c)]
        unknown = [c for c in cols if c not in self.columns]
        if unknown:
            raise ParameterError(f"no column {', '.join(unknown)}; the columns are {', '.join(self.columns)}")
        head = [printable(c) for c in cols]
        cells = [[printable(_ONE_LINE.sub(" ", r.get(c, ""))) for c in cols] for r in self.rows]
        widths = [max([_w(h)] + [_w(row[i]) for row in cells]) for i, h in enumerate(head)]
        if width:
            widths = _fit(widths, [_w(h) for h in head], width)
        out = ["  ".join(_pad(_cut(h, w), w) for h, w in zip(head, widths)).rstrip()]
        out.append("  ".join("-" * w for w in widths))
        for row in cells:
            out.append("  ".join(_pad(_cut(v, w), w) for v, w in zip(row, widths)).rstrip())
        return "\n".join(out)

    def _iri_column(self, column: str) -> bool:
        """Whether every value of ``column`` is an IRI (the labels beside it say the same for a reader)."""
        values = [r.get(column, "") for r in self.rows]
        return any(values) and all(not v or v.startswith(("http://", "https://", "urn:")) for v in values)

    def as_delimited(self, delimiter: str) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
        w.writerow(self.columns)
        for r in self.rows:
            w.writerow([r.get(c, "") for c in self.columns])
        return buf.getvalue()

    def as_json(self) -> str:
        return json.dumps(self.rows, ensure_ascii=False, indent=2)

    def as_sparql_json(self) -> str:
        """The W3C SPARQL 1.1 Query Results JSON format."""
        bindings = []
        for row in self.rdf_terms():
            b = {}
            for c in self.columns:
                t = row.get(c)
                if t is not None:
                    b[c] = term_json(t)
            bindings.append(b)
        return json.dumps({"head": {"vars": self.columns}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=2)

    def format(self, fmt: str, width: int | None = None, iris: bool = False, columns: list[str] | None = None) -> str:
        """The rows in ``fmt``; ``width``, ``iris`` and ``columns`` shape the terminal table (the other
        formats keep every column)."""
        if fmt == "table":
            return self.as_table(width, iris, columns)
        if fmt == "csv":
            return self.as_delimited(",")
        if fmt == "tsv":
            return self.as_delimited("\t")
        if fmt == "json":
            return self.as_json()
        if fmt == "sparql-json":
            return self.as_sparql_json()
        raise ParameterError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _w(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _w(s))


_ONE_LINE = re.compile(r"[\t\r\n\u2028\u2029]+")
_MIN_COLUMN = 6


def _cut(s: str, width: int) -> str:
    """``s`` cut to ``width`` display columns, with … where it was cut."""
    if _w(s) <= width:
        return s
    out, used = [], 0
    for ch in s:
        w = _w(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _fit(widths: list[int], heads: list[int], total: int) -> list[int]:
    """Column widths that fit ``total`` display columns (two between columns): every column wider
    than a common cap is cut to it (the widest, a quote, keeps the most room), none below its
    heading's width or a few characters."""
    gaps = 2 * (len(widths) - 1)
    if sum(widths) + gaps <= total:
        return list(widths)
    floor = [min(w, max(_MIN_COLUMN, min(h, 8))) for w, h in zip(widths, heads)]

    def fitted(cap: int) -> list[int]:
        return [min(w, max(cap, f)) for w, f in zip(widths, floor)]

    lo, hi = 0, max(widths)
    while lo < hi:  # the largest cap that fits
        mid = (lo + hi + 1) // 2
        if sum(fitted(mid)) + gaps <= total:
            lo = mid
        else:
            hi = mid - 1
    out = fitted(lo)
    # What the cap leaves over goes to the widest column.
    spare = total - gaps - sum(out)
    widest = max(range(len(widths)), key=lambda i: widths[i])
    out[widest] = min(widths[widest], out[widest] + max(0, spare))
    return out


def term_json(t: Node) -> dict[str, str]:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    out = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal):
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype and str(t.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = str(t.datatype)
    return out


def json_term(b: dict) -> Node:
    """An rdflib term from one binding of the W3C SPARQL JSON results format."""
    kind = b.get("type")
    if kind == "uri":
        return URIRef(b["value"])
    if kind == "bnode":
        return BNode(b["value"])
    dt = b.get("datatype")
    return Literal(b["value"], lang=b.get("xml:lang"), datatype=URIRef(dt) if dt else None)


def queries_dir() -> Path:
    return Path(str(resources.files("kg.queries")))


def list_queries() -> list[NamedQuery]:
    # (By name: each is read and checked once per process, not on every call — a page lists them all.)
    return [load_query(p.stem) for p in sorted(queries_dir().glob("*.rq"))]


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


# rdflib's SPARQL parser (pyparsing) keeps state in its grammar objects and is not safe across
# threads: parsed concurrently (a server's clients), queries fail at random or hang. One parse at
# a time; a parse takes milliseconds.
_PARSE_LOCK = threading.Lock()

# The deepest nesting of braces, brackets and parentheses a query may have. rdflib's parser recurses some
# forty Python frames a level and gives up at 20 to 40 levels (a RecursionError); Oxigraph's overflows its
# stack at a few thousand, and the process dies. Counted before parsing, so neither gets such a text.
MAX_NESTING = 100
_TOO_DEEP = "nested too deeply for the SPARQL parser (groups or parentheses inside each other); flatten the query"

# What the count skips, as whole tokens: strings (the long forms first), comments, and IRIs without brackets
# (with them, ``<`` may be less-than: in ``((?a<1))&&?b>2`` there is no IRI; an IRI's brackets balance anyway).
_NESTING_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20()\[\]]*>'
    r"|#[^\n]*"
    r"|[(){}\[\]]",
    re.DOTALL,
)


def nesting_depth(text: str) -> int:
    """How deep the braces, brackets and parentheses of a SPARQL text go, outside strings, IRIs and comments."""
    depth = deepest = 0
    for m in _NESTING_TOKEN.finditer(text):
        token = m.group()
        if token in ("(", "{", "["):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (")", "}", "]"):
            depth = max(depth - 1, 0)
    return deepest


def check_query(text: str, origin: str, allow_service: bool = False):
    """Refuse updates, and ``SERVICE`` (a query reaching other hosts) unless ``allow_service``; the parse tree.
    A text nested deeper than :data:`MAX_NESTING`, or than the parser can follow, is a :class:`QueryError`.
    Safe to call from several threads."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        detail = f"nested {depth} levels deep (braces, brackets, parentheses); at most {MAX_NESTING} are accepted, flatten the query"
        raise QueryError(MESSAGES["bad_query"].format(path=origin, detail=detail))
    with _PARSE_LOCK:
        try:
            tree = parseQuery(text)
        except ParseException as exc:
            try:
                parseUpdate(text)
            except ParseException:
                raise QueryError(MESSAGES["bad_query"].format(path=origin, detail=f"not valid SPARQL: {exc}")) from exc
            except RecursionError:
                raise QueryError(MESSAGES["bad_query"].format(path=origin, detail=_TOO_DEEP)) from None
            raise QueryRefused(MESSAGES["update_refused"].format(path=origin)) from exc
        except RecursionError:
            # The stack is unwound by the time it gets here, and the parser keeps no state between parses.
            raise QueryError(MESSAGES["bad_query"].format(path=origin, detail=_TOO_DEEP)) from None
        uses_service = _uses_service(tree)
    if not allow_service and uses_service:
        raise QueryRefused(MESSAGES["service_refused"].format(path=origin))
    return tree


def check_query_text(text: str, origin: str, allow_service: bool = False) -> None:
    """:func:`check_query` for a server: the verdict on each text is remembered (rdflib's parser
    takes up to a third of a second on a long query, and clients send the same queries again)."""
    error = _verdict(text, origin, allow_service)
    if error is not None:
        raise error[0](error[1])


@lru_cache(maxsize=1024)
def _verdict(text: str, origin: str, allow_service: bool) -> tuple[type, str] | None:
    try:
        check_query(text, origin, allow_service=allow_service)
    except (QueryRefused, QueryError) as exc:
        return type(exc), str(exc).removeprefix(f"[{exc.code}] ")
    return None


def _uses_service(node: object) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_uses_service(v) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_uses_service(v) for v in node)
    return False


def load_query(name_or_path: str | Path, allow_service: bool = False) -> NamedQuery:
    """A named query from ``queries/`` by name, or a ``.rq`` file by path (checked with :func:`check_query`)."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.is_file():
        if p.resolve().parent in _shipped_dirs():
            return _named_query(str(p))
        return _read_query(p, allow_service=allow_service)
    path = queries_dir() / f"{name_or_path}.rq"
    if not path.is_file():
        raise UnknownQuery(MESSAGES["unknown_query"].format(name=str(name_or_path)))
    return _named_query(str(path))


@lru_cache(maxsize=1)
def _shipped_dirs() -> tuple[Path, ...]:
    """The folders of the queries kg ships: the named queries and the views' own. (The seeded forms,
    in Oxigraph's SPARQL with LATERAL, are read by :func:`seeded_variant`.)"""
    views = Path(str(resources.files("kg.views").joinpath("queries")))
    return tuple(d.resolve() for d in (queries_dir(), views))


@lru_cache(maxsize=None)
def _named_query(path: str) -> NamedQuery:
    """A query shipped with kg, read once per process. Not parsed here (rdflib's parser takes up to
    half a second on each, in every process that runs one): tests/test_query.py checks every shipped
    query with :func:`check_query`, as a user's is checked."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(MESSAGES["bad_query"].format(path=p, detail=exc)) from exc
    return parse_header(text, p.stem, str(p))


def _read_query(path: Path, allow_service: bool) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(MESSAGES["bad_query"].format(path=path, detail=exc)) from exc
    q = parse_header(text, path.stem, str(path))
    tree = check_query(text, str(path), allow_service=allow_service)
    try:
        from rdflib.plugins.sparql.algebra import translateQuery

        translateQuery(tree)
    except Exception as exc:
        raise QueryError(MESSAGES["bad_query"].format(path=path, detail=f"not valid SPARQL: {exc}")) from exc
    return q


def parse_params(raw: Iterable[str]) -> dict[str, str | list[str]]:
    """``name=value`` pairs; a name given several times has the list of its values (either matches)."""
    out: dict[str, str | list[str]] = {}
    for item in raw:
        if "=" not in item:
            raise ParameterError(MESSAGES["bad_param"].format(raw=item))
        k, v = item.split("=", 1)
        k = k.strip()
        if k in out:
            prev = out[k]
            out[k] = [*prev, v] if isinstance(prev, list) else [prev, v]
        else:
            out[k] = v
    return out


def open_dataset(graph_dir: str | Path) -> Dataset:
    """The build's Oxigraph store, opened read-only, as an rdflib Dataset querying the union of graphs."""
    path = Path(graph_dir) / STORE_DIR
    if not path.is_dir():
        raise GraphNotFound(MESSAGES["no_graph"].format(path=graph_dir))
    return open_store(path)


def open_store(path: str | Path) -> Dataset:
    """An Oxigraph store directory, opened read-only, as an rdflib Dataset querying the union of graphs."""
    return Dataset(store=OxigraphStore(store=ox.Store.read_only(str(path))), default_union=True)


def memory_dataset(trig: bytes | str) -> Dataset:
    """An in-memory Oxigraph-backed dataset (for tests and small graphs)."""
    store = ox.Store()
    store.load(trig.encode() if isinstance(trig, str) else trig, format=ox.RdfFormat.TRIG)
    return Dataset(store=OxigraphStore(store=store), default_union=True)


def run_query(
    query: str | Path | NamedQuery,
    dataset: Dataset | str | Path | None = None,
    params: Mapping[str, str | list[str]] | None = None,
    limit: int | None = None,
    timeout: float | None = None,
    endpoint: str | None = None,
    allow_service: bool = False,
    terms: bool = True,
    memory: int | None = None,
    check_names: bool = False,
) -> QueryResult:
    """Run a named query (or .rq file) with parameters bound by the engine.

    ``dataset`` is a build directory or an open Dataset; with ``endpoint`` the
    query goes to that SPARQL 1.1 endpoint instead. ``timeout`` (seconds)
    raises :class:`~kg.errors.QueryTimeout` when exceeded: on a build directory
    the query runs in a process of its own that is ended then, with its
    address space capped at ``memory`` bytes (:mod:`kg.bounded`; past it,
    :class:`~kg.errors.QueryMemory`); on an open Dataset, in a thread that
    stops at its next row. With ``terms``
    false, a local result keeps only its rows of strings, not the RDF terms
    behind them (for the SPARQL JSON format): a third of the memory of a
    large result.

    Parameter values are checked against the query's header (:mod:`kg.params`): a value outside a
    listed vocabulary or a date that is no date raises :class:`~kg.errors.ParameterError`; so, with
    ``check_names``, does a name that matches nothing when no row is found (with the nearest names).
    A parameter given a list of values matches any of them.
    """
    q = query if isinstance(query, NamedQuery) else load_query(query, allow_service=allow_service)
    values = {k: list(v) if isinstance(v, (list, tuple)) else [v] for k, v in (params or {}).items()}
    for k in values:
        if k not in q.params:
            raise ParameterError(
                MESSAGES["unknown_param"].format(query=q.name, name=k, known=", ".join(sorted(q.params)) or "none")
            )
    check_values(q.name, q.params, values)
    combos = list(itertools.product(*values.values()))
    if len(combos) == 1:
        out = _run_one(q, dataset, dict(zip(values, combos[0])), limit, timeout, endpoint, terms, memory)
    else:
        # A parameter given several values matches any of them: the query runs once for each, and
        # the rows are merged, each once, in the order found.
        out = None
        seen: set[tuple] = set()
        for combo in combos:
            one = _run_one(q, dataset, dict(zip(values, combo)), limit, timeout, endpoint, terms, memory)
            if out is None:
                out = QueryResult(one.columns, [], [])
            for i, row in enumerate(one.rows):
                key = tuple(row.get(c, "") for c in one.columns)
                if key not in seen and (limit is None or len(out.rows) < limit):
                    seen.add(key)
                    out.rows.append(row)
                    if one.raw:
                        out.raw.append(one.raw[i])
                    elif one.terms:
                        out.terms.append(one.terms[i])
    if check_names and not out.rows and values and not endpoint and dataset is not None:
        _check_names(q.name, q.params, values, _labels(dataset))
    return out


def _labels(dataset: Dataset | str | Path) -> list[tuple[str, str]]:
    """(label, Chinese name) of every entity of the graph (to say which name was meant)."""
    ds = dataset if isinstance(dataset, Dataset) else open_dataset(dataset)
    store = oxigraph_store(ds)
    if store is None:
        return []
    return [(sol["label"].value, sol["zh"].value if sol["zh"] is not None else "")
            for sol in store.query(LABELS, use_default_graph_as_union=True)]


def _run_one(q: NamedQuery, dataset, params: dict[str, str], limit, timeout, endpoint, terms, memory) -> QueryResult:
    """One run of ``q`` with one value for each parameter (see :func:`run_query`)."""
    cancel = threading.Event()
    if endpoint:
        run = lambda: _run_remote(q, endpoint, params, limit, timeout)  # noqa: E731
    else:
        if dataset is None:
            raise GraphNotFound(MESSAGES["no_graph"].format(path="(none given)"))
        if not isinstance(dataset, Dataset):
            # A build folder: the query's table answers at once where the build wrote one (kg.tables).
            from .tables import answer

            tabled = answer(q, dataset, params, limit, terms)
            if tabled is not None:
                return tabled
        if timeout and not isinstance(dataset, Dataset):
            # A build folder: the query runs in a process of its own, ended at the deadline (kg.bounded).
            store_dir = Path(dataset) / STORE_DIR
            if not store_dir.is_dir():
                raise GraphNotFound(MESSAGES["no_graph"].format(path=dataset))
            from .bounded import DEFAULT_MEMORY, run_bounded

            return run_bounded(_run_in_store, (q, str(store_dir), params, limit, terms), timeout,
                               memory or DEFAULT_MEMORY, what=q.name)
        ds = dataset if isinstance(dataset, Dataset) else open_dataset(dataset)
        run = lambda: _run_local(q, ds, params, limit, cancel, terms)  # noqa: E731
    if not timeout:
        return run()
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(run).result(timeout=timeout)
    except FutureTimeout:
        # Results are read row by row; the reader stops at the next row.
        cancel.set()
        raise QueryTimeout(MESSAGES["timeout"].format(query=q.name, seconds=timeout)) from None
    finally:
        pool.shutdown(wait=False)


def _run_in_store(q: NamedQuery, store_dir: str, params: Mapping[str, str], limit: int | None, terms: bool) -> QueryResult:
    """A query on a build's store opened in this process (the child of :func:`kg.bounded.run_bounded`)."""
    return _run_local(q, open_store(store_dir), params, limit, None, terms)


def ox_to_rdflib(t) -> Node | None:
    """An rdflib term for a pyoxigraph term."""
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value if t.datatype else None
    return Literal(t.value, datatype=None if dt == "http://www.w3.org/2001/XMLSchema#string" else URIRef(dt))


def oxigraph_store(ds: Dataset) -> ox.Store | None:
    """The pyoxigraph store behind an oxrdflib Dataset (None for another rdflib store)."""
    store = getattr(ds.store, "_inner", None)
    return store if isinstance(store, ox.Store) else None


_SEEDS = re.compile(r"^#\+\s*seeds\s*:\s*(.*)$", re.MULTILINE)


@lru_cache(maxsize=None)
def seeded_variant(name: str) -> tuple[frozenset[str], str] | None:
    """The seeded form of a shipped query (``queries/seeded/NAME.rq``), if it has one: the parameters
    it starts from (its ``#+ seeds:`` line) and its text.

    A seeded form gives the same rows as the query but starts from the entities a parameter names,
    found by their labels, and reads each of their facts in its own graph (Oxigraph's ``LATERAL``,
    not standard SPARQL 1.1: it is run on the local store only). The plain query joins every fact
    of the store first, which a filter then mostly drops: 75 s for who-met-whom by one country on a
    10,000-document build, where the seeded form takes 9 s (docs/scale.md); without such a
    parameter the plain query is the faster, and is run. tests/test_query.py checks that both give
    the same rows."""
    path = queries_dir() / "seeded" / f"{name}.rq"
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    m = _SEEDS.search(text)
    return (frozenset(m.group(1).split()) if m else frozenset()), text


def _run_local(q: NamedQuery, ds: Dataset, params: Mapping[str, str], limit: int | None, cancel: threading.Event | None = None,
               terms: bool = True) -> QueryResult:
    store = oxigraph_store(ds)
    if store is None:
        raise QueryError(f"{q.path}: the dataset is not backed by an Oxigraph store")
    variant = seeded_variant(q.name) if Path(q.path).parent == queries_dir() else None
    if variant is not None and variant[0] & {k for k, v in params.items() if v}:
        q = NamedQuery(name=q.name, path=str(queries_dir() / "seeded" / f"{q.name}.rq"), text=variant[1], params=q.params)
    # The engine binds the parameters (SEP-0007 substitutions), as rdflib's initBindings does.
    subs = {ox.Variable(f"_{name}"): term for name, term in bindings(q, params).items()}
    out = QueryResult([], [], [])
    try:
        res = store.query(q.text, substitutions=subs, use_default_graph_as_union=True)
        columns = [v.value for v in res.variables]
        # Parameters are projected so that the engine can bind them; they are not result columns.
        out.columns = [c for c in columns if not c.startswith("_")]
        cols = out.columns
        # Names, IRIs and dates recur from row to row: one string object each (a quote is kept as it is).
        same: dict[str, str] = {}

        def value(t) -> str:
            if t is None:
                return ""
            v = t.value
            return v if len(v) > 80 else same.setdefault(v, v)

        for sol in res:
            if cancel is not None and cancel.is_set():
                break
            raw = tuple(sol[c] for c in cols)
            if terms:
                out.raw.append(raw)
            out.rows.append({c: value(t) for c, t in zip(cols, raw)})
            if limit is not None and len(out.rows) >= limit:
                break
        # Oxigraph's solutions belong to the thread that made them: drop them here.
        del res
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(MESSAGES["bad_query"].format(path=q.path, detail=exc)) from exc
    return out


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)

# A parameter's value as the labels are written: ``?_NAME_zh``, ``?_NAME_en`` and ``?_NAME_py``
# hold it as a literal tagged zh, en and zh-Latn-pinyin, so that a query can look the labels up by it
# in a triple pattern (an index lookup) rather than compare every label's STR() with it. An absent
# parameter's tagged forms are the empty string, which no label is: the pattern finds nothing.
LABEL_LANGS = {"zh": "zh", "en": "en", "py": "zh-latn-pinyin"}


def bindings(q: NamedQuery, params: Mapping[str, str]) -> dict[str, ox.Literal]:
    """The values to bind for ``params``, by variable name without its ``_``: ``NAME`` (``?_NAME``)
    each given value as a plain literal, and ``NAME_zh``/``_en``/``_py`` (those the query's text
    uses) its tagged forms."""
    out = {k: ox.Literal(v) for k, v in params.items()}
    for name in q.params:
        for suffix, lang in LABEL_LANGS.items():
            var = f"{name}_{suffix}"
            if re.search(rf"\?_{var}\b", q.text):
                out[var] = ox.Literal(params.get(name, ""), language=lang)
    return out


def with_values(text: str, params: Mapping[str, str]) -> str:
    """``text`` with a VALUES block binding ``?_name`` to each value, first in the outer WHERE.

    The values are RDF literals serialised by rdflib, so quotes, braces and
    backslashes in them stay inside the literal.
    """
    if not params:
        return text
    m = _WHERE.search(text)
    if m is None:
        raise QueryError("query has no WHERE clause to bind parameters in")
    names = " ".join(f"?_{k}" for k in params)
    values = " ".join(Literal(v.value, lang=v.language).n3() if isinstance(v, ox.Literal) else Literal(v).n3()
                      for v in params.values())
    return f"{text[: m.end()]}\n  VALUES ({names}) {{ ({values}) }}\n{text[m.end():]}"


def _run_remote(q: NamedQuery, endpoint: str, params: Mapping[str, str], limit: int | None, timeout: float | None) -> QueryResult:
    body = urllib.parse.urlencode({"query": with_values(q.text, bindings(q, params))}).encode()
    req = urllib.request.Request(
        endpoint,
        data=body,
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout or 60) as resp:
            data = json.load(resp)
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        raise EndpointError(MESSAGES["endpoint"].format(url=endpoint, detail=f"HTTP {exc.code}: {detail}")) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise EndpointError(MESSAGES["endpoint"].format(url=endpoint, detail=exc)) from exc
    columns = [c for c in data["head"]["vars"] if not c.startswith("_")]
    out = QueryResult(columns, [], [])
    for b in data["results"]["bindings"]:
        terms = {c: (json_term(b[c]) if c in b else None) for c in columns}
        out.terms.append(terms)
        out.rows.append({c: ("" if t is None else str(t)) for c, t in terms.items()})
        if limit is not None and len(out.rows) >= limit:
            break
    return out


class KnowledgeGraph:
    """A build (or a remote endpoint) to ask named queries of, from Python::

        g = KnowledgeGraph("build")                 # or KnowledgeGraph(endpoint="http://…/query")
        g.query("who-met-whom", counterpart="康林松").rows      # list of dicts
        print(g.query("companies-met").as_table())

    Parameters with a dash in their name on the command line are the same
    here (``**{"from": "2020-06"}``).
    """

    def __init__(self, graph_dir: str | Path | None = None, *, endpoint: str | None = None, timeout: float | None = None) -> None:
        if graph_dir is None and endpoint is None:
            raise GraphNotFound(MESSAGES["no_graph"].format(path="(none given)"))
        self.endpoint = endpoint
        self.timeout = timeout
        self.dataset = None if endpoint else open_dataset(graph_dir)

    def query(self, name: str | Path, limit: int | None = None, **params: str) -> QueryResult:
        return run_query(name, self.dataset, params, limit=limit, timeout=self.timeout, endpoint=self.endpoint)

    @staticmethod
    def queries() -> list[NamedQuery]:
        return list_queries()
