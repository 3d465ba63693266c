import Foundation
import Testing

/// Issue 16: floods under the real pack, suppression comments (class 8) and baselines (class
/// 10), through the command line with the repository's config in force.
@Suite struct FloodTests {
    /// A stream of documents under the real pack: each rule whose path matched nothing says so
    /// once per run (once 26 rules × 100,000 documents of warnings).
    @Test func aStreamUnderTheRealPackWarnsOncePerRule() throws {
        let box = try Sandbox.repositoryCopy()
        // Each document names its format: the pack's rule files check only documents of theirs.
        try box.write("Plans/stream.yaml", (0..<3_000).map { "---\nformat: planlint/plan@1\nname: plan \($0)\nbudgets: {}\n" }.joined())
        let r = try box.planlint("check", "--format", "short")
        #expect(r.answered, "\(r.both.prefix(3_000))")
        var perRule: [String: Int] = [:]
        for line in r.lines where line.hasSuffix("[rule-selector-matched-nothing]") {
            let rule = line.components(separatedBy: "rule `").dropFirst().first?.components(separatedBy: "`").first ?? "?"
            perRule[rule, default: 0] += 1
        }
        #expect(!perRule.isEmpty)
        #expect(perRule.values.allSatisfy { $0 == 1 }, "\(perRule)")
    }

    /// A stream of documents that each fail the plan schema, under the repository's config:
    /// one schema diagnostic per document is counted past the first 1,000, not built.
    @Test func aStreamOfInvalidDocumentsIsCappedUnderTheSchema() throws {
        let box = try Sandbox.repositoryCopy()
        try box.write("Plans/stream.yaml", String(repeating: "--- doc\n", count: 3_000))
        let r = try box.planlint("check", "--format", "short", "Plans/stream.yaml")
        #expect(r.status == 1, "\(r.both.prefix(2_000))")
        let types = r.lines.filter { $0.hasSuffix("[schema/type]") }
        #expect(types.count == 1_001, "\(types.count)")
        #expect(types.contains { $0.contains("… and 2,000 more `schema/type` diagnostics in this file") }, "\(types.suffix(2))")
    }

    /// Suppressed findings take no room under the cap, and are not counted past it (the
    /// cap used to apply before suppression comments: 600 suppressed of 1,500 left 400
    /// shown and "… and 500 more"; a file-wide comment left "… and 2,000 more" as an error).
    @Test func suppressedFindingsTakeNoRoomUnderTheCap() throws {
        let box = try Sandbox.repositoryCopy()
        func stream(_ n: Int, suppressingFirst s: Int) -> String {
            (0..<n).map { $0 < s ? "---\n1 # planlint-disable-line schema/type\n" : "---\n1\n" }.joined()
        }
        try box.write("Plans/under.yaml", stream(1_500, suppressingFirst: 600))
        let under = try box.planlint("check", "--format", "short", "Plans/under.yaml")
        let shown = under.lines.filter { $0.hasSuffix("[schema/type]") }
        #expect(shown.count == 900 && !shown.contains { $0.contains("more") }, "\(shown.count) \(shown.suffix(2))")
        #expect(!under.lines.contains { $0.hasSuffix("[unused-suppression]") }, "\(under.lines.suffix(3))")

        try box.write("Plans/over.yaml", stream(2_200, suppressingFirst: 600))
        let over = try box.planlint("check", "--format", "short", "Plans/over.yaml")
        let types = over.lines.filter { $0.hasSuffix("[schema/type]") }
        #expect(types.count == 1_001, "\(types.count)")
        #expect(types.contains { $0.contains("… and 600 more `schema/type` diagnostics in this file (the first 1,000 are shown)") }, "\(types.prefix(2))")

        try box.write("Plans/file.yaml", "# planlint-disable-file schema/type\n" + String(repeating: "---\n1\n", count: 3_000))
        let file = try box.planlint("check", "--format", "short", "Plans/file.yaml")
        #expect(file.status == 0 && !file.lines.contains { $0.contains("schema/type") }, "\(file.both.prefix(1_000))")
    }

