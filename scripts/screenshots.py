"""Screenshots of the workbench's pages for the README (docs/screens/*.png).

Serves a build with ``kg serve``'s app, opens each page in Debian's chromium (Playwright, as the
browser tests do) and saves a picture of it:

    kg build seeds --out build && python scripts/screenshots.py build

Needs the test extras (Playwright) and ``/usr/bin/chromium``.
"""
from __future__ import annotations

import sys
import urllib.parse
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.serve import Server

OUT = Path(__file__).resolve().parents[1] / "docs" / "screens"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PAGES = {
    "home": "/",
    "query": "/query/who-met-whom?" + urllib.parse.urlencode({"person": "殷勇"}),
    "entity": "/entity/person/yin-yong",
    "document": "/document/beijing-yearbook-2020-foreign-affairs",
    "who-met-whom": "/views/who-met-whom",
    "city-partners": "/views/city-partners",
    "map": "/views/map",
    "timeline": "/views/timeline",
    "editor": "/sparql-editor",
    "api": "/api",
}


def main(build: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with Server(build, port=0) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        for name, path in PAGES.items():
            page.goto(server.base + path, wait_until="networkidle")
            page.wait_for_timeout(1500)  # (the networks settle their layout)
            page.screenshot(path=str(OUT / f"{name}.png"))
            print(f"wrote {OUT / name}.png", flush=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build")
