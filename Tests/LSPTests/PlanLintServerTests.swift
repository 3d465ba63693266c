import Diagnostics
import Foundation
import SourceText
import Testing

@testable import LSPProtocol
@testable import PlanLintLSP
import PlanLintKit

// The planlint language server driven in-process, as an editor drives it, over the real
// framing (InMemoryTransport). Each test works on its own copy of Fixtures/workspace:
//
//   .planlint.yaml       paths: [Plans], rules: [Rules], plan.schema.yaml for Plans/**
//   plan.schema.yaml     marks must be ◎ ○ △ × －; budget an integer
//   Rules/budget.yaml    budget-within-limit: a project's budget is at most 100 (warning)
//   Plans/plan.yaml      two findings, on lines with Japanese text and an emoji:
//
//   line 3:  `  - {name: 防災情報システム, mark: ○, budget: 120}`  budget-within-limit at `120`
//   line 4:  `  - {name: 観光アプリ🍣, mark: 〇, budget: 50}`      schema/enum at `〇` (fix: ○)
//   line 5:  `  - {name: 電子申請, mark: △, budget: 80}`           clean
//
// Columns (0-based), counted by hand:
//   line 3 `120`:  UTF-16 11 + 8 (防災情報システム) + 8 + 1 (○) + 10 = 38;
//                  UTF-8  11 + 24 + 8 + 3 + 10 = 56.  Its label `防災情報システム`: 11–19 / 11–35.
//   line 4 `〇`:   UTF-16 11 + 5 (観光アプリ) + 2 (🍣, a surrogate pair) + 8 = 26;
//                  UTF-8  11 + 15 + 4 + 8 = 38; one character: 1 UTF-16 unit, 3 bytes.
//   line 5 `80`:   UTF-16 11 + 4 (電子申請) + 8 + 1 (△) + 10 = 34;  UTF-8 11 + 12 + 8 + 3 + 10 = 44.

/// The columns of the fixture's interesting places in one encoding.
struct FixtureColumns: Sendable, CustomStringConvertible {
    var offered: [String]?
    var encoding: PositionEncoding
    /// `120` on line 3, and its label.
    var budget: (Int, Int)
    var budgetName: (Int, Int)
    /// `〇` on line 4.
    var mark: (Int, Int)
    /// `80` on line 5.
    var smallBudget: (Int, Int)
    var description: String { encoding.rawValue }

    static let utf16 = FixtureColumns(offered: nil, encoding: .utf16, budget: (38, 41), budgetName: (11, 19),
                                      mark: (26, 27), smallBudget: (34, 36))
    static let utf8 = FixtureColumns(offered: ["utf-8", "utf-16"], encoding: .utf8, budget: (56, 59), budgetName: (11, 35),
                                     mark: (38, 41), smallBudget: (44, 46))
}

/// A copy of Fixtures/workspace in a temporary folder.
struct Workspace {
    let root: URL

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workspace")

    init() throws {
        let base = URL(fileURLWithPath: PathUtil.realPath(NSTemporaryDirectory()) ?? "/tmp")
        root = base.appendingPathComponent("planlint-lsp-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Workspace.fixture, to: root)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    func uri(_ relative: String) -> String { FileURI.uri(fromPath: path(relative)) }
    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }
    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path(relative), atomically: true, encoding: .utf8)
    }
    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The editor's side of a connection to an in-process planlint server.
struct Editor {
    let connection: Connection
    let server: Task<Int32, Never>
    var events: AsyncStream<Connection.Event>.Iterator
    /// Server-to-client requests seen (answered with null).
    var serverRequests: [String] = []
    var registrations: [LSP.Registration] = []
    /// Publications read while waiting for another document's, oldest first.
    var pending: [String: [LSP.PublishDiagnosticsParams]] = [:]

    /// Starts a server and initializes it, offering `encodings` and, with `watch`, dynamic
    /// registration of file watchers.
    static func start(offering encodings: [String]? = nil, watch: Bool = false, hoverFormat: [String]? = nil,
                      root: URL? = nil, options: PlanLintServer.Options = .init()) async throws -> (Editor, LSP.InitializeResult) {
        let (serverSide, clientSide) = InMemoryTransport.pair()
        let server = PlanLintServer(connection: Connection(transport: serverSide), options: options)
        let task = Task { await server.run() }
        let connection = Connection(transport: clientSide)
        let editor = Editor(connection: connection, server: task, events: connection.messages.makeAsyncIterator())
        connection.start()
        let capabilities = LSP.ClientCapabilities(
            general: encodings.map { .init(positionEncodings: $0) },
            textDocument: .init(hover: .init(contentFormat: hoverFormat)),
            workspace: watch ? .init(didChangeWatchedFiles: .init(dynamicRegistration: true)) : nil)
        let result = try await connection.send(LSP.initialize, .init(
            processId: 1, rootUri: root.map { FileURI.uri(fromPath: $0.path) }, capabilities: capabilities))
        connection.send(LSP.initialized, .init())
        return (editor, result)
    }

    func open(_ uri: String, text: String, version: Int = 1) {
        connection.send(LSP.didOpen, .init(textDocument: .init(uri: uri, languageId: "yaml", version: version, text: text)))
    }

    func change(_ uri: String, version: Int, _ changes: [LSP.TextDocumentContentChangeEvent]) {
        connection.send(LSP.didChange, .init(textDocument: .init(uri: uri, version: version), contentChanges: changes))
    }

    func replace(_ uri: String, version: Int, line: Int, _ from: Int, _ to: Int, with text: String) {
        change(uri, version: version, [.init(range: .init(line: line, character: from, toLine: line, character: to), text: text)])
    }

