import Diagnostics
import RuleLanguage
import SourceText
import YAMLTree

/// One way a rule's examples disagree with what the rule does.
public struct RuleTestFailure: Sendable, Hashable, CustomStringConvertible {
    /// The rule file.
    public let path: String
    /// The line in the rule file: the example line concerned, or the example's first line.
    public let line: Int
    public let ruleID: String
    /// `invalid example 2`, `valid example 1`, or `examples` for problems of the rule as a whole
    /// (in the run's language).
    public let subject: String
    public let message: String

    /// `Rules/x.yaml:42: invalid example 2 of tally-matches-marks: expected … on example line 3, got nothing`
    public var description: String {
        TesterMessage.failure(["path": path, "line": line, "subject": subject, "rule": ruleID, "message": message])
    }
}

/// The outcome of `planlint test`.
public struct RuleTestReport: Sendable {
    /// Problems loading the rule files (rendered before the results).
    public var loadDiagnostics: [Diagnostic]
    /// Every mismatch, in rule-file order.
    public var failures: [RuleTestFailure]
    /// Examples that behaved as declared.
    public var passed: Int
    /// Examples that did not, plus one per rule without valid or without invalid examples.
    public var failed: Int

    /// Whether a rule file had an error (some rules may not have been tested).
    public var hasLoadErrors: Bool { loadDiagnostics.contains { $0.severity == .error } }

    /// 2 for load errors, 1 for any failure, 0 otherwise.
    public var exitCode: Int32 { hasLoadErrors ? 2 : failed > 0 ? 1 : 0 }

    /// The rule files with an error (their broken rules were not tested).
    public var filesWithErrors: Int {
        Set(loadDiagnostics.filter { $0.severity == .error }.map { $0.location.path }).count
    }

    /// `N passed, M failed`, and how many rule files had errors when some did: `0 passed,
    /// 0 failed` alone would read as "nothing to test" when nothing could be loaded.
    public var summary: String {
        let counts = TesterMessage.counts(["passed": passed, "failed": failed])
        let broken = filesWithErrors
        guard broken > 0 else { return counts }
        let files = broken == 1 ? TesterMessage.oneFileHasErrors() : TesterMessage.filesHaveErrors(["count": broken])
        return passed + failed == 0 ? TesterMessage.nothingTested(["counts": counts, "files": files])
            : TesterMessage.brokenNotTested(["counts": counts, "files": files])
    }
}

