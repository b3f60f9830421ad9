"""The bodies gazetteer (scripts/build_bodies.py): the State Council's complete list, found in text."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from kg.gazetteer import load
from kg.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "kg" / "gazetteer" / "data"


def _script():
    spec = importlib.util.spec_from_file_location("build_bodies", ROOT / "scripts" / "build_bodies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_file_is_the_scripts(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_bodies.py"), "--out", str(tmp_path)], check=True)
    assert (tmp_path / "bodies.tsv").read_bytes() == (DATA / "bodies.tsv").read_bytes()


def test_the_state_councils_constituent_departments_are_all_there():
    """The 2023 reform left 26 constituent departments: each is an entry, found by its short form."""
    module = _script()
    start = next(i for i, row in enumerate(module.STATE_COUNCIL) if row[0].endswith("外交部"))
    end = next(i for i, row in enumerate(module.STATE_COUNCIL) if row[0].endswith("审计署"))
    departments = module.STATE_COUNCIL[start : end + 1]
    assert len(departments) == 26
    gaz = load()
    for zh, _, short in departments:
        entry = gaz.lookup(zh, ("Organization",))
        assert entry is not None and entry.country == "中国", zh
        for form in short:
            assert gaz.lookup(form, ("Organization",)) is entry, form


@pytest.mark.parametrize("text, body", [
    ("国家发展和改革委员会与天津市人民政府共同主办了大会。", "国家发展和改革委员会"),
    ("公安部国际合作局局长会见了法国驻华大使。", "公安部"),
    ("工信部副部长会见了德国客人。", "工信部"),
    ("联合国开发计划署驻华代表访问我市。", "联合国开发计划署"),
])
def test_a_state_council_body_is_a_mention(text, body):
    doc = load_pipeline()(text)
    assert (body, "Organization") in {(text[s:e], label) for s, e, label, _, _ in doc._.mentions}