    /// The next `publishDiagnostics` for `uri` (those for other documents are kept for
    /// later; server requests are answered).
    mutating func diagnostics(for uri: String) async throws -> LSP.PublishDiagnosticsParams {
        if var queued = pending[uri], !queued.isEmpty {
            let first = queued.removeFirst()
            pending[uri] = queued
            return first
        }
        while let event = await events.next() {
            switch event {
            case .notification(let n) where n.method == LSP.publishDiagnostics.method:
                let params = try n.params(LSP.publishDiagnostics)
                if params.uri == uri { return params }
                pending[params.uri, default: []].append(params)
            case .request(let r):
                serverRequests.append(r.method)
                if r.method == LSP.registerCapability.method {
                    registrations += try r.params(LSP.registerCapability).registrations
                }
                connection.reply(to: r, result: JSONRPC.Null())
            default:
                break
            }
        }
        throw TestFailure("the server closed the connection while the test waited for diagnostics of \(uri)")
    }

    /// The first `publishDiagnostics` for `uri` from now on that satisfies `condition`
    /// (for steps whose intermediate publications depend on timing).
    mutating func diagnostics(for uri: String, until condition: (LSP.PublishDiagnosticsParams) -> Bool) async throws
        -> LSP.PublishDiagnosticsParams {
        while true {
            let next = try await diagnostics(for: uri)
            if condition(next) { return next }
        }
    }

