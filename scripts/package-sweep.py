#!/usr/bin/env python3
"""The `package` access sweep (issue 19): `public` marks only the API of the library product.

Outside PlanLintKit (and CLibYAML), every `public` becomes `package`, except on the types
PlanLintKit's API exposes (KEEP: the type and its members stay public). Then it builds and
repairs until the package builds:
- a declaration outside PlanLintKit that cannot be public because it uses a package type
  becomes `package`;
- a PlanLintKit declaration that cannot be public because it uses a package type makes the
  package types named on its line public again (declaration and members), and KEEP grows.
Every change is `public` <-> `package` on a declaration's line; nothing else is edited.

Usage, from a clean worktree (everything committed):  python3 scripts/package-sweep.py
Then review `git diff` (only access keywords change), run scripts/test, commit.
Each repair round is an incremental `swift build --build-tests`.
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP = {"PlanLintKit", "CLibYAML"}
# The types PlanLintKit's API exposed when the sweep was first run (2026-12-06); the repair
# loop adds what newer API needs.
KEEP = {
    'Activation', 'Applicability', 'Baseline', 'ByteRange', 'CodeCatalogue', 'CodeRegistry', 'Codes', 'CollectionStyle',
    'ColumnUnit', 'ComparisonTrace', 'CompiledExpression', 'Configuration', 'CostMeter', 'CostPolicy', 'DecimalError', 'Diagnostic',
    'DiagnosticCode', 'Difference', 'DocsDifference', 'DocsWriteResult', 'Evaluation', 'EvaluationError', 'EvaluationOptions', 'ExactDecimal',
    'Explanation', 'ExpressionLimits', 'ExpressionTool', 'Fix', 'FunctionDefinition', 'Input', 'Label', 'LineStarts',
    'LintDocument', 'Location', 'MapValue', 'NodeKind', 'Output', 'PackDefinitions', 'Quantity', 'RenderContext',
    'ReportInput', 'Rounding', 'RoundingMode', 'Rule', 'RuleDocs', 'RuleExample', 'RuleLoadOptions', 'RuleMetadata',
    'RuleParameter', 'RuleSet', 'RuleSource', 'RuleTestFailure', 'RuleTestReport', 'RuleText', 'ScalarStyle', 'ScalarType',
    'ScalarValue', 'SchemaResource', 'Scope', 'Severity', 'SourceFile', 'SourceLocation', 'SourceSpan', 'StringMap',
    'Suppression', 'SuppressionDirective', 'SymbolTable', 'TestReport', 'TextEdit', 'UnknownKey', 'Value', 'ValueStyle',
    'ValueType', 'WriteResult', 'YAMLLimits', 'YAMLNode', 'YAMLParseResult', 'YAMLProblem', 'YAMLTree'
}
DECL = re.compile(r"^(\s*)((?:@\w+(?:\([^)]*\))?\s+)*)%s(\s+)")
TYPEDECL = re.compile(r"\b(?:struct|enum|class|protocol|actor|extension)\s+([A-Za-z_][\w.]*)")
ERROR = re.compile(r"^(/[^:]+\.swift):(\d+):(\d+): error: (.*)$", re.M)


def files():
    for p in sorted(glob.glob(os.path.join(ROOT, "Sources", "*", "**", "*.swift"), recursive=True)):
        if p.split("/Sources/")[1].split("/")[0] not in SKIP:
            yield p


def rewrite(path, names, frm, to, skip_lines=frozenset(), only_named=False):
    """Turns `frm` into `to` on the declarations of `path`: those of types not in `names`
    (or, with only_named, those of the types in `names`). The outermost enclosing type decides."""
    decl = re.compile(DECL.pattern % frm)
    lines = open(path).read().split("\n")
    stack, depth, changed = [], 0, False
    for i, line in enumerate(lines):
        code = line.split("//")[0]
        m = TYPEDECL.search(code)
        here = m.group(1).split(".")[0] if (m and "{" in code) else None
        target = (stack[0][1] if stack else None) or here
        if not target:
            mm = re.search(r"\b(?:func|var|let|typealias)\s+([A-Za-z_]\w*)", code)
            if mm:
                target = mm.group(1)
        chosen = (target in names) if only_named else (target not in names)
        if chosen and decl.match(line) and (path, i) not in skip_lines:
            lines[i] = decl.sub(lambda x: x.group(1) + x.group(2) + to + x.group(3), line, count=1)
            changed = True
        opens, closes = code.count("{"), code.count("}")
        if here and opens > closes:
            stack.append((depth, here if not stack else stack[0][1]))
        depth += opens - closes
        while stack and depth <= stack[-1][0]:
            stack.pop()
    if changed:
        open(path, "w").write("\n".join(lines))


def package_types():
    names = set()
    for p in files():
        for m in re.finditer(r"^\s*package\s+(?:final\s+)?(?:indirect\s+)?(?:struct|enum|class|protocol|typealias|actor)\s+(\w+)", open(p).read(), re.M):
            names.add(m.group(1))
    return names


def main():
    os.chdir(ROOT)
    keep = set(KEEP)
    for p in files():
        rewrite(p, keep, "public", "package")
    demoted = set()
    for round_ in range(30):
        r = subprocess.run(["swift", "build", "--build-tests"], capture_output=True, text=True)
        out = r.stdout + r.stderr
        if r.returncode == 0:
            print("build OK after %d repair rounds; kept public: %s" % (round_, sorted(keep - KEEP)))
            return 0
        errs = sorted(set(ERROR.findall(out)))
        fixed, other, more = 0, [], set()
        for path, ln, _, msg in errs:
            if "uses a package type" not in msg:
                other.append((path, ln, msg))
                continue
            lines = open(path).read().split("\n")
            line = lines[int(ln) - 1]
            if "/Sources/PlanLintKit/" in path:
                found = {w for w in re.findall(r"\b([A-Z]\w*)\b", line) if w in package_types()}
                more |= found
                if not found:
                    other.append((path, ln, msg))
                continue
            new = re.sub(r"\bpublic\b", "package", line, count=1)
            if new != line:
                lines[int(ln) - 1] = new
                open(path, "w").write("\n".join(lines))
                demoted.add((path, int(ln) - 1))
                fixed += 1
            else:
                other.append((path, ln, msg))
        if more:
            keep |= more
            for p in files():
                rewrite(p, more, "package", "public", skip_lines=demoted, only_named=True)
            fixed += len(more)
        print("round %d: %d repaired, %d other errors" % (round_, fixed, len(other)), flush=True)
        if not fixed:
            for o in other[:40]:
                print(*o)
            if not errs:
                print(out[-3000:])
            return 1
    return 1


if __name__ == "__main__":
    sys.exit(main())
