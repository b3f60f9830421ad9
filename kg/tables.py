"""Query tables: the whole answer of the named queries pages open most, kept beside the store.

``who-met-whom`` and ``city-partners`` join every fact of the store before their filters drop
most of it: 40 s and 20 s on a 10,000-document build, where Oxigraph alone takes 1.6 s to list
the meetings with their mode. So at build time their rows, without parameters, are written in
their order into ``tables.sqlite`` in the build's generation, with every entity's labels; a run
with parameters then selects the rows SQLite finds by index (milliseconds), the same rows the
SPARQL gives. :data:`FILTERS` says how each parameter selects rows, as the query's own FILTER
does; ``tests/test_tables.py`` checks table and SPARQL give the same rows, parameter by
parameter, on the seeds' and the dev corpus's builds.

A table is read only for the query text it was made from (its SHA-256 is kept with it): a kg
with another text of the query, or a build without tables, runs the SPARQL. Written by hand
because no library turns a SPARQL answer into an indexed table: SQLite (the standard library's)
does the indexing.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Mapping

import pyoxigraph as ox

from .outputs import STORE_DIR

TABLES_FILE = "tables.sqlite"

# Each parameter of a tabled query, as its FILTER reads it: (how, column).
#   equal     the column's value is the parameter's;
#   from, to  the column's date is at or after / at or before (to the parameter's precision) it;
#   keyed     one of the entities in the hidden column (the query's ``?_keyX``: IRIs, space-separated,
#             kept in the table's ``_keys``) has the parameter as a label (any language);
#   labelled  the column's entity has the parameter as a label;
#   place     the column's entity has the parameter as a label, with or without 市/省.
FILTERS: dict[str, dict[str, tuple[str, str]]] = {
    "who-met-whom": {
        "person": ("equal", "personName"), "counterpart": ("equal", "counterpartName"), "mode": ("equal", "mode"),
        "from": ("from", "date"), "to": ("to", "date"), "organization": ("keyed", "_keyOrganization"),
        "country": ("keyed", "_keyCountry"), "home": ("place", "home"),
    },
    "city-partners": {
        "relation": ("equal", "relation"), "home": ("place", "home"), "partner": ("labelled", "partner"),
        "country": ("keyed", "_keyCountry"),
    },
}
# Queries of the views tabled whole (no parameters): the places of the map.
VIEW_QUERIES = ("places",)
PLACE_ENDS = ("市", "省")  # the unit words a place filter adds or drops, as the queries' FILTERs do

_LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?x ?l WHERE { GRAPH ?g { ?x rdfs:label|skos:prefLabel|skos:altLabel ?l } }"""
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BATCH = 2000


def tables_path(graph_dir: str | Path) -> Path:
    """The tables of the build generation whose store ``graph_dir`` shows (the same generation as the store read)."""
    return Path(os.path.realpath(Path(graph_dir) / STORE_DIR)).parent / TABLES_FILE


def tabled_paths() -> dict[str, tuple[Path, dict[str, tuple[str, str]]]]:
    """Each tabled query's name → (its file, its parameters' filters)."""
    from importlib import resources

    from .query import queries_dir

    out = {name: (queries_dir() / f"{name}.rq", filters) for name, filters in FILTERS.items()}
    for name in VIEW_QUERIES:
        out[name] = (Path(str(resources.files("kg.views").joinpath("queries", f"{name}.rq"))), {})
    return out


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _seeded(q) -> str | None:
    """The text of the shipped query ``q``'s seeded form, if it has one (:func:`kg.query.seeded_variant`)."""
    from .query import queries_dir, seeded_variant

    seeded = seeded_variant(q.name) if Path(q.path).parent == queries_dir() else None
    return seeded[1] if seeded else None


def _made_from(q) -> str:
    """The texts a table of ``q`` is made from and must match: the query's, and its seeded form's."""
    seeded = _seeded(q)
    return q.text + ("\n" + seeded if seeded else "")


def _kind(t) -> str:
    """How a term is rebuilt from its value: "i" an IRI, "b" a blank node, "@lang", "^^datatype", "" a plain string."""
    if isinstance(t, ox.NamedNode):
        return "i"
    if isinstance(t, ox.BlankNode):
        return "b"
    if t.language:
        return "@" + t.language
    dt = t.datatype.value if t.datatype else _XSD_STRING
    return "" if dt == _XSD_STRING else "^^" + dt


