"""The JSON API answers with the rows of ``kg query --format json``."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg import run_query
from kg.cli import main
from kg.query import list_queries


@pytest.mark.parametrize("name, params", [
    ("who-met-whom", {"person": "殷勇"}),
    ("who-met-whom", {"mode": "video", "from": "2020-06"}),
    ("city-partners", {"relation": "sister_city"}),
    ("entities", {"type": "Company"}),
])
def test_rows_are_kg_querys(client, seed_build, name, params):
    out, _ = seed_build
    cli = CliRunner().invoke(main, ["query", name, "--graph", str(out), "--format", "json",
                                    *[a for k, v in params.items() for a in ("--param", f"{k}={v}")]])
    assert cli.exit_code == 0, cli.output
    r = client.get(f"/api/query/{name}", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.json() == json.loads(cli.output)
    csv = client.get(f"/api/query/{name}", params={**params, "format": "csv"})
    assert csv.text == run_query(name, out, params).format("csv")
    assert "attachment" in csv.headers["content-disposition"]
    srj = client.get(f"/api/query/{name}", params={**params, "format": "sparql-json"}).json()
    assert len(srj["results"]["bindings"]) == len(r.json())


def test_a_parameter_repeated_matches_either(client, seed_build):
    out, _ = seed_build
    r = client.get("/api/query/who-met-whom?mode=video&mode=letter")
    assert r.json() == run_query("who-met-whom", out, {"mode": ["video", "letter"]}).rows


def test_errors_are_json(client):
    r = client.get("/api/query/who-met-whom", params={"mode": "fax"})
    assert r.status_code == 400 and "in_person, video, letter" in r.json()["error"]
    r = client.get("/api/query/who-met-whom", params={"nobody": "x"})
    assert r.status_code == 400 and "nobody" in r.json()["error"]
    assert client.get("/api/query/nothing-here").status_code == 404
    assert client.get("/api/query/who-met-whom", params={"format": "xls"}).status_code == 400


def test_names(client):
    found = client.get("/api/names", params={"q": "康林", "type": "Person"}).json()
    assert found[0]["name"] == "康林松" and found[0]["url"] == "/entity/person/kang-linsong"
    assert all(n["type"] == "Person" for n in found)
    assert client.get("/api/names", params={"q": ""}).json() == []


def test_openapi_describes_every_named_query(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for q in list_queries():
        op = spec["paths"][f"/api/query/{q.name}"]["get"]
        assert {p["name"] for p in op["parameters"]} == set(q.params) | {"format"}
    mode = next(p for p in spec["paths"]["/api/query/who-met-whom"]["get"]["parameters"] if p["name"] == "mode")
    assert mode["schema"]["enum"] == ["in_person", "video", "letter"]
    page = client.get("/api").text
    assert all(f"/api/query/{q.name}" in page for q in list_queries())
