"""A folder of the inputs real users feed kg: odd encodings, a web page, junk, a giant file, hostile text."""
from __future__ import annotations

from pathlib import Path

import opencc

HOSTILE_COMPANY = '“<script>alert(1)</script>"} ; DROP ALL ; SELECT * {”集团'

GOOD = {
    "good.txt": ("utf-8", "2021年3月1日，上海市市长龚正会见德国西门子股份公司总裁博乐仁。\n"),
    "gbk.txt": ("gbk", "外事动态\n\n2021年4月2日，广州市市长温国辉会见法国道达尔公司首席执行官潘彦磊。\n"),
    "utf16.txt": ("utf-16", "外事动态\n\n2021年6月8日，天津市市长廖国勋会见日本丰田汽车公司社长丰田章男。\n"),
    "nested/bom.md": ("utf-8-sig", "# 外事动态\n\n2021年7月9日，重庆市市长唐良智会见美国通用汽车公司董事长玛丽·博拉。\n"),
    # A file name no IRI may hold as it is.
    'odd name <1> "x" #2%.txt': ("utf-8", "2021年11月3日，成都市市长王凤朝会见英国石油公司首席执行官戴禄。\n"),
}
# Traditional characters, in Big5: read as simplified, quoted as written.
BIG5_TEXT = opencc.OpenCC("s2t").convert("外事动态\n\n2021年5月6日，市长陈吉宁会见德国戴姆勒股份公司董事长康林松。\n")

PAGE = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>深圳市领导会见韩国客人_深圳市人民政府外事办公室</title>
<meta name="description" content="外事动态"><meta property="article:published_time" content="2021-08-11"></head>
<body>
<div id="header"><div class="logo">深圳市人民政府外事办公室</div>
<ul class="nav">{nav}</ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/news">外事动态</a> &gt; 正文</div>
<div class="main"><div class="article">
<h1>深圳市领导会见韩国客人</h1>
<div class="meta">发布时间：2021-08-11 10:30 来源：市外办 字号：大 中 小</div>
<div class="content">
<p>2021年8月10日，深圳市市长覃伟中会见韩国三星电子株式会社社长金基南。双方就深化在电子信息产业领域的合作交换了意见。</p>
<p>覃伟中表示，深圳愿与三星电子进一步加强在研发、制造和人才培养等方面的交流合作，推动双方合作取得更多成果。</p>
<p>金基南表示，三星电子高度重视与深圳的合作，愿继续扩大在深投资。</p>
</div></div>
<div class="side"><h3>热点新闻</h3><ul>{side}</ul></div></div>
<div id="footer"><p>主办：深圳市人民政府外事办公室 版权所有 粤ICP备00000000号</p><p><a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p></div>
<script>document.write("<p>2021年1月1日，某市市长假名会见假公司董事长假人。</p>");</script>
</body></html>
""".format(
    nav="".join(f'<li><a href="/c{i}">栏目{i}</a></li>' for i in range(12)),
    side="".join(f'<li><a href="/n{i}">市领导出席第{i}届活动</a></li>' for i in range(8)),
)

RAGGED = (
    "表1 2021年某市领导会见外宾一览表\n\n"
    "时间\t市领导\t国别\t活动内容\n"
    "4月1日\t王 五\t法国\t会见法国某某集团董事长让·杜邦\n"
    "4月2日\t\n"
    "4月3日\t赵 六\t意大利\t会见意大利某某银行行长马里奥·罗西\t多余\t更多\n"
    "\t\t\t\n"
    "4月4日\n"
)

HOSTILE = (
    "外事动态\n\n"
    f"2021年9月1日，市长李强会见{HOSTILE_COMPANY}董事长约翰·史密斯。\n"
    "2021年9月2日，市长李强出席“<img src=x onerror=alert(1)>}} UNION {{ ?s ?p ?o”论坛开幕式。\n"
)

# Expected skips: file → a word of the reason.
SKIPPED = {
    "empty.txt": "is empty",
    "blank.md": "is empty",
    "binary.txt": "looks binary",
    "undecodable.txt": "is not text",
    "huge.txt": "too large",
    "empty-page.html": "no article text",
}


def write_corpus(root: Path, huge_mb: int = 50) -> Path:
    for name, (enc, text) in GOOD.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode(enc))
    (root / "big5.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (root / "page.html").write_bytes(PAGE.encode("gbk"))
    (root / "ragged.txt").write_text(RAGGED, encoding="utf-8")
    (root / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_bytes(b" \n\t\r\n")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    (root / "undecodable.txt").write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0xC8, 0x7F, 0x80, 0xA0]) * 64)
    # A page rendered by script: saved without its content.
    (root / "empty-page.html").write_text(
        '<html><head><title>外事动态</title></head><body><div id="app"></div><script src="/app.js"></script>'
        "<script>render('#app')</script></body></html>",
        encoding="utf-8",
    )
    line = "2021年10月1日，市长某某会见某国某某公司董事长某某某。这一行重复多次，只为把文件撑大。\n".encode("utf-8")
    with open(root / "huge.txt", "wb") as fh:
        block = line * (1024 * 1024 // len(line) + 1)
        for _ in range(huge_mb):
            fh.write(block)
    return root
