import Foundation
import SourceText
import Testing
@testable import RuleLanguage

@Suite struct CheckerTests {
    /// (expression, code, covered text, message fragment, help fragment)
    @Test(arguments: [
        ("slef.items", "unknown-identifier", "slef", "unknown name `slef`", "did you mean `self`?"),
        ("roo.plan", "unknown-identifier", "roo", "unknown name `roo`", "did you mean `root`?"),
        ("this.x", "unknown-identifier", "this", "unknown name `this`", "did you mean `self`?"),
        ("self == True", "unknown-identifier", "True", "unknown name `True`", "did you mean `true`?"),
        ("x == None", "unknown-identifier", "x", "unknown name `x`", ""),
        ("size", "unknown-identifier", "size", "`size` is a function", "call it: size(…)"),
        ("lenght(self)", "unknown-function", "lenght", "unknown function `lenght`", "did you mean `size`?"),
        ("len(self)", "unknown-function", "len", "unknown function `len`", "did you mean `size`?"),
        ("self.items.sise()", "unknown-function", "sise", "unknown function `sise`", "did you mean `size`?"),
        ("self.items.every(p, p)", "unknown-function", "every", "unknown function `every`", "did you mean `all`?"),
        ("fiscalyear(self)", "unknown-function", "fiscalyear", "unknown function", "did you mean `fiscalYear`?"),
        ("size(self, 1)", "wrong-arity", "1", "`size` takes 1 argument, but 2 were given", "size(string | list | map)"),
        ("self.size(1)", "wrong-arity", "1", "counting the value before the `.`", ""),
        ("matches(self)", "wrong-arity", "matches(self)", "`matches` takes 2 arguments, but 1 was given", ""),
        ("round(1, 2, 'down', 4)", "wrong-arity", "4", "takes 1 to 3 arguments", ""),
        ("floor(1, 2, 3)", "wrong-arity", "3", "takes 1 or 2 arguments", ""),
        ("'a' - 1", "type-mismatch", "'a'", "`-` needs numbers, but the left operand is a string", ""),
        ("1 - 'a'", "type-mismatch", "'a'", "the right operand is a string", ""),
        ("'a' + 1", "type-mismatch", "'a' + 1", "cannot add a number to a string", "string(…)"),
        ("!5", "type-mismatch", "5", "`!` needs a bool, but this is a number", ""),
        ("-'x'", "type-mismatch", "'x'", "`-` needs a number", ""),
        ("size(1)", "type-mismatch", "1", "`size` needs a string, list or map as argument 1, but this is a number", ""),
        ("(1).size()", "type-mismatch", "(1)", "the value before `.size`", ""),
        ("1 && true", "type-mismatch", "1", "`&&` needs bools", ""),
        ("1 == 'a'", "type-mismatch", "1 == 'a'", "a number is never equal to a string", ""),
        ("true < false", "type-mismatch", "true", "`<` needs numbers or strings", ""),
        ("1 < 'a'", "type-mismatch", "1 < 'a'", "cannot order a number against a string", ""),
        ("'a' ~= 1", "type-mismatch", "'a'", "`~=` needs numbers", ""),
        ("1 in 2", "type-mismatch", "2", "`in` needs a list or a map on the right", ""),
        ("'a' in 'abc'", "type-mismatch", "'abc'", "`in` needs a list or a map", "contains(s, part)"),
        ("1 ? 2 : 3", "type-mismatch", "1", "the condition of `? :` must be a bool", ""),
        ("[1].all(x, x + 1)", "type-mismatch", "x + 1", "the condition of `all` must be a bool", ""),
        ("(1).all(x, true)", "type-mismatch", "(1)", "`all` works on a list or a map", ""),
        ("self.all(1, true)", "invalid-macro", "1", "must name a variable", ""),
        ("self.all(self, true)", "invalid-macro", "self", "`self` is already a variable here", ""),
        ("self.all(x, self.all(x, true))", "invalid-macro", "x", "`x` is already a variable here", ""),
        ("all(self, x, true)", "invalid-macro", "all", "`all` is a macro called on a list", ""),
        ("self.all(x)", "wrong-arity", "self.all(x)", "takes a variable and a condition", ""),
        ("self.map(a, b, c, d)", "wrong-arity", "self.map(a, b, c, d)", "`map` takes", ""),
        ("has(self)", "invalid-macro", "self", "`has` takes a field", ""),
        ("has(1.5.x)", "type-mismatch", "1.5", "`has` tests a field of a map", ""),
        ("{'a': 1, 'a': 2}", "duplicate-map-key", "'a'", "appears twice", ""),
        ("{1: 2}", "type-mismatch", "1", "map keys must be strings", ""),
        ("matches(self, '(a')", "invalid-regex", "(", "unclosed group", ""),
        ("self.matches('a{2,1}')", "invalid-regex", "{2,1}", "maximum is below the minimum", ""),
        ("self.matches(r'\\1')", "invalid-regex", "\\1", "backreferences", "backtracking"),
        ("self.matches('x\\\\q')", "invalid-regex", "'x\\\\q'", "unknown escape", ""),
        ("self.matches('a{1001}')", "invalid-regex", "{1001}", "over the limit of 1000", ""),
        ("(1).x", "type-mismatch", "(1).x", "a number has no fields", ""),
        ("'abc'[0]", "type-mismatch", "'abc'", "a string cannot be indexed", ""),
        ("[1][true]", "type-mismatch", "true", "a list is indexed by a number", ""),
        ("min(1)", "type-mismatch", "1", "of one value needs a list", ""),
    ])
    func staticErrors(_ text: String, _ code: String, _ cover: String, _ message: String, _ help: String) throws {
        let ps = problems(text)
        let p = try #require(ps.first, "\(text) should not compile")
        #expect(p.code.rawValue == code, "\(text): \(ps)")
        #expect(covered(text, p.range) == cover, "\(text): covers '\(covered(text, p.range))'")
        #expect(p.message.contains(message), "\(text): \(p.message)")
        if !help.isEmpty { #expect((p.help ?? "").contains(help), "\(text): help \(p.help ?? "nil")") }
    }

    @Test func reportsEveryProblemInTextOrder() {
        let text = "slef.a + size(1, 2) + foo(root)"
        let ps = problems(text)
        #expect(ps.map(\.code) == [.unknownIdentifier, .wrongArity, .unknownFunction])
        #expect(ps.map { covered(text, $0.range) } == ["slef", "2", "foo"])
    }

    @Test func letsAreVisibleInDeclarationOrder() {
        var scope = Scope()
        #expect(Expression.compile("budgets", scope: scope).problems.first?.code == .unknownIdentifier)
        let slot = scope.declare("budgets", type: .list)
        #expect(slot == Scope.ruleVariables.count)
        #expect(scope.declare("budgets") == nil, "no redeclaration")
        #expect(scope.declare("in") == nil, "reserved")
        #expect(scope.declare("2x") == nil, "not a name")
        #expect(Scope.nameProblem("in") == "`in` is a reserved word")
        let r = Expression.compile("size(budgets) + 1", scope: scope)
        #expect(r.problems.isEmpty)
        #expect(r.expression?.usedSlots == [Scope.ruleVariables.count])
        #expect(r.expression?.resultType == .number)
        // The let's static type is used: a list is never a string.
        #expect(Expression.compile("budgets.startsWith('a')", scope: scope).problems.first?.code == .typeMismatch)
        // Notes list what is in scope.
        let p = Expression.compile("budget", scope: scope).problems[0]
        #expect(p.help == "did you mean `budgets`?")
        #expect(p.notes == ["names available here: " + (Scope.ruleVariables + ["budgets"]).joined(separator: ", ")])
    }

    @Test func macroVariablesAreScoped() {
        #expect(problems("self.all(p, p.mark != '×') && p").map(\.code) == [.unknownIdentifier])
        #expect(problems("self.all(p, self.exists(q, q == p))").isEmpty)
        #expect(problems("self.all(i, p, i >= 0 && p != null)").isEmpty)
        #expect(problems("self.map(p, p.x > 0, p.x)").isEmpty)
    }

    @Test func expectedType() {
        let ps = problems("size(self)", expecting: .bool)
        #expect(ps.count == 1)
        #expect(ps[0].message == "expected a bool expression, but this is a number")
        #expect(ps[0].range == ByteRange(0, 10))
        #expect(problems("self.x", expecting: .bool).isEmpty, "dyn passes: known only at run time")
        #expect(problems("self.x > 1 ? true : false", expecting: .bool).isEmpty)
    }

    @Test func inferredTypes() {
        func type(_ t: String) -> ValueType? { Expression.compile(t, scope: Scope()).expression?.resultType }
        #expect(type("1 + 2") == .number)
        #expect(type("'a' + 'b'") == .string)
        #expect(type("self.x") == .dyn)
        #expect(type("self.x + 1") == .number)
        #expect(type("self.all(x, true)") == .bool)
        #expect(type("self.map(x, x)") == .list)
        #expect(type("self.count(x, true)") == .number)
        #expect(type("min(1, 2)") == .number)
        #expect(type("true ? 1 : 'a'") == .dyn)
    }

    @Test func checkedTreeResolvesNamesAndFolds() throws {
        let c = try #require(Expression.compile("self.mark in ['◎', '○'] && size(self.x) > 0", scope: Scope()).expression)
        #expect(c.treeDescription == "(&& (in (. self#0 mark) ['◎', '○']) (> (size (. self#0 x)) 0))")
        let m = try #require(Expression.compile("self.note.matches('^※')", scope: Scope()).expression)
        #expect(m.treeDescription == "(matches (. self#0 note) /^※/)")
        let k = try #require(Expression.compile("self.all(p, p.x > 0)", scope: Scope()).expression)
        #expect(k.treeDescription == "(all self#0 @0 (> (. p@0 x) 0))")
    }

    @Test func regexErrorPointsInsideTheLiteral() throws {
        let text = "self.matches('ab(c')"
        let p = try #require(problems(text).first)
        #expect(covered(text, p.range) == "(")
    }

    @Test func catalogCoversEveryFunction() {
        let names = Set(Expression.functions.map(\.name))
        for b in Builtins.all { #expect(names.contains(b.name), "\(b.name) is documented") }
        for m in MacroKind.allCases { #expect(names.contains(m.rawValue), "\(m) is documented") }
        #expect(names.contains("has"))
        // Every catalog example compiles against a scope with the rule variables.
        var scope = Scope()
        for n in ["budgets", "names", "projects"] { scope.declare(n) }
        for f in Expression.functions {
            let ps = Expression.compile(f.example, scope: scope).problems
            #expect(ps.isEmpty, "\(f.name) example `\(f.example)`: \(ps)")
        }
    }
}

@Suite struct DocumentationTests {
    static let docPath: String = {
        var dir = #filePath
        for _ in 0..<3 { dir = String(dir[..<dir.lastIndex(of: "/")!]) }
        return dir + "/Docs/rules-language.md"
    }()
    static let doc: String = String(decoding: try! readFile(docPath), as: UTF8.self)

    static let tableStart = "<!-- The table below is generated from Sources/RuleLanguage/Builtins.swift: PLANLINT_RECORD=1 swift test --filter DocumentationTests -->\n"
    static let tableEnd = "<!-- end of the generated table -->"

    /// The functions table of Docs/rules-language.md is the declarations' own documentation
    /// (re-recorded like a golden file with PLANLINT_RECORD=1).
    @Test func functionTableIsGeneratedFromTheDeclarations() throws {
        let doc = Self.doc
        let start = try #require(doc.range(of: Self.tableStart), "Docs/rules-language.md has no generated functions table")
        let end = try #require(doc.range(of: Self.tableEnd, range: start.upperBound..<doc.endIndex))
        let expected = Builtins.markdownTable
        if ProcessInfo.processInfo.environment["PLANLINT_RECORD"] == "1" {
            let updated = String(doc[..<start.upperBound]) + expected + String(doc[end.lowerBound...])
            try updated.write(toFile: Self.docPath, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(doc[start.upperBound..<end.lowerBound]) == expected,
                "the functions table of Docs/rules-language.md is stale: re-record it with PLANLINT_RECORD=1 swift test --filter DocumentationTests")
    }

    /// Each declaration is usable by every reader: forms name the function, aliases lead to it.
    @Test func declarationsAreComplete() {
        var names = Set<String>()
        for f in Builtins.all {
            #expect(names.insert(f.name).inserted, "\(f.name) is declared twice")
            #expect(!f.forms.isEmpty && f.forms.allSatisfy { $0.contains("\(f.name)(") }, "\(f.name): \(f.forms)")
            #expect(!f.summary.isEmpty && !f.example.isEmpty, "\(f.name) is documented")
            for a in f.aliases { #expect(Builtins.aliases[a] == f.name && Builtins.named(a) == nil, "\(a) → \(f.name)") }
            #expect(f.signature.params.count >= f.signature.minArgs, "\(f.name)")
        }
        #expect(problems("lenght(self)").first?.help == "did you mean `size`?")
        #expect(problems("startswith(self, 'a')").first?.help == "did you mean `startsWith`?")
    }

    @Test func everyFunctionAndMacroIsDocumented() {
        for f in Expression.functions {
            let forms = ["`\(f.name)(", ".\(f.name)(", "`l.\(f.name)(", "`has("]
            #expect(forms.contains { Self.doc.contains($0) }, "\(f.name) is missing from Docs/rules-language.md")
        }
    }

    @Test func everyErrorCodeIsDocumented() {
        for c in ExpressionProblem.Code.allCases { #expect(Self.doc.contains("`\(c.rawValue)`"), "\(c.rawValue)") }
        for c in EvaluationError.Code.allCases { #expect(Self.doc.contains("`\(c.rawValue)`"), "\(c.rawValue)") }
    }

    @Test func documentedExamplesCompile() {
        var scope = Scope()
        for n in ["budgets", "names"] { scope.declare(n) }
        for text in [
            "!has(self.note) || fiscalYear(self.note) == (self.note.contains('終了') ? self.end : self.start)",
            "sum(self.rows.map(r, r.years[2].budget)) ~= self.total.years[2].budget",
            "self.total.years[0].actual / self.total.years[0].budget * 100 ~= self.ratio[0].percent",
            "self.counts.all(mark, n, n >= 0)",
            "self.rows.map(r, r.years.filter(y, y.fy == 2016)[0].budget)",
            "root.evaluation.tally.exists_one(t, t.category == '合計')",
            "self.projects.all(p, self.projects.count(q, q.number == p.number) == 1)",
            "duplicates(self.projects.map(p, p.number)) == []",
        ] {
            #expect(Expression.compile(text, scope: scope).problems.isEmpty, "\(text)")
        }
    }
}
