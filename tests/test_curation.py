"""The curation file: merges, aliases, fixes, retractions and added facts, applied by the build."""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest

from click.testing import CliRunner

from kg import build
from kg.cli import main
from kg.curation import load
from kg.errors import CurationError
from kg.query import run_query

from .conftest import SEEDS

FAO = "beijing-fao-2024-h1-progress"
YEARBOOK = "beijing-yearbook-2020-foreign-affairs"

CURATION = f"""\
# Corrections an analyst keeps beside the seeds.

[[merge]]
into = "北京—莫斯科结好25周年纪念活动"
from = ["两市结好25周年系列纪念活动"]
note = "one anniversary, written two ways"

[[alias]]
entity = "殷勇"
names = ["殷市长"]

[[fix]]
entity = "洛伦索"
label = "若昂·洛伦索"
english = "João Lourenço"
wikidata = "Q2602437"

[[fix]]
entity = "北京奔驰"
new_type = "Organization"

[[retract]]
fact = "meeting"
doc = "{FAO}"
line = 20
counterpart = "旧金山"
reason = "the city's leader was not received in this period"

[[add]]
fact = "meeting"
date = 2024-03-05
home = ["殷勇"]
counterpart = [{{name = "康林松", type = "Person", title = "董事长", organization = "戴姆勒"}}]
country = "德国"
source = "北京日报 2024-03-06 第2版: 殷勇会见康林松"
"""


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    d = tmp_path_factory.mktemp("curated")
    path = d / "corrections.toml"
    path.write_text(CURATION, encoding="utf-8")
    out = d / "build"
    result = build([SEEDS], out, curation=path)
    return out, result


def _pairs(rows, relabel=None):
    relabel = relabel or {}
    return Counter((r["doc"], r["line"], r["date"], r["personName"], relabel.get(r["counterpartName"], r["counterpartName"])) for r in rows)


def test_meetings_reflect_retraction_and_addition(curated, seed_build):
    out, result = curated
    before = run_query("who-met-whom", seed_build[0]).rows
    after = run_query("who-met-whom", out).rows
    retracted = [r for r in before if r["doc"] == FAO and r["line"] == "20" and r["counterpartName"] == "旧金山"]
    added = [r for r in after if r["doc"] == "corrections"]
    assert len(retracted) == 1
    assert [(r["date"], r["personName"], r["counterpartName"], r["organizationName"], r["countryName"], r["quote"]) for r in added] == [
        ("2024-03-05", "殷勇", "康林松", "戴姆勒股份公司", "德国", "北京日报 2024-03-06 第2版: 殷勇会见康林松")
    ]
    # Everything else is as the extractor read it.
    assert _pairs(after) == _pairs(before, {"洛伦索": "若昂·洛伦索"}) - _pairs(retracted) + _pairs(added)
    # The other counterparts of the retracted sentence stay.
    assert any(r["line"] == "20" and r["counterpartName"] == "明斯克" for r in after if r["doc"] == FAO)
    assert result.curation == {"merge": 1, "alias": 1, "fix": 2, "retract": 1, "add": 1, "facts retracted": 1}


def test_added_fact_is_marked_curated_in_provenance(curated):
    out, _ = curated
    row = run_query("who-met-whom", out, {"counterpart": "康林松"}).rows
    added = [r for r in row if r["doc"] == "corrections"]
    assert len(added) == 1 and added[0]["line"] == str(CURATION.splitlines().index("[[add]]") + 1)
    ev = run_query("evidence", out, {"doc": "corrections"}).rows
    meeting = [r for r in ev if r["factType"] == "Meeting"]
    assert len(meeting) == 1 and meeting[0]["curated"] == "true" and meeting[0]["quote"].startswith("北京日报")
    # Facts read by the extractor are not curated.
    assert {r["curated"] for r in run_query("evidence", out, {"doc": YEARBOOK}).rows} == {"false"}


def test_merged_entities_are_one(curated, seed_build):
    out, _ = curated
    names = ("北京—莫斯科结好25周年纪念活动", "两市结好25周年系列纪念活动")
    before = {r["entity"] for r in run_query("entities", seed_build[0], {"type": "Event"}).rows if r["name"] in names}
    after = {r["entity"] for r in run_query("entities", out, {"type": "Event"}).rows if r["name"] in names}
    assert len(before) == 2 and len(after) == 1
    (kept,) = after
    assert kept in before
    # Both names find it; the merged-away IRI is gone from the graph.
    for name in names:
        assert {r["entity"] for r in run_query("entity", out, {"name": name}).rows} == {kept}
    gone = (before - after).pop()
    assert gone not in (out / "graph.ttl").read_text(encoding="utf-8")


def test_alias_and_fixes(curated):
    out, _ = curated
    assert {r["entity"] for r in run_query("entity", out, {"name": "殷市长"}).rows} == {"https://kg.example.org/id/person/yin-yong"}
    rows = run_query("entity", out, {"name": "洛伦索"}).rows  # the old name is an alias now
    assert rows and {r["entity"] for r in rows} == {"https://kg.example.org/id/person/joao-lourenco"}
    people = run_query("entities", out, {"type": "Person"}).rows
    assert [(r["name"], r["englishName"]) for r in people if r["entity"].endswith("joao-lourenco")] == [("若昂·洛伦索", "João Lourenço")]
    # who-met-whom shows the fixed label, not the name as the extractor read it.
    assert {r["counterpartName"] for r in run_query("who-met-whom", out).rows if r["counterpart"].endswith("joao-lourenco")} == {"若昂·洛伦索"}
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "wd:Q2602437" in ttl
    types = {r["type"] for r in run_query("entities", out).rows if r["name"] == "北京奔驰"}
    assert types == {"Organization"}


