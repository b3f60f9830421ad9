"""The structure of a document: headings, yearbook entries, tables, report items, paragraphs.

:func:`parse_blocks` turns a :class:`~kg.model.Document` into
:class:`~kg.model.Block` objects. Every block keeps the line and character
span it came from; its ``text`` drops layout (line breaks inside a paragraph,
``**`` emphasis) and ``offsets`` maps each character back to the file.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import partial

from .extract.cues import pattern
from .extract.firstchars import first_chars, skipping
from .model import Block, Cell, Document

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CAPTION = re.compile(r"^表\s*(\d+)\s+(.+?)\s*$")
_ENTRY = re.compile(r"^(?:\*\*)?【([^】]+)】(?:\*\*)?")
_ITEM = re.compile(r"^第\s*(\d+)\s*项")
_LEAD_DEPT = re.compile(r"[(（]\s*牵头(?:部门|单位)\s*[:：]\s*([^)）]+?)\s*[)）]")
_PROGRESS = re.compile(r"^(?:\*\*)?进展情况")
_META = re.compile(r"^(日期|来源|字号|作者|发布时间|发布日期)\s*[:：]")
_BARE_DATE = re.compile(r"(?:19|20)\d\d(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")
# A news page's dateline: a date (and time) and what the site says of the item, on a line of its own
# (2024-05-22 10:15 来源：金华日报): never joined to the paragraph after it.
_DATELINE = re.compile(
    r"^(?:(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d)"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?\s*$|(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s+\S{0,20}?(?:来源|作者|编辑|发布|字号|浏览|点击|[|｜丨]))"
)
# The longest line without a comma or colon read as a caption or a headline (see take_paragraph).
_CAPTION_MAX = 30
_CLAUSE_MARK = re.compile(r"[，,、；;：:]")
_NOTE = re.compile(r"^(?:\*\*)?注\s*[:：]")
_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*")
_PAREN_OPEN = re.compile(r"^[(（]")
# A parenthesised byline at the start of a paragraph's first line: short, no sentence inside.
_BYLINE_LEAD = re.compile(r"^\s*[(（](?![一二三四五六七八九十\d]{1,3}[)）])(?![^()（）]*\d\s*[年月日])([^()（）。，,；;]{2,40})[)）](?=\s*\S)")
_PAREN_LINE = re.compile(r"^[(（]([^()（）]*)[)）]\s*$")
_PAGE_FOOTER = re.compile(r"^\S{2,30}\s+\d{1,4}\s*$")
# Date written at the start of a yearbook entry's body.
ENTRY_DATE = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日?)?(?:(?:至|—|-|~|～)(?:\d{1,2}月)?\d{1,2}日)?|年内|全年|年初|年底|上半年|下半年)"
)
_TERMINAL = tuple("。！？；!?;:：”」』)）")
_BULLETS = tuple("·•●▪■◆")
# A page's menu or breadcrumb: three or more short items, apart by spaces or bars, of Chinese words
# (首页 政务公开 新闻动态 部门动态; not a name in Latin letters, City of Yokohama).
_MENU_SEP = re.compile(r"\s*\|\s*|[ \u3000]+")
_MENU_ITEM = re.compile(r"[^，。；,;：:\s|]{1,8}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


# A page's source line (记者 X 2018年12月05日 来源：云南网): it ends its paragraph, as its names end with it.
_SOURCE_LINE = re.compile(rf"(?:{pattern('bodies', 'press.source')})\s*[:：]")


def _is_menu(line: str) -> bool:
    if " " not in line and "|" not in line and "\u3000" not in line:
        return False  # (most lines)
    items = _MENU_SEP.split(line)
    return (len(items) >= 3 and all(_MENU_ITEM.fullmatch(x) for x in items)
            and sum(1 for x in items if _CJK.search(x)) >= 3)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def column_key(text: str) -> str:
    """A header cell as the name of its column: padding removed, full-width forms made plain and a
    closing gloss in brackets left out (``国别（地区）`` → ``国别``), so that ``tables.toml`` lists each
    column name once."""
    key = unicodedata.normalize("NFKC", squeeze(text)).replace(" ", "")
    return _GLOSS_END.sub("", key) or key


_GLOSS_END = re.compile(r"\([^()]*\)$")


def squeeze(text: str) -> str:
    """Remove padding spaces between Chinese characters (``对 外 交 往`` → ``对外交往``)."""
    return _CJK_SPACE.sub("", text).strip()


class _Line:
    """A line of the file: its number (1-based), the offset of its first character and its text
    without the line break. (Stripped once when made: the reader asks for it several times a line.)"""

    __slots__ = ("no", "start", "text", "stripped")

    def __init__(self, no: int, start: int, text: str) -> None:
        self.no, self.start, self.text = no, start, text
        self.stripped = text.strip()

    @property
    def blank(self) -> bool:
        return not self.stripped


def split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for i, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        lines.append(_Line(i, pos, body))
        pos += len(raw)
    return lines


# Pinyin that some mirror sites insert after characters (會(huì)見, 國(guó)際): a parenthesised
# lower-case syllable with a tone mark right after a Chinese character. It is left out of the block
# text (the offsets keep pointing at the file), so that 會見 is one word again.
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = skipping(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{_TONE}])[a-zü{_TONE}]{{1,7}}\)")
# (Where pinyin can open: a bracket before a letter of it. Most lines with a bracket have none.)
_PINYIN_OPEN = re.compile(rf"\([a-zü{_TONE}]")
_STRAY_COMMA = re.compile(r"[,，](?=[,，、。；;：:])")


# A table cell padded to width, one character apart (日 本, 亚 洲, 城 市): one word.
_SPACED_CELL = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}$")


def _whole(body: str, drop_markup: bool) -> bool:
    """Whether a line's stripped text ``body`` goes into its block whole: no table cell padded to
    width, no pinyin, no bold markup to drop (most lines)."""
    return (not ((" " in body or "\u3000" in body) and _SPACED_CELL.match(body))  # (a spaced cell needs a space)
            and _PINYIN_OPEN.search(body) is None and (not drop_markup or "**" not in body))


class _TextBuilder:
    """Accumulates block text with where its characters are in the file, as runs of consecutive
    characters: ``(index in the text, offset in the file)`` where each begins (see
    :meth:`Block.source_offset`). A block keeps a pair per line, not an integer per character (a
    table of 200,000 rows took hundreds of megabytes so; a list per character also took a tenth of
    the structure reader's time)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.length = 0  # characters so far
        self.first = self.last = -1  # the file offsets of the first and last characters

    def _put(self, piece: str, offset: int) -> None:
        """``piece``, whose first character is at ``offset`` in the file (the others follow it)."""
        if not piece:
            return
        if self.last < 0 or offset != self.last + 1:
            self.runs.append((self.length, offset))
        if self.first < 0:
            self.first = offset
        self.parts.append(piece)
        self.length += len(piece)
        self.last = offset + len(piece) - 1

    def add(self, line: _Line, drop_markup: bool = True) -> None:
        text = line.text
        body = line.stripped
        lo = len(text) - len(text.lstrip())
        hi = lo + len(body)
        if _whole(body, drop_markup):
            # (Most lines: no spaced cell, no bold markup and no pinyin: the line's text whole.)
            self._put(body, line.start + lo)
            return
        if (" " in body or "\u3000" in body) and _SPACED_CELL.match(body):  # (a spaced cell needs a space)
            for i in range(lo, hi):
                if not text[i].isspace():
                    self._put(text[i], line.start + i)
            return
        pinyin = _PINYIN_OPEN.search(body) is not None
        i = lo
        while i < hi:
            # Up to the next ** (bold markup), which is dropped.
            j = text.find("**", i, hi) if drop_markup else -1
            j = hi if j < 0 else j
            k = i
            # (And, in a line with pinyin, a comma right before another mark, a leftover of the page's
            # annotations: 欧阳卫民,、张虎; 友好省州,,结好.)
            drops = sorted([*((m.start(), m.end()) for m in _PINYIN.finditer(text, i, j)),
                            *((m.start(), m.end()) for m in _STRAY_COMMA.finditer(text, i, j))]) if pinyin else ()
            for s, e in drops:
                self._put(text[k:s], line.start + k)
                k = e
            self._put(text[k:j], line.start + k)
            i = j + 2

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _built(kind: str, lines: list[_Line]) -> tuple[_TextBuilder, _Line]:
    """The text of a block of ``kind`` over ``lines``, and its first line with text (else its first)."""
    tb = _TextBuilder()
    drop_markup = kind != "table_row"
    first = None
    for ln in lines:
        if ln.stripped:
            tb.add(ln, drop_markup)
            if first is None:
                first = ln
    return tb, lines[0] if first is None else first


def _block(doc: Document, kind: str, lines: list[_Line], section: str, built=None, attrs: dict | None = None,
           table: str = "", cells: tuple[Cell, ...] = ()) -> Block:
    """A block of ``kind`` over ``lines``; ``built`` is its text, when the caller has read it (see _built).
    (The Block is made with its fields in order: the reader makes one for every block of every document.)"""
    attrs = tuple([(k, v) for k, v in attrs.items() if v]) if attrs else ()
    if built is None and len(lines) == 1 and lines[0].stripped and _whole(lines[0].stripped, kind != "table_row"):
        # (A block of one line taken whole, as most are: its text and its one run, with no builder.)
        first = lines[0]
        text = first.stripped
        start = first.start + len(first.text) - len(first.text.lstrip())
        return Block(doc.id, kind, first.no, start, start + len(text), text, ((0, start),), attrs, cells, section, table)
    tb, first = built or _built(kind, lines)
    start = tb.first if tb.runs else first.start
    end = tb.last + 1 if tb.runs else first.start
    return Block(doc.id, kind, first.no, start, end, tb.text, tuple(tb.runs), attrs, cells, section, table)


# A numbered heading of a web page or report (二、友好城市介绍, (一)长井市, 1、双方交流情况概述):
# short, without a sentence's punctuation.
_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．](?!\d))"
                               # (Or two short phrases joined by a comma: 二、深化友城合作，拓展地方交往.)
                               r"(?:[^。！？!?；;，,]{1,30}|[^。！？!?；;，,\d]{2,12}[，,][^。！？!?；;，,\d]{2,12})$")


