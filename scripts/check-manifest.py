#!/usr/bin/env python3
"""Checks that Package.swift tells the truth about what the modules use (scripts/test runs it).

- Every module a target imports that is built by this package (or is a product of a package
  dependency, such as ArgumentParser) is one of the target's declared dependencies: nothing is
  reached through another module's dependencies.
- Every declared dependency is imported by the target: none is unused.
- No `@_exported import`: a module's API is its own declarations.
- The command line (PlanLintCLI, planlint) and the language server (PlanLintLSP) use the lint
  frontend (PlanLintKit) and the document model (SourceText, Diagnostics, DiagnosticRendering,
  YAMLTree), never the engine's modules directly.
- Dependencies point one way: a target depends only on targets declared before it.

Reads the manifest with `swift package dump-package` (no build). Exit status 1 with one line per
problem, 0 when the manifest is true.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Products of package dependencies, by the module name sources import.
PRODUCT_MODULES = {"ArgumentParser": "ArgumentParser"}
# What the command line and the server may not import: the engine behind the frontend.
ENGINE = {"RuleEngine", "RuleLanguage", "SchemaValidation", "LinearRegex", "ExactNumbers"}
FRONTEND_CLIENTS = {"PlanLintCLI", "planlint", "PlanLintLSP"}
IMPORT = re.compile(r"^\s*(@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate)\s+)?import\s+(?:(?:struct|enum|class|func|var|protocol|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def main():
    manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout)
    targets = manifest["targets"]
    names = [t["name"] for t in targets]
    problems = []
    for position, t in enumerate(targets):
        if t["type"] == "system":
            continue
        declared = []
        for d in t.get("dependencies", []):
            kind = next(iter(d))
            declared.append(d[kind][0])
        folder = t.get("path") or os.path.join("Tests" if t["type"] == "test" else "Sources", t["name"])
        imported = {}
        for dirpath, _, files in os.walk(os.path.join(ROOT, folder)):
            if os.sep + "Fixtures" in dirpath or os.sep + "nvim" in dirpath:
                continue
            for f in files:
                if not f.endswith(".swift"):
                    continue
                path = os.path.join(dirpath, f)
                text = open(path, encoding="utf-8").read()
                rel = os.path.relpath(path, ROOT)
                if "@_exported" in text:
                    problems.append("%s: `@_exported import`: import what you use where you use it" % rel)
                for m in IMPORT.finditer(text):
                    imported.setdefault(m.group(2), rel)
        for module, where in sorted(imported.items()):
            if module == t["name"]:
                continue
            if (module in names or module in PRODUCT_MODULES) and module not in declared:
                problems.append("%s imports %s, which target %s does not declare as a dependency" % (where, module, t["name"]))
            if t["name"] in FRONTEND_CLIENTS and module in ENGINE:
                problems.append("%s imports %s: the command line and the server use PlanLintKit, not the engine" % (where, module))
        for d in declared:
            if d not in imported:
                problems.append("target %s declares %s as a dependency but imports nothing from it" % (t["name"], d))
            elif d in names and names.index(d) > position:
                problems.append("target %s depends on %s, which is declared after it (dependencies point one way)" % (t["name"], d))
    for p in problems:
        print("manifest: " + p)
    if problems:
        return 1
    print("manifest: %d targets, every import declared and every dependency used" % len(targets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
