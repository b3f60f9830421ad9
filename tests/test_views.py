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


# --- The views of issue 17: every view offline, meetings of an entity, map, timeline, colours, top N, stable positions.

def _view(out: Path, name: str, dest: Path, *params: str) -> Path:
    args = ["view", name, "--graph", str(out), "-o", str(dest)]
    for p in params:
        args += ["--param", p]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    return dest


VIEW_PARAMS = {"entity": ("name=殷勇",)}


def test_cli_offers_every_view():
    from kg.views import NAMES

    choices = next(p for p in main.commands["view"].params if p.name == "name").type.choices
    assert tuple(choices) == NAMES == ("who-met-whom", "city-partners", "entity", "map", "timeline")


@pytest.mark.parametrize("name", ["who-met-whom", "city-partners", "entity", "map", "timeline"])
def test_every_view_renders_offline(browser, seed_build, tmp_path, name):
    out, _ = seed_build
    html = _view(out, name, tmp_path / f"{name}.html", *VIEW_PARAMS.get(name, ()))
    text = html.read_text(encoding="utf-8")
    assert "/tmp/" not in text and str(out) not in text  # no file paths: a server can serve the page as it is
    page = Page(browser, html)
    try:
        assert page.errors == [] and page.other_hosts() == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / f"view-{name}.png"))
    finally:
        page.close()


def _meetings(rows) -> set[tuple]:
    return {(r["doc"], r["line"], r["date"], r["mode"], r["quote"]) for r in rows}


def test_neighbours_lists_meetings(seed_build):
    out, _ = seed_build
    rows = run_query("neighbours", out, {"name": "殷勇"}).rows
    facts = {r["fact"] for r in rows if r["factType"] == "Meeting"}
    assert len(facts) == len(_meetings(run_query("who-met-whom", out, {"person": "殷勇"}).rows)) == 21
    assert {r["entityName"] for r in rows} == {"殷勇"}
    assert {"康林松", "唐仕凯"} <= {r["otherName"] for r in rows if r["factType"] == "Meeting"}


def test_entity_view_draws_his_meetings(browser, seed_build, tmp_path):
    out, _ = seed_build
    page = Page(browser, _view(out, "entity", tmp_path / "yin.html", "name=殷勇"))
    try:
        centre = page.page.evaluate("() => kgView.allNodes.get({filter: n => n.fixedNode})[0].id")
        assert centre.endswith("/yin-yong")
        drawn = page.page.evaluate("() => kgView.edges.get().filter(e => e.relation.includes('Meeting')).length")
        assert drawn >= 15  # an edge per person met (some met twice)
        page.page.evaluate("(id) => kgView.selectNode(id)", centre)
        kinds = page.page.evaluate("() => Array.from(document.querySelectorAll('#facts .fact')).map(f => f.dataset.kind)")
        assert kinds.count("Meeting") == 21
        quotes = page.page.evaluate("() => Array.from(document.querySelectorAll('#facts .fact-quote')).map(q => q.textContent)")
        assert any("康林松" in q for q in quotes)
        assert page.errors == []
    finally:
        page.close()


def test_selection_lists_the_meetings_behind_an_edge(browser, seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out).rows
    pair = next(r for r in rows if r["counterpartName"] == "康林松")
    want = _meetings(r for r in rows if (r["person"], r["counterpart"]) == (pair["person"], pair["counterpart"]))
    page = Page(browser, out / "views" / "who-met-whom.html")
    try:
        page.page.evaluate("(id) => kgView.selectEdge(id)", f"{pair['person']}|{pair['counterpart']}")
        items = page.page.evaluate("() => Array.from(document.querySelectorAll('#facts .fact')).map(f => f.textContent)")
        assert len(items) == len(want) >= 1
        assert all("康林松" in t and pair["personName"] in t for t in items)
    finally:
        page.close()


