import Diagnostics
import Foundation
import RuleEngine
import Testing
import YAMLTree

/// The pack's yearly count by year is written for speed (`countRunning` without a per-node
/// test of a null mark; `countMarked` is plain again: the interpreter tests `mark == null`
/// once per count, `HoistTests`). Its findings must be exactly those of the
/// plain form it replaces: the same pack with the plain forms put back runs beside it
/// over the real plans, plans mutated so that every count and tally fires, and shapes the
/// fast forms leave to the plain ones (a `nodes` that is not a list, a mark declared as
/// none, marks that are the same text composed and decomposed).
@Suite struct PackRewriteTests {
    /// (file, the fast text in Rules/, the plain text it replaced).
    static let plainForms: [(String, String, String)] = [
        ("plan-base.yaml",
         #"  countRunning(ns, mark, fy, from, to): "type(ns) == 'list' && mark == null ? ns.count(n, get(n, 'start', from) <= fy && fy <= get(n, 'end', to)) : ns.count(n, (mark == null || (has(n.mark) && string(n.mark) == mark)) && get(n, 'start', from) <= fy && fy <= get(n, 'end', to))""#,
         #"  countRunning(ns, mark, fy, from, to): "ns.count(n, (mark == null || (has(n.mark) && string(n.mark) == mark)) && get(n, 'start', from) <= fy && fy <= get(n, 'end', to))""#),
    ]

    /// The pack as it was: Rules/ copied with each fast form replaced by its plain form.
    static let plain: RuleLoadResult = {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("planlint-plain-pack-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: dir)
        try? fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let rules = repoRoot.appendingPathComponent("Rules")
        for name in (try? fm.contentsOfDirectory(atPath: rules.path)) ?? [] where name.hasSuffix(".yaml") {
            var text = (try? String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for (file, fast, plain) in plainForms where file == name { text = text.replacingOccurrences(of: fast, with: plain) }
            try? text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        defer { try? fm.removeItem(at: dir) }
        return RuleLoader.load(paths: [dir.path])
    }()

    static let fast: RuleLoadResult = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])

    static func findings(_ pack: RuleLoadResult, _ text: String, path: String) -> [String] {
        let parsed = YAMLReader.parse(text, path: path)
        let result = RuleRunner(ruleSet: pack.ruleSet).run(on: parsed.tree)
        return result.diagnostics.sorted(by: Diagnostic.ordered).map { d in
            // (Labels in the rule files are compared by message: their places move with the text.)
            "\(d.code) \(d.span.map { "\($0.start.line):\($0.start.column)" } ?? "-") \(d.message) \(d.notes) \(d.help ?? "") \(d.labels.map(\.message))"
        }
    }

    @Test func theFastFormsAreInThePackAndThePlainOnesReplaceThem() throws {
        for (file, fast, _) in Self.plainForms {
            let text = try String(contentsOf: repoRoot.appendingPathComponent("Rules/\(file)"), encoding: .utf8)
            #expect(text.contains(fast), "\(file) no longer has the fast form this test puts back: update plainForms")
        }
        #expect(Self.fast.diagnostics.isEmpty && Self.plain.diagnostics.isEmpty, "\(Self.plain.diagnostics)")
        #expect(Self.fast.ruleSet.rules.count == Self.plain.ruleSet.rules.count)
    }

    @Test func theFindingsAreThoseOfThePlainForms() throws {
        let miyagiPath = "Plans/miyagi-ict-2014-2016.yaml"
        let miyagi = try String(contentsOf: repoRoot.appendingPathComponent(miyagiPath), encoding: .utf8)
        let seiro = try String(contentsOf: repoRoot.appendingPathComponent("Plans/seiro-2021.yaml"), encoding: .utf8)
        func replacing(_ text: String, _ old: String, _ new: String, every: Int) -> String {
            var out = "", k = 0
            for part in text.components(separatedBy: old).enumerated() {
                if part.offset > 0 { k += 1; out += k % every == 0 ? new : old }
                out += part.element
            }
            return out
        }
        var inputs: [(String, String)] = [(miyagiPath, miyagi), ("Plans/seiro-2021.yaml", seiro)]
        // Marks changed (tallies and marked counts fire), a mark declared as none, marks
        // composed and decomposed, years moved (the yearly counts fire).
        inputs.append((miyagiPath, replacing(miyagi, "mark: ○", "mark: ◎", every: 7)))
        inputs.append((miyagiPath, replacing(miyagi, "mark: ○", "mark: －", every: 5)))
        inputs.append((miyagiPath, replacing(replacing(miyagi, "mark: ○", "mark: \"e\u{301}\"", every: 6), "mark: ○", "mark: \"\u{E9}\"", every: 4)))
        inputs.append((miyagiPath, replacing(miyagi, "end: 2014", "end: 2015", every: 1)))
        inputs.append((miyagiPath, replacing(miyagi, "start: 2015", "start: 2014", every: 1)))
        inputs.append((miyagiPath, miyagi.replacingOccurrences(of: "\nnodes:\n", with: "\nnodes: 不明\nnodes_was:\n")))
        inputs.append((miyagiPath, miyagi.replacingOccurrences(of: "－: {means:", with: "－: {none: true, means:")))
        var differing = 0
        for (path, text) in inputs {
            let a = Self.findings(Self.fast, text, path: path), b = Self.findings(Self.plain, text, path: path)
            #expect(a == b, "\(path): \(a.count) findings against \(b.count)")
            if a != b { differing += 1 }
        }
        // The mutations reach the rewritten rules.
        let mutated = Self.findings(Self.fast, inputs[2].1, path: miyagiPath) + Self.findings(Self.fast, inputs[5].1, path: miyagiPath)
        #expect(mutated.contains { $0.hasPrefix("table-tally ") })
        #expect(mutated.contains { $0.hasPrefix("table-level-count ") || $0.hasPrefix("stated-count ") })
        #expect(differing == 0)
    }
}
