"""A corpus of bad inputs builds without a crash: each bad file is named with its reason, every good fact is there."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import build
from kg.cli import main
from kg.query import run_query

from .bad_inputs import HOSTILE_COMPANY, SKIPPED, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = write_corpus(tmp_path_factory.mktemp("bad-inputs"))
    out = tmp_path_factory.mktemp("bad-build")
    return root, out, build([root], out)


def test_each_bad_file_is_named_with_its_reason(corpus):
    root, _, result = corpus
    reasons = {Path(s.path).relative_to(root).as_posix(): s.reason for s in result.skipped}
    assert set(reasons) == set(SKIPPED)
    for name, word in SKIPPED.items():
        assert word in reasons[name] and str(root / name) in reasons[name], reasons[name]
    summary = result.summary()
    assert f"{len(SKIPPED)} skipped" in summary and all(f"skipped {root / n}" in summary for n in SKIPPED)


def test_good_facts_in_every_encoding_and_the_page_are_all_there(corpus):
    _, out, result = corpus
    assert sorted(result.documents) == sorted(["big5", "bom", "gbk", "good", "hostile", "page", "ragged", "utf16", 'odd name <1> "x" #2%'])
    rows = run_query("who-met-whom", out).rows
    met = {(r["doc"], r["date"], r["counterpartName"]) for r in rows}
    assert {
        ("good", "2021-03-01", "博乐仁"),          # UTF-8
        ("gbk", "2021-04-02", "潘彦磊"),           # GBK
        ("big5", "2021-05-06", "康林松"),          # Big5, traditional
        ("utf16", "2021-06-08", "丰田章男"),       # UTF-16 with a mark
        ("bom", "2021-07-09", "玛丽·博拉"),        # UTF-8 with a mark, in a sub-folder
        ("page", "2021-08-10", "金基南"),          # an HTML page in GBK
        ("ragged", "2021-04-01", "让·杜邦"),       # a table with ragged rows
        ("ragged", "2021-04-03", "马里奥·罗西"),
        ('odd name <1> "x" #2%', "2021-11-03", "戴禄"),  # its IRIs percent-encode the name
    } <= met
    big5 = [r for r in rows if r["doc"] == "big5"]
    # Read as simplified (陈吉宁 is the entity), quoted as written (市長陳吉寧).
    assert big5[0]["personName"] == "陈吉宁" and "市長陳吉寧會見德國" in big5[0]["quote"]


def test_html_page_keeps_its_article_title_and_date_not_its_boilerplate(corpus):
    _, out, _ = corpus
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert "深圳市领导会见韩国客人" in trig and '"2021-08-11"^^xsd:date' in trig
    quotes = " ".join(r["quote"] for r in run_query("evidence", out, {"doc": "page"}).rows)
    assert "金基南" in quotes
    for boilerplate in ("栏目3", "当前位置", "版权所有", "网站地图", "热点新闻", "假公司"):
        assert boilerplate not in quotes


def test_hostile_names_stay_data(corpus):
    _, out, _ = corpus
    names = {r["name"] for r in run_query("entities", out, {"doc": "hostile"}).rows}
    assert any("SELECT" in n for n in names)  # stored as a literal, not run
    for value in (HOSTILE_COMPANY, '"} ; DROP ALL ; SELECT * {', "<script>alert(1)</script>"):
        assert run_query("who-met-whom", out, {"counterpart": value, "organization": value}).rows == []
    assert len(run_query("who-met-whom", out).rows) >= 8  # nothing was dropped
    for view in (out / "views").glob("*.html"):
        assert "<script>alert(1)</script>" not in view.read_text(encoding="utf-8")


def test_cli_exits_with_its_own_status_when_files_were_skipped(corpus, tmp_path):
    root, _, _ = corpus
    res = CliRunner().invoke(main, ["build", str(root), "--out", str(tmp_path / "out"), "--no-store"])
    assert res.exit_code == 8, res.output
    for name in SKIPPED:
        assert f"skipped {root / name}" in res.output
    assert (tmp_path / "out" / "graph.ttl").is_file()
    # With nothing skipped the same build exits 0.
    res = CliRunner().invoke(main, ["build", str(root / "good.txt"), "--out", str(tmp_path / "out2"), "--no-store"])
    assert res.exit_code == 0, res.output


# -- outputs that cannot be written, impossible dates (issue 19, item 10) ---------

def _seen(out):
    """What a reader sees of a build: both graph files, a view, and the store's count of who-met-whom rows."""
    return ((out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes(),
            (out / "views" / "who-met-whom.html").read_bytes(), len(run_query("who-met-whom", out).rows))


def _read_only(folder: Path, monkeypatch) -> None:
    """Make ``folder`` read-only: chmod 0o555, or, where that stops nothing (as root), a file system
    that refuses to create anything in it (``os.mkdir``, and kg's staged files), as the kernel would."""
    import errno
    import os

    import kg.outputs

    folder.chmod(0o555)
    probe = folder / ".probe"
    try:
        probe.mkdir()
    except PermissionError:
        return
    probe.rmdir()
    inside = os.path.abspath(folder)

    def refuse(real):
        def call(path, *a, **kw):
            if os.path.dirname(os.path.abspath(path)) == inside:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
            return real(path, *a, **kw)
        return call

    monkeypatch.setattr(os, "mkdir", refuse(os.mkdir))
    monkeypatch.setattr(kg.outputs, "open", refuse(open), raising=False)


def _one_line(res, code: int, path) -> None:
    """The CLI's answer to an output it cannot write: one line naming the path and the cause, its exit code."""
    assert res.exit_code == code, res.output
    assert isinstance(res.exception, SystemExit), res.exception  # the CLI's own exit, not an exception
    assert "Traceback" not in res.output
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: [E007] cannot write {path}: "), res.stderr


def _small_build(tmp_path) -> tuple[Path, Path]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("2024年5月8日，市长王五会见了法国里昂市市长格雷戈里·杜塞。\n", encoding="utf-8")
    out = tmp_path / "out"
    build([src], out)
    (src / "b.txt").write_text("2024年5月9日，市长王五会见了德国汉堡市市长彼得·岑切尔。\n", encoding="utf-8")
    return src, out


def test_a_read_only_output_folder_is_one_line_and_keeps_the_outputs(tmp_path, monkeypatch):
    src, out = _small_build(tmp_path)
    before = _seen(out)
    _read_only(out, monkeypatch)
    try:
        res = CliRunner().invoke(main, ["build", str(src), "--out", str(out)])
    finally:
        out.chmod(0o755)
    _one_line(res, 10, out)
    assert res.stderr.rstrip().endswith("Permission denied")
    monkeypatch.undo()
    assert _seen(out) == before
    assert len(run_query("who-met-whom", out).rows) == 1


@pytest.mark.parametrize("where", ["graph file", "store"])
def test_a_full_disk_is_one_line_and_keeps_the_outputs(tmp_path, monkeypatch, where):
    """No space left while the TriG is written, or while RocksDB writes the store (pyoxigraph's
    OSError carries no errno, only its message)."""
    import errno
    import importlib
    import os
    from types import SimpleNamespace

    import pyoxigraph as ox

    kb = importlib.import_module("kg.build")
    src, out = _small_build(tmp_path)
    before = _seen(out)
    if where == "store":
        class FullDisk:
            def __init__(self, path):
                self.path = path

            def bulk_load(self, *a, **k):
                raise OSError(f"IO error: No space left on device: While appending to file: {self.path}/000008.sst: "
                              "No space left on device")

        monkeypatch.setattr(kb, "ox", SimpleNamespace(Store=FullDisk, RdfFormat=ox.RdfFormat))
    else:
        def full(self, chunk):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out / ".gen-1-abcd" / "graph.trig"))

        monkeypatch.setattr(kb.TrigWriter, "add", full)
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out)])
    _one_line(res, 10, out)
    assert res.stderr.rstrip().endswith("No space left on device")
    monkeypatch.undo()
    assert _seen(out) == before
    assert not [p.name for p in out.iterdir() if p.name.startswith(".gen-") and p.name != os.readlink(out / "current")]