    /// Shuts the server down and returns its exit status.
    func shutDown() async throws -> Int32 {
        _ = try await connection.send(LSP.shutdown, JSONRPC.Null())
        connection.send(LSP.exit, JSONRPC.Null())
        return await server.value
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension LSP.Diagnostic {
    /// `[line, start, end]` of a one-line range.
    var span: [Int] { [range.start.line, range.start.character, range.end.character] }
}

extension LSP.PublishDiagnosticsParams {
    func only(_ code: String) throws -> LSP.Diagnostic {
        let found = diagnostics.filter { $0.code == code }
        guard found.count == 1 else { throw TestFailure("expected one \(code), got \(diagnostics.map { $0.code ?? "-" })") }
        return found[0]
    }
    var codes: [String] { diagnostics.compactMap(\.code) }
}

@Suite(.timeLimit(.minutes(1))) struct PlanLintServerTests {

    // MARK: Documents, positions, encodings

    @Test(arguments: [FixtureColumns.utf16, .utf8])
    func openChangeCloseWithExactPositions(columns: FixtureColumns) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, initialized) = try await Editor.start(offering: columns.offered)
        #expect(initialized.capabilities.positionEncoding == columns.encoding)
        #expect(initialized.capabilities.textDocumentSync?.change == .incremental)
        #expect(initialized.capabilities.codeActionProvider?.codeActionKinds == [.quickFix, "source.fixAll.planlint"])
        #expect(initialized.serverInfo?.name == "planlint")

        let plan = workspace.uri("Plans/plan.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        let opened = try await editor.diagnostics(for: plan)
        #expect(opened.version == 1)
        #expect(opened.codes == ["budget-within-limit", "schema/enum"])

        let budget = try opened.only("budget-within-limit")
        #expect(budget.span == [3, columns.budget.0, columns.budget.1])
        #expect(budget.severity == .warning)
        #expect(budget.source == "planlint")
        #expect(budget.codeDescription?.href == "https://example.com/planlint/rules/budget-within-limit")
        #expect(budget.message == "防災情報システム の予算 120 は上限 100 を超えています\nhelp: Lower the budget, or get the project approved separately.")
        #expect(budget.relatedInformation == [.init(
            location: .init(uri: plan, range: .init(line: 3, character: columns.budgetName.0, toLine: 3, character: columns.budgetName.1)),
            message: "この事業")])

        let mark = try opened.only("schema/enum")
        #expect(mark.span == [4, columns.mark.0, columns.mark.1])
        #expect(mark.severity == .error)
        #expect(mark.message.hasPrefix("expected one of \"◎\", \"○\", \"△\", \"×\", \"－\"; found string \"〇\"\nhelp: did you mean \"○\"?"))
        // The schema's `enum` (in another file), as related information: `          enum:` on line 19.
        #expect(mark.relatedInformation?.map(\.location) == [.init(
            uri: workspace.uri("plan.schema.yaml"), range: .init(line: 19, character: 10, toLine: 19, character: 14))])

        // Typing over `80` on a Japanese line (incremental): a new finding.
        editor.replace(plan, version: 2, line: 5, columns.smallBudget.0, columns.smallBudget.1, with: "180")
        let typed = try await editor.diagnostics(for: plan)
        #expect(typed.version == 2)
        #expect(typed.codes == ["budget-within-limit", "schema/enum", "budget-within-limit"])
        #expect(typed.diagnostics[2].span == [5, columns.smallBudget.0, columns.smallBudget.1 + 1])
        #expect(typed.diagnostics[2].message.hasPrefix("電子申請 の予算 180 は上限 100 を超えています"))

        // Two changes in one notification, applied in order: fix the mark, then add a
        // Japanese comment line above the projects; every finding moves down a line.
        editor.change(plan, version: 3, [
            .init(range: .init(line: 4, character: columns.mark.0, toLine: 4, character: columns.mark.1), text: "○"),
            .init(range: .init(line: 2, character: 0, toLine: 2, character: 0), text: "# 追記🍣です\n"),
        ])
        let moved = try await editor.diagnostics(for: plan)
        #expect(moved.version == 3)
        #expect(moved.diagnostics.map(\.span) == [
            [4, columns.budget.0, columns.budget.1], [6, columns.smallBudget.0, columns.smallBudget.1 + 1],
        ])

        // A full-text change (full sync) back to the file on disk.
        editor.change(plan, version: 4, [.init(text: try workspace.read("Plans/plan.yaml"))])
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit", "schema/enum"])

        editor.connection.send(LSP.didClose, .init(textDocument: .init(uri: plan)))
        let closed = try await editor.diagnostics(for: plan)
        #expect(closed.diagnostics.isEmpty)
        #expect(try await editor.shutDown() == 0)
    }

    @Test func aDocumentOutsideAnyProjectGetsPlanlintsDefaults() async throws {
        let folder = URL(fileURLWithPath: PathUtil.realPath(NSTemporaryDirectory()) ?? "/tmp")
            .appendingPathComponent("planlint-lsp-loose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var (editor, _) = try await Editor.start(root: folder)
        let uri = FileURI.uri(fromPath: folder.appendingPathComponent("計画 1.yaml").path)
        // Line 1: `  - {name: 壊れた計画, budget: 1]` — the `]` at UTF-16 27 (11 + 5 + 11).
        editor.open(uri, text: "projects:\n  - {name: 壊れた計画, budget: 1]\n")
        let broken = try await editor.diagnostics(for: uri)
        #expect(broken.codes == ["yaml-syntax"])
        #expect(broken.diagnostics.first?.span == [1, 27, 28])
        #expect(broken.diagnostics.first?.message.hasPrefix("did not find expected ',' or '}'") == true)
        // Untitled (not a file) documents are checked too.
        editor.open("untitled:Untitled-1", text: "a: 1\na: 2\n")
        #expect(try await editor.diagnostics(for: "untitled:Untitled-1").codes == ["duplicate-key"])
        #expect(try await editor.shutDown() == 0)
    }

    // MARK: Rule files

    @Test func editingARuleFileInTheEditorChangesTheFindingsOfOpenPlans() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let plan = workspace.uri("Plans/plan.yaml"), rules = workspace.uri("Rules/budget.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit", "schema/enum"])
        let ruleText = try workspace.read("Rules/budget.yaml")
        editor.open(rules, text: ruleText)
        #expect(try await editor.diagnostics(for: rules).diagnostics.isEmpty)

        // `assert: self.budget <= 100` is line 9; raise the limit to 150 without saving.
        let line = ruleText.split(separator: "\n", omittingEmptySubsequences: false)[9]
        #expect(line == "    assert: self.budget <= 100")
        editor.replace(rules, version: 2, line: 9, 27, 30, with: "150")
        #expect(try await editor.diagnostics(for: plan).codes == ["schema/enum"])
        #expect(try await editor.diagnostics(for: rules).diagnostics.isEmpty)

        // Break the rule: its file shows the expression error exactly; the plan says its
        // rules did not all load, and points there; the server carries on.
        editor.replace(rules, version: 3, line: 9, 26, 26, with: ">")   // `<=> 150`
        let brokenRule = try await editor.diagnostics(for: rules)
        #expect(brokenRule.codes == ["rule-file/expr-syntax"])
        #expect(brokenRule.diagnostics.first?.span == [9, 26, 27])
        #expect(brokenRule.diagnostics.first?.message.hasPrefix("unexpected `>`, expected an expression") == true)
        let planNow = try await editor.diagnostics(for: plan)
        #expect(planNow.codes == ["rule-file/expr-syntax", "schema/enum"])
        let summary = try planNow.only("rule-file/expr-syntax")
        #expect(summary.span == [0, 0, 0])
        #expect(summary.severity == .error)
        #expect(summary.message.contains("Rules/budget.yaml has an error, so checks from it are missing: unexpected `>`"))
        #expect(summary.relatedInformation?.map(\.location) == [.init(uri: rules, range: .init(line: 9, character: 26, toLine: 9, character: 27))])

        // Fixed again (back to 100): the finding is back, the summary gone.
        editor.replace(rules, version: 4, line: 9, 26, 31, with: " 100")
        #expect(try await editor.diagnostics(for: rules).diagnostics.isEmpty)
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit", "schema/enum"])

        // Closing the edited rule file: the file on disk applies again.
        editor.replace(rules, version: 5, line: 9, 27, 30, with: "999")
        #expect(try await editor.diagnostics(for: plan).codes == ["schema/enum"])
        #expect(try await editor.diagnostics(for: rules).version == 5)
        editor.connection.send(LSP.didClose, .init(textDocument: .init(uri: rules)))
        #expect(try await editor.diagnostics(for: rules).diagnostics.isEmpty)
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit", "schema/enum"])
        #expect(try await editor.shutDown() == 0)
    }

    @Test func aRuleFileWrittenOnDiskAppliesWhenTheClientReportsTheChange() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start(watch: true)
        let plan = workspace.uri("Plans/plan.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit", "schema/enum"])

        let rule = try workspace.read("Rules/budget.yaml")
        try workspace.write("Rules/budget.yaml", rule.replacingOccurrences(of: "self.budget <= 100", with: "self.budget <= 150"))
        editor.connection.send(LSP.didChangeWatchedFiles, .init(changes: [.init(uri: workspace.uri("Rules/budget.yaml"), type: .changed)]))
        #expect(try await editor.diagnostics(for: plan).codes == ["schema/enum"])
        // The server asked (once, right after `initialized`) to watch configs, rule files and schemas.
        #expect(editor.serverRequests == [LSP.registerCapability.method])
        let watchers = try editor.registrations.first?.registerOptions?.decode(LSP.DidChangeWatchedFilesRegistrationOptions.self)
        #expect(editor.registrations.first?.method == LSP.didChangeWatchedFiles.method)
        #expect(watchers?.watchers.map(\.globPattern).contains("**/.planlint.yaml") == true)
        #expect(watchers?.watchers.map(\.globPattern).contains("**/*.yaml") == true)

        // A new rule file in the rules folder is picked up too.
        try workspace.write("Rules/names.yaml", """
            rules:
              - id: name-not-empty-or-short
                severity: info
                summary: Project names have at least five characters.
                for: projects[*]
                assert: size(self.name) >= 5
                at: self.name
                message: "事業名「{self.name}」は短すぎます"
            """)
        editor.connection.send(LSP.didChangeWatchedFiles, .init(changes: [.init(uri: workspace.uri("Rules/names.yaml"), type: .created)]))
        let withNames = try await editor.diagnostics(for: plan)
        #expect(withNames.codes == ["schema/enum", "name-not-empty-or-short"])
        // Line 5: `  - {name: 電子申請, …}`: the name at UTF-16 11–15.
        #expect(try withNames.only("name-not-empty-or-short").span == [5, 11, 15])
        #expect(try withNames.only("name-not-empty-or-short").severity == .information)
        #expect(try await editor.shutDown() == 0)
    }

    @Test func editsOnDiskAreNoticedAtTheNextCheckWithoutWatchers() async throws {
        // Clients that cannot watch files (Neovim 0.7) send nothing when a rule file or a
        // schema changes on disk; the next check of a plan compares file stamps.
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let plan = workspace.uri("Plans/plan.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit", "schema/enum"])
        let rule = try workspace.read("Rules/budget.yaml")
        try workspace.write("Rules/budget.yaml", rule.replacingOccurrences(of: "self.budget <= 100", with: "self.budget <= 150"))
        let schema = try workspace.read("plan.schema.yaml")
        try workspace.write("plan.schema.yaml", schema.replacingOccurrences(of: "enum: [◎, ○, △, ×, －]", with: "enum: [◎, ○, 〇, △, ×, －]"))
        // Typing a comment at the end of the plan.
        editor.replace(plan, version: 2, line: 6, 0, 0, with: "# 確認済み\n")
        let after = try await editor.diagnostics(for: plan)
        #expect(after.version == 2)
        #expect(after.diagnostics.isEmpty, "\(after.codes)")
        #expect(try await editor.shutDown() == 0)
    }

    // MARK: Configuration and schemas

    @Test func configEditsApplyWhenSavedAndABrokenConfigStopsChecking() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let plan = workspace.uri("Plans/plan.yaml"), config = workspace.uri(".planlint.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit", "schema/enum"])
        let original = try workspace.read(".planlint.yaml")
        editor.open(config, text: original)
        #expect(try await editor.diagnostics(for: config).diagnostics.isEmpty)

        // Unsaved: only the YAML is checked, plans keep the saved configuration.
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let turnedOff = original + "severity: {budget-within-limit: off}\n"
        editor.change(config, version: 2, [.init(range: .init(line: lines, character: 0, toLine: lines, character: 0),
                                                 text: "severity: {budget-within-limit: off}\n")])
        #expect(try await editor.diagnostics(for: config).diagnostics.isEmpty)
        // Saved: it applies to the open plan.
        try workspace.write(".planlint.yaml", turnedOff)
        editor.connection.send(LSP.didSave, .init(textDocument: .init(uri: config)))
        #expect(try await editor.diagnostics(for: plan).codes == ["schema/enum"])
        #expect(try await editor.diagnostics(for: config).diagnostics.isEmpty)

        // A misspelt key, saved: the config shows it; the plan is not checked (as
        // `planlint check`), and says why at its top.
        let misspelt = turnedOff.replacingOccurrences(of: "rules: [Rules]", with: "rulez: [Rules]")
        editor.change(config, version: 3, [.init(text: misspelt)])
        try workspace.write(".planlint.yaml", misspelt)
        editor.connection.send(LSP.didSave, .init(textDocument: .init(uri: config)))
        // (The check of the changed text may run before or after the file is written.)
        let configDiagnostics = try await editor.diagnostics(for: config) { !$0.diagnostics.isEmpty }
        let unknown = try configDiagnostics.only("config/unknown-key")
        // `rulez: [Rules]` is line 3.
        #expect(unknown.span == [3, 0, 5])
        #expect(unknown.message.contains("help: did you mean `rules`?"))
        let blocked = try await editor.diagnostics(for: plan)
        #expect(blocked.codes == ["config/unknown-key"])
        #expect(blocked.diagnostics.first?.message.contains("has an error, so this file is not checked until it is fixed: `rulez` is not a config key") == true)
        #expect(blocked.diagnostics.first?.relatedInformation?.first?.location.uri == config)
        #expect(try await editor.shutDown() == 0)
    }

    @Test func aSchemaOpenInTheEditorGetsItsOwnDiagnostics() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let schema = workspace.uri("plan.schema.yaml")
        let text = try workspace.read("plan.schema.yaml")
        editor.open(schema, text: text)
        #expect(try await editor.diagnostics(for: schema).diagnostics.isEmpty)
        // `          enum: [◎, ○, △, ×, －]` (line 19) becomes a number: a schema error there.
        editor.change(schema, version: 2, [.init(text: text.replacingOccurrences(of: "enum: [◎, ○, △, ×, －]", with: "enum: 5"))])
        let broken = try await editor.diagnostics(for: schema)
        #expect(broken.diagnostics.count >= 1)
        #expect(broken.diagnostics.allSatisfy { $0.code?.hasPrefix("schema/") == true })
        #expect(broken.diagnostics.first?.range.start.line == 19)
        #expect(try await editor.shutDown() == 0)
    }

    // MARK: Code actions

    @Test(arguments: [FixtureColumns.utf16, .utf8])
    func aFindingsFixIsAQuickFix(columns: FixtureColumns) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start(offering: columns.offered)
        let plan = workspace.uri("Plans/plan.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        let opened = try await editor.diagnostics(for: plan)
        let mark = try opened.only("schema/enum")
        let markRange = LSP.Range(line: 4, character: columns.mark.0, toLine: 4, character: columns.mark.1)

        let actions = try #require(try await editor.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: plan), range: mark.range, context: .init(diagnostics: [mark]))))
        // The finding's fix (safe: preferred), then "fix all" for the document.
        #expect(actions.first == LSP.CodeAction(
            title: "replace with \"○\"", kind: .quickFix, diagnostics: [mark], isPreferred: true,
            edit: .init(changes: [plan: [.init(range: markRange, newText: "○")]])))
        #expect(actions.dropFirst().map(\.kind) == ["source.fixAll.planlint"])

        // Without `data` and with a changed range (as Neovim 0.7 sends it back): matched by
        // code, message and line.
        var sentBack = mark
        sentBack.data = nil
        sentBack.range = .init(line: 4, character: 38, toLine: 4, character: 41)
        let again = try await editor.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: plan), range: sentBack.range, context: .init(diagnostics: [sentBack])))
        #expect(again?.first?.edit == actions.first?.edit)
        // No diagnostics in the context: the findings under the cursor.
        let atCursor = try await editor.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: plan), range: .init(start: markRange.start, end: markRange.start), context: .init(diagnostics: [])))
        // ... and "fix all", which a client asking for any kind gets beside them.
        #expect(atCursor?.map(\.title) == ["replace with \"○\"", "Fix all planlint findings with safe fixes (1)"])
        // Fix on save asks for source.fixAll: the same edit, as one action for the document.
        let fixAll = try await editor.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: plan), range: .init(line: 0, character: 0, toLine: 0, character: 0),
            context: .init(diagnostics: [], only: [.sourceFixAll])))
        #expect(fixAll == [LSP.CodeAction(title: "Fix all planlint findings with safe fixes (1)", kind: "source.fixAll.planlint",
                                          edit: .init(changes: [plan: [.init(range: markRange, newText: "○")]]))])
        // Only refactorings wanted: none. A finding without fixes: none.
        let refactor = try await editor.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: plan), range: mark.range, context: .init(diagnostics: [mark], only: [.refactor])))
        #expect(refactor == [])
        let budget = try opened.only("budget-within-limit")
        let none = try await editor.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: plan), range: budget.range, context: .init(diagnostics: [budget])))
        #expect(none == [])

        // The editor applies the edit: the finding is gone.
        let edit = try #require(actions.first?.edit?.changes?[plan]?.first)
        editor.change(plan, version: 2, [.init(range: edit.range, text: edit.newText)])
        #expect(try await editor.diagnostics(for: plan).codes == ["budget-within-limit"])
        #expect(try await editor.shutDown() == 0)
    }

    @Test func fixesMapToWorkspaceEditsAcrossFiles() throws {
        let plan = SourceFile(path: "Plans/計画.yaml", text: "mark: 〇 # 🍣\nbudget: \"7,199\"\n")
        let other = SourceFile(path: "Plans/other.yaml", text: "計画: ×\n")
        let fix1 = Fix(title: "write 7199", edits: [TextEdit(span: SourceSpan(file: plan, range: ByteRange(25, 32)), replacement: "7199")], isSafe: true)
        let fix2 = Fix(title: "replace both", edits: [
            TextEdit(span: SourceSpan(file: plan, range: ByteRange(6, 9)), replacement: "○"),
            TextEdit(span: SourceSpan(file: other, range: ByteRange(8, 10)), replacement: "－"),
        ], isSafe: false)
        var d = Diagnostic(code: "schema/type", severity: .error, message: "expected an integer", location: .span(SourceSpan(file: plan, range: ByteRange(25, 32))),
                           labels: [Label(span: SourceSpan(file: other, range: ByteRange(0, 6)), message: "参照")],
                           notes: ["a note"], help: "write it without separators", fixes: [fix1, fix2])
        for encoding in [PositionEncoding.utf16, .utf8] {
            let converter = DiagnosticConverter(
                positions: .init(encoding: encoding), documentPath: "Plans/計画.yaml", documentURI: "file:///w/Plans/%E8%A8%88%E7%94%BB.yaml",
                uriForPath: { "file:///w/" + $0 })
            let published = try #require(converter.convert(d))
            // `budget: "7,199"` is on line 1, columns 8–15 in every encoding (ASCII).
            #expect(published.diagnostic.range == .init(line: 1, character: 8, toLine: 1, character: 15))
            #expect(published.diagnostic.message == "expected an integer\nnote: a note\nhelp: write it without separators")
            // `計画: ×` in the other file: `計画` is 2 UTF-16 units, 6 bytes; `×` at 4 / 8.
            let otherLabel = encoding == .utf16 ? LSP.Range(line: 0, character: 0, toLine: 0, character: 2)
                : LSP.Range(line: 0, character: 0, toLine: 0, character: 6)
            #expect(published.diagnostic.relatedInformation == [.init(location: .init(uri: "file:///w/Plans/other.yaml", range: otherLabel), message: "参照")])
            let otherMark = encoding == .utf16 ? LSP.Range(line: 0, character: 4, toLine: 0, character: 5)
                : LSP.Range(line: 0, character: 8, toLine: 0, character: 10)
            // `mark: 〇`: the 〇 at 6, one UTF-16 unit or 3 bytes.
            let planMark = LSP.Range(line: 0, character: 6, toLine: 0, character: encoding == .utf16 ? 7 : 9)
            #expect(published.actions == [
                LSP.CodeAction(title: "write 7199", kind: .quickFix, isPreferred: true, edit: .init(changes: [
                    "file:///w/Plans/%E8%A8%88%E7%94%BB.yaml": [.init(range: .init(line: 1, character: 8, toLine: 1, character: 15), newText: "7199")],
                ])),
                LSP.CodeAction(title: "replace both", kind: .quickFix, isPreferred: false, edit: .init(changes: [
                    "file:///w/Plans/%E8%A8%88%E7%94%BB.yaml": [.init(range: planMark, newText: "○")],
                    "file:///w/Plans/other.yaml": [.init(range: otherMark, newText: "－")],
                ])),
            ])
            // Published for version 7, then asked for by data key: both actions, naming the
            // client's diagnostic.
            let document = PublishedDocument(version: 7, findings: [published])
            let sent = document.findings[0].diagnostic
            #expect(sent.data == ["planlint": ["version": 7, "index": 0]])
            let actions = document.actions(for: .init(textDocument: .init(uri: "x"), range: sent.range, context: .init(diagnostics: [sent])))
            #expect(actions.map(\.title) == ["write 7199", "replace both"])
            #expect(actions.allSatisfy { $0.diagnostics == [sent] })
        }
        // Suppressed findings are not shown; findings about other files only where they label this one.
        d.suppression = Suppression(kind: .inSource, justification: nil)
        let converter = DiagnosticConverter(positions: .init(encoding: .utf16), documentPath: "Plans/other.yaml",
                                            documentURI: "file:///w/Plans/other.yaml", uriForPath: { "file:///w/" + $0 })
        #expect(converter.convert(d) == nil)
        d.suppression = nil
        let relocated = try #require(converter.convert(d))
        #expect(relocated.diagnostic.range == .init(line: 0, character: 0, toLine: 0, character: 2))
        #expect(relocated.diagnostic.relatedInformation?.first?.location.uri == "file:///w/Plans/計画.yaml")
        let elsewhere = Diagnostic(code: "x", severity: .info, message: "m", location: .span(SourceSpan(file: plan, range: ByteRange(0, 1))))
        #expect(converter.convert(elsewhere) == nil)
        // A finding about a path only (an unreadable file) sits at the top.
        let pathOnly = Diagnostic(code: "io-error", severity: .error, message: "cannot read", location: .path("Plans/other.yaml"))
        #expect(converter.convert(pathOnly)?.diagnostic.range == .init(line: 0, character: 0, toLine: 0, character: 0))
    }

    // MARK: Hover

    @Test func hoverExplainsMarksLookAlikesAndCodes() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let plan = workspace.uri("Plans/plan.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        _ = try await editor.diagnostics(for: plan)
        func hover(_ uri: String, _ line: Int, _ character: Int) async throws -> LSP.Hover? {
            try await editor.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: line, character: character)))
        }
        // `○` on line 3 at UTF-16 27; the cursor before it or just after it.
        for character in [27, 28] {
            let circle = try #require(try await hover(plan, 3, character))
            #expect(circle.contents.kind == .markdown)
            #expect(circle.contents.value.contains("**○** — evaluation mark (U+25CB WHITE CIRCLE)"))
            #expect(circle.contents.value.contains("計画どおり実施"))
            #expect(circle.range == .init(line: 3, character: 27, toLine: 3, character: 28))
        }
        let lookAlike = try #require(try await hover(plan, 4, 26))
        #expect(lookAlike.contents.value.contains("**〇** is U+3007 IDEOGRAPHIC NUMBER ZERO, not the evaluation mark **○**"))
        #expect(try await hover(plan, 1, 9) == nil)   // `テスト計画`

        // The plan's own legend wins; a code in a suppression comment shows its documentation.
        let legendPlan = workspace.uri("Plans/legend.yaml")
        editor.open(legendPlan, text: """
            evaluation:
              legend: {○: 計画のとおり実施した}
            projects:
              - {name: 事業, mark: ○, budget: 500}  # planlint-disable-line budget-within-limit -- 承認済み
            """)
        let suppressed = try await editor.diagnostics(for: legendPlan)
        #expect(!suppressed.codes.contains("budget-within-limit"))
        // `  - {name: 事業, mark: ○, …`: the ○ at UTF-16 21.
        let legend = try #require(try await hover(legendPlan, 3, 21))
        #expect(legend.contents.value.contains("計画のとおり実施した"))
        #expect(legend.contents.value.contains("as this plan's `evaluation.legend` prints it"))
        // `budget-within-limit` in the comment: UTF-16 11 + 2 (事業) + 8 + 1 (○) + 10 + 4 (`500}`)
        // + 4 (`  # `) + 22 (`planlint-disable-line `) = 62.
        let code = try #require(try await hover(legendPlan, 3, 70))
        #expect(code.contents.value.hasPrefix("**budget-within-limit** · warning — A project's budget is at most 100."))
        #expect(code.contents.value.contains("[documentation](https://example.com/planlint/rules/budget-within-limit)"))
        #expect(code.range == .init(line: 3, character: 62, toLine: 3, character: 81))
        #expect(try await editor.shutDown() == 0)
    }

    @Test func hoverInPlainTextWhenTheClientPrefersIt() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (editor, _) = try await Editor.start(hoverFormat: ["plaintext"])
        let uri = workspace.uri("Plans/x.yaml")
        editor.open(uri, text: "# planlint-disable-file duplicate-key\nmark: ×\n")
        let mark = try #require(try await editor.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: 1, character: 6))))
        #expect(mark.contents == .init(kind: .plaintext, value: "× — evaluation mark (U+00D7 MULTIPLICATION SIGN)\n\n実施せず\n\n(the usual meaning; this plan gives none in `scales` or `evaluation.legend`)"))
        let code = try #require(try await editor.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: 0, character: 30))))
        #expect(code.contents.kind == .plaintext)
        #expect(code.contents.value.hasPrefix("duplicate-key (error): "))
        #expect(try await editor.shutDown() == 0)
    }

    // MARK: Robustness and supersession

    @Test func brokenAndHostileDocumentsNeverTakeTheServerDown() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let deep = workspace.uri("Plans/deep.yaml")
        editor.open(deep, text: String(repeating: "[", count: 100_000))
        let deepDiagnostics = try await editor.diagnostics(for: deep)
        #expect(deepDiagnostics.codes == ["nesting-too-deep"])
        #expect(deepDiagnostics.diagnostics.first?.span == [0, 1000, 1001])
        // Tabs, a BOM, CRLF line ends, NUL and unpaired-looking text: diagnostics, no crash.
        let odd = workspace.uri("Plans/odd.yaml")
        editor.open(odd, text: "\u{FEFF}a:\t1\r\nb: \u{0}\r\n  - 🍣: [\r\n")
        let odds = try await editor.diagnostics(for: odd)
        #expect(odds.codes == ["yaml-syntax"])
        #expect(odds.diagnostics.first?.span == [1, 3, 4])   // the NUL
        // A change with a range past the end of the document clamps; an inverted range is refused.
        editor.change(odd, version: 2, [.init(range: .init(line: 99, character: 0, toLine: 99, character: 5), text: "c: 3\n")])
        _ = try await editor.diagnostics(for: odd)
        editor.change(odd, version: 3, [.init(range: .init(line: 1, character: 5, toLine: 0, character: 0), text: "x")])
        editor.change(odd, version: 4, [.init(text: "ok: 1\n")])
        // Messages for documents that are not open are logged, not fatal.
        editor.change(workspace.uri("Plans/never-opened.yaml"), version: 1, [.init(text: "x")])
        editor.connection.send(LSP.didClose, .init(textDocument: .init(uri: workspace.uri("Plans/never-opened.yaml"))))
        let recovered = try await editor.diagnostics(for: odd)
        #expect(recovered.version == 4)
        // (`ok` is not a plan key, `projects` is missing, and the rule finds no projects.)
        #expect(recovered.codes == ["schema/additional-properties", "schema/required", "rule-selector-matched-nothing"])
        // Unknown requests are answered with MethodNotFound; the server still works.
        await #expect(throws: JSONRPC.ResponseError.methodNotFound("textDocument/completion")) {
            _ = try await editor.connection.sendRequest(method: "textDocument/completion", params: JSONValue.object([:]), resultType: JSONValue.self)
        }
        #expect(try await editor.shutDown() == 0)
    }

    @Test func aNewerEditSupersedesOlderChecks() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let plan = workspace.uri("Plans/plan.yaml")
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        _ = try await editor.diagnostics(for: plan)
        // Type `9` twenty times into line 5's budget (`80` → `80999…`), one change per keystroke.
        for i in 0..<20 {
            editor.replace(plan, version: 2 + i, line: 5, 36 + i, 36 + i, with: "9")
        }
        var versions: [Int] = []
        var last: LSP.PublishDiagnosticsParams
        repeat {
            last = try await editor.diagnostics(for: plan)
            versions.append(last.version ?? -1)
        } while last.version != 21
        #expect(versions == versions.sorted() && Set(versions).count == versions.count, "published out of order: \(versions)")
        #expect(last.codes == ["budget-within-limit", "schema/enum", "budget-within-limit"])
        #expect(last.diagnostics.last?.span == [5, 34, 56])
        #expect(last.diagnostics.last?.message.hasPrefix("電子申請 の予算 80" + String(repeating: "9", count: 20)) == true)
        #expect(try await editor.shutDown() == 0)
    }

    // MARK: Lifecycle

    @Test func exitStatusFollowsShutdown() async throws {
        let (editor, _) = try await Editor.start()
        editor.connection.send(LSP.exit, JSONRPC.Null())
        #expect(await editor.server.value == 1)

        let (second, _) = try await Editor.start()
        _ = try await second.connection.send(LSP.shutdown, JSONRPC.Null())
        await #expect(throws: JSONRPC.ResponseError.self) {
            try await second.connection.send(LSP.hover, .init(textDocument: .init(uri: "file:///x.yaml"), position: .init(line: 0, character: 0)))
        }
        second.connection.send(LSP.exit, JSONRPC.Null())
        #expect(await second.server.value == 0)

        // The editor goes away: without shutdown 1, after it 0.
        let (third, _) = try await Editor.start()
        third.connection.close()
        #expect(await third.server.value == 1)
        let (fourth, _) = try await Editor.start()
        _ = try await fourth.connection.send(LSP.shutdown, JSONRPC.Null())
        fourth.connection.close()
        #expect(await fourth.server.value == 0)
    }

    @Test func requestsBeforeInitializeAreRefused() async throws {
        let (serverSide, clientSide) = InMemoryTransport.pair()
        let server = PlanLintServer(connection: Connection(transport: serverSide))
        let task = Task { await server.run() }
        let client = Connection(transport: clientSide)
        client.start()
        await #expect(throws: JSONRPC.ResponseError.serverNotInitialized) {
            try await client.send(LSP.hover, .init(textDocument: .init(uri: "file:///x.yaml"), position: .init(line: 0, character: 0)))
        }
        _ = try await client.send(LSP.initialize, .init())
        await #expect(throws: JSONRPC.ResponseError.self) {
            try await client.send(LSP.initialize, .init())
        }
        client.close()
        #expect(await task.value == 1)
    }
}

