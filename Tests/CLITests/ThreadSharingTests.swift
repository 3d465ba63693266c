import Foundation
@testable import PlanLintKit
import Testing

/// A run's threads go one to a file, or — when one file of a few has twice the bytes of the
/// others together — to the rules inside each file in turn. The output does not depend on which.
@Suite struct ThreadSharingTests {
    func input(_ bytes: Int) -> Linter.Input {
        Linter.Input(target: LintTarget(absolutePath: nil, displayPath: "x.yaml"), content: Array(repeating: 0x20, count: bytes))
    }

    @Test func oneFileThatIsMostOfTheWorkGetsEveryThread() {
        func share(_ threads: Int, _ sizes: [Int]) -> [Int] {
            let s = Linter.share(threads: threads, among: sizes.map(input))
            return [s.workers, s.perFile]
        }
        #expect(share(2, [40_000, 4_000]) == [1, 2])      // the Miyagi plan beside Seiro's
        #expect(share(2, [30, 5, 10]) == [1, 2])
        #expect(share(2, [30, 10, 10]) == [2, 1])
        #expect(share(2, [10_000, 9_000]) == [2, 1])      // alike: a thread each
        #expect(share(2, [10, 10, 10]) == [2, 1])
        #expect(share(2, [100]) == [1, 2])                // one file: every thread
        #expect(share(1, [40_000, 4_000]) == [1, 1])      // one job
        #expect(share(2, [50, 1, 1, 1, 1]) == [2, 1])     // many files: shared by file
        #expect(share(4, [0, 0]) == [2, 1])
    }

    /// A large plan with many findings (one rule past its 1,000-diagnostic cap, suppressions
    /// used and unused, findings of several rules that share a walk) beside a small one.
    @Test func aLargePlanBesideASmallOneReportsTheSameWithAnyNumberOfThreads() throws {
        let box = try Sandbox()
        try box.write("Rules/nodes.yaml", """
            rules:
              - id: named
                severity: error
                summary: Every node is named.
                for: nodes[**]
                assert: "has(self.name)"
                message: "unnamed at {path}"
              - id: small
                severity: warning
                summary: Small counts.
                for: nodes[**]
                assert: "get(self, 'count', 0) < 3"
                message: "{get(self, 'name', '?')}: {self.count} at depth {depth}"
              - id: stated
                severity: info
                summary: Stated values differ from their node's count.
                for: nodes[** as n].stated?[*]
                assert: "self != get(n, 'count', -1)"
                message: "{index} states its node's count"
              - id: rows
                severity: warning
                summary: Rows are short.
                for: tables[* as t].rows[*]
                assert: "size(self) < 4"
            """)
        try box.write(".planlint.yaml", "rules: [Rules]\npaths: [Plans]\n")
        func plan(_ projects: Int) -> String {
            var text = "nodes:\n"
            for i in 0..<projects {
                if i % 50 == 0 { text += "  - name: item \(i)\n    count: \(i % 4)\n    stated: [\(i % 4), 2]\n    nodes:\n" }
                var line = "      - {"
                if i % 97 != 0 { line += "name: p\(i), " }
                line += "count: \(i % 9)"
                if i % 7 == 0 { line += ", stated: [\(i % 9), 1]" }
                line += "}"
                if i % 41 == 0 { line += "  # planlint-disable-line small -- as printed" }
                if i % 43 == 0 { line += "  # planlint-disable-line named -- nothing here" }
                text += line + "\n"
            }
            return text + "tables:\n  - rows: [[1, 2], [1, 2, 3, 4], [5]]\n"
        }
        try box.write("Plans/large.yaml", plan(2_000))
        try box.write("Plans/small.yaml", plan(60))
        let serial = try box.planlint("check", "--format", "json", "-j", "1")
        #expect(serial.status == 1, "\(serial.stderr)")
        for jobs in [[], ["-j", "2"], ["-j", "3"], ["-j", "8"]] {
            let r = try box.planlint(arguments: ["check", "--format", "json"] + jobs)
            #expect(r.stdout == serial.stdout, "\(jobs)")
        }
        // What is compared: the cap's summary, suppressed findings, unused suppressions, both files.
        let short = try box.planlint("check", "--format", "short", "-j", "1")
        #expect(short.lines.contains { $0.contains("more") && $0.contains("small") }, "\(short.lines.suffix(5))")
        #expect(short.lines.contains { $0.hasSuffix("[unused-suppression]") })
        #expect(short.lines.contains { $0.hasPrefix("Plans/small.yaml:") })
        #expect(short.lines.count > 1_000)
        let summary = try box.planlint("check", "-j", "1")
        #expect(summary.stdout.contains("suppressed"), "\(summary.stdout.suffix(200))")
    }
}
