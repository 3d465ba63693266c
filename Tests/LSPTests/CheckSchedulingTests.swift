import Dispatch
import Foundation
import Guarded
import Testing

@testable import LSPProtocol
@testable import PlanLintLSP
import PlanLintKit
import SourceText

// How the server schedules its checks (issue 21, the editor loop): a superseded check is
// cancelled and its findings never published; requests that need no check are answered while
// one runs; one document's check does not wait for another's; checks run a bounded number at
// once. Behaviour only — no timings: a `CheckGate` holds chosen checks at their start
// (`PlanLintServer.Options.willCheck`) and the tests look at what the server does meanwhile.

/// Holds the server's checks of chosen documents as they start, and reports every check that
/// starts.
final class CheckGate: Sendable {
    let starts: AsyncStream<PlanLintServer.CheckStart>
    private let continuation: AsyncStream<PlanLintServer.CheckStart>.Continuation
    private let held = Guarded<[String: DispatchSemaphore]>([:])
    private let log = Guarded<[PlanLintServer.CheckStart]>([])

    init() { (starts, continuation) = AsyncStream.makeStream() }

    /// Server options with this gate at the start of every check.
    func options(concurrentChecks: Int = CheckPool.defaultLimit) -> PlanLintServer.Options {
        .init(concurrentChecks: concurrentChecks, willCheck: { [self] start in arrive(start) })
    }

    /// The next checks of `uri` wait at their start until ``release(_:)`` lets them all go.
    func hold(_ uri: String) { held.withLock { $0[uri] = DispatchSemaphore(value: 0) } }

    func release(_ uri: String) { held.withLock { $0.removeValue(forKey: uri) }?.signal() }

    func releaseAll() {
        for s in held.withLock({ h in defer { h = [:] }; return Array(h.values) }) { s.signal() }
    }

    /// Every check started so far: document and version.
    var started: [String] { log.withLock { $0.map { "\($0.uri)@\($0.version)" } } }

    /// Every check started so far.
    var startedChecks: [PlanLintServer.CheckStart] { log.withLock { $0 } }

    private func arrive(_ start: PlanLintServer.CheckStart) {
        log.withLock { $0.append(start) }
        continuation.yield(start)
        // Released: this check goes, and lets the next one held with it go.
        if let gate = held.withLock({ $0[start.uri] }) {
            gate.wait()
            gate.signal()
        }
    }
}

/// A server with a ``CheckGate`` and `concurrentChecks` slots, on a copy of the fixture
/// workspace with a second plan (`Plans/other.yaml`, one finding); `Plans/plan.yaml` is open
/// and its first check held at its start.
struct GatedServer {
    let workspace: Workspace
    let gate = CheckGate()
    var editor: Editor
    var starts: AsyncStream<PlanLintServer.CheckStart>.Iterator
    let plan: String, other: String
    /// The held check of version 1.
    var first: PlanLintServer.CheckStart

    init(concurrentChecks: Int = CheckPool.defaultLimit) async throws {
        workspace = try Workspace()
        try workspace.write("Plans/other.yaml", "projects:\n  - {name: 別計画, mark: ○, budget: 500}\n")
        (editor, _) = try await Editor.start(options: gate.options(concurrentChecks: concurrentChecks))
        starts = gate.starts.makeAsyncIterator()
        (plan, other) = (workspace.uri("Plans/plan.yaml"), workspace.uri("Plans/other.yaml"))
        gate.hold(plan)
        editor.open(plan, text: try workspace.read("Plans/plan.yaml"))
        first = try #require(await starts.next())
    }

    func openOther() throws { editor.open(other, text: try workspace.read("Plans/other.yaml")) }

    /// The hover on line 4's look-alike `〇` (UTF-16 column 26): answered without any check.
    func hover() async throws -> LSP.Hover? {
        try await editor.connection.send(LSP.hover, .init(textDocument: .init(uri: plan), position: .init(line: 4, character: 26)))
    }

    func end() {
        gate.releaseAll()
        workspace.remove()
    }
}

