"""Prose blocks as sentences, each with the entity spans found in it and its date context.

The relation rules (:mod:`kg.extract.meetings`, :mod:`kg.extract.partners`)
read these plain records, never spaCy objects. Offsets are relative to the
block's text; :meth:`Sentence.evidence` maps them back to the file.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Block, Document, Evidence
from .cues import pattern as cue_pattern
from .dates import find_dates, parse_date

SENTENCE_END = re.compile(r"[。！？!?；;】]")
# What ends a clause inside a sentence (the meeting and partner rules' clauses).
CLAUSE_END = re.compile(r"[，,：:]")
# Reported speech opened before a comma or colon (X表示，…): see split_sentences.
SPEECH = re.compile(f"(?:{cue_pattern('names', 'speech')})[，,：:]")
# A sentence that opens by telling history (据悉，…): see split_sentences.
HISTORY = re.compile(f"\\s*(?:{cue_pattern('names', 'history')})")
HOME_COUNTRY = "中国"
SARS = ("香港", "澳门")


class _once:
    """``functools.cached_property`` without its lock: the value is kept in the instance on first
    read. (Python 3.11's takes a lock on each first read, a tenth of the rules' reads of a sentence.)"""

    def __init__(self, f) -> None:
        self.f, self.name, self.__doc__ = f, f.__name__, f.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.f(obj)
        return value


@dataclass(unsafe_hash=True)
class Span:
    """An entity named in a sentence (offsets relative to the block text)."""

    start: int
    end: int
    type: str
    name: str  # canonical (gazetteer) or as written
    written: str
    country: str = ""
    rule: str = ""
    parent: str = ""  # for districts: the city

    # (Read once a span, kept in it, as the fields never change: the rules ask tens of thousands of times.)
    @_once
    def foreign(self) -> bool:
        """A place or body outside the mainland: another country, Hong Kong or Macao."""
        if self.type in ("City", "Region", "Organization", "Company") and self.name in SARS:
            return True
        return bool(self.country) and self.country != HOME_COUNTRY

    @_once
    def side_country(self) -> str:
        """The country (or SAR) the entity stands for in a meeting or tie."""
        if self.name in SARS:
            return self.name
        if self.type == "Country":
            return self.name
        return self.country


@dataclass(unsafe_hash=True)
class Sentence:
    doc: Document
    block: Block
    start: int  # in block.text
    end: int
    spans: tuple[Span, ...]
    date: str  # the date the sentence's acts happened, as precisely as the context gives it
    line_at: object  # callable: file offset → line
    context: str = ""  # the date the text last stated before the sentence
    stated: tuple | None = None  # the dates written in it, when the caller has read them (see _dates)

    @_once
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @_once
    def memo(self) -> dict:
        """What the rules have worked out about this sentence, kept for the next rule that asks
        (a person's phrase is read by several rules of a sentence)."""
        return {}

    @_once
    def persons(self) -> list[Span]:
        """The persons the sentence names, in its spans' order (read once: most name none, and the
        rules ask for the persons of a stretch again and again)."""
        return [sp for sp in self.spans if sp.type == "Person"]

    @_once
    def clause_ends(self) -> list[int]:
        """Where each clause mark of the sentence ends (sentence offsets), in order: read once, for the
        rules that look for the clause a name is in."""
        return [m.end() for m in CLAUSE_END.finditer(self.text)]

    def clause_start(self, pos: int) -> int:
        """Where the clause that holds ``pos`` starts: the end of the last clause mark at or before it, else 0."""
        ends = self.clause_ends
        k = bisect_right(ends, pos)
        return ends[k - 1] if k else 0

    def spans_in(self, s: int, e: int) -> list[Span]:
        """Spans inside ``text[s:e]`` (sentence-relative offsets)."""
        lo, hi = self.start + s, self.start + e  # (once, not for every span: the rules ask tens of thousands of times)
        return [sp for sp in self.spans if sp.start >= lo and sp.end <= hi]

    def rel(self, sp: Span) -> tuple[int, int]:
        return sp.start - self.start, sp.end - self.start

    def evidence(self) -> Evidence:
        """Where the sentence is in the file. (Kept in ``memo["evidence"]``, where the rules also look: every
        fact of the sentence carries it, and it does not change.)"""
        found = self.memo.get("evidence")
        if found is None:
            found = self.memo["evidence"] = self._evidence()
        return found

    def _evidence(self) -> Evidence:
        b = self.block
        start = b.source_offset(self.start)
        end = b.source_offset(self.end - 1) + 1 if self.end > self.start else start
        return Evidence(self.doc.id, self.line_at(start), start, end, self.doc.quote(start, end))

    def date_before(self, pos: int, own_brackets: bool = True) -> str:
        """The last date stated before ``pos`` in this sentence, else the sentence's context date.
        ``own_brackets=False`` passes over dates in brackets closed before ``pos``: those of a listed
        item (意大利锡耶纳市（2019年4月）、…), not of what follows."""
        stated = self._dates
        if not stated:
            return self.date  # (most sentences state no date: no list to build)
        dates = [iso for s, e, iso in stated if s < pos and (own_brackets or not in_brackets(self.text, s, pos))]
        return dates[-1] if dates else self.date

    def stated_date_before(self, pos: int) -> str:
        """The last date the sentence itself writes before ``pos`` ("" when it writes none there)."""
        dates = [iso for s, e, iso in self._dates if s < pos and e <= pos]
        return dates[-1] if dates else ""

    @property
    def stated_dates(self) -> tuple:
        """The dates the sentence itself writes: (start, end, iso), in order."""
        return self._dates

    @_once
    def _dates(self) -> tuple:
        """The dates stated in the sentence, read once (the rules ask for them act by act)."""
        if self.stated is not None:
            return self.stated
        return tuple(find_dates(self.text, self.doc.year, self.doc.date, self.context))


def block_date(doc: Document, block: Block) -> str:
    """The date a block's acts happened when its sentences say none: the entry's date, else the year its
    section names, else the year covered. (Not an entry's date long before that year: history it opens
    with, see past_year.)"""
    return _entry_date(doc, block) or _section_date(doc, block)


def _section_date(doc: Document, block: Block) -> str:
    """The year the block's section names as the one it tells of, else the year covered (see block_date)."""
    # (Or the year its section's heading names as the one it tells of: 一、2023年工作回顾 in a report of 2024.)
    told = _YEAR_HEADING.match(block.section or "")
    if told and not after_page(doc, told.group(1)):
        return told.group(1)
    return str(doc.year) if doc.year else ""


def _entry_date(doc: Document, block: Block) -> str:
    """The date an entry opens with (its ``date`` attribute), "" if none or history long before the
    year the text covers (see past_year)."""
    written = block.attr("date")
    iso = parse_date(written, doc.year) if written else ""
    return iso if iso and not past_year(doc, iso) else ""


# A section's heading that names the year it tells of (一、2023年工作回顾, 2019年外事工作).
_YEAR_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]\s*)?((?:19|20)\d\d)\s*年(?![\d一二三四五六七八九十]{1,2}月)")


