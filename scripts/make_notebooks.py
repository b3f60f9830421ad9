"""Write notebooks/explore.ipynb and notebooks/your-documents.ipynb from the cell sources below, executed, with their
outputs (the chart too), so that a reader on GitHub sees them run.

    python scripts/make_notebooks.py               # write and execute both (builds the seeds into build/notebook)
    python scripts/make_notebooks.py --no-execute  # write the cells only, without outputs

The execution is kept as reproducible as it can be: each notebook runs from a clean output folder (build/notebook,
build/your-documents, which it builds itself as from a fresh clone), and the file has fixed cell ids, no timing metadata,
no Python version, no object addresses; the paths are relative to notebooks/. The build's own ``time:`` line still
changes from run to run.
"""
import argparse
import os
import re
import shutil
from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def nb(stem, cells):
    n = nbf.v4.new_notebook()
    n.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    n.cells = [nbf.v4.new_markdown_cell(c[3:].strip()) if c.startswith("MD:") else nbf.v4.new_code_cell(c.strip()) for c in cells]
    for i, cell in enumerate(n.cells):
        cell.id = f"{stem}-{i:02d}"
    return n


# The first code cell of a notebook with charts: inline charts, and a font that has Chinese glyphs if one is installed.
CHARTS = """
%matplotlib inline
import matplotlib.pyplot as plt
from matplotlib import font_manager

CJK_FONTS = ["WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
             "Noto Sans CJK JP", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN", "AR PL UKai CN"]

def cjk_font():
    \"\"\"The first of CJK_FONTS that is installed, or None (fonts installed after matplotlib cached its list are added).\"\"\"
    fonts = font_manager.fontManager
    if not {f.name for f in fonts.ttflist} & set(CJK_FONTS):
        known = {f.fname for f in fonts.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    fonts.addfont(path)
                except Exception:
                    pass
    names = {f.name for f in fonts.ttflist}
    return next((name for name in CJK_FONTS if name in names), None)

if font := cjk_font():
    plt.rcParams["font.sans-serif"] = [font, *plt.rcParams["font.sans-serif"]]
else:
    print("No CJK font found: Chinese labels will show as boxes (install one, e.g. apt install fonts-wqy-microhei).")
plt.rcParams["axes.unicode_minus"] = False
"""

explore = [
"MD: # Exploring the seed graph\n\nBuild the graph of the two bundled documents, ask the named queries, look at the networks, and answer a few questions an analyst of city diplomacy asks first. Run it top to bottom from the repository (or set `KG_ROOT`).",
CHARTS,
"""
import os
from pathlib import Path
ROOT = Path(os.environ.get("KG_ROOT", ".." if Path.cwd().name == "notebooks" else "."))
OUT = Path(os.environ.get("KG_NOTEBOOK_OUT", ROOT / "build" / "notebook"))
from kg import build, KnowledgeGraph
result = build([ROOT / "seeds"], OUT)
print(result.summary())
""",
"""
g = KnowledgeGraph(OUT)
for q in g.queries():
    print(f"{q.name:<20} {q.summary}")
""",
"MD: ## Who met Daimler's chairman, and when?",
"""
rows = g.query("who-met-whom", counterpart="康林松").rows
for r in rows:
    print(r["date"], r["personName"], "→", r["counterpartName"], r["mode"])
""",
"MD: ## Which leaders met the most foreign executives?\n\nCount, for each home-side leader, the distinct counterparts who are persons representing a company.",
"""
from collections import Counter
executives = Counter()
seen = set()
for r in g.query("who-met-whom").rows:
    if r["counterpartType"] == "Person" and r["organizationName"] and (r["personName"], r["counterpart"]) not in seen:
        seen.add((r["personName"], r["counterpart"]))
        executives[r["personName"]] += 1
for name, n in executives.most_common(5):
    print(f"executives met: {name} {n}")
""",
"MD: ## Which countries recur?",
"""
by_country = g.query("meetings-by-country").rows
for r in by_country[:5]:
    print(f"country: {r['countryName']} {r['meetings']}")
fig, ax = plt.subplots(figsize=(7, 3))
ax.bar([r["countryName"] for r in by_country[:10]], [int(r["meetings"]) for r in by_country[:10]])
ax.set_ylabel("meetings")
ax.set_title("Meetings by counterpart country (seeds)")
plt.xticks(rotation=45)
plt.show()
""",
"MD: ## How do Beijing's partner ties spread over time?\n\n`since` is the year a tie began where the text says so (结好25周年 in a 2020 text gives 1995).",
"""
ties = {}
for r in g.query("city-partners", relation="sister_city").rows:
    if r["since"]:
        ties[r["partnerName"]] = min(int(r["since"]), ties.get(r["partnerName"], 9999))
ties = sorted(ties.items(), key=lambda x: x[1])
for name, year in ties:
    print(f"sister city since: {name} {year}")
fig, ax = plt.subplots(figsize=(7, 2.5))
ax.scatter([year for _, year in ties], range(len(ties)))
ax.set_yticks(range(len(ties)), [name for name, _ in ties])
ax.set_xlabel("year the sister-city tie began")
plt.show()
""",
"MD: ## The networks\n\nThe views are self-contained pages; shown inline here (in Jupyter) and written beside the build.",
"""
from IPython.display import IFrame, display
from kg import views
page = views.write(views.make("who-met-whom", OUT), OUT / "views" / "who-met-whom.html")
print("view:", page.name, page.stat().st_size > 100_000)
display(IFrame(src=str(page.relative_to(Path.cwd())) if page.is_relative_to(Path.cwd()) else str(page), width="100%", height=500))
""",
"""
from kg.analytics import stats
s = stats(OUT)
print("most connected:", ", ".join(f"{n} ({c})" for n, _, c in s.most_connected[:3]))
print("communities:", len(s.communities))
""",
]

