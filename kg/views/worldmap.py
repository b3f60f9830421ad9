"""The map view: city-partner links on a world outline, places by their coordinates.

A place's coordinates come from the graph where it carries them (``schema:latitude`` or WGS84
``geo:lat``), else from the gazetteer (GeoNames for world cities, cpca for Chinese divisions), the
entry matched by Wikidata id, then by any of the place's labels within its country; a place the
gazetteer has no coordinates for (a state, a district) stands at its country's representative point
(``static/country-points.tsv``) and is drawn as approximate. The outline is Natural Earth's 1:110m
countries (world-atlas), drawn with d3-geo; all of it is inlined into the page.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from ..query import QueryResult, run_query
from .colours import country_code, country_colours
from .network import RELATION_STYLE, relation_legend, template
from .partners import relation_label
from .timeline import _query

STATIC = ("d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js")
# A map opens on the partner places with the most ties (with every home place tied to them): more
# than a few hundred places and thousands of lines are no map a reader can use, and a page holding
# every tie of a large build runs to tens of megabytes. ``top`` asks for more.
TOP = 400
# The ties listed for one line (its count says how many there are in all).
FACTS_PER_LINK = 25


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    return resources.files("kg.views").joinpath("static", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _world_json() -> Markup:
    """The world outline as JSON safe inside a ``<script>`` element."""
    from jinja2.utils import htmlsafe_json_dumps

    return htmlsafe_json_dumps(json.loads(_static("countries-110m.json")), separators=(",", ":"))


@lru_cache(maxsize=1)
def _country_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-1 numeric code → (lat, lon) of the country's representative point."""
    rows = csv.DictReader(_static("country-points.tsv").splitlines(), delimiter="\t")
    return {r["numeric"]: (float(r["lat"]), float(r["lon"])) for r in rows}


def country_point(name: str) -> tuple[float, float] | None:
    import pycountry

    code = country_code(name)
    c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return _country_points().get(c.numeric) if c is not None else None


def locate(name: str, labels: list[str], country: str, wikidata: str = "") -> tuple[float, float] | None:
    """A place's (lat, lon) from the gazetteer: by Wikidata id, else by a label in its country, cities first."""
    from ..gazetteer import load

    gaz = load()
    cands = [e for form in [name, *labels] for e in gaz.lookup_all(form) if e.lat is not None and e.lon is not None]
    if wikidata:
        for e in cands:
            if e.wikidata and e.wikidata == wikidata:
                return e.lat, e.lon
    ok = [e for e in cands if not country or e.country == country] or ([] if country else cands)
    ok.sort(key=lambda e: (e.type != "City", -e.population))
    return (ok[0].lat, ok[0].lon) if ok else None


@dataclass
class MapView:
    """Places (markers) and links (lines) ready to draw on the world outline."""

    heading: str
    shown: int = 0  # partner places drawn
    partners: int = 0  # partner places in the rows
    top: int = TOP
    places: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)

    def html(self) -> str:
        return template("map.html").render(
            heading=self.heading, scripts=[Markup(_static(n)) for n in STATIC], world=_world_json(),
            kg={"places": self.places, "links": self.links, "legend": self.legend, "facts": self.facts,
                "shown": self.shown, "partners": self.partners, "top": self.top},
        )


def world_map(graph, rows: QueryResult | None = None, top: int | None = None, **params) -> MapView:
    """The ``city-partners`` rows (``params`` are that query's: home, country, relation, partner) on a map:
    one marker per place, one line per (home, partner, relation) coloured by the relation's kind; the
    ``top`` partner places with the most ties (:data:`TOP`) and the home places tied to them.

    ``graph`` is a build folder (whose tables answer at once, :mod:`kg.tables`) or an open dataset."""
    rows = rows or run_query("city-partners", graph, params or None, terms=False)
    top = top or TOP
    ties = Counter(r["partner"] for r in rows.rows)
    name_of = {r["partner"]: r["partnerName"] for r in rows.rows}
    kept = set(sorted(ties, key=lambda p: (-ties[p], name_of[p], p))[:top])
    drawn = [r for r in rows.rows if r["partner"] in kept]
    known = {r["place"]: r for r in run_query(_query("places"), graph, terms=False).rows}
    view = MapView("友好城市地图 City partners on the map", shown=len(kept), partners=len(ties), top=top)
    homes = {r["home"] for r in drawn}
    names: dict[str, tuple[str, str]] = {}
    for r in drawn:
        names.setdefault(r["home"], (r["homeName"], ""))
        names.setdefault(r["partner"], (r["partnerName"], r["countryName"]))
    colours = country_colours(sorted({c for _, c in names.values() if c}))
    index: dict[str, int] = {}
    for iri in sorted(names, key=lambda i: (i not in homes, names[i][0], i)):
        name, country = names[iri]
        info = known.get(iri, {})
        country = country or info.get("countryName", "")
        wikidata = (info.get("sameAs") or "").rsplit("/", 1)[-1]
        point, approx = None, False
        if info.get("lat") and info.get("lon"):
            try:
                point = (float(info["lat"]), float(info["lon"]))
            except ValueError:
                point = None
        if point is None:
            point = locate(info.get("name") or name, [l for l in (info.get("labels") or "").split("|") if l], country, wikidata)
        if point is None and country:
            point, approx = country_point(country), True
        home = iri in homes
        index[iri] = len(view.places)
        view.places.append({
            "id": iri, "name": name, "country": country, "home": home, "approx": approx,
            "lat": point[0] if point else None, "lon": point[1] if point else None,
            "color": "#c0392b" if home else colours.get(country, "#9e9e9e"), "m": [],
            "lg": ["place:home" if home else f"country:{country}"] + (["place:approx"] if approx else []),
        })
    links: dict[tuple, dict] = {}
    for r in drawn:
        rel = r["relation"]
        col, dashes, width, _ = RELATION_STYLE.get(rel, ("#999999", False, 1, rel))
        link = links.setdefault((r["home"], r["partner"], rel), {
            "from": index[r["home"]], "to": index[r["partner"]], "relation": rel, "label": relation_label(rel),
            "color": col, "dashes": bool(dashes), "width": width, "since": "", "n": 0, "m": [], "lg": [f"relation:{rel}"]})
        if r["since"]:
            link["since"] = r["since"]
        link["n"] += 1
        if len(link["m"]) >= FACTS_PER_LINK:
            continue
        fact = len(view.facts)
        view.facts.append({"kind": "PartnerLink", "label": relation_label(rel), "date": r["date"], "mode": "", "doc": r["doc"],
                           "line": r["line"], "quote": r["quote"], "persons": [r["homeName"], r["partnerName"]],
                           "note": f"since {r['since']}" if r["since"] else ""})
        link["m"].append(fact)
        for end in (r["home"], r["partner"]):
            view.places[index[end]]["m"].append(fact)
    view.links = list(links.values())
    view.legend = [{"key": "place:home", "group": "地方 Places", "label": "中方地方 home place", "color": "#c0392b"},
                   {"key": "place:approx", "group": "地方 Places", "label": "位置取国家 placed at its country", "color": "#777777", "hollow": True}]
    view.legend += [dict(item, line=True, width=min(3, item.get("width", 2))) for item in relation_legend(r["relation"] for r in drawn)]
    view.legend += [{"key": f"country:{c}", "group": "国家 Country", "label": c, "color": colours[c]} for c in sorted(colours)]
    return view
