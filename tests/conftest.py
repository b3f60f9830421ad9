from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"


def read_gold(name: str) -> list[dict[str, str]]:
    lines = [l for l in (GOLD / name).read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    from kg import build

    out = tmp_path_factory.mktemp("build")
    result = build([SEEDS], out)
    return out, result


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than ten seconds (deselect with -m 'not slow')")