# A month or a year alone on its line: a chronicle's (大事记) section (1月, 2019年3月, 十二月份).
_DATE_HEADING = re.compile(r"^(?:(?:19|20)\d\d\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?$|^(?:19|20)\d\d\s*年(?:度)?$")


# A numbered list item that states a year: 1.意大利威尼斯市 1980年3月24日, (2)日本池田市（1981年）.
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[、.．](?!\d)|[(（]\d{1,3}[)）])[^。！？!?；;，,]{2,40}?(?:19|20)\d\d\s*年")


def _opens(pattern: re.Pattern) -> frozenset[str]:
    """The characters a match of ``pattern`` can start with (see :mod:`kg.extract.firstchars`): a
    line that opens with none of them needs no test. (Most lines open with none: the reader tested
    every pattern on every line, more than half its pattern tests.)"""
    chars = first_chars(pattern.pattern)
    assert chars is not None, pattern.pattern
    return chars


_HEADING_OPENS = _opens(_HEADING)
_CAPTION_OPENS = _opens(_CAPTION)
_ENTRY_OPENS = _opens(_ENTRY)
_ITEM_OPENS = _opens(_ITEM)
_PROGRESS_OPENS = _opens(_PROGRESS)
_META_OPENS = _opens(_META)
_NOTE_OPENS = _opens(_NOTE)
_PAREN_OPENS = _opens(_PAREN_OPEN)
_MARKED_OPENS = (_HEADING_OPENS | _CAPTION_OPENS | _ENTRY_OPENS | _ITEM_OPENS | _PROGRESS_OPENS | _META_OPENS
                 | _NOTE_OPENS | _PAREN_OPENS)
