"""The workbench's pages through Starlette's TestClient: what each shows, and that it is the Python API's answer."""
from __future__ import annotations

import html
import re
import urllib.parse

import pytest
from markupsafe import escape

from kg import run_query
from kg.web.app import CSP
from kg.web.links import document_url, entity_url

from .conftest import HOSTILE_NAME, ServeConfig, TestClient, make_app

PAGES = ["/", "/search?q=yin", "/query/who-met-whom", "/query/city-partners?relation=sister_city",
         "/entity/person/yin-yong", "/document/beijing-yearbook-2020-foreign-affairs", "/sparql-editor",
         "/sparql-editor?example=entities", "/api", "/views/who-met-whom", "/views/city-partners"]


def cells(page: str, column: str) -> list[str]:
    """The text of every cell of ``column`` in a page's result table, in order."""
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(rf'<td class="[a-z]+" data-col="{column}">(.*?)</td>', page)]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_a_policy_that_allows_no_other_host(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "http" not in csp and "*" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    if not path.startswith("/views/"):
        assert csp == CSP  # scripts and styles from this server's files only
        assert "<script>" not in r.text and " style=" not in r.text
    # No page names another host for the browser to fetch (links a user may follow are <a href>).
    assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', r.text)


def test_home_counts_what_the_graph_holds(client, seed_build):
    out, _ = seed_build
    page = client.get("/").text
    assert re.search(r'id="count-documents">2<', page)
    people = len({r["entity"] for r in run_query("entities", out, {"type": "Person"}).rows})
    assert re.search(rf"人物 Person</th><td>{people}</td>", page)
    meetings = len({(r["doc"], r["line"], r["date"]) for r in run_query("who-met-whom", out).rows})
    assert re.search(r"会见 Meetings</th><td>(\d+)</td>", page) and int(re.search(r"会见 Meetings</th><td>(\d+)</td>", page).group(1)) >= meetings
    assert "北京市" in re.search(r'id="home-places">(.*?)</table>', page, re.S).group(1)
    for q in ("who-met-whom", "city-partners", "entities"):
        assert f'href="/query/{q}"' in page
    for v in ("who-met-whom", "city-partners", "map", "timeline"):
        assert f'href="/views/{v}"' in page


@pytest.mark.parametrize("q", ["殷勇", "Yin Yong", "yinyong", "yin yong", "Moscow", "莫斯科市"])
def test_search_finds_names_in_every_form(client, q):
    found = client.get("/api/names", params={"q": q}).json()
    assert found, q
    page = client.get("/search", params={"q": q}).text
    assert f'href="{found[0]["url"]}"' in page


def test_query_page_table_is_the_rows_of_kg_query(client, seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out, {"person": "殷勇"}).rows
    page = client.get("/query/who-met-whom", params={"person": "殷勇"}).text
    for column in rows[0]:
        assert cells(page, column) == [r[column] for r in rows], column
    # Labels link to entity pages; sources to the document's line.
    assert f'<a href="{entity_url(rows[0]["counterpart"])}">{rows[0]["counterpartName"]}</a>' in page
    assert f'href="{document_url(rows[0]["doc"], rows[0]["line"])}"' in page
    # The SPARQL that ran, with the bound parameter; the downloads are the API's.
    assert "?_person = 殷勇" in page and html.escape("SELECT ?date ?person") in page
    for fmt in ("csv", "json", "sparql-json"):
        assert f'href="/api/query/who-met-whom?person={urllib.parse.quote("殷勇")}&amp;format={fmt}"' in page


def test_query_page_form_has_a_select_for_each_vocabulary_and_suggestions_for_names(client):
    page = client.get("/query/who-met-whom").text
    mode = re.search(r'<select id="p-mode" name="mode">(.*?)</select>', page, re.S).group(1)
    assert re.findall(r"<option>(\w+)</option>", mode) == ["in_person", "video", "letter"]
    assert re.search(r'<input id="p-person" name="person"[^>]*data-suggest="Person"', page)
    assert re.search(r'<input id="p-from" name="from"[^>]*pattern=', page)
    partners = client.get("/query/city-partners").text
    assert "sister_city" in re.search(r'<select id="p-relation"(.*?)</select>', partners, re.S).group(1)


def test_query_page_says_what_is_wrong_with_a_parameter(client):
    r = client.get("/query/who-met-whom", params={"mode": "carrier-pigeon"})
    assert r.status_code == 400 and "mode must be one of in_person, video, letter" in r.text
    r = client.get("/query/who-met-whom", params={"person": "殷永"})
    assert r.status_code == 400 and "did you mean 殷勇" in r.text
    assert client.get("/query/no-such-query").status_code == 404


def test_entity_page_lists_every_meeting_with_its_source(client, seed_build):
    out, _ = seed_build
    rows = run_query("who-met-whom", out, {"person": "殷勇"}).rows
    page = client.get("/entity/person/yin-yong").text
    section = re.search(r'id="facts-Meeting">(.*?)</section>', page, re.S).group(1)
    items = re.findall(r'<li class="fact fact-Meeting"(.*?)</li>', section, re.S)
    assert len(items) == len({(r["date"], r["doc"], r["line"]) for r in rows}) == 21
    for r in rows:
        assert f'href="{document_url(r["doc"], r["line"])}"' in section
        assert str(escape(r["quote"])) in section
        assert f'>{r["counterpartName"]}</a>' in section
    assert "Yin Yong" in page and "副市长" in page
    assert 'src="/views/entity?name=%E6%AE%B7%E5%8B%87"' in page


@pytest.mark.parametrize("path", ["person/yin-yong", "place/pakistan", "place/tokyo"])
def test_entity_page_heading_and_documents_are_what_entity_rq_gives(seed_build, path):
    """The page reads its heading and mentions from the bound entity (fast on a large build): the
    same labels, type, titles, affiliations, country and mentions as the named query ``entity``."""
    from kg.web.links import entity_iri
    from kg.web.store import Build

    out, _ = seed_build
    iri = entity_iri(path)
    rows = run_query("entity", out, {"entity": iri}, check_names=False).rows
    assert rows
    head, mentions, facts = Build(out).entity(iri)
    for k in ("type", "nameZh", "nameEn", "namePinyin", "aliases", "titles", "affiliations", "countryName"):
        assert head.get(k, "") == rows[0][k], k
    assert sorted((m["doc"], m["line"], m["quote"]) for m in mentions) == sorted(
        {(r["doc"], r["line"], r["quote"]) for r in rows if r["factType"] == "Mention"})


def test_entity_page_links_identifiers(client):
    page = client.get("/entity/place/pakistan").text
    assert 'href="https://www.wikidata.org/wiki/Q843"' in page and 'value="Q843"' in page


def test_a_fact_has_a_page_of_its_own(client, seed_build):
    out, _ = seed_build
    fact = run_query("entity", out, {"name": "殷勇"}).rows[0]["fact"]
    r = client.get(entity_url(fact))
    assert r.status_code == 200 and "kg.example.org/ns#line" in r.text
    assert client.get("/entity/person/no-such-person").status_code == 404


def test_document_page_highlights_mentions_and_lists_facts_by_line(client, seed_build):
    out, _ = seed_build
    page = client.get("/document/beijing-yearbook-2020-foreign-affairs").text
    line = re.search(r'<tr id="L41".*?</tr>', page, re.S).group(0)
    marks = re.findall(r'<mark class="ent ent-(\w+)" data-type="\w+" data-name="([^"]+)">', line)
    assert ("Person", "殷勇") in marks and ("Person", "罗威") in marks and ("City", "北京市") in marks
    # Every meeting of the document sits beside its line.
    for r in run_query("who-met-whom", out, {"person": "殷勇"}).rows:
        row = re.search(rf'<tr id="L{r["line"]}".*?</tr>', page, re.S).group(0)
        assert "fact-Meeting" in row and r["counterpartName"] in row
    assert client.get("/document/no-such-doc").status_code == 404


def test_hostile_names_are_text_on_every_page(hostile_client, hostile_build):
    rows = run_query("entities", hostile_build).rows
    evil = next(r for r in rows if "onerror" in r["name"])
    paths = ["/", "/query/entities", "/query/who-met-whom", entity_url(evil["entity"]), "/document/hostile",
             "/search?q=onerror", "/search?q=" + urllib.parse.quote(HOSTILE_NAME)]
    for path in paths:
        page = hostile_client.get(path).text
        assert "<img" not in page and "<script>window" not in page and "</b>道达尔" not in page, path
    assert str(escape(evil["name"])) in hostile_client.get(entity_url(evil["entity"])).text
    doc = hostile_client.get("/document/hostile").text
    assert "&lt;script&gt;window.pwned=2&lt;/script&gt;" in doc


def test_editor_runs_a_query_and_shows_the_same_table(client, seed_build):
    out, _ = seed_build
    q = "SELECT ?doc WHERE { GRAPH ?g { ?d <https://kg.example.org/ns#docId> ?doc } } ORDER BY ?doc"
    page = client.post("/sparql-editor", data={"query": q}).text
    assert cells(page, "doc") == ["beijing-fao-2024-h1-progress", "beijing-yearbook-2020-foreign-affairs"]
    assert "updates are refused" in client.post("/sparql-editor", data={"query": "CLEAR ALL"}).text
    assert client.post("/sparql-editor", data={"query": "CLEAR ALL"}).status_code == 403
    example = client.get("/sparql-editor", params={"example": "who-met-whom"}).text
    assert html.escape("#+ summary: Who met whom", quote=False) in example


def test_unknown_view_is_a_404_and_a_bad_parameter_a_400(client):
    assert client.get("/views/no-such-view").status_code == 404
    assert client.get("/views/entity").status_code == 400


def test_nothing_is_written(client):
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)("/").status_code == 405
    assert client.post("/update", content=b"CLEAR ALL").status_code == 403
    assert client.post("/").status_code == 405


def test_a_page_whose_query_runs_past_the_timeout_says_so(seed_build, monkeypatch):
    """A page's query stopped at the server's timeout is a 503 page with the message, not a server
    error (on a large build an entity's or a question's query can take longer than the timeout)."""
    from kg.errors import MESSAGES, QueryTimeout
    from kg.web.store import Build

    def too_slow(self, *args, **kwargs):
        raise QueryTimeout(MESSAGES["timeout"].format(query="entity", seconds=30.0))

    monkeypatch.setattr(Build, "named", too_slow)
    monkeypatch.setattr(Build, "select", too_slow)
    out, _ = seed_build
    with TestClient(make_app(out, ServeConfig(timeout=30)), raise_server_exceptions=False) as c:
        r = c.get("/entity/person/yin-yong")
        assert r.status_code == 503 and "E024" in r.text
        r = c.get("/api/query/who-met-whom")
        assert r.status_code == 503 and "E024" in r.json()["error"]
