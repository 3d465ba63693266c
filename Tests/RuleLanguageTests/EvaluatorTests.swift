import ExactNumbers
import SourceText
import Testing
import YAMLTree
@testable import RuleLanguage

@Suite struct EvaluatorTests {
    @Test(arguments: [
        ("1 + 2 * 3", "7"),
        ("7 / 2", "3.5"),
        ("6 / 2", "3"),
        ("10 % 3", "1"),
        ("-7 % 3", "-1"),
        ("7.5 % 2", "1.5"),
        ("-(2 - 5)", "3"),
        ("0.1 + 0.2", "0.3"),
        ("1.10 + 2.205", "3.305"),
        ("'情報' + '政策課'", "情報政策課"),
        ("[1, 2] + [3]", "[1, 2, 3]"),
        ("{'a': 1, 'b': 'x'}", "{a: 1, b: 'x'}"),
        ("{a: 1, b: 'x'}", "{a: 1, b: 'x'}"),
        ("{min: 80, below: 100}", "{min: 80, below: 100}"),
        ("{('a' + 'b'): 1}", "{ab: 1}"),
        ("size('情報政策課')", "5"),
        ("size([1, 2, 3])", "3"),
        ("size({'a': 1})", "1"),
        ("[1, 2, 3].size()", "3"),
        ("[3, 1, 2].count()", "3"),
        ("[1, 2, 3, 4].count(x, x % 2 == 0)", "2"),
        ("[1, 2, 3].map(x, x * 10)", "[10, 20, 30]"),
        ("[1, 2, 3, 4].map(x, x > 2, x * 10)", "[30, 40]"),
        ("[1, 2, 3, 4].filter(x, x > 2)", "[3, 4]"),
        ("['a', 'b'].map(i, x, string(i) + x)", "error"),
        ("[5, 6].all(i, x, i < 2 && x > 4)", "true"),
        ("{'a': 1, 'b': 2}.map(k, k)", "['a', 'b']"),
        ("{'a': 1, 'b': 2}.all(k, v, v > 0 && size(k) == 1)", "true"),
        ("sum([1, 2.5, 3])", "6.5"),
        ("sum([])", "0"),
        ("[1, 2].sum()", "3"),
        ("min([3, 1, 2])", "1"),
        ("max(3, 7, 5)", "7"),
        ("min(['b', 'a'])", "a"),
        ("abs(-2.5)", "2.5"),
        ("round(2.5)", "3"),
        ("round(-2.5)", "-3"),
        ("round(90.637, 1)", "90.6"),
        ("round(1234, -2)", "1200"),
        ("keys({'a': 1, 'b': 2})", "['a', 'b']"),
        ("values({'a': 1, 'b': 2})", "[1, 2]"),
        ("unique([1, 2, 1, 3, 2])", "[1, 2, 3]"),
        ("duplicates([1, 2, 1, 3, 2, 1])", "[1, 2, 1]"),
        ("unique([1, 1.0, 1.00])", "[1]"),
        ("flatten([[1, 2], [3], 4])", "[1, 2, 3, 4]"),
        ("join(['a', 'b', 'c'], '、')", "a、b、c"),
        ("join([1, 'x'])", "1, x"),
        ("get({'a': 1}, 'b', 0)", "0"),
        ("get({'a': 1}, 'a', 0)", "1"),
        ("get([1], 3, 'none')", "none"),
        ("get(null, 'a', 'd')", "d"),
        ("'※平成２７年度で終了'.startsWith('※')", "true"),
        ("'※平成２７年度で終了'.endsWith('で終了')", "true"),
        ("'※平成２７年度で終了'.contains('年度')", "true"),
        ("contains([1, 2], 2)", "true"),
        ("int('１０２')", "102"),
        ("int(-7.9)", "-7"),
        ("int(7.9)", "7"),
        ("number('７，１９９')", "7199"),
        ("number('90.6%')", "90.6"),
        ("string(90.60)", "90.60"),
        ("string(true)", "true"),
        ("type([1])", "list"),
        ("type(null)", "null"),
        ("fiscalYear('平成２７年度')", "2015"),
        ("'◎' in ['◎', '○']", "true"),
        ("'△' in ['◎', '○']", "false"),
        ("'a' in {'a': 1}", "true"),
        ("'b' < 'a'", "false"),
        ("'○' < '◎'", "true"),
        ("has({'a': 1}.a)", "true"),
        ("has({'a': 1}.b)", "false"),
        ("has([1, 2][1])", "true"),
        ("has([1, 2][2])", "false"),
        ("true ? 'y' : 'n'", "y"),
        ("false || (1 < 2)", "true"),
        ("exact(7199)", "7199"),
        ("rounded(90.6)", "90.6 (90.55–<90.65)"),
        ("rounded(7199)", "7199 (7198.5–<7199.5)"),
        ("lower(rounded(7199))", "7198.5"),
        ("upper(rounded(100.0))", "100.05"),
        // A quotient that does not come out even shows six significant digits (issue 18).
        ("1 / 3", "≈0.333333"),
    ])
    func values(_ text: String, _ expected: String) throws {
        if expected == "error" {
            #expect(throws: (any Error).self, "\(text)") { try evaluate(text) }
            return
        }
        #expect(try show(text) == expected, "\(text)")
    }

