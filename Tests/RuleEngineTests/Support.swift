import Diagnostics
import Foundation
import RuleEngine
import SourceText
import Testing
import YAMLTree

/// The repository root (this file is Tests/RuleEngineTests/Support.swift).
let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The planlint executable the command-line tests run: `PLANLINT_BINARY` when set (the
/// sanitizer runs set it to their instrumented build), else `.build/debug/planlint`, which
/// scripts/test builds first.
var planlintBinary: URL {
    if let override = ProcessInfo.processInfo.environment["PLANLINT_BINARY"] { return URL(fileURLWithPath: override) }
    return repoRoot.appendingPathComponent(".build/debug/planlint")
}

/// Loads one rule file from text.
func load(_ rules: String, path: String = "rules.yaml") -> RuleLoadResult {
    RuleLoader.load(text: rules, path: path)
}

/// Loads rules that must load cleanly, and returns the rule set.
func ruleSet(_ rules: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> RuleSet {
    let r = load(rules)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(describe))", sourceLocation: sourceLocation)
    #expect(!r.hasErrors, sourceLocation: sourceLocation)
    return r.ruleSet
}

/// Runs rules over a YAML document given as text.
func run(_ rules: String, on yaml: String, options: RunOptions = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
    let set = ruleSet(rules, sourceLocation: sourceLocation)
    let parsed = YAMLReader.parse(yaml, path: "plan.yaml")
    #expect(parsed.problems.isEmpty, sourceLocation: sourceLocation)
    return RuleRunner(ruleSet: set, options: options).run(on: parsed.tree)
}

/// `path:line:col: code: message` — what a test compares.
func describe(_ d: Diagnostic) -> String {
    guard let s = d.span else { return "\(d.path): \(d.code): \(d.message)" }
    return "\(s.file.path):\(s.start.line):\(s.start.column): \(d.code): \(d.message)"
}

/// `path:line:col-endcol 'text'` of a span.
func place(_ s: SourceSpan) -> String {
    "\(s.file.path):\(s.start.line):\(s.start.column)-\(s.end.column) '\(s.text)'"
}

/// Reads a file of the repository.
func repoFile(_ relative: String) throws -> String {
    try String(contentsOf: repoRoot.appendingPathComponent(relative), encoding: .utf8)
}