def _term(value: str | None, kind: str):
    if value is None:
        return None
    if kind == "i":
        return ox.NamedNode(value)
    if kind == "b":
        return ox.BlankNode(value)
    if kind.startswith("@"):
        return ox.Literal(value, language=kind[1:])
    if kind.startswith("^^"):
        return ox.Literal(value, datatype=ox.NamedNode(kind[2:]))
    return ox.Literal(value)


def _table(name: str) -> str:
    return "t_" + name.replace("-", "_")


def write_tables(gen: Path) -> Path:
    """The tables of the build generation ``gen`` (its store loaded and closed), written to
    ``gen/tables.sqlite`` and synced; its path."""
    from .query import bindings, load_query

    store = ox.Store.read_only(str(gen / STORE_DIR))
    path = gen / TABLES_FILE
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE tabled (name TEXT PRIMARY KEY, sha TEXT, columns TEXT)")
        db.execute("CREATE TABLE labels (label TEXT, iri TEXT)")
        db.executemany("INSERT INTO labels VALUES (?, ?)",
                       ((s["l"].value, s["x"].value) for s in store.query(_LABELS, use_default_graph_as_union=True)))
        db.execute("CREATE INDEX labels_label ON labels (label)")
        for name, (query_file, filters) in tabled_paths().items():
            q = load_query(query_file)
            # A query's seeded form, where it has one, gives the same rows reading each fact in its own
            # graph: who-met-whom's plain form held 1.9 GB at its peak on a 10,000-document build, its
            # seeded form 0.7 GB (and took 47 s, not 56 s).
            seeded = _seeded(q)
            text = seeded or q.text
            subs = {ox.Variable(f"_{k}"): v for k, v in bindings(replace(q, text=text), {}).items()}
            res = _solutions(store, text, subs, chunked=seeded is not None, within=ROWS_FROM.get(name))
            cols = [v.value for v in next(res) if not v.value.startswith("_")]
            keyed = [c for how, c in filters.values() if how == "keyed"]
            table = _table(name)
            db.execute(f'CREATE TABLE {table} (pos INTEGER PRIMARY KEY, {", ".join(f"{_q(c)} TEXT" for c in cols)}, "_kinds" TEXT)')
            db.execute(f"CREATE TABLE {table}_keys (pos INTEGER, col TEXT, iri TEXT)")
            insert = f"INSERT INTO {table} VALUES (?, {', '.join('?' for _ in cols)}, ?)"
            rows, keys = [], []
            for pos, sol in enumerate(res):
                terms = [sol[c] for c in cols]
                values = [None if t is None else t.value for t in terms]
                rows.append((pos, *values, "\t".join("" if t is None else _kind(t) for t in terms)))
                for c in keyed:
                    v = sol[c]
                    keys.extend((pos, c, iri) for iri in (v.value.split() if v is not None else ()))
                if len(rows) >= _BATCH:
                    db.executemany(insert, rows)
                    db.executemany(f"INSERT INTO {table}_keys VALUES (?, ?, ?)", keys)
                    rows, keys = [], []
            db.executemany(insert, rows)
            db.executemany(f"INSERT INTO {table}_keys VALUES (?, ?, ?)", keys)
            del res
            for how, c in filters.values():
                if how in ("equal", "labelled", "place"):
                    db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{c} ON {table} ({_q(c)})")
            db.execute(f"CREATE INDEX {table}_keys_iri ON {table}_keys (col, iri)")
            db.execute("INSERT INTO tabled VALUES (?, ?, ?)", (name, _sha(_made_from(q)), "\t".join(cols)))
        db.commit()
    finally:
        db.close()
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
    return path


_GRAPH_DOCS = """PREFIX kg: <https://kg.example.org/ns#>
SELECT ?g ?doc WHERE { GRAPH ?g { ?d kg:docId ?doc } }"""
_GRAPH_MEETINGS = """PREFIX kg: <https://kg.example.org/ns#>
SELECT ?g (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m a kg:Meeting } } GROUP BY ?g"""
# A graph's meetings in the order of the seeded forms' ORDER BY (?doc, one per graph, then ?date ?line).
_MEETING_ORDER = """PREFIX kg: <https://kg.example.org/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?m ?date ?line WHERE { GRAPH %s { ?m a kg:Meeting
  OPTIONAL { ?m kg:date ?date } OPTIONAL { ?m prov:wasDerivedFrom ?ev . ?ev kg:line ?line } } }
ORDER BY ?date ?line ?m"""
# The class of the nodes a tabled query's rows come from, each in its graph ?g: the query is run over
# the graphs that have one only (city-partners over a 200,000-row table of meetings and no partner
# link held 0.4 GB for no row).
ROWS_FROM = {"city-partners": "https://kg.example.org/ns#PartnerLink"}
_GRAPHS_WITH = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?x a <%s> } }"
_CHUNK = 1000  # documents a seeded form reads at a time
_MEETINGS = 5000  # meetings a seeded form reads at a time in a document that has more


