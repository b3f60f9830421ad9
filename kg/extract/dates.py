"""Chinese date expressions to ISO 8601, as precise as the text allows.

``12月7日`` → ``2020-12-07`` (with the document's reference year),
``7月`` → ``2020-07``, ``12月7日至8日`` and ``9月26至29日`` → a ``start/end``
span, ``年内`` → ``2020``.
"""
from __future__ import annotations

import re

DATE_EXPR = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日?)?"
    r"(?:\s*(?:至|到|—|–|-|~|～)\s*(?:(?:(?P<y2>\d{4})\s*年\s*)?(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*日)?"
)
ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?")
YEAR_ONLY = re.compile(r"^(?:(?P<y>\d{4})\s*年|年内|全年|上半年|下半年|年初|年底)")


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(m: int | None, d: int | None) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


def parse_date(text: str, year: int | None) -> str:
    """The first date in ``text`` as ISO (``start/end`` for spans); ``""`` when none can be read."""
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


def find_dates(text: str, year: int | None) -> list[tuple[int, int, str]]:
    """Every month/day date expression in ``text``: (start, end, iso)."""
    out = []
    for m in DATE_EXPR.finditer(text):
        iso = parse_date(m.group(0), year)
        if iso:
            out.append((m.start(), m.end(), iso))
    return out