    @Test func shortCircuit() throws {
        // The right side would fail: division by zero, a missing key.
        #expect(try isTrue("!(false && 1 / 0 == 1)"))
        #expect(try isTrue("true || {'a': 1}.b == 2"))
        #expect(try isTrue("[].all(x, 1 / 0 == 1)"))
        #expect(try isTrue("[1, 2].exists(x, x == 1 || x / 0 == 1)"))
        // ?: evaluates one branch only.
        #expect(try show("true ? 1 : 1 / 0") == "1")
    }

    static let plan = yaml("""
        plan:
          title: テスト
          period: {start: 2014, end: 2016}
        fields:
          - number: 1
            name: 地域の情報化
            stated_projects: 2
            items:
              - number: 1
                title: ＩＣＴ利用環境の整備
                projects:
                  - {number: 1, name: ブロードバンド, department: 情報政策課, mark: ○, start: 2014, end: 2016}
                  - {number: 2, name: 地デジ, department: 情報政策課, mark: ◎, start: 2014, end: 2014, note: "※平成26年度で終了"}
          - number: 2
            name: 行政の情報化
            stated_projects: 1
            items:
              - number: 1
                title: 電子自治体
                projects:
                  - {number: 1, name: 電子申請, department: 情報政策課, mark: ◎, start: 2015, end: 2016, note: "※H27年度事業開始"}
        evaluation:
          tally:
            - {category: 個別事業, counts: {◎: 2, ○: 1, △: 0, ×: 0, －: 0}, total: 3}
        anchors:
          base: &b {x: 1}
          copy: *b
        """)

    func with(_ text: String, _ self_: YAMLNode? = nil) throws -> Value {
        try evaluate(text, [("self", .node(self_ ?? Self.plan)), ("root", .node(Self.plan))])
    }

    @Test func readsDocumentNodes() throws {
        #expect(try with("self.plan.title").formatted() == "テスト")
        #expect(try with("self.fields[1].name").formatted() == "行政の情報化")
        #expect(try with("size(self.fields)").formatted() == "2")
        #expect(try with("self.fields.all(f, size(flatten(f.items.map(i, i.projects))) == f.stated_projects)").boolValue == true)
        let projects = "flatten(flatten(root.fields.map(f, f.items.map(i, i.projects))))"
        #expect(try with("\(projects).count(p, p.mark == '◎') == self.evaluation.tally[0].counts['◎']").boolValue == true)
        #expect(try with("sum(values(self.evaluation.tally[0].counts)) == self.evaluation.tally[0].total").boolValue == true)
        #expect(try with("keys(self.evaluation.tally[0].counts)").formatted() == "['◎', '○', '△', '×', '－']")
        #expect(try with("\(projects).filter(p, has(p.note)).map(p, fiscalYear(p.note))").formatted() == "[2014, 2015]")
        #expect(try with("\(projects).all(p, !has(p.note) || (p.note.contains('終了') ? fiscalYear(p.note) == p.end : fiscalYear(p.note) == p.start))").boolValue == true)
        #expect(try with("\(projects).all(p, p.start <= p.end && p.start >= root.plan.period.start)").boolValue == true)
        // Aliases are resolved by YAMLNode.
        #expect(try with("self.anchors.copy.x == 1").boolValue == true)
        // unique over nodes hashes by value.
        #expect(try with("unique(\(projects).map(p, p.department))").formatted() == "['情報政策課']")
        #expect(try with("duplicates(\(projects).map(p, p.mark))").formatted() == "['◎']")
    }

    @Test func resultsKeepTheirNodes() throws {
        // filter and min return the document nodes themselves: the engine can blame them.
        let v = try with("flatten(flatten(root.fields.map(f, f.items.map(i, i.projects)))).filter(p, p.mark == '◎')")
        let nodes = try #require(v.elements).compactMap(\.node)
        #expect(nodes.count == 2)
        #expect(nodes[0].file.location(of: nodes[0].range.start).line == 13)
        let m = try with("min(flatten(flatten(root.fields.map(f, f.items.map(i, i.projects)))).map(p, p.end))")
        #expect(m.node?.scalarText == "2014")
    }

