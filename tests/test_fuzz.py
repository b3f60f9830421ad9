"""Property-based tests: the reader, the structure parser and the extractor take anything without an unhandled exception."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.decoding import NotText, decode
from kg.documents import read_document
from kg.errors import UnreadableFile
from kg.extract.document import extract
from kg.model import Document
from kg.structure import parse_blocks
from kg.textnorm import normalise_text

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of the structures kg reads, to build table-like and entry-like junk from.
PIECES = [
    "表1 2020年市领导会见外宾一览表", "表 2 ", "时间\t市领导\t国别\t活动内容", "\t", "\t\t", "1月22日", "12月", "2020年",
    "陈 吉宁", "殷 勇", "德国", "会见", "视频会见", "德国戴姆勒股份公司董事长康林松", "【外事工作】", "【", "】", "(张三)",
    "第3项", "进展情况:", "(牵头部门:市外办)", "**", "# ", "### 友好城市", "与", "缔结友好城市关系", "签署", "备忘录",
    "“", "”", "《", "》", "。", "，", "、", "暨", "论坛", "出席", "在京举行", "---", "title: x", "日期:2024-01-02",
    "<script>", "\"} ; DROP ALL ; {", "\u3000", "\r", "\ufeff", "\u2028", "臺灣", "２０２０年", "ＡＰＥＣ",
]
junk_line = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=8).map("".join)
junk_text = st.one_of(
    st.text(max_size=400),
    st.lists(junk_line, max_size=25).map("\n".join),
)


def _doc(text: str) -> Document:
    return Document(id="fuzz", path="fuzz.txt", text=normalise_text(text), original=text, year=2020)


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_takes_any_bytes(raw):
    try:
        text, enc = decode(raw)
    except NotText as exc:
        assert exc.kind in ("binary", "undecodable")
        return
    assert isinstance(text, str) and enc


@FUZZ
@given(st.one_of(st.binary(max_size=2000), junk_text.map(lambda t: t.encode("utf-8")), junk_text.map(lambda t: t.encode("gb18030"))),
       st.sampled_from([".txt", ".md", ".html"]))
def test_reader_takes_any_file(raw, suffix):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"doc{suffix}"
        path.write_bytes(raw)
        try:
            doc = read_document(path)
        except UnreadableFile as exc:
            assert str(path) in str(exc)
            return
    assert doc.id == "doc" and len(doc.text) == len(doc.original or doc.text)


@FUZZ
@given(st.text(max_size=300))
def test_normalisation_keeps_every_offset(text):
    assert len(normalise_text(text)) == len(text)


@FUZZ
@given(junk_text)
def test_structure_parser_takes_any_text(text):
    doc = _doc(text)
    for b in parse_blocks(doc):
        assert 0 <= b.start <= b.end <= len(doc.text) and b.line >= 1
        for c in b.cells:
            assert 0 <= c.start <= c.end <= len(doc.text)


@FUZZ
@given(junk_text)
def test_extractor_takes_any_text_and_quotes_the_original(text):
    doc = _doc(text)
    facts = extract(doc)
    evidence = [m.evidence for m in facts.meetings] + [p.evidence for p in facts.partner_links] + [m.evidence for m in facts.mentions]
    evidence += [a.evidence for a in facts.attendances] + [p.evidence for p in facts.positions]
    for ev in evidence:
        assert 0 <= ev.start <= ev.end <= len(text)
        assert ev.quote == text[ev.start : ev.end]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(junk_text, st.text(min_size=1, max_size=12))
def test_any_text_under_any_file_name_makes_a_graph_oxigraph_reads(text, name):
    import pyoxigraph as ox

    from kg.build import serialize_trig, serialize_turtle
    from kg.rdf.graph import build_dataset

    doc = Document(id=name, path=f"{name}.txt", text=normalise_text(text), original=text, year=2020)
    ds = build_dataset([extract(doc)])
    store = ox.Store()
    store.load(serialize_trig(ds), format=ox.RdfFormat.TRIG)
    ox.Store().load(serialize_turtle(ds), format=ox.RdfFormat.TURTLE)
    ids = [str(r["id"].value) for r in store.query("SELECT ?id WHERE { GRAPH ?g { ?d <https://kg.example.org/ns#docId> ?id } }")]
    assert ids == [name]
