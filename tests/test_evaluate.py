"""kg eval: scoring rules on hand-made units, gold errors, and the figures on the seeds."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import GoldError
from kg.evaluate import Unit, alternatives, date_agrees, evaluate, gold_meetings, score

from .conftest import GOLD

# The figures issue 3 asks for; a drop below them fails here.
THRESHOLDS = {"meetings": (0.97, 0.95), "partners": (0.95, 0.90), "entities": (0.90, 0.90)}


def test_date_agrees_to_the_gold_precision():
    assert date_agrees("2020-07", "2020-07-21")
    assert date_agrees("2024", "2024")
    assert not date_agrees("2020-07-21", "2020-07")
    assert date_agrees("2020-11-19/2020-11-20", "2020-11-19/2020-11-20")
    assert not date_agrees("2020-11-19/2020-11-20", "2020-11-19")
    assert not date_agrees("2020-12-07", "2020-12-08")


def test_names_ignore_spaces_and_middle_dots():
    assert alternatives("布莱恩·罗伯兹|罗伯兹") & alternatives("布莱恩 罗伯兹")
    assert not alternatives("殷勇") & alternatives("殷 兵")


def _u(doc, a, b, date=""):
    return Unit("meetings", doc, (frozenset({a}), frozenset({b})), date=date, label=f"{a}-{b}")


def test_each_gold_unit_is_matched_once():
    gold = [_u("d", "甲", "乙", "2020"), _u("d", "甲", "乙", "2020")]
    pred = [_u("d", "甲", "乙", "2020-01-02")]
    s = score("meetings", gold, pred)
    assert (s.correct, s.precision, s.recall) == (1, 1.0, 0.5)
    s = score("meetings", gold[:1], pred * 2)
    assert (s.correct, s.precision, s.recall) == (1, 0.5, 1.0)
    assert len(s.wrong) == 1


def test_documents_the_gold_does_not_cover_are_not_scored():
    s = score("meetings", [_u("d", "甲", "乙")], [_u("d", "甲", "乙"), _u("other", "丙", "丁")])
    assert s.predicted == 1 and s.precision == 1.0


def test_gold_errors_name_the_file_and_problem(tmp_path):
    with pytest.raises(GoldError, match="not a directory"):
        evaluate(tmp_path / "nowhere", tmp_path / "nope")
    (tmp_path / "meetings.tsv").write_text("doc\tdate\thome\n", encoding="utf-8")
    with pytest.raises(GoldError, match="lacks column"):
        gold_meetings(tmp_path / "meetings.tsv")


def test_gold_meeting_rows_become_pairs():
    units = gold_meetings(GOLD / "meetings.tsv")
    # 表3 line 102: three home leaders × one counterpart.
    assert len([u for u in units if u.line == 102]) == 3
    # 2024 line 20: no named person on either side → (北京市, each city).
    assert len([u for u in units if u.line == 20 and u.doc.startswith("beijing-fao")]) == 6


@pytest.fixture(scope="module")
def seed_scores(seed_build):
    out, _ = seed_build
    return evaluate(out, GOLD)


@pytest.mark.parametrize("task", ["meetings", "partners", "entities"])
def test_seed_figures_meet_the_thresholds(seed_scores, task):
    s = seed_scores[task]
    p, r = THRESHOLDS[task]
    assert s.precision >= p and s.recall >= r, seed_scores.table(verbose=True)


def test_kg_eval_prints_the_table_and_lists_misses(seed_build):
    out, _ = seed_build
    res = CliRunner().invoke(main, ["eval", "--graph", str(out), "--gold", str(GOLD), "--verbose"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0].split() == ["task", "gold", "pred", "right", "P", "R", "F1"]
    assert "entities: missed" in res.output
    res = CliRunner().invoke(main, ["eval", "--graph", str(out), "--gold", str(GOLD), "--format", "json"])
    data = json.loads(res.output)
    assert set(data) == {"meetings", "partners", "entities"}
    assert data["partners"]["gold"] == 47


def test_kg_eval_bad_gold_exits_5(seed_build, tmp_path):
    out, _ = seed_build
    res = CliRunner().invoke(main, ["eval", "--graph", str(out), "--gold", str(tmp_path)])
    assert res.exit_code == 5
    assert "E030" in res.output
