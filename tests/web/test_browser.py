"""The workbench in a real headless browser: Debian's chromium driven by Playwright, with the
server's Content-Security-Policy enforced (a violation is a console error)."""
from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from kg import run_query
from kg.serve import ServeConfig, Server
from kg.web.links import entity_url

from .conftest import HOSTILE_NAME

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAGES = ["/", "/search?q=%E6%AE%B7", "/query/who-met-whom", "/query/city-partners", "/query/entities?type=Company",
         "/query/meetings-by-month", "/entity/person/yin-yong", "/entity/place/moscow",
         "/document/beijing-yearbook-2020-foreign-affairs", "/document/beijing-fao-2024-h1-progress",
         "/sparql-editor", "/api", "/views/who-met-whom", "/views/city-partners", "/views/map", "/views/timeline",
         "/views/entity?name=%E6%AE%B7%E5%8B%87"]


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Tab:
    """A page of the workbench opened in the browser, with every console error and request recorded."""

    def __init__(self, browser, server: Server, path: str) -> None:
        self.server = server
        self.ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.ctx.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.ctx.on("request", lambda r: self.requests.append(r.url))
        self.goto(path)

    def goto(self, path: str) -> None:
        response = self.page.goto(self.server.base + path, wait_until="networkidle", timeout=120000)
        assert response is not None and response.status == 200, (path, response and response.status)

    def other_hosts(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.server.base + "/") and not u.startswith(("data:", "about:"))]

    def table(self) -> list[list[str]]:
        return self.page.evaluate("() => Array.from(document.querySelectorAll('table.results tbody tr'))"
                                  ".map(tr => Array.from(tr.cells).map(td => td.textContent))")

    def close(self) -> None:
        self.ctx.close()


@pytest.fixture(scope="module")
def hostile_server(hostile_build):
    with Server(hostile_build, port=0, config=ServeConfig(timeout=30)) as srv:
        yield srv


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_offline_without_errors(browser, server, path):
    tab = Tab(browser, server, path)
    try:
        assert tab.errors == [], tab.errors
        assert tab.other_hosts() == []
        if not path.startswith("/views/"):
            assert tab.page.evaluate("() => window.kgReady") is True  # the page's own script ran under the CSP
    finally:
        tab.close()


def test_query_form_gives_the_rows_of_kg_query(browser, server, seed_build):
    out, _ = seed_build
    tab = Tab(browser, server, "/query/who-met-whom")
    try:
        # The name field suggests names from the graph as one types.
        tab.page.fill("#p-person", "殷")
        tab.page.wait_for_function("() => Array.from(document.querySelectorAll('#dl-person option')).some(o => o.value === '殷勇')")
        tab.page.fill("#p-person", "殷勇")
        tab.page.select_option("#p-mode", "video")
        with tab.page.expect_navigation(wait_until="networkidle"):
            tab.page.click("#run")
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(tab.page.url).query)["person"] == ["殷勇"]
        rows = run_query("who-met-whom", out, {"person": "殷勇", "mode": "video"}).rows
        assert rows and tab.table() == [list(r.values()) for r in rows]
        # Sorted by a column, both ways.
        tab.page.click("th[data-col=counterpartName] button")
        names = [r[4] for r in tab.table()]
        assert names == tab.page.evaluate("(ns) => ns.slice().sort((a, b) => a.localeCompare(b, 'zh'))", names)
        assert sorted(names) == sorted(r["counterpartName"] for r in rows)
        tab.page.click("th[data-col=date] button")
        tab.page.click("th[data-col=date] button")
        dates = [r[0] for r in tab.table()]
        assert dates == sorted(dates, reverse=True)
        assert tab.errors == [] and tab.other_hosts() == []
    finally:
        tab.close()


def test_result_table_pages(browser, server, seed_build):
    out, _ = seed_build
    rows = run_query("entities", out).rows
    tab = Tab(browser, server, "/query/entities")
    try:
        tab.page.select_option(".page-size", "25")
        visible = tab.page.evaluate("() => Array.from(document.querySelectorAll('table.results tbody tr')).filter(tr => tr.offsetParent !== null).length")
        assert len(rows) > 25 and visible == 25
        tab.page.click("nav.pager button:has-text('2')")
        first = tab.page.evaluate("() => Array.from(document.querySelectorAll('table.results tbody tr')).find(tr => tr.offsetParent !== null).cells[1].textContent")
        assert first == rows[25]["name"]
        assert len(tab.table()) == len(rows)
    finally:
        tab.close()


