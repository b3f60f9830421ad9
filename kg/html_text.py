"""The article in an HTML page: main text without navigation and boilerplate, and its title and date.

trafilatura finds the main content (precision over recall, so menus, breadcrumbs,
footers and scripts stay out) and the page's metadata. Its Markdown output keeps
paragraphs apart; table rows (``| a | b |``) become tab-separated lines, the
way kg reads tables in text files. Line numbers and offsets of facts read from a
page refer to this extracted text.
"""
from __future__ import annotations

import logging
import re

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


# A tag whose attributes run to thousands of characters (a hostile or broken page: 200,000
# attributes on one element) makes libxml2's parse quadratic (minutes for 2 MB); no text is lost
# by dropping such a tag's attributes before the page is parsed.
_HUGE_TAG = re.compile(r"<([A-Za-z][\w:-]{0,30})[^<>]{4000,}>")


_CONTENT_SOURCE = re.compile(r"<meta\s+name=[\"'](?:ContentSource|source)[\"']\s+content=[\"']([^\"'<>]{1,40})[\"']", re.I)
_SOURCE_FIELD = re.compile(r"来源\s*[:：]\s*(?:<[^<>]{0,200}>\s*)*([^\s<>&|｜:：]{2,30})")


_DATE_FIELD = re.compile(r"(?:发布时间|发布日期|发表时间|发表日期|发文日期|日期|时间)\s*[:：]\s*(?:<[^<>]{0,200}>\s*)*"
                         r"((?:19|20)\d\d)\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")


def main_text(html: str) -> tuple[str, dict[str, str]]:
    """The page's main text, and ``title``/``date`` metadata where the page gives them."""
    import trafilatura

    html = _HUGE_TAG.sub(r"<\1>", html)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    text = trafilatura.extract(html, output_format="markdown", favor_precision=True, include_tables=True,
                               include_comments=False, include_links=False, include_images=False, deduplicate=False)
    text = text or ""  # nothing that looks like an article: the caller reports the page
    meta: dict[str, str] = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        if info.title:
            meta["title"] = info.title.strip()
    # The date: the article's own date field (发布时间：2023年06月05日), else one the page states as a
    # date (htmldate without its extensive search, whose guesses from a year alone, a copyright
    # line's, are the 1st of January).
    m = _DATE_FIELD.search(html)
    if m:
        meta["date"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    else:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True)
        if found:
            meta["date"] = found
    # The publisher, as Chinese government and news CMSs give it: <meta name="ContentSource">, else
    # the 来源：X of the article's info line (trafilatura keeps neither).
    m = _CONTENT_SOURCE.search(html) or _SOURCE_FIELD.search(html)
    if m and m.group(1).strip():
        meta["publisher"] = m.group(1).strip()
    lines = []
    for line in text.splitlines():
        if _RULE.match(line) and "|" in line:
            continue
        m = _ROW.match(line)
        lines.append("\t".join(c.strip() for c in m.group(1).split("|")) if m else line)
    return "\n".join(lines).strip() + "\n", meta
