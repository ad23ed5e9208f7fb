"""Shared pieces of the browser checks: a static server for a built site, and Chromium driven by Selenium."""
import functools
import http.server
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit


def fail(check, details):
    print(f"FAILED: {check}\n{details}", file=sys.stderr)
    sys.exit(1)


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port, optionally only under a path prefix such as /dossier/."""

    def __init__(self, folder, prefix="/"):
        self.folder = Path(folder)
        self.prefix = prefix

    def __enter__(self):
        folder, prefix = self.folder, self.prefix

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path):
                decoded = unquote(urlsplit(path).path)
                if not decoded.startswith(prefix):
                    return str(folder / ".outside-the-prefix")  # no such file: a 404
                return super().translate_path("/" + path[len(prefix):])

            def log_message(self, *arguments):
                pass

        handler = functools.partial(Handler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exception):
        self.httpd.shutdown()
        self.httpd.server_close()


class Browser:
    """Headless Chromium with Debian's chromedriver: nothing is downloaded."""

    def __enter__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                         "--disable-dev-shm-usage"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_script_timeout(60)
        return self

    def __exit__(self, *exception):
        self.driver.quit()

    def open(self, url):
        self.driver.get_log("browser")  # forget what earlier pages logged
        self.driver.get(url)

    def wait_for(self, selector, what, seconds=10):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.driver.execute_script("return document.querySelector(arguments[0]) !== null", selector):
                return
            time.sleep(0.05)
        fail(what, f"nothing matched {selector} within {seconds} s")

    def expect_no_console_errors(self, url):
        errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        if errors:
            fail(f"browser console on {url}", "\n".join(entry["message"] for entry in errors))

    def axe(self):
        if not hasattr(self, "axe_source"):
            import selenium_axe_python
            self.axe_source = (Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text()
        self.driver.execute_script(self.axe_source)
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document).then(done, error => done({violations: [{id: 'axe-error', help: String(error),"
            " nodes: []}], passes: []}));")

    def screenshot(self, url, width, height, target):
        """The whole page at this window width, as a reader scrolling it would see it."""
        self.driver.set_window_size(width, height)
        self.driver.get(url)
        full = self.driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": full, "deviceScaleFactor": 1, "mobile": width < 600})
        Path(target).write_bytes(self.driver.get_screenshot_as_png())
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.set_window_size(1280, 900)
