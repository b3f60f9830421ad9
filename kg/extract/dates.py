"""Chinese date expressions to ISO 8601, as precise as the text allows.

``12月7日`` → ``2020-12-07`` (with the document's reference year),
``7月`` → ``2020-07``, ``12月7日至8日`` and ``9月26至29日`` → a ``start/end``
span, ``年内`` → ``2020``. A news page's own date (``ref``) resolves what is
written against it: a day alone (``13日下午`` in a page of 2015-10-14 is
2015-10-13; a day after the page's is in the month before) and the relative
words of ``RELATIVE_DAYS`` (昨天, 今日 …).
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

from .firstchars import skipping

DATE_EXPR = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日?)?"
    r"(?:\s*(?:至|到|—|–|-|~|～)\s*(?:(?:(?P<y2>\d{4})\s*年\s*)?(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*日)?"
)
# (Also with dots or slashes, as tables write them: 1980.3.24, 2019/05/20.)
ISO_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<sep>[-./])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?(?![\d万亿千百元%])")
# A day written alone (15日, 5日下午, 6日至8日): not after 月 or a digit.
# (The look-behind is read after the day's first digit, not before it, so that the pattern opens with a
# digit: re then tries it only where a digit is, not at every character of every sentence.)
DAY_ONLY = re.compile(r"(?P<d>\d(?<![\d月年]\d)\d?)\s*日(?:\s*(?:至|到|—|–|-|~|～)\s*(?P<d2>\d{1,2})\s*日)?")
# (Or in Chinese numerals, 十日上午, 于二十三日至二十五日: only after 于 or before a part of the day or a
# clause's end, as a day's date is written; 一日游 or 三日内 is a number of days.)
# (Searched from its numerals: a sentence seldom holds one.)
CN_DAY_ONLY = skipping(r"(?<![〇零一二三四五六七八九十月年周初每第])(?P<d>[一二三四五六七八九十]{1,3})日"
                       r"(?:(?:至|到|—|－|-)(?P<d2>[一二三四五六七八九十]{1,3})日)?")
_DAYS_DATE = re.compile(r"上午|下午|晚|早|中午|凌晨|[，,、]")
# Days named relative to the page's date, and how many days before it they are.
# (Also the evening or morning of such a day: 昨晚, 今晨.)
RELATIVE_DAYS = {"前天": 2, "前日": 2, "昨天": 1, "昨日": 1, "今天": 0, "今日": 0,
                 "前晚": 2, "昨晚": 1, "昨夜": 1, "昨晨": 1, "今晨": 0, "今早": 0, "今晚": 0}
RELATIVE = re.compile("|".join(RELATIVE_DAYS))
# Days named relative to the day the text last stated (5月10日…。次日, …此前一天), and how many days after it.
TOLD_RELATIVE_DAYS = {"次日": 1, "翌日": 1, "第二天": 1, "隔天": 1, "此前一天": -1, "前一天": -1, "头一天": -1, "前一日": -1}
TOLD_RELATIVE = re.compile("|".join(sorted(TOLD_RELATIVE_DAYS, key=len, reverse=True)))
# Words for a few days before the page's (日前, 近日): the page's month.
RECENT = re.compile(r"日前|近日")
# What closes a report's dateline after its date (本报南宁9月21日讯, 新华社北京3月5日电).
DATELINE_END = re.compile(r"\s*(?:讯|电)")
# Years named relative to the text's (去年6月 in a page of 2024 is 2023-06; 明年8月, 2025-08), and how many years before it.
RELATIVE_YEARS = {"前年": 2, "去年": 1, "今年": 0, "明年": -1, "后年": -2}
# (Before a month, or alone as a clause's time: 去年，… / 去年以来 is no date.)
RELATIVE_YEAR = re.compile(r"(?P<w>" + "|".join(RELATIVE_YEARS) + r")(?:\s*(?=\d{1,2}\s*月)|(?:初|底|末|年初|年底|上半年|下半年)?(?=[，,]))")
# A year written without a month (2012年, 年内, 今年): the acts after it are dated by the year.
# (Or in Chinese numerals, digit by digit: 一九八一年，…)
YEAR_WORD = re.compile(r"(?:(?:^\s*|(?<=[，,。；;：:]))(?:早在|早于|在|于)?(?:(?P<y>(?:19|20)\d\d)|(?P<cy>[一二][九〇零][〇零一二三四五六七八九]{2}))\s*年"
                       # (Or before an occasion of that year: 1995年结好10周年之际，…)
                       r"(?:初|底|末|中|上半年|下半年|[春夏秋冬](?:天|季))?(?=[，,]|是|[^，,。；;]{1,12}?(?:之际|时|期间)[，,])|年内|全年|本年度)")
# A date written in Chinese numerals (二〇二三年六月十五日, 六月十五日): read as its digits.
# (Or a span of days so written: 五月三十一日至六月三日.)
CN_DATE = skipping(r"(?:(?P<y>[〇零一二三四五六七八九]{4})年)?(?P<m>[一二三四五六七八九十]{1,2})月(?:(?P<d>[一二三四五六七八九十]{1,3})日)?"
                   r"(?:(?<=日)(?:至|到|—|－|-)(?:(?P<m2>[一二三四五六七八九十]{1,2})月)?(?P<d2>[一二三四五六七八九十]{1,3})日)?")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
YEAR_ONLY = re.compile(r"^(?:(?P<y>\d{4})\s*年|年内|全年|上半年|下半年|年初|年底)")


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(m: int | None, d: int | None) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


# A third of a month (9月下旬): the span of its days.
TEN_DAYS = re.compile(r"\s*(?P<part>上旬|中旬|下旬)")
_TEN_DAYS = {"上旬": (1, 10), "中旬": (11, 20)}


def _ten_days(y: int, mo: int, part: str) -> str:
    first, last = _TEN_DAYS.get(part, (21, monthrange(y, mo)[1]))
    return f"{_iso(y, mo, first)}/{_iso(y, mo, last)}"


@lru_cache(maxsize=1 << 14)
def parse_date(text: str, year: int | None) -> str:
    """The first date in ``text`` as ISO (``start/end`` for spans); ``""`` when none can be read.
    (Kept for each text and year: a document writes its dates again, in its entries, tables and
    sentences; see :func:`kg.extract.document.forget_memos`.)"""
    text = text.strip()
    m = ISO_DATE.match(text)
    if m:
        mo, d = int(m["m"]), int(m["d"]) if m["d"] else None
        return _iso(int(m["y"]), mo, d) if _valid(mo, d) else ""
    m = DATE_EXPR.search(text)
    if m:
        y = int(m["y"]) if m["y"] else year
        if y is None:
            return ""
        mo = int(m["m"])
        d = int(m["d"]) if m["d"] else None
        if not _valid(mo, d):
            return ""
        tenth = TEN_DAYS.match(text, m.end()) if d is None and not m["d2"] else None
        if tenth:
            return _ten_days(y, mo, tenth["part"])
        start = _iso(y, mo, d)
        if m["d2"] and d is not None:
            y2 = int(m["y2"]) if m["y2"] else y
            mo2 = int(m["m2"]) if m["m2"] else mo
            d2 = int(m["d2"])
            if _valid(mo2, d2):
                end = _iso(y2, mo2, d2)
                if end > start:
                    return f"{start}/{end}"
        return start
    m = YEAR_ONLY.match(text)
    if m:
        y = int(m["y"]) if m["y"] else year
        return _iso(y) if y else ""
    return ""


def _cn_number(text: str) -> int:
    """A number of up to 99 in Chinese numerals (六, 十五, 二十, 三十一); a year digit by digit (二〇二三)."""
    if len(text) == 4 and "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def _cn_date(m: re.Match) -> str:
    """A date in Chinese numerals written with digits (二〇二三年六月十五日 → 2023年6月15日)."""
    y = f"{_cn_number(m['y'])}年" if m["y"] else ""
    d = f"{_cn_number(m['d'])}日" if m["d"] else ""
    to = (f"至{_cn_number(m['m2'])}月" if m["m2"] else "至") + f"{_cn_number(m['d2'])}日" if m["d2"] else ""
    return f"{y}{_cn_number(m['m'])}月{d}{to}"


def _ref_day(ref: str) -> date | None:
    try:
        return date.fromisoformat(ref) if len(ref) == 10 else None
    except ValueError:
        return None


def _month_of(iso: str) -> tuple[int, int] | None:
    """The (year, month) a stated date is in (the start of a span), if it gives a month."""
    m = _YEAR_MONTH.match(iso)
    return (int(m[1]), int(m[2])) if m else None


_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _in_month(month: tuple[int, int], d: int) -> date | None:
    try:
        return date(month[0], month[1], d)
    except ValueError:
        return None


def _day_of(ref: date, d: int) -> date | None:
    """The day ``d`` of the page's month, or of the month before when ``d`` is after the page's day."""
    y, m = ref.year, ref.month
    if d > ref.day:
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Every date form below holds one of these: 年, 月, 日, 天 (次日, 第二天) or a relative day's first
# character (前晚, 昨夜, 今晨). A text with none of them states no date.
_DATE_CHARS = re.compile("[年月日天" + "".join(sorted({w[0] for w in RELATIVE_DAYS})) + "]")


_DIGIT = re.compile(r"\d")


def _from_digits(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)`` for a pattern every match of which opens with a digit (DATE_EXPR),
    searched from the digits: re tries a pattern that opens with an optional group at every character."""
    pos = 0
    while (d := _DIGIT.search(text, pos)) is not None and (m := pattern.search(text, d.start())) is not None:
        yield m
        pos = m.end()


