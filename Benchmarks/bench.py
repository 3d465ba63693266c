#!/usr/bin/env python3
"""planlint's benchmark harness (issue 9). Run it through scripts/bench, which builds planlint
in release mode, compiles the libyaml floor and installs the Python peers first.

It measures, on deterministic synthetic plans (Benchmarks/generate-plan.py) of several sizes:
  floor   a bare C loop over libyaml's events (Benchmarks/floor/yaml-floor.c)
  tree    `planlint parse FILE`: planlint's located tree alone
  check   `planlint check FILE` with the bundled rule pack (Rules/) and the plan schema
  peers   PyYAML (CSafeLoader) + the pack's invariants in Python (Benchmarks/peers/invariants.py),
          yamllint (default config), check-jsonschema with Plans/plan.schema.yaml
plus the small-file case (the real Miyagi plan; hyperfine when installed) and a folder of many
small plans. Every measurement is a separate process: wall time from fork to exit, peak
resident memory from wait4(2). Runs are interleaved round by round so that a change of load
on a shared machine hits every tool alike; the report gives medians.

Standard library only. Writes OUT/report.md (Markdown) and OUT/results.json.
"""
import argparse
import datetime
import hashlib
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIYAGI = os.path.join(ROOT, "Plans", "miyagi-ict-2014-2016.yaml")
# The Python peer (invariants.py) is written for plan format 1: it reads the plan@1 copies.
MIYAGI_PLAN1 = os.path.join(ROOT, "Tests", "Fixtures", "plan-1", "miyagi-ict-2014-2016.yaml")
SCHEMA = os.path.join(ROOT, "Plans", "plan.schema.yaml")
GENERATOR = os.path.join(ROOT, "Benchmarks", "generate-plan.py")
INVARIANTS = os.path.join(ROOT, "Benchmarks", "peers", "invariants.py")


def parse_size(text):
    """'1k' → 1000, '1m' → 1000000, '250000' → 250000."""
    t = text.strip().lower()
    mult = {"k": 1000, "m": 1000000}.get(t[-1:], 1)
    return int(float(t[:-1] if mult > 1 else t) * mult)