def _solutions(store: ox.Store, text: str, subs: dict, chunked: bool, within: str | None = None):
    """The query's variables, then its solutions. ``chunked`` (a seeded form, ordered by ``?doc``
    first, whose meetings are read per graph): run for 1,000 documents' graphs at a time, in the
    order of their ids, which gives the same solutions in the same order with a fraction of the
    memory (the ordering and grouping of a whole build's rows held 0.7 GB on 10,000 documents);
    a document with more than 5,000 meetings (a dense table) alone, 5,000 of its meetings at a
    time (see :func:`_by_meetings`). Where a document's facts are in several graphs, or a graph
    holds several documents' (a curation's), the query runs whole. A query whose rows come from nodes
    of the class ``within`` (see ROWS_FROM) runs over the graphs that have one."""
    from .query import _WHERE

    graphs: dict[str, set[str]] = {}
    docs: dict[str, set[str]] = {}
    meetings: dict[str, int] = {}
    if chunked:
        for sol in store.query(_GRAPH_DOCS, use_default_graph_as_union=True):
            g, doc = sol["g"], sol["doc"].value
            graphs.setdefault(doc, set()).add(str(g))
            docs.setdefault(str(g), set()).add(doc)
        meetings = {str(sol["g"]): int(sol["n"].value) for sol in store.query(_GRAPH_MEETINGS, use_default_graph_as_union=True)}
    where = _WHERE.search(text)
    if not chunked or where is None or any(len(v) > 1 for v in (*graphs.values(), *docs.values())):
        if within is not None and where is not None:
            having = sorted(str(sol["g"]) for sol in store.query(_GRAPHS_WITH % within, use_default_graph_as_union=True))
            text = f"{text[: where.end()]}\n  VALUES ?g {{ {' '.join(having)} }}\n{text[where.end():]}"
        res = store.query(text, substitutions=subs, use_default_graph_as_union=True)
        yield res.variables
        yield from res
        return
    block = _selection(text)
    order = [next(iter(graphs[d])) for d in sorted(graphs)]
    first = True
    for part in _parts(order, meetings if block is not None else {}):
        if isinstance(part, list):
            # (The graphs' IRIs are kg's own, written as N-Triples terms by pyoxigraph.)
            values = " ".join(part)
            results = [store.query(f"{text[: where.end()]}\n  VALUES ?g {{ {values} }}\n{text[where.end():]}",
                                   substitutions=subs, use_default_graph_as_union=True)]
        else:
            results = _by_meetings(store, text, block, part, subs)
        for res in results:
            if first:
                yield res.variables
                first = False
            yield from res


def _parts(order: list[str], meetings: dict[str, int]):
    """The graphs in ``order`` as the seeded form reads them: lists of up to 1,000 graphs, and each
    graph of more than 5,000 meetings alone (its IRI); at least one list."""
    run: list[str] = []
    ran = False
    for g in order:
        if meetings.get(g, 0) > _MEETINGS:
            if run:
                yield run
                ran, run = True, []
            yield g
            ran = True
        else:
            run.append(g)
            if len(run) >= _CHUNK:
                yield run
                ran, run = True, []
    if run or not ran:
        yield run


def _selection(text: str) -> tuple[int, int] | None:
    """Where the seeded form's selection of meetings is (its ``{ SELECT DISTINCT ?m ?g … }``
    group, from the parameters given): its start and end in ``text``, or None."""
    m = re.search(r"\{\s*SELECT\s+DISTINCT\s+\?m\s+\?g\b", text)
    if m is None:
        return None
    end = _group_end(text, m.start())
    return None if end is None else (m.start(), end)


