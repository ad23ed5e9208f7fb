#!/usr/bin/env python3
"""Edit-to-reload time of `dossier serve`: from the moment an article file is written to the moment the
server announces the new build on its event stream (what makes open pages reload), and on to the moment
the reloaded page, with the new text, has arrived (the server renders pages when they are asked for).

Starts `dossier serve` on a copy of a generated corpus (10,000 articles by default), listens to
/_dossier/events on 127.0.0.1 like a page does, edits one article per run, and prints each figure, their
median, and the server's own phase times for the rebuilds. Ends the server with SIGINT, as Ctrl-C does,
and checks that it stopped cleanly.
"""
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import json
import urllib.request
from pathlib import Path

from run import BUILD_RELEASE, RELEASE_BINARY  # `make release` (bench/ is on the path: it holds this script)

ROOT = Path(__file__).resolve().parent.parent


def corpus(directory: Path, articles: int) -> Path:
    folder = directory / f"corpus-{articles}-m500-s1"
    if not (folder / "dossier" / "entities.yml").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--articles", str(articles),
                        "--seed", "1", "--out", str(folder)], check=True)
    return folder / "dossier"


class ServerLog:
    """Collects the server's output lines on a thread, so that the pipe never fills."""

    def __init__(self, stream):
        self.lines, self.lock = [], threading.Lock()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            with self.lock:
                self.lines.append(line.rstrip("\n"))

    def wait_for(self, prefix, start=0, timeout=600):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for index in range(start, len(self.lines)):
                    if self.lines[index].startswith(prefix):
                        return index, self.lines[index]
            time.sleep(0.01)
        raise SystemExit(f"the server did not print {prefix!r} in {timeout} s")


def events(port):
    """Yields each `data:` value of the event stream, as a page's EventSource receives it."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=600)
    connection.sendall(b"GET /_dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    buffer = b""
    while True:
        chunk = connection.recv(65536)
        if not chunk:
            return
        buffer += chunk
        while b"data: " in buffer:
            start = buffer.index(b"data: ") + 6
            end = buffer.find(b"\n", start)
            if end < 0:
                break
            yield buffer[start:end].decode(), time.perf_counter()
            buffer = buffer[end + 1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/dossier-bench"), help="where corpora are kept")
    parser.add_argument("--dossier", type=Path, default=RELEASE_BINARY,
                        help="the dossier binary (built in release mode when missing)")
    args = parser.parse_args()
    if not args.dossier.exists():
        subprocess.run(BUILD_RELEASE, cwd=ROOT, check=True)
    source = corpus(args.dir, args.articles)
    work = Path(tempfile.mkdtemp(prefix="dossier-serve-bench-"))
    folder = work / "dossier"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".dossier"))
    articles = sorted(p for p in folder.rglob("*.md"))

    server = subprocess.Popen([str(args.dossier), "serve", str(folder), "--port", "0", "--timings"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        log = ServerLog(server.stdout)
        _, serving = log.wait_for("Serving at ")
        port = int(serving.split(":")[2].split("/")[0])
        stream = events(port)
        generation, _ = next(stream)
        # Where each article's page is, from the open data (made once here, before any timed edit).
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/dossier.json", timeout=600) as response:
            pages = {entry["file"]: entry["url"] for entry in json.load(response)["articles"]}
        figures, page_figures = [], []
        for run in range(args.runs):
            article = articles[(run * 997) % len(articles)]
            text = article.read_text(encoding="utf-8")
            marker = len(log.lines)
            article.write_text(text + f"\nUne phrase ajoutée pour la mesure {run}.\n", encoding="utf-8")
            written = time.perf_counter()
            new_generation, received = next(stream)
            if new_generation == generation:
                raise SystemExit("the event stream repeated a build number")
            generation = new_generation
            figures.append((received - written) * 1000)
            url = f"http://127.0.0.1:{port}/" + pages[str(article.relative_to(folder))]
            with urllib.request.urlopen(url, timeout=600) as response:
                page = response.read().decode()
            arrived = time.perf_counter()
            if f"pour la mesure {run}." not in page:
                raise SystemExit(f"the reloaded page {url} does not show the edit")
            page_figures.append((arrived - written) * 1000)
            index, line = log.wait_for("Rebuilt", start=marker)
            last, _ = log.wait_for("timing pages", start=index)  # the phase lines follow the summary
            phases = [l.split()[1:] for l in log.lines[index + 1:last + 1] if l.startswith("timing ")]
            print(f"run {run + 1}: {figures[-1]:7.1f} ms from write to reload event, {page_figures[-1]:7.1f} ms to the "
                  f"new page; server: {line}; " + ", ".join(f"{name} {float(s) * 1000:.0f} ms" for name, s in phases))
            time.sleep(0.5)
        print(f"edit-to-reload, {args.articles:,} articles, one-article edit: median {statistics.median(figures):.1f} ms "
              f"to the reload event (min {min(figures):.1f}, max {max(figures):.1f}), median "
              f"{statistics.median(page_figures):.1f} ms to the new page (max {max(page_figures):.1f}); "
              f"{len(figures)} runs; target 150 ms")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            status = server.wait(timeout=60)
            print(f"server stopped on SIGINT with status {status}")
        except subprocess.TimeoutExpired:
            server.kill()
            print("server did not stop within 60 s of SIGINT")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
