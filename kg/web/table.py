"""A result table as a page shows it: labels linked to entity pages, IRIs kept but hidden, sources linked.

Every column of the rows stays in the table, in order, and each cell's text is the row's value
as ``kg query --format json`` gives it: an IRI column with a label beside it (``personName``
beside ``person``) is hidden (a control shows it) and the label links to that entity's page; ``doc`` links
to the document page, ``line`` to that line of it; ``quote`` is the source sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .links import document_url, entity_url

# A label column for an IRI column that is not named ``<iri>Name``.
_LABEL_OF = {"entity": ("entityName", "name", "nameZh")}


@dataclass
class Cell:
    text: str
    href: str | None = None


@dataclass
class Column:
    name: str
    kind: str = "plain"  # plain, iri (an IRI with a label column beside it: hidden), link, label, doc, line, quote, number


@dataclass
class Table:
    columns: list[Column] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    total: int = 0  # rows in the answer (the table may hold the first of them only)

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


def _is_iri(values: list[str]) -> bool:
    return any(values) and all(not v or v.startswith(("http://", "https://", "urn:")) for v in values)


def _is_number(values: list[str]) -> bool:
    return any(values) and all(not v or v.lstrip("-").isdigit() for v in values)


def from_rows(columns: list[str], rows: list[dict[str, str]], max_rows: int | None = None) -> Table:
    """The table of ``rows`` (dicts of strings, as :class:`kg.query.QueryResult` has them)."""
    kinds: dict[str, str] = {}
    label_for: dict[str, str] = {}  # label column → IRI column
    for c in columns:
        values = [r.get(c, "") for r in rows]
        if c == "quote":
            kinds[c] = "quote"
        elif c == "doc":
            kinds[c] = "doc"
        elif c == "line" and "doc" in columns:
            kinds[c] = "line"
        elif _is_iri(values):
            kinds[c] = "link"
            for label in (f"{c}Name", *_LABEL_OF.get(c, ())):
                if label in columns:
                    label_for[label] = c
                    kinds[c] = "iri"
                    break
        elif _is_number(values):
            kinds[c] = "number"
        else:
            kinds[c] = "plain"
    for label in label_for:
        kinds[label] = "label"
    table = Table([Column(c, kinds[c]) for c in columns], total=len(rows))
    for r in rows[:max_rows] if max_rows is not None else rows:
        cells = []
        for c in columns:
            v = r.get(c, "")
            href = None
            if kinds[c] == "label":
                href = entity_url(r.get(label_for[c], ""))
            elif kinds[c] in ("iri", "link"):
                href = entity_url(v)
            elif kinds[c] == "doc" and v:
                href = document_url(v)
            elif kinds[c] == "line" and v and r.get("doc"):
                href = document_url(r["doc"], v)
            cells.append(Cell(v, href))
        table.rows.append(cells)
    return table


def from_bindings(data: dict, max_rows: int | None = None) -> Table:
    """The table of a SPARQL JSON answer (the editor's): IRIs of kg's things link to their pages."""
    variables = data.get("head", {}).get("vars", [])
    if "boolean" in data:
        return from_rows(["boolean"], [{"boolean": "true" if data["boolean"] else "false"}])
    rows = [{v: b[v]["value"] for v in variables if v in b} for b in data.get("results", {}).get("bindings", [])]
    return from_rows(variables, rows, max_rows)