/// `planlint lsp` as editors run it: the built executable (`.build/debug/planlint`, or
/// `PLANLINT_BINARY`) on pipes.
@Suite(.timeLimit(.minutes(1))) struct LSPCommandTests {
    static var executable: String {
        ProcessInfo.processInfo.environment["PLANLINT_BINARY"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/planlint").path
    }

    /// Starts `planlint lsp`, and for each message writes it (framed) and, if it is a
    /// request, waits for the response, as an editor does; then closes the server's standard
    /// input. Returns the exit status, the responses, and what went to standard error.
    /// The server runs with `arguments` after `lsp --stdio`, in the test's environment without
    /// its locale variables, plus `environment`.
    func run(_ messages: [String], arguments: [String] = [], environment: [String: String] = [:]) throws
        -> (status: Int32, responses: [JSONRPC.Response], stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw TestFailure("no planlint executable at \(Self.executable): run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["lsp", "--stdio"] + arguments
        var env = ProcessInfo.processInfo.environment
        for k in ["LC_ALL", "LC_MESSAGES", "LANG"] { env.removeValue(forKey: k) }
        process.environment = env.merging(environment) { _, new in new }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var reader = MessageReader()
        var responses: [JSONRPC.Response] = []
        for message in messages {
            input.fileHandleForWriting.write(Data(MessageWriter.frame(Array(message.utf8))))
            guard message.contains(#""id""#) else { continue }
            // Read until the response arrives (log messages may come first).
            reading: while true {
                while let body = try reader.next() {
                    switch JSONRPC.parse(body) {
                    case .response(let response):
                        responses.append(response)
                        break reading
                    case .notification:
                        continue
                    default:
                        throw TestFailure("unexpected message on stdout: \(String(decoding: body, as: UTF8.self))")
                    }
                }
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { throw TestFailure("stdout closed before the response to \(message)") }
                reader.append(Array(chunk))
            }
        }
        try input.fileHandleForWriting.close()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reader.append(Array(rest))
        while let body = try reader.next() {
            if case .invalid = JSONRPC.parse(body) { throw TestFailure("stdout holds something other than LSP messages") }
        }
        #expect(reader.bufferedByteCount == 0, "stdout holds something other than LSP messages")
        return (process.terminationStatus, responses, String(decoding: stderr, as: UTF8.self))
    }

    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#
    static let shutdown = #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#
    static let exit = #"{"jsonrpc":"2.0","method":"exit"}"#

    @Test func exitsWhenStandardInputCloses() throws {
        // Without shutdown: status 1, promptly, with the answer to initialize on stdout.
        let vanished = try run([Self.initialize])
        #expect(vanished.status == 1)
        #expect(try vanished.responses.first?.result(as: LSP.InitializeResult.self).serverInfo?.name == "planlint")
        #expect(vanished.stderr.isEmpty)
        // After shutdown: 0, whether `exit` comes or standard input just closes.
        #expect(try run([Self.initialize, Self.shutdown]).status == 0)
        #expect(try run([Self.initialize, Self.shutdown, Self.exit]).status == 0)
        #expect(try run([Self.initialize, Self.exit]).status == 1)
        // A body that is not JSON is answered with a parse error; the server carries on.
        let broken = try run([Self.initialize, #"{"id": 3, "method": 🍣"#, Self.shutdown])
        #expect(broken.responses.map { $0.error?.code } == [nil, .parseError, nil])
        #expect(broken.status == 0)
    }

    /// The server's own catalogue is complete in Japanese (the others are checked by
    /// CLITests' JapaneseCompletenessTests).
    @Test func theServersWordsHaveJapanese() {
        #expect(MessageText.problems(catalogues: [LSPMessage.self]).isEmpty)
        #expect(LSPMessage.fixAll.text(["count": 3], in: .ja) == "安全な修正のある planlint の指摘をすべて修正（3 件）")
    }

    /// The server speaks the client's `locale` (issue 22); `--lang` wins over it, and without
    /// either the environment's locale decides.
    @Test func theServerFollowsTheClientsLocale() throws {
        func initialize(_ locale: String?) -> String {
            let l = locale.map { #","locale":"\#($0)""# } ?? ""
            return #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}\#(l)}}"#
        }
        // A suppression comment naming `duplicate-key`: hovering the code shows its documentation.
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:plan.yaml","languageId":"yaml","version":1,"text":"a: 1  # planlint-disable-line duplicate-key\n"}}}"#
        let hover = #"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"untitled:plan.yaml"},"position":{"line":0,"character":35}}}"#
        func hoverText(_ locale: String?, arguments: [String] = [], environment: [String: String] = [:]) throws -> String {
            let r = try run([initialize(locale), open, hover, Self.shutdown], arguments: arguments, environment: environment)
            #expect(r.status == 0, "\(r.stderr)")
            let result = try #require(r.responses.count == 3 ? r.responses[1] : nil)
            return try #require(try result.result(as: LSP.Hover?.self)).contents.value
        }
        let japanese = "マッピングに同じキーが二つあります。", english = "A mapping has the same key twice."
        let ja = try hoverText("ja")
        #expect(ja.hasPrefix("**duplicate-key** · ") && ja.contains(japanese) && !ja.contains(english), "\(ja)")
        #expect(ja.contains("どちらかの項目を削除するか"), "\(ja)")
        #expect(try hoverText("en-US").contains(english))
        #expect(try hoverText("ja-JP", arguments: ["--lang", "en"]).contains(english))
        #expect(try hoverText(nil, environment: ["LANG": "ja_JP.UTF-8"]).contains(japanese))
        #expect(try hoverText("fr", environment: ["LANG": "ja_JP.UTF-8"]).contains(japanese),
                "a locale planlint has no text for falls back to the environment's")
        #expect(try hoverText(nil).contains(english))
    }
}