@Suite(.timeLimit(.minutes(1))) struct CheckSchedulingTests {
    @Test func aSupersededCheckIsCancelledAndOnlyTheNewestVersionIsPublished() async throws {
        var t = try await GatedServer()
        defer { t.end() }
        #expect(t.first.uri == t.plan && t.first.version == 1)
        #expect(!t.first.run.isCancelled)
        // Two edits while version 1 is being checked: `80` → `180` → `181` on line 5.
        t.editor.replace(t.plan, version: 2, line: 5, 34, 36, with: "180")
        t.editor.replace(t.plan, version: 3, line: 5, 34, 37, with: "181")
        // A request after them: when it is answered the server has taken both edits.
        #expect(try await t.hover() != nil)
        #expect(t.first.run.isCancelled)
        // The superseded check is abandoned, not waited for: the newest version's check starts
        // while version 1's is still held (version 2's may have started, and been cancelled,
        // if the server took the first edit before the second arrived).
        var next = try #require(await t.starts.next())
        if next.version == 2 { next = try #require(await t.starts.next()) }
        #expect(next.version == 3)
        #expect(!next.run.isCancelled)

        t.gate.release(t.plan)
        let published = try await t.editor.diagnostics(for: t.plan)
        // The first publication is the newest version's: the superseded checks published nothing.
        #expect(published.version == 3)
        #expect(published.codes == ["budget-within-limit", "schema/enum", "budget-within-limit"])
        #expect(published.diagnostics.last?.message.hasPrefix("電子申請 の予算 181 は上限 100 を超えています") == true)
        let checks = t.gate.startedChecks
        #expect(checks.map(\.version) == [1, 3] || checks.map(\.version) == [1, 2, 3])
        #expect(checks.dropLast().allSatisfy { $0.run.isCancelled })
        #expect(try await t.editor.shutDown() == 0)
    }

    @Test func hoverAndCodeActionsAreAnsweredWhileACheckIsHeld() async throws {
        var t = try await GatedServer()
        defer { t.end() }
        let hover = try #require(try await t.hover())
        #expect(hover.contents.value.contains("U+3007"))
        // Nothing is published yet, so no fixes: an answer, not a wait for the check.
        let actions = try await t.editor.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: t.plan), range: .init(line: 4, character: 0, toLine: 4, character: 40),
            context: .init(diagnostics: [])))
        #expect(actions?.isEmpty == true)
        #expect(t.gate.started == [t.plan + "@1"])

        t.gate.release(t.plan)
        let checked = try await t.editor.diagnostics(for: t.plan)
        #expect(checked.version == 1)
        #expect(checked.codes == ["budget-within-limit", "schema/enum"])
        #expect(try await t.editor.shutDown() == 0)
    }

    @Test func aSecondDocumentIsNotQueuedBehindTheFirst() async throws {
        var t = try await GatedServer(concurrentChecks: 2)
        defer { t.end() }
        try t.openOther()
        // Published while the first document's check is still held.
        #expect(try await t.editor.diagnostics(for: t.other).codes == ["budget-within-limit"])
        #expect(t.gate.started == [t.plan + "@1", t.other + "@1"])

        t.gate.release(t.plan)
        #expect(try await t.editor.diagnostics(for: t.plan).codes == ["budget-within-limit", "schema/enum"])
        #expect(try await t.editor.shutDown() == 0)
    }

    @Test func checksRunABoundedNumberAtOnce() async throws {
        var t = try await GatedServer(concurrentChecks: 1)
        defer { t.end() }
        try t.openOther()
        // One slot: the second document waits for it (the hover shows the server took the open).
        #expect(try await t.hover() != nil)
        #expect(t.gate.started == [t.plan + "@1"])

        t.gate.release(t.plan)
        #expect(try #require(await t.starts.next()).uri == t.other)
        #expect(try await t.editor.diagnostics(for: t.plan).version == 1)
        #expect(try await t.editor.diagnostics(for: t.other).codes == ["budget-within-limit"])
        #expect(try await t.editor.shutDown() == 0)
    }

    @Test func aMarkHoverParsesOnlyATextThatCanHoldALegend() {
        func legend(_ text: String) -> HoverContent.PlanMeaning? {
            HoverContent.legendMeaning(of: "○", in: SourceFile(path: "p.yaml", bytes: Array(text.utf8)))
        }
        #expect(!HoverContent.mayName("legend", Array("projects:\n  - {mark: ○}\n".utf8)))
        #expect(!HoverContent.mayName("symbols", Array("projects:\n  - {mark: ○}\n".utf8)))
        #expect(legend("projects:\n  - {mark: ○}\n") == nil)
        #expect(legend("evaluation:\n  legend: {○: 計画のとおり}\n") == .legend("計画のとおり"))
        // A key spelt with an escape is still found: a backslash means the text is parsed.
        #expect(legend("evaluation:\n  \"le\\x67end\": {○: 特別}\n") == .legend("特別"))
        #expect(legend("evaluation:\n  legends: {○: 別}\n") == nil)
    }

    /// A plan@2 declares its marks' meanings in `scales` (Docs/plan-format.md); the hover
    /// reads them from the beginning of the text when that holds the whole `scales` block.
    @Test func aMarkHoverReadsAPlan2sScales() throws {
        func meaning(_ text: String, _ mark: Character = "○") -> HoverContent.PlanMeaning? {
            HoverContent.legendMeaning(of: mark, in: SourceFile(path: "p.yaml", bytes: Array(text.utf8)))
        }
        let plan = """
            # a plan@2 (comment lines at the top level do not end a block)
            format: planlint/plan@2
            scales:
              自己評価:
                symbols:
                  ◎: 計画以上の進捗
                  ○: 計画どおり実施
            # between two scales
              達成度:
                symbols:
                  A: {means: 100%以上, min: 100}
                  対象外:
            levels:
              - {name: 事業, scale: 自己評価}
            nodes:
              - {name: 防災, mark: ○}

            """
        let bytes = Array(plan.utf8)
        // The prefix parsed ends where the next top-level key starts.
        let levels = try #require(plan.utf8.firstRange(of: "levels:".utf8)).lowerBound
        #expect(HoverContent.topLevelBlockEnd(of: "scales", in: bytes) == plan.utf8.distance(from: plan.utf8.startIndex, to: levels))
        #expect(HoverContent.topLevelBlockEnd(of: "evaluation", in: bytes) == nil)
        #expect(meaning(plan) == .scales([("自己評価", "計画どおり実施")]))
        #expect(meaning(plan, "◎") == .scales([("自己評価", "計画以上の進捗")]))
        // A grade's words are its `means`; a symbol without words gives none.
        #expect(meaning(plan, "A") == .scales([("達成度", "100%以上")]))
        #expect(meaning(plan, "対") == nil)
        // A mark no scale declares: the plan gives no meaning (the usual one is shown).
        #expect(meaning(plan, "△") == nil)

        // Two scales with the mark: both, in their order.
        let two = "format: planlint/plan@2\nscales:\n  甲: {symbols: {○: 順調}}\n  乙: {symbols: {○: 概ね順調}}\nnodes: []\n"
        #expect(meaning(two) == .scales([("甲", "順調"), ("乙", "概ね順調")]))
        // Flow style, and a flow mapping whose lines start at column 0: the beginning does not
        // parse on its own, so the whole text is read.
        #expect(meaning("{format: planlint/plan@2, scales: {s: {symbols: {○: 流れ}}}}") == .scales([("s", "流れ")]))
        #expect(meaning("{format: planlint/plan@2,\nscales: {s: {symbols: {○: 流れ}}},\nnodes: []}\n") == .scales([("s", "流れ")]))
        // The text after the block does not change what the block says.
        #expect(meaning(two + "extra: [unclosed\n") == .scales([("甲", "順調"), ("乙", "概ね順調")]))
    }

    @Test func aMarkHoverOnAPlan2SaysWhichScaleDeclaresIt() async throws {
        let t = try await GatedServer()
        defer { t.end() }
        let uri = t.workspace.uri("Plans/v2.yaml")
        t.gate.hold(uri)
        t.editor.open(uri, text: """
            format: planlint/plan@2
            scales:
              自己評価:
                symbols: {○: 計画のとおり進んだ, △: 遅れた}
            levels:
              - {name: 事業, scale: 自己評価}
            nodes:
              - {name: 事業, mark: ○}
              - {name: 別事業, mark: ×}
            """)
        func hover(_ line: Int, _ character: Int) async throws -> LSP.Hover? {
            try await t.editor.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: line, character: character)))
        }
        // `  - {name: 事業, mark: ○}`: the ○ at UTF-16 21 — answered while the document's check is held.
        let declared = try #require(try await hover(7, 21))
        #expect(declared.contents.value == """
            **○** — evaluation mark (U+25CB WHITE CIRCLE)

            計画のとおり進んだ

            (as this plan's scale `自己評価` declares it)
            """)
        let usual = try #require(try await hover(8, 22))
        #expect(usual.contents.value.hasSuffix("実施せず\n\n(the usual meaning; this plan gives none in `scales` or `evaluation.legend`)"))
        #expect(try await t.editor.shutDown() == 0)
    }

    @Test func editingARuleFileCancelsTheChecksOfOpenPlans() async throws {
        var t = try await GatedServer()
        defer { t.end() }
        let rules = t.workspace.uri("Rules/budget.yaml")
        let ruleText = try t.workspace.read("Rules/budget.yaml")
        t.editor.open(rules, text: ruleText)
        #expect(try await t.editor.diagnostics(for: rules).diagnostics.isEmpty)
        #expect(try #require(await t.starts.next()).uri == rules)
        // Opening the rule file changed nothing the plan is checked with.
        #expect(!t.first.run.isCancelled)

        // `assert: self.budget <= 100` (line 9) → 150, unsaved, while the plan's check with the
        // old rule is held: that check is stopped, not run to the end and dropped.
        t.editor.replace(rules, version: 2, line: 9, 27, 30, with: "150")
        #expect(try await t.hover() != nil)   // answered after the server took the edit
        #expect(t.first.run.isCancelled)
        // The re-check with the edited rule starts without waiting for the held one to stop.
        var next = try #require(await t.starts.next())
        while next.uri != t.plan { next = try #require(await t.starts.next()) }
        #expect(next.version == 1 && !next.run.isCancelled)

        t.gate.release(t.plan)
        // The plan's first publication is the check with the edited rule: no budget finding.
        let published = try await t.editor.diagnostics(for: t.plan)
        #expect(published.version == 1)
        #expect(published.codes == ["schema/enum"])
        #expect(t.gate.started.filter { $0.hasPrefix(t.plan) } == [t.plan + "@1", t.plan + "@1"])
        #expect(try await t.editor.shutDown() == 0)
    }

    @Test func aCheckAloneRunsItsRulesOnEveryCore() async throws {
        let pool = CheckPool(limit: 2)
        #expect(await pool.run(Linter.RunState()) { pool.threadsPerCheck } == WorkerPool.coreCount)
        // A large document's check takes one, even alone.
        #expect(await pool.run(Linter.RunState()) { pool.threads(forDocumentOf: CheckPool.largeDocumentBytes) } == WorkerPool.coreCount)
        #expect(await pool.run(Linter.RunState()) { pool.threads(forDocumentOf: CheckPool.largeDocumentBytes + 1) } == 1)
        // Beside another check, the cores are shared.
        let hold = DispatchSemaphore(value: 0)
        let long = Linter.RunState()
        let began = Guarded(false)
        async let first: Int? = pool.run(long) { began.withLock { $0 = true }; hold.wait(); return 0 }
        while !began.withLock({ $0 }) { await Task.yield() }
        #expect(await pool.run(Linter.RunState()) { pool.threadsPerCheck } == max(1, WorkerPool.coreCount / 2))
        // A cancelled check still stopping holds its slot but not its share of the cores, and
        // whoever waited for it goes on at once.
        pool.cancel(long)
        #expect(await first == nil)
        #expect(pool.load.running == 1)
        #expect(await pool.run(Linter.RunState()) { pool.threadsPerCheck } == WorkerPool.coreCount)
        hold.signal()
        while pool.load.running > 0 { await Task.yield() }
    }

    @Test func aCheckCancelledBeforeItsSlotFreesNeverStarts() async throws {
        let pool = CheckPool(limit: 1)
        let hold = DispatchSemaphore(value: 0)
        async let first: Int? = pool.run(Linter.RunState()) { hold.wait(); return 1 }
        while pool.load.running < 1 { await Task.yield() }
        let queued = Linter.RunState()
        let started = Guarded(false)
        async let second: Int? = pool.run(queued) { started.withLock { $0 = true }; return 2 }
        while pool.load.waiting < 1 { await Task.yield() }
        pool.cancel(queued)
        hold.signal()
        #expect(await first == 1)
        #expect(await second == nil)
        while pool.load.running > 0 { await Task.yield() }
        #expect(!started.withLock { $0 })
        // Already cancelled when asked: not queued at all.
        let cancelled = Linter.RunState()
        cancelled.cancel()
        #expect(await pool.run(cancelled) { 3 } == nil)
    }

    /// With no slot free for the next check, a cancelled check is waited for until it stops:
    /// superseded checks never hold more threads than the pool's slots (a burst of thousands of
    /// edits to a large document would otherwise start a check, and copy the document, per edit).
    @Test func aCancelledCheckIsWaitedForWhenNoSlotIsFree() async throws {
        let pool = CheckPool(limit: 1)
        let hold = DispatchSemaphore(value: 0)
        let run = Linter.RunState()
        let (began, ended) = (Guarded(false), Guarded(false))
        async let first: Int? = pool.run(run) { began.withLock { $0 = true }; hold.wait(); ended.withLock { $0 = true }; return 1 }
        while !began.withLock({ $0 }) { await Task.yield() }
        pool.cancel(run)
        hold.signal()
        // Its result is dropped, and it was given only once the check had ended.
        #expect(await first == nil)
        #expect(ended.withLock { $0 })
        while pool.load.running > 0 { await Task.yield() }
    }

    /// The Miyagi plan (large enough for its rules to run on several threads) gives the same
    /// findings whether its check has one thread or more.
    @Test func aCheckOnSeveralThreadsFindsWhatOneThreadFinds() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let path = repo + "/Plans/miyagi-ict-2014-2016.yaml"
        let bytes = try FileIO.readBytes(path: path, limit: 1 << 24)
        let projects = ProjectCache(cwd: repo)
        let request = CheckRequest(uri: FileURI.uri(fromPath: path), version: 1, path: path, bytes: bytes, buffers: [:], openURIs: [:],
                                   positions: PositionConverter(encoding: .utf16), cwd: repo, fallbackFolder: repo)
        let one = try #require(DocumentCheck.run(request, projects: projects, threads: 1))
        let two = try #require(DocumentCheck.run(request, projects: projects, threads: 2))
        #expect(one.kind == .plan)
        #expect(!one.findings.isEmpty)
        #expect(two.findings.map(\.diagnostic) == one.findings.map(\.diagnostic))
    }

    /// After a rule edit every open document's check finds the project out of date at once:
    /// one of them loads it, the others wait for that load and use it.
    @Test func aProjectIsLoadedOnceWhenSeveralChecksAskForItAtOnce() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let projects = ProjectCache(cwd: PathUtil.currentDirectory())
        let key = ProjectKey.discover(from: workspace.path("Plans"))
        let loaded = Guarded<[ObjectIdentifier]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let project = projects.project(key, buffers: [:])
            loaded.withLock { $0.append(ObjectIdentifier(project)) }
        }
        #expect(projects.loads(of: key) == 1)
        #expect(Set(loaded.withLock { $0 }).count == 1)
        // An edited rule buffer: loaded again, once, and the edit applies.
        let rule = workspace.path("Rules/budget.yaml")
        let edited = Array(try workspace.read("Rules/budget.yaml").replacingOccurrences(of: "<= 100", with: "<= 150").utf8)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in _ = projects.project(key, buffers: [rule: edited]) }
        #expect(projects.loads(of: key) == 2)
        let plan = workspace.path("Plans/plan.yaml")
        let input = Linter.Input(target: LintTarget(absolutePath: plan, displayPath: PathUtil.display(plan, cwd: projects.cwd)))
        #expect(projects.project(key, buffers: [rule: edited]).linter.lintOne(input).map(\.code) == ["schema/enum"])
        #expect(projects.loads(of: key) == 2)
    }

    /// A check cancelled by a rule edit does not load the pack again from its older buffers
    /// (replacing the project the newer checks just loaded): it takes the project as cached,
    /// its result being dropped anyway.
    @Test func aCancelledCheckDoesNotLoadAnOutdatedProject() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let projects = ProjectCache(cwd: PathUtil.currentDirectory())
        let key = ProjectKey.discover(from: workspace.path("Plans"))
        let rule = workspace.path("Rules/budget.yaml")
        let original = Array(try workspace.read("Rules/budget.yaml").utf8)
        let edited = Array(try workspace.read("Rules/budget.yaml").replacingOccurrences(of: "<= 100", with: "<= 150").utf8)
        let cancelled = Linter.RunState()
        cancelled.cancel()
        // Nothing cached: even a cancelled check gets a project.
        let first = projects.project(key, buffers: [rule: original], run: cancelled)
        #expect(projects.loads(of: key) == 1)
        let newer = projects.project(key, buffers: [rule: edited], run: Linter.RunState())
        #expect(projects.loads(of: key) == 2 && newer !== first)
        // The superseded check's older buffers: no load, the newer project stays cached.
        #expect(projects.project(key, buffers: [rule: original], run: cancelled) === newer)
        #expect(projects.loads(of: key) == 2)
        #expect(projects.project(key, buffers: [rule: edited]) === newer)
        // A check not cancelled with those buffers loads them, as before.
        #expect(projects.project(key, buffers: [rule: original], run: Linter.RunState()) !== newer)
        #expect(projects.loads(of: key) == 3)
    }

    @Test func aCancelledRunStopsInItsParseOrBeforeTheCheckers() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // As the server loads it (names relative to the process's directory).
        let cwd = PathUtil.currentDirectory()
        let project = ProjectLoader.load(ProjectKey.discover(from: workspace.path("Plans")), buffers: [:], cwd: cwd)
        #expect(project.loadDiagnostics.isEmpty)
        let path = workspace.path("Plans/plan.yaml")
        let input = Linter.Input(target: LintTarget(absolutePath: path, displayPath: PathUtil.display(path, cwd: cwd)))
        #expect(project.linter.lintOne(input, run: Linter.RunState()).map(\.code) == ["budget-within-limit", "schema/enum"])
        let cancelled = Linter.RunState()
        cancelled.cancel()
        // Parsed, then stopped: no checker ran, so nothing of the file's findings is reported
        // (the server drops the result).
        #expect(project.linter.lintOne(input, run: cancelled).isEmpty)
        // A broken file's parse problems are still what the parse found.
        try workspace.write("Plans/plan.yaml", "a: [1\n")
        #expect(project.linter.lintOne(input, run: cancelled).map(\.code) == ["yaml-syntax"])
        // A long file stops in its parse: the syntax error at its end is never reached.
        try workspace.write("Plans/plan.yaml", String(repeating: "- 1\n", count: 5_000) + "a: [1\n")
        #expect(project.linter.lintOne(input, run: Linter.RunState()).map(\.code).contains("yaml-syntax"))
        #expect(project.linter.lintOne(input, run: cancelled).isEmpty)
    }
}
