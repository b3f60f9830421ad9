"""Scoring a build against gold files: precision, recall and F1.

The gold format is the one of ``tests/gold/README.md``: three tab-separated
files (``meetings.tsv``, ``partners.tsv``, ``entities.tsv``) with one header
row and ``#`` comment lines. Units:

- who met whom: (document, home person, counterpart, date), where the
  counterpart is the person when the gold names one, else each organisation
  or city; a home side with no named person is the ``home_org`` body;
- city partners: (document, home place, partner place, relation);
- entities: (document, name, type).

A name matches when, with spaces and middle dots removed and in simplified
characters (see Script below), it equals one of
the gold alternatives (``a|b|c``); the build side may offer several forms of
one entity (every label it has in that document). A predicted date matches
when it agrees with the gold to the precision the gold gives (``2020-07``
matches ``2020-07-21``; a span matches a span with both ends agreeing).
Each gold unit is matched at most once, and each predicted unit at most once.
Predicted units that are the same unit (one partner tie stated on two lines)
count once.

Script: names are compared in simplified characters. ``norm()`` passes both
the gold names and the build's names through OpenCC ``t2s`` (the conversion
the extractor applies to its input, ``kg.textnorm.normalise_text``, which also
turns full-width letters and digits into ASCII), so traditional gold (中國,
澳大利亞) matches simplified output (中国, 澳大利亚). Conversions are cached,
and a name with no CJK character is not converted at all.

Strict scoring (``strict=True``, ``kg eval --strict``): a gold row right after
a comment line starting ``# BORDERLINE`` is a judgment call. Such a comment
covers that one row only (the gold files give every BORDERLINE row a comment
of its own, ``# BORDERLINE: as above.`` for a run of them); other comment
lines between the comment and the row do not end it. In strict mode these
rows are left out of the gold, and a predicted unit that matches one of them
is left out too: it is neither right nor wrong. The rule, exactly: the
predicted units are first matched one to one against the gold units that
are kept (as in the default mode); the predicted units left over are then
matched one to one against the left-out BORDERLINE units, and those that find
one are not counted (``Score.ignored``). A second copy of a BORDERLINE unit
is wrong, as it would be without ``strict``. Without ``strict`` BORDERLINE
rows are ordinary gold rows.

Per-document scores: every task is scored per document as well
(``Score.by_doc``, ``Evaluation.by_doc``), for every document the gold files
cover, from the same one-to-one matching as the totals, so the per-document
gold, predicted and right counts add up to the totals. P (R) is 0 where
nothing was predicted (no gold unit is left); tables print ``-`` there.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .errors import GoldError
from .query import run_query
from .textnorm import normalise_text

GOLD_FILES = {"meetings": "meetings.tsv", "partners": "partners.tsv", "entities": "entities.tsv"}
_IGNORED = re.compile(r"[\s·•・‧]")
_BORDERLINE = "# BORDERLINE"


@lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """A name as scored: no spaces, no middle dots, simplified characters (OpenCC ``t2s``)."""
    return normalise_text(_IGNORED.sub("", name))


def alternatives(cell: str) -> frozenset[str]:
    return frozenset(norm(a) for a in cell.split("|") if norm(a))


def date_agrees(gold: str, predicted: str) -> bool:
    """Whether ``predicted`` is ``gold`` or lies within it, more precise (2020-07-21, or the span
    2020-10-11/2020-10-20 that 10月中旬 gives, within a gold 2020-10)."""
    g, p = gold.split("/"), predicted.split("/")
    if len(g) == 1 and len(p) == 2:
        return all(pp.startswith(g[0]) for pp in p)
    if len(g) != len(p):
        return False
    return all(pp.startswith(gg) for gg, pp in zip(g, p))


@dataclass(frozen=True)
class Unit:
    """One scored item. ``ends`` are the alternatives of each end; ``date`` may be empty."""

    task: str
    doc: str
    ends: tuple[frozenset[str], ...]
    kind: str = ""  # relation for partners, type for entities
    date: str = ""
    line: int = 0
    label: str = ""  # how to show it
    borderline: bool = False  # a gold row right after a ``# BORDERLINE`` comment

    def matches(self, other: "Unit") -> bool:
        """``self`` is gold, ``other`` predicted."""
        if self.doc != other.doc or self.kind != other.kind or len(self.ends) != len(other.ends):
            return False
        if not all(g & p for g, p in zip(self.ends, other.ends)):
            return False
        return not self.date or date_agrees(self.date, other.date)


@dataclass
class Score:
    """One task's figures, over all documents (``doc`` empty) or in one document."""

    task: str
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    missed: list[Unit] = field(default_factory=list)
    wrong: list[Unit] = field(default_factory=list)
    doc: str = ""
    left_out: int = 0  # BORDERLINE gold units left out (strict)
    ignored: list[Unit] = field(default_factory=list)  # predicted units matching a left-out one (strict)
    by_doc: dict[str, "Score"] = field(default_factory=dict)  # document → its figures (totals only)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        """gold, pred, right, P, R, F1 as a table prints them (``-`` where a ratio has nothing to divide by)."""
        p = f"{self.precision:>6.3f}" if self.predicted else f"{'-':>6}"
        r = f"{self.recall:>6.3f}" if self.gold else f"{'-':>6}"
        f = f"{self.f1:>6.3f}" if self.predicted or self.gold else f"{'-':>6}"
        return f"{self.gold:>5} {self.predicted:>5} {self.correct:>5} {p} {r} {f}"

    def figures(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }

    def as_dict(self) -> dict:
        return {
            "task": self.task,
            **self.figures(),
            "left_out": self.left_out,
            "missed": [u.label for u in self.missed],
            "wrong": [u.label for u in self.wrong],
            "ignored": [u.label for u in self.ignored],
        }