/// Runs the examples of rules and compares what each produces with what it declares.
///
/// Each example runs **its own rule only**. An invalid example declares, with comments on its
/// lines, which diagnostics the rule must report there — `# expect: rule-id` (several ids
/// separated by commas; repeat an id for two findings on one line) — and every diagnostic the
/// rule reports must be declared. The line of a diagnostic is the line of its primary location
/// in the example, or, for a diagnostic located in the rule file (`rule-selector-matched-nothing`),
/// of its first label in the example. A valid example must produce nothing.
package enum RuleTester {
    /// Loads the rule files and folders and tests every rule.
    package static func run(paths: [String], loadOptions: RuleLoadOptions = .default, runOptions: RunOptions = .default) -> RuleTestReport {
        run(RuleLoader.load(paths: paths, options: loadOptions), runOptions: runOptions)
    }

    /// Tests every rule of a load result.
    package static func run(_ loaded: RuleLoadResult, runOptions: RunOptions = .default) -> RuleTestReport {
        var report = RuleTestReport(loadDiagnostics: loaded.diagnostics, failures: [], passed: 0, failed: 0)
        var options = runOptions
        options.explain = false
        for rule in loaded.ruleSet.rules {
            let r = test(rule, options: options)
            report.failures += r.failures
            report.passed += r.passed
            report.failed += r.failed
        }
        return report
    }

    /// Tests one rule's examples, in every language the rule is written in (the first one
    /// decides which findings are where; each other one must find the same, and every
    /// language's texts must be formed).
    package static func test(_ rule: Rule, options: RunOptions = .default) -> (passed: Int, failed: Int, failures: [RuleTestFailure]) {
        var passed = 0, failed = 0
        var failures: [RuleTestFailure] = []
        var languages = rule.languages
        for l in rule.examples.flatMap({ $0.expectedMessages.compactMap(\.language) }) where !languages.contains(l) { languages.append(l) }
        if languages.isEmpty { languages = [options.language] }
        let runners = languages.map { language in
            var o = options
            o.language = language
            return (language, RuleRunner(ruleSet: RuleSet(rules: [rule]), options: o))
        }
        let textFailures = sameNames(rule)
        if !textFailures.isEmpty {
            failed += 1
            failures += textFailures
        }
        for kind in [RuleExample.Kind.valid, .invalid] where !rule.examples.contains(where: { $0.kind == kind }) {
            failed += 1
            failures.append(RuleTestFailure(
                path: rule.source.path, line: rule.source.line, ruleID: rule.id, subject: TesterMessage.examples(),
                message: TesterMessage.noExample(["kind": kind.rawValue])))
        }
        for example in rule.examples {
            let f = ExampleRun(rule: rule, example: example, runners: runners).failures()
            if f.isEmpty { passed += 1 } else {
                failed += 1
                failures += f
            }
        }
        return (passed, failed, failures)
    }

    /// A text given per language says the same thing in each: its `{…}` parts, followed
    /// through the lets they read, reach the same nodes of the path (`as` captures) and the
    /// same label element — a translation that leaves out which row a finding is about fails.
    /// Wording may differ freely: one language may build from lets what another writes in the
    /// template, or read `root` for a unit the other does not print.
    static func sameNames(_ rule: Rule) -> [RuleTestFailure] {
        var out: [RuleTestFailure] = []
        let names = rule.activationScope.names
        var letReads: [Int: [Int]] = [:]
        for l in rule.lets { letReads[l.slot] = l.part.expression.usedSlots }
        let firstOwn = Scope.ruleVariables.count   // slots below are `self`, `root`, …
        func reached(_ slots: [Int]) -> [String] {
            var seen = Set<Int>(), pending = slots, found = Set<String>()
            while let s = pending.popLast() {
                guard seen.insert(s).inserted else { continue }
                if let reads = letReads[s] { pending += reads; continue }
                if s >= firstOwn, s < names.count { found.insert(names[s]) }
            }
            return found.sorted()
        }
        for (what, texts) in rule.localizedTemplates {
            let used = texts.entries.map { e in (e.language, reached(e.value.template.expressions.flatMap(\.usedSlots))) }
            guard let first = used.first else { continue }
            for other in used.dropFirst() where other.1 != first.1 {
                let line = texts.entries.first { $0.language == other.0 }?.value.source.span.start.line ?? rule.source.line
                func list(_ n: [String]) -> String {
                    n.isEmpty ? TesterMessage.noneOfThem() : n.map { "`\($0)`" }.joined(separator: TesterMessage.listSeparator())
                }
                out.append(RuleTestFailure(
                    path: rule.source.path, line: line, ruleID: rule.id, subject: what,
                    message: TesterMessage.textsDiffer(["other": other.0?.rawValue ?? TesterMessage.plain(), "otherNodes": list(other.1),
                                                        "first": first.0?.rawValue ?? TesterMessage.plain(), "firstNodes": list(first.1)])))
            }
        }
        return out
    }
}

/// A marker comment on an example line.
struct ExpectMarker {
    let line: Int
    let codes: [String]
}

struct ExampleRun {
    let rule: Rule
    let example: RuleExample
    /// A runner per language to test, the first deciding the findings.
    let runners: [(language: Language, runner: RuleRunner)]
    var runner: RuleRunner { runners[0].runner }

    var subject: String {
        example.kind == .valid ? TesterMessage.validExample(["number": example.number]) : TesterMessage.invalidExample(["number": example.number])
    }

    /// The line in the rule file where example line `line` (1-based) is written.
    func fileLine(_ exampleLine: Int, in file: SourceFile) -> Int {
        let text = example.yaml
        guard exampleLine >= 1, exampleLine <= file.lineCount else { return text.span.start.line }
        let start = file.lineStart(exampleLine - 1)
        return text.span(of: ByteRange(start, start)).start.line
    }

