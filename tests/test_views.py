"""The views in a real headless browser: Debian's chromium driven by Playwright."""
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import sync_playwright

from kg import build, run_query
from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("KG_TEST_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A view opened in the browser, with every console error and request recorded."""

    def __init__(self, browser, path: Path) -> None:
        # bypass_csp lets the test read the page's state; requests are still recorded below.
        self.ctx = browser.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})
        self.page = self.ctx.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.kgView && window.kgView.stable", timeout=120000)

    def counts(self) -> tuple[int, int]:
        return tuple(self.page.evaluate("() => [kgView.nodes.length, kgView.edges.length]"))

    def other_hosts(self) -> list[str]:
        return [u for u in self.requests if not u.startswith("file:")]

    def close(self) -> None:
        self.ctx.close()


def test_build_writes_both_views(seed_build):
    out, result = seed_build
    assert {p.name for p in (out / "views").iterdir()} >= {"who-met-whom.html", "city-partners.html"}
    assert any(str(f).endswith("who-met-whom.html") for f in result.files)


def test_who_met_whom_draws_what_sparql_returns_and_filters(browser, seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out).rows
    pairs = {(r["person"], r["counterpart"]) for r in rows}
    ents = {r["person"] for r in rows} | {r["counterpart"] for r in rows}
    page = Page(browser, out / "views" / "who-met-whom.html")
    try:
        assert page.counts() == (len(ents), len(pairs))
        assert page.errors == [] and page.other_hosts() == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "who-met-whom.png"))
        # A country filter keeps the pairs with a German counterpart only.
        german = {(r["person"], r["counterpart"]) for r in rows if "德国" in r["countryName"].split(";")}
        page.page.select_option("#filter-country", ["德国"])
        assert page.counts()[1] == len(german) < len(pairs)
        page.page.select_option("#filter-country", [])
        # A year range: 2024 only.
        page.page.select_option("#filter-year-from", "2024")
        in_2024 = {(r["person"], r["counterpart"]) for r in rows if r["date"].startswith("2024")}
        assert page.counts()[1] == len(in_2024)
        page.page.select_option("#filter-year-from", "")
        # The search box focuses a node.
        page.page.fill("#search", "康林松")
        page.page.dispatch_event("#search", "change")
        focused = page.page.evaluate("() => kgView.focused")
        assert focused.endswith("/kang-linsong")
        # English only.
        page.page.check("#english")
        label = page.page.evaluate("(id) => kgView.allNodes.get(id).label", focused)
        assert label == "Kang Linsong (pinyin)"  # no English name is known: the pinyin, marked as such
        assert page.errors == []
    finally:
        page.close()


def test_city_partners_draws_what_sparql_returns_and_filters_by_relation(browser, seed_build):
    out, _ = seed_build
    rows = run_query("city-partners", out).rows
    links = {(r["home"], r["partner"], r["relation"]) for r in rows}
    places = {r["home"] for r in rows} | {r["partner"] for r in rows}
    page = Page(browser, out / "views" / "city-partners.html")
    try:
        assert page.counts() == (len(places), len(links))
        assert page.errors == [] and page.other_hosts() == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "city-partners.png"))
        sister = {(h, p) for h, p, rel in links if rel == "sister_city"}
        page.page.select_option("#filter-relation", ["sister_city"])
        assert page.counts()[1] == len(sister) < len(links)
        dashes = page.page.evaluate("() => kgView.edges.get().map(e => e.dashes)")
        assert dashes and not any(dashes)  # sister-city ties are solid lines
    finally:
        page.close()


HOSTILE = (
    '2021年3月1日<img src=x onerror="window.pwned=1">，上海市市长龚正会见德国西门子股份公司总裁博乐仁。\n'
    "3月2日，上海市市长龚正出席“<script>window.pwned=2</script>”论坛。\n"
)


def test_payloads_in_documents_show_as_text(browser, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    build([src], out)
    entity_page = tmp_path / "entity.html"
    res = CliRunner().invoke(main, ["view", "entity", "--graph", str(out), "--param", "name=龚正", "-o", str(entity_page)])
    assert res.exit_code == 0, res.output
    for path in (out / "views" / "who-met-whom.html", entity_page):
        page = Page(browser, path)
        try:
            assert page.page.evaluate("() => window.pwned") is None
            assert page.page.evaluate("() => document.querySelectorAll('#mynetwork img, body > img, script[src]').length") == 0
            assert page.errors == [] and page.other_hosts() == []
            tips = page.page.evaluate("() => kgView.allEdges.get().map(e => [e.title.textContent, e.title.children.length])")
            assert tips and all(n == 0 for _, n in tips)  # tooltips are text, with no elements inside
            if path.name == "who-met-whom.html":
                assert any('<img src=x onerror="window.pwned=1">' in t for t, _ in tips)
                # Hovering the edge shows the quote as written.
                pos = page.page.evaluate(
                    "() => { const e = kgView.allEdges.get()[0]; const p = kgView.network.getPositions([e.from, e.to]);"
                    " const a = p[e.from], b = p[e.to]; const d = kgView.network.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});"
                    " const r = document.getElementById('mynetwork').getBoundingClientRect(); return {x: d.x + r.left, y: d.y + r.top}; }"
                )
                page.page.mouse.move(pos["x"] - 3, pos["y"] - 3)
                page.page.mouse.move(pos["x"], pos["y"], steps=3)
                page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
                assert '<img src=x onerror="window.pwned=1">' in page.page.inner_text("div.vis-tooltip")
            else:
                labels = page.page.evaluate("() => kgView.allNodes.get().map(n => n.label_zh)")
                assert "<script>window.pwned=2</script>论坛" in labels
            assert page.page.evaluate("() => window.pwned") is None
        finally:
            page.close()


def test_views_mark_pinyin_and_keep_english():
    from kg.views import city_partners, who_met_whom

    from .rdf.two_cities import two_cities_dataset

    ds = two_cities_dataset()
    nodes = who_met_whom(ds).nodes
    assert nodes["https://kg.example.org/id/person/gong-zheng"]["label_en"] == "Gong Zheng (pinyin)"
    assert "Gong Zheng (pinyin)" in nodes["https://kg.example.org/id/person/gong-zheng"]["tip"]
    assert nodes["https://kg.example.org/id/org/xin-jia-po-zhu-cheng-du-zong-ling-shi-guan"]["label_en"] == ""
    places = city_partners(ds).nodes
    assert places["https://kg.example.org/id/place/shanghai"]["label_en"] == "Shanghai"
    assert places["https://kg.example.org/id/place/yokohama"]["label_en"] == "Yokohama"