def test_entity_page_lists_his_meetings_and_a_source_leads_to_its_line(browser, server, seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out, {"person": "殷勇"}).rows
    tab = Tab(browser, server, "/entity/person/yin-yong")
    try:
        meetings = tab.page.locator("#facts-Meeting li.fact-Meeting")
        assert meetings.count() == len({(r["date"], r["doc"], r["line"]) for r in rows}) == 21
        sources = tab.page.evaluate("() => Array.from(document.querySelectorAll('#facts-Meeting li.fact-Meeting'))"
                                    ".map(li => [li.querySelector('.when').textContent, li.querySelector('a.source').textContent,"
                                    " li.querySelector('blockquote.quote').textContent])")
        assert {(d, s) for d, s, _ in sources} == {(r["date"], f"{r['doc']}:{r['line']}") for r in rows}
        assert {q for _, _, q in sources} == {r["quote"] for r in rows}
        # Its network is on the page, drawn by the entity view (the frame loads when scrolled to).
        tab.page.locator("iframe.network").scroll_into_view_if_needed()
        tab.page.wait_for_function("() => { const d = document.querySelector('iframe.network').contentDocument;"
                                   " return d && d.readyState === 'complete' && d.body && d.body.children.length > 0; }", timeout=60000)
        tab.page.wait_for_load_state("networkidle")
        # A source opens the document at its line.
        first = rows[0]
        with tab.page.expect_navigation(wait_until="networkidle"):
            tab.page.click(f"#facts-Meeting a.source[href$='#L{first['line']}']")
        assert tab.page.url.endswith(f"#L{first['line']}")
        assert tab.page.evaluate("() => document.querySelector(':target').id") == f"L{first['line']}"
        assert tab.errors == [] and tab.other_hosts() == []
    finally:
        tab.close()


def test_document_page_highlights_mentions_by_type(browser, server):
    tab = Tab(browser, server, "/document/beijing-yearbook-2020-foreign-affairs")
    try:
        marks = tab.page.evaluate("() => Array.from(document.querySelectorAll('td.text mark.ent'))"
                                  ".map(m => [m.dataset.type, m.firstChild.textContent, m.querySelector('.ent-label').textContent,"
                                  " getComputedStyle(m).backgroundColor])")
        assert len(marks) > 100
        assert ["Person", "殷勇", "Person"] in [m[:3] for m in marks]
        colours = {t: c for t, _, _, c in marks}
        assert len(set(colours.values())) == len(colours) >= 4  # a colour per type
        line = tab.page.locator("#L41 td.line-facts li.fact")
        assert line.count() >= 1
    finally:
        tab.close()


def test_editor_loads_an_example_and_shows_the_table(browser, server, seed_build):
    out, _ = seed_build
    tab = Tab(browser, server, "/sparql-editor")
    try:
        tab.page.select_option("#example", "city-partners")
        assert tab.page.input_value("#query").startswith("#+ summary: City partners")
        with tab.page.expect_navigation(wait_until="networkidle"):
            tab.page.click("#run")
        rows = run_query("city-partners", out).rows
        table = tab.table()
        assert len(table) == len(rows)
        header = tab.page.evaluate("() => Array.from(document.querySelectorAll('table.results th')).map(th => th.dataset.col)")
        assert [dict(zip(header, r))["partnerName"] for r in table] == [r["partnerName"] for r in rows]
        assert tab.errors == [] and tab.other_hosts() == []
    finally:
        tab.close()


def test_a_hostile_name_shows_as_text(browser, hostile_server, hostile_build):
    evil = next(r for r in run_query("entities", hostile_build).rows if "onerror" in r["name"])
    for path in ["/", "/document/hostile", entity_url(evil["entity"]), "/query/entities", "/query/who-met-whom",
                 "/search?q=" + urllib.parse.quote(HOSTILE_NAME[:8])]:
        tab = Tab(browser, hostile_server, path)
        try:
            assert tab.page.evaluate("() => window.pwned") is None
            assert tab.page.evaluate("() => document.querySelectorAll('main img, main script, main b').length") == 0
            assert tab.errors == [] and tab.other_hosts() == []
            if path in ("/document/hostile", entity_url(evil["entity"]), "/query/entities"):
                assert evil["name"] in tab.page.inner_text("main"), path
        finally:
            tab.close()
