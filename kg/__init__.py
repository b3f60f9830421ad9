"""kg: a knowledge graph of foreign-affairs entities from official Chinese texts.

The public API (the ``kg`` command calls these same functions)::

    from kg import build, KnowledgeGraph
    result = build(["seeds"], "build")
    g = KnowledgeGraph("build")          # or KnowledgeGraph(endpoint="http://localhost:7878/query")
    rows = g.query("who-met-whom", counterpart="康林松").rows
"""
from . import extract as _extract_package  # noqa: F401 (loaded first, so that ``kg.extract`` stays the function below)
from .build import BuildResult, build, extract
from .documents import read_document, read_documents
from .errors import KgError
from .model import Document, Facts
from .query import KnowledgeGraph, QueryResult, list_queries, load_query, open_dataset, run_query
from .structure import parse_blocks

__all__ = [
    "BuildResult",
    "Document",
    "Facts",
    "KgError",
    "KnowledgeGraph",
    "QueryResult",
    "build",
    "extract",
    "list_queries",
    "load_query",
    "open_dataset",
    "parse_blocks",
    "read_document",
    "read_documents",
    "run_query",
]
