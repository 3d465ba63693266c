import ExactNumbers
import Testing
import YAMLTree
@testable import RuleLanguage

/// Document-invariant subexpressions (loop-invariant code motion for rules) and the fast
/// forms of common shapes: they must change speed, never results.
@Suite struct InvariantTests {
    func compiled(_ text: String, scope: Scope = Scope()) throws -> CompiledExpression {
        let r = Expression.compile(text, scope: scope)
        return try #require(r.expression, "\(r.problems)")
    }

    @Test func invarianceFollowsTheVariablesRead() throws {
        #expect(try compiled("root.fields.map(f, f.name)").isDocumentInvariant)
        #expect(try compiled("size(root.fields) + 1").isDocumentInvariant)
        #expect(try compiled("1 + 2").isDocumentInvariant)
        #expect(try !compiled("self.x").isDocumentInvariant)
        #expect(try !compiled("root.fields.map(f, f.name == self.name)").isDocumentInvariant)
        #expect(try !compiled("index + size(root.fields)").isDocumentInvariant)
        // A macro's own variables do not make it variant; an outer one does, inside.
        #expect(try compiled("root.a.all(x, root.b.exists(y, y == x))").isDocumentInvariant)
        // A let is invariant when declared so (the engine declares lets over `root` so).
        var scope = Scope()
        let listed = scope.declare("listed", invariant: true) ?? -1
        let row = scope.declare("row") ?? -1
        #expect(scope.isInvariant(listed) && !scope.isInvariant(row) && scope.isInvariant(Scope.rootSlot))
        #expect(try compiled("listed.all(p, p > 0)", scope: scope).isDocumentInvariant)
        #expect(try !compiled("listed.count(p, p == row)", scope: scope).isDocumentInvariant)
        // Only the rule scope's `root` is invariant; a scope of other names has none.
        #expect(try !compiled("root.a", scope: Scope(["root"])).isDocumentInvariant)
    }

    /// Steps used by evaluating `text` with `self` = each of `selves`, one activation.
    func steps(_ text: String, root: Value, selves: [Value], caching: Bool) throws -> (used: [Int], results: [String]) {
        let e = try compiled(text)
        var activation = Activation(scope: Scope())
        activation.cachesInvariants = caching
        activation[Scope.rootSlot] = root
        var used: [Int] = [], results: [String] = []
        for s in selves {
            activation[Scope.selfSlot] = s
            var meter = CostMeter(limit: 10_000_000)
            results.append(try e.evaluate(&activation, meter: &meter).formatted())
            used.append(meter.used)
        }
        return (used, results)
    }

    @Test func anInvariantPartIsComputedOncePerActivation() throws {
        let root = Value.list((0..<1_000).map { .number(Quantity($0)) })
        let text = "root.all(x, x >= 0) && self > 0"
        let selves: [Value] = [.number(Quantity(1)), .number(Quantity(-1)), .number(Quantity(2))]
        let plain = try steps(text, root: root, selves: selves, caching: false)
        let cached = try steps(text, root: root, selves: selves, caching: true)
        #expect(plain.results == ["true", "false", "true"])
        #expect(cached.results == plain.results, "the variant part is still evaluated per match")
        #expect(plain.used[1] == plain.used[0] && plain.used[2] == plain.used[0])
        #expect(cached.used[0] == plain.used[0], "the first evaluation computes it")
        #expect(cached.used[1] < 20, "later ones find it: \(cached.used)")
    }

    @Test func capturesCarryTheirDependencies() throws {
        var scope = Scope()
        let row = scope.declareCapture("row") ?? -1
        #expect(scope.dependencies(of: row) == 1 << UInt64(row))
        #expect(scope.dependencies(of: Scope.rootSlot) == 0 && scope.dependencies(of: Scope.selfSlot) == nil)
        let projects = try compiled("root.fields.filter(f, f.name == row.field)", scope: scope)
        #expect(!projects.isDocumentInvariant && projects.captureDependencies == 1 << UInt64(row))
        let listed = scope.declare("listed", dependsOn: projects.captureDependencies) ?? -1
        #expect(try compiled("listed.all(p, p.x > 0)", scope: scope).captureDependencies == 1 << UInt64(row))
        #expect(try compiled("listed.count(p, p.x == self)", scope: scope).captureDependencies == nil)
        #expect(try compiled("size(root.fields)", scope: scope).captureDependencies == 0)
        _ = listed
    }