# (What ends a yearbook entry's lines.)
_ENTRY_ENDS_OPENS = _opens(_PAREN_LINE) | _PAREN_OPENS | _HEADING_OPENS | _CAPTION_OPENS | _ENTRY_OPENS
_CLOSES = re.compile(r"[)）]\s*$")  # (an author line's closing parenthesis)
_SENTENCE_ENDS = re.compile(r"[。！？!?；;]$")
_COMMA_OR_STOP = re.compile(r"[，。,]")
_META_SEP = re.compile(r"[:：]")


def _is_structural(s: str) -> bool:
    return bool(
        s[:1] in _MARKED_OPENS and (
            _HEADING.match(s)
            or _CAPTION.match(s)
            or _ENTRY.match(s)
            or _ITEM.match(s)
            or _PROGRESS.match(s)
            or _META.match(s)
            or _PAREN_OPEN.match(s)
            or _NOTE.match(s))
        or _NUMBERED_HEADING.match(s)
        or _DATE_HEADING.match(s)
        or "\t" in s
    )


def _cells(line: _Line, header: tuple[str, ...]) -> tuple[Cell, ...]:
    cells = []
    pos = 0
    parts = line.text.split("\t")
    for i, part in enumerate(parts):
        column = header[i] if i < len(header) else f"col{i + 1}"
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        start = line.start + pos + lead
        cells.append(Cell(column, body, start, start + len(body)))  # (column, text, start, end: see _block)
        pos += len(part) + 1
    return tuple(cells)