def past_year(doc: Document, iso: str) -> bool:
    """Whether ``iso`` is history told in passing, not the time of the acts after it: a year alone
    before the year of a dated page (1979年,大分市成为武汉的第一个友好城市。…开幕式上,…签署…), a date of
    an earlier year more than three months before a page dated to the day (去年11月，… in a page of
    June), or any date more than a year before the year the text covers (1995年4月，淄博市与法恩扎市结为
    友好城市。9月20日至24日，… in a yearbook of 2019)."""
    if len(iso) == 4 and len(doc.date) >= 7 and iso < doc.date[:4]:
        return True
    if len(doc.date) == 10 and iso[:4].isdigit() and iso[:4] < doc.date[:4] and _months_before(iso, doc.date) > 3:
        return True  # (a news page's 去年11月，…: not the time of the acts it reports after it, in 6月)
    return iso[:4].isdigit() and doc.year is not None and int(iso[:4]) < doc.year - 1


def _months_before(iso: str, page: str) -> int:
    """How many months ``iso`` (a year, month or day; the start of a span) lies before the page's date."""
    month = int(iso[5:7]) if len(iso) >= 7 and iso[5:7].isdigit() else 12
    return (int(page[:4]) - int(iso[:4])) * 12 + int(page[5:7]) - month


def after_page(doc: Document, iso: str) -> bool:
    """Whether ``iso`` starts after the page's own date: a time to come (邀请X于今年10月率团出席…),
    not the time of the acts told after it."""
    start = iso.split("/")[0]
    n = min(len(start), len(doc.date))
    return n >= 4 and start[:n] > doc.date[:n]


