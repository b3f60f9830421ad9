"""The pipeline as spaCy's own tools see it: spans and entities, displaCy, the scorer, saving and loading."""
import subprocess
import sys

import pytest
import spacy
from spacy import displacy
from spacy.training import Example

from kg.nlp.mentions import NESTED_KEY, SPANS_KEY
from kg.nlp.pipeline import load_pipeline

from ..conftest import SEEDS

TEXTS = [
    "北京市市长殷勇会见了纽约市市长埃里克·亚当斯。",
    "出席2021年亚投行理事会大会和中国—法国论坛。",
    "2024年3月，广州市人民政府外事办公室主任陈晓明在广州会见了英国驻广州总领事馆总领事琳达·格林。",
    "中关村论坛 2024 年 开幕,莫斯科市代表团访问上海。",  # whitespace: spaCy's own alignment
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _seed_lines():
    return [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_mentions_are_spans_and_entities(nlp):
    doc = nlp(TEXTS[0])
    spans = doc.spans[SPANS_KEY]
    assert [(sp.text, sp.label_, sp.kb_id_, sp.id_) for sp in spans] == [
        ("北京市", "City", "City:北京市", "City:北京市"),
        ("殷勇", "Person", "", ""),
        ("纽约市", "City", "City:纽约", "City:纽约"),
        ("埃里克·亚当斯", "Person", "", ""),
    ]
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [(sp.text, sp.label_, sp.kb_id_) for sp in spans]
    doc = nlp(TEXTS[1])
    assert {(sp.text, sp.label_) for sp in doc.spans[NESTED_KEY]} >= {("亚投行", "Organization")}


def test_spans_follow_the_character_mentions_on_the_seeds(nlp):
    """Every mention has its span, covering at least its characters (more where a name ends inside a
    jieba token); ``doc.ents`` are the spans without overlaps."""
    seen = 0
    for line in _seed_lines():
        doc = nlp(line)
        spans = list(doc.spans[SPANS_KEY])
        assert len(spans) == len(doc._.mentions), line
        for sp, (s, e, label, _rule, ent_id) in zip(spans, doc._.mentions):
            assert sp.start_char <= s and e <= sp.end_char and sp.label_ == label and sp.kb_id_ == ent_id, line
            seen += 1
        ents = list(doc.ents)
        assert set(ents) <= set(spans)
        assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))
    assert seen > 300


def test_displacy_renders_the_entities(nlp):
    html = displacy.render(nlp(TEXTS[0]), style="ent")
    assert "埃里克·亚当斯" in html and "Person" in html and "<mark" in html
    html = displacy.render(nlp(TEXTS[1]), style="span", options={"spans_key": NESTED_KEY})
    assert "亚投行" in html and "Organization" in html


def test_spacys_scorer_reads_the_entities(nlp):
    gold = [(0, 3, "City"), (5, 7, "Person"), (10, 13, "City"), (15, 22, "Person")]
    example = Example.from_dict(nlp.make_doc(TEXTS[0]), {"entities": gold})
    scores = nlp.evaluate([example])
    assert scores["ents_f"] == 1.0
    assert set(scores["ents_per_type"]) == {"City", "Person"}


@pytest.fixture(scope="module")
def saved(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("pipeline") / "kg_zh"
    nlp.to_disk(path)
    return path


def test_saved_and_loaded_pipeline_gives_the_same_mentions(nlp, saved):
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.tokenizer.jieba_seg is not nlp.tokenizer.jieba_seg  # its own dictionary, made again
    for text in TEXTS + _seed_lines()[:40]:
        a, b = nlp(text), loaded(text)
        assert [t.text for t in b] == [t.text for t in a]
        assert (b._.mentions, b._.nested) == (a._.mentions, a._.nested)
        assert [(e.start, e.end, e.label_, e.kb_id_) for e in b.ents] == [(e.start, e.end, e.label_, e.kb_id_) for e in a.ents]


def test_saved_pipeline_loads_in_a_process_that_has_not_imported_kg(nlp, saved):
    """``spacy.load`` finds kg's tokenizer, components and pattern functions by their entry points."""
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); doc = nlp(sys.argv[2]);"
        "print(repr([(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents]))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(saved), TEXTS[0]], capture_output=True, text=True, check=True).stdout
    assert out.strip() == repr([(e.start_char, e.end_char, e.label_, e.kb_id_) for e in nlp(TEXTS[0]).ents])
