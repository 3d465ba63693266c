import Foundation
@testable import PlanLintKit
@testable import RuleEngine
import Guarded
import Testing

/// `CheckRun` reads and parses the files to check while the rules compile
/// (`ChecksLoader.load`'s `beside`, `CheckRun.parsedEarly`): the report must be the one the
/// files read in turn give, for files that parse, that do not, and that cannot be read.
@Suite struct EarlyParseTests {
    func sandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("Rules/a.yaml", """
            functions:
              twice(x): x * 2
            rules:
              - id: small
                severity: warning
                summary: Small counts.
                for: nodes[*]
                assert: "twice(get(self, 'count', 0)) < 6"
                message: "{get(self, 'name', '?')} counts {self.count}"
            """)
        try box.write("Rules/b.yaml", """
            rules:
              - id: named
                severity: error
                summary: Every node is named.
                for: nodes[*]
                assert: "has(self.name)"
            """)
        try box.write("Plans/plan.schema.yaml", """
            type: object
            properties:
              nodes: {type: array, items: {type: object, properties: {name: {type: string}, count: {type: integer}}}}
            """)
        try box.write(".planlint.yaml", """
            rules: [Rules]
            paths: [Plans]
            exclude: ["*.schema.yaml"]
            schemas:
              - schema: Plans/plan.schema.yaml
                files: ["Plans/*.yaml"]
            """)
        try box.write("Plans/one.yaml", "nodes:\n  - {name: a, count: 4}\n  - {count: 1}  # planlint-disable-line named -- kept\n  - {name: c, count: x}\n")
        try box.write("Plans/two.yaml", "nodes:\n  - {name: b, count: 9}\n  - [1\n")
        try box.write("Plans/three.yaml", "nodes: [{count: 2}]\n")
        return box
    }

    /// The report of `options` with the files parsed beside the loading, and with every file
    /// read in turn (a `loadChecks` of the caller's turns the early parse off).
    func bothWays(_ options: CheckOptions) -> (early: CheckReport, inTurn: CheckReport) {
        let early = CheckRun.run(options)
        let inTurn = CheckRun.run(options) { config in
            ChecksLoader.load(config, options: .init(cwd: options.cwd, allowOutsideRoot: options.allowOutsideRoot))
        }
        return (early, inTurn)
    }

    /// The diagnostics as text (two runs' source files are different objects).
    func text(_ report: CheckReport) -> [String] { report.diagnostics.map { "\($0)" } }

    @Test func theReportIsTheOneOfFilesReadInTurn() throws {
        let box = try sandbox()
        var options = CheckOptions(cwd: box.path)
        options.allowOutsideRoot = true   // the sandbox's path may go through a link
        #expect(CheckRun.parsedEarly([Linter.Input(target: LintTarget(absolutePath: box.url("Plans/one.yaml").path, displayPath: "x"))]) == [0])
        let (early, inTurn) = bothWays(options)
        #expect(text(early) == text(inTurn))
        #expect(early.checkedFiles == inTurn.checkedFiles)
        #expect(early.exitCode == inTurn.exitCode)
        // What is compared: rule findings, a schema finding, a YAML error, a suppressed finding.
        let codes = Set(early.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["small", "named"]), "\(codes)")
        #expect(early.diagnostics.contains { $0.suppression != nil })
        #expect(early.diagnostics.contains { $0.path.hasSuffix("two.yaml") && $0.severity == .error && $0.code != "small" })
        #expect(early.diagnostics.contains { $0.path.hasSuffix("one.yaml") && $0.code.hasPrefix("schema") }, "\(codes)")
    }

    @Test func filesThatCannotBeReadAreReportedAsBefore() throws {
        let box = try sandbox()
        // Over the size limit, and a file named that does not exist.
        try box.write(".planlint.yaml", """
            rules: [Rules]
            paths: [Plans]
            exclude: ["*.schema.yaml"]
            limits: {max-file-size: 40}
            """)
        var options = CheckOptions(cwd: box.path)
        options.allowOutsideRoot = true
        options.paths = ["Plans", "Plans/missing.yaml"]
        let (early, inTurn) = bothWays(options)
        #expect(text(early) == text(inTurn))
        #expect(early.exitCode == inTurn.exitCode)
        #expect(early.diagnostics.contains { $0.path.hasSuffix("one.yaml") && $0.message.contains("40") }, "\(early.diagnostics.map(\.message))")
    }

    @Test func onlyAFewSmallRegularFilesAreParsedEarly() throws {
        let box = try sandbox()
        func input(_ relative: String) -> Linter.Input {
            Linter.Input(target: LintTarget(absolutePath: box.url(relative).path, displayPath: relative))
        }
        let stdin = Linter.Input(target: LintTarget(absolutePath: nil, displayPath: "<stdin>", isStdin: true), content: [0x61])
        #expect(CheckRun.parsedEarly([stdin, input("Plans/one.yaml"), input("Plans/missing.yaml"), input("Plans")]) == [1])
        // At most `earlyFiles` files…
        let many = Array(repeating: input("Plans/three.yaml"), count: CheckRun.earlyFiles + 3)
        #expect(CheckRun.parsedEarly(many) == Array(0..<CheckRun.earlyFiles))
        // … and `earlyBytes` bytes together: the files before the one past the limit.
        try box.write("Plans/large.yaml", String(repeating: "# \n", count: CheckRun.earlyBytes / 3 + 1))
        #expect(CheckRun.parsedEarly([input("Plans/one.yaml"), input("Plans/large.yaml"), input("Plans/two.yaml")]) == [0])
        #expect(mkfifo(box.url("Plans/fifo.yaml").path, 0o600) == 0)
        #expect(CheckRun.parsedEarly([input("Plans/fifo.yaml"), input("Plans/two.yaml")]) == [1])
    }

    /// A document validated beside the loading (`SchemaChecker.validateEarly`) gets, when the
    /// lint checks it, what validating it then gives; once, and only that document.
    @Test func aDocumentValidatedEarlyGivesWhatItsCheckGives() throws {
        let box = try sandbox()
        let config = ConfigLoader.load(explicit: nil, cwd: box.path, useConfig: true, allowOutsideRoot: true).configuration
        let checks = ChecksLoader.load(config, options: .init(cwd: box.path, allowOutsideRoot: true))
        let checker = try #require(checks.checkers.compactMap { $0 as? SchemaChecker }.first)
        func document(_ relative: String, bound: Bool = true) throws -> LintDocument {
            let path = box.url(relative).path
            let input = Linter.Input(target: LintTarget(absolutePath: path, displayPath: relative))
            guard case .success(let ready) = Linter.read(input, limits: config.limits(for: path).yamlLimits, run: nil) else {
                throw CancellationError()
            }
            return LintDocument(file: ready.file, parse: ready.parse, absolutePath: path, limits: config.limits(for: path),
                                schemas: bound ? config.schemas(for: path) : [])
        }
        let one = try document("Plans/one.yaml"), again = try document("Plans/one.yaml")
        #expect(!one.schemas.isEmpty)
        let expected = checker.validate(one)
        #expect(!expected.isEmpty, "a schema finding to compare")
        checker.validateEarly(one)
        #expect(checker.early.withLock { $0.count } == 1)
        #expect("\(checker.check(again))" == "\(expected)", "another parse of the file is validated afresh")
        #expect(checker.check(one) == expected)
        #expect(checker.early.withLock { $0.isEmpty }, "given once")
        checker.validateEarly(try document("Plans/three.yaml", bound: false))
        #expect(checker.early.withLock { $0.isEmpty }, "no schema bound: left to the lint")
    }

    @Test func workBesideTheLoadingIsDoneWhenItReturns() throws {
        let box = try sandbox()
        let loaded = ConfigLoader.load(explicit: nil, cwd: box.path, useConfig: true, allowOutsideRoot: false)
        let done = Guarded(0)
        let checks = ChecksLoader.load(loaded.configuration, options: .init(cwd: box.path)) {
            Thread.sleep(forTimeInterval: 0.05)
            done.withLock { $0 += 1 }
        }
        #expect(done.withLock { $0 } == 1)
        let plain = ChecksLoader.load(loaded.configuration, options: .init(cwd: box.path))
        #expect(checks.loadDiagnostics == plain.loadDiagnostics)
        #expect(checks.ruleFiles == plain.ruleFiles)
    }
}