def test_corrections_are_recorded_with_their_table(curated):
    out, _ = curated
    store = ox.Store.read_only(str(out / "store"))
    q = """PREFIX kg: <https://kg.example.org/ns#> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?action ?line ?quote ?retractedQuote WHERE { GRAPH ?g {
      ?c a kg:Correction ; kg:action ?action ; prov:wasDerivedFrom ?ev .
      ?ev kg:line ?line ; kg:quote ?quote ; kg:curated true .
      OPTIONAL { ?c kg:retracts ?r . ?r kg:quote ?retractedQuote } } } ORDER BY ?line"""
    rows = [{k: (r[k].value if r[k] is not None else None) for k in ("action", "line", "quote", "retractedQuote")} for r in store.query(q)]
    assert [r["action"] for r in rows] == ["merge", "alias", "fix", "fix", "retract", "add"]
    retract = rows[4]
    assert retract["quote"].startswith("[[retract]]") and "旧金山" in retract["quote"]
    assert "旧金山" in retract["retractedQuote"] and "市主要领导会见" in retract["retractedQuote"]


def test_curated_build_is_deterministic(curated, tmp_path):
    out, _ = curated
    again = tmp_path / "again"
    build([SEEDS], again, curation=curated[0].parent / "corrections.toml", store=False)
    assert (again / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    assert (again / "graph.trig").read_bytes() == (out / "graph.trig").read_bytes()


BAD = f"""\
[[merge]]
into = "北京—莫斯科结好25周年纪念活动"
from = ["陈吉"]

[[retract]]
fact = "meeting"
doc = "{FAO}"
person = "蔡奇"
reason = "nothing like it"

[[add]]
fact = "meeting"
date = 2024-03-05
home = ["殷勇"]
counterpart = ["某某人"]
source = "note"
"""


def test_unknown_entities_and_unmatched_retraction_are_errors(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(CurationError) as err:
        build([SEEDS], tmp_path / "out", curation=path)
    msg = str(err.value)
    assert "E050" in msg and str(path) in msg
    assert "[[merge]] at line 1: 'from' unknown entity '陈吉'" in msg and "did you mean 陈吉宁" in msg
    assert "[[retract]] at line 5: matches no meeting" in msg
    assert "[[add]] at line 11: 'counterpart' unknown entity '某某人'" in msg and 'give {name = "…", type = "…"}' in msg
    # No outputs written; only the extracted facts are kept (in the cache), so a retry does not extract again.
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".kg-build.lock") == [".cache"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('[[add]]\nfact = "partner"\nhome = "北京"\npartner = "巴黎"\nrelation = "sister_city"\ndate = "2024-02-30"\nsource = "n"\n',
         "'date': '2024-02-30' is not a date"),
        ('[[add]]\nfact = "meeting"\ndate = "last spring"\nhome = "北京"\ncounterpart = "巴黎"\nsource = "n"\n',
         "'date': must be an ISO date"),
        ('[[add]]\nfact = "partner"\nhome = "北京"\npartner = "巴黎"\nrelation = "twins"\nsource = "n"\n', "'relation' must be one of"),
        ('[[add]]\nfact = "meeting"\ndate = 2024\nhome = "北京"\ncounterpart = "巴黎"\n', "'source' is required"),
        ('[[fix]]\nentity = "洛伦索"\ncolour = "red"\n', "unknown field 'colour'"),
        ('[[fix]]\nentity = "洛伦索"\nnew_type = "Planet"\n', "'new_type' must be one of"),
        ('[[retract]]\nfact = "rumour"\nreason = "x"\n', "'fact' must be one of"),
        ('[[rename]]\nentity = "x"\n', "unknown section 'rename'"),
        ('[[merge\ninto = 1', "not valid TOML"),
        # Values are checked for what they become: an IRI, an xsd:gYear (issue 19, item 8).
        ('[[fix]]\nentity = "洛伦索"\nwikidata = "Q1\\n"\n', "'wikidata' must be an id like Q956"),
        ('[[fix]]\nentity = "洛伦索"\nwikidata = "Q١٢"\n', "'wikidata' must be an id like Q956"),
        ('[[add]]\nfact = "partner"\nhome = "北京"\npartner = "巴黎"\nrelation = "sister_city"\nsince = "٢٠٢٠"\nsource = "n"\n',
         "'since': must be a year"),
        ('[[add]]\nfact = "meeting"\ndate = "２０２４-０１"\nhome = "北京"\ncounterpart = "巴黎"\nsource = "n"\n',
         "'date': must be an ISO date"),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deep"),
    ],
)
def test_file_is_checked_before_anything_is_read(tmp_path, text, expected):
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError) as err:
        load(path)
    assert expected in str(err.value)


def test_cli_reports_curation_errors_with_their_own_exit_code(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--curation", str(path)])
    assert res.exit_code == 7, res.output
    assert "unknown entity '陈吉'" in res.output and not (tmp_path / "out" / "graph.ttl").exists()


def test_curation_id_must_not_shadow_a_document(tmp_path):
    path = tmp_path / f"{FAO}.toml"
    path.write_text('[[alias]]\nentity = "殷勇"\nnames = ["殷市长"]\n', encoding="utf-8")
    with pytest.raises(CurationError, match="also a document's"):
        build([SEEDS], tmp_path / "out", curation=path)
