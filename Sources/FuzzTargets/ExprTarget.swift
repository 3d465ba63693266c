import ExactNumbers
import RuleLanguage
import YAMLTree

/// The `expr` target: text → parser → checker → interpreter.
extension FuzzTargets {
    /// Compiles `bytes` (as UTF-8, invalid sequences replaced) as a rule expression in a
    /// scope with the rule variables and the names the bundled rules declare, once as is and
    /// once expecting a bool; then evaluates what compiled over a fixed plan document, with
    /// `self` on the document and on a table cell, under a small cost budget, and explains
    /// it (the tracing interpreter).
    package static func expr(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let fixture = ExprFixture.shared
        _ = Expression.compile(text, scope: fixture.scope, expecting: .bool)
        let result = Expression.compile(text, scope: fixture.scope)
        for p in result.problems {
            // What a renderer does with a problem: slice the text it points at.
            precondition(p.range.start <= p.range.end && p.range.end <= text.utf8.count, "problem range outside the text: \(p)")
        }
        guard let compiled = result.expression else { return }
        _ = compiled.treeDescription
        for selfValue in fixture.selves {
            var activation = fixture.activation
            activation[Scope.selfSlot] = selfValue
            var meter = CostMeter(limit: ExprFixture.budget)
            if let value = try? compiled.evaluate(&activation, meter: &meter) {
                _ = value.formatted(.intervals)
            }
            var traceMeter = CostMeter(limit: ExprFixture.budget)
            if let explanation = try? compiled.explain(&activation, meter: &traceMeter) {
                _ = explanation.value.formatted()
            }
        }
    }
}

/// The scope, variable values and document the `expr` target evaluates with.
struct ExprFixture: Sendable {
    /// Steps per evaluation: enough for the rules over the small document, small enough
    /// that a runaway comprehension costs microseconds.
    static let budget = 20_000

    /// Names the bundled rules declare with `let` or `as` (none of them rebound by a macro
    /// in the seeds), printed by Fuzz/make-expr-seeds.py, and the test helpers' `l`, `s`, `n`.
    static let extraNames = [
        "added", "cells", "column", "counted", "counts", "early", "endOut", "ended", "ending", "face", "field",
        "first", "fy", "hi", "item", "known", "late", "listed", "lo", "mark", "matched", "note", "period",
        "previous", "printed", "projects", "ratio", "repeated", "row", "rows", "running", "said", "stars",
        "startOut", "starting", "summed", "t", "table", "total", "totals", "year", "years", "l", "s", "n",
    ]

    static let shared = ExprFixture()

    let scope: Scope
    let activation: Activation
    /// The values `self` takes: the document, a table, a cell.
    let selves: [Value]

    init() {
        let parsed = YAMLReader.parse(ExprFixture.document, path: "fixture.yaml")
        guard parsed.isComplete, let root = parsed.documents.first,
              let table = root["budgets"]?["tables"]?[0], let row = table["rows"]?[0],
              let cell = table["total"]?["years"]?[0]?["budget"], let projects = root["fields"]?[0]?["items"]?[0]?["projects"]
        else { fatalError("fuzz: the expr fixture document does not parse as expected") }
        var scope = Scope()
        for name in ExprFixture.extraNames { scope.declare(name) }
        var activation = Activation(scope: scope)
        activation[Scope.rootSlot] = .node(root)
        activation[Scope.parentSlot] = .node(table)
        activation[Scope.keySlot] = .string("budget")
        activation[Scope.indexSlot] = .number(Quantity(exact: ExactDecimal(0)))
        activation[Scope.pathSlot] = .string("$.budgets.tables[0].total.years[0].budget")
        // Each extra name gets a value of a different shape, in turn.
        let pool: [Value] = [
            .node(table), .node(row), .node(projects), .node(cell), .string("平成２７年度"),
            .list([.number(Quantity(exact: ExactDecimal(1))), .number(Quantity(exact: ExactDecimal(2))), .string("＊")]),
            .number(Quantity(exact: ExactDecimal(2015))), .null, .bool(true), .string("^※"),
        ]
        for (i, name) in ExprFixture.extraNames.enumerated() {
            if let slot = scope.slot(of: name) { activation[slot] = pool[i % pool.count] }
        }
        self.scope = scope
        self.activation = activation
        self.selves = [.node(root), .node(table), .node(cell)]
    }