    /// A rule stops wording its findings in a file after the first 1,000 and counts the rest;
    /// a comment that suppresses one of the counted findings is not called unused (whether it
    /// is cannot be known), while one naming a rule that fired nowhere still is.
    @Test func aCommentOnAFindingPastTheRuleCapIsNotCalledUnused() throws {
        let box = try Sandbox()
        let items = (0..<1_200).map { i in
            i == 1_100 ? "  - 1 # planlint-disable-line every-item -- reviewed\n" : "  - 1\n"
        }.joined()
        try box.write("doc.yaml", "# planlint-disable-file never-fires\nitems:\n" + items)
        try box.write("r.yaml", """
            rules:
              - id: every-item
                severity: warning
                summary: Fires on every item.
                for: items[*]
                assert: "false"
                message: m
              - id: never-fires
                severity: warning
                summary: Fires on no item.
                for: items[*]
                assert: "true"
                message: m
            """)
        let r = try box.planlint("check", "--rules", "r.yaml", "--format", "short", "doc.yaml")
        let fired = r.lines.filter { $0.hasSuffix("[every-item]") }
        #expect(fired.count == 1_001 && fired.contains { $0.contains("more") }, "\(fired.count) \(fired.suffix(2))")
        let unused = r.lines.filter { $0.hasSuffix("[unused-suppression]") }
        #expect(unused.count == 1 && unused.first?.contains("never-fires") == true, "\(unused)")
    }

    /// Repeated diagnostics of one code in one file: the first 1,000 and a summary line.
    @Test func repeatedDiagnosticsAreCappedWithASummary() throws {
        let box = try Sandbox.repositoryCopy()
        try box.write("Plans/dups.yaml", "name: x\n" + (0..<3_000).map { _ in "k: 1\n" }.joined())
        let r = try box.planlint("check", "--format", "short", "Plans/dups.yaml")
        // 3,000 entries with the key `k`: 2,999 duplicates.
        let dups = r.lines.filter { $0.hasSuffix("[duplicate-key]") }
        #expect(dups.count == 1_001, "\(dups.count)")
        #expect(dups.contains { $0.contains("… and 1,999 more `duplicate-key` diagnostics in this file") }, "\(dups.suffix(2))")
        let stats = try box.planlint("check", "--statistics", "Plans/dups.yaml")
        #expect(stats.lines.contains { $0.hasPrefix("2999 ") && $0.hasSuffix(" duplicate-key") }, "\(stats.stdout)")
    }

    /// A comment naming thousands of unknown codes: suggestions for the first 100 only, and
    /// warnings capped like any other flood.
    @Test func suppressionCommentsWithManyUnknownCodesAreBounded() throws {
        let box = try Sandbox.repositoryCopy()
        let codes = (0..<5_000).map { "budget-amount-summ\($0 % 10)x\($0)" }.joined(separator: " ")
        try box.write("Plans/p.yaml", "# planlint-disable-file \(codes) -- reason\nname: x\n")
        let r = try box.planlint("check", "--format", "json", "Plans/p.yaml")
        #expect(r.answered, "\(r.both.prefix(2_000))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let diagnostics = (json["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "unknown-suppression-code" }
        #expect(diagnostics.count == 1_001, "\(diagnostics.count)")
        let suggestions = diagnostics.filter { ($0["help"] as? String)?.contains("did you mean") == true }
        #expect(suggestions.count <= 100, "\(suggestions.count)")
    }

    /// A baseline over the hard limits is refused with `baseline/invalid` (exit 2), not read.
    @Test func oversizedBaselinesAreRefused() throws {
        let box = try Sandbox.repositoryCopy()
        // 100,001 findings are over the entry limit (a file over 16 MiB is over the size limit).
        let handle = try FileHandle(forWritingTo: box.write("big.json", ""))
        handle.write(Data("{\"tool\": \"planlint\", \"version\": 1, \"findings\": [".utf8))
        let entry = Data("{\"path\":\"p\",\"code\":\"c\",\"fingerprint\":\"f\"},".utf8)
        var chunk = Data()
        for _ in 0..<10_000 { chunk.append(entry) }
        for _ in 0..<10 { handle.write(chunk) }
        handle.write(Data("{\"path\":\"p\",\"code\":\"c\",\"fingerprint\":\"f\"}]}".utf8))
        try handle.close()
        let r = try box.planlint("check", "--baseline", "big.json", "--format", "short")
        #expect(r.status == 2, "\(r.both.prefix(2_000))")
        #expect(r.stdout.contains("[baseline/invalid]") && r.stdout.contains("over the limit"), "\(r.both.prefix(2_000))")
    }
}
