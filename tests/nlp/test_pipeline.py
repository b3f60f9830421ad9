"""Name rules of the spaCy pipeline, on wording the seeds do not contain."""
import pytest

from kg.extract.events import event_core
from kg.nlp.pipeline import GAZ_KEY, gazetteer_patterns, load_pipeline, token_bounds

from ..conftest import SEEDS


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _names(nlp, text, attr="mentions"):
    doc = nlp(text)
    return {(text[s:e], label) for s, e, label, _, _ in getattr(doc._, attr)}


def test_quoted_name_with_its_event_word(nlp):
    got = _names(nlp, "6月1日,“一带一路”青年创意设计大赛在沪举行。")
    assert ("“一带一路”青年创意设计大赛", "Event") in got


def test_quoted_name_before_a_generic_word_is_the_name(nlp):
    got = _names(nlp, "在巴黎举办“欢乐春节”活动。")
    assert ("欢乐春节", "Event") in got


def test_listed_quoted_items_run_to_the_next_comma(nlp):
    got = _names(nlp, "开展“友城之声”、“丝路花语”摄影展、“我与上海”等活动。")
    assert {("友城之声", "Event"), ("“丝路花语”摄影展", "Event"), ("我与上海", "Event")} <= got


def test_event_named_after_the_verb_that_holds_it(nlp):
    got = _names(nlp, "市政府外办召开上海推进国际消费中心城市建设新闻发布会，介绍进展。")
    assert ("上海推进国际消费中心城市建设新闻发布会", "Event") in got
    # An unnamed course is not an event name.
    assert not any(label == "Event" for _, label in _names(nlp, "为对方举办后备干部培训班。"))


def test_two_names_joined_by_ji_are_one_event(nlp):
    text = "召开2021年长三角外事协同发展座谈会暨友城合作备忘录签署仪式。"
    assert ("2021年长三角外事协同发展座谈会暨友城合作备忘录签署仪式", "Event") in _names(nlp, text)
    assert event_core("2021年长三角外事协同发展座谈会暨友城合作备忘录签署仪式") == "长三角外事协同发展座谈会"


def test_a_party_congress_named_two_ways_is_one_event():
    assert event_core("中共二十大") == event_core("党的二十大") != event_core("党的十九大")
    assert event_core("中共二十届四中全会") == event_core("党的二十届四中全会")
    # (The congress written in full keeps its name: its number is not after the Party's.)
    assert event_core("中国共产党第二十次全国代表大会") == "中国共产党第二十次全国代表大会"


def test_body_with_a_quoted_part(nlp):
    got = _names(nlp, "其间,广州“一带一路”投资促进会与巴黎签约。")
    assert ("广州“一带一路”投资促进会", "Organization") in got
    # A quoted word in front of a bare kind of body is no name.
    assert not any(n.startswith("“") for n, _ in _names(nlp, "推动“脱钩”商协会发展。"))


def test_names_inside_names_are_nested_mentions(nlp):
    text = "出席2021年亚投行理事会大会和中国—法国论坛。"
    top = _names(nlp, text)
    nested = _names(nlp, text, "nested")
    assert ("亚投行", "Organization") in nested
    # A country inside an event's name is part of the name (corpus/dev/README.md, conventions).
    assert ("法国", "Country") not in nested and ("法国", "Country") not in top
    # The relation rules see one span per stretch of text.
    assert not top & nested


@pytest.mark.parametrize("text", [
    "北京市市长殷勇会见了纽约市市长埃里克·亚当斯。",
    "2023年，北京与巴黎缔结友好城市关系40周年！ABC公司123号",
    "«引号»、（括号）和“中文引号”……——破折号·间隔号",
    "中关村论坛 2024 年 开幕",  # whitespace: spaCy's own alignment
    "第一段\n第二段\t表格  两个空格",
    "",
])
def test_tokenizer_gives_the_words_and_spaces_spacys_own_would(nlp, text):
    ours = nlp.make_doc(text)
    spacys = nlp.tokenizer.tokenizer(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in spacys]
    assert ours.text == text
    assert token_bounds(ours) == ([t.idx for t in ours], [t.idx + len(t) for t in ours])


def test_gazetteer_gives_the_spans_spacys_span_ruler_would(nlp):
    from kg.nlp.gazetteer_matcher import _splits_a_word

    """Same spans, same order (the merger's tie-break between two entries of one written form depends on it)."""
    import spacy

    ruler_nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    ruler_nlp.tokenizer = nlp.tokenizer
    ruler = ruler_nlp.add_pipe("span_ruler", config={"spans_key": "ruler", "phrase_matcher_attr": "TEXT"})
    ruler.add_patterns(gazetteer_patterns())
    gazetteer = nlp.get_pipe("gazetteer")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    blocks = [line for text in texts for line in text.splitlines() if line.strip()]
    blocks.append("会见新加坡驻华大使。")  # one written form, two entries (the city and the country)
    assert len(blocks) > 100
    found = 0
    for block in blocks:
        doc = ruler(nlp.make_doc(block))
        # (Less the short names that cut an ordinary word in two, which the ruler cannot know.)
        theirs = [(sp.start_char, sp.end_char, sp.label_, sp.id_) for sp in doc.spans["ruler"]
                  if not (sp.end_char - sp.start_char <= 3 and _splits_a_word(block, sp.start_char, sp.end_char))]
        ours = gazetteer(nlp.make_doc(block)).user_data[GAZ_KEY]
        # (Plus the names read inside a token made of two of them, 日本共同社, which the ruler cannot see.)
        extra = [sp for sp in ours if sp not in theirs]
        assert all(any(a <= sp[0] and sp[1] <= b and (a, b) != sp[:2] for a, b in _tokens(nlp, block)) for sp in extra), block
        assert [sp for sp in ours if sp in theirs] == theirs, block
        found += len(ours)
    assert found > 300