    func failure(_ message: String, exampleLine: Int?, file: SourceFile) -> RuleTestFailure {
        let line = exampleLine.map { fileLine($0, in: file) } ?? example.yaml.span.start.line
        return RuleTestFailure(path: rule.source.path, line: line, ruleID: rule.id, subject: subject, message: message)
    }

    /// `# expect: a, b` comments: a `#` at the start of a line or after a blank, then `expect:`.
    static func markers(in file: SourceFile) -> [ExpectMarker] {
        var out: [ExpectMarker] = []
        for lineIndex in 0..<file.lineCount {
            let text = file.lineText(lineIndex)
            guard let hash = commentStart(text) else { continue }
            var rest = text[text.index(after: hash)...].drop { $0 == " " || $0 == "\t" }
            guard rest.hasPrefix("expect:") else { continue }
            rest = rest.dropFirst("expect:".count)
            let codes = rest.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
            out.append(ExpectMarker(line: lineIndex + 1, codes: codes))
        }
        return out
    }

    /// Where a YAML comment starts on a line, outside quotes.
    static func commentStart(_ line: String) -> String.Index? {
        var quote: Character?
        var previous: Character = " "
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                if previous == " " || previous == "\t" || previous == ":" || previous == "[" || previous == "{" || previous == "," || previous == "-" {
                    quote = c
                }
            } else if c == "#", previous == " " || previous == "\t" || i == line.startIndex {
                return i
            }
            previous = c
            i = line.index(after: i)
        }
        return nil
    }

    func failures() -> [RuleTestFailure] {
        let file = SourceFile(path: "\(rule.source.path) (\(subject) of \(rule.id))", text: example.yaml.text)
        var out: [RuleTestFailure] = []
        let parsed = YAMLReader.parse(file)
        for p in parsed.problems {
            let line = file.location(of: p.range.start).line
            out.append(failure(TesterMessage.notValidYAML(["problem": p.message, "line": line]), exampleLine: line, file: file))
        }
        if !parsed.isComplete || !parsed.problems.isEmpty { return out }

        // What the example declares.
        var expected: [(code: String, line: Int)] = []
        let allowed: Set<String> = [rule.id, EngineCode.evaluationFailed.rawValue, EngineCode.budgetExceeded.rawValue, EngineCode.selectorMatchedNothing.rawValue]
        for m in Self.markers(in: file) {
            if m.codes.isEmpty {
                out.append(failure(TesterMessage.expectNamesNothing(["line": m.line]), exampleLine: m.line, file: file))
            }
            for code in m.codes {
                if !allowed.contains(code) {
                    let hint = Suggestion.closest(to: code, in: allowed).map { TesterMessage.didYouMean(["code": $0]) } ?? ""
                    out.append(failure(TesterMessage.expectOtherRule(["code": code, "line": m.line, "rule": rule.id, "hint": hint]),
                                       exampleLine: m.line, file: file))
                    continue
                }
                expected.append((code, m.line))
            }
        }
        if example.kind == .valid && !expected.isEmpty {
            out.append(failure(TesterMessage.validHasExpect(),
                               exampleLine: expected[0].line, file: file))
            expected = []
        }
        if example.kind == .invalid && expected.isEmpty && example.expectedMessages.isEmpty && out.isEmpty {
            out.append(failure(TesterMessage.invalidDeclaresNothing(["rule": rule.id]),
                               exampleLine: nil, file: file))
        }

        // What the rule does: an example shows the rule, whatever documents its file applies to
        // (`format:`, `when:`), so the snippet needs only what the rule reads.
        let results: [(language: Language, result: RunResult)] = runners.map { language, runner in
            var result = RunResult()
            for doc in parsed.tree.documents { result.append(runner.run(rule, on: doc)) }
            return (language, result)
        }
        let result = results[0].result
        var actual: [(code: String, line: Int, message: String)] = result.diagnostics.map { d in
            (d.code, Self.exampleLine(of: d, in: file), d.message)
        }
        // Each other language finds the same; what it reports besides (a message that cannot
        // be formed in it) is a failure of its own.
        for (language, other) in results.dropFirst() {
            var first = actual.map { ($0.code, $0.line) }
            for d in other.diagnostics {
                let line = Self.exampleLine(of: d, in: file)
                if let i = first.firstIndex(where: { $0 == (d.code, line) }) { first.remove(at: i); continue }
                out.append(failure(TesterMessage.unexpectedIn(["language": language.rawValue, "code": d.code, "where": Self.place(line), "message": d.message]),
                                   exampleLine: line > 0 ? line : nil, file: file))
            }
        }

        // Compare as multisets of (code, line).
        var missing: [(code: String, line: Int)] = []
        for e in expected {
            if let i = actual.firstIndex(where: { $0.code == e.code && $0.line == e.line }) {
                actual.remove(at: i)
            } else {
                missing.append(e)
            }
        }
        for e in missing {
            if let i = actual.firstIndex(where: { $0.code == e.code }) {
                let a = actual.remove(at: i)
                out.append(failure(TesterMessage.gotElsewhere(["code": e.code, "expected": e.line, "actual": a.line, "message": a.message]),
                                   exampleLine: e.line, file: file))
            } else {
                out.append(failure(TesterMessage.gotNothing(["code": e.code, "line": e.line]), exampleLine: e.line, file: file))
            }
        }
        for a in actual {
            out.append(failure(TesterMessage.unexpected(["code": a.code, "where": Self.place(a.line), "message": a.message]),
                               exampleLine: a.line > 0 ? a.line : nil, file: file))
        }

        // The text after the rule's fixes, when declared.
        if let want = example.expectedFix {
            if rule.fix == nil {
                out.append(RuleTestFailure(path: rule.source.path, line: want.node.span.start.line, ruleID: rule.id, subject: subject,
                                           message: TesterMessage.fixedWithoutFix()))
            } else {
                let got = fixed(file, result.diagnostics)
                if got != want.text {
                    out.append(RuleTestFailure(path: rule.source.path, line: want.node.span.start.line, ruleID: rule.id, subject: subject,
                                               message: TesterMessage.fixedDiffers(["got": got, "want": want.text])))
                }
            }
        }

        // Messages, when declared: in their language, or (plain) in any language of the rule.
        for m in example.expectedMessages {
            let runs = results.filter { m.language == nil || $0.language == m.language }
            let produced = runs.flatMap { $0.result.diagnostics.map(\.message) }
            if produced.contains(m.text) { continue }
            let got = produced.isEmpty ? TesterMessage.noMessages() : produced.map { "\"\($0)\"" }.joined(separator: ", ")
            let message = m.language.map { TesterMessage.expectedMessageIn(["language": $0.rawValue, "text": m.text, "got": got]) }
                ?? TesterMessage.expectedMessage(["text": m.text, "got": got])
            out.append(RuleTestFailure(path: rule.source.path, line: m.node.span.start.line, ruleID: rule.id, subject: subject,
                                       message: message))
        }
        return out
    }

    /// The example's text with the rule's fixes applied (safe and unsafe: the author tests
    /// them all), pass after pass as `planlint fix` applies them, at most 10.
    func fixed(_ file: SourceFile, _ diagnostics: [Diagnostic]) -> String {
        var file = file, diagnostics = diagnostics
        for _ in 0..<10 {
            let set = FixSet(diagnostics, in: file, includeUnsafe: true)
            if set.chosen.isEmpty { break }
            file = SourceFile(path: file.path, bytes: set.apply(to: file.bytes))
            let parsed = YAMLReader.parse(file)
            guard parsed.isComplete else { break }
            var result = RunResult()
            for doc in parsed.tree.documents { result.append(runner.run(rule, on: doc)) }
            diagnostics = result.diagnostics
        }
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// `on example line 3`, or that a finding is not in the example (line 0).
    static func place(_ line: Int) -> String {
        line > 0 ? TesterMessage.onExampleLine(["line": line]) : TesterMessage.notLocated()
    }

    /// The example line a diagnostic belongs to: its primary location, or its first label in
    /// the example; 0 when neither is in the example.
    static func exampleLine(of d: Diagnostic, in file: SourceFile) -> Int {
        if let s = d.span, s.file === file { return s.start.line }
        if let l = d.labels.first(where: { $0.span.file === file }) { return l.span.start.line }
        return 0
    }
}