# A Markdown table's row (| 1 | 日本 | 高松市 |) and its rule (| --- | :---: |).
_PIPE_ROW = re.compile(r"^\s*\|(.*\|.*)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")


def _pipe_cells(line: _Line) -> _Line:
    """A Markdown table's row as tab-separated cells, its rule as a blank line; the text keeps its
    length, so every offset still points into the document (the quotes keep the pipes)."""
    if "|" not in line.text:
        return line  # (both patterns need a pipe: most lines have none)
    if _PIPE_RULE.match(line.text):
        return _Line(line.no, line.start, " " * len(line.text))
    m = _PIPE_ROW.match(line.text)
    if m is None or sum(1 for c in m.group(1).split("|") if c.strip()) < 2:
        return line  # (a line of pipes alone, 「|||||」, is no row: a page's leftover markup)
    inner = m.group(1).replace("|", "\t")
    return _Line(line.no, line.start, line.text[: m.start(1) - 1] + " " + inner + " " + line.text[m.end(1) + 1 :])


# Cells set apart by runs of spaces (a table typed with full-width spaces: 1　　奇姆肯特市　　哈萨克斯坦).
_SPACE_RUN = re.compile(r"[ \u3000]{2,}")
_SPACED_ROWS = 3  # lines in a row with as many such cells, at least: a table (a header and two rows)


def _spaced_cells(lines: list[_Line]) -> list[_Line]:
    """Lines whose cells are set apart by runs of two spaces or more, three lines or more in a row with
    as many cells, as tab-separated cells; the text keeps its length (the first space of a run becomes
    the tab), so every offset still points into the document."""
    # (A line with no space in it is one cell: most lines, which the pattern need not read.)
    counts = [(len(_SPACE_RUN.split(ln.stripped)) if " " in ln.text or "\u3000" in ln.text else 1)
              if "\t" not in ln.text and ln.stripped else 0 for ln in lines]
    out = list(lines)
    if sum(k >= 2 for k in counts) < _SPACED_ROWS:
        return out  # (no three lines of several cells: most documents)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and counts[j] >= 2 and counts[j] == counts[i]:
            j += 1
        if j - i >= _SPACED_ROWS:
            for k in range(i, j):
                ln = lines[k]
                lead = len(ln.text) - len(ln.text.lstrip())
                body = _SPACE_RUN.sub(lambda m: "\t" + " " * (len(m.group(0)) - 1), ln.text[lead:].rstrip())
                out[k] = _Line(ln.no, ln.start, ln.text[:lead] + body + ln.text[lead + len(body):])
        i = max(j, i + 1)
    return out


