"""The ``kg`` command: a thin layer over the Python API.

Exit codes: 0 success; 1 unexpected kg error; 2 bad input; 3 no graph at the given directory; 4 a query
or parameter error (also a refused or timed-out query); 5 a gold file error;
6 a remote SPARQL endpoint error; 7 a curation file error; 8 ``build``
wrote the graph but skipped some files (each named, with its reason); 9
another build is writing into the same folder; 10 an output cannot be written
(a full disk, a read-only folder: the previous outputs are left as they
were); 130 interrupted.
"""
from __future__ import annotations

import shutil
import sys
import textwrap

import click

from .build import build as build_graph
from .documents import FILE_TIMEOUT, MAX_BYTES
from . import query as query_mod
from .evaluate import evaluate
from .errors import KgError
from .outputs import cannot_write
from .terminal import printable_lines

SKIPPED_EXIT = 8


def _fail(exc: KgError) -> None:
    click.echo(printable_lines(f"kg: {exc}"), err=True)  # the message may quote a file name or a query's text
    sys.exit(exc.exit_code)


@click.group(help="kg: a knowledge graph of foreign-affairs entities from official Chinese texts.")
@click.version_option(package_name="kg")
def main() -> None:
    pass


@main.command(help="Read SOURCE files or folders (.txt, .md, .html in any common Chinese encoding) and write DIR/graph.ttl, DIR/graph.trig, DIR/store and DIR/views. Exits 8 when some files were skipped.")
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Output directory.")
@click.option("--no-store", is_flag=True, help="Write only the Turtle and TriG files, not the Oxigraph store.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on long builds in a terminal).")
@click.option("--endpoint", default=None, help="Also load each document's graph into this SPARQL endpoint's store (Graph Store Protocol).")
@click.option("--graph-store", default=None, help="Graph Store Protocol URL, if not the /store beside --endpoint.")
@click.option("--curation", type=click.Path(dir_okay=False), default=None,
              help="A TOML file of corrections (merge, alias, fix, retract, add) to apply; see the README.")
@click.option("--max-size", type=float, default=MAX_BYTES / 2**20, show_default=True,
              help="Skip (and report) files larger than this many MB.")
@click.option("--file-timeout", type=click.FloatRange(min=0, min_open=True), default=FILE_TIMEOUT, show_default=True,
              help="Skip (and report) a file that takes longer than this many seconds to read or extract.")
@click.option("--full", is_flag=True, help="Extract every document again, even those unchanged since the last build.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=1, show_default=True, help="Extract documents over this many processes.")
@click.option("--scheduler", default=None, help="Extract documents on the Dask cluster at this scheduler address (tcp://host:8786).")
def build(sources: tuple[str, ...], out: str, no_store: bool, progress: bool | None, endpoint: str | None,
          graph_store: str | None, curation: str | None, max_size: float, file_timeout: float, full: bool, jobs: int,
          scheduler: str | None) -> None:
    try:
        result = build_graph(sources, out, store=not no_store, progress=progress, endpoint=endpoint,
                             graph_store=graph_store, curation=curation, max_bytes=int(max_size * 2**20), file_timeout=file_timeout,
                             incremental=not full, jobs=jobs, scheduler=scheduler)
    except KgError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("kg: interrupted; the previous outputs are unchanged", err=True)
        sys.exit(130)
    click.echo(result.summary())
    if result.skipped:
        sys.exit(SKIPPED_EXIT)


@main.command(help="Run a named query (see --list) or a .rq file against a build or a SPARQL endpoint. "
                    "`kg query NAME --help` describes that query and its parameters.",
              context_settings={"help_option_names": []})
@click.argument("name", required=False)
@click.option("--graph", "graph", type=click.Path(file_okay=False), help="Build directory (from kg build --out).")
@click.option("--endpoint", default=None, help="Query this SPARQL 1.1 endpoint instead of a build directory.")
@click.option("--param", "params", multiple=True, help="Query parameter as name=value; repeatable.")
@click.option("--format", "fmt", type=click.Choice(list(query_mod.FORMATS)), default="table", show_default=True,
              help="sparql-json is the W3C SPARQL 1.1 Query Results JSON format.")
@click.option("--limit", type=int, default=None, help="Return at most this many rows.")
@click.option("--timeout", type=float, default=None, help="Give up after this many seconds (exit 4).")
@click.option("--allow-service", is_flag=True, help="Run a .rq file that uses SERVICE (refused by default).")
@click.option("--iris", is_flag=True, help="In the table, show the IRI columns too (CSV, TSV and JSON always have them).")
@click.option("--columns", default=None, help="In the table, these columns only, in this order (comma-separated).")
@click.option("--list", "list_", is_flag=True, help="List the named queries with their descriptions.")
@click.option("--help", "help_", is_flag=True, help="Show this message, or with NAME that query's description and parameters.")
@click.pass_context
def query(ctx, name, graph, endpoint, params, fmt, limit, timeout, allow_service, iris, columns, list_, help_) -> None:
    try:
        if help_:
            click.echo(_query_help(query_mod.load_query(name, allow_service=True)) if name else ctx.get_help())
            return
        if list_:
            for q in query_mod.list_queries():
                click.echo(f"{q.name:<20} {q.summary}")
                for p, d in sorted(q.params.items()):
                    click.echo(f"    --param {p}=…  {d}")
            return
        if not name or not (graph or endpoint):
            raise click.UsageError("give a query NAME and --graph DIR or --endpoint URL (or --list)")
        result = query_mod.run_query(
            name, graph, query_mod.parse_params(params), limit=limit, timeout=timeout, endpoint=endpoint, allow_service=allow_service,
            check_names=True,
        )
        width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else None
        shown = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
        text = result.format(fmt, width=width, iris=iris, columns=shown)
    except KgError as exc:
        _fail(exc)
    click.echo(text)


def _query_help(q) -> str:
    """A named query's summary, description, parameters and example, for ``kg query NAME --help``."""
    lines = [f"kg query {q.name}: {q.summary}".rstrip(": "), ""]
    if q.description:
        lines += [textwrap.fill(q.description, 88), ""]
    if q.params:
        lines.append("Parameters (--param name=value; repeat a name to match any of its values):")
        lines += [f"  {p:<14} {d}" for p, d in sorted(q.params.items())]
        lines.append("")
    if q.example:
        lines.append(f"Example: {q.example}")
    return "\n".join(lines).rstrip()


@main.command(help="Serve a build in the browser, read-only: query, entity and document pages, views, a SPARQL editor, "
                    "a JSON API and the SPARQL endpoint (/query; updates and SERVICE refused).")
@click.option("--graph", "graph", required=True, type=click.Path(file_okay=False), help="Build directory (from kg build --out).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; keep it local unless you mean to share.")
@click.option("--port", default=7879, show_default=True, type=int, help="Port (0 picks a free one).")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds a query may run.")
@click.option("--limit", default=10000, show_default=True, type=int, help="Most rows one answer returns.")
@click.option("--allow-service", is_flag=True, help="Let queries use SERVICE to reach other hosts.")
def serve(graph: str, host: str, port: int, timeout: float, limit: int, allow_service: bool) -> None:
    from .serve import ServeConfig, Server

    try:
        server = Server(graph, host, port, ServeConfig(timeout=timeout, limit=limit, allow_service=allow_service))
    except KgError as exc:
        _fail(exc)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        click.echo(printable_lines(f"kg: cannot listen on {host}:{port}: {exc.strerror or exc}"), err=True)
        sys.exit(2)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"kg: warning: listening on {host}, not only this machine", err=True)
    click.echo(f"serving {graph} read-only at {server.base}/ (SPARQL endpoint: {server.url})", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@main.command(help="Write an interactive view (who-met-whom, city-partners, entity --param name=…, map, timeline) as one offline HTML page.")
@click.argument("name", type=click.Choice(["who-met-whom", "city-partners", "entity", "map", "timeline"]))  # kg.views.NAMES
@click.option("--graph", "graph", required=True, type=click.Path(file_okay=False), help="Build directory (from kg build --out).")
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--param", "params", multiple=True,
              help="name=… and depth=1|2 for the entity view; from, to, country, person for the timeline; the query's "
                   "parameters (from, to, country, home …) for the others; top=N: how many of the most connected nodes a network opens on.")
