"""Coded errors: each names the bad value and how to fix it.

The CLI maps these classes to exit codes (see :mod:`kg.cli`); library code
raises them and never exits.
"""
from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg raises on purpose."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(KgError):
    """A source file or folder cannot be used."""

    code = "E001"
    exit_code = 2


class UnreadableFile(InputError):
    """One file could not be read; the build skips it and goes on."""

    code = "E002"


class NoDocuments(InputError):
    code = "E003"


class MetadataError(InputError):
    code = "E004"


class BuildBusy(KgError):
    """Another build is writing into the same output folder."""

    code = "E006"
    exit_code = 9


class OutputError(KgError):
    """An output (a build's folder, a view, an export) cannot be written: the disk is full or
    read-only, or the folder is not writable. What was there before is left as it was."""

    code = "E007"
    exit_code = 10


class GraphNotFound(KgError):
    code = "E010"
    exit_code = 3


class QueryError(KgError):
    """A named query or .rq file is unknown or malformed, or a parameter is wrong."""

    code = "E020"
    exit_code = 4


class UnknownQuery(QueryError):
    code = "E021"


class ParameterError(QueryError):
    code = "E022"


class QueryRefused(QueryError):
    """A user-supplied query that would write, or reach another host (SERVICE)."""

    code = "E023"


class QueryTimeout(QueryError):
    code = "E024"


class QueryMemory(QueryError):
    """A query that went past its process's memory cap (it was stopped; nothing else was)."""

    code = "E025"


class EndpointError(KgError):
    """A remote SPARQL endpoint could not be reached or refused a request."""

    code = "E040"
    exit_code = 6


class CurationError(KgError):
    """A curation file cannot be read, or names what the graph does not hold."""

    code = "E050"
    exit_code = 7


class GoldError(KgError):
    """A gold file is missing or malformed."""

    code = "E030"
    exit_code = 5


MESSAGES = {
    "no_documents": "no .txt, .md or .html documents found in {paths}; give files or folders holding them",
    "not_found": "{path} does not exist; check the path",
    "empty": "{path} is empty",
    "build_busy": "another kg build is writing into {out}; wait for it to finish, or build into another folder",
    "binary": "{path} looks binary ({detail}), not text",
    "undecodable": "{path} is not text in UTF-8, UTF-16, GB18030/GBK or Big5 ({detail}); save it as UTF-8",
    "too_large": "{path} is too large ({size:.1f} MB, more than {limit:.0f} MB); split it, or raise the limit with --max-size",
    "bad_html": "{path}: the HTML page could not be parsed ({detail})",
    "no_main_text": "{path}: no article text found in the HTML page",
    "bad_sidecar": "{path}: sidecar metadata is not valid TOML ({detail})",
    "no_graph": "no graph at {path}; run `kg build SOURCE --out {path}` first",
    "unknown_query": "no named query {name!r}; `kg query --list` shows them, or give a path to a .rq file",
    "bad_query": "{path}: {detail}",
    "unknown_param": "{query}: unknown parameter {name!r}; known: {known}",
    "bad_param": "parameter {raw!r} is not of the form name=value",
    "update_refused": "{path}: updates are refused; kg's graph is read-only here",
    "service_refused": "{path}: SERVICE (a query that reaches another host) is refused; pass --allow-service to run it",
    "timeout": "{query}: no answer within {seconds} s; narrow it with parameters or raise --timeout",
    "file_timeout": "{path}: skipped, could not {step} it within the per-file time limit ({detail}); raise it with --file-timeout",
    "query_memory": "{query}: stopped at its memory cap ({memory:.1f} GB) without an answer; narrow it with parameters or LIMIT",
    "query_died": "{query}: its process ended without an answer (exit code {code}; memory cap {memory:.1f} GB); narrow it with parameters or LIMIT",
    "endpoint": "SPARQL endpoint {url}: {detail}",
    "cannot_write": "cannot write {path}: {reason}",
}