def _continues_table(text: str, header: tuple[str, ...]) -> bool:
    """Whether a line of cells is a row of a table with ``header`` rather than a header of its own:
    as many cells, a digit in them (a number, a date) where the header has none."""
    cells = text.rstrip().split("\t")
    return (bool(header) and len(cells) == len(header) and any(c.isdigit() for c in text)
            and not any(c.isdigit() for h in header for c in h))


def parse_blocks(doc: Document) -> list[Block]:
    """Split a document into blocks, in file order."""
    lines = split_lines(doc.text)
    if "|" in doc.text:  # (a Markdown table's rows need a pipe: most documents have none)
        lines = [_pipe_cells(ln) if "|" in ln.text else ln for ln in lines]
    if _SPACE_RUN.search(doc.text):
        # (Cells set apart by spaces need a run of them: most documents have none. A Markdown row
        # made cells above has a tab, which _spaced_cells leaves as it is.)
        lines = _spaced_cells(lines)
    blocks: list[Block] = []
    i = 0
    n = len(lines)
    section = ""
    table = ""
    header: tuple[str, ...] = ()
    item = ""
    seen_content = False

    # Front matter is metadata, not content.
    if lines and lines[0].stripped == "---":
        for j in range(1, n):
            if lines[j].stripped == "---":
                blocks.append(_block(doc, "front_matter", lines[: j + 1], section))
                i = j + 1
                break

    def _is_dateline(j: int) -> bool:
        """A dateline: a date with a time or the site's words, or a date alone among the page's
        first lines (where a page states its own date; further down a date alone is a list's cell)."""
        t = lines[j].stripped
        return bool(_DATELINE.match(t) or (j < 4 and _BARE_DATE.fullmatch(t)))

    last_header: tuple[str, ...] = ()  # the columns of the last table (rows after it may go on with them)

    def _starts_table(j: int) -> bool:
        """Whether a line of tab-separated cells starts a table no caption announces: the next line
        (past at most one blank) has as many cells, or fewer with the last ones empty (a row whose
        备注 is blank: its trailing tabs may be lost)."""
        cells = lines[j].text.rstrip().split("\t")
        if sum(1 for c in cells if c.strip()) < 2:
            return False
        k = j + 1
        if k < n and lines[k].blank:
            k += 1
        return k < n and 2 <= len(lines[k].text.rstrip().split("\t")) <= len(cells)

    def take_paragraph(j: int) -> int:
        """Index after a paragraph starting at j: consecutive lines, and lines after a
        blank when the text so far does not end a sentence (page-break continuations).
        A dateline is a paragraph of its own."""
        if _is_dateline(j):
            return j + 1
        k = j + 1
        while True:
            while k < n and not lines[k].blank and not _is_structural(lines[k].stripped) and not _is_dateline(k):
                if (lines[k - 1].text.rstrip().endswith(_TERMINAL) or lines[k].stripped.startswith(_BULLETS)
                        or _is_menu(lines[k - 1].stripped) or _is_menu(lines[k].stripped)
                        or (":" in lines[k - 1].text or "：" in lines[k - 1].text) and _SOURCE_LINE.search(lines[k - 1].text)):
                    # (A line that ends a sentence ends its paragraph: a page written a paragraph a line;
                    # so does a line before a bulleted one: ·我市举办…推介会 / ·我市召开…会议; a page's menu
                    # is a paragraph of its own: 首页 政务公开 新闻动态 部门动态 / 香港特区政府…来常调研.)
                    return k
                k += 1
            last = lines[k - 1].text.rstrip()
            if last.endswith(_TERMINAL) or last.endswith("**"):
                return k
            m = k
            while m < n and lines[m].blank:
                m += 1
            # (A short line with no clause in it is a caption or a headline, not a sentence cut by a
            # page break: 张源副主任陪同埼玉县知事参观图片展.)
            cut = len(last.strip()) >= _CAPTION_MAX or _CLAUSE_MARK.search(last)
            if cut and m < n and m > k and not _is_structural(lines[m].stripped) and not _is_dateline(m) and m - k <= 2:
                k = m + 1
                continue
            return k

    while i < n:
        ln = lines[i]
        s = ln.stripped
        if not s:
            i += 1
            continue
        if "\t" in ln.text and not table and (_continues_table(ln.text, last_header) or _starts_table(i)):
            table, header = f"~{ln.no}", ()  # a table with no caption, named by its first line
            if _continues_table(ln.text, last_header):
                # (Rows under a line naming their part, 友好交流城市, after a table: the same columns,
                # with no header row of their own.)
                header = last_header
        if "\t" in ln.text and table:  # a row with empty trailing cells ("4月2日\t") is still a row
            if not header:
                header = last_header = tuple(column_key(c) for c in ln.text.split("\t"))
                blocks.append(_block(doc, "table_header", [ln], section, table=table, cells=_cells(ln, header)))
            else:
                blocks.append(_block(doc, "table_row", [ln], section, table=table, cells=_cells(ln, header)))
            i += 1
            continue
        c = s[0]  # (see _opens)
        if table and c not in _PAREN_OPENS:
            table, header = "", ()
        m = _HEADING.match(s) if c in _HEADING_OPENS else None
        if m:
            section = squeeze(m.group(2).replace("*", ""))
            blocks.append(_block(doc, "heading", [ln], section, attrs={"level": str(len(m.group(1))), "title": section}))
            seen_content = True
            i += 1
            continue
        caption = _CAPTION.match(s) if c in _CAPTION_OPENS else None
        if _LIST_ITEM.match(s) and not caption:
            # A numbered item with a year (1.意大利威尼斯市 1980年3月24日): an item of the list the
            # heading (or the title) above it names, not a heading.
            blocks.append(_block(doc, "list_item", [ln], section))
            seen_content = True
            i += 1
            continue
        if (_NUMBERED_HEADING.match(s) or _DATE_HEADING.match(s)) and not caption:
            section = squeeze(s)
            blocks.append(_block(doc, "heading", [ln], section, attrs={"level": "0", "title": section}))
            seen_content = True
            i += 1
            continue
        m = caption
        if m:
            table, header = m.group(1), ()
            blocks.append(
                _block(doc, "table_caption", [ln], section, table=table, attrs={"number": table, "title": squeeze(m.group(2))})
            )
            i += 1
            continue
        # (A byline opens with a bracket after spaces, s's first character.)
        byline = _BYLINE_LEAD.match(lines[i].text) if c in _PAREN_OPENS else None
        if byline and lines[i].text[byline.end() :].strip():
            # A byline that opens a paragraph (（记者 张三）5月10日，…): the byline, then the paragraph.
            head = _Line(lines[i].no, lines[i].start, lines[i].text[: byline.end()])
            blocks.append(_block(doc, "author", [head], section, attrs={"names": squeeze(byline.group(1))}))
            lines[i] = _Line(lines[i].no, lines[i].start + byline.end(), lines[i].text[byline.end() :])
            continue
        j = i
        paren = c in _PAREN_OPENS
        while paren and j < n and not _CLOSES.search(lines[j].text) and j - i < 4:
            j += 1
        if paren and j < n and _CLOSES.search(lines[j].text):
            # An author line, possibly running over several lines until the closing parenthesis.
            group = lines[i : min(j, n - 1) + 1]
            inner = squeeze("".join(x.stripped for x in group))[1:-1].strip()
            prev = blocks[-1].kind if blocks else ""
            if prev in ("table_row", "table_header"):
                kind = "table_credit"
            elif "编辑" in inner:
                kind = "editor"
            else:
                kind = "author"
            blocks.append(
                _block(doc, kind, group, section, table=table if kind == "table_credit" else "", attrs={"names": inner})
            )
            table, header = "", ()
            i = min(j, n - 1) + 1
            continue
        m = _ENTRY.match(s) if c in _ENTRY_OPENS else None
        if m:
            # A yearbook entry runs until its author line, a heading, a table or the next entry.
            j = i + 1
            while j < n:
                t = lines[j].stripped
                if t and (
                    t[0] in _ENTRY_ENDS_OPENS and (_PAREN_LINE.match(t) or _PAREN_OPEN.match(t) or _HEADING.match(t) or _CAPTION.match(t)
                                                   or _ENTRY.match(t))
                    or "\t" in t
                ):
                    break
                j += 1
            title = m.group(1).replace("**", "").strip()
            # (The entry's text is read before its block is made: its date is in its attributes.)
            built = _built("entry", lines[i:j])
            text = built[0].text
            body = text[len("【" + m.group(1) + "】") :] if text.startswith("【") else text
            dm = ENTRY_DATE.match(body)
            author = ""
            k = j
            while k < n and lines[k].blank:
                k += 1
            if k < n and _PAREN_LINE.match(lines[k].stripped):
                author = squeeze(_PAREN_LINE.match(lines[k].stripped).group(1))
            attrs = {"title": title, "date": dm.group(0) if dm else "", "author": author}
            blocks.append(_block(doc, "entry", lines[i:j], section, built, attrs=attrs))
            seen_content = True
            i = j
            continue
        m = _ITEM.match(s) if c in _ITEM_OPENS else None
        if m:
            item = m.group(1)
            dept = _LEAD_DEPT.search(s)
            j = take_paragraph(i)
            blocks.append(
                _block(doc, "report_item", lines[i:j], section, attrs={"number": item, "lead": dept.group(1) if dept else ""})
            )
            seen_content = True
            i = j
            continue
        if c in _PROGRESS_OPENS and _PROGRESS.match(s):
            j = take_paragraph(i)
            blocks.append(_block(doc, "report_progress", lines[i:j], section, attrs={"item": item}))
            i = j
            continue
        meta = _META.match(s) if c in _META_OPENS else None
        if meta:
            key = meta.group(1)
            blocks.append(_block(doc, "meta", [ln], section, attrs={"key": key, "value": _META_SEP.split(s, 1)[1].strip()}))
            i += 1
            continue
        # The first line is the title unless it reads as a sentence (a one-paragraph news item).
        if not seen_content and not blocks_have_title(blocks) and not _SENTENCE_ENDS.search(s):
            blocks.append(_block(doc, "title", [ln], section, attrs={"title": s}))
            seen_content = True
            i += 1
            continue
        if c in _NOTE_OPENS and _NOTE.match(s):
            j = take_paragraph(i)
            blocks.append(_block(doc, "note", lines[i:j], section))
            i = j
            continue
        if _PAGE_FOOTER.match(s) and len(s) < 40 and not _COMMA_OR_STOP.search(s):
            blocks.append(_block(doc, "page_footer", [ln], section))
            i += 1
            continue
        j = take_paragraph(i)
        lead = _BOLD_LEAD.match(s)
        blocks.append(_block(doc, "paragraph", lines[i:j], section, attrs={"lead": lead.group(1) if lead else ""}))
        seen_content = True
        i = j
    return blocks


def blocks_have_title(blocks: list[Block]) -> bool:
    return any(b.kind in ("title", "heading") for b in blocks)


def line_finder(text: str):
    """A function giving the 1-based line of an offset, in O(log n) per call (for many look-ups)."""
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    return partial(bisect_right, starts)  # (no Python frame per look-up: every mention asks)


_NEWLINE = re.compile("\n")
