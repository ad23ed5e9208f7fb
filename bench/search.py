#!/usr/bin/env python3
"""Measures the site search on a generated dossier: what one query loads, and how long it takes to answer.

    python3 bench/search.py                      # 10,000 articles, in /tmp/dossier-search-bench
    python3 bench/search.py --articles 1000 --dossier .build/release/dossier

It writes the corpus with bench/generate.py (reused when already there), builds it with the release binary
(`make release` unless --dossier is given), then opens search/ in headless
Chromium (Debian's chromium and chromium-driver, selenium from PyPI), over HTTP from 127.0.0.1 and from disk.
For each query it submits the form on a freshly loaded page, with the browser cache off, and reports:
  - the bytes of search data the query loaded (the data scripts the page inserted, and over HTTP the
    server's own count of what it sent);
  - the time from submit to the results on screen (performance.now() around it, the median of --runs).
"""
import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

from run import BUILD_RELEASE, RELEASE_BINARY  # `make release` (bench/ is on the path: it holds this script)

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["Boukamal", "Alep", "frappes", "Etat", "Bouk", "hôpital", "Etat islamique"]

# Submits the query and waits until the page marks its results as complete (aria-busy="false").
SUBMIT_AND_WAIT = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const results = document.getElementById('search-results');
const form = document.querySelector('.search-form');
// The data files are the scripts the page inserts (Resource Timing records none from disk).
const scripts = () => Array.from(document.querySelectorAll('script[src]'), script => script.src);
const before = new Set(scripts());
let started = 0;
const observer = new MutationObserver(() => {
  if (results.getAttribute('aria-busy') !== 'false') return;
  const elapsed = performance.now() - started;
  observer.disconnect();
  const loaded = scripts().filter(source => !before.has(source));
  done({elapsed, files: loaded,
        count: document.querySelectorAll('#search-results li').length,
        status: document.getElementById('search-status').textContent});
});
observer.observe(results, {attributes: true, attributeFilter: ['aria-busy']});
document.getElementById('search-query').value = query;
started = performance.now();
form.requestSubmit();
"""


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and adds up the bytes of every file it sends, per path."""

    sent = {}

    def log_message(self, *arguments):
        pass

    def copyfile(self, source, destination):
        data = source.read()
        CountingHandler.sent[self.path] = CountingHandler.sent.get(self.path, 0) + len(data)
        destination.write(data)


def build_site(args):
    corpus = Path(args.dir) / f"corpus-{args.articles}"
    if not (corpus / "dossier" / "dossier.yml").exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--articles", str(args.articles),
                        "--seed", "1", "--out", str(corpus), "--quiet"], check=True)
    binary = args.dossier
    if not binary:
        subprocess.run(BUILD_RELEASE, cwd=REPO, check=True)
        binary = str(RELEASE_BINARY)
    site = Path(args.dir) / f"site-{args.articles}"
    subprocess.run([binary, "build", str(corpus / "dossier"), "--output", str(site), "--force"], check=True)
    return site


def disk_size(site, url):
    """The size of the site's file behind a URL that the page loaded (Resource Timing gives none from disk)."""
    path = urllib.parse.unquote(urllib.parse.urlparse(url).path)
    relative = path[path.index("/search/") + 1:]
    return (site / relative).stat().st_size


def folder_bytes(folder):
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.set_script_timeout(30)
    return driver


def measure(driver, page, query, runs):
    """Submits the query on a fresh page `runs` times; returns the median time and the last run's loads."""
    times = []
    for _ in range(runs):
        CountingHandler.sent.clear()
        driver.get(page)
        result = driver.execute_async_script(SUBMIT_AND_WAIT, query)
        times.append(result["elapsed"])
    served = sum(size for path, size in CountingHandler.sent.items() if "/search/" in path and path.endswith(".js"))
    return statistics.median(times), result, served


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--dir", default="/tmp/dossier-search-bench")
    parser.add_argument("--dossier", help="an already built dossier binary (default: build the release one)")
    parser.add_argument("--site", help="measure this built site instead of generating and building one")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("queries", nargs="*", default=QUERIES)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    site = Path(args.site) if args.site else build_site(args)

    total, search = folder_bytes(site), folder_bytes(site / "search")
    index, docs = folder_bytes(site / "search" / "index"), folder_bytes(site / "search" / "docs")
    shards = len(list((site / "search" / "index").glob("*.js")))
    print(f"site: {total / 1e6:.1f} MB; search data {search / 1e6:.2f} MB ({100 * search / total:.1f}% of the site): "
          f"word index {index / 1e6:.2f} MB in {shards} shards, documents {docs / 1e6:.2f} MB, "
          f"meta.js {(site / 'search' / 'meta.js').stat().st_size / 1e3:.1f} kB, "
          f"search.js {(site / 'assets' / 'search.js').stat().st_size / 1e3:.1f} kB")

    handler = functools.partial(CountingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = start_browser()
    try:
        for label, page in (("http", f"http://127.0.0.1:{server.server_address[1]}/search/"),
                            ("file", (site / "search" / "index.html").as_uri())):
            print(f"\n{label}: query | results | files loaded | bytes loaded | time to results (median of {args.runs})")
            for query in args.queries:
                elapsed, result, served = measure(driver, page, query, args.runs)
                loaded = sum(disk_size(site, name) for name in result["files"])
                count = f"{loaded / 1e3:.1f} kB"
                if label == "http":
                    count += f" (server sent {served / 1e3:.1f} kB)"
                print(f"  {query!r:18} | {result['status'][:46]:46} | {len(result['files']):3} | {count} | "
                      f"{elapsed:.0f} ms")
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
