"""A generator of realistic documents: the structures of the seed documents, filled with gazetteer names.

Each document is one of three kinds, as the seeds are: a yearbook chapter
(a summary paragraph, ``【title】date …`` entries, a table of leaders'
meetings), a foreign-affairs office progress report (``第N项 …`` items with
``进展情况`` paragraphs) or a news item. Places, countries and companies come
from kg's gazetteers (public reference data); Chinese leaders' names are drawn
from common surnames and given-name characters, foreign executives' from
transliteration syllables. The same seed gives the same corpus.
"""
from __future__ import annotations

import random
from pathlib import Path

from kg.gazetteer import load

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宁海波鹏辉晓东林雪琳春梅云飞浩然子轩宇晨欣怡思远博"
SYLLABLES = ["康", "林", "松", "布", "莱", "恩", "罗", "伯", "茨", "马", "克", "斯", "蒂", "芬", "安", "德", "烈", "索", "比", "亚", "宁",
             "乔", "治", "威", "廉", "汉", "娜", "卡", "尔", "彼", "得", "保", "罗", "约", "翰", "杜", "邦", "米", "歇", "里", "奥"]
LEADER_TITLES = ["市长", "副市长", "市委书记", "市委副书记", "市政协主席", "市人大常委会主任"]
EXEC_TITLES = ["董事长", "首席执行官", "总裁", "全球副总裁", "董事长兼首席执行官", "大中华区总裁"]
TOPICS = ["深化合作", "扩大在华投资", "科技创新合作", "绿色低碳发展", "人文交流", "数字经济", "友城务实合作", "医疗卫生合作"]
EVENTS = ["国际友好城市论坛", "服务贸易交易会", "国际青年创新创业峰会", "外国驻华记者新年招待会", "国际城市科技大会", "友城文化周"]
RELATIONS = [("缔结友好城市关系", "sister"), ("签署友好交流合作备忘录", "mou"), ("签署合作意向书", "loi")]


class Names:
    def __init__(self, rng: random.Random) -> None:
        gaz = load()
        self.rng = rng
        self.cities = [e for e in gaz.entries if e.type == "City" and e.country and e.country != "中国"]
        self.home_cities = [e.zh for e in gaz.entries if e.type == "City" and e.country == "中国"]
        self.companies = [e for e in gaz.entries if e.type == "Company" and e.country and e.country != "中国"]
        self.countries = [e.zh for e in gaz.entries if e.type == "Country" and e.wikidata]

    def leader(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))

    def foreigner(self) -> str:
        parts = ["".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))) for _ in range(self.rng.choice((1, 2)))]
        return "·".join(parts)

    def date(self, year: int) -> tuple[int, int]:
        return self.rng.randint(1, 12), self.rng.randint(1, 28)


def yearbook(n: Names, year: int, home: str) -> str:
    r = n.rng
    lines = ["# 外事", "", "## 综 述", "",
             f"{year}年,{home}外办围绕{r.choice(TOPICS)}和{r.choice(TOPICS)},推动对外交往取得新成效。全年接待外国团组{r.randint(50, 400)}批。", "",
             f"({n.leader()})", "", "## 对 外 交 往", ""]
    for _ in range(r.randint(3, 7)):
        m, d = n.date(year)
        c = r.choice(n.companies)
        leader, title = n.leader(), r.choice(LEADER_TITLES)
        lines += [f"**【{title}会见{c.country}客人】**{m}月{d}日,{title}{leader}会见{c.country}{c.zh}{r.choice(EXEC_TITLES)}{n.foreigner()}。"
                  f"双方就{r.choice(TOPICS)}交换意见。{leader}表示,欢迎企业扩大在{home[:2]}投资。", "", f"({n.leader()})", ""]
    for _ in range(r.randint(1, 3)):
        m, d = n.date(year)
        city = r.choice(n.cities)
        verb, _ = r.choice(RELATIONS)
        lines += [f"**【与{city.zh}{verb[:2]}】**{m}月{d}日,{home}与{city.country}{city.zh}{verb}。", "", f"({n.leader()})", ""]
    m, d = n.date(year)
    lines += [f"**【{r.choice(EVENTS)}】**{m}月{d}日,{year}{home[:2]}{r.choice(EVENTS)}在京举行。市长{n.leader()}出席并致辞。", "", f"({n.leader()})", ""]
    lines += [f"表1 {year}年{home}主要领导会见外国客人一览表", "", "时间\t市领导\t国别\t活动内容"]
    for _ in range(r.randint(4, 12)):
        m, d = n.date(year)
        c = r.choice(n.companies)
        mode = r.choice(("会见", "视频会见"))
        lines.append(f"{m}月{d}日\t{' '.join(n.leader() for _ in range(r.randint(1, 2)))}\t{c.country}\t{mode}{c.country}{c.zh}{r.choice(EXEC_TITLES)}{n.foreigner()}")
    return "\n".join(lines) + "\n"


def report(n: Names, year: int, home: str) -> str:
    r = n.rng
    lines = [f"{home}人民政府外事办公室{year}年重点任务上半年进展情况", f"日期:{year}-06-{r.randint(10, 28)}", "来源:外办", ""]
    for item in range(1, r.randint(4, 9)):
        cities = r.sample(n.cities, 3)
        lines += [f"第{item}项:优化友城交往布局,深化{r.choice(TOPICS)}。(牵头部门:{r.choice(['国际处', '欧非处', '环太处', '亚洲处'])})", "",
                  f"进展情况:市主要领导会见{'、'.join(c.country + c.zh for c in cities)}等城市领导人。"
                  f"接待{cities[0].country}{cities[0].zh}等{r.randint(2, 15)}批次外国城市代表团来访。", ""]
    return "\n".join(lines) + "\n"


def news(n: Names, year: int, home: str) -> str:
    r = n.rng
    m, d = n.date(year)
    c = r.choice(n.companies)
    leader = n.leader()
    return (f"{home}领导会见{c.country}客人\n日期:{year}-{m:02d}-{d:02d}\n\n"
            f"{year}年{m}月{d}日,{home}市长{leader}会见{c.country}{c.zh}{r.choice(EXEC_TITLES)}{n.foreigner()}。"
            f"双方就{r.choice(TOPICS)}交换了意见。{leader}表示,欢迎更多外资企业来{home[:2]}发展。\n")


def write_corpus(out: str | Path, count: int, seed: int = 2024) -> list[Path]:
    """Write ``count`` documents into ``out`` (yearbooks, reports and news in the seeds' proportions); their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = Names(rng)
    paths = []
    for i in range(count):
        year = rng.randint(2005, 2024)
        home = rng.choice(names.home_cities)
        kind = rng.choices(("yearbook", "report", "news"), weights=(2, 3, 5))[0]
        text = {"yearbook": yearbook, "report": report, "news": news}[kind](names, year, home)
        p = out / f"{kind}-{i:06d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
