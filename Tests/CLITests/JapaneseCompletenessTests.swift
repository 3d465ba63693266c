import Diagnostics
import PlanLintKit
import Testing

/// Issue 22's catalogue test: every message of planlint's own has Japanese with the same
/// arguments as its English, and every code has Japanese documentation.
///
/// While the helpers of issues 19 and 22 write the Japanese, the catalogues and code groups
/// still being translated are listed here by name, each with who is writing it; whoever
/// finishes one removes it from the list. A listed one that is already complete fails the
/// test, so the lists only shrink; at the end both are empty.
@Suite struct JapaneseCompletenessTests {
    /// Message catalogues (`MessageCatalogues.all`) whose Japanese is being written.
    static let cataloguesInTranslation: [String: String] = [:]

    /// Groups of codes (`Codes.groups`, by anchor) whose Japanese documentation is being written.
    static let codeGroupsInTranslation: [String: String] = [:]

    @Test func everyMessageHasJapaneseWithTheSameArguments() {
        for catalogue in MessageCatalogues.all {
            let problems = MessageText.problems(catalogues: [catalogue])
            if let who = Self.cataloguesInTranslation[catalogue.catalogueName] {
                #expect(!problems.isEmpty, "\(catalogue.catalogueName) is complete: remove it from cataloguesInTranslation (\(who))")
            } else {
                #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            }
        }
        let names = Set(MessageCatalogues.all.map { $0.catalogueName })
        for name in Self.cataloguesInTranslation.keys {
            #expect(names.contains(name), "\(name) is not in MessageCatalogues.all")
        }
    }

    @Test func everyCodeHasJapaneseDocumentation() {
        for group in Codes.groups {
            let missing = group.codes.filter { $0.japanese == nil }.map(\.id)
            if let who = Self.codeGroupsInTranslation[group.anchor] {
                #expect(!missing.isEmpty, "the codes of \(group.anchor) all have Japanese: remove it from codeGroupsInTranslation (\(who))")
            } else {
                #expect(missing.isEmpty, "\(group.anchor): no Japanese documentation for \(missing.joined(separator: ", "))")
            }
            for code in group.codes {
                guard let ja = code.japanese else { continue }
                #expect(!ja.summary.isEmpty && !ja.summary.contains("\n"), "\(code.id): the Japanese summary is one line")
                #expect(!ja.explanation.isEmpty && !ja.fix.isEmpty, "\(code.id): the Japanese explains and says how to fix")
                #expect(ja.explanation.utf16.count <= 1024, "\(code.id): SARIF truncates longer descriptions")
            }
        }
        // Every code of the registry is in a group.
        let grouped = Set(Codes.groups.flatMap { $0.codes.map(\.id) })
        for id in Codes.builtIn.ids { #expect(grouped.contains(id), "\(id) is in no group of Codes.groups") }
        let anchors = Set(Codes.groups.map(\.anchor))
        for anchor in Self.codeGroupsInTranslation.keys { #expect(anchors.contains(anchor), "\(anchor) is no group") }
    }
}