    /// A part that depends on a captured node is computed once per node: again when the
    /// capture moves on, never for a match below the same node.
    @Test func aCaptureDependentPartIsComputedOncePerCapturedNode() throws {
        var scope = Scope()
        let row = scope.declareCapture("row") ?? -1
        let e = try compiled("row.items.all(x, x >= 0) && self > 0", scope: scope)
        let doc = yaml("""
            - items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
            - items: [1, -2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
            """)
        func run(caching: Bool) throws -> (used: [Int], results: [String]) {
            var activation = Activation(scope: scope)
            activation.cachesInvariants = caching
            var used: [Int] = [], results: [String] = []
            // Three matches below the first row, then two below the second, then the first again.
            for (r, s) in [(0, 1), (0, 2), (0, -1), (1, 1), (1, 2), (0, 3)] {
                activation[row] = .node(doc[r]!)
                activation[Scope.selfSlot] = .number(Quantity(s))
                var meter = CostMeter(limit: 1_000_000)
                results.append(try e.evaluate(&activation, meter: &meter).formatted())
                used.append(meter.used)
            }
            return (used, results)
        }
        let plain = try run(caching: false), cached = try run(caching: true)
        #expect(plain.results == ["true", "true", "false", "false", "false", "true"])
        #expect(cached.results == plain.results)
        #expect(cached.used[0] == plain.used[0], "the first match below a row computes it")
        #expect(cached.used[1] < plain.used[1] / 2 && cached.used[2] < plain.used[2] / 2, "\(cached.used) against \(plain.used)")
        #expect(cached.used[3] == plain.used[3], "a new row computes it again")
        #expect(cached.used[4] < plain.used[4] / 2)
        #expect(cached.used[5] == plain.used[5], "one value is kept per part: back on the first row, it is computed again")
    }

    /// A capture that holds something other than a node (set by hand) is not remembered.
    @Test func aCaptureThatIsNoNodeIsNotRemembered() throws {
        var scope = Scope()
        let row = scope.declareCapture("row") ?? -1
        let e = try compiled("row.all(x, x >= 0)", scope: scope)
        var activation = Activation(scope: scope)
        activation.cachesInvariants = true
        for (list, expected) in [([1, 2], "true"), ([1, -2], "false")] {
            activation[row] = .list(list.map { .number(Quantity($0)) })
            var meter = CostMeter(limit: 1_000)
            #expect(try e.evaluate(&activation, meter: &meter).formatted() == expected)
        }
    }

    @Test func failuresAreNotRemembered() throws {
        let e = try compiled("size(root.missing) > 0 || self")
        var activation = Activation(scope: Scope())
        activation.cachesInvariants = true
        activation[Scope.rootSlot] = .map(MapValue([("a", .number(Quantity(1)))]))
        for _ in 0..<2 {
            activation[Scope.selfSlot] = .bool(true)
            var meter = CostMeter(limit: 1_000)
            #expect(throws: EvaluationError.self) { try e.evaluate(&activation, meter: &meter) }
        }
    }

    @Test func typeTestsAgreeWithTheGeneralComparison() throws {
        let doc = yaml("{n: 7, s: text, z: null, l: [1], m: {a: 1}, q: '12'}")
        let vars: [(String, Value)] = [("d", .node(doc))]
        for (expr, expected) in [
            ("type(d.n) == 'number'", true), ("'number' == type(d.n)", true), ("type(d.s) != 'number'", true),
            ("type(d.z) == 'null'", true), ("type(d.l) == 'list'", true), ("type(d.m) == 'map'", true),
            ("type(d.q) == 'string'", true), ("type(d.n) == 'numbr'", false), ("type(d.n) != 'numbr'", true),
            ("type(get(d, 'absent', null)) == 'null'", true), ("type(get(d, 'n', null)) == 'number'", true),
            // `type(get(…))` reads the type from the node found, or from the constant.
            ("type(get(d, 'm', null)) == 'map'", true), ("type(get(d, 's', 0)) == 'string'", true),
            ("type(get(d, 'absent', 0)) == 'number'", true), ("type(get(d, 'z', 0)) == 'null'", true),
            ("type(get(d, 'l', null)) != 'list'", false),
            // Not a mapping node: the general path.
            ("type(get({'a': 1}, 'a', null)) == 'number'", true), ("type(get(d.z, 'a', 'x')) == 'string'", true),
        ] {
            #expect(try isTrue(expr, vars) == expected, "\(expr)")
        }
        #expect(evaluationError("type(get(d.l, 'a', null)) == 'null'", vars)?.code == .typeMismatch)
        // A symbol spelled like a type name takes the general path: both sides are symbols
        // meaning none, so they compare equal, as any two such strings do.
        let odd = SymbolTable([("null", .null), ("list", .null)])
        #expect(try isTrue("type(d.z) == 'list'", vars, symbols: odd))
        #expect(try !isTrue("type(d.z) == 'list'", vars))
    }

