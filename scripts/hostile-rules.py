#!/usr/bin/env python3
"""Hostile rules and configs: each must be stopped by a limit or the cost budget and
reported with a positioned diagnostic — never a hang, a crash or a stack overflow.

Usage: scripts/hostile-rules.py [--planlint PATH] [--seconds S]

Each case writes a rule file or config into a temporary folder, runs `planlint check
--format short` on a generated plan, and requires: exit status as expected (never a signal),
the expected diagnostic code in the output, and a wall time within the bound.
The closing line is 'N passed, M failed'.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def plan(items):
    lines = ["fields:", "  - number: 1", "    name: 分野", "    items:"]
    for i in range(items):
        lines.append("      - {number: %d, title: 項目%d, projects: [{number: 1, name: '%s'}]}" % (i + 1, i + 1, "a" * 30 + "b"))
    return "\n".join(lines) + "\n"


def rule(rule_id, assert_expr, for_path="fields[*]", extra=""):
    return ("rules:\n  - id: %s\n    severity: error\n    summary: hostile\n    description: hostile\n"
            "    help: none\n    for: %s\n    assert: %s\n%s" % (rule_id, for_path, assert_expr, extra))


def cases():
    deep = "(" * 8000 + "true" + ")" * 8000  # under the length limit, far over the depth limit
    quad = "self.items.all(a, self.items.all(b, self.items.all(c, self.items.all(d, a.number > 0))))"
    strings = "size(self.items.map(a, self.items.map(b, a.title + b.title + a.title + b.title))) > 0"
    regex = "self.items.all(i, !i.projects[0].name.matches('^(a+)+$'))"
    wide = "true" + "&&true" * 2000  # a flat chain: depth through binary operators
    yield ("nested-expression-8k", {"rules.yaml": rule("deep-rule", deep)},
           plan(3), ["--rules", "rules.yaml"], 2, "expr-too-deep")
    yield ("flat-chain-2k", {"rules.yaml": rule("wide-rule", wide)}, plan(3), ["--rules", "rules.yaml"], 2, "expr-too-deep")
    yield ("n4-comprehension", {"rules.yaml": rule("quartic-rule", quad)}, plan(400), ["--rules", "rules.yaml"], 2,
           "rule-budget-exceeded")
    yield ("quadratic-strings", {"rules.yaml": rule("strings-rule", strings)}, plan(3000), ["--rules", "rules.yaml"], 2,
           "rule-budget-exceeded")
    yield ("catastrophic-regex", {"rules.yaml": rule("regex-rule", regex)}, plan(2000), ["--rules", "rules.yaml"], 0, None)
    yield ("extends-cycle", {".planlint.yaml": "extends: b.yaml\n", "b.yaml": "extends: .planlint.yaml\n"},
           plan(1), [], 2, "config/")
    chain = {".planlint.yaml": "extends: c1.yaml\n"}
    for i in range(1, 200):
        chain["c%d.yaml" % i] = "extends: c%d.yaml\n" % (i + 1)
    chain["c200.yaml"] = "paths: [plan.yaml]\n"
    yield ("extends-chain-200", chain, plan(1), [], 2, "config/")
    yield ("extends-outside-root", {".planlint.yaml": "extends: /etc/passwd\n"}, plan(1), [], 2, "config/")
    yield ("rules-outside-root", {".planlint.yaml": "rules: [../../../../etc]\n"}, plan(1), [], 2, "config/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planlint", default=os.path.join(ROOT, ".build/release/planlint"))
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args()
    if not os.path.exists(a.planlint):
        print("hostile-rules: %s not found; build it with: swift build -c release --product planlint" % a.planlint)
        return 2
    passed = failed = 0
    for name, files, plan_text, args, want_rc, want_code in cases():
        with tempfile.TemporaryDirectory(prefix="planlint-hostile-") as d:
            subprocess.run(["git", "init", "-q", d], check=True)  # the repository root for path checks
            for fname, text in files.items():
                with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
                    f.write(text)
            with open(os.path.join(d, "plan.yaml"), "w", encoding="utf-8") as f:
                f.write(plan_text)
            argv = [a.planlint, "check", "--format", "short"] + args + ["plan.yaml"]
            start = time.monotonic()
            try:
                p = subprocess.run(argv, cwd=d, capture_output=True, timeout=a.seconds * 10)
                rc, out = p.returncode, p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                rc, out = None, ""
            wall = time.monotonic() - start
            problems = []
            if rc is None:
                problems.append("hung (killed after %.0f s)" % (a.seconds * 10))
            elif rc < 0:
                problems.append("killed by signal %d" % -rc)
            elif rc != want_rc:
                problems.append("exit %d, expected %d" % (rc, want_rc))
            if wall > a.seconds:
                problems.append("took %.2f s > %.1f s" % (wall, a.seconds))
            if want_code and want_code not in out:
                problems.append("no %s diagnostic in: %s" % (want_code, out.strip()[:300]))
            first = next((l for l in out.splitlines() if l.strip()), "")[:110]
            print("%-24s exit %-4s %6.2f s  %s%s" % (name, rc, wall, first, ("  FAIL: " + "; ".join(problems)) if problems else ""))
            if problems:
                failed += 1
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
