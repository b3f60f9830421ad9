"""A user's corrections: a TOML curation file that the build applies.

The extractor gets things wrong; an analyst fixes them once, in a file kept
beside the documents, and every later build applies the fixes::

    [[merge]]                       # two entities are one
    into = "德国西门子股份公司"
    from = ["西门子"]
    note = "the same company"

    [[alias]]                       # another name of an entity
    entity = "陈吉宁"
    names = ["陈市长"]

    [[fix]]                         # a wrong label, type, English label, country or Wikidata id
    entity = "康林松"
    english = "Ola Källenius"
    type = "Person"

    [[retract]]                     # a wrong fact
    fact = "meeting"                # meeting, partner, position, attendance or mention
    doc = "2020年北京年鉴"
    line = 120
    counterpart = "某某"
    reason = "a speech, not a meeting"

    [[add]]                         # a fact the extractor missed
    fact = "meeting"                # meeting, partner or position
    date = 2024-03-05
    home = ["殷勇"]
    counterpart = [{name = "某某", type = "Person", organization = "某公司"}]
    source = "北京日报 2024-03-06 第2版"

Entities are named by any of their names (label, alias, or as written) or by
IRI; ``type`` tells apart two entities of one name, and a new entity in an
added fact is given as ``{name = …, type = …}``. Everything is checked before
anything is written: an unknown entity, a bad date, an unknown field or a
retraction that matches no fact is an error naming the file and line.

In the graph, the file is a document of its own (its id is the file's
name without extension) with its own named graph. Added facts cite it:
their evidence is the ``[[add]]`` table's line in the file, quoting the
user's source note, and is marked ``kg:curated true``. Every change is a
``kg:Correction`` node (action, target, reason, the table quoted); a
retraction points to the evidence of each fact it removed.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV

from .errors import CurationError
from .gazetteer import load as load_gazetteer
from .model import (
    ENTITY_TYPES,
    MEETING_MODES,
    PARTNER_RELATIONS,
    Document,
    Evidence,
    Facts,
    Meeting,
    PartnerLink,
    Party,
    Position,
)
from .resolve import Entity, Resolver, normalise

ACTIONS = ("merge", "alias", "fix", "retract", "add")
RETRACTABLE = ("meeting", "partner", "position", "attendance", "mention")
ADDABLE = ("meeting", "partner", "position")

# Fields each table may have: required, then optional.
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "merge": (("into", "from"), ("type", "note")),
    "alias": (("entity", "names"), ("type", "note")),
    "fix": (("entity",), ("type", "label", "english", "new_type", "country", "wikidata", "note")),
    "retract:meeting": (("fact", "reason"), ("doc", "line", "date", "person", "counterpart", "mode")),
    "retract:partner": (("fact", "reason"), ("doc", "line", "date", "home", "partner", "relation")),
    "retract:position": (("fact", "reason"), ("doc", "line", "date", "person", "title", "organization")),
    "retract:attendance": (("fact", "reason"), ("doc", "line", "date", "person", "event", "role")),
    "retract:mention": (("fact", "reason", "entity"), ("doc", "line", "type")),
    "add:meeting": (("fact", "date", "home", "counterpart", "source"), ("mode", "country", "description", "note")),
    "add:partner": (("fact", "home", "partner", "relation", "source"), ("since", "date", "note")),
    "add:position": (("fact", "person", "title", "source"), ("organization", "date", "note")),
}
# What a retraction's name fields must resolve to.
_REF_TYPE = {"person": "Person", "event": "Event"}
_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
# Values become IRIs and typed literals: ids and dates in ASCII digits only (not ٢٠٢٠), nothing after them ("Q1\n").
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class Where:
    """Where a table sits in the curation file."""

    line: int
    start: int
    end: int
    text: str


@dataclass
class Action:
    """One table of the curation file: its kind (``merge``, …), its fields and where it is."""

    kind: str
    fields: dict[str, Any]
    where: Where
    # Filled in when applied: the entities it changed, the evidence of facts it removed, the facts it added.
    targets: list[Entity] = field(default_factory=list)
    retracted: list[Evidence] = field(default_factory=list)
    added: list[object] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"[[{self.kind}]] at line {self.where.line}"

    @property
    def note(self) -> str:
        return str(self.fields.get("note") or self.fields.get("reason") or "")


@dataclass
class Curation:
    """A parsed and checked curation file."""

    path: Path
    id: str
    text: str
    actions: list[Action]

    def of(self, kind: str) -> list[Action]:
        return [a for a in self.actions if a.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: len(self.of(k)) for k in ACTIONS if self.of(k)}

    # -- applying ----------------------------------------------------------

    def apply_facts(self, all_facts: list[Facts], register) -> list[Facts]:
        """The documents' facts with retracted facts removed, plus the curation file's own Facts.

        ``register(resolver, facts)`` adds a document's entities to a resolver
        (from :mod:`kg.rdf.graph`). Raises :class:`CurationError` listing every problem.
        (A build does the same steps a document at a time: :meth:`start`,
        :meth:`prepare`, :meth:`retract`, :meth:`finish`.)
        """
        self.start({f.doc.id for f in all_facts})
        resolver = Resolver()
        for f in all_facts:
            register(resolver, f)
        errors: list[str] = []
        own = self.prepare(resolver, register, errors)
        out = [self.retract(f, resolver, errors) for f in all_facts]
        self.finish(errors)
        return out + [own]

    def start(self, doc_ids: set[str] | None = None) -> None:
        """Forget what an earlier application found; check the file's id against the documents' ids."""
        for a in self.actions:
            a.targets, a.retracted, a.added = [], [], []
        if doc_ids is not None and self.id in doc_ids:
            raise CurationError(f"{self.path}: its id {self.id!r} is also a document's; rename the curation file")

    def prepare(self, resolver: Resolver, register, errors: list[str]) -> Facts:
        """Apply the entity changes to ``resolver`` (every document's entities registered) and return
        the file's own facts (its [[add]] tables), registered too. Problems are appended to ``errors``."""
        self.apply_entities(resolver, errors)
        own = self._added_facts(resolver, errors)
        register(resolver, own)
        self.apply_entities(resolver, [])  # again, for entities the added facts brought
        return own

    def retract(self, facts: Facts, resolver: Resolver, errors: list[str] | None) -> Facts:
        """A document's facts without those the file retracts. With ``errors`` None, nothing is
        recorded (the document was seen before: the same facts are dropped again)."""
        return self._retract(facts, resolver, errors)

    def finish(self, errors: list[str]) -> None:
        """Raise :class:`CurationError` with every problem found, retractions that matched nothing included."""
        for a in self.of("retract"):
            if not a.retracted and not any(a.label in e for e in errors):
                errors.append(f"{a.label}: matches no {a.fields['fact']} in the documents; check its fields")
        _raise(self.path, errors)

    def apply_entities(self, resolver: Resolver, errors: list[str] | None) -> None:
        """Merges, aliases and fixes, applied to the resolver's entities.

        With ``errors`` None the references were checked before: what no longer resolves is passed over.
        """
        gaz = load_gazetteer()

        def one(a: Action, ref: Any, what: str) -> Entity | None:
            ent, problem = _resolve_ref(resolver, ref, a.fields.get("type", ""))
            if problem and errors is not None:
                errors.append(f"{a.label}: {what} {problem}")
            return ent

        for a in self.actions:
            if a.kind == "merge":
                target = one(a, a.fields["into"], "'into'")
                if target is None:
                    continue
                a.targets = [target]
                for ref in a.fields["from"]:
                    src = one(a, ref, "'from'")
                    if src is not None and src.key != target.key:
                        resolver.merge(src, target)
            elif a.kind == "alias":
                ent = one(a, a.fields["entity"], "'entity'")
                if ent is None:
                    continue
                a.targets = [ent]
                for name in a.fields["names"]:
                    other = [e for e in resolver.find(name) if e.key != ent.key]
                    if other and errors is not None:
                        errors.append(f"{a.label}: {name!r} already names {_describe(other[0])}; use [[merge]] to make them one")
                    elif not other:
                        resolver.add_alias(ent, name)
            elif a.kind == "fix":
                ent = one(a, a.fields["entity"], "'entity'")
                if ent is None:
                    continue
                a.targets = [ent]
                f = a.fields
                if f.get("country"):
                    c = gaz.lookup(normalise(f["country"]), ("Country", "Region"))
                    if c is None:
                        if errors is not None:
                            errors.append(f"{a.label}: unknown country {f['country']!r}; give its Chinese name (德国, 香港)")
                    else:
                        resolver.add(c.zh, c.type)
                        ent.country = c.zh
                if f.get("new_type"):
                    resolver.retype(ent, f["new_type"])
                if f.get("label"):
                    resolver.relabel(ent, f["label"])
                if f.get("english"):
                    ent.english = f["english"]
                if f.get("wikidata"):
                    ent.wikidata = f["wikidata"]

    def _added_facts(self, resolver: Resolver, errors: list[str]) -> Facts:
        meetings: list[Meeting] = []
        links: list[PartnerLink] = []
        positions: list[Position] = []
        for a in self.of("add"):
            f = a.fields
            ev = Evidence(self.id, a.where.line, a.where.start, a.where.end, str(f["source"]).strip(), curated=True)

            def party(ref: Any, what: str, default_type: str = "") -> Party | None:
                p, problem = _party(resolver, ref, default_type)
                if problem:
                    errors.append(f"{a.label}: {what} {problem}")
                return p

            if f["fact"] == "meeting":
                home = [party(r, "'home'") for r in _as_list(f["home"])]
                cps = [party(r, "'counterpart'") for r in _as_list(f["counterpart"])]
                if None in home or None in cps:
                    continue
                country = ""
                if f.get("country"):
                    c = load_gazetteer().lookup(normalise(f["country"]), ("Country", "Region"))
                    if c is None:
                        errors.append(f"{a.label}: unknown country {f['country']!r}; give its Chinese name (德国, 香港)")
                        continue
                    country = c.zh
                m = Meeting(_iso(f["date"]), f.get("mode", "in_person"), tuple(home), tuple(cps), ev,
                            country=country, description=str(f.get("description", "")))
                meetings.append(m)
                a.added.append(m)
            elif f["fact"] == "partner":
                home, partner = party(f["home"], "'home'"), party(f["partner"], "'partner'", "City")
                if home is None or partner is None:
                    continue
                link = PartnerLink(home, partner, f["relation"], ev, since=str(f.get("since", "")), date=_iso(f.get("date", "")))
                links.append(link)
                a.added.append(link)
            elif f["fact"] == "position":
                person = party(f["person"], "'person'", "Person")
                org = party(f["organization"], "'organization'", "Organization") if f.get("organization") else None
                if person is None or (f.get("organization") and org is None):
                    continue
                pos = Position(person, str(f["title"]).strip(), org, _iso(f.get("date", "")), ev)
                positions.append(pos)
                a.added.append(pos)
        doc = Document(id=self.id, path=str(self.path), text=self.text, title=f"curation file {self.path.name}")
        return Facts(doc=doc, blocks=(), meetings=tuple(meetings), partner_links=tuple(links), positions=tuple(positions))

    def _retract(self, facts: Facts, resolver: Resolver, errors: list[str] | None) -> Facts:
        rules = [a for a in self.of("retract") if a.fields.get("doc", facts.doc.id) == facts.doc.id]
        if not rules:
            return facts
        refs: dict[int, dict[str, Entity]] = {}
        for a in rules:
            refs[id(a)] = {}
            for name in ("person", "counterpart", "home", "partner", "organization", "event", "entity"):
                if name in a.fields:
                    ent, problem = _resolve_ref(resolver, a.fields[name], a.fields.get("type", "") if name == "entity" else _REF_TYPE.get(name, ""))
                    if problem:
                        msg = f"{a.label}: {name!r} {problem}"
                        if errors is not None and msg not in errors:
                            errors.append(msg)
                        refs[id(a)] = None  # type: ignore[assignment]
                        break
                    refs[id(a)][name] = ent
        rules = [a for a in rules if refs[id(a)] is not None]
        record = errors is not None

        def is_(p: Party, ent: Entity | None) -> bool:
            return ent is None or resolver.lookup(p.name, p.type, country=p.country) is ent

        def common(a: Action, ev: Evidence, date: str) -> bool:
            f = a.fields
            return ("line" not in f or f["line"] == ev.line) and ("date" not in f or date.startswith(_iso(f["date"])))

        meetings = []
        for m in facts.meetings:
            for a in rules:
                r, f = refs[id(a)], a.fields
                if f["fact"] != "meeting" or not common(a, m.evidence, m.date) or f.get("mode", m.mode) != m.mode:
                    continue
                if not any(is_(p, r.get("person")) for p in m.home):
                    continue
                hit = [p for p in m.counterparts if is_(p, r.get("counterpart"))]
                if not hit:
                    continue
                if record:
                    a.retracted.append(m.evidence)
                m = replace(m, counterparts=tuple(p for p in m.counterparts if p not in hit))
                if not m.counterparts:
                    break
            if m.counterparts:
                meetings.append(m)

        def keep(kind: str, ev: Evidence, date: str, test) -> bool:
            for a in rules:
                if a.fields["fact"] == kind and common(a, ev, date) and test(a.fields, refs[id(a)]):
                    if record:
                        a.retracted.append(ev)
                    return False
            return True

        links = [
            x for x in facts.partner_links
            if keep("partner", x.evidence, x.date, lambda f, r, x=x: is_(x.home, r.get("home")) and is_(x.partner, r.get("partner"))
                    and f.get("relation", x.relation) == x.relation)
        ]
        positions = [
            x for x in facts.positions
            if keep("position", x.evidence, x.date, lambda f, r, x=x: is_(x.person, r.get("person"))
                    and f.get("title", x.title) == x.title
                    and ("organization" not in r or (x.organization is not None and is_(x.organization, r["organization"]))))
        ]
        attendances = [
            x for x in facts.attendances
            if keep("attendance", x.evidence, x.date, lambda f, r, x=x: is_(x.person, r.get("person")) and is_(x.event, r.get("event"))
                    and f.get("role", x.role) == x.role)
        ]
        mentions = [
            x for x in facts.mentions
            if keep("mention", x.evidence, "", lambda f, r, x=x: is_(x.entity, r.get("entity")))
        ]
        return replace(facts, meetings=tuple(meetings), partner_links=tuple(links), positions=tuple(positions),
                       attendances=tuple(attendances), mentions=tuple(mentions))

    # -- writing -----------------------------------------------------------

    def describe(self, writer) -> None:
        """Write a kg:Correction node for every change into the curation file's graph (``writer`` is its _DocWriter)."""
        from .rdf.graph import fact_iri
        from .rdf.vocab import ID, KG, segment

        writer.add(writer.doc_iri, RDF.type, KG.CurationFile)
        for n, a in enumerate(self.actions, 1):
            node = ID[f"correction/{segment(self.id)}/{n}"]
            writer.add(node, RDF.type, KG.Correction)
            writer.add(node, KG.action, Literal(a.kind))
            if a.note:
                writer.add(node, KG.reason, Literal(a.note, lang="zh"))
            writer.add(node, RDFS.comment, Literal(_summary(a)))
            ev = Evidence(self.id, a.where.line, a.where.start, a.where.end, a.where.text, curated=True)
            writer.add(node, PROV.wasDerivedFrom, writer.evidence(ev))
            for ent in a.targets:
                if ent.iri is not None and writer.r.entities.get(ent.key) is ent:
                    writer.add(node, KG.target, ent.iri)
            for fact in a.added:
                writer.add(node, KG.target, fact_iri(self.id, fact, writer.r))
            for old in sorted(set(a.retracted), key=lambda e: (e.doc, e.line, e.start, e.end)):
                writer.add(node, KG.retracts, writer.evidence(old))


def _summary(a: Action) -> str:
    f = a.fields
    if a.kind == "merge":
        return f"merge {', '.join(map(_ref_text, f['from']))} into {_ref_text(f['into'])}"
    if a.kind == "alias":
        return f"alias {_ref_text(f['entity'])}: {', '.join(f['names'])}"
    if a.kind == "fix":
        changes = ", ".join(f"{k}={f[k]}" for k in ("label", "english", "new_type", "country", "wikidata") if k in f)
        return f"fix {_ref_text(f['entity'])}: {changes}"
    if a.kind == "retract":
        return f"retract {f['fact']}: {len(a.retracted)} fact(s)"
    return f"add {f['fact']}"


def _ref_text(ref: Any) -> str:
    return str(ref.get("name", "")) if isinstance(ref, dict) else str(ref)


def _describe(e: Entity) -> str:
    return f"{e.name} ({e.type})"


def _resolve_ref(resolver: Resolver, ref: Any, type: str = "") -> tuple[Entity | None, str]:
    """The one entity ``ref`` (a name or IRI, or a {name, type} table) names, or a problem."""
    if isinstance(ref, dict):
        type = ref.get("type", "") or type
        ref = ref.get("name", "")
    found = resolver.find(str(ref), type)
    if len(found) == 1:
        return found[0], ""
    if len(found) > 1:
        return None, f"{ref!r} names {len(found)} entities ({', '.join(map(_describe, found))}); add type = \"…\" to say which"
    names = sorted({e.name for e in resolver.entities.values()} | {a for e in resolver.entities.values() for a in e.aliases})
    close = difflib.get_close_matches(normalise(str(ref)), names, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    kind = f" {type}" if type else ""
    return None, f"unknown{kind} entity {ref!r}: no entity has this name or IRI{hint}"


def _party(resolver: Resolver, ref: Any, default_type: str = "") -> tuple[Party | None, str]:
    """A Party for an added fact: a known entity by name, or a new one given as {name, type, …}."""
    if isinstance(ref, dict) and ref.get("type"):
        orgs = []
        for o in _as_list(ref.get("organization", [])):
            op, problem = _party(resolver, o, "Organization")
            if problem:
                return None, problem
            orgs.append(op)
        name = normalise(str(ref["name"]))
        return Party(name, ref["type"], title=str(ref.get("title", "")), organizations=tuple(orgs), country=str(ref.get("country", ""))), ""
    ent, problem = _resolve_ref(resolver, ref, default_type if default_type == "Person" else "")
    if ent is None:
        return None, problem + "; to add a new entity give {name = \"…\", type = \"…\"}"
    return Party(ent.name, ent.type, country=ent.country), ""


def _as_list(v: Any) -> list:
    return list(v) if isinstance(v, list) else [v]


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return str(value).strip()


# -- reading and checking -------------------------------------------------


def load(path: str | Path) -> Curation:
    """Read and check a curation file; raise :class:`CurationError` listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CurationError(f"{path}: cannot read the curation file ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CurationError(f"{path}: the curation file is not UTF-8 ({exc.reason})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{path}: not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise CurationError(f"{path}: not a curation file: its tables or arrays are nested too deep to read") from exc
    errors: list[str] = []
    places = _table_places(text)
    actions: list[Action] = []
    for key, value in data.items():
        if key not in ACTIONS:
            errors.append(f"unknown section {key!r}; known: {', '.join(f'[[{a}]]' for a in ACTIONS)}")
            continue
        if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
            errors.append(f"{key!r} must be a list of tables, written [[{key}]]")
            continue
        for i, table in enumerate(value):
            where = places.get((key, i)) or Where(1, 0, 0, "")
            a = Action(key, dict(table), where)
            errors.extend(f"{a.label}: {e}" for e in _check(a))
            actions.append(a)
    _raise(path, errors)
    actions.sort(key=lambda a: a.where.line)
    doc_id = path.name[: -len(path.suffix)] if path.suffix else path.name
    return Curation(path=path, id=doc_id, text=text, actions=actions)


def _raise(path: Path, errors: list[str]) -> None:
    """Raise one error listing every problem, in the order of the file's lines."""
    if errors:
        def line(e: str) -> int:
            m = re.search(r"at line (\d+)", e)
            return int(m.group(1)) if m else 0
        lines = sorted(dict.fromkeys(errors), key=line)
        raise CurationError(f"{path}: " + "\n  ".join(["the curation file has errors:", *lines]))


def _table_places(text: str) -> dict[tuple[str, int], Where]:
    """Where the n-th ``[[kind]]`` table is: its header's line, its span and its text."""
    lines = text.splitlines(keepends=True)
    starts = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln)
    heads = [(i, m.group(1)) for i, ln in enumerate(lines) if (m := re.match(r"\s*\[\[\s*([\w.-]+)\s*\]\]", ln))]
    tables = [i for i, ln in enumerate(lines) if re.match(r"\s*\[", ln)]
    out: dict[tuple[str, int], Where] = {}
    count: dict[str, int] = {}
    for i, kind in heads:
        n = count.get(kind, 0)
        count[kind] = n + 1
        end_line = next((j for j in tables if j > i), len(lines))
        while end_line > i + 1 and (not lines[end_line - 1].strip() or lines[end_line - 1].lstrip().startswith("#")):
            end_line -= 1
        start, end = starts[i], starts[end_line - 1] + len(lines[end_line - 1])
        out[(kind, n)] = Where(i + 1, start, end, text[start:end].rstrip())
    return out


def _check(a: Action) -> list[str]:
    """Problems with one table's shape and values (entities are checked against the graph later)."""
    f = a.fields
    problems: list[str] = []
    spec = a.kind
    if a.kind in ("retract", "add"):
        allowed = RETRACTABLE if a.kind == "retract" else ADDABLE
        if f.get("fact") not in allowed:
            return [f"'fact' must be one of {', '.join(allowed)}, not {f.get('fact')!r}"]
        spec = f"{a.kind}:{f['fact']}"
    required, optional = _FIELDS[spec]
    for k in required:
        if k not in f or f[k] in ("", []):
            problems.append(f"'{k}' is required")
    for k in f:
        if k not in required and k not in optional:
            problems.append(f"unknown field {k!r}; known: {', '.join(required + optional)}")
    for k in ("date", "since"):
        if k in f and f[k] != "":
            problem = _check_date(f[k], year_only=(k == "since"))
            if problem:
                problems.append(f"'{k}': {problem}")
    for k in ("type", "new_type"):
        if f.get(k) and f[k] not in ENTITY_TYPES:
            problems.append(f"'{k}' must be one of {', '.join(ENTITY_TYPES)}, not {f[k]!r}")
    if f.get("mode") and f["mode"] not in MEETING_MODES:
        problems.append(f"'mode' must be one of {', '.join(MEETING_MODES)}, not {f['mode']!r}")
    if f.get("relation") and f["relation"] not in PARTNER_RELATIONS:
        problems.append(f"'relation' must be one of {', '.join(PARTNER_RELATIONS)}, not {f['relation']!r}")
    if f.get("wikidata") and not _WIKIDATA.fullmatch(str(f["wikidata"])):
        problems.append(f"'wikidata' must be an id like Q956, not {f['wikidata']!r}")
    if "line" in f and (not isinstance(f["line"], int) or isinstance(f["line"], bool) or f["line"] < 1):
        problems.append(f"'line' must be a line number (1 or more), not {f['line']!r}")
    if a.kind == "merge" and not isinstance(f.get("from"), list):
        f["from"] = [f.get("from")]
    if a.kind == "alias" and not isinstance(f.get("names"), list):
        f["names"] = [f.get("names")]
    for k in ("into", "from", "entity", "home", "counterpart", "partner", "person", "organization", "event"):
        for ref in _as_list(f.get(k, [])):
            if isinstance(ref, dict):
                extra = set(ref) - {"name", "type", "title", "organization", "country"}
                if not ref.get("name"):
                    problems.append(f"{k!r}: a table needs a name")
                if extra:
                    problems.append(f"{k!r}: unknown field(s) {', '.join(sorted(extra))}; known: name, type, title, organization, country")
                if ref.get("type") and ref["type"] not in ENTITY_TYPES:
                    problems.append(f"{k!r}: type must be one of {', '.join(ENTITY_TYPES)}, not {ref['type']!r}")
            elif not isinstance(ref, str) or not ref.strip():
                problems.append(f"{k!r} must name an entity (a name, an IRI or {{name = …, type = …}}), not {ref!r}")
    if a.kind == "fix" and not set(f) & {"label", "english", "new_type", "country", "wikidata"}:
        problems.append("says nothing to change; give label, english, new_type, country or wikidata")
    if a.kind == "alias":
        for n in f.get("names") or []:
            if not isinstance(n, str) or not n.strip():
                problems.append(f"'names' must be a list of names, not {n!r}")
    return problems


def _check_date(value: Any, year_only: bool = False) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return "" if not year_only else f"must be a year, like 2014, not {value.isoformat()!r}"
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return f"must be an ISO date (2024, 2024-03 or 2024-03-05), not {value!r}"
    if year_only:
        return "" if re.fullmatch(r"[0-9]{4}", value) else f"must be a year, like 2014, not {value!r}"
    if not _DATE.fullmatch(value):
        return f"must be an ISO date (2024, 2024-03 or 2024-03-05), not {value!r}"
    parts = [int(x) for x in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        return f"{value!r} is not a date ({exc})"
    return ""