yours = [
"MD: # Your own documents\n\nPut your `.txt` or `.md` files in a folder, build a graph from them, look at what was found, and score it against a gold file you annotated (same format as `tests/gold/`). Here the folder holds one short news item written in this notebook, and a two-line gold file for it.",
"""
import os
from pathlib import Path
ROOT = Path(os.environ.get("KG_ROOT", ".." if Path.cwd().name == "notebooks" else "."))
WORK = Path(os.environ.get("KG_NOTEBOOK_OUT", ROOT / "build" / "your-documents"))
DOCS, GOLD, OUT = WORK / "docs", WORK / "gold", WORK / "graph"
DOCS.mkdir(parents=True, exist_ok=True); GOLD.mkdir(parents=True, exist_ok=True)
(DOCS / "news-2021-03.txt").write_text(
    "上海市外办召开友城工作会议\\n"
    "2021年3月1日，上海市市长龚正会见德国西门子股份公司总裁博乐仁。\\n"
    "3月5日，上海市与芬兰埃斯波市签署友好交流合作备忘录。\\n",
    encoding="utf-8",
)
print(sorted(p.name for p in DOCS.iterdir()))
""",
"""
from kg import build, KnowledgeGraph
result = build([DOCS], OUT)
print(result.summary())
g = KnowledgeGraph(OUT)
for r in g.query("who-met-whom").rows:
    print("meeting:", r["date"], r["personName"], "→", r["counterpartName"], r["organizationName"], r["countryName"])
for r in g.query("city-partners").rows:
    print("partner:", r["homeName"], "→", r["partnerName"], r["relation"])
""",
"MD: ## Score it against your gold files\n\nThe gold format is described in `tests/gold/README.md`: tab-separated, one row per unit.",
"""
(GOLD / "meetings.tsv").write_text(
    "doc\\tdate\\thome\\thome_org\\tcounterparts\\tcounterpart_orgs\\tcountry\\tmode\\tline\\n"
    "news-2021-03\\t2021-03-01\\t龚正\\t上海市\\t博乐仁\\t西门子股份公司\\t德国\\tin_person\\t2\\n",
    encoding="utf-8",
)
(GOLD / "partners.tsv").write_text(
    "doc\\thome\\tpartner\\tpartner_country\\trelation\\tsince\\tdate\\tline\\n"
    "news-2021-03\\t上海市\\t埃斯波|埃斯波市\\t芬兰\\tfriendly_exchange\\t\\t2021-03-05\\t3\\n",
    encoding="utf-8",
)
(GOLD / "entities.tsv").write_text(
    "doc\\tname\\ttype\\tcountry\\tnote\\n"
    "news-2021-03\\t龚正\\tPerson\\t中国\\t\\n"
    "news-2021-03\\t博乐仁\\tPerson\\t德国\\t\\n"
    "news-2021-03\\t西门子股份公司|德国西门子股份公司|西门子\\tCompany\\t德国\\t\\n"
    "news-2021-03\\t上海市\\tCity\\t中国\\t\\n"
    "news-2021-03\\t埃斯波|埃斯波市\\tCity\\t芬兰\\t\\n"
    "news-2021-03\\t德国\\tCountry\\t\\t\\n"
    "news-2021-03\\t芬兰\\tCountry\\t\\t\\n",
    encoding="utf-8",
)
from kg.evaluate import evaluate
scores = evaluate(OUT, GOLD)
print(scores.table(verbose=True))
for task in ("meetings", "partners", "entities"):
    print(f"{task}: precision {scores[task].precision:.2f} recall {scores[task].recall:.2f}")
""",
"MD: The same from the shell: `kg build DOCS --out OUT && kg eval --graph OUT --gold GOLD --verbose`.",
"MD: ## Add what the extractor cannot know\n\nNo gazetteer gives 博乐仁 an English name (the pinyin of a name is no English name). A curation file, kept beside your documents, gives it; every later build applies it. It can also merge entities, add aliases, fix labels and types, retract wrong facts and add missed ones (see the README).",
"""
CURATION = WORK / "corrections.toml"
CURATION.write_text(
    '[[fix]]\\n'
    'entity = "博乐仁"\\n'
    'english = "Roland Busch"\\n'
    'note = "the president of Siemens AG"\\n',
    encoding="utf-8",
)
result = build([DOCS], OUT, curation=CURATION)
print(next(line for line in result.summary().splitlines() if line.startswith("curation")))
print([r["englishName"] for r in KnowledgeGraph(OUT).query("entities", type="Person").rows if r["name"] == "博乐仁"])
scores = evaluate(OUT, GOLD)
for task in ("meetings", "partners", "entities"):
    print(f"curated {task}: precision {scores[task].precision:.2f} recall {scores[task].recall:.2f}")
""",
"MD: From the shell: `kg build DOCS --out OUT --curation corrections.toml`.",
]



