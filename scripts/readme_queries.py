"""Print the README's section on named queries: each query's summary, parameters, example call and output.

Run on a fresh build of the seeds and paste the output under "### Named queries":

    kg build seeds --out build && python scripts/readme_queries.py build
"""
from __future__ import annotations

import shlex
import sys

from kg.query import list_queries, parse_params, run_query

ROWS = 3
WIDTH = 160


def main(graph: str) -> None:
    for q in list_queries():
        args = shlex.split(q.example)
        params = parse_params(args[i + 1] for i, a in enumerate(args) if a == "--param")
        result = run_query(q, graph, params)
        print(f"#### `{q.name}`\n\n{q.summary}. {q.description}\n")
        if q.params:
            print("Parameters: " + "; ".join(f"`{k}` — {v}" for k, v in q.params.items()) + ".\n")
        print("```")
        print(f"$ {q.example} --format csv")
        lines = result.format("csv").splitlines()
        for line in lines[: ROWS + 1]:
            print(line if len(line) <= WIDTH else line[: WIDTH - 1] + "…")
        if len(lines) > ROWS + 1:
            print(f"… ({len(lines) - 1} rows)")
        print("```\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build")
