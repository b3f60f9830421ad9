"""Resolution: one entity per real-world thing, with a stable, readable IRI.

Mentions are keyed by type and canonical name: the gazetteer's canonical
form where the gazetteer knows the name (``戴姆勒集团`` → 戴姆勒股份公司,
``莫斯科市`` → 莫斯科), the core name for events (``2020中关村论坛开幕式`` →
中关村论坛), else the name as written without padding. IRIs are romanised
slugs (English label for gazetteer entries, pinyin otherwise); a short hash
tells apart different names that romanise alike. English labels come only
from the gazetteers and curation; a person's name romanised in pinyin is a
label of its own (``@zh-Latn-pinyin``), never passed off as English.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin
from rdflib import URIRef

from .extract.events import event_core
from .gazetteer import Gazetteer, load
from .rdf.vocab import ID

TYPE_PATH = {
    "Person": "person",
    "City": "place",
    "Country": "place",
    "Region": "place",
    "Company": "org",
    "Organization": "org",
    "Event": "event",
}


_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    """Names without padding or quotes: ``陈 吉宁`` → ``陈吉宁``, ``“你好,北京”`` → ``你好,北京``."""
    return _SPACE.sub("", name).strip("“”\"《》「」")


def slugify(text: str) -> str:
    latin = " ".join(lazy_pinyin(text, errors=lambda s: s))
    # Letters with accents keep their base letter: João Lourenço → joao-lourenco.
    latin = "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
    return slug or "x"


@dataclass
class Entity:
    key: tuple[str, str]
    type: str
    name: str  # canonical zh
    english: str = ""
    wikidata: str = ""
    country: str = ""
    aliases: set[str] = field(default_factory=set)
    iri: URIRef | None = None
    curated_label: bool = False  # the label comes from a user's curation file, not from the text


_EVENT_QUOTES = str.maketrans("", "", "“”\"《》")


class Resolver:
    """Collects entities across documents, then assigns IRIs deterministically."""

    def __init__(self, gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz or load()
        self.entities: dict[tuple[str, str], Entity] = {}
        # Keys a curation file sends to another entity's key (a merge, an alias, a new label or type).
        self.redirects: dict[tuple[str, str], tuple[str, str]] = {}

    def __getstate__(self) -> dict:
        # Sent to worker processes without the gazetteer: each loads its own copy once.
        return {k: v for k, v in self.__dict__.items() if k != "gaz"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.gaz = load()

    def key(self, name: str, type: str) -> tuple[str, str]:
        name = normalise(name)
        if type == "Event":
            return self._follow(("Event", event_core(name)))
        types = ("Company", "Organization") if type in ("Company", "Organization") else (type,)
        e = self.gaz.lookup(name, types)
        if e is not None:
            return self._follow((e.type, e.zh))
        kind = "Org" if type in ("Company", "Organization") else type
        if kind == "Org":
            # Known under another org type already (a shape rule may call a body a company).
            for t in ("Company", "Organization"):
                if (t, name) in self.entities or (t, name) in self.redirects:
                    return self._follow((t, name))
        return self._follow((type, name))

    def _follow(self, k: tuple[str, str]) -> tuple[str, str]:
        seen = {k}
        while k in self.redirects:
            k = self.redirects[k]
            if k in seen:
                break
            seen.add(k)
        return k

    def lookup(self, name: str, type: str) -> Entity | None:
        """The entity a mention of ``name`` as a ``type`` resolves to, if it is known."""
        return self.entities.get(self.key(name, type))

    def find(self, ref: str, type: str = "") -> list[Entity]:
        """Entities a user's reference names: an IRI, or a name (label, alias or written form), of ``type`` if given."""
        ref = ref.strip()
        if ref.startswith(("http://", "https://")):
            found = [e for e in self.entities.values() if e.iri is not None and str(e.iri) == ref]
        else:
            name = normalise(ref)
            found = [e for e in self.entities.values() if e.name == name or name in e.aliases]
            for t in (type,) if type else ("Person", "City", "Country", "Region", "Company", "Organization", "Event"):
                e = self.lookup(name, t)
                if e is not None:
                    found.append(e)
        out: dict[tuple[str, str], Entity] = {}
        for e in found:
            if not type or e.type == type:
                out.setdefault(e.key, e)
        return [out[k] for k in sorted(out)]

    def add(self, name: str, type: str, country: str = "") -> Entity:
        written = normalise(name)
        k = self.key(written, type)
        ent = self.entities.get(k)
        if ent is None:
            e = self.gaz.lookup(k[1], (k[0],))
            ent = Entity(
                key=k,
                type=k[0],
                # An event is known by its first written form (quotes dropped), not by the core that matches its mentions.
                name=written.translate(_EVENT_QUOTES) if k[0] == "Event" else k[1],
                english=e.en if e else "",
                wikidata=e.wikidata if e else "",
                country=(e.country if e else "") or country,
            )
            if e is not None:
                # The other names the gazetteer knows it by (东京 for 东京都) are aliases too.
                ent.aliases.update(a for a in e.aliases if a != ent.name)
            self.entities[k] = ent
        if written != ent.name:
            ent.aliases.add(written)
        if k[0] == "Event" and k[1] != ent.name:
            ent.aliases.add(k[1])  # the core name an event is matched by (中关村论坛 for 2020中关村论坛)
        if not ent.country and country:
            ent.country = country
        return ent

    # Changes a curation file makes (see kg.curation).

    def merge(self, source: Entity, target: Entity) -> None:
        """``source`` is ``target``: its names become aliases and its mentions resolve to ``target``."""
        if source.key == target.key:
            return
        del self.entities[source.key]
        self.redirects[source.key] = target.key
        target.aliases |= {source.name, *source.aliases}
        target.aliases.discard(target.name)
        target.country = target.country or source.country
        target.wikidata = target.wikidata or source.wikidata
        target.english = target.english or source.english

    def add_alias(self, ent: Entity, alias: str) -> None:
        alias = normalise(alias)
        if alias != ent.name:
            ent.aliases.add(alias)
            self.redirects.setdefault((ent.type, alias), ent.key)

    def relabel(self, ent: Entity, label: str) -> None:
        label = normalise(label)
        if label != ent.name:
            ent.aliases.add(ent.name)
            ent.aliases.discard(label)
            ent.name = label
            self.redirects.setdefault((ent.type, label), ent.key)
        ent.curated_label = True

    def retype(self, ent: Entity, type: str) -> None:
        if type != ent.type:
            ent.type = type
            self.redirects.setdefault((type, ent.name), ent.key)

    def assign_iris(self) -> None:
        by_slug: dict[str, list[Entity]] = {}
        for ent in self.entities.values():
            # The slug romanises the English name where one is known, else the pinyin (as it always has).
            label = ent.english or self.pinyin_label(ent)
            base = slugify(label) if label else slugify(ent.name)
            if len(base) > 60:
                base = base[:50].rstrip("-") + "-" + hashlib.sha1(ent.name.encode()).hexdigest()[:6]
            by_slug.setdefault(f"{TYPE_PATH[ent.type]}/{base}", []).append(ent)
        for slug, ents in by_slug.items():
            for ent in ents:
                if len(ents) == 1:
                    ent.iri = ID[slug]
                else:
                    h = hashlib.sha1(f"{ent.type}|{ent.name}".encode()).hexdigest()[:6]
                    ent.iri = ID[f"{slug}-{h}"]

    def english_label(self, ent: Entity) -> str:
        """The entity's English name: from a gazetteer or a user's curation file only, else ``""``."""
        return ent.english

    def pinyin_label(self, ent: Entity) -> str:
        """A Chinese person's name in pinyin (``陈吉宁`` → ``Chen Jining``), else ``""``: a romanisation,
        not an English name (written ``@zh-Latn-pinyin``, never ``@en``)."""
        if ent.type == "Person" and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", ent.name):
            syl = lazy_pinyin(ent.name)
            two = ent.name[:2] in {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯"}
            surname = "".join(syl[:2]) if two else syl[0]
            given = "".join(syl[2:] if two else syl[1:])
            return f"{surname.capitalize()} {given.capitalize()}".strip()
        return ""