def notebooks():
    """{file name: notebook} as written, before execution."""
    return {"explore.ipynb": nb("explore", explore), "your-documents.ipynb": nb("your-documents", yours)}


# Where each notebook writes when KG_NOTEBOOK_OUT is not set (its second code cell says so).
OUTPUTS = {"explore.ipynb": ROOT / "build" / "notebook", "your-documents.ipynb": ROOT / "build" / "your-documents"}


def execute(notebook, name):
    """Run the notebook in notebooks/ with a fresh kernel and a clean output folder (its default paths, not KG_ROOT or
    KG_NOTEBOOK_OUT) and keep its outputs, less what changes from run to run for no reason."""
    from nbclient import NotebookClient

    shutil.rmtree(OUTPUTS[name], ignore_errors=True)
    env = {k: os.environ.pop(k) for k in ("KG_ROOT", "KG_NOTEBOOK_OUT") if k in os.environ}
    try:
        NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=False,
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        os.environ.update(env)
    notebook.metadata.get("language_info", {}).pop("version", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{cell.id}: {out.ename}: {out.evalue}"
            if "text/plain" in out.get("data", {}):
                out.data["text/plain"] = re.sub(r" at 0x[0-9a-f]+>", ">", out.data["text/plain"])
    return notebook


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-execute", action="store_true", help="write the cells without running them")
    args = parser.parse_args()
    for name, notebook in notebooks().items():
        if not args.no_execute:
            print(f"executing {name}")
            execute(notebook, name)
        nbf.write(notebook, NOTEBOOKS / name)
        print(f"wrote notebooks/{name}")
