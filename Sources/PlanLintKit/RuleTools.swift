import Diagnostics
import RuleEngine
import SourceText
import YAMLTree

/// The rule-author commands (`planlint rules`, `planlint test`, `planlint eval`) as library
/// calls: the command line prints what these return, and reaches the rule engine only through
/// them.
public enum RuleTools {
    /// Where rules are looked for when none are given: `Rules/` in the current directory.
    public static let defaultDirectory = RuleLoader.defaultDirectory

    /// Rule files loaded for listing or documenting.
    public struct LoadedRules: Sendable {
        let result: RuleLoadResult
        /// Problems in the rule files, positioned in them.
        public var diagnostics: [Diagnostic] { result.diagnostics }
        /// Whether a rule file has an error (the command exits 2).
        public var hasErrors: Bool { result.hasErrors }
        var rules: [Rule] { result.ruleSet.rules }
    }

    public static func load(paths: [String]) -> LoadedRules { LoadedRules(result: loadResult(paths)) }

    /// The rules in `paths`: files, folders, and the packs built into planlint
    /// (`planlint:recommended`, shown as `planlint:recommended/FILE`).
    static func loadResult(_ paths: [String]) -> RuleLoadResult {
        let builtin = paths.filter(BuiltinResources.isBuiltin)
        if builtin.isEmpty { return RuleLoader.load(paths: paths) }
        var read = RuleLoader.read(paths: paths.filter { !BuiltinResources.isBuiltin($0) })
        var diagnostics = read.diagnostics
        for name in builtin {
            guard let pack = BuiltinResources.pack(name) else {
                let known = BuiltinResources.packNames.map { BuiltinResources.prefix + $0 }
                diagnostics.append(Diagnostic(EngineCode.unreadable, severity: .error,
                                              message: FrontendMessage.noBuiltinPack([
                                                "name": name,
                                                "hint": Suggestion.didYouMean(name, in: known)
                                                    ?? FrontendMessage.builtIn(["names": known.joined(separator: ", ")]),
                                              ]),
                                              location: .path(name)))
                continue
            }
            read.parsed += pack.map { SourceFile(path: $0.displayPath, text: $0.text) }.map { ($0, YAMLReader.parse($0)) }
        }
        var result = RuleLoader.load(parsed: read.parsed)
        result.diagnostics = diagnostics + result.diagnostics
        return result
    }

    /// The loaded rules as a table (id, severity, where each is defined, summary) or as JSON
    /// (every field of the rules' metadata).
    public static func listing(_ loaded: LoadedRules, json: Bool) -> String {
        json ? RuleListing.json(loaded.rules) : RuleListing.table(loaded.rules)
    }

    public typealias DocsWriteResult = RuleDocs.WriteResult
    public typealias DocsDifference = RuleDocs.Difference

    /// Writes one reference page per rule into `directory` (Docs/rules/).
    public static func writeDocs(_ loaded: LoadedRules, to directory: String) throws -> (pages: Int, result: DocsWriteResult) {
        let pages = RuleDocs.pages(for: loaded.rules, directory: directory)
        return (pages.count, try RuleDocs.write(pages, to: directory))
    }

    /// How the pages in `directory` differ from the rules' current reference pages.
    public static func checkDocs(_ loaded: LoadedRules, in directory: String) -> DocsDifference {
        RuleDocs.check(RuleDocs.pages(for: loaded.rules, directory: directory), in: directory)
    }

    public typealias TestReport = RuleTestReport

    /// Runs every rule's own valid and invalid examples.
    public static func test(paths: [String]) -> TestReport { RuleTester.run(loadResult(paths)) }

    public typealias Evaluation = ExpressionTool.Output

    /// `planlint eval`: the value of `expression` over each document of `tree` (with `self`
    /// bound to each match of `at`, when given), and diagnostics in the expression, the path or
    /// the document.
    public static func evaluate(_ expression: String, in tree: YAMLTree, at path: String?) -> Evaluation {
        ExpressionTool.evaluate(expression, in: tree, at: path)
    }
}
