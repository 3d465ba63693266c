import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import SourceText

/// `planlint rules`: the loaded rules as an aligned table or as JSON.
package enum RuleListing {
    /// One row per rule: id, severity, `file:line`, summary; columns aligned by terminal width
    /// (Japanese summaries are last, so they never push a column). A header line first.
    /// Empty when there are no rules.
    package static func table(_ rules: [Rule]) -> String {
        if rules.isEmpty { return "" }
        let header = [RuleWord.idColumn(), RuleWord.severityColumn(), RuleWord.sourceColumn(), RuleWord.summaryColumn()]
        let rows = rules.map { [$0.id, $0.severity.description, "\($0.source.path):\($0.source.line)", $0.summary] }
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: 3)
        for r in all { for c in 0..<3 { widths[c] = max(widths[c], DisplayWidth.columns(r[c])) } }
        var out = ""
        for r in all {
            var line = ""
            for c in 0..<3 {
                line += r[c] + String(repeating: " ", count: widths[c] - DisplayWidth.columns(r[c]) + 2)
            }
            line += r[3]
            out += line + "\n"
        }
        return out
    }

    struct Entry: Encodable {
        let id: String
        let severity: String
        let summary: String
        let description: String?
        let help: String?
        let tags: [String]
        let docs: String?
        let file: String
        let line: Int
        let column: Int
        let `for`: String
        let examples: Examples
        struct Examples: Encodable {
            let valid: Int
            let invalid: Int
        }
    }

    /// A JSON array of objects: `id`, `severity`, `summary`, `description`, `help`, `tags`,
    /// `docs`, `file`, `line`, `column`, `for`, `examples` (`{valid, invalid}` counts).
    /// Keys sorted, so the output is stable.
    package static func json(_ rules: [Rule]) -> String {
        let entries = rules.map { r in
            Entry(id: r.id, severity: r.severity.description, summary: r.summary, description: r.description, help: r.help,
                  tags: r.tags, docs: r.docsURL, file: r.source.path, line: r.source.line, column: r.source.column,
                  for: r.forPath,
                  examples: .init(valid: r.examples.filter { $0.kind == .valid }.count,
                                  invalid: r.examples.filter { $0.kind == .invalid }.count))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
