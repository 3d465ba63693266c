#!/usr/bin/env python3
"""Hostile-input check: planlint must answer every adversarial YAML with a diagnostic or a
clean result, within a time and memory bound, and never crash.

Usage: scripts/adversarial.py [--planlint PATH] [--seconds S] [--megabytes M] [--mode both|no-config|config]
                              [NAME-SUBSTRING ...]

Generates the inputs with scripts/make-adversarial.py (about 205 MB, into a
temporary folder that is removed afterwards) and runs `planlint check --format short` on each,
twice (issue 16: the bounds must hold with the repository's config in force too):

- `no-config`: `planlint check --no-config FILE`, defaults only;
- `config`: in a copy of this repository's `.planlint.yaml`, `Plans/` and `Rules/`, the input
  placed in `Plans/` and checked with `planlint check Plans/FILE`: every rule of the real pack
  and the plan schema run on it.

It prints a table: mode, file, exit status, wall seconds, peak memory, first diagnostic code.
A run fails when planlint crashes (a signal, or a status other than 0/1 without the config and
0/1/2 with it), exceeds the bounds, or gives a different verdict than the expectations below
(with the config, the expected code must be among the codes). The closing line is
'N passed, M failed'.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Expected first diagnostic code per input (None: must be clean). Inputs not listed must
# still answer within bounds with exit 0 or 1.
EXPECT = {
    "alias-undefined.yaml": "undefined-alias",
    "billion-laughs-1e3.yaml": None,
    "billion-laughs-1e6.yaml": "alias-expansion-limit",
    "billion-laughs-1e9.yaml": "alias-expansion-limit",
    "billion-laughs-1e30.yaml": "alias-expansion-limit",
    "merge-bomb-1e3.yaml": None,
    "merge-bomb-1e6.yaml": "alias-expansion-limit",
    "merge-bomb-1e9.yaml": "alias-expansion-limit",
    "recursive-alias-map.yaml": "recursive-alias",
    "recursive-alias-seq.yaml": "recursive-alias",
    "recursive-merge.yaml": "recursive-alias",
    "recursive-merge-list.yaml": "recursive-alias",
    "nest-flow-seq-100k.yaml": "nesting-too-deep",
    "nest-flow-seq-100k-unclosed.yaml": "nesting-too-deep",
    "nest-flow-map-100k.yaml": "nesting-too-deep",
    "nest-block-seq-100k.yaml": "nesting-too-deep",
    "nest-block-map-100k.yaml": "nesting-too-deep",
    "nest-mixed-100k.yaml": "nesting-too-deep",
    "duplicate-keys.yaml": "duplicate-key",
    "duplicate-keys-100k.yaml": "duplicate-key",
    "invalid-utf8-ff-byte.yaml": "yaml-syntax",
    "invalid-utf8-after-1mb.yaml": "yaml-syntax",
    "nul-at-start.yaml": "yaml-syntax",
    "utf16le-bom.yaml": None,
    "utf16be-bom.yaml": None,
    "utf16le-bom-lone-surrogate.yaml": "encoding",
    "utf32le-bom.yaml": "encoding",
    "crlf-line-endings.yaml": None,
    "mapping-1m-keys.yaml": None,
    "scalar-plain-50mb.yaml": None,
    "scalar-literal-50mb.yaml": None,
    "empty.yaml": None,
}

TIME = "/usr/bin/time"
LINE = re.compile(r"^.*?:\d+:\d+: (?:error|warning|info): .* \[([^\]]+)\]$")


def run_measured(argv, timeout, cwd=None):
    """Runs argv under GNU time; returns (exit status or -signal, wall seconds, peak RSS MiB,
    stdout, stderr, timed out). GNU time forks a small process of its own, so the peak RSS is
    planlint's alone (a child forked from this script would report this script's memory)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen([TIME, "-f", "PLANLINT-MAXRSS-KB %M"] + argv, stdout=out, stderr=err, cwd=cwd)
        timed_out = False
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            timed_out = True
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        rss = 0.0
        rc = proc.returncode
        kept = []
        for line in stderr.splitlines():
            if line.startswith("PLANLINT-MAXRSS-KB "):
                rss = int(line.split()[1]) / 1024.0
            elif line.startswith("Command terminated by signal "):
                rc = -int(line.split()[-1])
            elif line.startswith("Command exited with non-zero status"):
                pass
            else:
                kept.append(line)
        return rc, wall, rss, out.read().decode("utf-8", "replace"), "\n".join(kept), timed_out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planlint", default=os.path.join(ROOT, ".build/release/planlint"))
    # The enforced bound is a guard against hangs and blow-ups that holds on a loaded 2-core
    # machine; unloaded, the slowest input takes about 2 s (Docs/security.md).
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--megabytes", type=int, default=512)
    ap.add_argument("--mode", choices=["both", "no-config", "config"], default="both")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    gen = os.path.join(ROOT, "scripts/make-adversarial.py")
    if not os.path.exists(gen):
        print("adversarial: %s not found" % gen)
        return 2
    if not os.path.exists(TIME):
        print("adversarial: GNU time (%s) is needed to measure memory: apt-get install time" % TIME)
        return 2
    if not os.path.exists(a.planlint):
        print("adversarial: %s not found; build it with: swift build -c release --product planlint" % a.planlint)
        return 2
    tmp = tempfile.mkdtemp(prefix="planlint-adversarial-")
    passed = failed = 0
    worst_time = worst_mem = 0.0
    try:
        inputs = os.path.join(tmp, "inputs")
        os.mkdir(inputs)
        subprocess.run([sys.executable, gen, inputs] + a.names, check=True, stdout=subprocess.DEVNULL)
        files = sorted(os.listdir(inputs))
        # A copy of the repository's config, rules and plans; inputs are moved into its Plans/
        # for the config runs (and back), so nothing is copied twice.
        repo = os.path.join(tmp, "repo")
        os.mkdir(repo)
        os.mkdir(os.path.join(repo, ".git"))
        shutil.copy(os.path.join(ROOT, ".planlint.yaml"), repo)
        for d in ("Plans", "Rules"):
            shutil.copytree(os.path.join(ROOT, d), os.path.join(repo, d))
        modes = ["no-config", "config"] if a.mode == "both" else [a.mode]
        print("%-9s %-38s %4s %7s %8s  %s" % ("mode", "input", "exit", "seconds", "MiB", "first code"))
        for mode in modes:
            for name in files:
                if mode == "no-config":
                    argv, cwd = [a.planlint, "check", "--no-config", "--format", "short", os.path.join(inputs, name)], None
                else:
                    shutil.move(os.path.join(inputs, name), os.path.join(repo, "Plans", name))
                    argv, cwd = [a.planlint, "check", "--format", "short", os.path.join("Plans", name)], repo
                try:
                    rc, wall, mem, text, err, timed_out = run_measured(argv, a.seconds * 4, cwd=cwd)
                finally:
                    if mode == "config":
                        shutil.move(os.path.join(repo, "Plans", name), os.path.join(inputs, name))
                codes = [m.group(1) for m in (LINE.match(l) for l in text.splitlines()) if m]
                first = codes[0] if codes else None
                problems = []
                if timed_out:
                    problems.append("timed out")
                allowed = (0, 1) if mode == "no-config" else (0, 1, 2)
                if rc not in allowed:
                    problems.append("exit status %s (crash or tool error): %s" % (rc, err[-300:]))
                if wall > a.seconds:
                    problems.append("took %.2f s > %.2f s" % (wall, a.seconds))
                if mem > a.megabytes:
                    problems.append("used %.0f MiB > %d MiB" % (mem, a.megabytes))
                if name in EXPECT:
                    want = EXPECT[name]
                    if mode == "no-config" and want != first:
                        problems.append("expected %s, got %s" % (want or "a clean result", first or "a clean result"))
                    if mode == "config" and want is not None and want not in codes:
                        problems.append("expected %s among %s" % (want, sorted(set(codes))[:8]))
                if rc == 1 and not codes:
                    problems.append("exit 1 without a positioned diagnostic")
                worst_time = max(worst_time, wall)
                worst_mem = max(worst_mem, mem)
                print("%-9s %-38s %4s %7.2f %8.0f  %s%s" % (mode, name, rc, wall, mem, first or "-",
                                                           ("  FAIL: " + "; ".join(problems)) if problems else ""))
                sys.stdout.flush()
                if problems:
                    failed += 1
                else:
                    passed += 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("inputs: %d, slowest %.2f s, largest %.0f MiB (bounds: %.1f s, %d MiB each)"
          % (passed + failed, worst_time, worst_mem, a.seconds, a.megabytes))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
