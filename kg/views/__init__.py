"""Interactive views of a build, each one offline HTML page.

- :func:`who_met_whom` — home-side leaders (white in a red ring) and their counterparts (shaped by
  type, coloured by country), an edge per pair with its meetings; filters by year, country, type and
  leader.
- :func:`city_partners` — home places at the centre, partner places coloured by country, edges
  styled by relation kind with ``since``; a filter by kind and country.
- :func:`entity` — one entity and what is linked to it, one or two steps out.
- :func:`world_map` (``map``) — the city-partner links on a world outline (Natural Earth), places by
  their coordinates, lines coloured by relation kind.
- :func:`timeline` — meetings by month, stacked by country.

The networks (:class:`View`) open on their most connected nodes, keep every node where it was
when a filter changes, and list the meetings behind the selected node or edge. Countries have the
same colour in every view and build (:mod:`kg.views.colours`). Every view is built from the named
queries' rows (and, for the map and timeline, the view's own queries in ``kg/views/queries/``), so
what is drawn is what SPARQL returns. Pages inline their scripts (vis-network from pyvis; d3-geo,
topojson-client and the world outline from ``static/``) and use no other host; document strings
reach them only as JSON or escaped text, and are shown as text nodes, never markup.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ParameterError
from ..query import run_query
from .colours import country_colours
from .entity import entity
from .meetings import who_met_whom
from .network import RELATION_STYLE, TYPE_STYLE, View
from .partners import city_partners
from .timeline import TimelineView, timeline
from .worldmap import MapView, world_map

NAMES = ("who-met-whom", "city-partners", "entity", "map", "timeline")
VIEWS = NAMES  # the former name

__all__ = ["NAMES", "View", "MapView", "TimelineView", "make", "write", "who_met_whom", "city_partners", "entity",
           "world_map", "timeline", "country_colours", "RELATION_STYLE", "TYPE_STYLE"]


def write(view, path: str | Path) -> Path:
    """Write the view's page atomically."""
    from ..outputs import atomic_write

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, view.html().encode("utf-8"))
    return path


def _top(params: dict) -> int | None:
    raw = params.pop("top", None)
    if raw in (None, ""):
        return None
    try:
        top = int(raw)
    except (TypeError, ValueError):
        raise ParameterError(f"top must be a whole number of nodes, not {raw!r}") from None
    if top < 1:
        raise ParameterError(f"top must be at least 1, not {top}")
    return top


def make(view_name: str, graph, **params):
    """The view ``view_name`` (one of :data:`NAMES`) of a build directory or open dataset.

    For who-met-whom, city-partners and map, ``params`` are the query's (from, to, country, home …);
    the entity view takes ``name`` and ``depth`` (1 or 2); the timeline ``from``, ``to``, ``country``
    and ``person``. The networks also take ``top``: how many of the most connected nodes to open on.
    Each result has ``.html()``, one offline page.
    """
    params = dict(params)
    if view_name in ("who-met-whom", "city-partners"):
        top = _top(params)
        # (A build folder is passed on as such: its tables answer, kg.tables.)
        rows = run_query(view_name, graph, params, terms=False) if params else None
        return (who_met_whom if view_name == "who-met-whom" else city_partners)(graph, rows, top=top)
    if view_name == "entity":
        top = _top(params)
        if not params.get("name"):
            raise ParameterError("the entity view needs --param name=…")
        unknown = set(params) - {"name", "depth"}
        if unknown:
            raise ParameterError(f"the entity view takes name, depth and top, not {', '.join(sorted(unknown))}")
        try:
            depth = int(params.get("depth", 1))
        except (TypeError, ValueError):
            raise ParameterError(f"depth must be 1 or 2, not {params.get('depth')!r}") from None
        return entity(graph, params["name"], depth, top=top)
    if view_name == "map":
        top = _top(params)
        return world_map(graph, top=top, **params)
    if view_name == "timeline":
        return timeline(graph, **params)
    raise ParameterError(f"no view {view_name!r}; views: {', '.join(NAMES)}")