    @Test func getWithAConstantKeyAgreesWithTheGeneralPath() throws {
        let doc = yaml("{a: 1, list: [5, 6]}")
        let vars: [(String, Value)] = [("d", .node(doc)), ("m", .map(MapValue([("a", .number(Quantity(2)))])))]
        #expect(try show("get(d, 'a', 0)", vars) == "1")
        #expect(try show("get(d, 'b', 0)", vars) == "0")
        #expect(try show("get(m, 'a', 0)", vars) == "2")
        #expect(try show("get(null, 'a', 'none')", vars) == "none")
        let e = try #require(evaluationError("get(d.list, 'a', 0)", vars))
        #expect(e.code == .typeMismatch)
    }

    /// Member and `get` lookups remember where their key was last found; mappings of other
    /// shapes, missing keys and repeated key texts must not change any answer.
    @Test func keyHintsNeverChangeALookup() throws {
        let doc = yaml("""
            - {start: 1, end: 2}
            - {end: 4, start: 3}
            - {note: x, start: 5, end: 6}
            - {end: 7}
            - {1: int, "1": str, start: 8}
            """)
        let vars: [(String, Value)] = [("d", .node(doc))]
        #expect(try show("d.map(p, get(p, 'start', 0))", vars) == "[1, 3, 5, 0, 8]")
        #expect(try show("d.filter(p, has(p.start)).map(p, p.start)", vars) == "[1, 3, 5, 8]")
        #expect(try show("d.map(p, get(p, 'end', 0))", vars) == "[2, 4, 6, 7, 0]")
        #expect(try show("d.map(p, get(p, '1', 'none')) == ['none', 'none', 'none', 'none', 'int']", vars) == "true")
        let e = try #require(evaluationError("d.map(p, p.start)", vars))
        #expect(e.code == .missingKey)
    }

    /// `plainInteger` reads plain digit runs in one pass; it must agree with the core
    /// schema and with the general number reader wherever it answers, and leave the rest.
    @Test func plainIntegersAgreeWithTheGeneralReader() throws {
        let texts = ["2014", "-7", "+5", "007", "0", "-0", "123456789012345678", "1234567890123456789",
                     "1_000", "0x1F", "0o17", "1.5", "1e3", "'12'", "!!str 12", "&a 12", "!!int 12", "+", "", "12a", "١٢"]
        for text in texts {
            let doc = yaml("v: \(text)")
            let n = try #require(doc["v"])
            guard let i = n.plainInteger else {
                #expect(!["2014", "-7", "+5", "007", "0", "-0", "123456789012345678"].contains(text), "\(text) should be read")
                continue
            }
            #expect(n.scalarType == .int, "\(text)")
            let general = try #require(n.withScalarBytes { ExactDecimal(utf8: $0) }, "\(text)")
            let fast = ExactDecimal(Int(i))
            #expect(fast.significand == general.significand && fast.exponent == general.exponent, "\(text)")
        }
        // Through the interpreter: the same values, intervals and comparisons either way.
        let vars: [(String, Value)] = [("d", .node(yaml("{a: 2014, b: '2014', c: 2014.0, d: 007, e: +5, f: 1234567890123456789}")))]
        #expect(try show("[d.a == 2014, d.a == d.c, d.d == 7, d.e == 5, d.a < 2015, d.f > 1234567890123456788]", vars) == "[true, true, true, true, true, true]")
        #expect(try show("d.a + 0", vars, style: .intervals) == "2014")
        #expect(try show("rounded(d.a) + 0", vars, style: .intervals) == "2014 (2013.5–<2014.5)")
        #expect(evaluationError("d.b < 2015", vars)?.code == .typeMismatch)
    }
}