def view(name: str, graph: str, out: str, params: tuple[str, ...]) -> None:
    from . import views

    try:
        path = views.write(views.make(name, graph, **query_mod.parse_params(params)), out)
    except KgError as exc:
        _fail(exc)
    except OSError as exc:  # its folder cannot be made (the file itself raises OutputError)
        _fail(cannot_write(out, exc))
    click.echo(f"wrote {path}")


@main.command(help="Export a build: RDF (ttl, nt, nq, trig, jsonld), networks for Gephi (gexf, graphml) or CSV node and edge lists.")
@click.option("--graph", "graph", required=True, type=click.Path(file_okay=False), help="Build directory (from kg build --out).")
@click.option("--format", "fmt", required=True, type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "gexf", "graphml", "csv"]))
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False), help="File to write (csv: FILE-nodes.csv and FILE-edges.csv).")
@click.option("--named-graphs", is_flag=True, help="jsonld: the dataset of document graphs, not their union as one graph.")
def export(graph: str, fmt: str, out: str, named_graphs: bool) -> None:
    from .export import export as export_graph

    try:
        paths = export_graph(graph, fmt, out, named_graphs=named_graphs)
    except KgError as exc:
        _fail(exc)
    except OSError as exc:  # its folder cannot be made (the files themselves raise OutputError)
        _fail(cannot_write(out, exc))
    for p in paths:
        click.echo(f"wrote {p}")


@main.command(help="Counts by type and year, the most connected entities, and communities of the who-met-whom network.")
@click.option("--graph", "graph", required=True, type=click.Path(file_okay=False), help="Build directory (from kg build --out).")
@click.option("--top", default=10, show_default=True, help="How many of the most connected to list.")
def stats(graph: str, top: int) -> None:
    from .analytics import stats as graph_stats

    try:
        click.echo(graph_stats(graph, top).table())
    except KgError as exc:
        _fail(exc)


@main.command(name="eval", help="Score a build against gold files (meetings.tsv, partners.tsv, entities.tsv): precision, recall, F1.")
@click.option("--graph", "graph", required=True, type=click.Path(file_okay=False), help="Build directory (from kg build --out).")
@click.option("--gold", "gold", required=True, type=click.Path(file_okay=False), help="Directory of gold files.")
@click.option("--strict", is_flag=True,
              help="Leave out gold rows marked BORDERLINE, and do not count predictions that match only them.")
@click.option("--by-doc", "by_doc", is_flag=True,
              help="After the totals, a row per document per task (a by_doc list with --format json).")
@click.option("--verbose", "-v", is_flag=True, help="List what was missed and what was wrong.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_(graph: str, gold: str, strict: bool, by_doc: bool, verbose: bool, fmt: str) -> None:
    try:
        result = evaluate(graph, gold, strict=strict)
    except KgError as exc:
        _fail(exc)
    click.echo(result.json(by_doc=by_doc) if fmt == "json" else result.table(verbose=verbose, by_doc=by_doc))


if __name__ == "__main__":  # pragma: no cover
    main()
