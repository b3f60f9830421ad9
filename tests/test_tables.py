"""The build's query tables (kg.tables) give the rows the SPARQL gives, parameter by parameter."""
import shutil
import sqlite3
from pathlib import Path

import pytest

from kg import run_query
from kg.build import build
from kg.query import open_store
from kg.tables import FILTERS, tables_path

GROUPED = ("organizationName", "countryName")  # GROUP_CONCATs: their order is the engine's plan's


def _norm(rows):
    return [{k: ";".join(sorted(v.split(";"))) if k in GROUPED else v for k, v in r.items()} for r in rows]


def _values(build_dir: Path, name: str) -> list[dict[str, str]]:
    """Parameter sets to try: every value each parameter can take in the build, and aliases of names."""
    rows = run_query(name, open_store(Path(build_dir) / "store"), terms=False).rows
    db = sqlite3.connect(tables_path(build_dir))
    labels = db.execute("SELECT label, iri FROM labels").fetchall()
    db.close()
    out = []
    for param, (how, col) in FILTERS[name].items():
        if how == "equal":
            vals = {r[col] for r in rows}
        elif how in ("from", "to"):
            vals = {r[col][:n] for r in rows for n in (4, 7, 10) if r[col]}
        elif how == "keyed":
            shown = {v for r in rows for v in r["organizationName" if "Organization" in col else "countryName"].split(";") if v}
            iris = {i for label, i in labels if label in shown}
            vals = {label for label, i in labels if i in iris}
        else:  # labelled, place: every label of the column's entities (and a place without 市/省)
            iris = {r[col] for r in rows if r[col]}
            vals = {label for label, i in labels if i in iris}
            if how == "place":
                vals |= {v[:-1] for v in vals if v.endswith(("市", "省"))}
        out += [{param: v} for v in sorted(vals) if v]
    return out


def _same(build_dir: Path, name: str, params: dict) -> bool:
    tabled = run_query(name, build_dir, params, terms=True)  # a build folder: its table answers
    sparql = run_query(name, open_store(Path(build_dir) / "store"), params, terms=True)  # an open store: SPARQL
    strip = lambda terms: [{k: v for k, v in r.items() if k not in GROUPED} for r in terms]  # noqa: E731
    return (tabled.columns == sparql.columns and _norm(tabled.rows) == _norm(sparql.rows)
            and strip(tabled.rdf_terms()) == strip(sparql.rdf_terms()))


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_table_rows_are_the_sparql_rows_for_every_parameter(seed_build, name):
    out, _ = seed_build
    sets = _values(out, name)
    assert len(sets) > 20
    bad = [p for p in sets if not _same(out, name, p)]
    assert not bad, bad[:5]


def test_table_rows_for_parameters_together_and_lists(seed_build):
    out, _ = seed_build
    for name, params in [("who-met-whom", {"country": "德国", "mode": "video", "from": "2020-05", "to": "2020-05"}),
                         ("who-met-whom", {"country": ["德国", "美国"], "person": "殷勇"}),
                         ("who-met-whom", {"home": "北京", "to": "2020-06"}),
                         ("city-partners", {"relation": "sister_city", "country": "Russia"}),
                         ("who-met-whom", {"person": "no such person"})]:
        assert _same(out, name, params), params


def test_the_table_answers_and_a_stale_or_missing_one_does_not(seed_build, tmp_path):
    out, _ = seed_build
    # The table answers: emptied, it gives no rows where the SPARQL gives some.
    copy = tmp_path / "b"
    shutil.copytree(out, copy, symlinks=True)
    path = tables_path(copy)
    if path.is_symlink() or not str(path).startswith(str(copy)):
        pytest.skip("the build's generation is outside the copy")
    db = sqlite3.connect(path)
    db.execute("DELETE FROM t_who_met_whom")
    db.commit()
    assert run_query("who-met-whom", copy, {"counterpart": "康林松"}).rows == []
    # A table made from another text of the query is not read: the SPARQL answers.
    db.execute("UPDATE tabled SET sha = 'other'")
    db.commit()
    db.close()
    assert len(run_query("who-met-whom", copy, {"counterpart": "康林松"}).rows) == 5
    path.unlink()
    assert len(run_query("who-met-whom", copy, {"counterpart": "康林松"}).rows) == 5


@pytest.mark.slow
def test_table_rows_are_the_sparql_rows_on_the_dev_corpus(tmp_path):
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "dev"
    out = tmp_path / "dev"
    build([corpus], out)
    for name in FILTERS:
        bad = [p for p in _values(out, name) if not _same(out, name, p)]
        assert not bad, bad[:5]


def _tables_rewritten(seed_build, tmp_path, monkeypatch, limit: str, value: int):
    """A copy of the seeds' build whose query tables are written again with ``kg.tables.<limit>``
    set to ``value`` (how many documents or meetings are read at a time)."""
    import kg.tables as tables

    out, _ = seed_build
    copy = tmp_path / "b"
    shutil.copytree(out, copy, symlinks=True)
    gen = tables_path(copy).parent
    if not str(gen).startswith(str(copy)):
        pytest.skip("the build's generation is outside the copy")
    monkeypatch.setattr(tables, limit, value)
    tables.write_tables(gen)
    return copy


def test_a_table_read_a_few_documents_at_a_time_has_the_same_rows(seed_build, tmp_path, monkeypatch):
    """The seeded form run over one document's graphs at a time gives the whole query's rows, in order."""
    copy = _tables_rewritten(seed_build, tmp_path, monkeypatch, "_CHUNK", 1)
    for params in ({}, {"country": "德国"}, {"person": "殷勇"}):
        assert _same(copy, "who-met-whom", params), params


def test_a_table_read_a_few_meetings_at_a_time_has_the_same_rows(seed_build, tmp_path, monkeypatch):
    """A document of many meetings (a dense table) is read by the seeded form a few meetings at a time, in
    its order and never splitting a row's group: the whole query's rows, in order."""
    copy = _tables_rewritten(seed_build, tmp_path, monkeypatch, "_MEETINGS", 2)
    for params in ({}, {"country": "德国"}, {"person": "殷勇"}):
        assert _same(copy, "who-met-whom", params), params
