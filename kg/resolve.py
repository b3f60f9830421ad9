"""Resolution: one entity per real-world thing, with a stable, readable IRI.

Mentions are keyed by type and canonical name: the gazetteer's canonical
form where the gazetteer knows the name (``戴姆勒集团`` → 戴姆勒股份公司,
``莫斯科市`` → 莫斯科), the core name for events (``2020中关村论坛开幕式`` →
中关村论坛), else the name as written without padding. IRIs are romanised
slugs (English label for gazetteer entries, pinyin otherwise); a short hash
tells apart different names that romanise alike. English labels come only
from the gazetteers and curation; a person's name romanised in pinyin is a
label of its own (``@zh-Latn-pinyin``), never passed off as English.

Across documents and cities (:meth:`Resolver.settle`, run before entities are read):

- A person is one entity per name *and* place: the place (or country, or
  body) they speak for (:meth:`Resolver.person_scope`). 张伟 of a Shanghai and
  张伟 of a Chengdu document are two entities, their IRIs told apart by a short
  hash; a mention with no place (or only a country) joins the one entity of its
  name in its document, else the one entity of that name, else stays an entity
  of its document.
- Companies written with and without a leading country or place and a legal
  form (德国西门子股份公司, 西门子股份公司, 西门子公司, 西门子) are one entity when
  their cores agree, their countries do not conflict, and no two places or
  gazetteer entries are among them.
- Places no gazetteer knows lose a leading country and a trailing 市
  (俄罗斯埃斯波市 → 埃斯波), as the gazetteer does for those it knows.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin
from rdflib import URIRef

from .extract.events import event_core
from .gazetteer import Gazetteer, load
from .model import Party
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


@dataclass(slots=True)
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
    # Persons: the (country, place) that tells apart homonyms, and the documents naming them.
    scope: tuple[str, str] = ("", "")
    docs: set[str] = field(default_factory=set)


_EVENT_QUOTES = str.maketrans("", "", "“”\"《》")

# Legal forms a company's name may end in (longest first).
LEGAL_SUFFIXES = tuple(sorted((
    "股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "控股有限公司", "有限公司", "股份公司",
    "集团公司", "控股集团", "株式会社", "集团", "公司",
), key=len, reverse=True))
# Cores too generic to stand for one company once a place is stripped (中国银行 is not 银行).
_GENERIC_CORES = frozenset({
    "银行", "集团", "公司", "汽车", "电气", "航空", "电信", "保险", "证券", "能源", "投资", "控股", "科技",
    "商会", "协会", "政府", "大学", "学院", "医院", "电视台", "日报", "报社", "铁路", "石油", "化工", "建设",
})
_SEP = "\x1f"
_ORG = ("Company", "Organization")
_PLACES = ("City", "Region", "Country")


def _pkey(name: str, country: str = "", place: str = "", doc: str | None = None) -> tuple[str, str]:
    """A person's key: the name, the (country, place) scope, and the document for a mention with no place."""
    return ("Person", _SEP.join((name, country, place, doc or "")) + (_SEP if doc is not None else ""))


def _pkey_parts(k: tuple[str, str]) -> tuple[str, str, str, str | None]:
    """(name, country, place, doc) of a person key; doc None for a settled key, "" (or the id) for a mention's."""
    parts = k[1].split(_SEP)
    if len(parts) < 4:
        return k[1], "", "", None
    doc: str | None = parts[3] if len(parts) > 4 else None
    return parts[0], parts[1], parts[2], doc


