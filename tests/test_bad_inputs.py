"""A corpus of bad inputs builds without a crash: each bad file is named with its reason, every good fact is there."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import build
from kg.cli import main
from kg.query import run_query

from .bad_inputs import HOSTILE_COMPANY, SKIPPED, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = write_corpus(tmp_path_factory.mktemp("bad-inputs"))
    out = tmp_path_factory.mktemp("bad-build")
    return root, out, build([root], out)


def test_each_bad_file_is_named_with_its_reason(corpus):
    root, _, result = corpus
    reasons = {Path(s.path).relative_to(root).as_posix(): s.reason for s in result.skipped}
    assert set(reasons) == set(SKIPPED)
    for name, word in SKIPPED.items():
        assert word in reasons[name] and str(root / name) in reasons[name], reasons[name]
    summary = result.summary()
    assert f"{len(SKIPPED)} skipped" in summary and all(f"skipped {root / n}" in summary for n in SKIPPED)


def test_good_facts_in_every_encoding_and_the_page_are_all_there(corpus):
    _, out, result = corpus
    assert sorted(result.documents) == sorted(["big5", "bom", "gbk", "good", "hostile", "page", "ragged", "utf16", 'odd name <1> "x" #2%'])
    rows = run_query("who-met-whom", out).rows
    met = {(r["doc"], r["date"], r["counterpartName"]) for r in rows}
    assert {
        ("good", "2021-03-01", "博乐仁"),          # UTF-8
        ("gbk", "2021-04-02", "潘彦磊"),           # GBK
        ("big5", "2021-05-06", "康林松"),          # Big5, traditional
        ("utf16", "2021-06-08", "丰田章男"),       # UTF-16 with a mark
        ("bom", "2021-07-09", "玛丽·博拉"),        # UTF-8 with a mark, in a sub-folder
        ("page", "2021-08-10", "金基南"),          # an HTML page in GBK
        ("ragged", "2021-04-01", "让·杜邦"),       # a table with ragged rows
        ("ragged", "2021-04-03", "马里奥·罗西"),
        ('odd name <1> "x" #2%', "2021-11-03", "戴禄"),  # its IRIs percent-encode the name
    } <= met
    big5 = [r for r in rows if r["doc"] == "big5"]
    # Read as simplified (陈吉宁 is the entity), quoted as written (市長陳吉寧).
    assert big5[0]["personName"] == "陈吉宁" and "市長陳吉寧會見德國" in big5[0]["quote"]


def test_html_page_keeps_its_article_title_and_date_not_its_boilerplate(corpus):
    _, out, _ = corpus
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert "深圳市领导会见韩国客人" in trig and '"2021-08-11"^^xsd:date' in trig
    quotes = " ".join(r["quote"] for r in run_query("evidence", out, {"doc": "page"}).rows)
    assert "金基南" in quotes
    for boilerplate in ("栏目3", "当前位置", "版权所有", "网站地图", "热点新闻", "假公司"):
        assert boilerplate not in quotes


def test_hostile_names_stay_data(corpus):
    _, out, _ = corpus
    names = {r["name"] for r in run_query("entities", out, {"doc": "hostile"}).rows}
    assert any("SELECT" in n for n in names)  # stored as a literal, not run
    for value in (HOSTILE_COMPANY, '"} ; DROP ALL ; SELECT * {', "<script>alert(1)</script>"):
        assert run_query("who-met-whom", out, {"counterpart": value, "organization": value}).rows == []
    assert len(run_query("who-met-whom", out).rows) >= 8  # nothing was dropped
    for view in (out / "views").glob("*.html"):
        assert "<script>alert(1)</script>" not in view.read_text(encoding="utf-8")


def test_cli_exits_with_its_own_status_when_files_were_skipped(corpus, tmp_path):
    root, _, _ = corpus
    res = CliRunner().invoke(main, ["build", str(root), "--out", str(tmp_path / "out"), "--no-store"])
    assert res.exit_code == 8, res.output
    for name in SKIPPED:
        assert f"skipped {root / name}" in res.output
    assert (tmp_path / "out" / "graph.ttl").is_file()
    # With nothing skipped the same build exits 0.
    res = CliRunner().invoke(main, ["build", str(root / "good.txt"), "--out", str(tmp_path / "out2"), "--no-store"])
    assert res.exit_code == 0, res.output