/// The rule files read as pieces (`RuleLoader.reading`, largest first) give what `read` gives.
@Suite struct RuleReadingTests {
    @Test func piecesInAnyOrderGiveWhatReadGives() throws {
        let box = try Sandbox()
        try box.write("Rules/a.yaml", "rules:\n  - id: x\n    summary: s\n    for: a\n    assert: 'true'\n")
        try box.write("Rules/b.yaml", String(repeating: "# padding\n", count: 50) + "rules: [\n")
        try box.write("Rules/c.yml", "rules: []\n")
        try box.write("Rules/d.yaml", "rules:\n  - id: y\n")
        let paths = [box.url("Rules").path]
        let reading = RuleLoader.reading(paths: paths)
        #expect(reading.count == 4)
        #expect(reading.order.first == 1, "the largest first")
        #expect(Set(reading.order) == Set(0..<4))
        let whole = RuleLoader.read(paths: paths)
        let inOrder = reading.finish(inOrder: reading.order.map(reading.read))
        let byIndex = reading.finish((0..<reading.count).map(reading.read))
        for pieces in [inOrder, byIndex] {
            #expect(pieces.paths == whole.paths)
            #expect(pieces.parsed.map(\.file.path) == whole.parsed.map(\.file.path))
            #expect(pieces.parsed.map(\.file.bytes) == whole.parsed.map(\.file.bytes))
            #expect(pieces.diagnostics == whole.diagnostics)
            #expect(pieces.texts.keys.sorted() == whole.texts.keys.sorted())
        }
    }
}
