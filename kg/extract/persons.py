"""A person named in a sentence, read with the titles and bodies written before the name.

``市委副书记、市长陈吉宁`` is 陈吉宁 with two titles; ``德国戴姆勒股份公司董事长康林松``
is 康林松, 董事长 of 戴姆勒股份公司, from 德国. The meeting and position rules
both read persons this way.
"""
from __future__ import annotations

import re

from .names import PersonPhrase, parse_person_phrase
from .sentences import SARS, Sentence, Span

FRIENDSHIP_PREFIX = re.compile(r"^(?:友好城市|友城|姊妹城市|姐妹城市)")


def person_phrase(sent: Sentence, sp: Span, seg_start: int) -> PersonPhrase | None:
    """The parsed phrase naming ``sp``, from the start of its clause (at or after ``seg_start``, block offsets)."""
    text = sent.block.text
    left = seg_start
    for m in re.finditer(r"[，,]", text[seg_start : sp.start]):
        left = seg_start + m.end()
    # Start at the first place or body named before the person (完成安哥拉总统洛伦索 → 安哥拉总统洛伦索).
    lead = [x for x in sent.spans if left <= x.start < sp.start and x.type != "Person"]
    if lead:
        first = min(lead, key=lambda x: x.start)
        if not re.search(r"[、]$", text[left : first.start]):
            left = first.start
    phrase = FRIENDSHIP_PREFIX.sub("", text[left : sp.end])
    for pp in reversed(parse_person_phrase(phrase)):
        if pp.name == sp.written:
            return pp
    return None


def phrase_country(pp: PersonPhrase) -> str:
    """The country (or SAR) a person stands for: stated, else their body's."""
    country = pp.country or next((o.country for o in pp.orgs if o.country), "")
    for o in pp.orgs:
        if o.name[:2] in SARS:
            country = o.name[:2]
    return country
