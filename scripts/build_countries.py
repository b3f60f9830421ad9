"""Regenerate kg/gazetteer/data/countries.tsv from pycountry (ISO 3166-1) and CLDR (via babel).

pycountry gives every country's ISO codes, English name and Chinese short and
official names. Its zh_CN short names are partly dated (吉尔吉斯坦, 马尔他,
瓜地马拉), so Unicode CLDR's Chinese territory name (babel's locale data, the
names PRC texts use: 吉尔吉斯斯坦, 马耳他, 危地马拉) is the preferred short
name, with pycountry's kept as an alias. The table below adds the short forms Chinese texts actually
use where the ISO name is the long form (大韩民国 → 韩国), common aliases, and
Wikidata ids of the countries most often named. Hong Kong, Macao and Taiwan
are typed Region with country 中国.

Run: python scripts/build_countries.py
"""
from __future__ import annotations

import csv
import gettext
from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "kg" / "gazetteer" / "data" / "countries.tsv"

# iso2: (preferred zh short name, extra aliases)
SHORT = {
    "KR": ("韩国", ["南韩"]),
    "MN": ("蒙古", ["蒙古国"]),
    "ID": ("印度尼西亚", ["印尼"]),
    "KP": ("朝鲜", []),
    "IR": ("伊朗", []),
    "SY": ("叙利亚", []),
    "LA": ("老挝", []),
    "BO": ("玻利维亚", []),
    "VE": ("委内瑞拉", []),
    "TZ": ("坦桑尼亚", []),
    "MD": ("摩尔多瓦", []),
    "FM": ("密克罗尼西亚", []),
    "BD": ("孟加拉国", ["孟加拉"]),
    "GB": ("英国", ["联合王国"]),
    "US": ("美国", []),
    "RU": ("俄罗斯", ["俄联邦", "俄罗斯联邦"]),
    "CZ": ("捷克", ["捷克共和国"]),
    "AE": ("阿联酋", ["阿拉伯联合酋长国"]),
    "VN": ("越南", []),
    "TW": ("台湾", ["中国台湾", "台湾地区"]),
    "HK": ("香港", ["香港特别行政区", "香港特区", "中国香港"]),
    "MO": ("澳门", ["澳门特别行政区", "澳门特区", "中国澳门"]),
    "CD": ("刚果（金）", ["刚果民主共和国"]),
    "CG": ("刚果（布）", ["刚果共和国"]),
    "NL": ("荷兰", []),
    "MK": ("北马其顿", []),
    "PS": ("巴勒斯坦", []),
    "SA": ("沙特阿拉伯", ["沙特"]),
    "NZ": ("新西兰", []),
    "ZA": ("南非", []),
    "TR": ("土耳其", ["土耳其共和国"]),
    "DO": ("多米尼加", ["多米尼加共和国"]),
    "CI": ("科特迪瓦", []),
    "SZ": ("斯威士兰", ["埃斯瓦蒂尼"]),
    "MM": ("缅甸", []),
    "KH": ("柬埔寨", []),
    "PH": ("菲律宾", []),
    "BN": ("文莱", []),
}
REGIONS = {"HK", "MO", "TW"}
# Wikidata ids of countries (public reference data).
WIKIDATA = {
    "CN": "Q148", "US": "Q30", "GB": "Q145", "DE": "Q183", "FR": "Q142", "JP": "Q17", "RU": "Q159",
    "IT": "Q38", "ES": "Q29", "KR": "Q884", "KP": "Q423", "VN": "Q881", "TH": "Q869", "BY": "Q184",
    "MX": "Q96", "PE": "Q419", "BR": "Q155", "UZ": "Q265", "AO": "Q916", "CH": "Q39", "SG": "Q334",
    "CA": "Q16", "AU": "Q408", "PK": "Q843", "TN": "Q948", "IN": "Q668", "NL": "Q55", "BE": "Q31",
    "AT": "Q40", "SE": "Q34", "NO": "Q20", "DK": "Q35", "FI": "Q33", "PL": "Q36", "CZ": "Q213",
    "HU": "Q28", "GR": "Q41", "PT": "Q45", "IE": "Q27", "TR": "Q43", "EG": "Q79", "ZA": "Q258",
    "NG": "Q1033", "KE": "Q114", "ET": "Q115", "AR": "Q414", "CL": "Q298", "CO": "Q739", "ID": "Q252",
    "MY": "Q833", "PH": "Q928", "NZ": "Q664", "IL": "Q801", "IR": "Q794", "SA": "Q851", "AE": "Q878",
    "KZ": "Q232", "MN": "Q711", "UA": "Q212", "RS": "Q403", "RO": "Q218", "BG": "Q219", "HK": "Q8646",
    "MO": "Q14773", "TW": "Q865", "KH": "Q424", "LA": "Q819", "MM": "Q836", "NP": "Q837", "LK": "Q854",
    "BD": "Q902", "CU": "Q241", "VE": "Q717",
}


def rows():
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    cldr = Locale("zh").territories
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        iso_short = zh.gettext(c.name)
        official = zh.gettext(c.official_name) if getattr(c, "official_name", None) else ""
        cldr_short = cldr.get(c.alpha_2, "")
        short, extra = SHORT.get(c.alpha_2, (cldr_short or iso_short, []))
        aliases = []
        for a in [cldr_short, iso_short, official, *extra]:
            if a and a != short and a not in aliases and a != c.name and a != getattr(c, "official_name", ""):
                aliases.append(a)
        en = getattr(c, "common_name", None) or c.name
        yield {
            "iso2": c.alpha_2,
            "iso3": c.alpha_3,
            "zh": short,
            "en": en,
            "aliases": "|".join(aliases),
            "type": "Region" if c.alpha_2 in REGIONS else "Country",
            "country": "中国" if c.alpha_2 in REGIONS else short,
            "wikidata": WIKIDATA.get(c.alpha_2, ""),
        }


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fields = ["iso2", "iso3", "zh", "en", "aliases", "type", "country", "wikidata"]
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fields, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for r in rows():
            w.writerow(r)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