@dataclass
class Evaluation:
    scores: list[Score]
    strict: bool = False

    def __getitem__(self, task: str) -> Score:
        for s in self.scores:
            if s.task == task:
                return s
        raise KeyError(task)

    @property
    def by_doc(self) -> list[Score]:
        """Per-document scores, by document and then task (the order of ``scores``)."""
        docs = sorted({d for s in self.scores for d in s.by_doc})
        return [s.by_doc[d] for d in docs for s in self.scores if d in s.by_doc]

    def table(self, verbose: bool = False, by_doc: bool = False) -> str:
        rows = [f"{'task':<10} {'gold':>5} {'pred':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        rows.extend(f"{s.task:<10} {s.row()}" for s in self.scores)
        if self.strict:
            rows.append(
                "strict: BORDERLINE gold units left out (predicted matches not counted): "
                + ", ".join(f"{s.task} {s.left_out} ({len(s.ignored)})" for s in self.scores)
            )
        if by_doc:
            per = self.by_doc
            width = max([len("doc"), *(len(s.doc) for s in per)])
            rows.append("")
            rows.append(f"{'doc':<{width}} {'task':<10} {'gold':>5} {'pred':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}")
            rows.extend(f"{s.doc:<{width}} {s.task:<10} {s.row()}" for s in per)
        if verbose:
            for s in self.scores:
                for title, units in (("missed", s.missed), ("wrong", s.wrong), ("not counted (BORDERLINE)", s.ignored)):
                    if units:
                        rows.append(f"\n{s.task}: {title} ({len(units)})")
                        rows.extend(f"  {u.label}" for u in units)
        return "\n".join(rows)

    def json(self, by_doc: bool = False) -> str:
        data: dict = {s.task: s.as_dict() for s in self.scores}
        if by_doc:
            data["by_doc"] = [{"doc": s.doc, "task": s.task, **s.figures()} for s in self.by_doc]
        return json.dumps(data, ensure_ascii=False, indent=2)


# --- gold -----------------------------------------------------------------


def _rows(path: Path, columns: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str], bool]]:
    """(line number, row, whether the row is BORDERLINE) for each data row of ``path``."""
    if not path.is_file():
        raise GoldError(f"{path}: gold file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from exc
    lines = []  # (line number, text, follows a BORDERLINE comment)
    pending = False
    for i, ln in enumerate(text.splitlines(), 1):
        if ln.startswith("#"):
            pending = pending or ln.startswith(_BORDERLINE)
        elif ln.strip():
            lines.append((i, ln, pending))
            pending = False
    if not lines:
        raise GoldError(f"{path}: empty (expected a header row {chr(9).join(columns)})")
    header = next(csv.reader([lines[0][1]], delimiter="\t"))
    missing = [c for c in columns if c not in header]
    if missing:
        raise GoldError(f"{path}: header lacks column(s) {', '.join(missing)}")
    for i, ln, borderline in lines[1:]:
        cells = next(csv.reader([ln], delimiter="\t", quoting=csv.QUOTE_NONE))
        cells += [""] * (len(header) - len(cells))
        yield i, dict(zip(header, (c.strip() for c in cells))), borderline


def _split(cell: str) -> list[str]:
    return [c for c in (x.strip() for x in cell.split(";")) if c]


def gold_meetings(path: Path) -> list[Unit]:
    units = []
    cols = ("doc", "date", "home", "home_org", "counterparts", "counterpart_orgs", "line")
    for i, row, bl in _rows(path, cols):
        homes = _split(row["home"]) or _split(row["home_org"])
        others = _split(row["counterparts"]) or _split(row["counterpart_orgs"])
        if not homes or not others:
            raise GoldError(f"{path}:{i}: a meeting needs a home side and a counterpart")
        for h in homes:
            for o in others:
                units.append(
                    Unit("meetings", row["doc"], (alternatives(h), alternatives(o)), date=row["date"],
                         line=int(row["line"] or 0), label=f"{row['doc']}:{row['line']} {row['date']} {h} — {o}", borderline=bl)
                )
    return units


def gold_partners(path: Path) -> list[Unit]:
    units = []
    for i, row, bl in _rows(path, ("doc", "home", "partner", "relation", "line")):
        units.append(
            Unit("partners", row["doc"], (alternatives(row["home"]), alternatives(row["partner"])), kind=row["relation"],
                 line=int(row["line"] or 0), label=f"{row['doc']}:{row['line']} {row['home']} — {row['partner']} {row['relation']}", borderline=bl)
        )
    return units


def gold_entities(path: Path) -> list[Unit]:
    units = []
    for i, row, bl in _rows(path, ("doc", "name", "type")):
        units.append(Unit("entities", row["doc"], (alternatives(row["name"]),), kind=row["type"],
                          label=f"{row['doc']} {row['type']} {row['name']}", borderline=bl))
    return units


# --- predictions ----------------------------------------------------------


def _forms(rows: list[dict]) -> dict[tuple[str, str], frozenset[str]]:
    """(doc, entity IRI) → every form of the entity in that document."""
    out: dict[tuple[str, str], frozenset[str]] = {}
    for r in rows:
        names = {r["name"], *str(r.get("names") or "").split("|")}
        out[(r["doc"], r["entity"])] = frozenset(norm(n) for n in names if norm(n))
    return out


def predicted(graph) -> dict[str, list[Unit]]:
    ents = run_query("entities", graph).rows
    forms = _forms(ents)

    def f(doc: str, iri: str, name: str) -> frozenset[str]:
        return forms.get((doc, iri), frozenset()) | {norm(name)}

    out: dict[str, list[Unit]] = {"meetings": [], "partners": [], "entities": []}
    pairs = set()
    for r in run_query("who-met-whom", graph).rows:
        # Two meetings of one pair on one line and date are one unit (the gold cannot tell them apart).
        key = (r["doc"], r["line"], r["date"], r["person"], r["counterpart"])
        if key in pairs:
            continue
        pairs.add(key)
        out["meetings"].append(
            Unit("meetings", r["doc"], (f(r["doc"], r["person"], r["personName"]), f(r["doc"], r["counterpart"], r["counterpartName"])),
                 date=str(r["date"]), line=int(r["line"]), label=f"{r['doc']}:{r['line']} {r['date']} {r['personName']} — {r['counterpartName']}")
        )
    seen = set()
    for r in run_query("city-partners", graph).rows:
        key = (r["doc"], r["home"], r["partner"], r["relation"])
        if key in seen:
            continue
        seen.add(key)
        out["partners"].append(
            Unit("partners", r["doc"], (f(r["doc"], r["home"], r["homeName"]), f(r["doc"], r["partner"], r["partnerName"])), kind=r["relation"],
                 line=int(r["line"]), label=f"{r['doc']}:{r['line']} {r['homeName']} — {r['partnerName']} {r['relation']}")
        )
    for r in ents:
        out["entities"].append(Unit("entities", r["doc"], (f(r["doc"], r["entity"], r["name"]),), kind=r["type"],
                                    label=f"{r['doc']} {r['type']} {r['name']}"))
    return out


# --- scoring --------------------------------------------------------------


def _match(gold: list[Unit], pred: list[Unit], used: list[bool]) -> list[Unit]:
    """Match ``gold`` one to one against the unused ``pred`` (marking them used); return the gold units left unmatched."""
    # Gold units with fewer candidate matches first, so that a generous match does not steal a unique one.
    cands = {id(g): [j for j, p in enumerate(pred) if not used[j] and g.matches(p)] for g in gold}
    missed = []
    for g in sorted(gold, key=lambda g: len(cands[id(g)])):
        j = next((j for j in cands[id(g)] if not used[j]), None)
        if j is None:
            missed.append(g)
        else:
            used[j] = True
    return missed


def score(task: str, gold: list[Unit], pred: list[Unit], docs: set[str] | None = None, strict: bool = False) -> Score:
    """Match gold and predicted units one to one; only documents the gold covers are scored.

    With ``strict``, BORDERLINE gold units are left out, and so are the predicted
    units that match them once the kept gold has been matched (see the module's doc).
    """
    docs = docs if docs is not None else {u.doc for u in gold}
    pred = [p for p in pred if p.doc in docs]
    kept = [g for g in gold if not (strict and g.borderline)]
    left_out = [g for g in gold if strict and g.borderline]
    used = [False] * len(pred)
    missed = _match(kept, pred, used)
    matched = [j for j, u in enumerate(used) if u]
    _match(left_out, pred, used)
    ignored = {j for j, u in enumerate(used) if u} - set(matched)
    counted = [p for j, p in enumerate(pred) if j not in ignored]
    wrong = [p for j, p in enumerate(pred) if not used[j]]

    def figures(doc: str, keep) -> Score:
        s = Score(task, doc=doc, gold=sum(map(keep, kept)), predicted=sum(map(keep, counted)),
                  left_out=sum(map(keep, left_out)))
        s.missed = sorted(filter(keep, missed), key=lambda u: u.label)
        s.wrong = sorted(filter(keep, wrong), key=lambda u: u.label)
        s.ignored = sorted((pred[j] for j in ignored if keep(pred[j])), key=lambda u: u.label)
        s.correct = s.gold - len(s.missed)
        return s

    total = figures("", lambda u: True)
    total.by_doc = {d: figures(d, lambda u, d=d: u.doc == d) for d in sorted(docs)}
    return total


def evaluate(graph, gold_dir: str | Path, strict: bool = False) -> Evaluation:
    """Score the build at ``graph`` (a build directory or an open dataset) against ``gold_dir``.

    ``strict`` leaves out the gold rows marked BORDERLINE and the predictions
    that match only them (see the module's doc). The result holds the totals
    per task and, in each, the figures per document (``Evaluation.by_doc``).
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a directory of gold files ({', '.join(GOLD_FILES.values())})")
    present = {task: gold_dir / name for task, name in GOLD_FILES.items() if (gold_dir / name).is_file()}
    if not present:
        raise GoldError(f"{gold_dir}: none of {', '.join(GOLD_FILES.values())} found")
    readers = {"meetings": gold_meetings, "partners": gold_partners, "entities": gold_entities}
    gold = {task: readers[task](path) for task, path in present.items()}
    docs = {u.doc for units in gold.values() for u in units}
    pred = predicted(graph)
    scores = [score(task, gold[task], pred[task], docs, strict=strict) for task in GOLD_FILES if task in gold]
    return Evaluation(scores, strict=strict)
