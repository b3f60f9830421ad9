"""The event rules on a table of hand-written sentences (kg/extract/events_examples.tsv).

Each row: ``text``; ``events`` (the named events, joined by ``;``; each event lists its accepted
names with ``|``, the first being the one ``attendances`` uses: 第十四届中国—东北亚博览会 and its
开幕式 are one event); ``attendances`` (``party>event>role`` joined by ``;``, role ``attended``,
``organised`` or ``hosted``; empty: not checked; ``-``: none may be read); ``xfail`` (empty, or
why the current rules get the row wrong).

The expectations follow corpus/dev/README.md, "Conventions" → "Entities": events are named forums,
conferences, expos, festivals, weeks, campaigns and ceremonies; a generic meeting, press conference
or signing ceremony with no name is none, nor is an anniversary (建交60周年). The party of a
``hosted`` row is the place or body the sentence says the event was held in (venues are not
entities and give none); of an ``organised`` row, the body written as organiser (由…主办).

The rule, per row, on the Event mentions of ``facts.mentions`` (a mention's name is its entity's
name or any of its aliases) and on ``facts.attendances``:

- every expected event is read under one of its accepted names;
- no other Event mention is read (every Event mention has a name accepted for an expected event);
- when ``attendances`` is filled, the set (party, event, role) read equals the set expected,
  an attendance's event being mapped to the expected event whose names include it.

Names are compared in simplified characters (OpenCC ``t2s`` on both sides) and without quote
marks (“燕赵文化之旅”活动启动仪式 = 燕赵文化之旅活动启动仪式, as the gold's canonical names drop
them); parties' names with a trailing 市 stripped (南京 = 南京市).
"""
from __future__ import annotations

from pathlib import Path

import opencc
import pytest

import kg

from .examples import facts_of, rows

TABLE = Path(kg.__file__).resolve().parent / "extract" / "events_examples.tsv"
_T2S = opencc.OpenCC("t2s")
_QUOTES = str.maketrans("", "", "“”\"")




def _s(name: str) -> str:
    return _T2S.convert(name.strip()).translate(_QUOTES)


def _party(name: str) -> str:
    return _s(name).removesuffix("市")


@pytest.mark.parametrize("row", rows(TABLE))
def test_event_example(row, tmp_path):
    facts = facts_of(row["text"], tmp_path)
    events = [[_s(n) for n in e.split("|")] for e in row["events"].split(";") if e.strip()]

    def canonical(name: str) -> str:
        """The expected event a read name stands for (its first name), or the name itself."""
        return next((e[0] for e in events if _s(name) in e), _s(name))

    read = [{_s(n) for n in (m.entity.name, *m.aliases)} for m in facts.mentions if m.entity.type == "Event"]
    missing = [e[0] for e in events if not any(names & set(e) for names in read)]
    extra = sorted(min(names, key=len) for names in read if not any(names & set(e) for e in events))
    assert not missing and not extra, {"missing": missing, "extra": extra, "read": [sorted(n) for n in read]}
    if row["attendances"].strip():
        got = {(_party(a.person.name), canonical(a.event.name), a.role) for a in facts.attendances}
        want = set()
        for item in row["attendances"].split(";"):
            if item.strip() and item.strip() != "-":
                party, event, role = item.split(">")
                want.add((_party(party), _s(event), role))
        assert got == want, {"missing": sorted(want - got), "extra": sorted(got - want)}
