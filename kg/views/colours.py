"""Stable, distinct colours for countries, the same in every view and every build.

A country's colour comes from its ISO 3166 code (the name where the gazetteer knows no code), never
from the order of the rows: the code's FNV-1a hash picks a slot of a fixed palette of
:data:`SLOTS` colours of high contrast. Two countries drawn together that land on the same slot are
told apart: the one with the smaller code keeps it and the other takes the next free slot. So a
country keeps its colour from build to build unless a country sharing its slot is drawn beside it.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

# Kenneth Kelly's colours of maximum contrast (without white, black and grey), then Tableau's and
# ColorBrewer's that stand apart from them: a fixed list, so a slot's colour never changes.
PALETTE = (
    "#f3c300", "#875692", "#f38400", "#a1caf1", "#be0032", "#c2b280", "#008856", "#e68fac", "#0067a5", "#f99379",
    "#604e97", "#f6a600", "#b3446c", "#dcd300", "#882d17", "#8db600", "#654522", "#e25822", "#2b3d26", "#76b7b2",
    "#4e79a7", "#59a14f", "#b07aa1", "#9c755f", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#17becf",
    "#393b79", "#637939",
)
SLOTS = len(PALETTE)
UNKNOWN = "#9e9e9e"  # no country
HOME = "#c0392b"  # the home side: rings and stars, never a country's fill


def _fnv1a(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def slot_colour(slot: int) -> str:
    """The palette's colour ``slot`` as ``#rrggbb``."""
    return PALETTE[slot % SLOTS]


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Every written form of a country or SAR in the gazetteer → its ISO 3166-1 alpha-2 code."""
    text = resources.files("kg.gazetteer").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for r in csv.DictReader(text.splitlines(), delimiter="\t"):
        for form in (r["zh"], *[a for a in r["aliases"].split("|") if a], r["en"]):
            out.setdefault(form, r["iso2"])
    return out


def country_code(name: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country or SAR named in any form the gazetteer knows, else the name."""
    return _codes().get(name.strip(), name.strip())


def preferred_slot(name: str) -> int:
    return _fnv1a(country_code(name)) % SLOTS


def country_colours(names: Iterable[str]) -> dict[str, str]:
    """Each country (by name) → its colour; countries drawn together never share one while slots last.

    Every country first takes its own slot; where several want one slot, the smallest code keeps it
    and the others take the next free slots after it, so only a country that collides moves.
    """
    by_code: dict[str, list[str]] = {}
    for n in names:
        if n and n.strip():
            by_code.setdefault(country_code(n), []).append(n)
    want = {code: _fnv1a(code) % SLOTS for code in by_code}
    slot: dict[str, int] = {}
    for code in sorted(by_code):
        if want[code] not in slot.values():
            slot[code] = want[code]
    taken = set(slot.values())
    for code in sorted(set(by_code) - set(slot)):
        s = want[code]
        if len(taken) < SLOTS:
            while s in taken:
                s = (s + 1) % SLOTS
        taken.add(s)
        slot[code] = s
    return {n: slot_colour(slot[code]) for code, ns in by_code.items() for n in ns}
