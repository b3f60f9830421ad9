"""Fixtures for the workbench's tests: a TestClient and a running server on the seeds' build, and a hostile build."""
from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    # Starlette's TestClient asks for httpx2; httpx (installed) works the same for these tests.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from kg import build
from kg.serve import ServeConfig, Server
from kg.web.app import make_app

# A document whose names carry markup: every page must show them as text.
HOSTILE_NAME = '<img src=x onerror="window.pwned=1">'
HOSTILE = (
    f"2021年3月1日，上海市市长龚正会见德国{HOSTILE_NAME}公司总裁博乐仁。\n"
    "3月2日，上海市市长龚正出席“<script>window.pwned=2</script>”论坛。\n"
    "3月3日，上海市市长龚正会见<b>法国</b>道达尔公司总裁潘彦磊。\n"
)


@pytest.fixture(scope="session")
def client(seed_build):
    out, _ = seed_build
    with TestClient(make_app(out, ServeConfig(timeout=30))) as c:
        yield c


@pytest.fixture(scope="session")
def server(seed_build):
    out, _ = seed_build
    with Server(out, port=0, config=ServeConfig(timeout=30)) as srv:
        yield srv


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory):
    src = tmp_path_factory.mktemp("hostile-src")
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-build")
    build([src], out)
    return out


@pytest.fixture(scope="session")
def hostile_client(hostile_build):
    with TestClient(make_app(hostile_build, ServeConfig(timeout=30))) as c:
        yield c

