"""The spaCy pipeline: ``spacy.blank("zh")`` with jieba, a gazetteer matcher and name rules.

Components, in order:

- ``gazetteer`` — spaCy's ``PhraseMatcher`` with one phrase pattern per
  written form of every gazetteer entry (patterns come from the registered
  function ``kg.gazetteer_patterns.v1`` through ``[initialize]``); every form
  is also added to the pipeline's own jieba dictionary so that it is one
  token. Matches are kept as character spans, as the name rules keep theirs.
- ``kg_names`` — names no gazetteer knows: a person after a title
  (``市长陈吉宁``), or before ``同志``; organisation and company names by
  their shape (``…公司``, ``…集团``, ``…银行``, ``…协会``); named events
  (``…论坛``, ``…峰会`` in quotes or after a year).
- ``kg_mentions`` — merges both into ``Doc._.mentions``: plain
  (start, end, label, rule, id) tuples with exact character offsets, longest
  match first; and as spaCy spans (``doc.spans["kg_mentions"]``,
  ``doc.spans["kg_nested"]``, ``doc.ents``) for displaCy and spaCy's scorer.

The tokenizer (``kg.jieba_tokenizer.v1``), the components and the pattern
functions are registered, and declared as entry points in pyproject.toml, so
``nlp.to_disk(path)`` then ``spacy.load(path)`` gives the same pipeline.

Each component has its module: :mod:`.gazetteer_matcher`, :mod:`.entities.name_rules`,
:mod:`.mentions`; the tokenizer is in :mod:`.tokenizer` (its segmenter, rjieba
giving jieba's tokens, in :mod:`.segmenter`), what they share in
:mod:`.common`. This module puts them together.
"""
from __future__ import annotations

import gc
from functools import lru_cache
from typing import Iterable, Iterator

import jieba
import spacy
from spacy.language import Language

from .common import GAZ_KEY, RULE_KEY, _cut, doc_text, is_chinese_surname, token_bounds  # noqa: F401 (re-exported)
from .gazetteer_matcher import GazetteerMatcher, gazetteer_patterns, jieba_words  # noqa: F401
from .mentions import MentionMerger  # noqa: F401
from .entities.name_rules import NameRules  # noqa: F401
from .tokenizer import TextKeepingTokenizer, create_tokenizer  # noqa: F401


# The pipeline's config: what ``nlp.to_disk`` saves and ``spacy.load`` builds the pipeline from again.
CONFIG = {
    "nlp": {
        "tokenizer": {
            "@tokenizers": "kg.jieba_tokenizer.v1",
            "words": {"@misc": "kg.jieba_words.v1"},
            "freq": 200000,
        },
    },
    "initialize": {"components": {"gazetteer": {"patterns": {"@misc": "kg.gazetteer_patterns.v1"}}}},
}


def _new_nlp() -> Language:
    nlp = spacy.blank("zh", config=CONFIG)
    nlp.add_pipe("kg_gazetteer", name="gazetteer")
    nlp.add_pipe("kg_names")
    nlp.add_pipe("kg_mentions")
    nlp.initialize()  # the gazetteer's patterns, from ``[initialize.components.gazetteer]``
    return nlp


def read_mentions(nlp: Language, texts: Iterable[str]) -> Iterator[tuple[list, list, dict]]:
    """For each text, what the extraction reads of the pipeline's Doc: the mentions and nested
    mentions (as ``doc._.mentions`` and ``doc._.nested``) and the Doc's ``user_data`` (the gazetteer's
    spans, the rules' spans), as ``nlp.pipe(texts)`` with ``{"kg_mentions": {"spacy_spans": False}}``
    gives them.

    A text in which no gazetteer phrase can match goes through the components as its words
    (:class:`~.tokenizer.Words`), without a spaCy Doc: they read nothing else of one. Making the Doc, its lexemes and its extension object, and
    ``nlp.pipe``'s own work per Doc, took a tenth of the extraction's time. Any other text, and any
    pipeline but this module's own, goes through ``nlp.pipe``."""
    tokenizer = nlp.tokenizer
    procs = [proc for _, proc in nlp.pipeline]
    own = isinstance(tokenizer, TextKeepingTokenizer) and [type(p) for p in procs] == [GazetteerMatcher, NameRules, MentionMerger]
    if own:
        gazetteer, names, mentions = procs
    for text in texts:
        if not own or len(text) > nlp.max_length:  # (nlp says why it cannot read a text too long)
            doc = nlp(text, component_cfg={"kg_mentions": {"spacy_spans": False}})
            ext = doc._
            yield ext.mentions, ext.nested, doc.user_data
            continue
        words = tokenizer.words(text)
        # (A phrase matches tokens one after the other: in a text with whitespace, their words
        # joined hold it, not always the text.)
        if words is not None and gazetteer.matcher.phrase_free("".join(words.words) if words.spaced else text):
            mentions(names(gazetteer(words)), spacy_spans=False)
            yield words._.mentions, words._.nested, words.user_data
        else:
            # (A Doc through the components, as ``nlp(text)`` passes it: without its per-call set-up.)
            doc = mentions(names(gazetteer(tokenizer(text))), spacy_spans=False)
            ext = doc._
            yield ext.mentions, ext.nested, doc.user_data


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The pipeline, built once per process."""
    import logging

    jieba.setLogLevel(logging.WARNING)
    nlp = _new_nlp()
    # The pipeline and its gazetteers (some 435,000 objects) live as long as the process: moved out of
    # the collector's generations, a full collection no longer walks them (one took about 0.1 s, every
    # few hundred documents of a build).
    gc.freeze()
    return nlp
