"""The timeline view: meetings by month, stacked by country, each bar's meetings a click away."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import ParameterError
from ..query import open_dataset, run_query
from .colours import UNKNOWN, country_colours
from .network import FACT_LABEL, template

SEVERAL = "多国 several countries"
NONE = "未知 unknown"
PARAMS = ("from", "to", "country", "person")


def _query(name: str) -> Path:
    return Path(str(resources.files("kg.views").joinpath("queries", f"{name}.rq")))


def bucket(date: str) -> str:
    """The month a meeting counts in (``YYYY-MM``), or its year (``YYYY``) when the text gives no month."""
    return date[:7] if len(date) >= 7 and date[4] == "-" and date[5:7].isdigit() else date[:4]


def axis(buckets: set[str]) -> list[str]:
    """Every month from the first to the last (the empty ones too), a year-only bucket before its January."""
    months = sorted(b for b in buckets if len(b) == 7)
    years = sorted(b for b in buckets if len(b) == 4)
    out: list[str] = []
    if months:
        y, m = int(months[0][:4]), int(months[0][5:])
        last = (int(months[-1][:4]), int(months[-1][5:]))
        while (y, m) <= last and len(out) < 2400:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        out = sorted(set(out) | set(months))
    return sorted(set(out) | set(years), key=lambda b: (b[:4], len(b), b))


@dataclass
class TimelineView:
    """Meetings by month: ``meetings`` (each with its ``month`` and stacking ``country``) and the ``countries`` drawn."""

    heading: str
    months: list[str] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    countries: list[dict] = field(default_factory=list)

    def html(self) -> str:
        return template("timeline.html").render(
            heading=self.heading, kg={"months": self.months, "meetings": self.meetings, "countries": self.countries},
        )


def timeline(graph, **params) -> TimelineView:
    """Meetings by month, stacked by the counterparts' country (a meeting with several countries in one
    segment of its own, one with none in another), so that each month's bar is its number of meetings.

    ``params``: ``from`` and ``to`` (ISO dates, as in ``who-met-whom``), ``country`` (a counterpart's
    country) and ``person`` (a home-side participant), each optional.
    """
    unknown = set(params) - set(PARAMS)
    if unknown:
        raise ParameterError(f"the timeline takes {', '.join(PARAMS)}, not {', '.join(sorted(unknown))}")
    ds = graph if not isinstance(graph, (str, Path)) else open_dataset(graph)
    rows = run_query(_query("meetings"), ds, terms=False).rows
    frm, to = str(params.get("from") or ""), str(params.get("to") or "")
    country, person = str(params.get("country") or ""), str(params.get("person") or "")
    view = TimelineView("会见时间线 Meetings by month")
    for r in rows:
        date = r["date"]
        countries = sorted(c for c in r["countries"].split("|") if c)
        homes = [h for h in r["homeNames"].split("|") if h]
        if frm and date < frm or to and date[: len(to)] > to:
            continue
        if country and country not in countries or person and person not in homes:
            continue
        seg = countries[0] if len(countries) == 1 else SEVERAL if countries else NONE
        view.meetings.append({
            "kind": "Meeting", "label": FACT_LABEL["Meeting"], "date": date, "month": bucket(date), "mode": r["mode"],
            "doc": r["doc"], "line": r["line"], "quote": r["quote"], "country": seg,
            "persons": homes + [c for c in r["counterpartNames"].split("|") if c], "note": "、".join(countries),
        })
    view.months = axis({m["month"] for m in view.meetings})
    drawn = sorted({m["country"] for m in view.meetings} - {SEVERAL, NONE})
    colours = country_colours(drawn)
    view.countries = [{"key": c, "label": c, "color": colours[c]} for c in drawn]
    view.countries += [{"key": k, "label": k, "color": col} for k, col in ((SEVERAL, "#424242"), (NONE, UNKNOWN))
                       if any(m["country"] == k for m in view.meetings)]
    return view