    @Test func missingKeyBlamesTheDataNode() throws {
        let e = try #require(catchError { try with("self.plan.titel") })
        #expect(e.code == .missingKey)
        #expect(e.message == "no key `titel` in `self.plan`")
        #expect(e.help == "did you mean `title`?")
        #expect(e.notes == ["keys here: title, period"])
        let node = try #require(e.node)
        #expect(node.file.location(of: node.range.start).line == 2, "the plan mapping")
        #expect(e.range == ByteRange(0, 15))
    }

    @Test func typeMismatchOnDataBlamesTheNode() throws {
        let e = try #require(catchError { try with("self.plan.title - 1") })
        #expect(e.code == .typeMismatch)
        #expect(e.message == "expected a number, but `self.plan.title` is the string 'テスト'")
        #expect(e.node?.scalarText == "テスト")
        let f = try #require(catchError { try with("self.fields.name") })
        #expect(f.code == .typeMismatch)
        #expect(f.help?.contains("self.fields.map(x, x.name)") == true)
        let g = try #require(catchError { try with("self.fields[5]") })
        #expect(g.code == .indexOutOfRange)
        #expect(g.message == "index 5 is out of range: `self.fields` has 2 elements")
        #expect(g.node?.isSequence == true)
        let h = try #require(catchError { try with("self.fields[0].stated_projects && true") })
        #expect(h.code == .typeMismatch)
        #expect(h.node?.scalarText == "2")
    }

    @Test func equalityAcrossTypes() throws {
        #expect(try isTrue("1 == 1.0"))
        #expect(try isTrue("[1, 'a'] == [1.0, 'a']"))
        #expect(try isTrue("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}"))
        #expect(try isTrue("[1] != [1, 2]"))
        #expect(try isTrue("null == null"))
        let x = [("x", Value.string("a")), ("n", Value.number(Quantity(1)))]
        #expect(try !isTrue("x == n", x), "different types are unequal, not an error")
        #expect(try isTrue("x != null", x))
        // A mapping node equals a map with the same entries.
        #expect(try with("self.anchors.base == {'x': 1}").boolValue == true)
    }

    @Test func activationIsRestoredAndReusable() throws {
        var scope = Scope()
        let slot = scope.declare("n")!
        let c = try #require(Expression.compile("[1, 2, 3].map(x, [x].map(y, y + n))", scope: scope).expression)
        var activation = Activation(scope: scope)
        activation[slot] = .number(Quantity(10))
        var meter = CostMeter(limit: 10_000)
        let v = try c.evaluate(&activation, meter: &meter)
        #expect(v.formatted() == "[[11], [12], [13]]")
        #expect(activation[slot].formatted() == "10")
        let used = meter.used
        #expect(used > 10)
        _ = try c.evaluate(&activation, meter: &meter)
        #expect(meter.used == 2 * used, "the meter accumulates across evaluations of one rule")
    }

    @Test func concurrentEvaluationOfOneCompiledExpression() async throws {
        let c = try #require(Expression.compile("self.fields.all(f, f.items.all(i, i.projects.all(p, p.start <= p.end)))", scope: Scope()).expression)
        let plan = Self.plan
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var a = Activation(scope: Scope())
                    a[Scope.selfSlot] = .node(plan)
                    var ok = true
                    for _ in 0..<200 {
                        var meter = CostMeter(limit: 100_000)
                        ok = ok && ((try? c.evaluate(&a, meter: &meter))?.boolValue == true)
                    }
                    return ok
                }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results == Array(repeating: true, count: 16))
    }

    @Test func explainRecordsTheDecidingComparisons() throws {
        let c = try #require(Expression.compile("self.fields.all(f, f.stated_projects == 2) && 1 < 2", scope: Scope()).expression)
        var a = Activation(scope: Scope())
        a[Scope.selfSlot] = .node(Self.plan)
        var meter = CostMeter(limit: 10_000)
        let x = try c.explain(&a, meter: &meter)
        #expect(x.value.boolValue == false)
        // Field 1 passes (dropped), field 2 fails: only its comparison is kept.
        #expect(x.comparisons.count == 1)
        let t = x.comparisons[0]
        #expect(t.op == "==")
        #expect(t.left.formatted() == "1")
        #expect(t.right.formatted() == "2")
        #expect(t.result == false)
        #expect(covered(c.text, t.range) == "f.stated_projects == 2")
        #expect(covered(c.text, t.leftRange) == "f.stated_projects")
        #expect(t.left.node?.scalarText == "1")
    }

    @Test func formatting() throws {
        let cell = yaml("{a: 7199, b: \"＊\", c: 90.6, d: [1, \"x\"], e: null}")
        func f(_ path: String, _ style: ValueStyle) throws -> String {
            try evaluate(path, [("self", .node(cell))]).formatted(style)
        }
        #expect(try f("self.a", .plain) == "7199")
        #expect(try f("self.a", .intervals) == "7199", "a plan number is exact")
        #expect(try f("rounded(self.a)", .intervals) == "7199 (7198.5–<7199.5)")
        #expect(try f("self.b", .plain) == "＊")
        #expect(try f("self.b", .intervals) == "＊ (>0–<1)")
        #expect(try f("self.c", .intervals) == "90.6")
        #expect(try f("rounded(self.c)", .plain) == "90.6 (90.55–<90.65)")
        #expect(try f("self.d", .plain) == "[1, 'x']")
        #expect(try f("self.e", .plain) == "null")
        #expect(try f("self.a + self.b", .plain) == "(>7199–<7200)")
        #expect(try f("rounded(self.a) + self.b", .plain) == "(>7198.5–<7200.5)")
        #expect(try f("self.a + 1", .plain) == "7200")
        #expect(try f("rounded(self.a) + 1", .plain) == "7200 (7199.5–<7200.5)")
        let long = try evaluate("[" + (1...30).map(String.init).joined(separator: ", ") + "]").formatted()
        #expect(long.hasSuffix("20, … 10 more]"))
    }
}