    /// A plan cut down from Plans/ (two of everything, a ＊ cell).
    static let document = """
format: planlint/plan@1
plan:
  title: みやぎＩＣＴ推進プラン（２０１４～２０１６）
  document: 「みやぎＩＣＴ推進プラン（２０１４～２０１６）」
  project_list_title: 「みやぎＩＣＴ推進プラン（２０１４～２０１６）」
  period: {start: 2014, end: 2016, printed: 平成２６（２０１４）年度から平成２８（２０１６）}
  basic_goal: 「ＩＣＴでつなぐ復興への力 ～より安全・安心で豊
  priority_goals: [安全・安心なくらし, 快適・便利なくらし]
fields:
- number: 1
  name: 地域の情報化
  stated_projects: 6
  stated_projects_printed: 計６事業
  items:
  - number: 1
    title: ＩＣＴ利用環境の整備
    results: 　国，市町村及び通信事業者等との連携を図りながら
    projects:
    - {number: 1, name: ブロードバンド環境の整備促進と利活用の促進, department: 情報政策課, mark: ○, start: 2014, end: 2016}
    - {number: 2, name: 移動通信用鉄塔施設の整備促進, department: 情報政策課, mark: ○, start: 2014, end: 2016}
  - number: 2
    title: ＩＣＴ習得環境の整備
    results: 　団体が実施するＩＣＴに関するセミナー等に対して
    projects:
    - {number: 1, name: ＩＣＴを活用した復興支援とＩＣＴ講習等開催支援, department: 情報政策課, mark: ○, start: 2014, end: 2016}
    - {number: 2, name: 被災地の情報発信等のためのＩＣＴ支援, department: 情報政策課, mark: ○, start: 2014, end: 2015, note: ※平成27年度で終了}
- number: 2
  name: 行政の情報化
  stated_projects: 36
  stated_projects_printed: 計３６事業
  items:
  - number: 1
    title: 行政情報通信ネットワークと電子県庁の運用
    results: 　各種業務の基本的な情報通信基盤としてネットワー
    projects:
    - {number: 1, name: みやぎハイパーウェブの運用, department: 情報政策課, mark: ○, start: 2014, end: 2016}
    - {number: 2, name: 総合情報ネットワークの運用, department: 情報政策課, mark: ○, start: 2014, end: 2016}
  - number: 2
    title: 行政情報の発信と行政手続のオンライン化
    results: 　だれもが見やすく，使いやすいウェブサイトづくり
    projects:
    - {number: 1, name: 県ホームページの運用, department: 広報課, mark: ○, start: 2014, end: 2016}
    - {number: 2, name: 県議会ホームページの運用, department: 政務調査課, mark: ◎, start: 2014, end: 2016}
evaluation:
  legend: {◎: 計画以上の進捗，目標以上の成果があった, ○: 計画どおり実施, △: 計画を繰り下げ，実施内容の再検討等, ×: 実施せず, －: 評価困難}
  tally:
  - category: 個別事業
    counts: {◎: 15, ○: 80, △: 5, ×: 0, －: 2}
    total: 102
  - category: 情報発信サイト等
    counts: {◎: 7, ○: 27, △: 2, ×: 0, －: 1}
    total: 37
budgets:
  unit: 百万円
  legend: {＊: 百万円未満}
  notes: [※「事業費」は，県執行の予算額（当初予算額又は補, ※端数処理により，各内訳の積算額と合計額は必ずし]
  tables:
  - category: 個別事業
    fiscal_years: [2014, 2015]
    rows:
    - field: 地域の情報化
      years:
      - {fy: 2014, count: 6, budget: 7, actual: 7}
      - {fy: 2015, count: 5, budget: ＊, actual: ＊}
    - field: 行政の情報化
      years:
      - {fy: 2014, count: 33, budget: 903, actual: 858}
      - {fy: 2015, count: 36, budget: 1342, actual: 1011}
    total:
      years:
      - {fy: 2014, count: 98, budget: 7199, actual: 6525}
      - {fy: 2015, count: 98, budget: 4687, actual: 3708}
    ratio:
    - {fy: 2014, percent: 90.6}
    - {fy: 2015, percent: 79.1}
  - category: 情報発信サイト等
    fiscal_years: [2014, 2015]
    rows:
    - field: 地域の情報化
      years:
      - {fy: 2014, count: 0, budget: 0, actual: 0}
      - {fy: 2015, count: 0, budget: 0, actual: 0}
    - field: 行政の情報化
      years:
      - {fy: 2014, count: 8, budget: 41, actual: 41}
      - {fy: 2015, count: 8, budget: 43, actual: 43}
    total:
      years:
      - {fy: 2014, count: 30, budget: 132, actual: 128}
      - {fy: 2015, count: 32, budget: 157, actual: 157}
    ratio:
    - {fy: 2014, percent: 97.0}
    - {fy: 2015, percent: 100.0}
stated_counts:
  priority_goals: 5
  priority_goals_printed: ５つの重点目標
  fields: 9
  items: 20
  fields_items_printed: ９分野計２０項目
  projects: 102
  projects_printed: プラン掲載の事業数　全１０２事業
  years:
  - {fy: 2014, projects: 98, printed: 平成２６年度　　　９８事業}
  - {fy: 2015, projects: 98, added: 3, ended: 3, printed: 平成２７年度　　　９８事業（Ｈ２６年度より追加３}
"""
}