@pytest.mark.parametrize("command", ["view", "view into a new folder", "export"])
def test_writing_a_view_or_export_onto_a_read_only_folder_is_one_line(seed_build, tmp_path, monkeypatch, command):
    out, _ = seed_build
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / "who.html"
    page.write_text("the previous page", encoding="utf-8")
    target = folder / "new" / "who.html" if command == "view into a new folder" else page
    args = (["export", "--graph", str(out), "--format", "ttl", "-o", str(target)] if command == "export" else
            ["view", "who-met-whom", "--graph", str(out), "-o", str(target)])
    _read_only(folder, monkeypatch)
    try:
        res = CliRunner().invoke(main, args)
    finally:
        folder.chmod(0o755)
    _one_line(res, 10, target)
    assert res.stderr.rstrip().endswith("Permission denied")
    assert page.read_text(encoding="utf-8") == "the previous page"
    assert sorted(p.name for p in folder.iterdir()) == ["who.html"]


def test_impossible_dates_and_years_never_become_typed_literals(tmp_path):
    """``2月30日`` is no xsd:date (rdflib logged a traceback for it), and a sidecar's ``covers = -5``
    skips its file with E004 naming it and the field, instead of dating its acts ``-005-10-16``."""
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    (src / "feb.txt").write_text("2021年2月30日，市长王五会见了法国里昂市市长格雷戈里·杜塞。\n"
                                 "2021年4月31日至5月2日，市长王五会见了德国汉堡市市长彼得·岑切尔。\n", encoding="utf-8")
    (src / "minus.txt").write_text("10月16日，市长王五会见了意大利米兰市市长朱塞佩·萨拉。\n", encoding="utf-8")
    (src / "minus.meta.toml").write_text("covers = -5\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 8, proc.stderr
    assert "Traceback" not in proc.stderr and "Failed to convert" not in proc.stderr, proc.stderr
    assert f"skipped {src / 'minus.txt'}: [E004] {src / 'minus.txt'}: 'covers' must be a year" in proc.stdout
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert '"2021-02-30"^^' not in trig and '"2021-04-31"^^' not in trig and "-005" not in trig
    # Kept: the date as read, as text, and as much of it as the calendar has, typed.
    assert 'kg:date "2021-02-30"' in trig and 'schema:startDate "2021-02"^^xsd:gYearMonth' in trig
    assert 'schema:startDate "2021-04"^^xsd:gYearMonth' in trig and 'schema:endDate "2021-05-02"^^xsd:date' in trig
    dates = {r["date"] for r in run_query("who-met-whom", out).rows}
    assert dates == {"2021-02-30", "2021-04-31/2021-05-02"}