func catchError(_ body: () throws -> Value) -> EvaluationError? {
    do {
        _ = try body()
        return nil
    } catch let e as EvaluationError {
        return e
    } catch {
        Issue.record("unexpected \(error)")
        return nil
    }
}

@Suite struct ActivationSafetyTests {
    /// An expression compiled before later lets were declared must not write over them
    /// with its macro variables.
    @Test func macroVariablesNeverOverwriteLaterLets() throws {
        var scope = Scope()
        let early = try #require(Expression.compile("[1, 2, 3].map(x, x * 2)", scope: scope).expression)
        let slot = scope.declare("later")!
        var a = Activation(scope: scope)
        a[slot] = .string("keep me")
        var meter = CostMeter(limit: 10_000)
        #expect(try early.evaluate(&a, meter: &meter).formatted() == "[2, 4, 6]")
        #expect(a[slot].formatted() == "keep me")
        let late = try #require(Expression.compile("[1].all(y, later == 'keep me')", scope: scope).expression)
        #expect(try late.evaluate(&a, meter: &meter).boolValue == true)
    }

    /// The deepest expressions the parser accepts evaluate without exhausting a small thread
    /// stack. Measured: under 100 KiB in release builds, under 450 KiB in debug builds; the
    /// test runs on 1 MiB so a debug run has margin (Darwin's secondary threads have 512 KiB).
    @Test func deepestExpressionsFitASmallStack() throws {
        let texts = [
            String(repeating: "!", count: 198) + "true",
            String(repeating: "(", count: 190) + "1" + String(repeating: " + 1)", count: 190),
            String(repeating: "-", count: 198) + "1",
            (1...60).map { "[1].all(x\($0), " }.joined() + "true" + String(repeating: ")", count: 60),
            String(repeating: "size([", count: 99) + "1" + String(repeating: "])", count: 99),
            String(repeating: "true ? ", count: 198) + "1" + String(repeating: " : 0", count: 198),
        ]
        for text in texts {
            let r = Expression.compile(text, scope: Scope())
            let c = try #require(r.expression, "\(text.prefix(30))…: \(r.problems)")
            let ok = runOnSmallStack {
                var a = Activation(scope: Scope())
                var meter = CostMeter(limit: 1_000_000)
                return (try? c.evaluate(&a, meter: &meter)) != nil
            }
            #expect(ok, "\(text.prefix(30))…")
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a thread with a 1 MiB stack and returns its result.
func runOnSmallStack(_ body: @escaping @Sendable () -> Bool) -> Bool {
    final class Box: @unchecked Sendable {
        var body: () -> Bool
        var result = false
        init(_ body: @escaping () -> Bool) { self.body = body }
    }
    let box = Box(body)
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, 1024 * 1024)
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let ptr = Unmanaged.passRetained(box).toOpaque()
    pthread_create(&thread, &attr, { raw in
        let b = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        b.result = b.body()
        return nil
    }, ptr)
    #if canImport(Glibc)
    pthread_join(thread, nil)
    #else
    pthread_join(thread!, nil)
    #endif
    pthread_attr_destroy(&attr)
    return box.result
}
