"""Parameter values checked against what each query's header says of them (kg.params)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg import run_query
from kg.cli import main
from kg.errors import ParameterError
from kg.params import check_names, check_values, vocabulary
from kg.query import parse_params

DECLARED = {
    "mode": "in_person, video or letter (default: any)",
    "from": "earliest date, ISO, e.g. 2020-06 (default: none)",
    "min": "the fewest meetings, a whole number, e.g. 2 (default: 1)",
    "person": "home-side person's name, e.g. 陈吉宁 (default: any)",
    "entity": "the entity's IRI (default: any)",
}


def test_a_listed_vocabulary():
    assert vocabulary(DECLARED["mode"]) == ("in_person", "video", "letter")
    assert vocabulary(DECLARED["person"]) == ()


@pytest.mark.parametrize("name, value", [("mode", "offline"), ("from", "2020-13"), ("from", "last-year"),
                                         ("from", "2021-02-30"), ("min", "two"), ("min", "-1")])
def test_bad_values(name, value):
    with pytest.raises(ParameterError, match=name):
        check_values("q", DECLARED, {name: [value]})


@pytest.mark.parametrize("name, value", [("mode", "video"), ("from", "2020"), ("from", "2020-06"), ("from", "2020-02-29"), ("min", "3")])
def test_good_values(name, value):
    check_values("q", DECLARED, {name: [value]})


LABELS = [("殷勇", "殷勇"), ("Yin Yong", "殷勇"), ("北京", "北京市"), ("康林松", "康林松")]


def test_the_api_finds_no_rows_for_an_unknown_name_unless_asked_to_check(seed_build):
    out, _ = seed_build
    assert run_query("who-met-whom", out, {"person": "殷永"}).rows == []
    with pytest.raises(ParameterError, match="殷勇"):
        run_query("who-met-whom", out, {"person": "殷永"}, check_names=True)


def test_names_the_graph_holds_pass_and_others_get_the_nearest():
    check_names("q", DECLARED, {"person": ["殷勇", "北京"]}, LABELS)
    check_names("q", DECLARED, {"entity": ["https://example.org/x"]}, LABELS)  # an IRI is no name
    with pytest.raises(ParameterError, match="did you mean 殷勇"):
        check_names("q", DECLARED, {"person": ["殷永"]}, LABELS)
    with pytest.raises(ParameterError, match="did you mean 殷勇"):
        check_names("q", DECLARED, {"person": ["Yin Yong"]}, LABELS)
    with pytest.raises(ParameterError, match="kg query entities"):
        check_names("q", DECLARED, {"person": ["无名氏某某"]}, LABELS)


def test_a_repeated_parameter_means_either(seed_build):
    out, _ = seed_build
    assert parse_params(["country=德国", "country=美国", "mode=video"]) == {"country": ["德国", "美国"], "mode": "video"}
    both = run_query("who-met-whom", out, {"country": ["德国", "美国"]}).rows
    each = [run_query("who-met-whom", out, {"country": c}).rows for c in ("德国", "美国")]
    assert len(both) == len(each[0]) + len(each[1]) > 0
    assert all("德国" in r["countryName"] or "美国" in r["countryName"] for r in both)


@pytest.mark.parametrize("param", ["mode=offline", "from=2020-13", "person=殷永", "person=Yin Yong"])
def test_the_cli_says_what_is_wrong_and_exits_4(seed_build, param):
    out, _ = seed_build
    res = CliRunner().invoke(main, ["query", "who-met-whom", "--graph", str(out), "--param", param])
    assert res.exit_code == 4 and "[E022]" in res.output


def test_an_entity_view_of_no_one_fails_with_suggestions(seed_build, tmp_path):
    out, _ = seed_build
    res = CliRunner().invoke(main, ["view", "entity", "--graph", str(out), "--param", "name=殷永", "-o", str(tmp_path / "v.html")])
    assert res.exit_code == 4 and "殷勇" in res.output and not (tmp_path / "v.html").exists()


def test_companies_met_takes_a_minimum(seed_build):
    out, _ = seed_build
    rows = run_query("companies-met", out, {"min": "2"}).rows
    assert rows and all(int(r["meetings"]) >= 2 for r in rows)
    assert len(rows) < len(run_query("companies-met", out).rows)


def test_query_help_describes_the_query(seed_build):
    res = CliRunner().invoke(main, ["query", "who-met-whom", "--help"])
    assert res.exit_code == 0 and "Parameters" in res.output and "mode" in res.output and "in_person" in res.output
    assert "Usage" in CliRunner().invoke(main, ["query", "--help"]).output