def test_home_side_and_foreign_persons_differ(seed_build):
    from kg.views import who_met_whom

    out, _ = seed_build
    nodes = who_met_whom(out).nodes
    home = nodes["https://kg.example.org/id/person/chen-jining"]
    guest = next(n for n in nodes.values() if n["label_zh"] == "康林松")
    assert home["borderWidth"] == 4 and home["color"]["background"] == "#ffffff" and "side:home" in home["lg"]
    assert guest.get("borderWidth") is None and isinstance(guest["color"], str) and "side:foreign" in guest["lg"]


def test_country_colours_are_stable_and_distinct(seed_build):
    from kg import run_query as rq
    from kg.views import city_partners, country_colours, who_met_whom
    from kg.query import QueryResult

    from .rdf.two_cities import two_cities_dataset

    out, _ = seed_build
    colours = country_colours(["美国", "乌兹别克斯坦", "德国", "日本", "俄罗斯"])
    assert colours["美国"] != colours["乌兹别克斯坦"]
    assert country_colours(["乌兹别克斯坦", "美国"]) == {k: colours[k] for k in ("乌兹别克斯坦", "美国")}
    assert country_colours(["美国"])["美国"] == colours["美国"]
    # Drawn countries never share a colour.
    rows = rq("city-partners", out).rows
    legend = [i for i in city_partners(out).legend if i["key"].startswith("country:")]
    assert {i["label"] for i in legend} >= {"美国", "乌兹别克斯坦"}
    assert len({i["color"] for i in legend}) == len(legend)
    # Same country, same colour: rows in another order, and another build.
    def german(view):
        return {n["color"] for n in view.nodes.values() if "德国" in n.get("country", []) and not n.get("home")}
    wmw = rq("who-met-whom", out)
    seeds = who_met_whom(out, wmw)
    backwards = who_met_whom(out, QueryResult(wmw.columns, list(reversed(wmw.rows))))
    assert {i: n["color"] for i, n in seeds.nodes.items()} == {i: n["color"] for i, n in backwards.nodes.items()}
    assert german(seeds) == german(who_met_whom(two_cities_dataset())) == {colours["德国"]}
    assert rows  # the seeds have partner rows


def test_a_large_map_opens_on_the_partner_places_with_most_ties(seed_build):
    from kg.views.worldmap import world_map

    out, _ = seed_build
    rows = run_query("city-partners", out).rows
    ties = {}
    for r in rows:
        ties[r["partner"]] = ties.get(r["partner"], 0) + 1
    most = max(ties.values())
    view = world_map(out, top=1)
    partners = [p for p in view.places if not p["home"]]
    assert view.partners == len(ties) > 1 and view.shown == 1 and len(partners) == 1
    assert ties[partners[0]["id"]] == most
    # Every tie of the place is counted on its lines, though a line lists at most FACTS_PER_LINK of them.
    assert sum(link["n"] for link in view.links) == most
    assert all(len(link["m"]) <= min(link["n"], 25) for link in view.links)
    whole = world_map(out)
    assert whole.shown == whole.partners == len(ties)