def size_name(n):
    if n >= 1000000 and n % 1000000 == 0:
        return "%dM" % (n // 1000000)
    if n >= 1000 and n % 1000 == 0:
        return "%dk" % (n // 1000)
    return str(n)


def log(*args):
    print("bench:", *args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Running one process


class Run:
    def __init__(self, seconds, max_rss_kb, status, output_lines):
        self.seconds, self.max_rss_kb, self.status, self.output_lines = seconds, max_rss_kb, status, output_lines


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, cwd=None, timeout=None, keep_output=None):
    """Runs `cmd`; returns wall seconds, peak RSS (KiB) and exit status. Output goes to a
    temporary file (never a pipe that could fill) and is counted in lines.

    Peak memory comes from /usr/bin/time -f %M where it exists: wait4's own figure for a child
    of this Python process would include the pages the child inherited before exec (≈ 20 MB
    of Python), which would drown a small tool's real peak. The wall time is this process's
    clock around the whole run (it includes time's fork, well under a millisecond)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        full = ([TIME, "-f", "%M", "-o", rss.name] if TIME else []) + list(cmd)
        start = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            return Run(None, None, "timeout", 0)
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): leave no measured process behind
            os.killpg(proc.pid, 9)
            proc.wait()
            raise
        seconds = time.perf_counter() - start
        out.seek(0)
        data = out.read()
        if TIME:
            # time appends "Command exited with non-zero status N" before the figure.
            lines = [l for l in rss.read().split() if l.isdigit()]
            max_rss = int(lines[-1]) if lines else None
        else:
            max_rss = None
        if keep_output is not None:
            keep_output.append(data.decode("utf-8", "replace"))
        return Run(seconds, max_rss, proc.returncode, data.count(b"\n"))


class Cell:
    """The runs of one command on one input."""

    def __init__(self, name, cmd, cwd=None, min_runs=1):
        self.name, self.cmd, self.cwd = name, cmd, cwd
        self.min_runs = min_runs  # runs made even past max_cell_seconds (planlint and the floor)
        self.runs = []
        self.first_output = None
        self.failed = None

    def add(self, run):
        self.runs.append(run)

    @property
    def seconds(self):
        return [r.seconds for r in self.runs if r.seconds is not None]

    @property
    def median(self):
        s = self.seconds
        return statistics.median(s) if s else None

    @property
    def peak_mb(self):
        m = [r.max_rss_kb for r in self.runs if r.max_rss_kb is not None]
        return max(m) / 1024 if m else None

    def to_json(self):
        return {
            "name": self.name, "cmd": self.cmd, "seconds": self.seconds, "median": self.median,
            "peak_mb": self.peak_mb, "status": [r.status for r in self.runs],
            "output_lines": self.runs[0].output_lines if self.runs else None, "failed": self.failed,
        }


def measure(cells, runs, max_cell_seconds, timeout):
    """Interleaved rounds: each round runs every cell that still wants runs. A cell stops after
    `runs` runs, or once its runs add up to `max_cell_seconds` and it has its `min_runs`."""
    active = list(cells)
    for round_no in range(runs):
        for cell in list(active):
            keep = [] if round_no == 0 else None
            r = run_once(cell.cmd, cwd=cell.cwd, timeout=timeout, keep_output=keep)
            if keep:
                cell.first_output = keep[0]
            cell.add(r)
            if r.status == "timeout":
                cell.failed = "timed out after %d s" % timeout
                active.remove(cell)
                log("  %-18s timeout" % cell.name)
                continue
            if r.status not in (0, 1):  # 1 = findings (every tool here); anything else is a failure
                cell.failed = "exit status %s" % r.status
                active.remove(cell)
                log("  %-18s failed: %s\n%s" % (cell.name, cell.failed, (cell.first_output or "")[-2000:]))
                continue
            log("  %-18s run %d: %.3f s, %.0f MB" % (cell.name, round_no + 1, r.seconds, r.max_rss_kb / 1024))
            if sum(cell.seconds) >= max_cell_seconds and len(cell.runs) >= cell.min_runs:
                active.remove(cell)
        if not active:
            break


# ---------------------------------------------------------------------------------------------
# Inputs


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_plan", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generator_stamp():
    with open(GENERATOR, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def plan1_path(path):
    """Where the plan@1 twin of a generated plan lives (for the Python peer)."""
    return path[:-len(".yaml")] + ".plan1.yaml"


def ensure_plan(gen, path, n, clean=False, seed=None, plan1=False):
    """Writes the plan unless the same generator already wrote it (a .stamp file beside it);
    with `plan1`, its twin in plan format 1 too."""
    if plan1:
        ensure_plan(gen, plan1_path(path), n, clean=clean, seed=seed, plan1=None)
    stamp = "%s %d %s %s %s" % (generator_stamp(), n, clean, seed, plan1 is None)
    stamp_path = path + ".stamp"
    if os.path.exists(path) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return
    log("generating %s (%d projects)" % (os.path.relpath(path, ROOT), n))
    tmp = path + ".tmp"
    (gen.write_plan1 if plan1 is None else gen.write_plan)(n, tmp, clean=clean, seed=seed)
    os.replace(tmp, path)
    with open(stamp_path, "w") as f:
        f.write(stamp)


def ensure_folder(gen, folder, files, projects):
    stamp = "%s %d %d" % (generator_stamp(), files, projects)
    stamp_path = folder + ".stamp"
    if os.path.isdir(folder) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return
    log("generating %d plans of %d projects in %s" % (files, projects, os.path.relpath(folder, ROOT)))
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(folder + ".plan1", ignore_errors=True)
    os.makedirs(folder)
    for i in range(files):
        # Every tenth plan keeps its planted findings, so the folder is not uniformly clean.
        gen.write_plan(projects, os.path.join(folder, "plan-%04d.yaml" % i), clean=(i % 10 != 0), seed=i + 1)
        os.makedirs(folder + ".plan1", exist_ok=True)
        gen.write_plan1(projects, os.path.join(folder + ".plan1", "plan-%04d.yaml" % i), clean=(i % 10 != 0), seed=i + 1)
    with open(stamp_path, "w") as f:
        f.write(stamp)


# ---------------------------------------------------------------------------------------------
# planlint's check interface (detected, because it grows while this harness is in use)


class CheckInterface:
    """How to run `planlint check` with the bundled pack and the plan schema."""

    def __init__(self, planlint, work):
        self.planlint = planlint
        help_text = subprocess.run([planlint, "check", "--help"], capture_output=True, text=True).stdout
        self.help = help_text
        self.extra = []
        self.mode = "bare"
        self.notes = []
        if "--config" in help_text:
            self.mode = "config"
            self.config = os.path.join(work, "bench.planlint.yaml")
            rules = os.path.relpath(os.path.join(ROOT, "Rules"), work)
            schema = os.path.relpath(SCHEMA, work)
            with open(self.config, "w", encoding="utf-8") as f:
                f.write("# Written by Benchmarks/bench.py: the bundled pack and the plan schema for every plan.\n")
                f.write("rules: [%s]\n" % rules)
                f.write("schemas:\n  - schema: %s\n    files: [\"*.yaml\", \"**/*.yaml\"]\n" % schema)
                f.write("exclude: [\"*.schema.yaml\"]\n")
            self.extra = ["--config", self.config]
            if "--allow-outside-root" in help_text:
                self.extra.append("--allow-outside-root")
        elif "--rules" in help_text:
            self.mode = "flags"
            self.extra = ["--rules", os.path.join(ROOT, "Rules")]
            if "--schema" in help_text:
                self.extra += ["--schema", SCHEMA]
            else:
                self.notes.append("this planlint's check takes --rules but no schema: (c) runs without the schema")
        else:
            self.notes.append("this planlint's check takes neither a config nor rules: (c) is YAML checks only")
        self.short = ["--format", "short"] if re.search(r"\bshort\b", help_text) and "--format" in help_text else []
        self.jobs_flag = "--jobs" in help_text or re.search(r"(^|\s)-j\b", help_text) is not None

    def cmd(self, *paths, jobs=None):
        c = [self.planlint, "check"] + self.extra + self.short
        if jobs is not None and self.jobs_flag:
            c += ["--jobs", str(jobs)]
        return c + list(paths)

    def verify(self, work, gen):
        """Proves (c) runs the rules and the schema: a planted tally finding and a schema finding
        (a misspelt key) must both be reported, and the look-alike mark 〇 by the rules."""
        path = os.path.join(work, "verify.yaml")
        gen.write_plan(1000, path, clean=False, seed=99)
        text = open(path, encoding="utf-8").read().replace("mark: ○", "mark: 〇", 1).replace("department:", "departmnt:", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        out = subprocess.run(self.cmd(path), capture_output=True, text=True)
        self.verify_output = out.stdout + out.stderr
        self.has_rules = re.search(r"tally|count", self.verify_output) is not None
        self.has_schema = re.search(r"schema", self.verify_output) is not None
        if not self.has_rules:
            self.notes.append("check did not report the planted tally finding: the rule pack did not run")
        if not self.has_schema:
            self.notes.append("check did not report the misspelt key departmnt: the schema did not run")
        return self.verify_output


# ---------------------------------------------------------------------------------------------
# callgrind


def callgrind(cmd, out_file, cwd=None):
    """Instruction count of one run of cmd (valgrind --tool=callgrind), None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + cmd,
                       cwd=cwd, capture_output=True, text=True)
    m = re.search(r"Collected\s*:\s*([\d,]+)", r.stderr) or re.search(r"refs:\s*([\d,]+)", r.stderr)
    return int(m.group(1).replace(",", "")) if m else None


def profile_summary(out_file, top):
    """Top functions by exclusive and inclusive instruction share, demangled."""
    if not shutil.which("callgrind_annotate") or not os.path.exists(out_file):
        return None
    text = ""
    for inclusive in ("no", "yes"):
        r = subprocess.run(["callgrind_annotate", "--inclusive=" + inclusive, "--threshold=100", "--auto=no", out_file],
                           capture_output=True, text=True)
        text += "## inclusive=%s\n%s\n" % (inclusive, r.stdout)
    demangler = shutil.which("swift-demangle") or shutil.which("swift")
    if demangler:
        args = [demangler] + (["demangle"] if os.path.basename(demangler) == "swift" else []) + ["--simplified"]
        r = subprocess.run(args, input=text, capture_output=True, text=True)
        if r.returncode == 0 and r.stdout:
            text = r.stdout
    return text


LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(.*?)(?:\s+\[([^\]]+)\])?$")
FILE_PREFIX = re.compile(r"^(?:\?\?\?|[^ :]*\.[A-Za-z]+|[^ :]*/[^ :]*):(?!:)")


def object_name(path):
    """A short name for the library a function lives in."""
    base = os.path.basename(path or "?")
    for prefix, name in (("libyaml", "libyaml"), ("libc.so", "libc"), ("ld-linux", "ld.so"),
                         ("libswiftCore", "Swift runtime"), ("libFoundation", "Foundation"),
                         ("libdispatch", "Dispatch"), ("libstdc++", "libstdc++")):
        if base.startswith(prefix):
            return name
    return base