@pytest.mark.parametrize(
    "text, name, found",
    [
        ("支持符合首都城市战略定位", "都城", False),  # 首都 | 城市
        ("成都东站", "都东", False),
        ("在东京都举办", "东京都", True),
        ("赴日本东京访问", "东京", True),
        ("会见了法国南特大都会主席", "南特", True),  # 特大 holds 南特's last character, but 大都会 is the word
        ("会见了日本大阪府堺市议会议长", "堺市", True),  # the title 市议会议长 took the city's 市
    ],
)
def test_a_short_name_that_cuts_a_word_in_two_is_no_match(nlp, text, name, found):
    doc = nlp(text)
    got = {text[s:e] for s, e, *_ in doc.user_data[GAZ_KEY]}
    assert any(name in g for g in got) is found


def _tokens(nlp, text):
    doc = nlp.make_doc(text)
    return list(zip(*token_bounds(doc)))


def test_a_token_made_of_two_names_is_read_as_both(nlp):
    text = "组织日本共同社等境外媒体"
    doc = nlp(text)
    assert "日本共同社" in [t.text for t in doc]  # jieba's own dictionary holds them together
    got = {(text[s:e], label) for s, e, label, *_ in doc.user_data[GAZ_KEY]}
    assert ("日本", "Country") in got and ("共同社", "Organization") in got


@pytest.mark.parametrize(
    "text, body",
    [
        ("与市人大常委会民宗侨外办开展合作", "市人大常委会民宗侨外办"),  # a department of the body
        ("由市政府外办主办的培训班举行", "市政府外办"),  # 主办 is a verb, not a department
        ("重庆市人民政府外事侨务办公室正式挂牌", "重庆市人民政府外事侨务办公室"),
        ("新任法国驻武汉总领事拜访省外办", "省外办"),
        ("韩国驻青总领馆总领事柳昌秀参加会见", "韩国驻青总领馆"),
        ("总领事参观了武汉大学中南医院", "武汉大学中南医院"),  # a body's hospital, named by the body
    ],
)
def test_bodies_by_their_shape(nlp, text, body):
    doc = nlp(text)
    assert body in {text[s:e] for s, e, label, *_ in doc._.mentions if label == "Organization"}


@pytest.mark.parametrize(
    "text, body",
    [
        ("市政协主席刘伟在市政协会见了斯里兰卡客人", "市政协会"),  # 协会 ends no body: 会见 is the word
        ("代表团拜会了日本外务省官员", "外务省"),  # Japan's ministry is no region
        ("总领事在西安分会场出席", "西安分会"),  # 分会场, a sub-venue: no branch
        ("市长在市政府视频会议室与州长举行视频会见", "市政府视频会议室"),  # a room: a venue, no department
        ("市长在市政府视频会议室与州长举行视频会见", "市政府"),  # nor its body named as a venue
    ],
)
def test_words_that_end_no_body_and_no_place(nlp, text, body):
    assert not any(name == body for name, _ in _names(nlp, text))


def test_mentions_read_without_a_doc_are_the_pipelines(nlp):
    """read_mentions (words through the components, no spaCy Doc, where it can) gives what nlp.pipe gives:
    every line of the seeds and the dev corpus, and texts with whitespace or a gazetteer phrase (·, brackets)."""
    from kg.nlp.pipeline import RULE_KEY, read_mentions

    corpus = SEEDS.parent / "corpus" / "dev" / "docs"
    files = [*sorted(SEEDS.glob("*.txt")), *sorted(p for p in corpus.glob("*") if p.suffix != ".toml")]
    texts = [line for p in files for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["刚果（金）总统访问上海。", "代表团访问了科科斯(基林)群岛和保罗·阿方索城。", "中关村论坛 2024 年 开幕"]
    cfg = {"kg_mentions": {"spacy_spans": False}}
    got = list(read_mentions(nlp, texts))
    assert len(got) == len(texts)
    for text, doc, (mentions, nested, user_data) in zip(texts, nlp.pipe(texts, component_cfg=cfg), got):
        assert (mentions, nested) == (doc._.mentions, doc._.nested), text
        assert {k: user_data[k] for k in (GAZ_KEY, RULE_KEY)} == {k: doc.user_data[k] for k in (GAZ_KEY, RULE_KEY)}, text