def test_map_draws_one_marker_per_place(browser, seed_build, tmp_path):
    out, _ = seed_build
    rows = run_query("city-partners", out).rows
    places = {r["home"] for r in rows} | {r["partner"] for r in rows}
    links = {(r["home"], r["partner"], r["relation"]) for r in rows}
    page = Page(browser, _view(out, "map", tmp_path / "map.html"))
    try:
        ids = page.page.evaluate("() => Array.from(document.querySelectorAll('circle.place')).filter(c => c.style.display !== 'none').map(c => c.dataset.id)")
        assert sorted(ids) == sorted(places)
        assert page.page.evaluate("() => document.querySelectorAll('path.link').length") == len(links)
        assert page.page.evaluate("() => document.querySelectorAll('path.country').length") > 150  # the world outline
        assert page.page.inner_text("#unplaced") == ""
        # Beijing is where Beijing is (east of Moscow, north of Hanoi), by the gazetteer's coordinates.
        pos = page.page.evaluate("() => Object.fromEntries(Array.from(document.querySelectorAll('circle.place')).map(c => [c.dataset.id, [+c.getAttribute('cx'), +c.getAttribute('cy')]]))")
        bj, moscow, hanoi = (pos[f"https://kg.example.org/id/place/{p}"] for p in ("beijing", "moscow", "hanoi"))
        assert bj[0] > moscow[0] and bj[1] < hanoi[1]
        # Lines take their relation's colour; a relation filter keeps its lines and their places.
        sister = {(h, p) for h, p, rel in links if rel == "sister_city"}
        page.page.select_option("#filter-relation", ["sister_city"])
        shown = page.page.evaluate("() => Array.from(document.querySelectorAll('path.link')).filter(l => l.style.display !== 'none').map(l => [l.dataset.relation, l.getAttribute('stroke')])")
        assert len(shown) == len(sister) and all(rel == "sister_city" and col == "#d62728" for rel, col in shown)
        legend = page.page.evaluate("() => Array.from(document.querySelectorAll('#legend .legend-item')).map(i => i.dataset.key)")
        assert "relation:sister_city" in legend and "relation:joint_activity" not in legend
        # A click on a place lists its ties with their quotes.
        page.page.select_option("#filter-relation", [])
        page.page.evaluate("() => document.querySelector('circle.place[data-id$=\"/moscow\"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
        facts = page.page.evaluate("() => document.querySelectorAll('#facts .fact').length")
        assert facts == sum(1 for r in rows if r["partner"].endswith("/moscow"))
        assert page.errors == [] and page.other_hosts() == []
    finally:
        page.close()


def test_timeline_bars_add_up_to_the_meetings(browser, seed_build, tmp_path):
    out, _ = seed_build
    by_month = {r["month"]: int(r["meetings"]) for r in run_query("meetings-by-month", out).rows}
    page = Page(browser, _view(out, "timeline", tmp_path / "timeline.html"))
    try:
        bars = page.page.evaluate("() => Array.from(document.querySelectorAll('rect.bar')).map(r => [r.dataset.month, r.dataset.country, +r.dataset.count, +r.getAttribute('height')])")
        drawn: dict[str, int] = {}
        for month, _, n, _ in bars:
            drawn[month] = drawn.get(month, 0) + n
        assert drawn == by_month
        assert sum(drawn.values()) == len(_meetings(run_query("who-met-whom", out).rows)) or sum(drawn.values()) == sum(by_month.values())
        heights = {n: h for _, _, n, h in bars}
        assert all(abs(h / n - heights[1]) < 1e-6 for n, h in heights.items())  # heights in proportion to the meetings
        # A country's segments share its colour; a click lists that month's meetings with that country.
        month, country, n, _ = max(bars, key=lambda b: b[2])
        page.page.evaluate("([m, c]) => document.querySelector(`rect.bar[data-month=\"${m}\"][data-country=\"${c}\"]`).dispatchEvent(new MouseEvent('click'))", [month, country])
        assert page.page.evaluate("() => document.querySelectorAll('#facts .fact').length") == n
        assert page.errors == [] and page.other_hosts() == []
    finally:
        page.close()


def _large_network(pairs: int = 800, hubs: int = 3, spokes: int = 40):
    """who-met-whom rows of a large corpus: many pairs met once, and a few leaders who met many."""
    from kg.query import QueryResult, memory_dataset

    cols = ["date", "person", "personName", "counterpart", "counterpartName", "counterpartType", "organizationName",
            "countryName", "mode", "doc", "line", "quote", "home", "homeName"]
    rows = []
    base = "https://kg.example.org/id/"

    def row(i, p, c, country):
        return dict(zip(cols, [f"2021-{1 + i % 12:02d}-01", base + f"person/{p}", p, base + f"person/{c}", c, "Person", "",
                               country, "in_person", "gen", str(i), f"{p}会见{c}。", base + "place/x", "某市"]))
    for i in range(pairs):
        rows.append(row(i, f"home{i}", f"guest{i}", "德国" if i % 2 else "美国"))
    for h in range(hubs):
        for s in range(spokes):
            rows.append(row(10000 + h * spokes + s, f"hub{h}", f"spoke{h}-{s}", "日本"))
    return memory_dataset(""), QueryResult(cols, rows)


def test_large_network_opens_on_its_most_connected_part(browser, tmp_path):
    from kg.views import who_met_whom, write

    ds, rows = _large_network()
    view = who_met_whom(ds, rows)
    total = len(view.nodes)
    assert total == 2 * 800 + 3 * 41
    page = Page(browser, write(view, tmp_path / "large.html"))
    try:
        shown = page.page.evaluate("() => kgView.nodes.getIds()")
        assert 100 <= len(shown) <= 150
        assert {f"https://kg.example.org/id/person/hub{h}" for h in range(3)} <= set(shown)
        assert f"{len(shown)} / {total}" in page.page.inner_text("#shown")
        before = page.page.evaluate("() => kgView.network.getPositions()")
        page.page.click("#more")
        page.page.wait_for_function("() => kgView.stable", timeout=120000)
        more = page.page.evaluate("() => kgView.nodes.length")
        assert len(shown) < more <= 300
        after = page.page.evaluate("(ids) => kgView.network.getPositions(ids)", shown)
        assert all(abs(after[i]["x"] - before[i]["x"]) < 1e-6 and abs(after[i]["y"] - before[i]["y"]) < 1e-6 for i in shown)
        page.page.click("#all")
        page.page.wait_for_function("() => kgView.stable", timeout=120000)
        assert page.page.evaluate("() => kgView.nodes.length") == total
        assert page.errors == [] and page.other_hosts() == []
    finally:
        page.close()


def test_filtering_then_clearing_keeps_positions(browser, seed_build):
    out, _ = seed_build
    page = Page(browser, out / "views" / "who-met-whom.html")
    try:
        before = page.page.evaluate("() => kgView.network.getPositions()")
        page.page.select_option("#filter-country", ["德国"])
        page.page.select_option("#filter-country", [])
        page.page.wait_for_function("() => kgView.stable")
        after = page.page.evaluate("() => kgView.network.getPositions()")
        assert after.keys() == before.keys()
        assert all(abs(after[i]["x"] - before[i]["x"]) < 1e-6 and abs(after[i]["y"] - before[i]["y"]) < 1e-6 for i in before)
        # Reset clears the filters and the selection; fit and reset are there.
        page.page.select_option("#filter-year-from", "2024")
        page.page.click("#reset")
        assert page.page.evaluate("() => kgView.nodes.length") == len(before)
        page.page.click("#fit")
        after = page.page.evaluate("() => kgView.network.getPositions()")
        assert all(abs(after[i]["x"] - before[i]["x"]) < 1e-6 for i in before)
        assert page.errors == []
    finally:
        page.close()


HOSTILE_PARTNERS = (
    '2021年3月1日，上海市市长龚正会见<img src=x onerror="window.pwned=3">德国西门子股份公司总裁博乐仁。\n'
    "上海市与横滨于1973年缔结友好城市关系<script>window.pwned=4</script>。\n"
)


def test_map_and_timeline_show_payloads_as_text(browser, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "hostile.txt").write_text(HOSTILE_PARTNERS, encoding="utf-8")
    out = tmp_path / "out"
    build([src], out)
    for name, item in (("timeline", "rect.bar"), ("map", "circle.place")):
        page = Page(browser, _view(out, name, tmp_path / f"{name}.html"))
        try:
            assert page.page.evaluate(f"() => document.querySelectorAll('{item}').length") >= 1
            page.page.evaluate(f"() => document.querySelector('{item}').dispatchEvent(new MouseEvent('click'))")
            quotes = page.page.evaluate("() => Array.from(document.querySelectorAll('#facts .fact-quote')).map(q => [q.textContent, q.children.length])")
            assert quotes and all(n == 0 for _, n in quotes)
            assert any("<img" in q or "<script>" in q for q, _ in quotes)
            assert page.page.evaluate("() => window.pwned") is None
            assert page.page.evaluate("() => document.querySelectorAll('body img, script[src]').length") == 0
            assert page.errors == [] and page.other_hosts() == []
        finally:
            page.close()
