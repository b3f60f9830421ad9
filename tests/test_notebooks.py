"""Both notebooks run top to bottom on the seeds and print what they should; the explore notebook shows its charts
inline, with Chinese labels in a CJK font; the committed notebooks are the generator's, stored executed with their outputs."""
import importlib.util
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def run(name: str, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_ROOT", str(ROOT))
    monkeypatch.setenv("KG_NOTEBOOK_OUT", str(tmp_path / "out"))
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    assert_no_errors(nb, name)
    return "".join(o.get("text", "") for cell in nb.cells for o in cell.get("outputs", [])), nb


def assert_no_errors(nb, name):
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert o.get("output_type") != "error", f"{name}: {o.get('ename')}: {o.get('evalue')}"


def assert_charts_shown(nb, name):
    """Each chart cell has its figure as an image, and matplotlib warned of no glyph missing from the font."""
    charts = [cell for cell in nb.cells if cell.cell_type == "code" and "plt.show()" in cell.source]
    assert len(charts) == 2, name
    for cell in charts:
        assert any("image/png" in o.get("data", {}) for o in cell.outputs), f"{name}: no chart shown by\n{cell.source}"
        streams = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
        assert "missing from" not in streams, f"{name}: Chinese labels drawn without a CJK font (install fonts-wqy-microhei):\n{streams}"


def test_explore_notebook(tmp_path, monkeypatch):
    text, nb = run("explore.ipynb", tmp_path, monkeypatch)
    assert "2020-01-22 陈吉宁 → 康林松 in_person" in text
    assert "executives met: 殷勇" in text.splitlines()[[i for i, l in enumerate(text.splitlines()) if l.startswith("executives met")][0]]
    assert "country: 美国 13" in text and "sister city since: 莫斯科 1995" in text
    assert "view: who-met-whom.html True" in text and "most connected: 殷勇" in text
    assert (tmp_path / "out" / "views" / "who-met-whom.html").is_file()
    assert_charts_shown(nb, "explore.ipynb")
    assert "No CJK font found" not in text


def test_your_documents_notebook(tmp_path, monkeypatch):
    text, _ = run("your-documents.ipynb", tmp_path, monkeypatch)
    assert "meeting: 2021-03-01 龚正 → 博乐仁" in text
    # (The gazetteer's canonical form of the city, from GeoNames, is 埃斯波; 埃斯波市 is an alias.)
    assert "partner: 上海市 → 埃斯波 friendly_exchange" in text
    assert "meetings: precision 1.00 recall 1.00" in text and "partners: precision 1.00 recall 1.00" in text
    assert "entities: precision" in text and "recall 1.00" in text.split("entities: precision")[1].splitlines()[0]
    # The curation file gives 博乐仁 the English name no gazetteer holds; the scores stay.
    assert "corrections.toml: fix 1" in text and "['Roland Busch']" in text
    assert "curated entities: precision 1.00 recall 1.00" in text


def test_committed_notebooks_are_the_generators_executed():
    """notebooks/*.ipynb hold the cells scripts/make_notebooks.py writes, run in order with their outputs kept (so a
    reader on GitHub sees the charts), without what changes from run to run or names the machine they ran on."""
    spec = importlib.util.spec_from_file_location("make_notebooks", ROOT / "scripts" / "make_notebooks.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    for name, fresh in generator.notebooks().items():
        stored = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        assert [(c.id, c.cell_type, c.source) for c in stored.cells] == [(c.id, c.cell_type, c.source) for c in fresh.cells], \
            f"{name} differs from its generator: run python scripts/make_notebooks.py"
        code = [c for c in stored.cells if c.cell_type == "code"]
        assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), f"{name} is not stored executed"
        assert sum(len(c.outputs) for c in code) >= len(code) - 1, name
        assert_no_errors(stored, name)
        assert all("execution" not in c.metadata for c in stored.cells) and "version" not in stored.metadata.get("language_info", {})
        assert str(ROOT) not in (ROOT / "notebooks" / name).read_text(encoding="utf-8"), f"{name} names this machine's paths"
        if name == "explore.ipynb":
            assert_charts_shown(stored, name)