def find_dates(text: str, year: int | None, ref: str = "", context: str = "") -> list[tuple[int, int, str]]:
    """Every date expression in ``text``: (start, end, iso), in order. ``ref`` is the page's own
    date (ISO day), against which relative days are resolved; a day written alone is in the
    month of ``context`` (the date the text last stated: 10月23日至25日…。23日下午…), else in the
    page's month (or the month before, for a day after the page's); with neither, it is no date."""
    out = []
    if not _DATE_CHARS.search(text):
        return out  # (most sentences state no date)
    # (A month and day written without a year are in the year the text last stated: 2022年3月…。6月15日…;
    # 1992年5月18日,…,5月21日,双方签署….)
    told_year = int(context[:4]) if context[:4].isdigit() else year
    # (去年6月: the month's year is the text's year less one: the year a report covers, else the page's.)
    ref_year = year or (int(ref[:4]) if ref[:4].isdigit() else None)
    relative_year = {m.end(): ref_year - RELATIVE_YEARS[m["w"]] for m in RELATIVE_YEAR.finditer(text)} if ref_year and "年" in text else {}
    # (Both forms need 月: most sentences have none.)
    found = sorted([(m.start(), 0, m) for m in _from_digits(DATE_EXPR, text)] + [(m.start(), 1, m) for m in CN_DATE.finditer(text)],
                   key=lambda t: t[:2]) if "月" in text else ()
    for _, in_words, m in found:
        try:
            # (With a third of the month after it: 9月下旬.)
            tenth = TEN_DAYS.match(text, m.end())
            iso = parse_date((_cn_date(m) if in_words else m.group(0)) + (tenth.group(0) if tenth else ""),
                             relative_year.get(m.start(), told_year))
        except KeyError:  # (not a number: 十十月)
            iso = ""
        if iso and not any(s < m.end() and m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), iso))
            if iso[:4].isdigit():
                told_year = int(iso[:4])
    for m in YEAR_WORD.finditer(text) if "年" in text else ():  # (every form holds 年)
        # (年内, 全年: the year the text last stated, its section's or the page's.)
        y = int(m["y"]) if m["y"] else _cn_number(m["cy"]) if m["cy"] else (int(context[:4]) if context[:4].isdigit() else year)
        if y and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), _iso(y)))
    for m in RELATIVE_YEAR.finditer(text) if relative_year else ():  # (去年，…: the year alone)
        if m.end() not in {s for s, _, _ in out}:
            out.append((m.start(), m.end(), _iso(relative_year[m.end()])))
    out.sort()
    day = _ref_day(ref)
    month = _month_of(context) if "日" in text else None
    # (A report's dateline, 本报南宁9月21日讯 今天下午…: its relative days are of the day it was filed.)
    filed = [(e, _ref_day(iso)) for _, e, iso in out if len(iso) == 10 and DATELINE_END.match(text, e)] if out else []
    if day is not None or month is not None or filed:
        # (With no page date, a day alone is read only in the month the text last stated: a chronicle's
        # 3月 … 5日　… 19日　….)
        days = [(m, int(m["d"]), m["d2"] and int(m["d2"])) for m in DAY_ONLY.finditer(text)] if "日" in text else []
        for m in CN_DAY_ONLY.finditer(text) if "日" in text else ():
            if text[m.start() - 1 : m.start()] != "于" and not _DAYS_DATE.match(text, m.end()):
                continue
            try:
                days.append((m, _cn_number(m["d"]), m["d2"] and _cn_number(m["d2"])))
            except KeyError:  # (not a number: 十十日)
                continue
        taken = [(s, e) for s, e, _ in out] if days else ()
        for m, d, d2 in days:
            if any(s <= m.start() < e for s, e in taken) or not 1 <= d <= 31:
                continue
            first = _in_month(month, d) if month else _day_of(day, d)
            if first is None:
                continue
            iso = first.isoformat()
            if d2:
                last = _in_month(month, d2) if month else _day_of(day, d2)
                if last is not None and last > first:
                    iso = f"{iso}/{last.isoformat()}"
            out.append((m.start(), m.end(), iso))
        for m in RECENT.finditer(text) if day is not None and "日" in text else ():  # (both its words hold 日)
            out.append((m.start(), m.end(), day.isoformat()[:7]))
        for m in RELATIVE.finditer(text) if day is not None or filed else ():
            base = next((d for e, d in reversed(filed) if e <= m.start() and d is not None), day)
            if base is None:
                continue
            out.append((m.start(), m.end(), (base - timedelta(days=RELATIVE_DAYS[m.group(0)])).isoformat()))
        out.sort()
    for m in TOLD_RELATIVE.finditer(text) if "天" in text or "日" in text else ():
        # (Of the day this text states before it, else of the day the text last stated.)
        base = next((iso for s, _, iso in reversed(out) if s < m.start()), context)
        if len(base) == 10 and not any(s <= m.start() < e for s, e, _ in out):
            told = date.fromisoformat(base) + timedelta(days=TOLD_RELATIVE_DAYS[m.group(0)])
            out.append((m.start(), m.end(), told.isoformat()))
    out.sort()
    return out


def within_span(date: str, span: str) -> bool:
    """Whether ``date`` (a day, month or ``start/end`` span) lies in the ``start/end`` span ``span``,
    each end compared at its own precision (2023-10-07 and 2023-10 lie in 2023-10-06/2023-10-10's
    month bounds as written)."""
    if "/" not in span:
        return False
    start, end = span.split("/")
    first, last = date.split("/")[0], date.split("/")[-1]
    return start <= first[: len(start)] and last[: len(end)] <= end
