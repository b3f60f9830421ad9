"""One document in, its facts out: structure, table facts, entity mentions."""
from __future__ import annotations

import re

from ..gazetteer import load
from ..model import Document, EntityMention, Evidence, Facts, Party
from ..nlp.pipeline import load_pipeline
from ..structure import line_finder, parse_blocks
from .tables import table_facts

PROSE_KINDS = ("paragraph", "entry", "report_item", "report_progress", "note", "heading")
_SENTENCE_END = re.compile(r"[。！？!?；;]")


def _sentence(text: str, s: int, e: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, s)), default=0)
    m = _SENTENCE_END.search(text, e)
    return left, (m.end() if m else len(text))


def extract(doc: Document) -> Facts:
    """Everything kg reads from ``doc``."""
    blocks = parse_blocks(doc)
    meetings, attendances = table_facts(doc, blocks)
    nlp = load_pipeline()
    prose = [b for b in blocks if b.kind in PROSE_KINDS and b.text]
    mentions: list[EntityMention] = []
    gaz = load()
    line_at = line_finder(doc.text)
    for block, sdoc in zip(prose, nlp.pipe(b.text for b in prose)):
        for s, e, label, rule, ent_id in sdoc._.mentions:
            written = block.text[s:e]
            entry = gaz.lookup(ent_id.split(":", 1)[1], (label,)) if ent_id else None
            ss, se = _sentence(block.text, s, e)
            evidence = Evidence(doc.id, line_at(block.source_offset(s)), block.source_offset(ss), block.source_offset(se - 1) + 1, block.text[ss:se])
            mentions.append(
                EntityMention(
                    entity=Party(name=entry.zh if entry else written, type=label, country=entry.country if entry else ""),
                    evidence=evidence,
                    english=entry.en if entry else "",
                    wikidata=entry.wikidata if entry else "",
                    aliases=(written,) if entry and written != entry.zh else (),
                )
            )
    return Facts(doc=doc, blocks=tuple(blocks), mentions=tuple(mentions), meetings=tuple(meetings), attendances=tuple(attendances))