def profile_rows(summary, inclusive):
    """(percent, function, library) rows of callgrind_annotate output, largest first."""
    if not summary:
        return []
    part = summary.split("## inclusive=yes")[1 if inclusive else 0]
    rows = []
    in_list = False
    for line in part.splitlines():
        if "file:function" in line:
            in_list = True
            continue
        if not in_list or line.startswith("-"):
            continue
        if not line.strip():
            break
        m = LINE.match(line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        func = FILE_PREFIX.sub("", m.group(3), count=1).strip()
        # callgrind_annotate leaves out the object when it is the previous line's.
        lib = object_name(m.group(4)) if m.group(4) else (rows[-1][2] if rows else "?")
        rows.append((float(m.group(2)), func, lib))
    return rows


def by_library(summary):
    """Own-instruction share per library; the functions callgrind_annotate lists (threshold 99%)."""
    totals = {}
    for pct, func, lib in profile_rows(summary, False):
        totals[lib] = totals.get(lib, 0) + pct
    return sorted(totals.items(), key=lambda kv: -kv[1])


# ---------------------------------------------------------------------------------------------
# Report


def fmt_s(x):
    if x is None:
        return "—"
    if x < 0.1:
        return "%.1f ms" % (x * 1000)
    if x < 10:
        return "%.3f s" % x
    return "%.1f s" % x


def fmt_x(x, digits=2):
    return "—" if x is None else ("%.*f×" % (digits, x))


def ratio(a, b):
    return a / b if a is not None and b else None


def mark(ok):
    return "" if ok is None else (" ✓" if ok else " ✗")


def machine_info():
    info = {}
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            info["cpu"] = m.group(1) if m else platform.processor()
    except OSError:
        info["cpu"] = platform.processor()
    info["cores"] = os.cpu_count()
    info["load"] = os.getloadavg()
    info["uptime"] = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    try:
        info["commit"] = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
        info["commit"] += " (uncommitted changes)" if dirty else ""
    except OSError:
        info["commit"] = "?"
    return info


def tool_versions(args):
    def first_line(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True)
            return (r.stdout or r.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    py = os.path.join(args.venv, "bin", "python")
    return {
        "planlint": first_line([args.planlint, "--version"]),
        "libyaml": first_line(["pkg-config", "--modversion", "yaml-0.1"]),
        "python": first_line([py, "--version"]),
        "PyYAML": first_line([py, "-c", "import yaml; print(yaml.__version__, 'libyaml' if yaml.__with_libyaml__ else 'pure')"]),
        "yamllint": first_line([os.path.join(args.venv, "bin", "yamllint"), "--version"]),
        "check-jsonschema": first_line([os.path.join(args.venv, "bin", "check-jsonschema"), "--version"]),
        "hyperfine": first_line(["hyperfine", "--version"]) if shutil.which("hyperfine") else "not installed",
    }


# ---------------------------------------------------------------------------------------------


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    env = os.environ.get
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default=env("BENCH_SIZES", "1k,10k,100k,1m"),
                   help="plan sizes in projects (default 1k,10k,100k,1m; env BENCH_SIZES)")
    p.add_argument("--runs", type=int, default=int(env("BENCH_RUNS", "5")), help="runs per measurement (median; env BENCH_RUNS)")
    p.add_argument("--max-cell-seconds", type=float, default=float(env("BENCH_MAX_CELL_SECONDS", "90")),
                   help="stop repeating one measurement once its runs add up to this (default 90)")
    p.add_argument("--timeout", type=float, default=float(env("BENCH_TIMEOUT", "3600")), help="seconds before one run is killed")
    p.add_argument("--slow-peers-max", default=env("BENCH_SLOW_PEERS_MAX", "100k"),
                   help="largest size at which yamllint and check-jsonschema run ('all' for every size; default 100k: "
                        "at 1M each takes 15 min and 10 GB or more per run)")
    p.add_argument("--small-runs", type=int, default=int(env("BENCH_SMALL_RUNS", "30")), help="runs for the Miyagi plan")
    p.add_argument("--files", type=int, default=int(env("BENCH_FILES", "1000")), help="plans in the many-files folder (0: skip)")
    p.add_argument("--file-projects", type=int, default=100, help="projects per plan in the many-files folder")
    p.add_argument("--callgrind", default=env("BENCH_CALLGRIND", "10k"), help="plan size for instruction counts and profiles ('off' to skip)")
    p.add_argument("--rule-costs", default=env("BENCH_RULE_COSTS", "2k"),
                   help="plan size for the instruction cost of each rule and of the schema alone ('off' to skip)")
    p.add_argument("--only", default="", help="comma list of sections: large,small,many,callgrind,rules,lsp (default all)")
    p.add_argument("--quick", action="store_true",
                   help="the targets table in a few minutes: sizes 10k,100k, 3 runs, yamllint and check-jsonschema at 10k "
                        "only, 200 files in the many-files folder, no 10k profile or rule costs (options given after it win)")
    p.add_argument("--static", default=env("BENCH_STATIC", "auto"),
                   help="the release binary of scripts/release to time on the Miyagi plan beside the dynamic build "
                        "('auto': the newest dist/planlint-*-linux-*; 'off')")
    p.add_argument("--lsp-bench", default=env("BENCH_LSP", "auto"),
                   help="the editor-loop script (scripts/lsp-bench --json) for target 4 ('off' to skip)")
    p.add_argument("--planlint", required=True)
    p.add_argument("--floor", required=True)
    p.add_argument("--venv", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--invocation", default="", help="the arguments scripts/bench was given (for the report)")
    argv = sys.argv[1:]
    if "--quick" in argv:
        # Quick defaults first: what the command line gives after them wins.
        quick = ["--sizes", "10k,100k", "--runs", "3", "--slow-peers-max", "10k", "--files", "200",
                 "--callgrind", "off", "--rule-costs", "off", "--small-runs", "20", "--max-cell-seconds", "30"]
        argv = quick + argv
    args = p.parse_args(argv)

    sections = set(s for s in args.only.split(",") if s) or {"large", "small", "many", "callgrind", "rules", "lsp"}
    sizes = sorted(parse_size(s) for s in args.sizes.split(",") if s)
    slow_max = float("inf") if args.slow_peers_max == "all" else parse_size(args.slow_peers_max)
    os.makedirs(args.out, exist_ok=True)
    plans_dir = os.path.join(args.out, "plans")
    os.makedirs(plans_dir, exist_ok=True)
    gen = load_generator()
    py = os.path.join(args.venv, "bin", "python")
    yamllint = os.path.join(args.venv, "bin", "yamllint")
    cjs = os.path.join(args.venv, "bin", "check-jsonschema")
    started = datetime.datetime.now()
    before = machine_info()
    log("load before: %s" % before["uptime"])

    check = CheckInterface(args.planlint, args.out)
    verify_out = check.verify(args.out, gen)
    log("check interface: %s %s" % (check.mode, " ".join(check.extra)))
    for n in check.notes:
        log("WARNING: " + n)

    results = {"sizes": [], "small": [], "many": [], "callgrind": None}
    report = []

    # --- large plans
    large = []
    if "large" in sections:
        for n in sizes:
            path = os.path.join(plans_dir, "plan-%s.yaml" % size_name(n))
            ensure_plan(gen, path, n, plan1=True)
            with open(path, "rb") as f:  # into the page cache, so no run pays for the disk
                while f.read(1 << 24):
                    pass
            size = os.path.getsize(path)
            cells = [
                Cell("floor", [args.floor, path], min_runs=min(3, args.runs)),
                Cell("tree", [args.planlint, "parse", path], min_runs=min(3, args.runs)),
                Cell("check", check.cmd(path), min_runs=min(3, args.runs)),
                Cell("pyyaml", [py, INVARIANTS, plan1_path(path)]),
            ]
            if check.jobs_flag:
                # Target 1 is on one thread; `check` above uses every core.
                cells.insert(3, Cell("check-1", check.cmd(path, jobs=1), min_runs=min(3, args.runs)))
            if n <= slow_max:
                cells += [Cell("yamllint", [yamllint, "-f", "parsable", path]),
                          Cell("check-jsonschema", [cjs, "--schemafile", SCHEMA, path])]
            log("%s projects (%.1f MB)" % (size_name(n), size / 1e6))
            measure(cells, args.runs, args.max_cell_seconds, args.timeout)
            large.append((n, size, {c.name: c for c in cells}))
            results["sizes"].append({"projects": n, "bytes": size, "cells": [c.to_json() for c in cells]})
            write_json(args.out, results)

    # --- the fixed cost of a check: peak memory and time on a plan of one project
    fixed = None
    if "large" in sections:
        path = os.path.join(plans_dir, "plan-1.yaml")
        ensure_plan(gen, path, 1, clean=True, seed=1)
        fixed = Cell("check, 1 project", check.cmd(path), min_runs=3)
        measure([fixed], max(3, args.runs), args.max_cell_seconds, args.timeout)
        results["fixed"] = fixed.to_json()

    # --- small file: the real Miyagi plan, run from the repository root with its .planlint.yaml
    small = []
    if "small" in sections:
        cmds = [
            # As issue 21 states the target: from the repository root, the human form.
            ("planlint check (repo config)", [args.planlint, "check", os.path.relpath(MIYAGI, ROOT)]),
            ("planlint check (bench config)", check.cmd(MIYAGI)),
            ("planlint parse", [args.planlint, "parse", MIYAGI]),
            ("libyaml floor", [args.floor, MIYAGI]),
        ]
        static = find_static(args.static)
        if static:
            cmds.insert(1, ("planlint check (repo config), static release binary",
                            [static, "check", os.path.relpath(MIYAGI, ROOT)]))
        cmds += [
            ("yamllint", [yamllint, "-f", "parsable", MIYAGI]),
            ("PyYAML + invariants", [py, INVARIANTS, MIYAGI_PLAN1]),
            ("check-jsonschema", [cjs, "--schemafile", SCHEMA, MIYAGI]),
        ]
        small = measure_small(cmds, args.small_runs, args.out)
        results["small"] = small
        # The same run in instructions, which the machine's load does not change.
        if shutil.which("valgrind"):
            for r in small:
                if r["name"].startswith("planlint check (repo config)"):
                    r["instructions"] = callgrind(r["cmd"], os.path.join(args.out, "callgrind.miyagi.out"), cwd=ROOT)
                    log("  %s: %s instructions" % (r["name"], r["instructions"]))
        write_json(args.out, results)

    # --- many files
    many = []
    if "many" in sections and args.files > 0:
        folder = os.path.join(args.out, "many")
        ensure_folder(gen, folder, args.files, args.file_projects)
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
        cells = [Cell("planlint check DIR", check.cmd(folder), min_runs=min(3, args.runs))]
        if check.jobs_flag:
            cells.append(Cell("planlint check -j 1 DIR", check.cmd(folder, jobs=1)))
        cells.append(Cell("yamllint DIR", [yamllint, "-f", "parsable", folder]))
        half = (len(files) + 1) // 2
        # yamllint has no parallel mode; two processes over half the files each is what a user
        # with two cores could do by hand (xargs -P 2).
        # xargs exits 123 when a yamllint exited 1 (findings): that is 1 here too.
        cells.append(Cell("yamllint, 2 processes", ["sh", "-c", "printf '%s\\n' \"$@\" | xargs -n " + str(half) + " -P 2 "
                                                    + yamllint + " -f parsable; s=$?; [ $s -eq 123 ] && s=1; exit $s", "sh"] + files))
        files1 = sorted(os.path.join(folder + ".plan1", f) for f in os.listdir(folder + ".plan1"))
        cells.append(Cell("PyYAML + invariants", [py, INVARIANTS] + files1))
        log("%d files of %d projects" % (len(files), args.file_projects))
        measure(cells, args.runs, args.max_cell_seconds, args.timeout)
        many = cells
        results["many"] = [c.to_json() for c in cells]
        write_json(args.out, results)

    # --- the editor loop (target 4): scripts/lsp-bench, which drives `planlint lsp` over pipes
    lsp = None
    if "lsp" in sections and args.lsp_bench != "off":
        script = os.path.join(ROOT, "scripts", "lsp-bench") if args.lsp_bench == "auto" else args.lsp_bench
        if os.access(script, os.X_OK):
            cmd = [script, "--json", "--runs", str(min(args.runs, 3)), "--binary", args.planlint]
            large_plan = os.path.join(plans_dir, "plan-100k.yaml")
            if os.path.exists(large_plan):
                cmd += ["--large", large_plan]
            log("editor loop: %s" % " ".join(cmd))
            r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=args.timeout)
            try:
                lsp = json.loads(r.stdout)
            except ValueError:
                lsp = {"error": "scripts/lsp-bench exited %d: %s" % (r.returncode, (r.stderr or r.stdout)[-500:])}
        else:
            lsp = {"error": "scripts/lsp-bench not found"}
        results["lsp"] = lsp
        write_json(args.out, results)

    # --- callgrind
    cg = None
    if "callgrind" in sections and args.callgrind != "off" and shutil.which("valgrind"):
        n = parse_size(args.callgrind)
        path = os.path.join(plans_dir, "plan-%s.yaml" % size_name(n))
        ensure_plan(gen, path, n)
        log("callgrind on %s projects" % size_name(n))
        cg = {"projects": n, "bytes": os.path.getsize(path)}
        for name, cmd in (("floor", [args.floor, path]), ("tree", [args.planlint, "parse", path]), ("check", check.cmd(path))):
            out_file = os.path.join(args.out, "callgrind.%s.out" % name)
            cg[name] = callgrind(cmd, out_file)
            summary = profile_summary(out_file, 25)
            cg[name + "_by_library"] = by_library(summary)
            if name != "floor":
                if summary:
                    with open(os.path.join(args.out, "profile-%s.txt" % name), "w") as f:
                        f.write(summary)
                cg[name + "_top_self"] = profile_rows(summary, False)[:20]
                cg[name + "_top_inclusive"] = profile_rows(summary, True)[:40]
            log("  %s: %s instructions" % (name, cg[name]))
        results["callgrind"] = cg
        write_json(args.out, results)

    # --- instruction cost of each rule, and of the schema, over the same plan
    costs = None
    if "rules" in sections and args.rule_costs != "off" and shutil.which("valgrind") and check.mode == "config":
        n = parse_size(args.rule_costs)
        path = os.path.join(plans_dir, "plan-%s.yaml" % size_name(n))
        ensure_plan(gen, path, n)
        log("instruction cost per rule on %s projects" % size_name(n))
        costs = rule_costs(args, path, n)
        results["rule_costs"] = costs
        write_json(args.out, results)

    after = machine_info()
    log("load after: %s" % after["uptime"])
    versions = tool_versions(args)
    text = render(args, check, verify_out, large, small, many, cg, costs, before, after, versions, started,
                  fixed=fixed, lsp=lsp)
    with open(os.path.join(args.out, "report.md"), "w", encoding="utf-8") as f:
        f.write(text)
    results.update({"before": before, "after": after, "versions": versions, "interface": check.mode, "notes": check.notes})
    write_json(args.out, results)
    print(text)


def split_rules(rules_dir, out_dir):
    """Writes each rule of the bundled pack to its own rule file; returns [(id, file)].
    Rule files list rules as `  - id: …` entries under `rules:`; each entry is copied verbatim."""
    os.makedirs(out_dir, exist_ok=True)
    found = []
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith((".yaml", ".yml")):
            continue
        lines = open(os.path.join(rules_dir, name), encoding="utf-8").read().splitlines(keepends=True)
        starts = [i for i, l in enumerate(lines) if l.startswith("  - id:")]
        for k, i in enumerate(starts):
            chunk = lines[i:starts[k + 1] if k + 1 < len(starts) else len(lines)]
            rule_id = lines[i].split(":", 1)[1].strip()
            path = os.path.join(out_dir, rule_id + ".yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write("rules:\n" + "".join(chunk))
            found.append((rule_id, path))
    return found


def rule_costs(args, plan, n):
    """callgrind instruction counts of `planlint check` on `plan` with: nothing (read, parse,
    start-up), the schema alone, each rule alone, and everything; each minus the first."""
    work = os.path.join(args.out, "rule-costs")
    shutil.rmtree(work, ignore_errors=True)
    rules = split_rules(os.path.join(ROOT, "Rules"), os.path.join(work, "rules"))

    def config(name, rule_paths, schema):
        path = os.path.join(work, name + ".planlint.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("rules: [%s]\n" % ", ".join(os.path.relpath(r, work) for r in rule_paths))
            if schema:
                f.write("schemas:\n  - schema: %s\n    files: [\"*.yaml\", \"**/*.yaml\"]\n" % os.path.relpath(SCHEMA, work))
        return path

    def count(cfg):
        return callgrind([args.planlint, "check", "--config", cfg, "--allow-outside-root", plan], "/dev/null")

    base = count(config("none", [], False))
    result = {"projects": n, "bytes": os.path.getsize(plan), "base": base, "rules": []}
    result["schema"] = (count(config("schema", [], True)) or 0) - (base or 0)
    result["all"] = (count(config("all", [os.path.join(ROOT, "Rules")], True)) or 0) - (base or 0)
    for rule_id, path in rules:
        ir = count(config("rule-" + rule_id, [path], False))
        result["rules"].append((rule_id, (ir or 0) - (base or 0)))
        log("  %-32s %s" % (rule_id, "{:,}".format(result["rules"][-1][1])))
    result["rules"].sort(key=lambda r: -r[1])
    floor = callgrind([args.floor, plan], "/dev/null")
    result["floor"] = floor
    return result


def write_json(out, results):
    with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False, default=str)


def measure_small(cmds, runs, out):
    """Wall time of each command on one small file: hyperfine when installed (warm-up runs, no
    shell), else a loop. Peak memory from one extra run."""
    rows = []
    hyperfine = shutil.which("hyperfine")
    for name, cmd in cmds:
        row = {"name": name, "cmd": cmd}
        r = run_once(cmd, cwd=ROOT)
        row["peak_mb"] = r.max_rss_kb / 1024 if r.max_rss_kb else None
        row["status"] = r.status
        row["output_lines"] = r.output_lines
        if hyperfine:
            export = os.path.join(out, "hyperfine.json")
            import shlex
            subprocess.run([hyperfine, "-N", "-i", "--warmup", "3", "--runs", str(runs), "--export-json", export,
                            "--style", "none", shlex.join(cmd)], cwd=ROOT, capture_output=True, text=True)
            try:
                data = json.load(open(export))["results"][0]
                row.update(median=data["median"], min=data["min"], mean=data["mean"], stddev=data.get("stddev"),
                           runs=len(data["times"]), via="hyperfine")
            except (OSError, KeyError, IndexError, ValueError):
                hyperfine = None
        if not hyperfine or "median" not in row:
            times = []
            for _ in range(3):
                run_once(cmd, cwd=ROOT)
            for _ in range(runs):
                times.append(run_once(cmd, cwd=ROOT).seconds)
            row.update(median=statistics.median(times), min=min(times), mean=statistics.mean(times),
                       stddev=statistics.pstdev(times), runs=len(times), via="loop")
        log("  %-30s median %s (min %s)" % (name, fmt_s(row["median"]), fmt_s(row["min"])))
        rows.append(row)
    return rows


PEERS = [("pyyaml", "PyYAML + invariants"), ("yamllint", "yamllint"), ("check-jsonschema", "check-jsonschema")]


def find_static(choice):
    """The static release binary to time beside the dynamic build, or None."""
    if choice == "off":
        return None
    if choice != "auto":
        return choice if os.access(choice, os.X_OK) else None
    dist = os.path.join(ROOT, "dist")
    found = [os.path.join(dist, f) for f in os.listdir(dist)] if os.path.isdir(dist) else []
    found = [f for f in found if re.match(r"planlint-[^/]*-linux-[^/.]*$", os.path.basename(f)) and os.access(f, os.X_OK)]
    return max(found, key=os.path.getmtime) if found else None


def targets_table(args, large, small, many, fixed, lsp, before):
    """Issue 21's targets, one row each: the figure measured in this run and ✓ or ✗ (— when this
    run did not measure it)."""
    rows = []

    def row(number, target, figure, ok):
        rows.append("| %s | %s | %s | %s |" % (number, target, figure, "—" if ok is None else ("✓" if ok else "✗")))

    mb = 1048576
    by_n = {n: (size, cells) for n, size, cells in large}
    # 1. check ÷ floor on one thread at 100k and 1M; what the second core adds.
    for n in (100000, 1000000):
        if n not in by_n:
            row("1", "check ≤ 2.5× the libyaml floor at %s, one thread" % size_name(n), "not measured (`--sizes`)", None)
            continue
        size, cells = by_n[n]
        one = cells.get("check-1") or cells["check"]
        f = cells["floor"].median
        r1, r2 = ratio(one.median, f), ratio(cells["check"].median, f)
        both = "; both cores %s (%s), the second core gives %s" % (fmt_x(r2), fmt_s(cells["check"].median),
                                                                  fmt_x(ratio(one.median, cells["check"].median))) if "check-1" in cells else ""
        row("1", "check ≤ 2.5× the libyaml floor at %s, one thread" % size_name(n),
            "%s (%s ÷ floor %s)%s" % (fmt_x(r1), fmt_s(one.median), fmt_s(f), both), r1 <= 2.5 if r1 else None)
    # 2. peak memory ÷ input.
    fixed_mb = fixed.peak_mb if fixed and fixed.peak_mb else None
    for n in (10000, 100000, 1000000):
        if n not in by_n:
            row("2", "check peak memory ≤ 4× the input%s at %s" % (" + the fixed cost" if n == 10000 else "", size_name(n)),
                "not measured (`--sizes`)", None)
            continue
        size, cells = by_n[n]
        peak = cells["check"].peak_mb
        if not peak:
            continue
        if n == 10000:
            allowed = 4 * size / mb + (fixed_mb or 0)
            row("2", "check peak memory ≤ 4× the input + the fixed cost at 10k",
                "%.0f MB for %.1f MB (allowed %.0f MB; fixed cost %s: peak of a check of a one-project plan)" % (
                    peak, size / mb, allowed, "%.0f MB" % fixed_mb if fixed_mb else "not measured"),
                peak <= allowed if fixed_mb else None)
        else:
            r = peak * mb / size
            row("2", "check peak memory ≤ 4× the input at %s" % size_name(n),
                "%s (%.0f MB for %.1f MB)" % (fmt_x(r), peak, size / mb), r <= 4)
    # 3. Miyagi.
    miyagi = [r for r in small if r["name"].startswith("planlint check (repo config)")]
    if not miyagi:
        row("3", "Miyagi plan checked from the repository root ≤ 15 ms", "not measured (`--only`)", None)
    for r in miyagi:
        static_binary = "static" in r["name"] or re.match(r"planlint-[^/]*-linux-", os.path.basename(r["cmd"][0]))
        which = "static release binary" if static_binary else "`swift build -c release`"
        ins = ", %s M instructions" % "{:,.0f}".format(r["instructions"] / 1e6) if r.get("instructions") else ""
        row("3", "Miyagi plan checked from the repository root ≤ 15 ms (%s)" % which,
            "%s median, %s min (hyperfine, %d runs%s)" % (fmt_s(r["median"]), fmt_s(r["min"]), r["runs"], ins),
            r["median"] <= 0.015)
    # 4. the editor loop.
    scen = (lsp or {}).get("scenarios") or {}
    if not scen:
        row("4", "editor loop (scripts/lsp-bench)", (lsp or {}).get("error", "not measured (`--only`)"), None)
    else:
        def ms(name):
            return scen.get(name, {}).get("median_ms")
        b = ms("burst-10")
        row("4", "a burst of 10 edits: fresh diagnostics ≤ 10 ms after the last", "—" if b is None else
            "%.1f ms median, %.1f ms p95" % (b, scen["burst-10"].get("p95_ms") or 0), None if b is None else b <= 10)
        for name in ("hover-during-check", "hover-beside-large", "codeaction-beside-large"):
            v = ms(name)
            if v is not None:
                row("4", "`%s` answered ≤ 3 ms" % name, "%.1f ms median, %.1f ms p95" % (v, scen[name].get("p95_ms") or 0), v <= 3)
        e, s1 = ms("edit-beside-large"), ms("single-edit")
        if e is not None and s1 is not None:
            row("4", "work on one document delays another ≤ 50 ms",
                "an edit beside a re-checking 100k plan: %.1f ms median against %.1f ms alone (+%.1f ms)" % (e, s1, e - s1),
                e - s1 <= 50)
        else:
            row("4", "work on one document delays another ≤ 50 ms", "not measured (no 100k plan in this run)", None)
    # 5. linear: 10× the input ≤ 11× the time and the memory, from 10k up.
    ns = sorted(n for n in by_n if n >= 10000)
    for a, b in zip(ns, ns[1:]):
        (sa, ca), (sb, cb) = by_n[a], by_n[b]
        per10 = __import__("math").log10(sb / sa)
        tg = (cb["check"].median / ca["check"].median) ** (1 / per10)
        mg = (cb["check"].peak_mb / ca["check"].peak_mb) ** (1 / per10) if ca["check"].peak_mb and cb["check"].peak_mb else None
        row("5", "linear: 10× the input ≤ 11× the time and memory, %s → %s" % (size_name(a), size_name(b)),
            "time %.1f×, memory %s per 10× of input" % (tg, "%.1f×" % mg if mg else "—"), tg <= 11 and (mg is None or mg <= 11))
    if len(ns) < 2:
        row("5", "linear: 10× the input ≤ 11× the time and memory", "not measured (one size)", None)
    # 6. faster than every peer; many files.
    slowest = None
    for n, size, cells in large:
        for key, name in PEERS:
            pc = cells.get(key)
            r = ratio(pc.median, cells["check"].median) if pc and pc.median else None
            if r is not None and (slowest is None or r < slowest[0]):
                slowest = (r, name, size_name(n))
    for r in small:
        if r["name"] in ("yamllint", "PyYAML + invariants", "check-jsonschema") and miyagi:
            x = r["median"] / miyagi[0]["median"]
            if slowest is None or x < slowest[0]:
                slowest = (x, r["name"], "Miyagi")
    if slowest:
        row("6", "faster than every peer at every size",
            "the closest: %s at %s, %.1f× slower than check" % (slowest[1], slowest[2], slowest[0]), slowest[0] > 1)
    if many:
        pc = many[0].median
        y2 = next((c.median for c in many if c.name == "yamllint, 2 processes"), None)
        y1 = next((c.median for c in many if c.name == "yamllint DIR"), None)
        r2 = ratio(y2, pc)
        row("6", "%d plans: ≥ 20× faster than yamllint, both using both cores" % args.files,
            "%s (planlint %s, yamllint in two processes %s; one yamllint process: %s)" % (
                fmt_x(r2, 1), fmt_s(pc), fmt_s(y2), fmt_x(ratio(y1, pc), 1)), r2 >= 20 if r2 else None)
    out = ["## Issue 21's targets", "",
           "Commit %s; load average %.2f %.2f %.2f at the start (2 cores: above 2, wall times are inflated)." % (
               (before["commit"],) + tuple(before["load"])), "",
           "| # | target | measured | |", "|---|---|---|---|"]
    return out + rows + [""]


def render(args, check, verify_out, large, small, many, cg, costs, before, after, versions, started, fixed=None, lsp=None):
    L = []
    w = L.append
    w("# planlint benchmark report")
    w("")
    w("Generated by `%s` on %s (commit %s), %s." % (
        ("scripts/bench " + args.invocation).strip(), started.strftime("%Y-%m-%d %H:%M"), before["commit"],
        "%d runs per measurement, medians" % args.runs))
    w("")
    w("- Machine: %s, %s cores." % (before["cpu"], before["cores"]))
    w("- Load average (1, 5, 15 min) at start: %.2f %.2f %.2f; at end: %.2f %.2f %.2f. "
      "With a load above the core count, wall times are inflated and noisy; the instruction counts "
      "below are not." % (tuple(before["load"]) + tuple(after["load"])))
    w("- Versions: " + "; ".join("%s %s" % (k, v) for k, v in versions.items()) + ".")
    w("- `planlint check` ran as: `%s` (interface: %s)." % (" ".join(
        os.path.relpath(a, ROOT) if a.startswith(ROOT) else a for a in check.cmd("PLAN.yaml")), check.mode))
    for n in check.notes:
        w("- **Warning:** " + n)
    w("")
    L.extend(targets_table(args, large, small, many, fixed, lsp, before))

    if large:
        w("## Large plans")
        w("")
        w("Wall time, median (runs in brackets when fewer than %d: a slow tool stops repeating after %.0f s)." % (
            args.runs, args.max_cell_seconds))
        w("")
        head = ["projects", "MB", "(a) libyaml floor", "(b) planlint tree", "(c) planlint check"] + [p[1] for p in PEERS]
        w("| " + " | ".join(head) + " |")
        w("|" + "---:|" * len(head))
        names = ["floor", "tree", "check"] + [p[0] for p in PEERS]
        for n, size, cells in large:
            row = [size_name(n), "%.1f" % (size / 1e6)]
            for name in names:
                c = cells.get(name)
                if c is None:
                    row.append("not run")
                elif c.failed and not c.seconds:
                    row.append(c.failed)
                else:
                    cell = fmt_s(c.median)
                    if len(c.seconds) < args.runs:
                        cell += " (%d)" % len(c.seconds)
                    row.append(cell)
            w("| " + " | ".join(row) + " |")
        w("")
        w("Ratios (targets in the header; ✓ met, ✗ missed). \"peer ÷ check\" above 1 means planlint is faster.")
        w("")
        head = ["projects", "tree ÷ floor (≤ 1.5)", "check ÷ floor (≤ 2.5 at 100k, 1M)", "check peak ÷ input (≤ 4)",
                "tree peak ÷ input"] + ["%s ÷ check (> 1)" % p[1] for p in PEERS]
        w("| " + " | ".join(head) + " |")
        w("|" + "---:|" * len(head))
        for n, size, cells in large:
            f, t, c = (cells[k].median for k in ("floor", "tree", "check"))
            tr, cr = ratio(t, f), ratio(c, f)
            cm = ratio(cells["check"].peak_mb * 1048576, size) if cells["check"].peak_mb else None
            tm = ratio(cells["tree"].peak_mb * 1048576, size) if cells["tree"].peak_mb else None
            big = n >= 100000
            row = [size_name(n), fmt_x(tr) + mark(tr <= 1.5 if tr else None),
                   fmt_x(cr) + (mark(cr <= 2.5 if cr else None) if big else ""),
                   fmt_x(cm) + (mark(cm <= 4 if cm else None) if big else ""), fmt_x(tm)]
            for key, _ in PEERS:
                pc = cells.get(key)
                r = ratio(pc.median, c) if pc else None
                row.append(fmt_x(r, 1) + mark(r > 1 if r else None) if pc else "not run")
            w("| " + " | ".join(row) + " |")
        w("")
        w("At 1k projects (≈ 200 KB) every figure is mostly process start-up; the floor ratios mean little there.")
        w("")
        w("Peak resident memory (MB):")
        w("")
        head = ["projects", "input MB", "floor", "tree", "check"] + [p[1] for p in PEERS]
        w("| " + " | ".join(head) + " |")
        w("|" + "---:|" * len(head))
        for n, size, cells in large:
            row = [size_name(n), "%.1f" % (size / 1e6)]
            for name in names:
                c = cells.get(name)
                row.append("—" if c is None or c.peak_mb is None else "%.0f" % c.peak_mb)
            w("| " + " | ".join(row) + " |")
        w("")
        # Growth
        by_n = {n: cells for n, size, cells in large}
        steps = [(a, b) for a, b in zip(sorted(by_n), sorted(by_n)[1:]) if a >= 10000]
        if steps:
            w("Growth: time ratio per step of input (target: 10× input ≤ 11× time; 1k is start-up bound and left out).")
            w("")
            head = ["step", "input ×"] + ["floor", "tree", "check"] + [p[1] for p in PEERS]
            w("| " + " | ".join(head) + " |")
            w("|" + "---:|" * len(head))
            rows = list(steps)
            lo, hi = min(n for n in by_n if n >= 10000), max(by_n)
            if len(steps) > 1:
                rows.append((lo, hi))
            for a, b in rows:
                sa, sb = (next(s for n, s, c in large if n == x) for x in (a, b))
                scale = sb / sa
                label = "%s → %s" % (size_name(a), size_name(b))
                row = [label, "%.1f" % scale]
                for name in names:
                    ca, cb = by_n[a].get(name), by_n[b].get(name)
                    if ca is None or cb is None or not ca.median or not cb.median:
                        row.append("—")
                        continue
                    g = cb.median / ca.median
                    per10 = g ** (1 / __import__("math").log10(scale)) if scale > 1 else None
                    cell = "%.1f×" % g
                    if per10 is not None and (a, b) == (lo, hi) and len(steps) > 1:
                        cell += " (%.1f× per 10×)" % per10
                    if name in ("tree", "check") and per10 is not None:
                        cell += mark(per10 <= 11)
                    row.append(cell)
                w("| " + " | ".join(row) + " |")
            w("")
        # Findings sanity
        w("Findings reported (output lines of the first run; the generator plants 3, and the one beyond "
          "rounding also breaks that year's ratio):")
        w("")
        head = ["projects", "planlint check", "PyYAML + invariants", "exit statuses (check, invariants)"]
        w("| " + " | ".join(head) + " |")
        w("|---:|---:|---:|---|")
        for n, size, cells in large:
            c, pyc = cells["check"], cells["pyyaml"]
            w("| %s | %s | %s | %s, %s |" % (size_name(n), c.runs[0].output_lines if c.runs else "—",
                                            pyc.runs[0].output_lines if pyc.runs else "—",
                                            c.runs[0].status if c.runs else "—", pyc.runs[0].status if pyc.runs else "—"))
        w("")

    if small:
        w("## Small file: the real Miyagi plan (%.0f KB)" % (os.path.getsize(MIYAGI) / 1000))
        w("")
        w("Wall time per run (%s). Target: `planlint check` under 15 ms." % (
            "hyperfine, 3 warm-up runs, no shell" if small[0].get("via") == "hyperfine" else "loop of runs"))
        w("")
        w("| command | median | min | mean ± σ | runs | peak MB | exit |")
        w("|---|---:|---:|---:|---:|---:|---:|")
        for r in small:
            target = mark(r["median"] < 0.015) if r["name"].startswith("planlint check") else ""
            w("| %s | %s%s | %s | %s ± %s | %d | %s | %s |" % (
                r["name"], fmt_s(r["median"]), target, fmt_s(r["min"]), fmt_s(r["mean"]), fmt_s(r.get("stddev") or 0),
                r["runs"], "%.0f" % r["peak_mb"] if r.get("peak_mb") else "—", r["status"]))
        pc = next((r for r in small if r["name"].startswith("planlint check")), None)
        yl = next((r for r in small if r["name"] == "yamllint"), None)
        if pc and yl:
            w("")
            w("yamllint ÷ planlint check: %.1f×." % (yl["median"] / pc["median"]))
        w("")

    if many:
        w("## Many files: %d plans of %d projects in one folder" % (args.files, args.file_projects))
        w("")
        w("| command | median | runs | peak MB | output lines |")
        w("|---|---:|---:|---:|---:|")
        for c in many:
            w("| %s | %s | %d | %s | %s |" % (c.name, fmt_s(c.median) if c.seconds else (c.failed or "—"), len(c.seconds),
                                              "%.0f" % c.peak_mb if c.peak_mb else "—",
                                              c.runs[0].output_lines if c.runs else "—"))
        pc = many[0].median
        yl = next((c.median for c in many if c.name == "yamllint DIR"), None)
        y2 = next((c.median for c in many if c.name == "yamllint, 2 processes"), None)
        if pc and yl:
            w("")
            w("yamllint ÷ planlint check: %.1f× (yamllint in two processes: %s)." % (
                yl / pc, fmt_x(ratio(y2, pc), 1)) + mark(yl > pc))
        w("")

    if cg:
        w("## Instruction counts (callgrind, %s projects, %.1f MB)" % (size_name(cg["projects"]), cg["bytes"] / 1e6))
        w("")
        w("Instructions do not depend on the machine's load, so these ratios are repeatable; they leave out "
          "cache misses and page faults, which wall time includes.")
        w("")
        w("| floor | tree | check | tree ÷ floor | check ÷ floor |")
        w("|---:|---:|---:|---:|---:|")
        w("| %s | %s | %s | %s | %s |" % tuple(
            ["{:,}".format(cg[k]) if cg.get(k) else "—" for k in ("floor", "tree", "check")]
            + [fmt_x(ratio(cg.get("tree"), cg.get("floor"))), fmt_x(ratio(cg.get("check"), cg.get("floor")))]))
        w("")
        libs = []
        for name in ("floor", "tree", "check"):
            for lib, pct in cg.get(name + "_by_library") or []:
                if pct >= 0.5 and lib not in libs:
                    libs.append(lib)
        if libs:
            w("Own instructions by library, millions (what planlint adds over the floor is the difference):")
            w("")
            w("| library | floor | tree | check |")
            w("|---|---:|---:|---:|")
            for lib in libs:
                row = [lib]
                for name in ("floor", "tree", "check"):
                    share = dict(cg.get(name + "_by_library") or []).get(lib)
                    row.append("%.1f" % (share / 100 * cg[name] / 1e6) if share and cg.get(name) else "—")
                w("| " + " | ".join(row) + " |")
            w("")
        for name in ("tree", "check"):
            rows = cg.get(name + "_top_self") or []
            if rows:
                title = "planlint parse" if name == "tree" else "planlint check"
                w("`%s`, own instructions by library: %s." % (title, ", ".join(
                    "%s %.1f%%" % (lib, pct) for lib, pct in cg[name + "_by_library"] if pct >= 0.5)))
                w("")
                w("Top functions of `%s` by own instructions (full profile: `%s`):" % (
                    title, os.path.join(os.path.relpath(args.out, ROOT), "profile-%s.txt" % name)))
                w("")
                w("| % | function | library |")
                w("|---:|---|---|")
                for pct, func, lib in rows:
                    w("| %.1f | `%s` | %s |" % (pct, func.replace("|", "\\|")[:140], lib))
                w("")

    if costs:
        w("## Instruction cost of each rule (callgrind, %s projects, %.1f MB)" % (size_name(costs["projects"]), costs["bytes"] / 1e6))
        w("")
        w("`planlint check` run with one rule (or the schema) at a time, minus a run with neither "
          "(%s instructions: start-up, reading, parsing). In units of the libyaml floor on the same file "
          "(%s instructions), so that the check ÷ floor target can be read off: the whole check may "
          "add 1.5 floors to the tree." % ("{:,}".format(costs["base"] or 0), "{:,}".format(costs["floor"] or 0)))
        w("")
        w("| what | instructions | ÷ floor | share of rules + schema |")
        w("|---|---:|---:|---:|")
        total = costs["all"] or 1
        fl = costs["floor"] or None
        rows = [("everything (pack + schema)", costs["all"]), ("schema alone", costs["schema"])] + [
            ("rule `%s`" % rid, ir) for rid, ir in costs["rules"]]
        for label, ir in rows:
            w("| %s | %s | %s | %.1f%% |" % (label, "{:,}".format(ir), fmt_x(ratio(ir, fl)), 100 * ir / total))
        w("")

    w("## Self-check of `planlint check`")
    w("")
    w("A 1k plan with the planted findings and a look-alike mark (〇 for ○) and a misspelt key must yield rule findings and a schema "
      "finding: rules %s, schema %s." % ("reported" if check.has_rules else "**missing**",
                                         "reported" if check.has_schema else "**missing**"))
    w("")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
