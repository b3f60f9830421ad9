"""A dense table: one text file of N meeting rows, the file the memory limit of one document is measured on.

A foreign-affairs office's list of the guests it received, one row per line,
tab-separated (序号 日期 会见领导 外宾 国别), as a page's table becomes text:
every row a meeting of a city leader with a guest whose name is unique to the
row (its surname spells the row's number in transliteration syllables), so
that the graph has as many people, meetings and positions as the table has
rows. ``python -m benchmarks.dense N PATH`` writes one; the same N gives the
same file.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

TITLE = "某市外事办公室接待外宾一览表"
HEADER = "序号\t日期\t会见领导\t外宾\t国别"
SURNAMES = "陈郭刘杨赵李高周王林马黄吴张罗徐"
GIVEN = "超明洋勇建国丽磊伟强鹏志敏芳杰涛静平军华"
FIRST_NAMES = ("汉斯", "卡洛斯", "约翰", "彼得")
# Twenty syllables: a guest's surname is the row's number written in them, lowest digit first.
DIGITS = "阿巴卡达埃菲加哈伊科拉马纳奥帕罗萨塔乌瓦"


def guest_surname(n: int, width: int) -> str:
    """``n`` in base twenty, ``width`` syllables, then 斯: unique per row."""
    out = []
    for _ in range(width):
        n, d = divmod(n, len(DIGITS))
        out.append(DIGITS[d])
    return "".join(out) + "斯"


def rows(n: int, seed: int = 0):
    """The table's lines (without line ends): title, header, then ``n`` rows."""
    rng = random.Random(seed)
    width = 4
    while len(DIGITS) ** width < n:
        width += 1
    yield TITLE
    yield HEADER
    for i in range(n):
        leader = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        guest = rng.choice(FIRST_NAMES) + "·" + guest_surname(i, width)
        yield f"{i + 1}\t2020年{i % 12 + 1}月{i % 28 + 1}日\t市长{leader}\t{guest}\t德国"


def write_dense_table(path: str | Path, n: int, seed: int = 0) -> Path:
    """Write a table of ``n`` rows to ``path`` (UTF-8); the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for line in rows(n, seed):
            fh.write(line + "\n")
    return path


if __name__ == "__main__":
    write_dense_table(sys.argv[2], int(sys.argv[1]))
