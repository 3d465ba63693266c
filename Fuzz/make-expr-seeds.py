#!/usr/bin/env python3
"""Writes Fuzz/seeds/expr/: one expression per file, for the `expr` fuzz target.

Sources: every expression in Rules/*.yaml (when, assert, let values, at, labels' each/at,
and each {…} hole of the messages) and every expression literal in
Tests/RuleLanguageTests (the first string argument of compile/evaluate/problems/parse…
helpers and the first element of argument tuples). File names are a hash of the content,
so running this again only adds what is new.

It also prints the variable names the rules declare (lets, `as` bindings) that no macro
rebinds: FuzzTargets.exprScope declares the same list, so rule expressions compile in the
fuzzer and reach the interpreter.
Usage: python3 Fuzz/make-expr-seeds.py   (from the repository root; needs PyYAML)
"""
import glob, hashlib, os, re, sys
import yaml

out = "Fuzz/seeds/expr"
os.makedirs(out, exist_ok=True)
exprs, names = [], set()

def holes(message):
    # {expr} holes; `{{` is a literal brace.
    i, found = 0, []
    while i < len(message):
        if message.startswith("{{", i):
            i += 2
        elif message[i] == "{":
            depth, j = 1, i + 1
            while j < len(message) and depth:
                depth += {"{": 1, "}": -1}.get(message[j], 0)
                j += 1
            found.append(message[i + 1:j - 1])
            i = j
        else:
            i += 1
    return found

for path in sorted(glob.glob("Rules/*.yaml")):
    for rule in (yaml.safe_load(open(path, encoding="utf-8")) or {}).get("rules", []):
        for key in ("when", "assert", "at"):
            if isinstance(rule.get(key), str): exprs.append(rule[key])
        for k, v in (rule.get("let") or {}).items():
            names.add(k)
            if isinstance(v, str): exprs.append(v)
        names.update(re.findall(r"\bas\s+([A-Za-z_]\w*)", rule.get("for", "")))
        if isinstance(rule.get("message"), str): exprs += holes(rule["message"])
        for label in rule.get("labels") or []:
            for key in ("each", "at"):
                if isinstance(label.get(key), str): exprs.append(label[key])
            if isinstance(label.get("as"), str): names.add(label["as"])
            if isinstance(label.get("message"), str): exprs += holes(label["message"])

def unescape(s):
    """A Swift string literal's escapes, in one pass (so `\\u{D800}` stays text)."""
    def one(m):
        c = m.group(1)
        if c.startswith("u{"):
            v = int(c[2:-1], 16)
            return chr(v) if not 0xD800 <= v < 0xE000 else "\uFFFD"
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(c, c)
    return re.sub(r"\\(u\{[0-9A-Fa-f]+\}|.)", one, s)

literal = r'"((?:[^"\\\n]|\\.)*)"'
calls = re.compile(r"\b(?:compile|evaluate|evaluationError|problems|parseTree|parseProblem|explain\w*|check)\(\s*" + literal)
tuples = re.compile(r"^\s*\(\s*" + literal + r"\s*,", re.M)
raw = re.compile(r'#"(.*?)"#')
for path in sorted(glob.glob("Tests/RuleLanguageTests/*.swift")):
    text = open(path, encoding="utf-8").read()
    for m in list(calls.finditer(text)) + list(tuples.finditer(text)):
        s = unescape(m.group(1))
        exprs.append(s)
    exprs += raw.findall(text)

macro_vars = set()
for e in exprs:
    for m in re.finditer(r"\.(?:all|exists|exists_one|map|filter|count)\(\s*([A-Za-z_]\w*)\s*,(?:\s*([A-Za-z_]\w*)\s*,)?", e):
        macro_vars.update(g for g in m.groups() if g)

written = 0
for e in dict.fromkeys(x.strip() for x in exprs if x.strip()):
    name = hashlib.sha1(e.encode()).hexdigest()[:12] + ".expr"
    p = os.path.join(out, name)
    if not os.path.exists(p):
        with open(p, "w", encoding="utf-8") as f: f.write(e)
        written += 1
print(f"{written} new seeds ({len(os.listdir(out))} in {out})", file=sys.stderr)
print("names:", ", ".join(f'"{n}"' for n in sorted(names - macro_vars)))
