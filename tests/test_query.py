import pytest

from kg import run_query
from kg.errors import ParameterError, QueryError, UnknownQuery
from kg.query import list_queries, load_query


def test_named_queries_have_headers():
    qs = {q.name: q for q in list_queries()}
    assert {"who-met-whom", "entities"} <= set(qs)
    for q in qs.values():
        assert q.summary and q.description and q.example
        assert all(d for d in q.params.values())


def test_filter_by_counterpart(seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out, {"counterpart": "康林松"}).rows
    assert {(r["personName"], r["date"]) for r in rows} == {
        ("陈吉宁", "2020-01-22"), ("殷勇", "2020-01-22"), ("蔡奇", "2020-05-09"), ("殷勇", "2020-05-09"), ("崔述强", "2020-05-09")
    }


def test_filters_by_country_mode_and_date(seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out, {"country": "德国", "mode": "video", "from": "2020-05", "to": "2020-05"}).rows
    assert {r["counterpartName"] for r in rows} == {"康林松"}


def test_injected_parameter_values_are_inert(seed_build):
    out, _ = seed_build
    everything = run_query("who-met-whom", out).rows
    for evil in ['康林松" ) } UNION { ?s ?p ?o } #', "x' || true || '", "}}}", '") || true || ("']:
        assert run_query("who-met-whom", out, {"counterpart": evil}).rows == []
    assert len(run_query("who-met-whom", out).rows) == len(everything)


def test_unknown_parameter_and_query(seed_build, tmp_path):
    out, _ = seed_build
    with pytest.raises(ParameterError, match="unknown parameter 'who'"):
        run_query("who-met-whom", out, {"who": "x"})
    with pytest.raises(UnknownQuery):
        load_query("no-such-query")
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(QueryError, match="bad.rq"):
        load_query(bad)


def test_entities_by_type(seed_build):
    out, _ = seed_build
    rows = run_query("entities", out, {"type": "Country", "doc": "beijing-fao-2024-h1-progress"}).rows
    names = {r["name"] for r in rows}
    assert {"安哥拉", "西班牙", "乌兹别克斯坦"} <= names
    assert all(r["type"] == "Country" for r in rows)