class Resolver:
    """Collects entities across documents, then assigns IRIs deterministically.

    Mentions are added as the documents are read; persons named with no place,
    and companies written several ways, are brought together by :meth:`settle`,
    which runs by itself before :attr:`entities` is read and before IRIs are
    assigned (it depends only on the set of mentions, not on their order).
    """

    def __init__(self, gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz or load()
        self._entities: dict[tuple[str, str], Entity] = {}
        # Keys a curation file sends to another entity's key (a merge, an alias, a new label or type).
        self.redirects: dict[tuple[str, str], tuple[str, str]] = {}
        # Keys of entities added since the last settle (persons named with no place, companies).
        self._pending: set[tuple[str, str]] = set()
        self._frozen = False  # IRIs assigned: a mention no longer makes a new person entity
        # (document, person name) → the scope the person has in that document (see add_document).
        self._doc_scope: dict[tuple[str, str], tuple[str, str]] = {}

    def __getstate__(self) -> dict:
        # Sent to worker processes without the gazetteer: each loads its own copy once.
        return {k: v for k, v in self.__dict__.items() if k != "gaz"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.gaz = load()

    @property
    def entities(self) -> dict[tuple[str, str], Entity]:
        """Every entity by key, mentions brought together first (see :meth:`settle`)."""
        if self._pending:
            self.settle()
        return self._entities

    # -- keys --------------------------------------------------------------

    def key(self, name: str, type: str, scope: tuple[str, str] | None = None, doc: str | None = None,
            country: str = "") -> tuple[str, str]:
        """The key a mention resolves to. A person's depends on their ``scope`` (:meth:`person_scope`)
        and document; with neither, the one entity of the name if there is one. A place written with
        a country (``country``) other than its gazetteer namesake's is a place of its own (美国圣保罗市
        is Saint Paul, not the gazetteer's São Paulo): its key is qualified by that country."""
        name = normalise(name)
        if type == "Event":
            return self._follow(("Event", event_core(name)))
        if type == "Person":
            return self._person_key(name, scope, doc)
        types = _ORG if type in _ORG else (type,)
        e = self.gaz.lookup(name, types)
        if e is None and type == "City":
            e = self.gaz.lookup(self.place_core(name)[0], ("City",))
        if e is not None and type in ("City", "Region") and self._other_country(e, country):
            own = next((x for x in self.gaz.lookup_all(e.zh) if x.type == e.type and x.country == self._country(country)), None)
            if own is None:
                return self._follow((e.type, _SEP.join((e.zh, self._country(country)))))
        if e is not None:
            return self._follow((e.type, e.zh))
        if type in _ORG:
            # Known under another org type already (a shape rule may call a body a company).
            for t in _ORG:
                if (t, name) in self._entities or (t, name) in self.redirects:
                    return self._follow((t, name))
        if type == "City":
            name = self.place_core(name)[0]
            e = self.gaz.lookup(name, ("City",))
            if e is not None:
                return self._follow((e.type, e.zh))
        return self._follow((type, name))

    def _other_country(self, entry, country: str) -> bool:
        """Whether a place written with ``country`` is not the gazetteer's ``entry`` (both abroad, and
        in two countries: Hong Kong's places are China's in the gazetteer)."""
        if not country or not entry.country or entry.country == "中国":
            return False
        c = self._country(country)
        return c not in ("", "中国", "香港", "澳门", "台湾", entry.country)

    @staticmethod
    def place_name(k: tuple[str, str]) -> str:
        """The name in a place's key (without the country that tells a namesake apart)."""
        return k[1].split(_SEP, 1)[0]

    def place_core(self, name: str) -> tuple[str, str]:
        """(name, country) of a city no gazetteer knows, without a leading country or a trailing 市
        (俄罗斯莫斯科 → 莫斯科, 埃斯波市 → 埃斯波); a country that conflicts with the gazetteer's is kept."""
        country = ""
        written, c = self.gaz.country_of_prefix(name)
        if written and len(name) - len(written) >= 2:
            rest = name[len(written):]
            e = self.gaz.lookup(rest, ("City", "Region"))
            if e is None or not e.country or e.country == c:
                name, country = rest, c
        if self.gaz.lookup(name, ("City",)) is None and name.endswith("市") and len(name) >= 3:
            name = name[:-1]
        return name, country

    def org_core(self, name: str, type: str) -> tuple[str, str, str]:
        """(core, place, country) of a company's name: without its legal form and a leading country or
        place (德国西门子股份公司 → 西门子, '', 德国; 北京奔驰 → 奔驰, 北京市, 中国). Bodies that carry no
        legal form keep their name (北京市人民政府 is not 人民政府)."""
        core, stripped = name, False
        changed = True
        while changed:
            changed = False
            for s in LEGAL_SUFFIXES:
                if core.endswith(s) and len(core) - len(s) >= 2:
                    core, stripped, changed = core[: -len(s)], True, True
                    break
        if type != "Company" and not stripped:
            # A body keeps its name, with its leading place written in full (北京民间组织国际交流促进会
            # is 北京市民间组织国际交流促进会).
            for n in range(min(len(name) - 2, 8), 1, -1):
                e = self.gaz.lookup(name[:n], ("City", "Region"))
                if e is not None and e.zh != name[:n] and e.zh.startswith(name[:n]) and not name[n:].startswith(e.zh[n:]):
                    return e.zh + name[n:], "", ""
            return name, "", ""
        place = country = ""
        for n in range(min(len(core) - 2, 12), 1, -1):
            e = self.gaz.lookup(core[:n], _PLACES)
            if e is not None:
                if core[n:] in _GENERIC_CORES:
                    break
                core = core[n:]
                if e.type == "Country":
                    country = e.zh
                else:
                    place, country = e.zh, e.country
                break
        return core, place, country

    # -- persons -----------------------------------------------------------

    def place_of(self, party: Party) -> tuple[str, str]:
        """(place, country) a party stands for: a city or region itself, a body by the place its name
        begins with (北京市人民政府 → 北京市), a country as a country only; else the body's country."""
        # (From the mention and the gazetteers only: the same mention gives the same scope whenever read.)
        if party.type in ("City", "Region"):
            k = self.key(party.name, party.type, country=party.country)
            if _SEP in k[1]:  # (a namesake of the gazetteer's, in the country written with it)
                return self.place_name(k), k[1].split(_SEP, 1)[1]
            e = self.gaz.lookup(k[1], (k[0],))
            prefix = self.place_core(normalise(party.name))[1] if k[0] == "City" else ""
            return k[1], (e.country if e else "") or prefix or self._country(party.country)
        if party.type == "Country":
            return "", self.key(party.name, "Country")[1]
        if party.type in _ORG:
            name = normalise(party.name)
            written, c = self.gaz.country_of_prefix(name)
            if written:
                return "", c
            for n in range(min(len(name) - 1, 12), 1, -1):
                e = self.gaz.lookup(name[:n], ("City", "Region"))
                if e is not None:
                    return e.zh, e.country
            e = self.gaz.lookup(name, _ORG)
            return "", (e.country if e else "") or self._country(party.country)
        return "", ""

    def _country(self, name: str) -> str:
        if not name:
            return ""
        e = self.gaz.lookup(normalise(name), ("Country", "Region"))
        return e.zh if e else normalise(name)

    def person_scope(self, party: Party, home: Party | None = None, body: Party | None = None) -> tuple[str, str]:
        """(country, place) that tells a person apart from namesakes: the place of the first body they
        speak for that names one (their own city, 北京市人民政府's 北京市), else the home place of the
        meeting (``home``, for the home side); the country they or their body belong to. A body that
        names no place (宣传部) tells nothing: a person holds several posts."""
        place = country = ""
        bodies = (*party.organizations, *((body,) if body is not None else ()))
        for o in bodies:
            p, c = self.place_of(o)
            if p:
                place, country = p, c
                break
            country = country or c
        if not place and home is not None:
            place, c = self.place_of(home)
            country = country or c
        return self._country(party.country) or country, place

    def _person_key(self, name: str, scope: tuple[str, str] | None, doc: str | None) -> tuple[str, str]:
        if ("Person", name) in self.redirects:  # an alias or label a curation file gave
            return self._follow(("Person", name))
        if doc and (doc, name) in self._doc_scope:
            scope = self._doc_scope[(doc, name)]  # one person of a name in a document
        country, place = scope or ("", "")
        if place:
            return self._follow(_pkey(name, country, place))
        if scope is None and doc is None:
            # A bare name: the one entity of that name, if there is one.
            found = self._named(name)
            return found[0].key if len(found) == 1 else _pkey(name)
        k = _pkey(name, country, "", doc or "")
        if self._frozen and k not in self._entities and k not in self.redirects:
            # Read after IRIs were given (a correction's target): the entity it would have joined.
            target = self._join(name, country, doc or "", level=1 if country else 0)[0]
            if target is not None:
                return target.key
        return self._follow(k)

    def _named(self, name: str) -> list[Entity]:
        ents = self.entities
        return [ents[k] for k in sorted(self._by_name.get(name, ())) if k in ents]

    def _join(self, name: str, country: str, doc: str, level: int) -> tuple[Entity | None, int]:
        """The one entity a person mention with no place (``level`` 0) or only a country (1) joins, and
        how many it could join: for 1, the entities of that name and country with a place; for 0, those
        with a place or a country. The one named in its document comes first."""
        cands = []
        for k in sorted(self._by_name.get(name, ())):
            ent = self._entities.get(k)
            if ent is None:
                continue
            _, c, p, _ = _pkey_parts(k)
            if level == 1 and p and c == country or level == 0 and (p or c):
                cands.append(ent)
        same = [e for e in cands if doc in e.docs]
        if len(same) == 1:
            return same[0], len(cands)
        if len(cands) == 1:
            return cands[0], 1
        return None, len(cands)

    def _follow(self, k: tuple[str, str]) -> tuple[str, str]:
        seen = {k}
        while k in self.redirects:
            k = self.redirects[k]
            if k in seen:
                break
            seen.add(k)
        return k

    # -- adding ------------------------------------------------------------

    @property
    def _by_name(self) -> dict[str, set[tuple[str, str]]]:
        """Person keys by name (made again when missing: resolvers pickled before it existed)."""
        idx = self.__dict__.get("_person_index")
        if idx is None:
            idx = {}
            for k in self._entities:
                if k[0] == "Person":
                    idx.setdefault(_pkey_parts(k)[0], set()).add(k)
            self.__dict__["_person_index"] = idx
        return idx

    def lookup(self, name: str, type: str, scope: tuple[str, str] | None = None, doc: str | None = None,
               country: str = "") -> Entity | None:
        """The entity a mention of ``name`` as a ``type`` (written with ``country``) resolves to, if it is known."""
        if self._pending:
            self.settle()
        return self._entities.get(self.key(name, type, scope, doc, country))

    def lookup_party(self, party: Party, doc: str, home: Party | None = None, body: Party | None = None) -> Entity | None:
        """The entity a fact's party resolves to (a person with the scope :meth:`add_party` gave it)."""
        if party.type == "Person":
            return self.lookup(party.name, "Person", self.person_scope(party, home, body), doc)
        return self.lookup(party.name, party.type, country=party.country)

    def add_party(self, party: Party, doc: str, home: Party | None = None, body: Party | None = None) -> Entity:
        """Add a fact's party read in document ``doc``; a person is scoped by :meth:`person_scope`
        (``home``: the meeting's home place, for the home side; ``body``: a position's body)."""
        if party.type == "Person":
            return self.add(party.name, party.type, party.country, scope=self.person_scope(party, home, body), doc=doc)
        return self.add(party.name, party.type, party.country)

    def add_document(self, doc: str, parties: list[tuple[Party, Party | None, Party | None]]) -> None:
        """Add the parties of one document's facts, each as ``(party, home, body)`` (see :meth:`add_party`).

        A name is one person within a document: their scope there is the place most of its mentions
        give (the first in order of country and place on a tie), else the country most give, else none
        (a text that calls the same 费连 a councillor of Boston and, by a misreading, of Guangzhou names one man).
        """
        scopes: dict[str, list[tuple[str, str]]] = {}
        for p, home, body in parties:
            if p.type == "Person":
                scopes.setdefault(normalise(p.name), []).append(self.person_scope(p, home, body))
        for name, found in scopes.items():
            placed = Counter(s for s in found if s[1])
            countries = Counter(s[0] for s in found if s[0])
            if placed:
                self._doc_scope[(doc, name)] = min(placed, key=lambda s: (-placed[s], s))
            elif countries:
                self._doc_scope[(doc, name)] = (min(countries, key=lambda c: (-countries[c], c)), "")
            else:
                self._doc_scope[(doc, name)] = ("", "")
        for p, home, body in parties:
            self.add_party(p, doc, home, body)

    def find(self, ref: str, type: str = "") -> list[Entity]:
        """Entities a user's reference names: an IRI, or a name (label, alias or written form), of ``type`` if given."""
        ref = ref.strip()
        ents = self.entities
        if ref.startswith(("http://", "https://")):
            found = [e for e in ents.values() if e.iri is not None and str(e.iri) == ref]
        else:
            name = normalise(ref)
            found = [e for e in ents.values() if e.name == name or name in e.aliases]
            for t in (type,) if type else ("Person", "City", "Country", "Region", "Company", "Organization", "Event"):
                e = self.lookup(name, t)
                if e is not None:
                    found.append(e)
        out: dict[tuple[str, str], Entity] = {}
        for e in found:
            if not type or e.type == type:
                out.setdefault(e.key, e)
        return [out[k] for k in sorted(out)]

    def add(self, name: str, type: str, country: str = "", scope: tuple[str, str] | None = None,
            doc: str | None = None) -> Entity:
        written = normalise(name)
        if type == "Person" and scope is None and doc is None:
            doc = ""  # a person named with no context: a mention of its own, settled with the rest
        k = self.key(written, type, scope, doc, country)
        ent = self._entities.get(k)
        if ent is None:
            if k[0] == "Person":
                pname, c, p, _ = _pkey_parts(k)
                ent = Entity(key=k, type="Person", name=pname, country=c or self._country(country), scope=(c, p))
                self._by_name.setdefault(pname, set()).add(k)
                if not p:
                    self._pending.add(k)
            else:
                e = self.gaz.lookup(k[1], (k[0],))
                ent = Entity(
                    key=k,
                    type=k[0],
                    # An event is known by its first written form (quotes dropped), not by the core that matches its mentions.
                    name=written.translate(_EVENT_QUOTES) if k[0] == "Event" else self.place_name(k),
                    english=e.en if e else "",
                    wikidata=e.wikidata if e else "",
                    country=(e.country if e else "") or country,
                )
                if e is not None:
                    # The other names the gazetteer knows it by (东京 for 东京都) are aliases too.
                    ent.aliases.update(a for a in e.aliases if a != ent.name)
                elif k[0] in _ORG:
                    self._pending.add(k)
            self._entities[k] = ent
        if written != ent.name:
            ent.aliases.add(written)
        if k[0] == "Event" and k[1] != ent.name:
            ent.aliases.add(k[1])  # the core name an event is matched by (中关村论坛 for 2020中关村论坛)
        if not ent.country and ent.type in ("City", *_ORG) and not ent.wikidata:
            # A leading country says where a place or company no gazetteer knows is (芬兰卡莱瓦拉公司).
            ent.country = self.place_core(written)[1] if ent.type == "City" else self.org_core(written, ent.type)[2]
        if not ent.country and country:
            ent.country = self._country(country) if ent.type == "Person" else country
        if ent.type == "Person" and doc is not None:
            ent.docs.add(doc)
        return ent

    # -- bringing mentions together -----------------------------------------

    def settle(self) -> None:
        """Bring together what the mentions added since the last settle name (in a fixed order, so the
        result does not depend on the order documents were read in):

        - a person mention with only a country joins the one entity of that name and country that has a
          place (the one in its document first); with none, the mentions of each country are one entity;
        - a person mention with nothing joins the one entity of its name (the one in its document first);
          with none, the mentions with nothing are one entity; else it stays its document's own;
        - companies whose cores agree (:meth:`org_core`) are one, unless two places, two gazetteer entries
          or two countries are among them.
        """
        pending, self._pending = sorted(self._pending), set()
        persons = [k for k in pending if k[0] == "Person" and k in self._entities]
        for level in (1, 0):
            for k in persons:
                name, c, p, doc = _pkey_parts(k)
                if (1 if c else 0) != level or k not in self._entities:
                    continue
                target, n = self._join(name, c, doc or "", level)
                if target is None:
                    if n:
                        continue  # more than one it could be: the document's own
                    gk = _pkey(name, c)
                    target = self._entities.get(gk)
                    if target is None:
                        target = Entity(key=gk, type="Person", name=name, scope=(c, ""))
                        self._entities[gk] = target
                        self._by_name.setdefault(name, set()).add(gk)
                self.merge(self._entities[k], target)
        self._settle_orgs({k for k in pending if k[0] in _ORG})

    def _settle_orgs(self, new: set[tuple[str, str]]) -> None:
        if not new:
            return
        groups: dict[str, list[tuple[Entity, str, str]]] = {}
        for k in sorted(self._entities):
            ent = self._entities[k]
            if ent.type not in _ORG:
                continue
            core, place, country = self.org_core(ent.name, ent.type)
            if len(core) < 2 or core in _GENERIC_CORES:
                continue
            groups.setdefault(core, []).append((ent, place, country))
        for core, members in sorted(groups.items()):
            if len(members) < 2 or not any(e.key in new for e, _, _ in members):
                continue
            known = [e for e, _, _ in members if self.gaz.lookup(e.name, _ORG) is not None]
            places = {p for _, p, _ in members if p}
            countries = {c for _, _, c in members if c} | {e.country for e, _, _ in members if e.country}
            if len(known) > 1 or len(places) > 1 or len(countries) > 1:
                continue  # not one company: two entries, two places, or two countries
            target = known[0] if known else min((e for e, _, _ in members), key=lambda e: (-len(e.name), e.name))
            for e, _, _ in members:
                if e is not target:
                    self.merge(e, target)

    # Changes a curation file makes (see kg.curation).

    def merge(self, source: Entity, target: Entity) -> None:
        """``source`` is ``target``: its names become aliases and its mentions resolve to ``target``."""
        if source.key == target.key:
            return
        del self._entities[source.key]
        self._pending.discard(source.key)
        self.redirects[source.key] = target.key
        target.aliases |= {source.name, *source.aliases}
        target.aliases.discard(target.name)
        target.country = target.country or source.country
        target.wikidata = target.wikidata or source.wikidata
        target.english = target.english or source.english
        target.docs |= source.docs

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
        ents = self.entities
        self._frozen = True
        names: dict[tuple[str, str], int] = {}
        for ent in ents.values():
            names[(ent.type, ent.name)] = names.get((ent.type, ent.name), 0) + 1
        by_slug: dict[str, list[Entity]] = {}
        for ent in ents.values():
            # The slug romanises the English name where one is known, else the pinyin (as it always has).
            label = ent.english or self.pinyin_label(ent)
            base = slugify(label) if label else slugify(ent.name)
            if len(base) > 60:
                base = base[:50].rstrip("-") + "-" + hashlib.sha1(ent.name.encode()).hexdigest()[:6]
            by_slug.setdefault(f"{TYPE_PATH[ent.type]}/{base}", []).append(ent)
        for slug, group in by_slug.items():
            for ent in group:
                if len(group) == 1:
                    ent.iri = ID[slug]
                else:
                    tell = f"{ent.type}|{ent.name}"
                    if names[(ent.type, ent.name)] > 1:
                        # Namesakes (persons of two places): their scope, or the key, tells them apart.
                        tell += "|" + ent.key[1].replace(_SEP, "|")
                    ent.iri = ID[f"{slug}-{hashlib.sha1(tell.encode()).hexdigest()[:6]}"]

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
