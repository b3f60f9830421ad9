"""Both notebooks run top to bottom on the seeds, and print what they should."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def run(name: str, tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("KG_ROOT", str(ROOT))
    monkeypatch.setenv("KG_NOTEBOOK_OUT", str(tmp_path / "out"))
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert o.get("output_type") != "error", f"{name}: {o.get('ename')}: {o.get('evalue')}"
            out.append(o.get("text", ""))
    return "".join(out)


def test_explore_notebook(tmp_path, monkeypatch):
    text = run("explore.ipynb", tmp_path, monkeypatch)
    assert "2020-01-22 陈吉宁 → 康林松 in_person" in text
    assert "executives met: 殷勇" in text.splitlines()[[i for i, l in enumerate(text.splitlines()) if l.startswith("executives met")][0]]
    assert "country: 美国 13" in text and "sister city since: 莫斯科 1995" in text
    assert "view: who-met-whom.html True" in text and "most connected: 殷勇" in text
    assert (tmp_path / "out" / "views" / "who-met-whom.html").is_file()


def test_your_documents_notebook(tmp_path, monkeypatch):
    text = run("your-documents.ipynb", tmp_path, monkeypatch)
    assert "meeting: 2021-03-01 龚正 → 博乐仁" in text
    # (The gazetteer's canonical form of the city, from GeoNames, is 埃斯波; 埃斯波市 is an alias.)
    assert "partner: 上海市 → 埃斯波 friendly_exchange" in text
    assert "meetings: precision 1.00 recall 1.00" in text and "partners: precision 1.00 recall 1.00" in text
    assert "entities: precision" in text and "recall 1.00" in text.split("entities: precision")[1].splitlines()[0]
    # The curation file gives 博乐仁 the English name no gazetteer holds; the scores stay.
    assert "corrections.toml: fix 1" in text and "['Roland Busch']" in text
    assert "curated entities: precision 1.00 recall 1.00" in text
