#!/usr/bin/env python3
"""Checks the search page of a built site in Chromium, opened from disk and over HTTP.

Usage: python3 Tests/browser/check_search.py SITE_DIR   (a site built from seeds/)

Needs Debian's chromium and chromium-driver, and selenium from PyPI. Exits non-zero, saying what went
wrong, when a query misses the seed articles, a search finds nothing, or the console reports an error.
"""
import functools
import http.server
import pathlib
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SEED_ARTICLES = 2


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def serve(folder):
    """Serves the folder on a free port of 127.0.0.1, in a thread; returns the server."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


def results_for(driver, page_url, query):
    """Opens the search page with ?q= and returns (status text, [(title, href, snippet has <mark>)])."""
    driver.get(page_url + "?q=" + query)
    results = driver.find_element(By.ID, "search-results")
    try:
        WebDriverWait(driver, 10).until(lambda _: results.get_attribute("aria-busy") == "false")
    except TimeoutException:
        return "no answer within 10 s", []
    status = driver.find_element(By.ID, "search-status")
    found = []
    for item in driver.find_elements(By.CSS_SELECTOR, "#search-results li"):
        link = item.find_element(By.CSS_SELECTOR, "h2 a")
        found.append((link.text, link.get_attribute("href"), bool(item.find_elements(By.TAG_NAME, "mark"))))
    return status.text, found


def check(driver, base, problems):
    """Runs the queries against one way of opening the site; appends what fails to problems."""
    page = base + "search/" + ("index.html" if base.startswith("file:") else "")
    status, found = results_for(driver, page, "Etat%20islamique")
    articles = [item for item in found if "/articles/" in item[1]]
    if len(articles) < SEED_ARTICLES:
        problems.append(f"{base}: « Etat islamique » found {len(articles)} articles, not {SEED_ARTICLES} ({status})")
    if found and "/groups/etat-islamique/" not in found[0][1]:
        problems.append(f"{base}: « Etat islamique » does not put the entity first: {found[0]}")
    if not all(item[2] for item in found):
        problems.append(f"{base}: a result of « Etat islamique » has no highlighted word")
    if base.startswith("file:") and not all(item[1].endswith("/index.html") for item in found):
        problems.append(f"{base}: from disk, result links must point at index.html: {[item[1] for item in found]}")
    for query in ("EI", "Bouk", "l%E2%80%99EI", "%C3%89TAT"):
        status, found = results_for(driver, page, query)
        if not found:
            problems.append(f"{base}: « {query} » found nothing ({status})")
    if driver.execute_script("return document.getElementById('search-query').value") != "ÉTAT":
        problems.append(f"{base}: the query from the address is not in the search box")
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    if severe:
        problems.append(f"{base}: console errors: {severe}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = pathlib.Path(sys.argv[1]).resolve()
    if not (site / "search" / "index.html").is_file():
        sys.exit(f"{site} has no search/index.html: build the site first")
    server = serve(site)
    driver = start_browser()
    problems = []
    try:
        check(driver, site.as_uri() + "/", problems)
        check(driver, f"http://127.0.0.1:{server.server_address[1]}/", problems)
    finally:
        driver.quit()
        server.shutdown()
    if problems:
        print("search check FAILED:", *problems, sep="\n  ")
        sys.exit(1)
    print("search check passed: file:// and http://, « Etat islamique », EI, Bouk, l’EI, ÉTAT")


if __name__ == "__main__":
    main()