def in_brackets(text: str, s: int, end: int | None = None) -> bool:
    """Whether ``text[s]`` lies in round brackets that close before ``end`` (the end of ``text``
    by default): a listed item's own note (意大利锡耶纳市（2019年4月）、…)."""
    opened = max(text.rfind("（", 0, s), text.rfind("(", 0, s))
    if opened < 0 or max(text.rfind("）", opened, s), text.rfind(")", opened, s)) >= 0:
        return False
    end = len(text) if end is None else end
    return any(i >= 0 for i in (text.find("）", s, end), text.find(")", s, end)))


# A sentence that opens with the time of a stay (访问期间，…; 其间，…): of the stay's span of days.
STAY_OPENS = re.compile(r"\s*(?:(?:访问|出访|考察|来访|访华|访[\u4e00-\u9fff]|在[^，,。；;]{1,12}?访问|论坛|会议|博览会|峰会|交易会|活动)期间|其间|此间)")


def _made(sent: Sentence, text: str) -> Sentence:
    """``sent`` with its text (``text``, sliced by the caller), an empty memo and its persons kept in it at
    once, as :class:`_once` would keep them: the rules read all three of every sentence."""
    d = sent.__dict__
    d["text"] = text
    d["memo"] = {}
    d["persons"] = [sp for sp in sent.spans if sp.type == "Person"]
    return sent


def split_sentences(doc: Document, block: Block, spans: list[Span], line_at, ctx: str = "", stay: str = "",
                    marks: list[int] | None = None) -> list[Sentence]:
    """The block's sentences; an entry's 【title】 is left out (it repeats the entry's facts).

    A sentence that states no date of its own takes the last one stated before it: in the
    block, else ``ctx`` (the date the text last stated before the block: a news item's
    ``1月6日至16日,…会见了…`` dates the paragraphs that tell each meeting), else the
    entry's date or the year the document covers. ``marks`` are where SENTENCE_END's marks end in the
    block's text, when the caller has read them."""
    text = block.text
    out: list[Sentence] = []
    ctx = _entry_date(doc, block) or ctx or _section_date(doc, block)  # (block_date, the entry's read once)
    pos = 0
    passing = ""  # a year the block told in passing (2023年，全市共接待…), for the months after it
    bounds = (marks if marks is not None else [m.end() for m in SENTENCE_END.finditer(text)]) + [len(text)]
    for end in bounds:
        if end <= pos:
            continue
        seg = text[pos:end]
        if not seg.lstrip().startswith("【") and seg.strip():
            inner = tuple([sp for sp in spans if sp.start >= pos and sp.end <= end])
            dates = tuple(find_dates(seg, doc.year, doc.date, ctx))
            if passing and any(after_page(doc, iso) for _, _, iso in dates):
                # (A month the page's year would put after the page, 9月 on a page of February, after a
                # year the paragraph told: of that year. 2023年，全市共接待…。9月，…来访 on 2024-02-26.)
                again = tuple(find_dates(seg, doc.year, doc.date, passing))
                if not any(after_page(doc, iso) for _, _, iso in again):
                    dates = again
            if not dates:
                # (Most sentences state no date: they take the stay's or the context's; neither changes.)
                own = stay if stay and STAY_OPENS.match(seg) else ctx
                out.append(_made(Sentence(doc, block, pos, end, inner, own, line_at, ctx, dates), seg))
                pos = end
                continue
            # (Not a listed item's date in brackets: neither the sentence nor the next is of its day.)
            free = [(s, iso) for s, _, iso in dates if not in_brackets(seg, s)]
            told = [iso for _, iso in free]
            # (访问期间，… with no day of its own: the visit's days, ``stay``, the span last stated.)
            own = told[0] if told else stay if stay and STAY_OPENS.match(seg) else ctx
            out.append(_made(Sentence(doc, block, pos, end, inner, own, line_at, ctx, dates), seg))
            stay = next((iso for iso in told if "/" in iso), stay)
            # (Nor a date said in reported speech: X表示，2014年6月，两地缔结… tells history.)
            speech = SPEECH.search(seg)
            told = [iso for s, iso in free if not (speech and s >= speech.end())]
            if told and not past_year(doc, told[-1]) and not after_page(doc, told[-1]) and not HISTORY.match(seg):
                ctx = told[-1]
            elif told and len(told[-1]) == 4 and past_year(doc, told[-1]):
                passing = told[-1]
        pos = end
    return out
