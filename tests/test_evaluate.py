"""kg eval: scoring rules on hand-made units, gold errors, and the figures on the seeds."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import GoldError
from kg.evaluate import Unit, alternatives, date_agrees, evaluate, gold_meetings, norm, score

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
    assert date_agrees("2022-10", "2022-10-11/2022-10-20")  # (10月中旬, within the gold's month)
    assert not date_agrees("2022-10", "2022-10-21/2022-11-02")


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


# --- script, --strict and --by-doc on hand-made gold and predictions ---------
#
# Two documents: "tw" is in traditional characters (so is its gold), "cn" in
# simplified. The predictions stand in for a build (``kg.evaluate.predicted`` is
# replaced), so that every figure below can be counted by hand.

T = "\t"
MEETINGS = "\n".join([
    T.join(["doc", "date", "home", "home_org", "counterparts", "counterpart_orgs", "country", "mode", "line"]),
    "# Conventions: a hand-made file.",
    T.join(["tw", "2019-08-17", "馬興瑞", "", "瑪格麗特·比茲利", "新南威爾士州", "澳大利亞", "in_person", "1"]),
    "# BORDERLINE: an attendee, paired with the guest.",
    T.join(["tw", "2019-08-17", "張虎", "", "瑪格麗特·比茲利", "", "澳大利亞", "in_person", "4"]),
    T.join(["cn", "2020-01", "章勇武", "", "林明皓", "", "新加坡", "in_person", "9"]),
]) + "\n"
PARTNERS = "\n".join([
    T.join(["doc", "home", "partner", "partner_country", "relation", "since", "date", "line"]),
    T.join(["tw", "廣東省|廣東", "新南威爾士州", "澳大利亞", "sister_city", "1979", "", "1"]),
    "# BORDERLINE: the two leaders meet at a banquet.",
    "# (a second comment line does not end the BORDERLINE one)",
    T.join(["tw", "廣東省|廣東", "新南威爾士州", "澳大利亞", "leader_meeting", "", "2019-08-17", "1"]),
    T.join(["cn", "重庆市|重庆", "新加坡", "新加坡", "cooperation", "", "", "3"]),
]) + "\n"
ENTITIES = "\n".join([
    T.join(["doc", "name", "type", "country", "note"]),
    T.join(["tw", "中國", "Country", "中國", ""]),
    T.join(["tw", "澳大利亞", "Country", "澳大利亞", ""]),
    T.join(["tw", "馬興瑞", "Person", "中國", ""]),
    "# BORDERLINE: a macro-region.",
    T.join(["tw", "華南地區", "Region", "中國", ""]),
    "# BORDERLINE: as above.",
    T.join(["tw", "東南亞", "Region", "", ""]),
    "# not BORDERLINE: the next row is an ordinary one",
    T.join(["tw", "廣州市|廣州", "City", "中國", ""]),
    T.join(["cn", "重庆市|重庆", "City", "中国", ""]),
    T.join(["cn", "新加坡", "Country", "新加坡", ""]),
]) + "\n"


def _p(task, doc, *names, kind="", date=""):
    # Names normalised as ``predicted`` normalises them.
    return Unit(task, doc, tuple(alternatives(n) for n in names), kind=kind, date=date, label=f"{doc} {'-'.join(names)}")


# The build, in simplified characters, as ``predicted`` returns it.
PREDICTED = {
    "meetings": [
        _p("meetings", "tw", "马兴瑞", "玛格丽特·比兹利", date="2019-08-17"),  # right (t2s)
        _p("meetings", "tw", "张虎", "玛格丽特 比兹利", date="2019-08-17"),  # matches the BORDERLINE row
        _p("meetings", "cn", "章勇武", "陈子勤", date="2020-01-09"),  # wrong
    ],
    "partners": [
        _p("partners", "tw", "广东", "新南威尔士州", kind="sister_city"),  # right
        _p("partners", "tw", "广东省", "新南威尔士州", kind="leader_meeting", date="2019-08-17"),  # BORDERLINE
        _p("partners", "tw", "广东省", "新南威尔士州", kind="leader_meeting", date="2019-08-17"),  # a second copy: wrong
    ],
    "entities": [
        _p("entities", "tw", "中国", kind="Country"),
        _p("entities", "tw", "澳大利亚", kind="Country"),
        _p("entities", "tw", "马兴瑞", kind="Person"),
        _p("entities", "tw", "华南地区", kind="Region"),  # BORDERLINE
        _p("entities", "tw", "澳洲", kind="Country"),  # wrong
        _p("entities", "cn", "重庆", kind="City"),
        _p("entities", "cn", "新加坡", kind="Country"),
        _p("entities", "cn", "陈子勤", kind="Person"),  # wrong
        _p("entities", "elsewhere", "北京", kind="City"),  # no gold for this document: not scored
    ],
}


@pytest.fixture
def hand_gold(tmp_path, monkeypatch):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name, text in (("meetings.tsv", MEETINGS), ("partners.tsv", PARTNERS), ("entities.tsv", ENTITIES)):
        (gold / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr("kg.evaluate.predicted", lambda graph: {k: list(v) for k, v in PREDICTED.items()})
    return gold


def _figures(s):
    return (s.gold, s.predicted, s.correct)


def test_names_are_compared_in_simplified_characters():
    assert norm("澳大利亞") == norm("澳大利亚") == "澳大利亚"
    assert norm("瑪格麗特·比茲利") == norm("玛格丽特 比兹利")
    assert alternatives("廣東省|廣東") & alternatives("广东")
    assert norm("Jean-Yves ROUX") == "Jean-YvesROUX"  # no CJK: not converted


def test_traditional_gold_matches_simplified_predictions(hand_gold, tmp_path):
    ev = evaluate(tmp_path, hand_gold)
    assert _figures(ev["meetings"]) == (3, 3, 2)
    assert _figures(ev["partners"]) == (3, 3, 2)
    assert _figures(ev["entities"]) == (8, 8, 6)
    assert [u.label for u in ev["entities"].wrong] == ["cn 陈子勤", "tw 澳洲"]
    assert not ev["entities"].ignored and ev["entities"].left_out == 0


def test_borderline_rows_are_read_one_per_comment(tmp_path):
    from kg.evaluate import _rows

    (tmp_path / "entities.tsv").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "partners.tsv").write_text(PARTNERS, encoding="utf-8")
    rows = [(r["name"], bl) for _, r, bl in _rows(tmp_path / "entities.tsv", ("doc", "name", "type"))]
    assert {n for n, bl in rows if bl} == {"華南地區", "東南亞"}
    rows = [(r["relation"], bl) for _, r, bl in _rows(tmp_path / "partners.tsv", ("doc", "relation"))]
    assert rows == [("sister_city", False), ("leader_meeting", True), ("cooperation", False)]


def test_strict_drops_borderline_rows_and_does_not_count_their_matches(hand_gold, tmp_path):
    ev = evaluate(tmp_path, hand_gold, strict=True)
    m, p, e = ev["meetings"], ev["partners"], ev["entities"]
    # The attendee row is left out; the prediction matching it is neither right nor wrong.
    assert _figures(m) == (2, 2, 1) and m.left_out == 1
    assert [u.label for u in m.ignored] == ["tw 张虎-玛格丽特 比兹利"]
    assert [u.label for u in m.wrong] == ["cn 章勇武-陈子勤"]
    assert (m.precision, m.recall) == (0.5, 0.5)
    # One copy of a BORDERLINE unit is not counted; a second copy is wrong, as without --strict.
    assert _figures(p) == (2, 2, 1) and len(p.ignored) == 1 and len(p.wrong) == 1
    # Two BORDERLINE entities left out, one of them predicted; the ordinary row after "# not BORDERLINE" stays.
    assert _figures(e) == (6, 7, 5) and e.left_out == 2
    assert [u.label for u in e.ignored] == ["tw 华南地区"]
    assert "tw 华南地区" not in {u.label for u in e.wrong}
    assert [u.label for u in e.missed] == ["tw City 廣州市|廣州"]


def test_strict_matches_kept_gold_first():
    """A BORDERLINE unit does not take the only prediction a kept unit could match."""
    kept = Unit("entities", "d", (frozenset({"甲", "乙"}),), kind="City", label="kept")
    border = Unit("entities", "d", (frozenset({"甲"}),), kind="City", label="border", borderline=True)
    pred = [Unit("entities", "d", (frozenset({"甲"}),), kind="City", label="p")]
    s = score("entities", [border, kept], pred, strict=True)
    assert _figures(s) == (1, 1, 1) and not s.ignored
    s = score("entities", [border, kept], pred)
    assert _figures(s) == (2, 1, 1)


@pytest.mark.parametrize("strict", [False, True])
def test_per_document_figures_add_up_to_the_totals(hand_gold, tmp_path, strict):
    ev = evaluate(tmp_path, hand_gold, strict=strict)
    assert {(s.doc, s.task) for s in ev.by_doc} == {(d, t) for d in ("cn", "tw") for t in ("meetings", "partners", "entities")}
    for total in ev.scores:
        per = [s for s in ev.by_doc if s.task == total.task]
        for attr in ("gold", "predicted", "correct", "left_out"):
            assert sum(getattr(s, attr) for s in per) == getattr(total, attr), (total.task, attr)
        assert sum(len(s.ignored) for s in per) == len(total.ignored)
    cn = ev["partners"].by_doc["cn"]
    assert _figures(cn) == (1, 0, 0) and (cn.precision, cn.recall) == (0.0, 0.0)


def test_kg_eval_strict_and_by_doc(hand_gold, tmp_path):
    args = ["eval", "--graph", str(tmp_path), "--gold", str(hand_gold)]
    res = CliRunner().invoke(main, args + ["--strict", "--by-doc"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split() == ["task", "gold", "pred", "right", "P", "R", "F1"]
    assert lines[1].split()[:4] == ["meetings", "2", "2", "1"]
    head = lines.index(next(ln for ln in lines if ln.startswith("doc ")))
    assert lines[head].split() == ["doc", "task", "gold", "pred", "right", "P", "R", "F1"]
    assert lines[head + 1].split() == ["cn", "meetings", "1", "1", "0", "0.000", "0.000", "0.000"]
    assert lines[head + 2].split() == ["cn", "partners", "1", "0", "0", "-", "0.000", "0.000"]
    assert len(lines) == head + 7
    data = json.loads(CliRunner().invoke(main, args + ["--strict", "--by-doc", "--format", "json"]).output)
    assert set(data) == {"meetings", "partners", "entities", "by_doc"}
    assert data["meetings"]["gold"] == 2 and data["meetings"]["ignored"] == ["tw 张虎-玛格丽特 比兹利"]
    assert len(data["by_doc"]) == 6
    assert {"doc", "task", "gold", "predicted", "correct", "precision", "recall", "f1"} == set(data["by_doc"][0])
    for task in ("meetings", "partners", "entities"):
        assert sum(r["correct"] for r in data["by_doc"] if r["task"] == task) == data[task]["correct"]
    # Without the flags: the default figures and no by_doc.
    data = json.loads(CliRunner().invoke(main, args + ["--format", "json"]).output)
    assert set(data) == {"meetings", "partners", "entities"} and data["meetings"]["gold"] == 3