def _group_end(text: str, start: int) -> int | None:
    """The end of the ``{ … }`` group opening at ``start``, past IRIs, strings and comments.
    (Written by hand: no SPARQL parser at hand gives the places of a query's parts.)"""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c == "#":
            i = text.find("\n", i)
            if i < 0:
                return None
        elif c in "\"'<":
            close = ">" if c == "<" else c
            j = text.find(close, i + 1)
            while c != "<" and j > 0 and text[j - 1] == "\\":
                j = text.find(close, j + 1)
            if c == "<" and (j < 0 or " " in text[i:j]):  # (a less-than, not an IRI)
                j = i
            elif j < 0:
                return None
            i = j
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _by_meetings(store: ox.Store, text: str, block: tuple[int, int], graph: str, subs: dict):
    """The seeded form's results for one graph of many meetings (a dense table), 5,000 meetings at a
    time: each run reads the meetings named in place of its selection of them (no parameter
    given, that selection is every meeting). The meetings go in the order the query sorts them
    (the graph is one document's: by ?date, then ?line), and a run ends only between meetings
    of different date or line: its rows come after the last run's, and a row (grouped by
    them) is never split across runs. Oxigraph holds a run's rows, not the document's."""
    batch: list[str] = []
    key = None
    for sol in store.query(_MEETING_ORDER % graph, use_default_graph_as_union=True):
        k = (sol["date"], sol["line"])
        if len(batch) >= _MEETINGS and k != key:
            yield _meeting_run(store, text, block, graph, batch, subs)
            batch = []
        if not batch or batch[-1] != str(sol["m"]):
            batch.append(str(sol["m"]))
        key = k
    if batch:
        yield _meeting_run(store, text, block, graph, batch, subs)


def _meeting_run(store: ox.Store, text: str, block: tuple[int, int], graph: str, batch: list[str], subs: dict):
    values = f"{{ VALUES ?g {{ {graph} }} VALUES ?m {{ {' '.join(batch)} }} }}"
    return store.query(text[: block[0]] + values + text[block[1]:], substitutions=subs, use_default_graph_as_union=True)


def _q(column: str) -> str:
    """A column's name quoted for SQL (the names are the query's variables: letters and digits)."""
    return '"' + column.replace('"', '""') + '"'


def answer(q, graph_dir: str | Path, params: Mapping[str, str], limit: int | None, terms: bool):
    """The rows of the named query ``q`` with ``params`` (one value each) from the build's tables, as
    :func:`kg.query.run_query` gives them; None where no table answers (no tables file, a query not
    tabled, a table made from another text of the query)."""
    from .query import QueryResult

    query_file, filters = tabled_paths().get(q.name, (None, None))
    if query_file is None or Path(q.path) != query_file or any(k not in filters for k in params):
        return None
    path = tables_path(graph_dir)
    if not path.is_file():
        return None
    # (A generation is never written once it is shown: read-only, immutable, no locks taken.)
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        made = db.execute("SELECT sha, columns FROM tabled WHERE name = ?", (q.name,)).fetchone()
        if made is None or made[0] != _sha(_made_from(q)):
            return None
        cols = made[1].split("\t")
        table = _table(q.name)
        where, args = _where(table, filters, params)
        sql = f"SELECT {', '.join(_q(c) for c in cols)}, \"_kinds\" FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY pos"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        out = QueryResult(cols, [], [])
        for row in db.execute(sql, args):
            values = row[:-1]
            out.rows.append({c: v or "" for c, v in zip(cols, values)})
            if terms:
                out.raw.append(tuple(_term(v, k) for v, k in zip(values, row[-1].split("\t"))))
        return out
    except sqlite3.DatabaseError:  # an unreadable or partial tables file: the SPARQL answers
        return None
    finally:
        db.close()


def _where(table: str, filters: dict[str, tuple[str, str]], params: Mapping[str, str]) -> tuple[list[str], list]:
    """The SQL conditions (parameters bound, never pasted) that select the rows ``params`` ask for."""
    where: list[str] = []
    args: list = []
    for name, value in params.items():
        how, col = filters[name]
        c = _q(col)
        if how == "equal":
            where.append(f"{c} = ?")
            args.append(value)
        elif how == "from":
            where.append(f"{c} IS NOT NULL AND {c} >= ?")
            args.append(value)
        elif how == "to":
            where.append(f"{c} IS NOT NULL AND substr({c}, 1, length(?)) <= ?")
            args += [value, value]
        elif how == "labelled":
            where.append(f"{c} IN (SELECT iri FROM labels WHERE label = ?)")
            args.append(value)
        elif how == "place":
            forms = [value] + [value + end for end in PLACE_ENDS] + [value[: -len(end)] for end in PLACE_ENDS
                                                                    if value.endswith(end) and len(value) > len(end)]
            where.append(f"{c} IN (SELECT iri FROM labels WHERE label IN ({', '.join('?' for _ in forms)}))")
            args += forms
        elif how == "keyed":
            where.append(f"pos IN (SELECT pos FROM {table}_keys WHERE col = ? AND iri IN (SELECT iri FROM labels WHERE label = ?))")
            args += [col, value]
        else:  # pragma: no cover (FILTERS is this module's own data)
            raise ValueError(f"unknown filter {how!r}")
    return where, args
